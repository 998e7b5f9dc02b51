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

type WordType = 'invalid' | 'number' | 'upper' | 'alphabet' | 'connector' | 'punct' | 'other';

const isAlphabet = (c: string): boolean => /^[A-Za-z]$/.test(c);
const isPunct = (c: string): boolean => /^\p{P}$/u.test(c);

/** xstrings 1.5 nextWord: splits "HTTPServer" into "HTTP" + "Server", "Bld4" into "Bld" + "4". */
function nextWord(chars: string[], start: number): { type: WordType; end: number } {
  if (start >= chars.length) return { type: 'invalid', end: start };
  const first = chars[start];
  let i = start + 1;
  if (isConnector(first)) {
    while (i < chars.length && isConnector(chars[i])) i++;
    return { type: 'connector', end: i };
  }
  if (isPunct(first)) {
    while (i < chars.length && isPunct(chars[i])) i++;
    return { type: 'punct', end: i };
  }
  if (isUpper(first)) {
    if (i >= chars.length) return { type: 'upper', end: i };
    if (isUpper(chars[i])) {
      while (i < chars.length && isUpper(chars[i])) i++;
      // "HTTPStatus" is "HTTP" + "Status": the last capital starts the next word.
      if (i < chars.length && isAlphabet(chars[i])) i--;
    } else if (isAlphabet(chars[i])) {
      while (i < chars.length && isAlphabet(chars[i]) && !isUpper(chars[i])) i++;
    }
    return { type: 'upper', end: i };
  }
  if (isAlphabet(first)) {
    while (i < chars.length && isAlphabet(chars[i]) && !isUpper(chars[i])) i++;
    return { type: 'alphabet', end: i };
  }
  if (isNumber(first)) {
    while (i < chars.length && isNumber(chars[i])) i++;
    return { type: 'number', end: i };
  }
  while (i < chars.length && !isConnector(chars[i]) && !isAlphabet(chars[i]) && !isNumber(chars[i]) && !isPunct(chars[i])) i++;
  return { type: 'other', end: i };
}

function lowerWord(type: WordType, word: string, connector: string): string {
  if (type !== 'upper' && type !== 'connector') return word;
  let out = '';
  for (const c of word) out += isConnector(c) ? connector : isUpper(c) ? c.toLowerCase() : c;
  return out;
}

/** xstrings 1.5 camelCaseToLowerCase: snakecase ('_') and kebabcase ('-'). */
export function camelToLower(input: string, connector: string): string {
  const chars = Array.from(input);
  if (chars.length === 0) return '';
  let out = '';
  let pos = 0;
  const take = (): { type: WordType; word: string } => {
    const { type, end } = nextWord(chars, pos);
    const word = chars.slice(pos, end).join('');
    pos = end;
    return { type, word };
  };
  let { type, word } = take();
  while (pos < chars.length) {
    if (type !== 'connector') out += lowerWord(type, word, connector);
    const prev = type;
    const last = word;
    ({ type, word } = take());
    if (prev === 'number') {
      while (type === 'alphabet' || type === 'number') {
        out += lowerWord(type, word, connector);
        ({ type, word } = take());
      }
      if (type !== 'invalid' && type !== 'punct' && type !== 'connector') out += connector;
    } else if (prev === 'connector') {
      out += lowerWord(prev, last, connector);
    } else if (prev !== 'punct') {
      if (type !== 'number') {
        if (type !== 'connector' && type !== 'punct') out += connector;
        continue;
      }
      if (pos >= chars.length) continue;
      const number = word;
      ({ type, word } = take());
      if (type !== 'alphabet') {
        out += number;
        if (type !== 'connector' && type !== 'punct') out += connector;
        continue;
      }
      out += connector + number;
      while (type === 'alphabet' || type === 'number') {
        out += lowerWord(type, word, connector);
        ({ type, word } = take());
      }
      if (type !== 'invalid' && type !== 'connector' && type !== 'punct') out += connector;
    }
  }
  return out + lowerWord(type, word, connector);
}

function isConnector(c: string): boolean {
  return c === '-' || c === '_' || isGoSpace(c);
}

/** xstrings 1.5 ToCamelCase: "foo_bar" -> "FooBar", "GOLANG_IS_GREAT" -> "GolangIsGreat". */
export function toCamelCase(input: string): string {
  const chars = Array.from(input);
  if (chars.length === 0) return '';
  let out = '';
  let i = 0;
  let r0 = '';
  let firstUpper = false;
  while (i < chars.length) {
    r0 = chars[i++];
    if (!isConnector(r0)) {
      firstUpper = isUpper(r0);
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
    if (isConnector(r1)) {
      firstUpper = isUpper(r0);
      r0 = r0.toUpperCase();
    } else {
      if (firstUpper) {
        if (isUpper(r0)) r0 = r0.toLowerCase();
        else firstUpper = false;
      }
      out += r1;
    }
  }
  return out + r0;
}

/** goutils SwapCase. */
export function swapCase(input: string): string {
  let out = '';
  for (const c of input) {
    if (isUpper(c) || /^\p{Lt}$/u.test(c)) out += goLower(c);
    else if (isLower(c)) out += goUpper(c);
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
    out += isTitleSeparator(prev) ? goUpper(c) : c;
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

const asciiOnly = /^[\x00-\x7f]*$/;

/** strings.ToUpper: Unicode simple case mapping per rune (ß stays ß; JS would give SS). */
export function goUpper(s: string): string {
  if (asciiOnly.test(s)) return s.toUpperCase();
  let out = '';
  for (const c of s) {
    const u = c.toUpperCase();
    out += Array.from(u).length === 1 ? u : c;
  }
  return out;
}

/** strings.ToLower: simple case mapping per rune (no final-sigma context; İ becomes i). */
export function goLower(s: string): string {
  if (asciiOnly.test(s)) return s.toLowerCase();
  let out = '';
  for (const c of s) {
    if (c === '\u0130') {
      out += 'i';
      continue;
    }
    const l = c.toLowerCase();
    out += Array.from(l).length === 1 ? l : c;
  }
  return out;
}
