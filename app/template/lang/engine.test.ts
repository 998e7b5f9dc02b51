// The engine API that the chart renderer and the function maps build on.
import { describe, expect, it } from 'vitest';
import { GoTemplateError } from '../../errors/go-template-error.js';
import { TemplateSet } from './engine.js';
import { TemplateLimitError } from './exec.js';
import { GoFuncError, GoNumber, GoStruct, GoTypedMap, funcValue, type CallContext, type FuncMap, type Value } from './value.js';

function render(text: string, data: Value, funcs: FuncMap = {}, helm = false): string {
  const set = new TemplateSet({ funcs });
  set.parse('t.yaml', text);
  return set.execute('t.yaml', data, { helm });
}

function failure(fn: () => unknown): GoTemplateError {
  try {
    fn();
  } catch (e) {
    if (e instanceof GoTemplateError) return e;
    throw e;
  }
  throw new Error('expected a GoTemplateError');
}

describe('TemplateSet', () => {
  it('parses several files into one set where later non-empty defines win', () => {
    const set = new TemplateSet();
    set.parse('chart/templates/_a.tpl', '{{define "name"}}from-a{{end}}');
    set.parse('chart/templates/_b.tpl', '{{define "name"}}from-b{{end}}');
    set.parse('chart/templates/_c.tpl', '{{define "name"}} {{end}}');
    set.parse('chart/templates/svc.yaml', 'name: {{template "name"}}');
    expect(set.execute('chart/templates/svc.yaml', {})).toBe('name: from-b');
  });

  it('keeps a template when a later file with that name holds only defines', () => {
    const set = new TemplateSet();
    set.parse('x', 'body');
    set.parse('x', '{{define "h"}}helper{{end}}\n');
    expect(set.execute('x', {})).toBe('body');
    expect(set.execute('h', {})).toBe('helper');
  });

  it('reports two defines of one name in one file like Go', () => {
    const e = failure(() => new TemplateSet().parse('f.tpl', '{{define "a"}}1{{end}}{{define "a"}}2{{end}}'));
    expect(e.message).toBe('template: f.tpl:1: template: multiple definition of template "a"');
    expect(e.data).toMatchObject({ phase: 'parse', file: 'f.tpl', line: 1 });
  });

  it('clones: defines parsed into the clone stay out of the original', () => {
    const set = new TemplateSet();
    set.parse('base', '{{template "x"}}');
    set.parse('x.tpl', '{{define "x"}}original{{end}}');
    const copy = set.clone();
    copy.parse('inline', '{{define "x"}}replaced{{end}}{{template "x"}}');
    expect(copy.execute('inline', null)).toBe('replaced');
    expect(set.execute('base', null)).toBe('original');
    expect(set.has('inline')).toBe(false);
  });

  it('runs in Helm mode: missingkey=zero and every <no value> removed', () => {
    expect(render('a={{.missing}} b={{.nul}} c={{print .missing}}', { nul: null }, {}, true)).toBe('a= b= c=<nil>');
    expect(render('a={{.missing}}', {}, {}, false)).toBe('a=<no value>');
    const e = failure(() => render('{{.Values.missing.child}}', { Values: {} }, {}, true));
    expect(e.message).toBe('template: t.yaml:1:9: executing "t.yaml" at <.Values.missing.child>: nil pointer evaluating interface {}.child');
    expect(e.data).toMatchObject({ phase: 'exec', file: 't.yaml', template: 't.yaml', line: 1, column: 9 });
  });

  it('names the defining file and the executing template in exec errors', () => {
    const set = new TemplateSet();
    set.parse('chart/templates/_helpers.tpl', '\n{{define "h"}}\n  {{ .a.b }}{{end}}');
    set.parse('chart/templates/cm.yaml', 'x: {{ template "h" . }}');
    const e = failure(() => set.execute('chart/templates/cm.yaml', { a: 5 }));
    expect(e.message).toBe('template: chart/templates/_helpers.tpl:3:7: executing "h" at <.a.b>: can\'t evaluate field b in type interface {}');
    expect((e as { partialOutput?: string }).partialOutput).toBe('x: \n  ');
  });

  it('calls methods of typed objects, with and without arguments, before map keys', () => {
    const files = new GoStruct('chart.Files', {}, {
      Get: funcValue((args) => `content of ${args[0] as string}`, { params: ['string'] }),
    });
    const values = new GoTypedMap('chartutil.Values', { AsMap: 'shadowed key', name: 'web' }, {
      AsMap: funcValue(() => ({ name: 'web' }), { params: [] }),
    });
    const data = { Files: files, Values: values, Release: new GoStruct('*chart.Release', { Name: 'rel', Revision: 1n }) };
    expect(render('{{.Files.Get "a.txt"}}|{{.Values.AsMap.name}}|{{.Values.name}}|{{.Release.Name}}-{{.Release.Revision}}|{{printf "%T" .Values}}', data))
      .toBe('content of a.txt|web|web|rel-1|chartutil.Values');
    expect(failure(() => render('{{.Files.Get}}', data)).message).toContain('wrong number of args for Get: want 1 got 0');
    // A struct reached through a map element has Go's static type interface {}; as dot it has its own type.
    expect(failure(() => render('{{.Release.Missing}}', data)).message).toContain("can't evaluate field Missing in type interface {}");
    expect(failure(() => render('{{.Missing}}', data.Release)).message).toContain("can't evaluate field Missing in type *chart.Release");
  });

  it('checks declared function signatures and wraps function errors like Go', () => {
    const funcs: FuncMap = {
      upper: { params: ['string'], call: (args: Value[]) => (args[0] as string).toUpperCase() },
      add: { params: ['interface {}', 'interface {}'], call: (args: Value[]) => new GoNumber('int64', (args[0] as bigint) + (args[1] as bigint)) },
      boom: () => {
        throw new GoFuncError('it broke');
      },
      anyArity: (args) => args.length,
    };
    expect(render('{{upper "x"}} {{"y" | upper}} {{add 1 2}} {{anyArity 1 2 3}}', {}, funcs)).toBe('X Y 3 3');
    expect(failure(() => render('{{upper 1}}', {}, funcs)).message).toContain('expected string; found 1');
    expect(failure(() => render('{{upper .n}}', { n: 1 }, funcs)).message).toContain('wrong type for value; expected string; got float64');
    expect(failure(() => render('{{upper "a" "b"}}', {}, funcs)).message).toContain('wrong number of args for upper: want 1 got 2');
    expect(failure(() => render('{{boom}}', {}, funcs)).message).toBe('template: t.yaml:1:2: executing "t.yaml" at <boom>: error calling boom: it broke');
    expect(failure(() => render('{{nope}}', {}, funcs)).message).toBe('template: t.yaml:1: function "nope" not defined');
  });

  it('gives functions the running set so include-like helpers can execute templates', () => {
    const funcs: FuncMap = {
      include: { params: ['string', 'interface {}'], call: (args: Value[], ctx: CallContext) => ctx.execute(args[0] as string, args[1]) },
      caller: (_args, ctx) => ctx.templateName,
    };
    const set = new TemplateSet({ funcs });
    set.parse('_h.tpl', '{{define "label"}}app: {{.name}}{{end}}{{define "who"}}{{caller}}{{end}}');
    set.parse('x.yaml', '{{include "label" . | printf "%q"}} {{template "who"}}');
    expect(set.execute('x.yaml', { name: 'web' })).toBe('"app: web" who');
  });

  it('ends runaway templates with a clear error instead of hanging', () => {
    const set = new TemplateSet();
    set.parse('loop', '{{range $i := .}}{{range $}}x{{end}}{{end}}');
    const big = Array.from({ length: 3000 }, () => 1);
    expect(() => set.execute('loop', big, { maxSteps: 100_000 })).toThrow(TemplateLimitError);
    expect(failure(() => set.execute('loop', big, { maxSteps: 100_000 })).message).toContain('execution budget of 100000 steps exceeded');
    expect(failure(() => set.execute('loop', big, { maxOutput: 1000 })).message).toContain('output exceeds the limit of 1000 characters');
  });

  it('reports infinite {{template}} recursion as Go does', () => {
    const e = failure(() => render('{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}', {}));
    expect(e.message).toBe('template: t.yaml:1:25: executing "r" at <{{template "r" .}}>: exceeded maximum template depth (100000)');
  });

  it('attributes every output chunk to its file and line for source maps', () => {
    const set = new TemplateSet();
    set.parse('_h.tpl', '{{define "h"}}\nfrom-helper {{.}}{{end}}');
    set.parse('m.yaml', 'a: 1\nb: {{ .b }}\n{{ template "h" .b }}\nc: 3');
    const chunks: [string, string, number][] = [];
    const out = set.execute('m.yaml', { b: 2 }, { onChunk: (text, file, line) => chunks.push([text, file, line]) });
    expect(chunks.map((c) => c[0]).join('')).toBe(out);
    expect(chunks).toEqual([
      ['a: 1\nb: ', 'm.yaml', 1],
      ['2', 'm.yaml', 2],
      ['\n', 'm.yaml', 2],
      ['\nfrom-helper ', '_h.tpl', 1],
      ['2', '_h.tpl', 2],
      ['\nc: 3', 'm.yaml', 3],
    ]);
  });

  it('supports custom delimiters', () => {
    const set = new TemplateSet({ delims: ['[[', ']]'] });
    set.parse('d', '[[ .a ]] {{ .a }}');
    expect(set.execute('d', { a: 1 })).toBe('1 {{ .a }}');
  });

  it('names missing templates like Go', () => {
    const set = new TemplateSet({ name: 'main' });
    set.parse('main', 'x');
    expect(failure(() => set.execute('other', null)).message).toBe('template: no template "other" associated with template "main"');
  });
});
