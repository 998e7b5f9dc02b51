import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadChart, renderChart } from '../index.js';
import type { GoMap } from '../lang/value.js';
import { nodeFileReader } from '../../template-host/node-file-reader.js';
import { splitManifests } from './manifest-sorter.js';
import { NOT_HANDLED, tryParseHelmYamlFast } from './fast-yaml.js';
import { parseHelmYaml, parseHelmYamlSlow } from './values-yaml.js';
import { NASTY_SCALARS, canonical, compareWithSlow, randomDocument, seededRandom } from './fast-yaml-testing.js';

const sampleTemplates = fileURLToPath(new URL('../../../resources/sample-workspace/templates/', import.meta.url));
const sampleDir = fileURLToPath(new URL('../../../resources/sample-workspace/', import.meta.url));

function expectSameAsSlow(text: string): void {
  const result = compareWithSlow(text);
  if (result.kind === 'different') expect({ text, fast: result.fast }).toEqual({ text, fast: result.slow });
}

function fast(text: string): string {
  const value = tryParseHelmYamlFast(text);
  return value === NOT_HANDLED ? 'NOT_HANDLED' : canonical(value);
}

describe('fast YAML reader: scalars and structures against the yaml-library path', () => {
  it('reads every nasty scalar as a value, an item, a key and a document exactly as the slow path does', () => {
    for (const scalar of NASTY_SCALARS) {
      for (const text of [`k: ${scalar}`, `- ${scalar}`, `${scalar}: v`, scalar, `a:\n  - k: ${scalar} # c\n    j: x`, `[${scalar}]`]) {
        expectSameAsSlow(text);
      }
    }
  });

  it('matches the slow path on layout edge cases (long keys, comments, blank lines, keys with colons)', () => {
    const long = 'k'.repeat(1030);
    const cases = [
      `"${long}": v`, `'${long}': v`, `${long}: v`, `a: ${'x'.repeat(5000)}`, `a: {${long}: v}`, 'a: b\n\n\n', '\n\n\na: b', 'a:\n\n  b: 1',
      'a: |\n  x\n # c\nb: 1', 'a: >\n  x\n\n  y\n   z\n  w', "a: 'x'#c", 'a: [x]#c', 'k: v # c: d', 'a: b #', '- #c\n  - x', '-\n\n  a: 1',
      'ghcr.io/acme/svc:1.1.0: ghcr.io/acme/svc:1.1.0\n', 'http://x:80/y: v', 'a::: v', 'a:b:: v',
    ];
    for (const text of cases) expectSameAsSlow(text);
    expect(fast('ghcr.io/acme/svc:1.1.0: x')).toBe('{"ghcr.io/acme/svc:1.1.0":"x"}');
  });

  it('resolves YAML 1.1 scalars the way Helm reads them (and handles them itself)', () => {
    expect(fast('a: yes\nb: No\nc: on\nd: y\ne: ~\nf: null\ng:')).toBe('{"a":true,"b":false,"c":true,"d":true,"e":null,"f":null,"g":null}');
    expect(fast('a: 0777\nb: 0x1F\nc: 1_000\nd: -0\ne: .5\nf: -.inf\ng: .NaN\nh: 1e3\ni: 0o17\nj: 09'))
      .toBe('{"a":511,"b":31,"c":1000,"d":0,"e":0.5,"f":-Infinity,"g":NaN,"h":1000,"i":15,"j":9}'); // as yaml.v2: -0 is the integer 0, 0o17 is octal
    expect(fast('a: 2001-12-14\nb: 12:30:00\nc: "yes"\nd: \'it\'\'s\'\ne: "\\x41\\u263A\\t"')).toBe('{"a":"2001-12-14","b":"12:30:00","c":"yes","d":"it\'s","e":"A☺\\t"}');
    expect(fast('1: a\n0x1F: b\nyes: c\n~: d\n1.50: e')).toBe('{"1":"a","31":"b","true":"c","null":"d","1.5":"e"}');
    expect(fast('a: 1\nb: 2\na: 3')).toBe('{"a":3,"b":2}');
    expect(parseHelmYaml('a: 1\nb: 2\na: 3')).toEqual(parseHelmYamlSlow('a: 1\nb: 2\na: 3'));
  });

  it('handles the shapes rendered manifests have', () => {
    const cases: Record<string, string> = {
      'spec:\n  containers:\n    - name: app\n      ports:\n        - containerPort: 80\n      args: []\n': '{"spec":{"containers":[{"name":"app","ports":[{"containerPort":80}],"args":[]}]}}',
      'items:\n- a\n- b: 1\n  c: 2\nnext: x': '{"items":["a",{"b":1,"c":2}],"next":"x"}',
      '---\n# Source: x\nkind: ConfigMap # trailing\ndata:\n  f: |\n    line 1\n\n      indented\n  g: >-\n    folded\n    text\n\n    para\n  h: |2-\n     two\n':
        '{"kind":"ConfigMap","data":{"f":"line 1\\n\\n  indented\\n","g":"folded text\\npara","h":" two"}}',
      'a: [a, "b", \'c\', 1]\nb: {}\nc: {x: 1, "y": yes}\nd: - -\n': 'NOT_HANDLED',
      'a:\n  b\nc: d': '{"a":"b","c":"d"}',
      '- - a\n  - b\n-\n  - c\n- k:\n  - x': '[["a","b"],["c"],{"k":["x"]}]',
      '': 'null',
      '# only a comment\n': 'null',
      'key: "quoted: x" # c': '{"key":"quoted: x"}',
    };
    for (const [text, expected] of Object.entries(cases)) {
      expect({ text, value: fast(text) }).toEqual({ text, value: expected });
      expectSameAsSlow(text);
    }
  });

  it('leaves anchors, tags, complex keys, merge keys, multi-line scalars, tabs, directives and errors to the slow path', () => {
    const deferred = [
      'a: &x 1\nb: *x', 'a: !!str 1', '? a\n: b', 'base: {}\n<<: {a: 1}', 'a: b\n  c', 'a: "b\n  c"', 'a:\n\tb: 1', '%YAML 1.1\n---\na: 1',
      'a: 1\n---\nb: 2', 'a: b: c', 'a: 1\n b: 2', '- a\nb: 1', 'a: [1,\n  2]', 'a: |+\n  x\n\n', 'a: "\\q"', '__proto__: 1', '"a" : 1',
      'a:\n  - b\n  c: 1', 'a: |\n', '|\n  root',
    ];
    for (const text of deferred) expect({ text, value: fast(text) }).toEqual({ text, value: 'NOT_HANDLED' });
    expect(() => parseHelmYaml('a: b: c')).toThrow(/mapping values are not allowed in this context/);
  });

  it('agrees with the slow path on thousands of generated documents (fixed seed)', () => {
    const random = seededRandom(20261127);
    const counts = { same: 0, 'not-handled': 0, different: 0 };
    for (let i = 0; i < 6000; i++) {
      const text = randomDocument(random, i % 2 === 0);
      const result = compareWithSlow(text);
      counts[result.kind]++;
      if (result.kind === 'different') expect({ text, fast: result.fast }).toEqual({ text, fast: result.slow });
    }
    expect(counts.different).toBe(0);
    // The generator aims at edge cases, yet a good share must take the fast path for the comparison to mean anything.
    expect(counts.same).toBeGreaterThan(1500);
  });
});

const teams = ['payments', 'search', 'platform'];

function serviceValues(random: () => number, i: number): Record<string, unknown> {
  const nasty = () => NASTY_SCALARS[Math.floor(random() * NASTY_SCALARS.length)]!;
  const map = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, k) => [`KEY_${k}_${nasty().replace(/[^A-Za-z0-9]/g, '')}`, nasty()]));
  return {
    team: teams[i % teams.length], image: { repository: `ghcr.io/acme/svc-${i}`, tag: random() < 0.5 ? `1.${i}.0` : nasty() },
    replicas: 1 + (i % 4), port: 8000 + i, env: map(i % 4), config: map(i % 5), podAnnotations: map(i % 3),
    command: i % 2 ? [nasty(), nasty()] : [], args: i % 3 ? [nasty()] : [], schedule: `${i % 60} * * * *`,
    ingress: { enabled: i % 2 === 0, host: `svc-${i}.acme.example`, tls: i % 4 === 0, annotations: map(i % 2) },
    autoscaling: { enabled: i % 3 === 0, minReplicas: 2, maxReplicas: 5 },
    resources: i % 5 ? { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } } : {},
  };
}

/** Every document of the sample templates rendered for 60 value sets each, and how many renders the schemas refused. */
async function renderSamples(): Promise<{ documents: string[]; refused: number }> {
  const random = seededRandom(7);
  const documents: string[] = [];
  let refused = 0;
  for (const name of ['web-service', 'worker', 'cron-job']) {
    const chart = await loadChart(nodeFileReader(sampleTemplates), name);
    const schema = JSON.parse(readFileSync(`${sampleTemplates}${name}/values.schema.json`, 'utf8')) as { properties: Record<string, unknown> };
    for (let i = 0; i < 60; i++) {
      const values = Object.fromEntries(Object.entries(serviceValues(random, i)).filter(([k]) => k in schema.properties)) as GoMap;
      try {
        const files = renderChart(chart, { values, releaseName: `svc-${i}`, namespace: `${teams[i % 3]}-prod` }).renderedFiles;
        for (const [path, text] of Object.entries(files)) if (!path.endsWith('NOTES.txt')) documents.push(...splitManifests(text));
      } catch {
        refused++;
      }
    }
  }
  return { documents, refused };
}

describe('fast YAML reader on real renders', () => {
  const samples = renderSamples();

  it('reads every document of the sample templates rendered with many value sets exactly as the slow path, rarely deferring', async () => {
    const { documents, refused } = await samples;
    let deferred = 0;
    for (const doc of documents) {
      const result = compareWithSlow(doc);
      if (result.kind === 'not-handled') deferred++;
      if (result.kind === 'different') expect({ doc, fast: result.fast }).toEqual({ doc, fast: result.slow });
    }
    expect(refused).toBeLessThan(20);
    expect(documents.length).toBeGreaterThan(300);
    // Nasty values are quoted by the templates, so manifests stay in the fast reader's shapes.
    expect(deferred / documents.length).toBeLessThan(0.05);
  });

  it('agrees with the slow path on rendered documents with random edits (broken indentation, stray indicators)', async () => {
    const rendered = (await samples).documents.slice(0, 200);
    const random = seededRandom(99);
    const inserts = [' ', '  ', '-', '- ', ':', ': ', '#', ' #', '"', "'", '|', '>', '[', ']', '{', '}', ',', '\t', '\n', '\n  ', '&a ', '*a', '!', '?', '%', '...', '---', 'yes', '0x1', '\\', '|-\n', '>\n'];
    let same = 0;
    for (let i = 0; i < 4000; i++) {
      let doc = rendered[Math.floor(random() * rendered.length)]!;
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const at = Math.floor(random() * doc.length);
        const r = random();
        if (r < 0.4) doc = doc.slice(0, at) + inserts[Math.floor(random() * inserts.length)] + doc.slice(at);
        else if (r < 0.7) doc = doc.slice(0, at) + doc.slice(at + 1 + Math.floor(random() * 3));
        else {
          const lines = doc.split('\n');
          lines.splice(Math.floor(random() * lines.length), 0, lines[Math.floor(random() * lines.length)]!);
          doc = lines.join('\n');
        }
      }
      const result = compareWithSlow(doc);
      if (result.kind === 'same') same++;
      if (result.kind === 'different') expect({ doc, fast: result.fast }).toEqual({ doc, fast: result.slow });
    }
    expect(same).toBeGreaterThan(500);
  });

  it('reads the sample workspace files and the chart fixtures as the slow path does', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else if (/\.ya?ml$/.test(entry.name)) files.push(path);
      }
    };
    walk(sampleDir.replace(/\/$/, ''));
    walk(fileURLToPath(new URL('../testdata', import.meta.url)));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (text.includes('{{')) continue;
      expectSameAsSlow(text);
      for (const doc of splitManifests(text)) expectSameAsSlow(doc);
    }
  });
});
