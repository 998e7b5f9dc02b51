import { expect, it } from 'vitest';
import * as cluster from './index.js';

// The lead wires ClusterApi on these; a change here should be deliberate.
it('exports the cluster API by name', () => {
  expect(Object.keys(cluster).sort()).toEqual([
    'ClusterClient', 'ClusterConnections', 'apiGroups', 'apiResources', 'authKindOf', 'checkContexts', 'eventTime', 'eventsFor', 'followPodLogs',
    'kubeconfigFileList', 'listContextSummaries', 'listContexts', 'loadKubeconfig', 'loginShellPath', 'paverFieldManager', 'podLogs',
    'refOf', 'resolveContext', 'serverVersion', 'watchObjects',
  ]);
});
