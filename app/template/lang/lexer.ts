// Go text/template lexer (text/template/parse/lex.go), producing the whole
// token list up front. Positions are JS string offsets; error columns are
// converted to UTF-8 byte columns where Go reports them.
import { quoteGo } from './format.js';

export const enum Tok {
  Error, Bool, Char, CharConstant, Comment, Complex, Assign, Declare, EOF, Field, Identifier,
  LeftDelim, LeftParen, Number, Pipe, RawString, RightDelim, RightParen, Space, String, Text, Variable,
  // Keywords (greater than Keyword).
  Keyword, Block, Break, Continue, Dot, Define, Else, End, If, Nil, Range, Template, With,
}

export interface Token {
  type: Tok;
  pos: number;
  val: string;
  line: number;
}

const keywords: Record<string, Tok> = {
  '.': Tok.Dot, block: Tok.Block, break: Tok.Break, continue: Tok.Continue, define: Tok.Define,
  else: Tok.Else, end: Tok.End, if: Tok.If, range: Tok.Range, nil: Tok.Nil, template: Tok.Template,
  with: Tok.With,
};

/** How a token prints in Go's parse errors ("unexpected <end> in ..."). */
export function tokenString(t: Token): string {
  if (t.type === Tok.EOF) return 'EOF';
  if (t.type === Tok.Error) return t.val;
  if (t.type > Tok.Keyword) return '<' + t.val + '>';
  const runes = Array.from(t.val);
  if (runes.length > 10) return quoteGo(runes.slice(0, 10).join('')) + '...';
  return quoteGo(t.val);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

const alnumRe = /^[\p{L}\p{Nd}_]$/u;

function isAlphaNumeric(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return alnumRe.test(ch);
}

function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && s.charCodeAt(at) === 45 && isSpace(s.charCodeAt(at + 1));
}

function hasRightTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && isSpace(s.charCodeAt(at)) && s.charCodeAt(at + 1) === 45;
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

const EOF = '';

/** Lexes a template into tokens; a lexical error becomes a final Error token. */
export function lex(input: string, leftDelim = '{{', rightDelim = '}}', breakOK = true, continueOK = true): Token[] {
  const items: Token[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let startLine = 1;
  let parenDepth = 0;
  const n = input.length;

  const emit = (type: Tok): void => {
    items.push({ type, pos: start, val: input.slice(start, pos), line: startLine });
    start = pos;
    startLine = line;
  };
  const ignore = (): void => {
    line += countNewlines(input, start, pos);
    start = pos;
    startLine = line;
  };
  const errorf = (msg: string): false => {
    items.push({ type: Tok.Error, pos: start, val: msg, line: startLine });
    return false;
  };
  const next = (): string => {
    if (pos >= n) {
      pos = n + 1;
      return EOF;
    }
    const c = input.charCodeAt(pos);
    let ch: string;
    if (c >= 0xd800 && c <= 0xdbff && pos + 1 < n) {
      ch = input.slice(pos, pos + 2);
    } else {
      ch = input[pos];
    }
    pos += ch.length;
    if (c === 10) line++;
    return ch;
  };
  const backup = (ch: string): void => {
    if (ch === EOF) {
      pos = n;
      return;
    }
    pos -= ch.length;
    if (ch === '\n') line--;
  };
  const peek = (): string => {
    const ch = next();
    backup(ch);
    return ch;
  };
  const atRightDelim = (): [boolean, boolean] => {
    if (hasRightTrimMarker(input, pos) && input.startsWith(rightDelim, pos + 2)) return [true, true];
    if (input.startsWith(rightDelim, pos)) return [true, false];
    return [false, false];
  };
  const atTerminator = (): boolean => {
    const r = peek();
    if (r === EOF) return true;
    if (r.length === 1 && isSpace(r.charCodeAt(0))) return true;
    switch (r) {
      case '.': case ',': case '|': case ':': case ')': case '(':
        return true;
      default:
        return input.startsWith(rightDelim, pos);
    }
  };
  const accept = (valid: string): boolean => {
    const ch = next();
    if (ch !== EOF && valid.includes(ch)) return true;
    backup(ch);
    return false;
  };
  const acceptRun = (valid: string): void => {
    for (;;) {
      const ch = next();
      if (ch === EOF || !valid.includes(ch)) {
        backup(ch);
        return;
      }
    }
  };
  const scanNumber = (): boolean => {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    const p = peek();
    if (p !== EOF && isAlphaNumeric(p)) {
      next();
      return false;
    }
    return true;
  };

  // State functions return the next state; false stops.
  type State = () => State | false;

  const lexText: State = () => {
    const x = input.indexOf(leftDelim, pos);
    if (x >= 0) {
      pos = x;
      let trimLength = 0;
      if (hasLeftTrimMarker(input, pos + leftDelim.length)) {
        let k = pos;
        while (k > start && isSpace(input.charCodeAt(k - 1))) k--;
        trimLength = pos - k;
      }
      pos -= trimLength;
      if (pos > start) {
        line += countNewlines(input, start, pos);
        emit(Tok.Text);
      }
      pos += trimLength;
      ignore();
      return lexLeftDelim;
    }
    pos = n;
    if (pos > start) {
      line += countNewlines(input, start, pos);
      emit(Tok.Text);
    }
    emit(Tok.EOF);
    return false;
  };

  const lexLeftDelim: State = () => {
    pos += leftDelim.length;
    const trimSpace = hasLeftTrimMarker(input, pos);
    const afterMarker = trimSpace ? 2 : 0;
    if (input.startsWith('/*', pos + afterMarker)) {
      pos += afterMarker;
      ignore();
      return lexComment;
    }
    emit(Tok.LeftDelim);
    pos += afterMarker;
    ignore();
    parenDepth = 0;
    return lexInsideAction;
  };

  const lexComment: State = () => {
    pos += 2;
    const i = input.indexOf('*/', pos);
    if (i < 0) return errorf('unclosed comment');
    pos = i + 2;
    const [delim, trimSpace] = atRightDelim();
    if (!delim) return errorf('comment ends before closing delimiter');
    if (trimSpace) pos += 2;
    pos += rightDelim.length;
    if (trimSpace) while (pos < n && isSpace(input.charCodeAt(pos))) pos++;
    ignore();
    return lexText;
  };

  const lexRightDelim: State = () => {
    const trimSpace = hasRightTrimMarker(input, pos);
    if (trimSpace) {
      pos += 2;
      ignore();
    }
    pos += rightDelim.length;
    emit(Tok.RightDelim);
    if (trimSpace) {
      while (pos < n && isSpace(input.charCodeAt(pos))) pos++;
      ignore();
    }
    return lexText;
  };

  const lexSpace: State = () => {
    let numSpaces = 0;
    while (pos < n && isSpace(input.charCodeAt(pos))) {
      next();
      numSpaces++;
    }
    if (hasRightTrimMarker(input, pos - 1) && input.startsWith(rightDelim, pos - 1 + 2)) {
      backup(input[pos - 1]);
      if (numSpaces === 1) return lexRightDelim;
    }
    emit(Tok.Space);
    return lexInsideAction;
  };

  const lexIdentifier: State = () => {
    for (;;) {
      const r = next();
      if (r !== EOF && isAlphaNumeric(r)) continue;
      backup(r);
      const word = input.slice(start, pos);
      if (!atTerminator()) return errorf('bad character ' + goUnicode(r));
      const kw = keywords[word];
      if (kw !== undefined && Object.hasOwn(keywords, word) && kw > Tok.Keyword) {
        if ((kw === Tok.Break && !breakOK) || (kw === Tok.Continue && !continueOK)) emit(Tok.Identifier);
        else emit(kw);
      } else if (word[0] === '.') {
        emit(Tok.Field);
      } else if (word === 'true' || word === 'false') {
        emit(Tok.Bool);
      } else {
        emit(Tok.Identifier);
      }
      return lexInsideAction;
    }
  };

  const lexFieldOrVariable = (type: Tok): State | false => {
    if (atTerminator()) {
      emit(type === Tok.Variable ? Tok.Variable : Tok.Dot);
      return lexInsideAction;
    }
    let r: string;
    for (;;) {
      r = next();
      if (r === EOF || !isAlphaNumeric(r)) {
        backup(r);
        break;
      }
    }
    if (!atTerminator()) return errorf('bad character ' + goUnicode(r));
    emit(type);
    return lexInsideAction;
  };

  const lexQuoted = (quote: string, what: string): State | false => {
    for (;;) {
      const ch = next();
      if (ch === '\\') {
        const r = next();
        if (r !== EOF && r !== '\n') continue;
        return errorf('unterminated ' + what);
      }
      if (ch === EOF || ch === '\n') return errorf('unterminated ' + what);
      if (ch === quote) break;
    }
    emit(quote === '"' ? Tok.String : Tok.CharConstant);
    return lexInsideAction;
  };

  const lexNumber: State = () => {
    if (!scanNumber()) return errorf('bad number syntax: ' + quoteGo(input.slice(start, pos)));
    const sign = peek();
    if (sign === '+' || sign === '-') {
      if (!scanNumber() || input[pos - 1] !== 'i') return errorf('bad number syntax: ' + quoteGo(input.slice(start, pos)));
      emit(Tok.Complex);
    } else {
      emit(Tok.Number);
    }
    return lexInsideAction;
  };

  const lexInsideAction: State = () => {
    const [delim] = atRightDelim();
    if (delim) {
      if (parenDepth === 0) return lexRightDelim;
      return errorf('unclosed left paren');
    }
    const r = next();
    if (r === EOF) return errorf('unclosed action');
    const c = r.charCodeAt(0);
    if (r.length === 1 && isSpace(c)) {
      backup(r);
      return lexSpace;
    }
    switch (r) {
      case '=': emit(Tok.Assign); return lexInsideAction;
      case ':':
        if (next() !== '=') return errorf('expected :=');
        emit(Tok.Declare);
        return lexInsideAction;
      case '|': emit(Tok.Pipe); return lexInsideAction;
      case '"': return lexQuoted('"', 'quoted string');
      case '`':
        for (;;) {
          const ch = next();
          if (ch === EOF) return errorf('unterminated raw quoted string');
          if (ch === '`') break;
        }
        emit(Tok.RawString);
        return lexInsideAction;
      case '$':
        if (atTerminator()) {
          emit(Tok.Variable);
          return lexInsideAction;
        }
        return lexFieldOrVariable(Tok.Variable);
      case "'": return lexQuoted("'", 'character constant');
      case '(':
        emit(Tok.LeftParen);
        parenDepth++;
        return lexInsideAction;
      case ')':
        emit(Tok.RightParen);
        parenDepth--;
        if (parenDepth < 0) return errorf('unexpected right paren ' + goUnicode(r));
        return lexInsideAction;
      default:
        break;
    }
    if (r === '.') {
      if (pos < n) {
        const d = input.charCodeAt(pos);
        if (d < 48 || d > 57) return lexFieldOrVariable(Tok.Field);
      }
      backup(r);
      return lexNumber;
    }
    if (r === '+' || r === '-' || (c >= 48 && c <= 57)) {
      backup(r);
      return lexNumber;
    }
    if (isAlphaNumeric(r)) {
      backup(r);
      return lexIdentifier;
    }
    if (c < 128 && c >= 0x20 && c < 0x7f) {
      emit(Tok.Char);
      return lexInsideAction;
    }
    return errorf('unrecognized character in action: ' + goUnicode(r));
  };

  let state: State | false = lexText;
  while (state) state = state();
  return items;
}

/** Go's %#U: U+0041 'A'. */
function goUnicode(r: string): string {
  if (r === EOF) return 'U+FFFFFFFF';
  const cp = r.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  const printable = cp >= 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0);
  return printable ? `U+${hex} '${r}'` : `U+${hex}`;
}
