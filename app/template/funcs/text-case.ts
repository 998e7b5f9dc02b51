// Case conversions Sprig takes from huandu/xstrings and Masterminds/goutils.

const upperPattern = /^\p{Lu}$/u;
const lowerPattern = /^\p{Ll}$/u;
const numberPattern = /^\p{N}$/u;
const spacePattern = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;

const isUpper = (c: string): boolean => upperPattern.test(c);
const isLower = (c: string): boolean => lowerPattern.test(c);
const isNumber = (c: string): boolean => numberPattern.test(c);

/** unicode.IsSpace. */
export function isGoSpace(c: string): boolean {
  return spacePattern.test(c);
}

/** xstrings camelCaseToLowerCase: snakecase ('_') and kebabcase ('-'). */
export function camelToLower(input: string, connector: string): string {
  const chars = Array.from(input);
  let out = '';
  let i = 0;
  let r0 = connector;
  const next = (): string | undefined => (i < chars.length ? chars[i++] : undefined);
  while (i < chars.length) {
    const prev = r0;
    r0 = next()!;
    if (isUpper(r0)) {
      if (prev !== connector && !isNumber(prev)) out += connector;
      out += r0.toLowerCase();
      if (i >= chars.length) break;
      r0 = next()!;
      if (!isUpper(r0)) {
        out += r0;
        continue;
      }
      let r1 = r0;
      while (i < chars.length) {
        r1 = r0;
        r0 = next()!;
        if (!isUpper(r0)) {
          if (r0 === '_' || r0 === ' ' || r0 === '-') {
            r0 = connector;
            out += r1.toLowerCase();
          } else if (isNumber(r0)) {
            out += r1.toLowerCase() + connector + r0;
          } else {
            out += connector + r1.toLowerCase() + r0;
          }
          break;
        }
        out += r1.toLowerCase();
      }
      if (i >= chars.length || r0 === connector) out += r0.toLowerCase();
    } else if (isNumber(r0)) {
      if (prev !== connector && !isNumber(prev)) out += connector;
      out += r0;
    } else {
      if (r0 === ' ' || r0 === '-' || r0 === '_') r0 = connector;
      out += r0;
    }
  }
  return out;
}

function isConnector(c: string): boolean {
  return c === '-' || c === '_' || isGoSpace(c);
}

/** xstrings ToCamelCase: "foo_bar" -> "FooBar", connectors dropped except doubled/leading/trailing. */
export function toCamelCase(input: string): string {
  const chars = Array.from(input);
  if (chars.length === 0) return '';
  let out = '';
  let i = 0;
  let r0 = '';
  while (i < chars.length) {
    r0 = chars[i++];
    if (!isConnector(r0)) {
      r0 = r0.toUpperCase();
      break;
    }
    out += r0;
  }
  if (i >= chars.length) return isConnector(r0) ? out : out + r0;
  while (i < chars.length) {
    const r1 = r0;
    r0 = chars[i++];
    if (isConnector(r0) && isConnector(r1)) {
      out += r1;
      continue;
    }
    if (isConnector(r1)) r0 = r0.toUpperCase();
    else out += r1;
  }
  return out + r0;
}

/** goutils SwapCase. */
export function swapCase(input: string): string {
  let out = '';
  for (const c of input) {
    if (isUpper(c) || /^\p{Lt}$/u.test(c)) out += c.toLowerCase();
    else if (isLower(c)) out += c.toUpperCase();
    else out += c;
  }
  return out;
}

function isTitleSeparator(c: string): boolean {
  const code = c.codePointAt(0)!;
  if (code <= 0x7f) return !/[0-9a-zA-Z_]/.test(c);
  if (/^[\p{L}\p{Nd}]$/u.test(c)) return false;
  return isGoSpace(c);
}

/** strings.Title: upper-cases the first letter of each word. */
export function goTitle(input: string): string {
  let prev = ' ';
  let out = '';
  for (const c of input) {
    out += isTitleSeparator(prev) ? c.toUpperCase() : c;
    prev = c;
  }
  return out;
}

/** goutils Uncapitalize: lower-cases the first letter of each whitespace-separated word. */
export function uncapitalize(input: string): string {
  let next = true;
  let out = '';
  for (const c of input) {
    if (isGoSpace(c)) {
      next = true;
      out += c;
    } else if (next) {
      out += c.toLowerCase();
      next = false;
    } else out += c;
  }
  return out;
}

/** goutils Initials: the first character of each whitespace-separated word. */
export function initials(input: string): string {
  let out = '';
  let lastWasGap = true;
  for (const c of input) {
    if (isGoSpace(c)) lastWasGap = true;
    else if (lastWasGap) {
      out += c;
      lastWasGap = false;
    }
  }
  return out;
}

/** goutils DeleteWhiteSpace. */
export function deleteWhiteSpace(input: string): string {
  let out = '';
  for (const c of input) if (!isGoSpace(c)) out += c;
  return out;
}

/** goutils WrapCustom (byte offsets are treated as character offsets). */
export function wrapCustom(str: string, wrapLength: number, newLine: string, wrapLongWords: boolean): string {
  if (str === '') return '';
  const nl = newLine === '' ? '\n' : newLine;
  const width = wrapLength < 1 ? 1 : wrapLength;
  let offset = 0;
  let out = '';
  while (str.length - offset > width) {
    if (str[offset] === ' ') {
      offset++;
      continue;
    }
    const end = width + offset + 1;
    let spaceToWrapAt = str.slice(offset, end).lastIndexOf(' ') + offset;
    if (spaceToWrapAt >= offset) {
      out += str.slice(offset, spaceToWrapAt) + nl;
      offset = spaceToWrapAt + 1;
    } else if (wrapLongWords) {
      out += str.slice(offset, width + offset) + nl;
      offset += width;
    } else {
      const from = width + offset;
      const index = str.slice(from).indexOf(' ');
      if (index === -1) {
        out += str.slice(offset);
        offset = str.length;
      } else {
        spaceToWrapAt = index + from;
        out += str.slice(offset, spaceToWrapAt) + nl;
        offset = spaceToWrapAt + 1;
      }
    }
  }
  return out + str.slice(offset);
}

/** goutils AbbreviateFull (errors become the input unchanged, as Sprig ignores them). */
export function abbreviateFull(str: string, offsetIn: number, maxWidth: number): string {
  if (str === '') return '';
  if (maxWidth < 4) return '';
  if (str.length <= maxWidth) return str;
  let offset = Math.min(offsetIn, str.length);
  if (str.length - offset < maxWidth - 3) offset = str.length - (maxWidth - 3);
  if (offset <= 4) return str.slice(0, maxWidth - 3) + '...';
  if (maxWidth < 7) return '';
  if (offset + maxWidth - 3 < str.length) return '...' + abbreviateFull(str.slice(offset), 0, maxWidth - 3);
  return '...' + str.slice(str.length - (maxWidth - 3));
}
