// Kubernetes strings extension v2 (cel-go ext.Strings(version 2)): the
// functions cel-js lacks. Indices count Unicode code points, as in cel-go.
import { CelLibraryError, registerNamespace, type CelRegistrar } from './cel-registrar.js';
import { formatString } from './format-string.js';

function codePoints(text: string): string[] {
  return Array.from(text);
}

function charAt(text: string, index: bigint): string {
  const chars = codePoints(text);
  if (index < 0n || index > BigInt(chars.length)) throw new CelLibraryError(`index out of range: ${index}`);
  return chars[Number(index)] ?? '';
}

function replace(text: string, from: string, to: string, limit: bigint): string {
  if (limit === 0n) return text;
  if (limit < 0n) return text.split(from).join(to);
  let result = '';
  let rest = text;
  for (let n = 0n; n < limit; n++) {
    const at = rest.indexOf(from);
    if (at < 0) break;
    result += rest.slice(0, at) + to;
    rest = rest.slice(at + from.length);
    if (from === '') { result += rest.slice(0, 1); rest = rest.slice(1); }
  }
  return result + rest;
}

/** Go's strconv.Quote, as `strings.quote` uses it. */
export function quote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    switch (char) {
      case '"': out += '\\"'; break;
      case '\\': out += '\\\\'; break;
      case '\n': out += '\\n'; break;
      case '\r': out += '\\r'; break;
      case '\t': out += '\\t'; break;
      case '\x07': out += '\\a'; break;
      case '\b': out += '\\b'; break;
      case '\f': out += '\\f'; break;
      case '\v': out += '\\v'; break;
      default:
        if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
        else out += char;
    }
  }
  return `${out}"`;
}

function indexOf(text: string, search: string, from: bigint, last: boolean): bigint {
  const chars = codePoints(text);
  const needle = codePoints(search);
  const start = Number(from);
  if (start < 0 || start > chars.length) throw new CelLibraryError(`index out of range: ${from}`);
  const matchesAt = (at: number) => needle.every((c, k) => chars[at + k] === c);
  if (last) {
    for (let at = Math.min(start, chars.length - needle.length); at >= 0; at--) if (matchesAt(at)) return BigInt(at);
  } else {
    for (let at = start; at + needle.length <= chars.length; at++) if (matchesAt(at)) return BigInt(at);
  }
  return -1n;
}

function substring(text: string, start: bigint, end?: bigint): string {
  const chars = codePoints(text);
  const to = end ?? BigInt(chars.length);
  if (start < 0n || start > BigInt(chars.length)) throw new CelLibraryError(`index out of range: ${start}`);
  if (to < start || to > BigInt(chars.length)) throw new CelLibraryError(`invalid substring range. start: ${start}, end: ${to}`);
  return chars.slice(Number(start), Number(to)).join('');
}

const asciiOnly = (text: string, lower: boolean) => text.replace(lower ? /[A-Z]+/g : /[a-z]+/g, (s) => (lower ? s.toLowerCase() : s.toUpperCase()));

/** Adds charAt, replace, reverse, format, strings.quote and code-point/ASCII-exact replacements of cel-js built-ins. */
export function registerStringsLibrary(env: CelRegistrar): void {
  // Registered under the names rewrite-methods.ts points the built-ins to.
  env.registerFunction('string.k8sLowerAscii(): string', (s: string) => asciiOnly(s, true));
  env.registerFunction('string.k8sUpperAscii(): string', (s: string) => asciiOnly(s, false));
  env.registerFunction('string.k8sIndexOf(string): int', (s: string, t: string) => (/^[\x00-\x7f]*$/.test(s) ? BigInt(s.indexOf(t)) : indexOf(s, t, 0n, false)));
  env.registerFunction('string.k8sIndexOf(string, int): int', (s: string, t: string, from: bigint) => indexOf(s, t, from, false));
  env.registerFunction('string.k8sLastIndexOf(string): int', (s: string, t: string) => indexOf(s, t, BigInt(codePoints(s).length), true));
  env.registerFunction('string.k8sLastIndexOf(string, int): int', (s: string, t: string, from: bigint) => indexOf(s, t, from, true));
  env.registerFunction('string.k8sSubstring(int): string', (s: string, start: bigint) => substring(s, start));
  env.registerFunction('string.k8sSubstring(int, int): string', substring);
  env.registerFunction('string.charAt(int): string', charAt);
  env.registerFunction('string.replace(string, string): string', (s: string, from: string, to: string) => replace(s, from, to, -1n));
  env.registerFunction('string.replace(string, string, int): string', replace);
  env.registerFunction('string.reverse(): string', (s: string) => codePoints(s).reverse().join(''));
  env.registerFunction('string.format(list): string', formatString);
  registerNamespace(env, 'strings', 'kubernetes.StringsNamespace');
  env.registerFunction('kubernetes.StringsNamespace.quote(string): string', (_: unknown, s: string) => quote(s));
}
