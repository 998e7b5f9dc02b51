import { describe, expect, it } from 'vitest';
import { runPaver } from '../testing/run-paver.js';

function paver(lines: string[], ...argv: string[]) {
  return runPaver(argv, { cwd: '/', stdin: lines });
}

describe('paver template eval', () => {
  it('answers each JSON request line with {id, output, error, phase}, like the Go oracle', async () => {
    const requests = [
      { id: 1, template: '{{.a}} {{range .l}}<{{.}}>{{end}}', data: { a: 1000000, l: [1, 'x'] } },
      { id: 'helm', template: 'r: {{.Values.replicas}}{{.Values.missing}}', data: { Values: { replicas: 3 } }, helm: true },
      { id: 'int', template: '{{eq .n 1}}', data: { n: 1 }, numbers: 'int' },
      { id: 'err', template: '{{eq .n 1}}', data: { n: 1 } },
      { id: 'parse', template: '{{if}}' },
      { id: 'set', templates: [{ name: 'h.tpl', template: '{{define "x"}}X{{.}}{{end}}' }], template: '{{template "x" 1}}' },
      { id: 'delims', template: '[[.a]]', delims: ['[[', ']]'], data: { a: 'ok' } },
      { id: 'sprig', template: '{{ .Values.name | upper | quote }} {{ include "n" . }}', templates: [{ name: '_h.tpl', template: '{{define "n"}}{{.Values.name | trunc 2}}{{end}}' }], data: { Values: { name: 'web' } }, funcs: 'helm', helm: true },
    ].map((r) => JSON.stringify(r));
    const { code, stdout } = await paver([...requests, ''], 'template', 'eval');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { id: 1, output: '1e+06 <1><x>', error: '', phase: '' },
      { id: 'helm', output: 'r: 3', error: '', phase: '' },
      { id: 'int', output: 'true', error: '', phase: '' },
      { id: 'err', output: '', error: 'template: main:1:2: executing "main" at <eq .n 1>: error calling eq: incompatible types for comparison: float64 and int', phase: 'exec' },
      { id: 'parse', output: '', error: 'template: main:1: missing value for if', phase: 'parse' },
      { id: 'set', output: 'X1', error: '', phase: '' },
      { id: 'delims', output: 'ok', error: '', phase: '' },
      { id: 'sprig', output: '"WEB" we', error: '', phase: '' },
    ]);
  });

  it('reports a malformed line without stopping the stream', async () => {
    const { stdout } = await paver(['{not json', JSON.stringify({ id: 2, template: 'ok' })], 'template', 'eval');
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ output: '', phase: 'request' });
    expect(lines[0].error).toMatch(/^bad request: /);
    expect(lines[1]).toEqual({ id: 2, output: 'ok', error: '', phase: '' });
  });

  it('rejects an unknown subcommand with usage on stderr', async () => {
    const { code, stderr } = await paver([], 'template', 'frobnicate');
    expect(code).toBe(2);
    expect(stderr).toContain('paver template eval');
  });
});
