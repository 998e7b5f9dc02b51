import { ComingSoon } from '../layout/coming-soon.js';

/** The Cluster activity. */
export function ClusterPanel() {
  return <ComingSoon title="Cluster" what="Workloads, pods, events, logs, drift and Argo CD status of the selected context." issue="issue #6 and the preview/inspection issue" />;
}
