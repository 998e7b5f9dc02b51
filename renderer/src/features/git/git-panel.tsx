import { ComingSoon } from '../layout/coming-soon.js';

/** The Git activity. */
export function GitPanel() {
  return <ComingSoon title="Git" what="Changes, diffs, commit, branches, history, pull and push." issue="issue #4" />;
}
