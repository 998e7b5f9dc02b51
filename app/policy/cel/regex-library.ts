// Regex functions with RE2 syntax translated to JS RegExp. Kubernetes uses
// RE2: no lookarounds or backreferences, inline flags such as (?i), and
// Unicode classes like \pL. We translate what has a JS equivalent and reject
// the rest with a message, rather than silently matching differently.
import { CelLibraryError, type CelRegistrar } from './cel-registrar.js';

const cache = new Map<string, RegExp>();

/** RE2's ASCII classes, as the inside of a JS character class. */
const posixClasses: Record<string, string> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F', digit: '0-9',
  graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ', upper: 'A-Z',
  word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};

/** Unicode general categories, which RE2 and JS both name bare; any other \p{Name} is a script. */
const generalCategories = new Set('C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '));

/** Compiles an RE2 pattern to a JS RegExp (cached), or throws a CelLibraryError naming the construct. */
export function compileRe2(pattern: string, global = false): RegExp {
  const key = global ? `g:${pattern}` : pattern;
  const cached = cache.get(key);
  if (cached) { cached.lastIndex = 0; return cached; }
  let source = pattern;
  let flags = global ? 'g' : '';
  const inline = /^\(\?([imsU]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const flag of inline[1]!) {
      if (flag === 'U') throw new CelLibraryError(`regex ${JSON.stringify(pattern)}: the RE2 flag (?U) has no JavaScript equivalent`);
      if (!flags.includes(flag)) flags += flag;
    }
  }
  if (/\(\?<?[=!]/.test(source)) {
    throw new CelLibraryError(`regex ${JSON.stringify(pattern)}: lookahead and lookbehind are not supported by RE2 (Kubernetes rejects this pattern); rewrite it without (?=, (?!, (?<= or (?<!`);
  }
  if (/(^|[^\\])\\[1-9]/.test(source)) {
    throw new CelLibraryError(`regex ${JSON.stringify(pattern)}: backreferences are not supported by RE2`);
  }
  if (/\(\?[imsU-]+[:)]/.test(source)) {
    throw new CelLibraryError(`regex ${JSON.stringify(pattern)}: inline flags are only supported at the start of the pattern`);
  }
  // \Q...\E quotes a literal; [[:alpha:]] and friends are ASCII classes.
  source = source.replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_, text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  source = source.replace(/\[:(\^?)([a-z]+):\]/g, (whole, negated: string, name: string) => {
    const members = posixClasses[name];
    if (!members) throw new CelLibraryError(`regex ${JSON.stringify(pattern)}: unknown character class ${whole}`);
    if (negated) throw new CelLibraryError(`regex ${JSON.stringify(pattern)}: negated class ${whole} is not supported; use [^[:${name}:]]`);
    return members;
  });
  source = source
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$');
  if (/\\[pP][A-Za-z]/.test(source)) {
    source = source.replace(/\\([pP])([A-Za-z])/g, '\\$1{$2}');
    flags += 'u';
  }
  // RE2 names scripts bare (\p{Greek}, \p{^Han}); JS wants \p{Script=Greek} and \P{...} for negation.
  source = source.replace(/\\([pP])\{(\^?)([A-Za-z_]+)\}/g, (whole, p: string, negated: string, name: string) => {
    const letter = negated ? (p === 'p' ? 'P' : 'p') : p;
    return generalCategories.has(name) || name === 'Any' ? `\\${letter}{${name}}` : `\\${letter}{Script=${name}}`;
  });
  if (/\\[pP]\{/.test(source) && !flags.includes('u')) flags += 'u';
  let compiled: RegExp;
  try {
    compiled = new RegExp(source, flags);
  } catch (error) {
    throw new CelLibraryError(`invalid regex ${JSON.stringify(pattern)}: ${(error as Error).message}`);
  }
  if (cache.size > 5000) cache.clear();
  cache.set(key, compiled);
  return compiled;
}

function findAll(text: string, pattern: string, limit: bigint): string[] {
  if (limit === 0n) return [];
  const regex = compileRe2(pattern, true);
  const found: string[] = [];
  for (const match of text.matchAll(regex)) {
    found.push(match[0]);
    if (limit > 0n && BigInt(found.length) >= limit) break;
  }
  return found;
}

/** Adds find, findAll and an RE2-aware matches to an environment. */
export function registerRegexLibrary(env: CelRegistrar): void {
  env.registerFunction('string.find(string): string', (text: string, pattern: string) => compileRe2(pattern).exec(text)?.[0] ?? '');
  env.registerFunction('string.findAll(string): list<string>', (text: string, pattern: string) => findAll(text, pattern, -1n));
  env.registerFunction('string.findAll(string, int): list<string>', findAll);
  env.registerFunction('string.k8sMatches(string): bool', re2Matches);
  // The global form of CEL's standard matches(); cel-js has only the method.
  env.registerFunction('matches(string, string): bool', re2Matches);
}

/** RE2-aware `matches`; see rewrite-methods.ts for why it has its own name. */
export function re2Matches(text: string, pattern: string): boolean {
  return compileRe2(pattern).test(text);
}
