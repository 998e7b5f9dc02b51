// Strategic merge patch semantics on the lists kubectl patches most.
import { describe, expect, it } from 'vitest';
import { applyStrategicMergePatch } from './strategic-merge-patch.js';
import { applyJsonPatch } from './json-patch.js';
import { applyMergePatch } from './json-merge-patch.js';

const podSpec = {
  containers: [{
    name: 'app', image: 'a:1',
    ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 9090, name: 'metrics' }],
    volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'tmp', mountPath: '/tmp' }],
  }],
  volumes: [{ name: 'data', emptyDir: {} }, { name: 'tmp', emptyDir: {} }],
  finalizers: ['a'],
};

describe('strategic merge patch', () => {
  it('merges ports by containerPort, mounts by mountPath and volumes by name', () => {
    const result: any = applyStrategicMergePatch(podSpec, {
      containers: [{ name: 'app', ports: [{ containerPort: 9090, name: 'prom' }, { containerPort: 8443 }], volumeMounts: [{ mountPath: '/tmp', $patch: 'delete' }] }],
      volumes: [{ name: 'cache', emptyDir: { medium: 'Memory' } }, { name: 'tmp', $patch: 'delete' }],
    });
    expect(result.containers[0].image).toBe('a:1');
    expect(result.containers[0].ports).toEqual([{ containerPort: 80, protocol: 'TCP' }, { containerPort: 9090, name: 'prom' }, { containerPort: 8443 }]);
    expect(result.containers[0].volumeMounts).toEqual([{ name: 'data', mountPath: '/data' }]);
    expect(result.volumes.map((v: any) => v.name)).toEqual(['data', 'cache']);
  });

  it('honours $setElementOrder, $retainKeys, $patch: replace and $deleteFromPrimitiveList', () => {
    const result: any = applyStrategicMergePatch(podSpec, {
      '$setElementOrder/volumes': [{ name: 'tmp' }, { name: 'data' }],
      '$deleteFromPrimitiveList/finalizers': ['a'],
      containers: [{ name: 'app', $retainKeys: ['name', 'image'], image: 'a:2' }],
    });
    expect(result.volumes.map((v: any) => v.name)).toEqual(['tmp', 'data']);
    expect(result.finalizers).toEqual([]);
    expect(result.containers[0]).toEqual({ name: 'app', image: 'a:2' });
    const replaced: any = applyStrategicMergePatch(podSpec, { volumes: [{ name: 'only', emptyDir: {} }, { $patch: 'replace' }] });
    expect(replaced.volumes).toEqual([{ name: 'only', emptyDir: {} }]);
  });

  it('removes fields set to null and leaves the input untouched', () => {
    const before = JSON.stringify(podSpec);
    const result: any = applyStrategicMergePatch(podSpec, { volumes: null });
    expect(result.volumes).toBeUndefined();
    expect(JSON.stringify(podSpec)).toBe(before);
  });
});

describe('JSON patch and merge patch', () => {
  it('applies add, remove, replace, move, copy and test, failing with 422 on a false test', () => {
    const result: any = applyJsonPatch({ a: { b: 1 }, list: [1, 2] }, [
      { op: 'add', path: '/list/-', value: 3 }, { op: 'copy', from: '/a/b', path: '/c' }, { op: 'move', from: '/c', path: '/d' },
      { op: 'replace', path: '/a/b', value: 2 }, { op: 'remove', path: '/list/0' }, { op: 'test', path: '/d', value: 1 },
    ]);
    expect(result).toEqual({ a: { b: 2 }, list: [2, 3], d: 1 });
    expect(() => applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }])).toThrow(/testing value \/a failed/);
    expect(() => applyJsonPatch({}, [{ op: 'remove', path: '/missing' }])).toThrow(/missing path/);
  });

  it('merge patch replaces lists and deletes nulls', () => {
    expect(applyMergePatch({ a: [1, 2], b: { c: 1, d: 2 } }, { a: [3], b: { d: null } })).toEqual({ a: [3], b: { c: 1 } });
  });
});
