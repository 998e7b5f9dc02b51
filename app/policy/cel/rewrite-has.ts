// cel-js only accepts has() on a select chain rooted at an identifier, so
// `has(object.spec.containers[0].securityContext)` or `has({"a": 1}.a)` fail
// with "has() invalid argument". CEL allows any expression before the last
// field, so we rewrite those to `cel.bind(v, <base>, has(v.field))`.

function skipString(text: string, i: number): number {
  const quote = text[i]!;
  const raw = i > 0 && /[rR]/.test(text[i - 1]!);
  const triple = text.startsWith(quote.repeat(3), i);
  const end = triple ? quote.repeat(3) : quote;
  let j = i + end.length;
  while (j < text.length && !text.startsWith(end, j)) j += !raw && text[j] === '\\' ? 2 : 1;
  return Math.min(text.length, j + end.length);
}

/** Index of the bracket closing the one opened just before `start`, or -1. */
function closing(text: string, start: number): number {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") { i = skipString(text, i) - 1; continue; }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') { depth--; if (depth === 0) return i; }
  }
  return -1;
}

/** Rewrites has() calls whose base is not a plain identifier chain. */
export function rewriteHas(expression: string): string {
  if (!expression.includes('has(')) return expression;
  let out = '';
  let counter = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i]!;
    if (c === '"' || c === "'") { const end = skipString(expression, i); out += expression.slice(i, end); i = end - 1; continue; }
    const isCall = expression.startsWith('has(', i) && !/[A-Za-z0-9_.]/.test(expression[i - 1] ?? '');
    if (!isCall) { out += c; continue; }
    const close = closing(expression, i + 4);
    if (close < 0) { out += c; continue; }
    const argument = rewriteHas(expression.slice(i + 4, close)).trim();
    const last = /^([\s\S]*?)\s*\.\s*(\??)\s*([A-Za-z_][A-Za-z0-9_]*)$/.exec(argument);
    if (!last || /^[A-Za-z_][A-Za-z0-9_]*(\s*\.\??\s*[A-Za-z_][A-Za-z0-9_]*)*$/.test(last[1]!)) {
      out += `has(${argument})`;
    } else {
      const name = `__paver_has${counter++}`;
      out += `cel.bind(${name}, ${last[1]}, has(${name}.${last[2]}${last[3]}))`;
    }
    i = close;
  }
  return out;
}
