// Go's fmt as templates print values: what a chart author sees in rendered YAML.
import { describe, expect, it } from 'vitest';
import { formatValue, sprint, sprintf, sprintln } from './format.js';
import { GoNumber, withGoType } from './value.js';

describe('formatValue (Go %v)', () => {
  it('prints float64 values with the shortest %g digits and Go exponent rules', () => {
    const cases: [number, string][] = [
      [100000, '100000'], [123456, '123456'], [1000000, '1e+06'], [1234567, '1.234567e+06'],
      [123456789, '1.23456789e+08'], [1e21, '1e+21'], [0.0001, '0.0001'], [0.00001, '1e-05'],
      [3.0, '3'], [-0, '-0'], [0.5, '0.5'], [-42.25, '-42.25'], [1.5e-7, '1.5e-07'], [2 ** 53, '9.007199254740992e+15'],
    ];
    for (const [n, s] of cases) expect(formatValue(n), String(n)).toBe(s);
  });

  it('prints ints, typed numbers, nil, maps in byte order and slices', () => {
    expect(formatValue(8080n)).toBe('8080');
    expect(formatValue(new GoNumber('int64', 3n))).toBe('3');
    expect(formatValue(new GoNumber('float32', 0.1))).toBe('0.1');
    expect(formatValue(null)).toBe('<nil>');
    expect(formatValue({ b: 1, a: [1, 'x', null], '10': true, '9': false, _x: {}, Z: 'z' })).toBe('map[10:true 9:false Z:z _x:map[] a:[1 x <nil>] b:1]');
    expect(formatValue(new Uint8Array([72, 105]))).toBe('[72 105]');
  });
});

describe('Sprint / Sprintln', () => {
  it('puts spaces only between operands that are both non-strings', () => {
    expect(sprint([1n, 2n, 'a', 3n, 'b', 'c', 4.5, true, null])).toBe('1 2a3bc4.5 true <nil>');
    expect(sprintln([1n, 'a', null])).toBe('1 a <nil>\n');
  });
});

describe('Sprintf', () => {
  it('formats the verbs, flags, widths and precisions charts use', () => {
    expect(sprintf('%s-%d|%5.2f|%-6s|%06d|%x|%X|%o|%b|%q|%v|%t', ['app', 3n, 3.14159, 'ab', -42n, 255n, 255n, 8n, 5n, 'a"b', [1n, 'x'], true]))
      .toBe('app-3| 3.14|ab    |-00042|ff|FF|10|101|"a\\"b"|[1 x]|true');
    expect(sprintf('%e|%E|%g|%.3g|%8.3e|%+d|% d|%#x|%#o|%c|%U', [1234.5678, 1234.5678, 0.00001, 1234.5678, 12345.678, 5n, 5n, 255n, 8n, 65n, 0x1f600n]))
      .toBe('1.234568e+03|1.234568E+03|1e-05|1.23e+03|1.235e+04|+5| 5|0xff|010|A|U+1F600');
  });

  it('rounds halfway cases to even like Go, not like toFixed', () => {
    expect(sprintf('%.0f %.0f %.0f %.1f %.2f', [0.5, 1.5, 2.5, 0.25, 1.005])).toBe('0 2 2 0.2 1.00');
  });

  it('prints Go-syntax values with %#v and types with %T', () => {
    expect(sprintf('%#v', [{ k: 'v', n: [2.5, null] }])).toBe('map[string]interface {}{"k":"v", "n":[]interface {}{2.5, interface {}(nil)}}');
    expect(sprintf('%T %T %T %T %T', [1n, 1.5, 'x', withGoType(['a'], '[]string'), null])).toBe('int float64 string []string <nil>');
  });

  it('reports wrong verbs, missing and extra operands as Go does', () => {
    expect(sprintf('%d', [8080])).toBe('%!d(float64=8080)');
    expect(sprintf('%s', [null])).toBe('%!s(<nil>)');
    expect(sprintf('%d %d', [1n])).toBe('1 %!d(MISSING)');
    expect(sprintf('%d', [1n, 'x', 2.5])).toBe('1%!(EXTRA string=x, float64=2.5)');
    expect(sprintf('%!', [3n])).toBe('%!!(int=3)');
    expect(sprintf('%', [])).toBe('%!(NOVERB)');
    expect(sprintf('%*d', ['x', 1n])).toBe('%!(BADWIDTH)1');
  });
});
