// Sprig's regex functions on Go RE2 syntax, translated to JS RegExp: leading
// inline flags, (?P<name>), POSIX classes, \A and \z; Go's FindAll rules for
// empty matches and Go's $name/${name} replacement expansion. Constructs RE2
// rejects but JS accepts (backreferences, lookaround) are reported as errors.
import { withGoType, type FuncMap, type Value } from '../lang/value.js';
import { define, fail } from './support.js';

const posixClasses: Record<string, string> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F', digit: '0-9',
  graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ', upper: 'A-Z',
  word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};

const cache = new Map<string, RegExp>();

/** Index of the ")" closing the group whose body starts at `start`, or the pattern's end. */
function groupEnd(source: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (source[i + 1] === '^') i++;
      if (source[i + 1] === ']') i++;
    } else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return source.length;
}

const otherCase = (c: string): string => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase());

/** Rewrites a pattern fragment to match ASCII letters in either case (RE2's scoped (?i)). */
function foldCase(fragment: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < fragment.length; i++) {
    const c = fragment[i];
    if (c === '\\') {
      out += c + (fragment[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        out += c;
      } else if (/[a-zA-Z]/.test(c) && fragment[i + 1] === '-' && /[a-zA-Z]/.test(fragment[i + 2] ?? '')) {
        const end = fragment[i + 2];
        out += `${c}-${end}${otherCase(c)}-${otherCase(end)}`;
        i += 2;
      } else out += /[a-zA-Z]/.test(c) ? c + otherCase(c) : c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (fragment[i + 1] === '^') out += fragment[++i];
      continue;
    }
    if (c === '(' && fragment[i + 1] === '?') {
      const named = /^\(\?P?<[A-Za-z_]\w*>|^\(\?:/.exec(fragment.slice(i));
      if (named !== null) {
        out += named[0];
        i += named[0].length - 1;
        continue;
      }
    }
    out += /[a-zA-Z]/.test(c) ? `[${c}${otherCase(c)}]` : c;
  }
  return out;
}

/** Applies RE2 inline flag groups JS cannot scope: (?i:...) and a mid-pattern (?i). */
function scopeInlineFlags(source: string, expr: string): string {
  let out = source;
  for (let guard = 0; guard < 100; guard++) {
    const m = /\(\?([imsU-]+)(:|\))/.exec(out);
    if (m === null) return out;
    if (m[1] !== 'i') compileError(expr, `inline flags (?${m[1]}) inside the pattern are not supported here`);
    const bodyStart = m.index + m[0].length;
    const end = groupEnd(out, bodyStart);
    const body = foldCase(out.slice(bodyStart, end));
    out = m[2] === ':' ? `${out.slice(0, m.index)}(?:${body}${out.slice(end)}` : `${out.slice(0, m.index)}${body}${out.slice(end)}`;
  }
  return out;
}

/** A Go regexp error, worded like regexp.Compile. */
function compileError(expr: string, detail: string): never {
  return fail(`regexp: Compile(${'`'}${expr}${'`'}): error parsing regexp: ${detail}`);
}

/** Compiles RE2 syntax to a global JS RegExp; throws Go's compile error wording. */
export function compileGoRegexp(expr: string): RegExp {
  const cached = cache.get(expr);
  if (cached !== undefined) return cached;
  let source = expr;
  let flags = 'g';
  const leading = /^\(\?([imsU]+)\)/.exec(source);
  if (leading !== null) {
    if (leading[1].includes('U')) compileError(expr, 'ungreedy flag (?U) is not supported here');
    for (const f of leading[1]) if (!flags.includes(f)) flags += f;
    source = source.slice(leading[0].length);
  }
  source = scopeInlineFlags(source, expr);
  if (/\(\?[=!<][^P]/.test(source) || /\\[1-9]/.test(source)) compileError(expr, `invalid or unsupported Perl syntax`);
  source = source
    .replace(/\(\?P</g, '(?<')
    .replace(/\[\[:(\^?)([a-z]+):\]\]/g, (_m, neg: string, name: string) => `[${neg}${posixClasses[name] ?? ''}]`)
    .replace(/\[:([a-z]+):\]/g, (_m, name: string) => posixClasses[name] ?? '')
    .replace(/\\z/g, '(?![\\s\\S])')
    .replace(/\\A/g, '(?<![\\s\\S])')
    .replace(/\\([pP])([A-Z])/g, '\\$1{$2}')
    .replace(/\\x\{([0-9a-fA-F]+)\}/g, '\\u{$1}')
    .replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_m, literal: string) => literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  const unicode = /\\[pP]|\\u\{/.test(source);
  let re: RegExp;
  try {
    re = new RegExp(source, unicode ? flags + 'u' : flags);
  } catch (error) {
    const message = (error as Error).message;
    if (/Unterminated group|Unmatched '\('/i.test(message)) compileError(expr, `missing closing ): ${'`'}${expr}${'`'}`);
    if (/Unmatched '\)'/i.test(message)) compileError(expr, `unexpected ): ${'`'}${expr}${'`'}`);
    if (/Unterminated character class/i.test(message)) compileError(expr, `missing closing ]: ${'`'}${expr.slice(expr.lastIndexOf('['))}${'`'}`);
    if (/Nothing to repeat/i.test(message)) compileError(expr, `missing argument to repetition operator: ${'`'}${expr}${'`'}`);
    compileError(expr, message);
  }
  cache.set(expr, re);
  return re;
}

/** Go's FindAllStringSubmatchIndex (n < 0: all): empty matches right after a match are skipped. */
export function findAll(re: RegExp, s: string, n: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  if (n === 0) return out;
  re.lastIndex = 0;
  let prevEnd = -1;
  let pos = 0;
  while (pos <= s.length && (n < 0 || out.length < n)) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (m === null) break;
    const end = m.index + m[0].length;
    if (m[0].length === 0 && m.index === prevEnd) {
      pos = m.index + 1;
      if (pos > s.length) break;
      continue;
    }
    out.push(m);
    prevEnd = end;
    pos = m[0].length === 0 ? end + 1 : end;
  }
  return out;
}

/** Go's Regexp.Expand template: $1, ${1}, $name, ${name}, $$. */
function expand(template: string, m: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c !== '$' || i + 1 >= template.length) {
      out += c;
      continue;
    }
    if (template[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    let name: string;
    let consumed: number;
    if (template[i + 1] === '{') {
      const close = template.indexOf('}', i + 2);
      const inner = close < 0 ? '' : template.slice(i + 2, close);
      if (close < 0 || !/^\w+$/.test(inner)) {
        out += c;
        continue;
      }
      name = inner;
      consumed = close - i;
    } else {
      const word = /^\w+/.exec(template.slice(i + 1));
      if (word === null) {
        out += c;
        continue;
      }
      name = word[0];
      consumed = word[0].length;
    }
    if (/^\d+$/.test(name)) out += m[Number(name)] ?? '';
    else out += m.groups?.[name] ?? '';
    i += consumed;
  }
  return out;
}

function replaceAll(re: RegExp, s: string, replace: (m: RegExpExecArray) => string): string {
  let out = '';
  let last = 0;
  for (const m of findAll(re, s, -1)) {
    out += s.slice(last, m.index) + replace(m);
    last = m.index + m[0].length;
  }
  return out + s.slice(last);
}

function split(re: RegExp, s: string, n: number): string[] {
  if (n === 0) return [];
  if (re.source !== '(?:)' && s === '') return [''];
  const parts: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of findAll(re, s, n)) {
    if (n > 0 && parts.length === n - 1) break;
    end = m.index;
    if (m.index + m[0].length !== 0) parts.push(s.slice(beg, end));
    beg = m.index + m[0].length;
  }
  if (end !== s.length) parts.push(s.slice(beg));
  return parts;
}

const strings = (list: string[]): Value => withGoType(list, '[]string');

function matches(expr: string, s: string): boolean {
  const re = compileGoRegexp(expr);
  re.lastIndex = 0;
  return re.test(s);
}

function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

const regexBodies = {
  regexFindAll: define(['string', 'string', 'int'], ([r, s, n]) => {
    const found = findAll(compileGoRegexp(r as string), s as string, Number(n as bigint)).map((m) => m[0]);
    return strings(found);
  }),
  regexFind: define(['string', 'string'], ([r, s]) => findAll(compileGoRegexp(r as string), s as string, 1)[0]?.[0] ?? ''),
  regexReplaceAll: define(['string', 'string', 'string'], ([r, s, repl]) => replaceAll(compileGoRegexp(r as string), s as string, (m) => expand(repl as string, m))),
  regexReplaceAllLiteral: define(['string', 'string', 'string'], ([r, s, repl]) => replaceAll(compileGoRegexp(r as string), s as string, () => repl as string)),
  regexSplit: define(['string', 'string', 'int'], ([r, s, n]) => strings(split(compileGoRegexp(r as string), s as string, Number(n as bigint)))),
};

/** Sprig's regex functions. */
export const regexFunctions: FuncMap = {
  regexMatch: define(['string', 'string'], ([r, s]) => {
    try {
      return matches(r as string, s as string);
    } catch {
      return false;
    }
  }),
  mustRegexMatch: define(['string', 'string'], ([r, s]) => matches(r as string, s as string)),
  ...regexBodies,
  mustRegexFindAll: regexBodies.regexFindAll,
  mustRegexFind: regexBodies.regexFind,
  mustRegexReplaceAll: regexBodies.regexReplaceAll,
  mustRegexReplaceAllLiteral: regexBodies.regexReplaceAllLiteral,
  mustRegexSplit: regexBodies.regexSplit,
  regexQuoteMeta: define(['string'], ([s]) => quoteMeta(s as string)),
};
