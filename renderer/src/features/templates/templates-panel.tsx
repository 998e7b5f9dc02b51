import { Explorer } from '../workspace/explorer.js';
import { ComingSoon } from '../layout/coming-soon.js';

/** The Templates activity: the charts, their versions and publishing. */
export function TemplatesPanel() {
  return (
    <>
      <Explorer groups={['templates']} />
      <ComingSoon title="Template versions" what="Published versions with their changelogs, a diff between any two versions, and the publish dialog." issue="issue #4" />
    </>
  );
}
