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

describe('the rest of cel-go optional library (Kubernetes enables its newest version)', () => {
  const deployment = { spec: { replicas: 3, paused: false, containers: [{ name: 'app' }, { name: 'sidecar' }] } };

  it('optMap maps a present value and keeps an empty optional empty', () => {
    expect(run('object.spec.?replicas.optMap(r, r * 2).orValue(0)', deployment)).toBe(6n);
    expect(run('object.spec.?minReadySeconds.optMap(s, s * 2).orValue(0)', deployment)).toBe(0n);
  });

  it('optFlatMap needs the expression to give an optional', () => {
    expect(run('object.spec.?containers.optFlatMap(c, c.first()).value().name', deployment)).toBe('app');
    expect(run('optional.of(1).optFlatMap(x, optional.none()).hasValue()', deployment)).toBe(false);
    expect(() => run('optional.of(1).optFlatMap(x, x)', deployment)).toThrow(/must be optional/);
  });

  it('ofNonZeroValue is empty for zero values of every type', () => {
    for (const zero of ['""', '0', '0u', '0.0', 'false', '[]', '{}', 'null', 'duration("0s")', 'object.spec.paused']) {
      expect(run(`optional.ofNonZeroValue(${zero}).hasValue()`, deployment)).toBe(false);
    }
    expect(run('optional.ofNonZeroValue(object.spec.replicas).value()', deployment)).toBe(3n);
  });

  it('first, last and unwrap', () => {
    expect(run('object.spec.containers.last().value().name', deployment)).toBe('sidecar');
    expect(run('[].first().hasValue()', deployment)).toBe(false);
    expect(run('optional.unwrap([optional.of(1), optional.none(), optional.of(3)])', deployment)).toEqual([1n, 3n]);
    expect(run('object.spec.containers.map(c, c.?image).unwrapOpt().size()', deployment)).toBe(0n);
  });
});
