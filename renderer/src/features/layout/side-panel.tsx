import { Explorer } from '../workspace/explorer.js';
import { ComingSoon } from './coming-soon.js';
import { useLayoutStore } from './layout-store.js';

/** What the selected activity shows beside the editor. */
export function SidePanel() {
  const activity = useLayoutStore((s) => s.activity);
  return (
    <aside className="side-panel" aria-label={`${activity} panel`} data-testid="side-panel">
      {activity === 'explorer' && <Explorer groups={['templates', 'services', 'policies', 'other']} />}
      {activity === 'templates' && (
        <>
          <Explorer groups={['templates']} />
          <ComingSoon title="Template versions" what="Published versions with their changelogs, a diff between any two versions, and the publish dialog." issue="issue #4" />
        </>
      )}
      {activity === 'services' && (
        <>
          <Explorer groups={['services']} />
          <ComingSoon title="Service table" what="Every service × environment × template version, with 'behind the latest' badges and the upgrade assistant." issue="issue #4" />
        </>
      )}
      {activity === 'policies' && (
        <>
          <Explorer groups={['policies']} />
          <ComingSoon title="Policy simulation" what="Every policy against every service, now versus the proposed change, and as of any date." issue="issue #5" />
        </>
      )}
      {activity === 'cluster' && <ComingSoon title="Cluster" what="Contexts and the demo cluster, workloads, pods, events, logs, drift and Argo CD status." issue="issue #6" />}
      {activity === 'git' && <ComingSoon title="Git" what="Changes, diffs, commit, branches, history, pull and push." issue="issue #4" />}
    </aside>
  );
}
