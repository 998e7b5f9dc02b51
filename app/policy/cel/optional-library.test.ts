// orValue as cel-go evaluates it: optionals unwrap lazily, other values pass through.
import { describe, expect, it } from 'vitest';
import { compileCel } from './cel-environment.js';
import { toCelValue } from './to-cel-value.js';

const run = (expression: string, object: unknown) => compileCel(expression).evaluate({ object: toCelValue(object) });

describe('orValue', () => {
  const pod = { spec: { containers: [{ name: 'a', volumeMounts: [{ name: 'logs', readOnly: true }] }, { name: 'b' }] } };

  it('returns a value that is not optional unchanged, as cel-go does', () => {
    expect(run('object.spec.containers[0].volumeMounts.orValue([]).size()', pod)).toBe(1n);
    expect(run("object.spec.containers.all(c, c.?volumeMounts.orValue([]).all(m, m.?readOnly.orValue(false)))", pod)).toBe(true);
  });

  it('unwraps optionals and evaluates the default only when empty', () => {
    expect(run("object.spec.?volumes.orValue(['none'])", pod)).toEqual(['none']);
    expect(run("object.spec.?containers.orValue(object.missing).size()", pod)).toBe(2n);
    expect(() => run('object.spec.?volumes.orValue(object.missing)', pod)).toThrow(/missing/);
    expect(run('optional.of(1).orValue(2) + 1', pod)).toBe(2n);
    expect(run('optional.none().orValue(5)', pod)).toBe(5n);
  });
});
