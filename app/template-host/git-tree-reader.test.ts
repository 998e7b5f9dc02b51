import { describe, expect, it } from 'vitest';
import { gitTreeReader, type GitTreeSource } from './git-tree-reader.js';
import { loadChart } from '../template/index.js';

function treeOf(files: Record<string, string>): GitTreeSource {
  const enc = new TextEncoder();
  return {
    async listTree(path) {
      const prefix = path ? `${path}/` : '';
      const names = new Map<string, 'blob' | 'tree'>();
      for (const file of Object.keys(files)) {
        if (!file.startsWith(prefix)) continue;
        const rest = file.slice(prefix.length);
        const slash = rest.indexOf('/');
        names.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'blob' : 'tree');
      }
      return names.size ? [...names].map(([name, type]) => ({ name, type })) : undefined;
    },
    async readBlob(path) {
      return Object.hasOwn(files, path) ? enc.encode(files[path]!) : undefined;
    },
  };
}

describe('gitTreeReader', () => {
  it('loads a chart from a Git tree (a published template version)', async () => {
    const reader = gitTreeReader(treeOf({
      'templates/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
      'templates/web/templates/svc.yaml': 'kind: Service\n',
      'templates/web/values.yaml': 'port: 80\n',
    }));
    const chart = await loadChart(reader, 'templates/web');
    expect([chart.metadata.name, chart.values, chart.templates.map((t) => t.name)]).toEqual(['web', { port: 80 }, ['templates/svc.yaml']]);
    expect(await reader.kind('templates/nope')).toBeUndefined();
  });
});
