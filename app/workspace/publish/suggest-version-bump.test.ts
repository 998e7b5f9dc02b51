import { describe, expect, it } from 'vitest';
import { suggestVersionBump } from './suggest-version-bump.js';

const base = {
  type: 'object', required: ['image'],
  properties: {
    image: { type: 'string' }, replicas: { type: ['integer', 'string'] }, port: { type: 'integer' },
    probes: { type: 'object', properties: { path: { type: 'string' } } }, tier: { enum: ['web', 'api'] },
  },
};
const change = (edit: (s: any) => void) => { const copy = structuredClone(base); edit(copy); return copy; };

describe('the suggested bump follows the values.schema.json change', () => {
  it.each([
    ['a removed property', (s: any) => delete s.properties.port, 'major', 'port: removed or renamed'],
    ['a renamed nested property', (s: any) => { s.properties.probes.properties.httpPath = s.properties.probes.properties.path; delete s.properties.probes.properties.path; }, 'major', 'probes.path: removed or renamed'],
    ['a narrowed type', (s: any) => { s.properties.replicas.type = 'integer'; }, 'major', 'replicas: type narrowed from integer|string to integer'],
    ['a new required property', (s: any) => { s.required.push('port'); }, 'major', 'port: now required'],
    ['a narrowed enum', (s: any) => { s.properties.tier.enum = ['web']; }, 'major', 'tier: allowed values narrowed to "web"'],
    ['an added property', (s: any) => { s.properties.resources = { type: 'object' }; }, 'minor', 'resources: added'],
    ['an added nested property', (s: any) => { s.properties.probes.properties.port = { type: 'integer' }; }, 'minor', 'probes.port: added'],
    ['a description change', (s: any) => { s.properties.port.description = 'the port'; }, 'patch', undefined],
    ['a widened type', (s: any) => { s.properties.port.type = ['integer', 'string']; }, 'patch', undefined],
  ])('%s', (_name, edit, level, reason) => {
    const suggestion = suggestVersionBump(base, change(edit));
    expect(suggestion.level).toBe(level);
    if (reason) expect(suggestion.reasons).toContain(reason);
    else expect(suggestion.reasons).toEqual([]);
  });

  it('treats a first schema with new properties as minor and an unchanged one as patch', () => {
    expect(suggestVersionBump(undefined, { type: 'object', properties: { a: { type: 'string' } } }).level).toBe('minor');
    expect(suggestVersionBump(base, base).level).toBe('patch');
  });
});
