import { useEffect } from 'react';
import { useLayoutStore } from '../layout/layout-store.js';
import { useGitStore } from '../git/git-store.js';
import { TextDiff } from '../git/text-diff.js';
import { useServicesStore } from '../services/services-store.js';
import { useTemplateStore } from './template-store.js';
import { PublishDialog } from './publish-dialog.js';
import './templates.css';

function VersionSelect({ value, versions, label, onChange, testId }: { value: string; versions: string[]; label: string; onChange: (v: string) => void; testId: string }) {
  return (
    <label>{label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={label} data-testid={testId}>
        <option value="draft">draft (working tree)</option>
        {versions.map((v) => <option key={v} value={v}>v{v}</option>)}
      </select>
    </label>
  );
}

/** One template: its published versions with changelogs, a diff between any two, and publishing. */
export function TemplateView({ template }: { template: string }) {
  const summary = useTemplateStore((s) => s.templates.find((t) => t.name === template));
  const compare = useTemplateStore((s) => s.compare[template]);
  const setCompare = useTemplateStore((s) => s.setCompare);
  const selectFile = useTemplateStore((s) => s.selectFile);
  const openPublish = useTemplateStore((s) => s.openPublish);
  const openView = useLayoutStore((s) => s.openView);
  useEffect(() => { if (!useTemplateStore.getState().templates.length) void useTemplateStore.getState().load(); }, []);
  useEffect(() => { if (summary && !useTemplateStore.getState().compare[template]) void setCompare(template, {}); }, [summary, template, setCompare]);
  const versions = summary?.versions.map((v) => v.version) ?? [];
  const file = compare?.changes?.find((c) => c.path === compare.file);
  return (
    <div className="template-view" data-testid="template-view" data-template={template}>
      <header className="template-header">
        <h2>{template}</h2>
        <span className="muted">{summary?.latest ? `latest v${summary.latest}` : 'not published yet'}</span>
        <button type="button" className="primary" data-testid="open-publish" onClick={() => void openPublish(template)}>Publish…</button>
        <button type="button" onClick={() => { openView('git-changes'); void useGitStore.getState().loadHistory(`template:${template}`); }}>Commit history</button>
        <button type="button" data-testid="open-template-upgrade" onClick={() => { useServicesStore.getState().openUpgrade(template, []); openView(`upgrade:${template}`); }}>Upgrade services…</button>
      </header>
      <div className="template-body">
        <aside className="template-versions" data-testid="template-versions">
          <h3>Published versions</h3>
          <ol>
            {summary?.versions.map((v) => (
              <li key={v.tag} data-testid="template-version" data-version={v.version}>
                <div><strong>v{v.version}</strong> <span className="muted">{new Date(v.date).toLocaleDateString()} · {v.author.name}</span></div>
                <p className="changelog">{v.changelog.trim() || <span className="muted">(no changelog)</span>}</p>
                <div className="row">
                  <button type="button" className="link" onClick={() => void setCompare(template, { from: v.version, to: 'draft' })}>vs draft</button>
                  {versions[versions.indexOf(v.version) + 1] && (
                    <button type="button" className="link" onClick={() => void setCompare(template, { from: versions[versions.indexOf(v.version) + 1]!, to: v.version })}>vs previous</button>
                  )}
                </div>
              </li>
            ))}
            {summary && !summary.versions.length && <li className="muted">None yet: publish the draft.</li>}
          </ol>
        </aside>
        <section className="template-compare">
          <div className="row template-compare-bar">
            <VersionSelect label="From" value={compare?.from ?? 'draft'} versions={versions} onChange={(from) => void setCompare(template, { from })} testId="compare-from" />
            <VersionSelect label="To" value={compare?.to ?? 'draft'} versions={versions} onChange={(to) => void setCompare(template, { to })} testId="compare-to" />
          </div>
          {!compare?.changes ? <p className="muted">Comparing…</p> : !compare.changes.length ? <p className="muted" data-testid="compare-same">No differences.</p> : (
            <div className="template-compare-body">
              <ul className="template-changed" data-testid="compare-files">
                {compare.changes.map((c) => (
                  <li key={c.path}><button type="button" className={`tree-item${c.path === compare.file ? ' selected' : ''}`} onClick={() => selectFile(template, c.path)}>
                    <span className={`change-${c.change}`}>{c.change[0]!.toUpperCase()}</span> {c.path}</button></li>
                ))}
              </ul>
              {file && <TextDiff original={file.oldText} modified={file.newText} path={file.path} modelKey={`${template}/${compare.from}..${compare.to}/${file.path}`} testId="template-diff" />}
            </div>
          )}
        </section>
      </div>
      <PublishDialog />
    </div>
  );
}
