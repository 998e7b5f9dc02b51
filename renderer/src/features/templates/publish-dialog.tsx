import type { BumpLevelName } from '../../../../app/api/index.js';
import { useGitStore } from '../git/git-store.js';
import { useLayoutStore } from '../layout/layout-store.js';
import { useTemplateStore } from './template-store.js';

const levels: BumpLevelName[] = ['major', 'minor', 'patch'];

/** Publish a template draft: bump suggestion from the schema change, the render check, and the changelog. */
export function PublishDialog() {
  const dialog = useTemplateStore((s) => s.publish);
  const setBump = useTemplateStore((s) => s.setBump);
  const setMessage = useTemplateStore((s) => s.setPublishMessage);
  const confirm = useTemplateStore((s) => s.confirmPublish);
  const close = useTemplateStore((s) => s.closePublish);
  if (!dialog) return null;
  const preview = dialog.preview;
  const failures = preview?.check.failures ?? [];
  const canPublish = !!preview && !dialog.checking && !dialog.publishing && !!dialog.message.trim() && failures.length === 0 && !dialog.result;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="publish-title" onKeyDown={(e) => { if (e.key === 'Escape') close(); }}>
      <form className="dialog publish-dialog" data-testid="publish-dialog" onSubmit={(e) => { e.preventDefault(); if (canPublish) void confirm(); }}>
        <h2 id="publish-title">Publish {dialog.template}</h2>
        {!preview && dialog.checking && <p className="muted">Comparing the draft with the last version and rendering the services that would pick it up…</p>}
        {preview && (
          <>
            <p>{preview.previousVersion ? <>Last published: <strong>v{preview.previousVersion}</strong>. </> : 'First version. '}
              {preview.changedFiles.length} file{preview.changedFiles.length === 1 ? '' : 's'} changed{preview.changedFiles.length ? `: ${preview.changedFiles.slice(0, 6).join(', ')}${preview.changedFiles.length > 6 ? ', …' : ''}` : ''}.</p>
            <fieldset className="publish-bump">
              <legend>Version</legend>
              {levels.map((level) => (
                <label key={level} className="check">
                  <input type="radio" name="bump" checked={dialog.bump === level} onChange={() => void setBump(level)} data-testid={`bump-${level}`} />
                  {level} → <strong>v{preview.nextVersions[level]}</strong>
                  {preview.suggestedBump === level && <span className="pill suggested" data-testid="suggested-bump">suggested</span>}
                </label>
              ))}
              {preview.bumpReasons.length > 0 && (
                <ul className="bump-reasons">{preview.bumpReasons.map((r) => <li key={r}>{r}</li>)}</ul>
              )}
            </fieldset>
            <div className={`render-check ${failures.length ? 'failed' : 'passed'}`} data-testid="render-check" data-failures={failures.length}>
              {dialog.checking ? 'Rendering…' : failures.length
                ? <>Does not render for {failures.length} service environment(s):<ul>{failures.map((f) => <li key={`${f.service}/${f.environment}`}><strong>{f.service}</strong> ({f.environment}): {f.message}</li>)}</ul></>
                : <>✓ Renders for {preview.check.renders} service environment(s) that would pick up v{preview.version}{preview.check.services.length ? `: ${preview.check.services.join(', ')}` : ''}.</>}
            </div>
            {preview.unrelatedChanges.length > 0 && (
              <p className="warn-note">Uncommitted changes outside templates/{dialog.template}/ stay as they are and are not part of the publish commit: {preview.unrelatedChanges.join(', ')}</p>
            )}
          </>
        )}
        <label>Changelog (the tag message)
          <textarea value={dialog.message} onChange={(e) => setMessage(e.target.value)} rows={4} placeholder="What changed for the services, and what they must do." data-testid="publish-message" />
        </label>
        {dialog.result && (
          <div className="publish-result" data-testid="publish-result" role="status">
            Published <strong>{dialog.result.template} v{dialog.result.version}</strong> (tag {dialog.result.tag}, commit {dialog.result.commit.slice(0, 7)}).
            Push it to share it.
            <button type="button" className="link" onClick={() => { close(); useLayoutStore.getState().setActivity('git'); void useGitStore.getState().refresh(); }}>Go to Git</button>
          </div>
        )}
        <div className="row dialog-actions">
          <button type="button" data-testid="publish-close" onClick={close}>{dialog.result ? 'Close' : 'Cancel'}</button>
          {!dialog.result && <button type="submit" className="primary" disabled={!canPublish} data-testid="publish-confirm">{dialog.publishing ? 'Publishing…' : `Publish v${preview?.version ?? '…'}`}</button>}
        </div>
      </form>
    </div>
  );
}
