// Shared by fast-yaml.test.ts and fast-yaml.bench.ts: an exact comparison of
// the fast reader against the `yaml`-library path, and a seeded generator of
// manifest-like YAML documents full of scalars YAML 1.1 reads surprisingly.
import { NOT_HANDLED, tryParseHelmYamlFast } from './fast-yaml.js';
import { parseHelmYamlSlow } from './values-yaml.js';

/** A string naming every detail deep-equality might miss: key order, -0, NaN, prototypes. */
export function canonical(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) === Object.prototype ? '' : '!proto';
    return `{${proto}${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return `?${typeof value}`;
}

/** How the fast reader fared on one document against the slow path. */
export type Comparison =
  | { kind: 'same' }
  | { kind: 'not-handled' }
  | { kind: 'different'; fast: string; slow: string };

/** Reads `text` both ways; `different` when the fast reader answered and disagrees (or the slow path threw). */
export function compareWithSlow(text: string): Comparison {
  const fast = tryParseHelmYamlFast(text);
  if (fast === NOT_HANDLED) return { kind: 'not-handled' };
  let slow: string;
  try {
    slow = canonical(parseHelmYamlSlow(text));
  } catch (error) {
    slow = `error: ${(error as Error).message}`;
  }
  const got = canonical(fast);
  return got === slow ? { kind: 'same' } : { kind: 'different', fast: got, slow };
}

/** The template tests' seeded PRNG (mulberry32), so generated documents repeat run to run. */
export { prng as seededRandom } from '../lang/testing/random-template.js';

/** Scalars whose YAML 1.1 reading is easy to get wrong, as written in a document. */
export const NASTY_SCALARS = [
  'yes', 'No', 'NO', 'y', 'n', 'Y', 'N', 'on', 'Off', 'ON', 'true', 'False', 'TRUE', 'tRue', '~', 'null', 'Null', 'NULL', 'nULL',
  '0x1F', '-0x1f', '0x_', '0o17', '017', '0777', '-017', '08', '09', '0_7', '0', '-0', '+0', '-0.0', '0.0', '1e3', '1E3', '1e+3', '1.5e-3',
  '-1e3', 'e3', 'E5', '.e3', '1e', '1_000', '1__0', '_1', '0_', '+', '-1', '+1', '.5', '-.5', '1.', '.', '-.', '1._', '3.14', '1.50',
  '.inf', '-.inf', '+.INF', '.Inf', '.nan', '.NaN', '.NAN', '.naN', '0b101', '-0b11', '0b_', '0b2', '1:30', '12:30:00', '190:20:30.15',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '99999999999999999999', '1e400', '-1e400', '100Mi',
  '500m', '1.5Gi', '"quoted: x"', "'it''s'", "''", '""', '"1"', "'2'", '"yes"', '"a\\tb"', '"\\x41\\u263A\\U0001F600"', '"\\N\\_\\L\\P"',
  '"bad \\q"', '"\\""', '"a\\\\"', '"\\ud800"', '"tab\there"', "'tab\there'", 'a: b', 'x: y: z', '#x', 'a #b', 'a#b', 'a # b # c',
  'ünïcødé', '日本語', 'emoji 😀', 'a"b', "a'b", 'http://x:80/y', 'a:b', 'a :b', '*.example.com', '&anchor x', '*alias', '!tag x',
  '!!str 1', '? x', '%x', '@x', '`x', '<<', '=', 'a  b', 'a\tb', 'trailing   ', '--flag=1', '-x', '- x', '-', 'a,b', '[x]', '{x}',
  '{}', '[]', '[ ]', '{ }', '[a, b]', '["a", "b"]', "['a', 'b''c']", '[1, yes, ~, .5]', '{a: 1, b: yes}', '{"a": 1}', '{"a":1}',
  '[a,]', '[a b, c]', '[a, [b]]', '[a', '{a: b', '{a}', '[a: b]', '{a: 1, a: 2}', '{1: x, 01: y}', '{<<: x}', '[-1, -x]',
  'ключ', '\u00a0nbsp', 'end\u00a0', '0.1.2', '1.2.3-rc.1', 'v1', 'TCP', 'IfNotPresent', '/healthz', 'RuntimeDefault',
];

const KEYS = [
  'a', 'b', 'name', 'value', 'image', '1', '01', '0x1F', '1e3', 'yes', 'No', '~', 'null', '1.5', '-1', '-0', 'e3', '.inf', '.nan',
  'a b', 'a#b', 'app.kubernetes.io/name', 'helm.sh/hook', '"q"', "'s'", '"a:b"', '"yes"', '"line\\nkey"', "'it''s'", '<<', '__proto__',
  '"__proto__"', 'ключ', '日本', '? k', '&a k', '[k]', 'k ', '"k" ', 'a:b', 'a::', 'a:b:', 'http://x:80/y', 'ghcr.io/acme/x:1.0', ':a', 'a:#', 'a :b', '-k', '--k', '$schema', 'x=y', 'a"b', '"', '10', '2', '0',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

const BLOCK_HEADERS = ['|', '|-', '|+', '>', '>-', '>+', '|2', '>1', '|-2', '|+1', '| # c', '|#c', '|  ', '>- # folded', '|x'];
const WORDS = ['alpha', 'beta gamma', 'key: value', '# not a comment', '- item', '  more', '\tTabbed', 'x\ty', 'ümlaut', 'end  '];

function blockScalar(random: () => number, indent: number): string[] {
  const lines: string[] = [];
  const count = Math.floor(random() * 5);
  const extra = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    const r = random();
    if (r < 0.15) lines.push('');
    else if (r < 0.22) lines.push(' '.repeat(Math.floor(random() * (indent + extra + 3))));
    else if (r < 0.35) lines.push(' '.repeat(indent + extra + 1 + Math.floor(random() * 3)) + pick(random, WORDS));
    else lines.push(' '.repeat(indent + extra) + pick(random, WORDS));
  }
  return lines;
}

const PLAIN_SCALARS = ['web', 'nginx:1.25', '"x/y:1.0"', '8080', '3', 'true', '100m', '/healthz', 'IfNotPresent', "'quoted'", '[]', '{}', '[a, "b"]'];
let scalars: readonly string[] = NASTY_SCALARS;

const FLOW_ITEMS = ['a', 'b c', '-', '-1', '-x', '"q"', "'s'", '""', 'yes', '~', '1e3', '.5', ':', 'a:', 'a: b', 'a:b', '#', 'a #b', '?', '? a',
  '*x', '&x', '!t', '[]', '{}', '[a]', '', ' ', '<<', '"a": b', '"a":b', 'k: v', '1: x', 'ü'];

/** A one-line flow collection built from awkward items and separators. */
function randomFlow(random: () => number): string {
  const isSeq = random() < 0.6;
  const items = Array.from({ length: Math.floor(random() * 4) }, () => pick(random, FLOW_ITEMS));
  const sep = pick(random, [', ', ',', ' , ', ', ']);
  const body = items.join(sep) + (random() < 0.1 ? ',' : '');
  const pad = random() < 0.2 ? ' ' : '';
  return isSeq ? `[${pad}${body}${pad}]` : `{${pad}${body}${pad}}`;
}

function scalarOrFlow(random: () => number): string {
  return random() < 0.15 ? randomFlow(random) : pick(random, scalars);
}

function comment(random: () => number): string {
  const r = random();
  if (r < 0.1) return ' # note';
  if (r < 0.13) return '#tight';
  if (r < 0.2) return '  ';
  return '';
}

function filler(random: () => number, lines: string[], indent: number): void {
  const r = random();
  if (r < 0.06) lines.push('');
  else if (r < 0.1) lines.push(' '.repeat(Math.floor(random() * (indent + 3))) + '# comment');
  else if (r < 0.11) lines.push(' '.repeat(Math.floor(random() * 6)));
}

function value(random: () => number, lines: string[], head: string, indent: number, depth: number, inMap: boolean): void {
  const r = random();
  if (depth > 0 && r < 0.3) {
    lines.push(head.trimEnd() + comment(random));
    const step = random() < 0.85 ? 2 : 1 + Math.floor(random() * 4);
    const sameIndentSeq = inMap && random() < 0.25;
    node(random, lines, sameIndentSeq ? indent : indent + step, depth - 1, sameIndentSeq ? 'seq' : undefined);
  } else if (r < 0.4) {
    lines.push(head + pick(random, BLOCK_HEADERS));
    lines.push(...blockScalar(random, indent));
  } else if (r < 0.45) {
    lines.push(head.trimEnd() + comment(random));
    // Sometimes the value sits alone on the next, deeper line.
    if (random() < 0.3) lines.push(' '.repeat(indent + 1 + Math.floor(random() * 3)) + scalarOrFlow(random) + comment(random));
  } else {
    lines.push(head + scalarOrFlow(random) + comment(random));
  }
}

function node(random: () => number, lines: string[], indent: number, depth: number, force?: 'seq' | 'map'): void {
  const kind = force ?? (random() < 0.6 ? 'map' : 'seq');
  const count = 1 + Math.floor(random() * 4);
  const pad = ' '.repeat(indent);
  for (let i = 0; i < count; i++) {
    filler(random, lines, indent);
    if (kind === 'map') {
      value(random, lines, `${pad}${pick(random, KEYS)}: `, indent, depth, true);
      continue;
    }
    const r = random();
    if (depth > 0 && r < 0.3) {
      // A compact mapping: `- key: v` with its other keys under the first.
      const spaces = random() < 0.9 ? 1 : 2 + Math.floor(random() * 2);
      const col = indent + 1 + spaces;
      value(random, lines, `${pad}-${' '.repeat(spaces)}${pick(random, KEYS)}: `, col, depth - 1, true);
      const more = Math.floor(random() * 3);
      for (let k = 0; k < more; k++) value(random, lines, `${' '.repeat(col)}${pick(random, KEYS)}: `, col, depth - 1, true);
    } else if (depth > 0 && r < 0.35) {
      lines.push(`${pad}- - ${scalarOrFlow(random)}`);
      if (random() < 0.5) lines.push(`${pad}  - ${scalarOrFlow(random)}`);
    } else {
      value(random, lines, `${pad}- `, indent, depth, false);
    }
  }
}

/** A random manifest-like document; `mutate` sometimes breaks a line so errors are exercised too. */
export function randomDocument(random: () => number, nasty = true): string {
  scalars = nasty ? NASTY_SCALARS : PLAIN_SCALARS;
  const lines: string[] = [];
  if (random() < 0.1) lines.push(random() < 0.8 ? '---' : '--- # start');
  if (random() < 0.05) lines.push(scalarOrFlow(random));
  else node(random, lines, random() < 0.9 ? 0 : 1 + Math.floor(random() * 2), 3);
  if (random() < 0.3) {
    const at = Math.floor(random() * lines.length);
    const line = lines[at]!;
    const r = random();
    if (r < 0.3) lines[at] = ' ' + line;
    else if (r < 0.5) lines[at] = line.replace(/^ /, '');
    else if (r < 0.6) lines[at] = line.replace(/^( *)/, '$1\t');
    else if (r < 0.7) lines.splice(at, 0, random() < 0.5 ? '---' : '...');
    else if (r < 0.8) lines[at] = line + ' ' + scalarOrFlow(random);
    else lines[at] = line.slice(0, Math.floor(random() * line.length));
  }
  let text = lines.join('\n');
  if (random() < 0.3) text += '\n';
  return text;
}
