import { useEffect, useState } from 'react';
import { useLayoutStore } from '../layout/layout-store.js';
import { useGitStore } from '../git/git-store.js';
import { TextDiff } from '../git/text-diff.js';
import { useServicesStore } from './services-store.js';
import './services.css';

/** The upgrade assistant: chosen services, a target version, per-environment rendered diffs, migration hints, apply on a new branch. */
export function UpgradeView({ template }: { template: string }) {
  const upgrade = useServicesStore((s) => (s.upgrade?.template === template ? s.upgrade : null));
  const table = useServicesStore((s) => s.table);
  const setUpgrade = useServicesStore((s) => s.setUpgrade);
  const plan = useServicesStore((s) => s.plan);
  const apply = useServicesStore((s) => s.apply);
  const openUpgrade = useServicesStore((s) => s.openUpgrade);
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    if (!useServicesStore.getState().table) void useServicesStore.getState().load();
    if (useServicesStore.getState().upgrade?.template !== template) openUpgrade(template, []);
  }, [template, openUpgrade]);
  if (!upgrade) return null;
  const users = [...new Set(table?.rows.filter((r) => r.template === template).map((r) => r.service))].sort();
  const versions = table?.templates.find((t) => t.name === template)?.versions ?? [];
  const failing = upgrade.plan?.services.flatMap((s) => s.environments.filter((e) => e.afterError).map((e) => `${s.service} (${e.environment})`)) ?? [];
  const confirmApply = () => {
    // Applying an upgrade whose target does not render yet is allowed (the values get migrated next), but never by accident.
    if (failing.length && !window.confirm(`${failing.join(', ')} will not render on v${upgrade.to} until their values are migrated (see the hints). Commit the version change anyway?`)) return;
    void apply();
  };
  const toggle = (service: string) => setUpgrade({ services: upgrade.services.includes(service) ? upgrade.services.filter((s) => s !== service) : [...upgrade.services, service] });
  return (
    <div className="upgrade-view" data-testid="upgrade-view" data-template={template}>
      <header className="upgrade-header">
        <h2>Upgrade {template}</h2>
        <label>to <select value={upgrade.to} onChange={(e) => setUpgrade({ to: e.target.value })} aria-label="Target version" data-testid="upgrade-to">
          <option value="">choose…</option>
          {versions.map((v) => <option key={v} value={v}>v{v}</option>)}
        </select></label>
        <button type="button" className="primary" data-testid="upgrade-plan" disabled={!upgrade.to || !upgrade.services.length || upgrade.planning} onClick={() => void plan()}>
          {upgrade.planning ? 'Rendering…' : 'Show the changes'}
        </button>
      </header>
      <fieldset className="upgrade-services">
        <legend>Services on {template}</legend>
        {users.map((s) => {
          const row = table?.rows.find((r) => r.service === s);
          return (
            <label key={s} className="check"><input type="checkbox" checked={upgrade.services.includes(s)} onChange={() => toggle(s)} data-testid="upgrade-service" data-service={s} />
              {s} <span className="muted">{row?.resolved ? `v${row.resolved}` : row?.requested}</span></label>
          );
        })}
      </fieldset>
      {upgrade.plan && (
        <div className="upgrade-plan" data-testid="upgrade-plan-result">
          {upgrade.plan.skipped.map((s) => <p key={s.service} className="muted">{s.service}: skipped ({s.reason})</p>)}
          {upgrade.plan.services.map((service) => (
            <section key={service.service} className="upgrade-service" data-testid="upgrade-service-plan" data-service={service.service}>
              <h3>{service.service} <span className="muted">{service.file}: <code>{service.requested}</code> → <code>{service.newRequested}</code>{service.from ? ` (now v${service.from})` : ''}</span></h3>
              {service.hints.length > 0 && (
                <ul className="migration-hints" data-testid="migration-hints">
                  {service.hints.map((h) => <li key={`${h.kind}/${h.path}`} className={`hint-${h.kind}`}><code>{h.path}</code> ({h.environments.join(', ')}): {h.message}</li>)}
                </ul>
              )}
              {service.environments.map((env) => {
                const key = `${service.service}/${env.environment}`;
                const changed = env.hunks.reduce((n, h) => n + h.lines.filter((l) => l.kind !== ' ').length, 0);
                return (
                  <div key={key} className="upgrade-env">
                    <button type="button" className="link" aria-expanded={open === key} onClick={() => setOpen(open === key ? null : key)} data-testid="upgrade-env">
                      {open === key ? '▾' : '▸'} {env.environment}: {changed} rendered line(s) change
                    </button>
                    {(env.beforeError || env.afterError) && <p className="render-error">{env.afterError ? `Does not render on v${upgrade.plan!.to}: ${env.afterError}` : `Current version does not render: ${env.beforeError}`}</p>}
                    {open === key && <TextDiff original={env.before} modified={env.after} path="rendered.yaml" modelKey={`upgrade/${key}`} height={360} testId="upgrade-diff" />}
                  </div>
                );
              })}
            </section>
          ))}
          <div className="upgrade-apply">
            <input value={upgrade.branch} onChange={(e) => setUpgrade({ branch: e.target.value })} placeholder={`upgrade/${template}-${upgrade.plan.to}`} aria-label="Branch name" />
            <button type="button" className="primary" data-testid="upgrade-apply" disabled={!upgrade.plan.services.length || upgrade.applying || !!upgrade.applied} onClick={confirmApply}>
              {upgrade.applying ? 'Committing…' : `Apply${failing.length ? ' anyway' : ''}: commit ${upgrade.plan.services.length} service(s) on a new branch`}
            </button>
          </div>
        </div>
      )}
      {upgrade.applied && (
        <p className="upgrade-done" data-testid="upgrade-done" role="status">
          Committed {upgrade.applied.commit.slice(0, 7)} on the new branch <strong>{upgrade.applied.branch}</strong> ({upgrade.applied.files.join(', ')}).
          <button type="button" className="link" onClick={() => { useLayoutStore.getState().setActivity('git'); void useGitStore.getState().refresh(); }}>Go to Git to push it</button>
        </p>
      )}
    </div>
  );
}
