import { Explorer } from '../workspace/explorer.js';
import { ComingSoon } from '../layout/coming-soon.js';

/** The Services activity: who uses which template version, and upgrades. */
export function ServicesPanel() {
  return (
    <>
      <Explorer groups={['services']} />
      <ComingSoon title="Service table" what="Every service × environment × template version, with 'behind the latest' badges and the upgrade assistant." issue="issue #4" />
    </>
  );
}
