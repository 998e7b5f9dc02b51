// Reading rendered manifests: the hand-written fast reader against the
// `yaml`-library path, on every document of the sample templates rendered for
// 200 services (the shapes the catalogue simulation reads). Run with
// `npm run bench fast-yaml`; prints figures, asserts nothing.
import { fileURLToPath } from 'node:url';
import { loadChart, renderChart } from '../index.js';
import { nodeFileReader } from '../../template-host/node-file-reader.js';
import { splitManifests } from './manifest-sorter.js';
import { NOT_HANDLED, tryParseHelmYamlFast } from './fast-yaml.js';
import { parseHelmYaml, parseHelmYamlSlow } from './values-yaml.js';

const templates = fileURLToPath(new URL('../../../resources/sample-workspace/templates/', import.meta.url));
const teams = ['payments', 'search', 'platform', 'identity', 'data'];
const documents: string[] = [];
for (const name of ['web-service', 'worker', 'cron-job']) {
  const chart = await loadChart(nodeFileReader(templates), name);
  for (let i = 0; i < 200; i++) {
    const values = {
      team: teams[i % teams.length]!, image: { repository: `ghcr.io/acme/svc-${i}`, tag: `1.${i % 40}.0` },
      ...(name === 'web-service' ? { port: 8000 + (i % 100), config: { LOG_LEVEL: 'info', REGION: 'eu-1' }, env: { FEATURE_X: 'on' } } : {}),
      ...(name === 'cron-job' ? { schedule: `${i % 60} * * * *` } : {}),
      resources: i % 7 === 0 ? {} : { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
    };
    const files = renderChart(chart, { values, releaseName: `svc-${i}`, namespace: `${teams[i % teams.length]}-prod` }).renderedFiles;
    for (const [path, text] of Object.entries(files)) if (!path.endsWith('NOTES.txt')) documents.push(...splitManifests(text));
  }
}

const deferred = documents.filter((doc) => tryParseHelmYamlFast(doc) === NOT_HANDLED).length;
const bytes = documents.reduce((n, doc) => n + doc.length, 0);

/** Best of several rounds: the machine is shared, the minimum is the reader's own cost. */
function bestMs(read: (text: string) => unknown, rounds = 7): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const doc of documents) read(doc);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

bestMs(parseHelmYamlSlow, 2);
bestMs(parseHelmYaml, 2);
const slow = bestMs(parseHelmYamlSlow);
const fast = bestMs(parseHelmYaml);
console.log(`${documents.length} rendered documents (${(bytes / 1024).toFixed(0)} KiB), ${deferred} deferred to the slow path (${((100 * deferred) / documents.length).toFixed(2)}%)`);
console.log(`yaml library (parseHelmYamlSlow) ${slow.toFixed(1)} ms   (${((1000 * slow) / documents.length).toFixed(1)} µs/document)`);
console.log(`fast reader  (parseHelmYaml)     ${fast.toFixed(1)} ms   (${((1000 * fast) / documents.length).toFixed(1)} µs/document)`);
console.log(`speed-up ${(slow / fast).toFixed(1)}×   best of 7 rounds`);
