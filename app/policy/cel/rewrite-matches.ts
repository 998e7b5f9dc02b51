// cel-js implements `matches` with a bare JS RegExp and offers no way to
// replace a built-in overload, so before parsing we point `.matches(` calls
// (outside string literals) at our RE2-aware `re2Matches`.

/** Returns the expression with `.matches(` method calls renamed to `.re2Matches(`. */
export function rewriteMatches(expression: string): string {
  if (!expression.includes('matches')) return expression;
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
    const match = /^\.\s*matches\s*\(/.exec(expression.slice(i, i + 40));
    if (char === '.' && match) {
      out += match[0].replace('matches', 're2Matches');
      i += match[0].length;
      continue;
    }
    out += char;
    i++;
  }
  return out;
}
