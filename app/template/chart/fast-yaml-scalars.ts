// Scalar reading for the fast YAML path, resolving a plain scalar exactly as
// parseHelmYaml's slow path does: YAML 1.1 booleans and nulls, yaml.v2's
// special floats, and numbers by yaml.v2's rules (yaml-v2-numbers.ts).
import { yamlV2Number } from './yaml-v2-numbers.js';

const TRUE = /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const FALSE = /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

// First characters a non-string plain scalar can start with.
const mayResolve = new Uint8Array(128);
for (const ch of '~yYnNtTfFoO0123456789+-.') mayResolve[ch.charCodeAt(0)] = 1;

/** What a one-line plain scalar resolves to (null, boolean, number or the string itself). */
export function resolvePlainScalar(text: string): unknown {
  const first = text.charCodeAt(0);
  if (first >= 128 || mayResolve[first] === 0) return text;
  if (text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (TRUE.test(text)) return true;
  if (FALSE.test(text)) return false;
  if (FLOAT_NAN.test(text)) {
    if (text.slice(-3).toLowerCase() === 'nan') return NaN;
    return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (first === 0x2b || first === 0x2d || first === 0x2e || (first >= 0x30 && first <= 0x39)) return yamlV2Number(text) ?? text;
  return text;
}

/** The map key parseHelmYaml makes of a resolved key scalar (String() of the JS value). */
export function keyOf(value: unknown): string {
  return value === null ? 'null' : String(value);
}

const escapes: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0',
  L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};

/**
 * Reads a double-quoted scalar starting at `start` (the opening quote) that
 * closes on the same line; returns [value, index after the closing quote], or
 * null when it does not close there or has an escape the slow path rejects.
 */
export function readDoubleQuoted(line: string, start: number): [string, number] | null {
  let out = '';
  let i = start + 1;
  let run = i;
  for (; i < line.length; i++) {
    const ch = line.charCodeAt(i);
    if (ch === 0x22) return [out + line.slice(run, i), i + 1];
    if (ch !== 0x5c) continue;
    out += line.slice(run, i);
    const next = line[i + 1];
    if (next === undefined) return null;
    const simple = escapes[next];
    if (simple !== undefined) {
      out += simple;
      i += 1;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = line.substr(i + 2, length);
      if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) return null;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) return null;
      out += String.fromCodePoint(code);
      i += 1 + length;
    } else {
      return null;
    }
    run = i + 1;
  }
  return null;
}

/** Reads a single-quoted scalar closing on the same line, like readDoubleQuoted. */
export function readSingleQuoted(line: string, start: number): [string, number] | null {
  let out = '';
  let run = start + 1;
  for (let i = run; i < line.length; i++) {
    if (line.charCodeAt(i) !== 0x27) continue;
    if (line.charCodeAt(i + 1) === 0x27) {
      out += line.slice(run, i + 1);
      i++;
      run = i + 1;
      continue;
    }
    return [out + line.slice(run, i), i + 1];
  }
  return null;
}
