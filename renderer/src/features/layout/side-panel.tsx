import { Explorer } from '../workspace/explorer.js';
import { TemplatesPanel } from '../templates/templates-panel.js';
import { ServicesPanel } from '../services/services-panel.js';
import { PoliciesPanel } from '../policies/policies-panel.js';
import { ClusterPanel } from '../cluster/cluster-panel.js';
import { GitPanel } from '../git/git-panel.js';
import { useLayoutStore } from './layout-store.js';

/** What the selected activity shows beside the main area. Each activity's panel lives in its feature folder. */
export function SidePanel() {
  const activity = useLayoutStore((s) => s.activity);
  return (
    <aside className="side-panel" aria-label={`${activity} panel`} data-testid="side-panel">
      {activity === 'explorer' && <Explorer groups={['templates', 'services', 'policies', 'other']} />}
      {activity === 'templates' && <TemplatesPanel />}
      {activity === 'services' && <ServicesPanel />}
      {activity === 'policies' && <PoliciesPanel />}
      {activity === 'cluster' && <ClusterPanel />}
      {activity === 'git' && <GitPanel />}
    </aside>
  );
}
