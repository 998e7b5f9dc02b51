// CEL forms cel-js lacks that Kubernetes policies use: has() on any
// expression and two-variable comprehensions (Kubernetes 1.32).
import { describe, expect, it } from 'vitest';
import { compileCel } from './cel-environment.js';
import { toCelValue } from './to-cel-value.js';

const object = toCelValue({
  metadata: { labels: { app: 'shop', tier: 'web' } },
  spec: { containers: [{ name: 'a', ports: [{ name: 'http' }] }, { name: 'b', securityContext: { privileged: false } }] },
});
const run = (expression: string) => compileCel(expression).evaluate({ object, variables: {}, params: null });

describe('has() on any expression', () => {
  it.each([
    ['has({"a": 1}.a)', true],
    ['has({"a": 1}.b)', false],
    ['has(object.spec.containers[0].ports)', true],
    ['has(object.spec.containers[0].securityContext)', false],
    ['object.spec.containers.all(c, !has(c.ports) || has(c.ports[0].name))', true],
    ['"has(x[0].y)" == "has(x[0].y)"', true],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toBe(expected);
  });
});

describe('two-variable comprehensions', () => {
  it.each([
    ['[1, 2, 3].all(i, v, v > i)', true],
    ['[1, 2, 3].exists(i, v, i == 2 && v == 3)', true],
    ['[1, 2, 3].existsOne(i, v, v > 2)', true],
    ['object.metadata.labels.all(k, v, k != v)', true],
    ['object.metadata.labels.exists(k, v, k == "tier" && v == "web")', true],
    ['object.spec.containers.exists(i, c, i == 1 && c.name == "b")', true],
    ['[1, 2, 3].transformList(i, v, v * 2)', [2n, 4n, 6n]],
    ['[1, 2, 3].transformList(i, v, i > 0, v * 10)', [20n, 30n]],
    ['object.metadata.labels.transformList(k, v, k + "=" + v)', ['app=shop', 'tier=web']],
    ['object.metadata.labels.transformMap(k, v, v.upperAscii())["tier"]', 'WEB'],
    ['{"a": 1, "b": 2}.transformMap(k, v, v > 1, v * 2).size()', 1n],
    ['[1, 2, 3].transformMapEntry(i, v, {v: i})[3]', 2n],
    ['object.metadata.labels.transformMapEntry(k, v, {v: k})["web"]', 'tier'],
    ['object.spec.containers.transformMapEntry(i, c, i > 0, {c.name: i}).size()', 1n],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it('transformMapEntry fails on a key it already produced, and on a transform that is no map', () => {
    expect(() => run('[1, 1].transformMapEntry(i, v, {v: i})')).toThrow(/already exists/);
    expect(() => run('[1].transformMapEntry(i, v, v)')).toThrow(/must produce a map/);
  });

  it('one-variable forms still work', () => {
    expect(run('object.spec.containers.map(c, c.name)')).toEqual(['a', 'b']);
    expect(run('[1, 2].all(x, x > 0)')).toBe(true);
  });
});
