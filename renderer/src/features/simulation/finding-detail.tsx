import Editor from '@monaco-editor/react';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import type { Finding, ServiceEnvironmentResult } from '../../../../app/api/index.js';
import { useEditorStore } from '../editor/editor-store.js';
import { useThemeStore } from '../layout/theme-store.js';
import { outcomeLabels } from './simulation-matrix.js';

function FindingCard({ finding, row }: { finding: Finding; row: ServiceEnvironmentResult }) {
  const openFile = useEditorStore((s) => s.openFile);
  const revealLine = useEditorStore((s) => s.revealLine);
  const theme = useThemeStore((s) => (s.resolved === 'dark' ? 'vs-dark' : 'vs'));
  const templatePath = finding.templateLine ? `templates/${finding.templateLine.file}` : undefined;
  // Results reach the UI without rendered YAML (it can run to megabytes); fetch this object's on demand.
  const [renderedYaml, setRenderedYaml] = useState<string | null | undefined>(finding.renderedYaml);
  useEffect(() => {
    if (finding.renderedYaml || !finding.object) return;
    let current = true;
    api.simulation.getRenderedObject({ service: row.service, environment: row.environment, object: finding.object })
      .then((r) => { if (current) setRenderedYaml(r.yaml); }, () => { if (current) setRenderedYaml(null); });
    return () => { current = false; };
  }, [finding.renderedYaml, finding.object, row.service, row.environment]);
  const isDraft = row.version.endsWith('(draft)');
  return (
    <article className={`finding outcome-border-${finding.outcome}`} data-testid="finding">
      <header>
        <span className={`pill outcome-${finding.outcome}`}>{outcomeLabels[finding.outcome]}</span>
        <strong>{finding.policy}</strong>
        {finding.binding && finding.binding !== finding.policy && <span className="muted"> via {finding.binding}</span>}
        {finding.escalated && <span className="pill outcome-deny">escalated by date</span>}
      </header>
      <p className="finding-message">{finding.message}</p>
      <dl>
        {finding.object && <><dt>Object</dt><dd>{finding.object}</dd></>}
        {finding.fieldPath && <><dt>Field</dt><dd><code>{finding.fieldPath}</code></dd></>}
        {finding.podTemplate && <><dt>When</dt><dd>Will fail when pods are created (checked on the pod template)</dd></>}
        {finding.templateLine && (
          <>
            <dt>Template line</dt>
            <dd>
              <button type="button" className="link" data-testid="open-template-line"
                onClick={() => { void openFile(templatePath!).then(() => revealLine(templatePath!, finding.templateLine!.line)); }}>
                {finding.templateLine.file}:{finding.templateLine.line}
              </button>
              {!isDraft && <span className="muted"> (rendered from published {row.version}; the draft in the editor may differ)</span>}
            </dd>
          </>
        )}
      </dl>
      {renderedYaml && (
        <div className="rendered-yaml" data-testid="rendered-yaml">
          <Editor height={Math.min(320, 19 * (renderedYaml.split('\n').length + 1))} value={renderedYaml} language="yaml" theme={theme}
            path={`rendered://${row.service}/${row.environment}/${finding.object}/${finding.policy}`}
            options={{ readOnly: true, minimap: { enabled: false }, lineNumbers: 'on', scrollBeyondLastLine: false, fontSize: 12, automaticLayout: true }}
            onMount={(editor) => {
              if (!finding.renderedLine) return;
              editor.revealLineInCenter(finding.renderedLine);
              editor.createDecorationsCollection([{ range: { startLineNumber: finding.renderedLine, startColumn: 1, endLineNumber: finding.renderedLine, endColumn: 1 }, options: { isWholeLine: true, className: 'failing-line' } }]);
            }} />
        </div>
      )}
    </article>
  );
}

/** The drill-down: a service-environment's findings for one policy (or all), with rendered YAML and template lines. */
export function FindingDetail({ row, policy }: { row: ServiceEnvironmentResult; policy?: string }) {
  const findings = row.findings.filter((f) => (!policy || f.policy === policy) && (policy || f.outcome !== 'allow'));
  return (
    <section className="finding-detail" aria-label="Findings" data-testid="finding-detail">
      <h3>{row.service} <span className="muted">({row.environment}, {row.template} {row.version}, namespace {row.namespace})</span>{policy ? ` · ${policy}` : ''}</h3>
      {row.renderError && <p className="render-error" role="alert">Does not render: {row.renderError}</p>}
      {findings.length === 0 && !row.renderError && <p className="muted">{policy ? `${policy} allows every object of this service here.` : 'Every policy allows this service here.'}</p>}
      {findings.map((finding, i) => <FindingCard key={i} finding={finding} row={row} />)}
    </section>
  );
}
