import { useEffect } from 'react';
import { Explorer } from '../workspace/explorer.js';
import { useLayoutStore } from '../layout/layout-store.js';
import { useWorkspaceStore } from '../workspace/workspace-store.js';
import { useTemplateStore } from './template-store.js';
import './templates.css';

/** The Templates activity: the charts, their published versions and publishing. */
export function TemplatesPanel() {
  const templates = useTemplateStore((s) => s.templates);
  const loading = useTemplateStore((s) => s.loading);
  const openView = useLayoutStore((s) => s.openView);
  const openPublish = useTemplateStore((s) => s.openPublish);
  const root = useWorkspaceStore((s) => s.info?.root);
  useEffect(() => { useTemplateStore.setState({ compare: {}, publish: null }); void useTemplateStore.getState().load(); }, [root]);
  return (
    <>
      <section className="panel-section" data-testid="templates-panel">
        <h3>Template versions</h3>
        {loading && !templates.length && <p className="muted">Reading tags…</p>}
        <ul className="template-list">
          {templates.map((t) => (
            <li key={t.name} data-testid="template-entry" data-template={t.name}>
              <button type="button" className="tree-item" onClick={() => openView(`template:${t.name}`)}>
                <strong>{t.name}</strong> <span className="muted">{t.latest ? `v${t.latest}` : 'unpublished'} · {t.versions.length} version{t.versions.length === 1 ? '' : 's'} · {t.services} service{t.services === 1 ? '' : 's'}</span>
              </button>
              <button type="button" className="link" data-testid={`publish-${t.name}`} onClick={() => { openView(`template:${t.name}`); void openPublish(t.name); }}>Publish…</button>
            </li>
          ))}
        </ul>
      </section>
      <Explorer groups={['templates']} />
    </>
  );
}
