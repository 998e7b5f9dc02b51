import { describe, expect, it } from 'vitest';
import { migrationHints } from './migration-hints.js';

describe('migration hints', () => {
  it('reports values the new version no longer reads, without a schema that forbids them', () => {
    const before = { schema: { type: 'object', properties: { probes: { type: 'object', properties: { path: { type: 'string' } } }, port: { type: 'integer' } } }, defaults: { legacyMode: false } };
    const after = { schema: { type: 'object', properties: { probes: { type: 'object', properties: { httpPath: { type: 'string' } } }, port: { type: 'integer' }, config: { type: 'object', additionalProperties: { type: 'string' } } } }, defaults: {} };
    const hints = migrationHints({ prod: { probes: { path: '/healthz' }, port: 8080, legacyMode: true, config: { A: 'b' }, unknownBefore: 1 } }, before, after, '2.0.0');
    expect(hints).toEqual([
      { kind: 'unread', path: 'legacyMode', environments: ['prod'], message: 'legacyMode is set but version 2.0.0 no longer reads it (renamed or removed)' },
      { kind: 'unread', path: 'probes.path', environments: ['prod'], message: 'probes.path is set but version 2.0.0 no longer reads it (renamed or removed)' },
    ]);
  });
});
