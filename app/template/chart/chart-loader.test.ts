import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadChartArchive, loadChartFiles } from './chart-loader.js';
import { gunzip } from './inflate.js';
import { writeTar } from './testing/tar-writer.js';

const enc = new TextEncoder();
const files = (m: Record<string, string>) => Object.entries(m).map(([name, text]) => ({ name, data: enc.encode(text) }));

describe('chart loading', () => {
  it('inflates gzip data of every block type like zlib wrote it', () => {
    const text = enc.encode('apiVersion: v2\n'.repeat(500));
    const random = randomBytes(7000);
    for (const [data, level] of [[text, 9], [random, 6], [text, 0], [enc.encode(''), 6]] as const) {
      expect(Buffer.from(gunzip(gzipSync(data, { level })))).toEqual(Buffer.from(data));
    }
  });

  it('reads a packaged .tgz subchart inside charts/', () => {
    const sub = gzipSync(writeTar({
      'db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 1.2.3\n',
      'db/values.yaml': 'port: 5432\n',
      'db/templates/svc.yaml': 'kind: Service\n',
    }));
    const chart = loadChartFiles([...files({ 'Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n' }),
      { name: 'charts/db-1.2.3.tgz', data: sub }], 'app');
    expect(chart.dependencies.map((d) => [d.metadata.name, d.values, d.templates.map((t) => t.name)])).toEqual([
      ['db', { port: 5432 }, ['templates/svc.yaml']],
    ]);
  });

  it('parses values.yaml with YAML 1.1 scalars as float64 numbers', () => {
    const chart = loadChartFiles(files({
      'Chart.yaml': 'name: app\nversion: 0.1.0\nappVersion: 1.10\n',
      'values.yaml': 'a: yes\nb: on\nc: 0777\nd: 1_000\ne: 2001-12-14\nf: ~\n1: one\n',
    }), 'app');
    expect(chart.metadata.apiVersion).toBe('v1');
    expect(chart.metadata.appVersion).toBe('1.1');
    expect(chart.values).toEqual({ a: true, b: true, c: 511, d: 1000, e: '2001-12-14', f: null, 1: 'one' });
  });

  it('keeps crds/ and other files in .Files, templates apart, requirements.yaml for v1', () => {
    const chart = loadChartFiles(files({
      'Chart.yaml': 'apiVersion: v1\nname: app\nversion: 0.1.0\n',
      'requirements.yaml': 'dependencies:\n- name: db\n  version: 1.x\n  alias: store\n',
      'crds/crd.yaml': 'kind: CustomResourceDefinition\n', 'config/a.conf': 'x', 'templates/a.yaml': 'a',
    }), 'app');
    expect(chart.files.map((f) => f.name)).toEqual(['crds/crd.yaml', 'config/a.conf', 'requirements.yaml']);
    expect(chart.templates.map((f) => f.name)).toEqual(['templates/a.yaml']);
    expect(chart.metadata.dependencies[0]).toMatchObject({ name: 'db', alias: 'store', version: '1.x' });
  });

  it('reports Helm errors for broken charts', () => {
    expect(() => loadChartFiles(files({ 'Chart.yaml': 'apiVersion: v2\nversion: 1.0.0\n' }), 'x')).toThrow('validation: chart.metadata.name is required');
    expect(() => loadChartFiles(files({ 'Chart.yaml': 'apiVersion: v2\nname: a\nversion: one\n' }), 'x')).toThrow('validation: chart.metadata.version "one" is invalid');
    expect(() => loadChartFiles(files({ 'Chart.yaml': 'apiVersion: v2\nname: a\nversion: 1.0.0\n', 'values.yaml': 'a: b: c\n' }), 'x'))
      .toThrow('cannot load values.yaml: error converting YAML to JSON: yaml: line 1: mapping values are not allowed in this context');
    expect(() => loadChartArchive(gzipSync(writeTar({ 'Chart.yaml': 'x' })), 'x.tgz')).toThrow('chart illegally contains content outside the base directory');
    expect(() => loadChartFiles(files({ 'Chart.yaml': 'apiVersion: v2\nname: a\nversion: 1.0.0\n', 'charts/db/Chart.yaml': 'apiVersion: v2\nname: db\n' }), 'x'))
      .toThrow('error unpacking db in a: validation: chart.metadata.version is required');
  });
});

describe('loading through a file reader', () => {
  it('applies .helmignore (and always hides templates/.*) when loading a directory', async () => {
    const { loadChart } = await import('./chart-loader.js');
    const { memoryReader } = await import('./testing/memory-reader.js');
    const chart = await loadChart(memoryReader({
      'c/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n', 'c/.helmignore': '# comment\n*.bak\nsecret/\n',
      'c/templates/a.yaml': 'a', 'c/templates/.hidden.yaml': 'h', 'c/notes.bak': 'x', 'c/secret/key': 'k', 'c/docs/readme.md': 'r',
    }), 'c');
    expect(chart.templates.map((t) => t.name)).toEqual(['templates/a.yaml']);
    expect(chart.files.map((f) => f.name)).toEqual(['.helmignore', 'docs/readme.md']);
  });

  it('loads a whole chart packaged as .tgz', async () => {
    const { loadChart } = await import('./chart-loader.js');
    const { memoryReader } = await import('./testing/memory-reader.js');
    const tgz = gzipSync(writeTar({ 'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 2.0.0\n', 'web/templates/a.yaml': 'kind: A\n' }));
    const chart = await loadChart(memoryReader({ 'web-2.0.0.tgz': tgz }), 'web-2.0.0.tgz');
    expect([chart.metadata.name, chart.templates.map((t) => t.name)]).toEqual(['web', ['templates/a.yaml']]);
  });
});

describe('YAML errors in yaml.v2 words and lines', () => {
  it('reports the line libyaml names for common template mistakes', async () => {
    const { parseHelmYaml } = await import('./values-yaml.js');
    const message = (text: string) => {
      try {
        parseHelmYaml(text);
        return 'ok';
      } catch (error) {
        return (error as Error).message.replace('error converting YAML to JSON: yaml: ', '');
      }
    };
    expect(message('spec:\n  containers:\n  - name: x\n     image: y\n')).toBe('line 4: mapping values are not allowed in this context');
    expect(message('metadata:\n  name: x\n labels: y\n')).toBe('line 2: did not find expected key');
    expect(message('a:\tb\n\tc: d\n')).toBe('line 2: found character that cannot start any token');
    expect(message('kind: x\n{{ bad }}\n')).toBe("line 3: could not find expected ':'");
    expect(message('a: *nope\n')).toBe("unknown anchor 'nope' referenced");
    expect(message('a: 1\na: 2\n')).toBe('ok');
    expect(message('a: 1\n---\nb: c: d\n')).toBe('ok');
  });
});
