import { describe, expect, it } from 'vitest';
import { guessFieldPath } from './guess-field-path.js';

describe('guessFieldPath', () => {
  it.each([
    ['object.spec.replicas <= 5', 'spec.replicas'],
    ['object.spec.template.spec.containers.all(c, has(c.readinessProbe))', 'spec.template.spec.containers'],
    ['object.spec.?replicas.orValue(1) > 1', 'spec.replicas'],
    ['variables.anyObject.metadata.labels.team != ""', 'metadata.labels.team'],
    ['size(variables.missing) == 0', 'metadata.labels'],
    ['1 == 1', undefined],
  ])('%s -> %s', (expression, expected) => {
    const variables = new Map([['missing', 'variables.params.labels.filter(l, !(l.key in variables.labels))'], ['labels', 'object.metadata.?labels.orValue({})']]);
    expect(guessFieldPath(expression, variables)).toBe(expected);
  });
});
