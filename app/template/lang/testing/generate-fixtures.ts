// Regenerates app/template/testdata/probes/oracle-fixtures.json: the feature
// cases plus a random sample, with the Go oracle's results as expectations.
//   PAVER_GO_ORACLE=.oracle-bin/gotemplate-oracle npx tsx app/template/lang/testing/generate-fixtures.ts
import { writeFileSync } from 'node:fs';
import { featureCases } from './feature-cases.js';
import { oraclePath, runOracle } from './oracle.js';
import { differsInGo126, generateBrokenCases, generateCases, showsGoAddresses } from './random-template.js';

const oracle = oraclePath();
if (!oracle) {
  console.error('Set PAVER_GO_ORACLE to the gotemplate-oracle binary (see template-brief.md).');
  process.exit(1);
}
const requests = [...featureCases(), ...generateCases(424242, 300), ...generateBrokenCases(515151, 150)];
const responses = runOracle(oracle, requests);
const fixtures = requests
  .map((req, i) => ({ ...req, expectedOutput: responses[i].output, expectedError: responses[i].error }))
  .filter((f) => !differsInGo126(f.expectedError) && !showsGoAddresses(f.expectedOutput + f.expectedError));
const target = new URL('../../testdata/probes/oracle-fixtures.json', import.meta.url);
writeFileSync(target, JSON.stringify(fixtures, null, 1) + '\n');
console.log(`wrote ${fixtures.length} fixtures to ${target.pathname}`);
