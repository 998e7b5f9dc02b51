import { useEffect } from 'react';
import { Explorer } from '../workspace/explorer.js';
import { useLayoutStore } from '../layout/layout-store.js';
import { useWorkspaceStore } from '../workspace/workspace-store.js';
import { useServicesStore } from './services-store.js';
import './services.css';

/** The Services activity: who uses which template version, and the way into upgrades. */
export function ServicesPanel() {
  const table = useServicesStore((s) => s.table);
  const openView = useLayoutStore((s) => s.openView);
  const root = useWorkspaceStore((s) => s.info?.root);
  useEffect(() => { useServicesStore.setState({ chosen: [], upgrade: null }); void useServicesStore.getState().load(); }, [root]);
  const services = new Set(table?.rows.map((r) => r.service));
  const behind = new Set(table?.rows.filter((r) => r.behindLatest).map((r) => r.service));
  return (
    <>
      <section className="panel-section" data-testid="services-panel">
        <h3>Service table</h3>
        <p className="muted">Every service × environment × template version.</p>
        {table && <p className="summary"><span className="pill">{services.size} services</span><span className="pill behind">{behind.size} behind the latest</span></p>}
        <button type="button" className="primary" data-testid="open-services-table" onClick={() => openView('services-table')}>Open the service table</button>
      </section>
      <Explorer groups={['services']} />
    </>
  );
}
