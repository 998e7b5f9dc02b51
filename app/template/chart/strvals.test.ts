import { describe, expect, it } from 'vitest';
import { goInt64 } from '../lang/value.js';
import { parseSetFileInto, parseSetInto, parseSetJsonInto, parseSetStringInto } from './strvals.js';

const set = (line: string) => parseSetInto(line, {});

describe('--set syntax (Helm strvals)', () => {
  it('parses scalars with Helm types: int64, bool, null, strings with leading zeros', () => {
    expect(set('a=1,b=true,c=null,d=00009,e=0,f=-5,g=1.5,h=FALSE')).toEqual({
      a: goInt64(1n), b: true, c: null, d: '00009', e: goInt64(0n), f: goInt64(-5n), g: '1.5', h: false,
    });
  });

  it('builds nested maps, lists, list indices and lists of maps', () => {
    expect(set('outer.inner=v,list[0]=x,list[2]=z,objs[0].name=n,nested[0][1]=q,l={a,b,c}')).toEqual({
      outer: { inner: 'v' }, list: ['x', null, 'z'], objs: [{ name: 'n' }], nested: [[null, 'q']], l: ['a', 'b', 'c'],
    });
  });

  it('honours backslash escapes for commas and dots', () => {
    expect(set('a=b\\,c,x\\.y=1')).toEqual({ a: 'b,c', 'x.y': goInt64(1n) });
  });

  it('sets an empty value as an empty string and a trailing comma is fine', () => {
    expect(set('a=,b=2,')).toEqual({ a: '', b: goInt64(2n) });
  });

  it('reports Helm errors for keys without values', () => {
    expect(() => set('name1,name2=')).toThrow('key "name1" has no value (cannot end with ,)');
    expect(() => set('name')).toThrow('key "name" has no value');
    expect(() => set('a.=1')).toThrow();
    expect(() => set('l={a,b')).toThrow("list must terminate with '}'");
    expect(() => set('a[x]=1')).toThrow('error parsing index');
  });

  it('merges into existing values, later keys winning', () => {
    const dest = parseSetInto('a.b=1,a.c=2', {});
    parseSetInto('a.b=3', dest);
    expect(dest).toEqual({ a: { b: goInt64(3n), c: goInt64(2n) } });
  });

  it('--set-string keeps every value a string', () => {
    expect(parseSetStringInto('a=1,b=true,c=null', {})).toEqual({ a: '1', b: 'true', c: 'null' });
  });

  it('--set-json decodes JSON values as float64 and empty values as null', () => {
    expect(parseSetJsonInto('a={"x":[1,2]},b=3,c=,d="s"', {})).toEqual({ a: { x: [1, 2] }, b: 3, c: null, d: 's' });
    expect(parseSetJsonInto('list[1]={"k":true}', {})).toEqual({ list: [null, { k: true }] });
  });

  it('--set-file reads each value from the named file', () => {
    expect(parseSetFileInto('cert=tls.crt', {}, (p) => `content of ${p}`)).toEqual({ cert: 'content of tls.crt' });
  });
});

describe('stacking -f files and --set flags', () => {
  it('applies files in order, then --set-json, --set, --set-string, --set-file; --set list indices edit lists from files', async () => {
    const { buildUserValues } = await import('./user-values.js');
    const values = buildUserValues({
      valueFiles: [{ path: 'a.yaml', text: 'list: [a, b, c]\nmap: {x: 1, z: 2}\nkeep: k\n' }, { path: 'b.yaml', text: 'map: {z: 3}\n' }],
      setJson: ['obj={"n":1}'], set: ['list[1]=B', 'map.x=null', 'obj.m=2'], setString: ['s=007'],
      setFile: ['f=x.txt'], readFile: () => 'file-content',
    });
    expect(values).toEqual({
      list: ['a', 'B', 'c'], map: { x: null, z: 3 }, keep: 'k', obj: { n: 1, m: goInt64(2n) }, s: '007', f: 'file-content',
    });
  });

  it('reports bad value files and flags in Helm words', async () => {
    const { buildUserValues } = await import('./user-values.js');
    expect(() => buildUserValues({ valueFiles: [{ path: 'bad.yaml', text: 'a: b: c\n' }] }))
      .toThrow('failed to parse bad.yaml: error converting YAML to JSON: yaml: line 1: mapping values are not allowed in this context');
    expect(() => buildUserValues({ setJson: ['a={x'] })).toThrow('failed parsing --set-json data a={x: ');
  });
});
