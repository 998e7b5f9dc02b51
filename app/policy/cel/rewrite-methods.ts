// cel-js offers no way to replace a built-in overload, and a few of its
// string methods differ from cel-go: `matches` uses a bare JS RegExp,
// `lowerAscii`/`upperAscii` change non-ASCII letters too, and `indexOf`,
// `lastIndexOf` and `substring` count UTF-16 code units instead of code
// points; its string() conversion differs too (see string-conversion.ts).
// Timestamp accessors read the host's time zone (see timestamp-library.ts).
// Before parsing, we point those calls (outside string literals) at our own
// implementations, and map the names back in messages.
import { timestampAccessorNames } from './timestamp-library.js';

/** Built-in method -> our replacement. */
export const renamedMethods: Record<string, string> = {
  ...timestampAccessorNames,
  matches: 'k8sMatches',
  lowerAscii: 'k8sLowerAscii',
  upperAscii: 'k8sUpperAscii',
  indexOf: 'k8sIndexOf',
  lastIndexOf: 'k8sLastIndexOf',
  substring: 'k8sSubstring',
};

/** Built-in global function -> our replacement. */
export const renamedFunctions: Record<string, string> = {
  string: 'k8sString',
  timestamp: 'k8sTimestamp',
  duration: 'k8sDuration',
};

const methodCall = new RegExp(`^\\.\\s*(${Object.keys(renamedMethods).join('|')})\\s*\\(`);
const functionCall = new RegExp(`^(${Object.keys(renamedFunctions).join('|')})\\s*\\(`);
const renamed = { ...renamedMethods, ...renamedFunctions };
const backwards = new RegExp(Object.values(renamed).join('|'), 'g');
const forwards = Object.fromEntries(Object.entries(renamed).map(([k, v]) => [v, k]));

/** Returns the expression with the renamed method calls rewritten. */
export function rewriteMethods(expression: string): string {
  let out = '';
  let i = 0;
  while (i < expression.length) {
    const char = expression[i]!;
    if (char === '"' || char === "'") {
      const raw = i > 0 && /[rR]/.test(expression[i - 1]!) && !/[A-Za-z0-9_]/.test(expression[i - 2] ?? '');
      const triple = expression.startsWith(char.repeat(3), i);
      const quote = triple ? char.repeat(3) : char;
      let j = i + quote.length;
      while (j < expression.length && !expression.startsWith(quote, j)) j += !raw && expression[j] === '\\' ? 2 : 1;
      j = Math.min(expression.length, j + quote.length);
      out += expression.slice(i, j);
      i = j;
      continue;
    }
    const match = char === '.' ? methodCall.exec(expression.slice(i, i + 40)) : null;
    if (match) {
      out += match[0].replace(match[1]!, renamedMethods[match[1]!]!);
      i += match[0].length;
      continue;
    }
    const startsName = /[A-Za-z_]/.test(char) && !/[A-Za-z0-9_]/.test(expression[i - 1] ?? ' ') && !out.trimEnd().endsWith('.');
    const call = startsName ? functionCall.exec(expression.slice(i, i + 40)) : null;
    if (call) {
      out += call[0].replace(call[1]!, renamedFunctions[call[1]!]!);
      i += call[0].length;
      continue;
    }
    out += char;
    i++;
  }
  return out;
}

/** Puts the original method names back into a message. */
export function restoreMethodNames(message: string): string {
  return message.replace(backwards, (name) => forwards[name]!);
}
