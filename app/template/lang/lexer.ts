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
  const l = new Lexer(input, leftDelim, rightDelim, breakOK, continueOK);
  let state: State = State.Text;
  while (state !== State.Stop) state = l.step(state);
  return l.items;
}

const enum State { Stop, Text, LeftDelim, Comment, RightDelim, Space, Identifier, InsideAction, Number }

class Lexer {
  readonly items: Token[] = [];
  pos = 0;
  start = 0;
  line = 1;
  startLine = 1;
  parenDepth = 0;
  readonly n: number;

  constructor(readonly input: string, readonly leftDelim: string, readonly rightDelim: string,
    readonly breakOK: boolean, readonly continueOK: boolean) {
    this.n = input.length;
  }

  step(state: State): State {
    switch (state) {
      case State.Text: return this.lexText();
      case State.LeftDelim: return this.lexLeftDelim();
      case State.Comment: return this.lexComment();
      case State.RightDelim: return this.lexRightDelim();
      case State.Space: return this.lexSpace();
      case State.Identifier: return this.lexIdentifier();
      case State.InsideAction: return this.lexInsideAction();
      case State.Number: return this.lexNumber();
      default: return State.Stop;
    }
  }

  emit(type: Tok): void {
    this.items.push({ type, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine });
    this.start = this.pos;
    this.startLine = this.line;
  }
  ignore(): void {
    this.line += countNewlines(this.input, this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
  }
  errorf(msg: string): State {
    this.items.push({ type: Tok.Error, pos: this.start, val: msg, line: this.startLine });
    return State.Stop;
  }
  next(): string {
    if (this.pos >= this.n) {
      this.pos = this.n + 1;
      return EOF;
    }
    const c = this.input.charCodeAt(this.pos);
    let ch: string;
    if (c >= 0xd800 && c <= 0xdbff && this.pos + 1 < this.n) {
      ch = this.input.slice(this.pos, this.pos + 2);
    } else {
      ch = this.input[this.pos];
    }
    this.pos += ch.length;
    if (c === 10) this.line++;
    return ch;
  }
  backup(ch: string): void {
    if (ch === EOF) {
      this.pos = this.n;
      return;
    }
    this.pos -= ch.length;
    if (ch === '\n') this.line--;
  }
  peek(): string {
    const ch = this.next();
    this.backup(ch);
    return ch;
  }
  atRightDelim(): [boolean, boolean] {
    if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(this.rightDelim, this.pos + 2)) return [true, true];
    if (this.input.startsWith(this.rightDelim, this.pos)) return [true, false];
    return [false, false];
  }
  atTerminator(): boolean {
    const r = this.peek();
    if (r === EOF) return true;
    if (r.length === 1 && isSpace(r.charCodeAt(0))) return true;
    switch (r) {
      case '.': case ',': case '|': case ':': case ')': case '(':
        return true;
      default:
        return this.input.startsWith(this.rightDelim, this.pos);
    }
  }
  accept(valid: string): boolean {
    const ch = this.next();
    if (ch !== EOF && valid.includes(ch)) return true;
    this.backup(ch);
    return false;
  }
  acceptRun(valid: string): void {
    for (;;) {
      const ch = this.next();
      if (ch === EOF || !valid.includes(ch)) {
        this.backup(ch);
        return;
      }
    }
  }
  scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    const p = this.peek();
    if (p !== EOF && isAlphaNumeric(p)) {
      this.next();
      return false;
    }
    return true;
  }


  lexText(): State {
    const x = this.input.indexOf(this.leftDelim, this.pos);
    if (x >= 0) {
      this.pos = x;
      let trimLength = 0;
      if (hasLeftTrimMarker(this.input, this.pos + this.leftDelim.length)) {
        let k = this.pos;
        while (k > this.start && isSpace(this.input.charCodeAt(k - 1))) k--;
        trimLength = this.pos - k;
      }
      this.pos -= trimLength;
      if (this.pos > this.start) {
        this.line += countNewlines(this.input, this.start, this.pos);
        this.emit(Tok.Text);
      }
      this.pos += trimLength;
      this.ignore();
      return State.LeftDelim;
    }
    this.pos = this.n;
    if (this.pos > this.start) {
      this.line += countNewlines(this.input, this.start, this.pos);
      this.emit(Tok.Text);
    }
    this.emit(Tok.EOF);
    return State.Stop;
  }

  lexLeftDelim(): State {
    this.pos += this.leftDelim.length;
    const trimSpace = hasLeftTrimMarker(this.input, this.pos);
    const afterMarker = trimSpace ? 2 : 0;
    if (this.input.startsWith('/*', this.pos + afterMarker)) {
      this.pos += afterMarker;
      this.ignore();
      return State.Comment;
    }
    this.emit(Tok.LeftDelim);
    this.pos += afterMarker;
    this.ignore();
    this.parenDepth = 0;
    return State.InsideAction;
  }

  lexComment(): State {
    this.pos += 2;
    const i = this.input.indexOf('*/', this.pos);
    if (i < 0) return this.errorf('unclosed comment');
    this.pos = i + 2;
    const [delim, trimSpace] = this.atRightDelim();
    if (!delim) return this.errorf('comment ends before closing delimiter');
    if (trimSpace) this.pos += 2;
    this.pos += this.rightDelim.length;
    if (trimSpace) while (this.pos < this.n && isSpace(this.input.charCodeAt(this.pos))) this.pos++;
    this.ignore();
    return State.Text;
  }

  lexRightDelim(): State {
    const trimSpace = hasRightTrimMarker(this.input, this.pos);
    if (trimSpace) {
      this.pos += 2;
      this.ignore();
    }
    this.pos += this.rightDelim.length;
    this.emit(Tok.RightDelim);
    if (trimSpace) {
      while (this.pos < this.n && isSpace(this.input.charCodeAt(this.pos))) this.pos++;
      this.ignore();
    }
    return State.Text;
  }

  lexSpace(): State {
    let numSpaces = 0;
    while (this.pos < this.n && isSpace(this.input.charCodeAt(this.pos))) {
      this.next();
      numSpaces++;
    }
    if (hasRightTrimMarker(this.input, this.pos - 1) && this.input.startsWith(this.rightDelim, this.pos - 1 + 2)) {
      this.backup(this.input[this.pos - 1]);
      if (numSpaces === 1) return State.RightDelim;
    }
    this.emit(Tok.Space);
    return State.InsideAction;
  }

  lexIdentifier(): State {
    for (;;) {
      const r = this.next();
      if (r !== EOF && isAlphaNumeric(r)) continue;
      this.backup(r);
      const word = this.input.slice(this.start, this.pos);
      if (!this.atTerminator()) return this.errorf('bad character ' + goUnicode(r));
      const kw = keywords[word];
      if (kw !== undefined && Object.hasOwn(keywords, word) && kw > Tok.Keyword) {
        if ((kw === Tok.Break && !this.breakOK) || (kw === Tok.Continue && !this.continueOK)) this.emit(Tok.Identifier);
        else this.emit(kw);
      } else if (word[0] === '.') {
        this.emit(Tok.Field);
      } else if (word === 'true' || word === 'false') {
        this.emit(Tok.Bool);
      } else {
        this.emit(Tok.Identifier);
      }
      return State.InsideAction;
    }
  }

  lexFieldOrVariable(type: Tok): State {
    if (this.atTerminator()) {
      this.emit(type === Tok.Variable ? Tok.Variable : Tok.Dot);
      return State.InsideAction;
    }
    let r: string;
    for (;;) {
      r = this.next();
      if (r === EOF || !isAlphaNumeric(r)) {
        this.backup(r);
        break;
      }
    }
    if (!this.atTerminator()) return this.errorf('bad character ' + goUnicode(r));
    this.emit(type);
    return State.InsideAction;
  }

  lexQuoted(quote: string, what: string): State {
    for (;;) {
      const ch = this.next();
      if (ch === '\\') {
        const r = this.next();
        if (r !== EOF && r !== '\n') continue;
        return this.errorf('unterminated ' + what);
      }
      if (ch === EOF || ch === '\n') return this.errorf('unterminated ' + what);
      if (ch === quote) break;
    }
    this.emit(quote === '"' ? Tok.String : Tok.CharConstant);
    return State.InsideAction;
  }

  lexNumber(): State {
    if (!this.scanNumber()) return this.errorf('bad number syntax: ' + quoteGo(this.input.slice(this.start, this.pos)));
    const sign = this.peek();
    if (sign === '+' || sign === '-') {
      if (!this.scanNumber() || this.input[this.pos - 1] !== 'i') return this.errorf('bad number syntax: ' + quoteGo(this.input.slice(this.start, this.pos)));
      this.emit(Tok.Complex);
    } else {
      this.emit(Tok.Number);
    }
    return State.InsideAction;
  }

  lexInsideAction(): State {
    const [delim] = this.atRightDelim();
    if (delim) {
      if (this.parenDepth === 0) return State.RightDelim;
      return this.errorf('unclosed left paren');
    }
    const r = this.next();
    if (r === EOF) return this.errorf('unclosed action');
    const c = r.charCodeAt(0);
    if (r.length === 1 && isSpace(c)) {
      this.backup(r);
      return State.Space;
    }
    switch (r) {
      case '=': this.emit(Tok.Assign); return State.InsideAction;
      case ':':
        if (this.next() !== '=') return this.errorf('expected :=');
        this.emit(Tok.Declare);
        return State.InsideAction;
      case '|': this.emit(Tok.Pipe); return State.InsideAction;
      case '"': return this.lexQuoted('"', 'quoted string');
      case '`':
        for (;;) {
          const ch = this.next();
          if (ch === EOF) return this.errorf('unterminated raw quoted string');
          if (ch === '`') break;
        }
        this.emit(Tok.RawString);
        return State.InsideAction;
      case '$':
        if (this.atTerminator()) {
          this.emit(Tok.Variable);
          return State.InsideAction;
        }
        return this.lexFieldOrVariable(Tok.Variable);
      case "'": return this.lexQuoted("'", 'character constant');
      case '(':
        this.emit(Tok.LeftParen);
        this.parenDepth++;
        return State.InsideAction;
      case ')':
        this.emit(Tok.RightParen);
        this.parenDepth--;
        if (this.parenDepth < 0) return this.errorf('unexpected right paren ' + goUnicode(r));
        return State.InsideAction;
      default:
        break;
    }
    if (r === '.') {
      if (this.pos < this.n) {
        const d = this.input.charCodeAt(this.pos);
        if (d < 48 || d > 57) return this.lexFieldOrVariable(Tok.Field);
      }
      this.backup(r);
      return State.Number;
    }
    if (r === '+' || r === '-' || (c >= 48 && c <= 57)) {
      this.backup(r);
      return State.Number;
    }
    if (isAlphaNumeric(r)) {
      this.backup(r);
      return State.Identifier;
    }
    if (c < 128 && c >= 0x20 && c < 0x7f) {
      this.emit(Tok.Char);
      return State.InsideAction;
    }
    return this.errorf('unrecognized character in action: ' + goUnicode(r));
  }

}

/** Go's %#U: U+0041 'A'. */
function goUnicode(r: string): string {
  if (r === EOF) return 'U+FFFFFFFF';
  const cp = r.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  const printable = cp >= 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0);
  return printable ? `U+${hex} '${r}'` : `U+${hex}`;
}
