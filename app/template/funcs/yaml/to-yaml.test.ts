import { describe, expect, it } from 'vitest';
import { toYaml, toYamlPretty } from './to-yaml.js';
import { naturalSort } from './natural-sort.js';
import { parseYamlLikeHelm } from './from-yaml.js';
import { parse as parseYaml } from 'yaml';

describe('toYaml (sigs.k8s.io/yaml + yaml.v2)', () => {
  it('quotes strings that would read back as other types', () => {
    const list = ['yes', 'no', 'on', '1', '1.0', 'true', 'null', '~', '', ' x', 'a: b', '#c', 'multi\nline', '0x1F', '1e3', '-', '*a', '@x'];
    expect(toYaml(list)).toBe(`- "yes"\n- "no"\n- "on"\n- "1"\n- "1.0"\n- "true"\n- "null"\n- "~"\n- ""\n- ' x'\n- 'a: b'\n- '#c'\n- |-\n  multi\n  line\n- "0x1F"\n- "1e3"\n- '-'\n- '*a'\n- '@x'`);
  });

  it('folds long plain strings at 80 columns', () => {
    const text = 'this is a very long string value that is definitely longer than eighty characters in total length ok';
    expect(toYaml({ k: text })).toBe('k: this is a very long string value that is definitely longer than eighty characters\n  in total length ok');
  });

  it('sorts keys naturally and does not indent sequences under keys', () => {
    expect(toYaml({ b: [1, 2, { c: 'x' }], a10: 1, a9: 2, n: null })).toBe('a9: 2\na10: 1\nb:\n- 1\n- 2\n- c: x\n"n": null');
  });

  it('prints float64 values the way the JSON round trip leaves them', () => {
    expect(toYaml({ big: 1000000, f: 1234567.5, e: 1e-7, half: 0.5 })).toBe('big: 1000000\ne: 1e-07\nf: 1.2345675e+06\nhalf: 0.5');
  });

  it('writes empty collections in flow style and scalars at the root', () => {
    expect([toYaml({}), toYaml([]), toYaml(null), toYaml(''), toYaml(3n), toYaml(true)]).toEqual(['{}', '[]', 'null', '""', '3', 'true']);
  });

  it('escapes non-printable characters in double quotes and keeps a block for trailing newlines', () => {
    expect(toYaml({ tab: 'a\tb', emoji: 'x😀', trail: 'a\n', date: '2023-01-01', sexa: '1:20' }))
      .toBe('date: "2023-01-01"\nemoji: "x\\U0001F600"\nsexa: "1:20"\ntab: "a\\tb"\ntrail: |\n  a');
  });

  it('returns an empty string when the value cannot be marshalled', () => {
    expect(toYaml({ a: NaN })).toBe('');
  });

  it('toYamlPretty indents nested sequences (yaml.v3)', () => {
    expect(toYamlPretty({ a: { b: [1, { c: 'x' }] }, big: 1000000 })).toBe('a:\n  b:\n    - 1\n    - c: x\nbig: 1e+06');
  });
});

describe('natural key order', () => {
  it('matches yaml.v2 sorter', () => {
    const keys = ['_x', '9', '10', 'A', 'B', 'Z', 'a', 'a.b', 'a2b', 'a9', 'a10', 'a12b', 'b1', 'b01', 'x-y', 'x_y', 'xY', 'é'];
    expect(naturalSort([...keys].reverse())).toEqual(keys);
  });
});

describe('fromYaml parsing', () => {
  it('reads YAML 1.1 scalars as yaml.v2 does and numbers as float64', () => {
    expect(parseYamlLikeHelm('a: yes\nb: 0777\nc: 2023-01-01\nd: 1:20\ne: 0x1F\nl: [x, y]\n1: k')).toEqual({
      1: 'k', a: true, b: 511, c: '2023-01-01', d: '1:20', e: 31, l: ['x', true],
    });
  });

  it('reports syntax errors in sigs.k8s.io/yaml words', () => {
    expect(() => parseYamlLikeHelm('a: [')).toThrow('error converting YAML to JSON: yaml: line 1: did not find expected node content');
    expect(() => parseYamlLikeHelm('key: value\n  bad: indent')).toThrow('yaml: line 2: mapping values are not allowed in this context');
    expect(() => parseYamlLikeHelm('a:\n\tb: 1')).toThrow('yaml: line 2: found character that cannot start any token');
    expect(() => parseYamlLikeHelm('a:\n  b: 1\n c: 2')).toThrow('yaml: line 3: did not find expected key');
    expect(() => parseYamlLikeHelm('a: *nope')).toThrow("yaml: unknown anchor 'nope' referenced");
  });

  it('resolves anchors and merge keys', () => {
    expect(parseYamlLikeHelm('a: &x {b: 1}\nd:\n  <<: *x\n  e: 2')).toEqual({ a: { b: 1 }, d: { b: 1, e: 2 } });
  });
});

describe('toYaml round trip', () => {
  it('reads back (YAML 1.1) as the same data for random awkward strings, numbers and nesting', () => {
    let seed = 99;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pieces = ['a', ' ', ':', '#', '-', '?', '\n', '\t', "'", '"', '{', '[', ',', '&', '*', '!', '|', '>', '%', '@', '`', '0', '1', 'y', 'é', '😀', '\\', '~', 'true', 'null', 'yes', '  ', '\u00a0', '2024-01-01', '---', ' \n', 'word word word '];
    const str = (): string => {
      let s = '';
      for (let i = Math.floor(rnd() * 8); i > 0; i--) s += pieces[Math.floor(rnd() * pieces.length)];
      if (rnd() < 0.1) s = 'word '.repeat(Math.floor(rnd() * 40)) + s;
      // Helm trims the document's final newline, so a trailing newline cannot round-trip.
      return /^[-+]?\.?$|^[-+]?[0-9_]*\.[0-9_]*$|e[0-9]|\n$/.test(s) ? `z${s}z` : s;
    };
    const val = (depth: number): unknown => {
      const r = rnd();
      if (depth > 3 || r < 0.5) {
        const k = rnd();
        return k < 0.7 ? str() : k < 0.8 ? Math.floor(rnd() * 1e6) : k < 0.9 ? rnd() * 1000 : k < 0.95 ? null : true;
      }
      if (r < 0.75) return Array.from({ length: Math.floor(rnd() * 4) }, () => val(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(rnd() * 4); i > 0; i--) o[str()] = val(depth + 1);
      return o;
    };
    const canon = (x: unknown): unknown => (Array.isArray(x) ? x.map(canon) : x !== null && typeof x === 'object'
      ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, canon((x as Record<string, unknown>)[k])])) : x);
    for (let i = 0; i < 2000; i++) {
      const value = { root: val(0) };
      const back = parseYaml(toYaml(value as never), { version: '1.1', schema: 'yaml-1.1', uniqueKeys: false });
      expect(canon(back)).toEqual(canon(JSON.parse(JSON.stringify(value))));
    }
  });
});
