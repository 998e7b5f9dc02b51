import { describe, expect, it } from 'vitest';
import type { Chart } from './chart-types.js';
import { coalesceChartValues, mergeUserMaps } from './coalesce.js';
import { loadChartFiles } from './chart-loader.js';

const enc = new TextEncoder();
function chart(files: Record<string, string>): Chart {
  return loadChartFiles(Object.entries(files).map(([name, text]) => ({ name, data: enc.encode(text) })), 'test');
}

describe('value coalescing', () => {
  const parent = chart({
    'Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n',
    'values.yaml': 'replicas: 2\nimage:\n  tag: v1\n  pullPolicy: Always\nglobal:\n  env: prod\nsub:\n  fromParent: yes\n',
    'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
    'charts/sub/values.yaml': 'port: 80\nfromParent: no\nglobal:\n  env: dev\n  region: eu\n',
  });

  it('lets user values win, keeps defaults, and deletes a default on user null', () => {
    const out = coalesceChartValues(parent, { image: { tag: 'v2', pullPolicy: null }, replicas: 3 });
    expect(out.replicas).toBe(3);
    expect(out.image).toEqual({ tag: 'v2' });
  });

  it('copies parent globals into subcharts, parent globals winning', () => {
    const out = coalesceChartValues(parent, {});
    expect(out.sub).toEqual({ port: 80, fromParent: true, global: { env: 'prod', region: 'eu' } });
  });

  it('stacks -f files and --set like Helm mergeMaps (later wins, tables merge)', () => {
    expect(mergeUserMaps({ a: { b: 1, c: 2 }, d: 1 }, { a: { b: 3 }, d: { e: 1 } })).toEqual({ a: { b: 3, c: 2 }, d: { e: 1 } });
  });
});
