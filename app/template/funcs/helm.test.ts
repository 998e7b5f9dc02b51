import { describe, expect, it } from 'vitest';
import type { CallContext, FuncDefinition } from '../lang/value.js';
import { helmFunctions } from './index.js';
import { render } from './testing/render.js';

const helpers = {
  'templates/_helpers.tpl': '{{- define "name" -}}{{ .name | default "dflt" }}{{- end -}}{{- define "loop" -}}{{ include "loop" . }}{{- end -}}{{- define "count" -}}{{ if gt (int .) 0 }}{{ include "count" (sub . 1) }}{{ else }}done{{ end }}{{- end -}}',
};

describe('include', () => {
  it('renders a named template to a string usable in pipelines', () => {
    expect(render('{{ include "name" . | upper | quote }}', { name: 'app' }, { helpers })).toBe('"APP"');
  });

  it('allows deep but finite nesting and stops runaway recursion at 1000 per name', () => {
    expect(render('{{ include "count" 200 }}', {}, { helpers })).toBe('done');
    // A self-including template, driven without the interpreter (whose JS stack
    // may run out before 1,000 levels): the 1,001st nested include fails like Helm.
    const include = helmFunctions().include as FuncDefinition;
    let depth = 0;
    const ctx = { execute: () => { depth++; return include.call(['loop', null], ctx); } } as unknown as CallContext;
    expect(() => include.call(['loop', null], ctx)).toThrow('rendering template has a nested reference name: loop: unable to execute template');
    expect(depth).toBe(1001);
    expect(include.call(['other', null], { execute: () => 'ok' } as unknown as CallContext)).toBe('ok');
  });

  it('names Helm\'s root template "gotpl" in the missing-template error when asked', () => {
    expect(render('{{ include "nope" . }}', {}, { funcs: { rootTemplateName: 'gotpl' } }))
      .toContain('error calling include: template: no template "nope" associated with template "gotpl"');
    expect(render('{{ include "nope" . }}')).toContain('no template "nope" associated with template "templates/test.yaml"');
  });

  it('runs many sequential includes (only nesting counts)', () => {
    expect(render('{{ range until 3000 }}{{ include "name" $ }}{{ end }}', { name: 'a' }, { helpers })).toBe('a'.repeat(3000));
  });
});

describe('tpl', () => {
  it('renders text as a template with the given values, stripping <no value>', () => {
    expect(render('{{ tpl .t . }}', { t: '{{ .name }}-{{ .missing }}!', name: 'x' })).toBe('x-!');
    expect(render('{{ tpl "{{ include \\"name\\" . }}" . }}', { name: 'inc' }, { helpers })).toBe('inc');
  });

  it('parses under the calling file, so a define that calls tpl can still be included from the tpl text', () => {
    const render2 = { 'templates/_helpers.tpl': '{{- define "render" -}}{{ tpl .value .ctx }}{{- end -}}' };
    expect(render('{{ include "render" (dict "value" "[{{ include \\"render\\" (dict \\"value\\" \\"in\\" \\"ctx\\" .) }}]" "ctx" .) }}', {}, { helpers: render2 })).toBe('[in]');
    expect(render('{{ include "render" (dict "value" "{{ .x" "ctx" .) }}', {}, { helpers: render2 })).toContain('cannot parse template "{{ .x": template: templates/_helpers.tpl:1: unclosed action');
  });

  it('keeps defines made inside tpl local to that call', () => {
    expect(render('{{ tpl "{{ define \\"x\\" }}X{{ end }}{{ include \\"x\\" . }}" . }}|{{ include "x" . }}')).toContain('no template "x"');
  });

  it('reports parse and execution errors under the calling file name', () => {
    expect(render('{{ tpl "{{ .a" . }}')).toBe('ERROR: template: templates/test.yaml:1:3: executing "templates/test.yaml" at <tpl "{{ .a" .>: error calling tpl: cannot parse template "{{ .a": template: templates/test.yaml:1: unclosed action');
    expect(render('{{ tpl "{{ fail \\"no\\" }}" . }}')).toContain('error calling tpl: error during tpl function execution for "{{ fail \\"no\\" }}": template: templates/test.yaml:1:3: executing "templates/test.yaml" at <fail "no">: error calling fail: no');
  });
});

describe('required, fail, lookup, getHostByName', () => {
  it('required passes zero values but not nil or ""', () => {
    expect(render('{{ required "m" 0 }}|{{ required "m" false }}|{{ required "m" .x }}', { x: 'v' })).toBe('0|false|v');
    expect(render('{{ required "x is required" .x }}')).toContain('error calling required: x is required');
  });

  it('wraps required/fail messages for the chart renderer when asked', () => {
    expect(render('{{ fail "boom" }}', {}, { funcs: { wrapWarnings: true } })).toContain('error calling fail: HELM_ERR_STARTboomHELM_ERR_END');
    expect(render('{{ required "m" nil }}|{{ fail "x" }}', {}, { funcs: { lintMode: true } })).toBe('|');
  });

  it('looks up through the host, else returns an empty map', () => {
    expect(render('{{ lookup "v1" "Secret" "ns" "s" }}')).toBe('map[]');
    const host = { lookup: (_a: string, kind: string, _ns: string, name: string) => ({ kind, metadata: { name } }) };
    expect(render('{{ (lookup "v1" "Secret" "ns" "s").metadata.name }}', {}, { host })).toBe('s');
  });

  it('resolves host names only with DNS enabled', () => {
    const host = { resolveHost: () => '10.1.2.3' };
    expect(render('[{{ getHostByName "x" }}]', {}, { host })).toBe('[]');
    expect(render('[{{ getHostByName "x" }}]', {}, { host, funcs: { enableDns: true } })).toBe('[10.1.2.3]');
  });
});

describe('YAML, JSON and TOML conversions', () => {
  it('round-trips values through fromYaml/toYaml with float64 numbers', () => {
    expect(render('{{ $m := fromYaml "b: 2\\na:\\n  - x: 1.50\\n  - on\\n" }}{{ toYaml $m }}|{{ typeOf $m.b }}')).toBe('a:\n- x: 1.5\n- true\nb: 2|float64');
    expect(render('{{ fromYaml "- 1" }}|{{ fromYamlArray "a: 1" }}'))
      .toBe('map[Error:error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}]|[error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}]');
  });

  it('encodes TOML like BurntSushi/toml', () => {
    const data = { v: { name: 'x', port: 80n, ratio: 1.5, whole: 2, tags: ['a', 'b'], db: { host: 'h', opts: { ssl: true } }, servers: [{ ip: '1' }, { ip: '2' }], skip: null } };
    expect(render('{{ toToml .v }}', data)).toBe('name = "x"\nport = 80\nratio = 1.5\ntags = ["a", "b"]\nwhole = 2.0\n\n[db]\n  host = "h"\n  [db.opts]\n    ssl = true\n\n[[servers]]\n  ip = "1"\n\n[[servers]]\n  ip = "2"\n');
    expect(render('{{ $t := fromToml "a = 1\\n[b]\\nc = \\"d\\"" }}{{ $t.a }} {{ typeOf $t.a }} {{ $t.b.c }}')).toBe('1 int64 d');
    expect(render('{{ toToml "x" }}')).toBe('toml: top-level values must be Go maps or structs');
  });

  it('toJson returns "" when the value cannot be marshalled and mustToJson fails', () => {
    expect(render('[{{ toJson (float64 "NaN") }}]')).toBe('[]');
    expect(render('{{ mustToJson (float64 "NaN") }}')).toContain('error calling mustToJson: json: unsupported value: NaN');
  });
});
