// Numbers in YAML as Helm reads them: the expected values below were produced
// by Go 1.19 running yaml.v2's resolve logic (strconv.ParseInt(s, 0, 64),
// ParseUint, the yamlStyleFloat pattern, ParseFloat) on each scalar, then
// converted to float64 as sigs.k8s.io/yaml's JSON step does. A string means
// the scalar stays a string. Both YAML paths (fast reader and yaml library)
// must agree with Go.
import { describe, expect, it } from 'vitest';
import { parseHelmYaml, parseHelmYamlSlow } from './values-yaml.js';
import { yamlV2Number } from './yaml-v2-numbers.js';

const fromGo: Array<[string, number | string]> = [
  ["0", 0],
  ["0_", 0],
  ["-0_", 0],
  ["00", 0],
  ["07", 7],
  ["0777", 511],
  ["0_7", 7],
  ["08", 8],
  ["0789", 789],
  ["0o17", 15],
  ["0O17", 15],
  ["0x1F", 31],
  ["0X1F", 31],
  ["0x_", "0x_"],
  ["0x1_F", 31],
  ["0b101", 5],
  ["0B101", 5],
  ["-0b101", -5],
  ["+0b101", 5],
  ["0b_", "0b_"],
  ["0b", "0b"],
  ["0b2", "0b2"],
  ["1_000", 1000],
  ["1__0", 10],
  ["1_", 1],
  ["+1", 1],
  ["-1", -1],
  ["+", "+"],
  ["-", "-"],
  [".", "."],
  ["-.", "-."],
  ["+.", "+."],
  ["._5", "._5"],
  [".5", 0.5],
  [".5_0", 0.5],
  [".5e3", 500],
  [".e3", ".e3"],
  ["1.", 1],
  ["1.e5", 100000],
  ["1e3", 1000],
  ["1E3", 1000],
  ["1e", "1e"],
  ["1e+3", 1000],
  ["1.5e-3", 0.0015],
  ["+.5", 0.5],
  ["-.5", -0.5],
  ["1_0.5", 10.5],
  ["9223372036854775807", 9223372036854776000],
  ["9223372036854775808", 9223372036854776000],
  ["18446744073709551615", 18446744073709552000],
  ["18446744073709551616", 18446744073709552000],
  ["-9223372036854775809", -9223372036854776000],
  ["0.0", 0],
  ["-0", 0],
  ["-0.0", -0],
  ["1.2.3", "1.2.3"],
  ["1:20", "1:20"],
  ["0x", "0x"],
  ["0o", "0o"],
  ["0o8", "0o8"],
  ["+0x1F", 31],
  ["-0x1F", -31],
  ["1e400", "1e400"],
  ["+.nan", "+.nan"],
  ["-.nan", "-.nan"],
  ["0e0", 0],
  ["00.5", 0.5],
  ["0_0.5", 0.5],
  ["1_e3", 1000],
  ["1e_3", 1000],
  ["123abc", "123abc"],
  [".5_0", 0.5],
  ["._5", "._5"],
  [".5__0", ".5__0"],
  [".5_", ".5_"],
  [".5e1_0", 5000000000],
  ["1e-400", 0],
  ["1e308", 1e+308],
  ["1.8e308", "1.8e308"],
  ["0x1FFFFFFFFFFFFFFFF", "0x1FFFFFFFFFFFFFFFF"],
  ["-9223372036854775808", -9223372036854776000],
  ["-18446744073709551615", -18446744073709552000],
  ["+18446744073709551615", 18446744073709552000],
  ["0x8000000000000000", 9223372036854776000],
  ["-0x8000000000000001", "-0x8000000000000001"],
  ["0o777777777777777777777777", "0o777777777777777777777777"],
  ["01777777777777777777777", 18446744073709552000],
  ["0_x1", 1],
  ["0x1p-2", "0x1p-2"],
  [".5E+3", 500],
  ["+0", 0],
  ["-0x0", 0],
  ["0B", "0B"],
  ["0b1_0", 2],
  ["00x1", "00x1"],
  ["1__", 1],
  ["+_1", 1],
  ["-_1", -1],
  ["0.5_e3", 500],
];

describe('YAML numbers as yaml.v2 reads them', () => {
  it.each(fromGo)('%s', (text, expected) => {
    expect(yamlV2Number(text) ?? text).toBe(expected);
    if (text === '-') return; // `v: -` is a block sequence on the key's line: a YAML error in both readers
    expect(parseHelmYaml(`v: ${text}\n`)).toEqual({ v: expected });
    expect(parseHelmYamlSlow(`v: ${text}\n`)).toEqual({ v: expected });
    expect(parseHelmYamlSlow(`- ${text}\n`)).toEqual([expected]);
  });

  it('keeps the special floats and explicit tags', () => {
    expect(parseHelmYaml('[.inf, -.Inf, +.INF]')).toEqual([Infinity, -Infinity, Infinity]);
    expect(Number.isNaN((parseHelmYaml('v: .nan') as { v: number }).v)).toBe(true);
    expect(parseHelmYamlSlow('a: !!int "5"\nb: !!float 5\n')).toEqual({ a: 5, b: 5 });
  });

  it('names number keys by their value', () => {
    expect(parseHelmYaml('1e3: a\n0x10: b\ne3: c\n')).toEqual({ 1000: 'a', 16: 'b', e3: 'c' });
  });
});
