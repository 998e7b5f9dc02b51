// A small YAML reader for the shapes rendered Kubernetes manifests have, in
// front of parseHelmYaml's `yaml`-library path (which dominated render time).
// It reads block mappings and sequences, one-line plain and quoted scalars,
// simple one-line flow collections and literal/folded block scalars, and gives
// up (NOT_HANDLED) on anything else - anchors, tags, complex keys, multi-line
// flow or quoted scalars, tabs in indentation, directives, merge keys, errors -
// so the slow path answers those with its exact value or error. Its results are
// deep-equal to the slow path's (fast-yaml.test.ts compares them).
import { keyOf, readDoubleQuoted, readSingleQuoted, resolvePlainScalar } from './fast-yaml-scalars.js';

/** Returned when the fast reader does not handle a document: use the slow path. */
export const NOT_HANDLED: unique symbol = Symbol('NOT_HANDLED');

/** Thrown inside the reader to give up; never escapes tryParseHelmYamlFast. */
class GiveUp {}
const giveUp = new GiveUp();

function fail(): never {
  throw giveUp;
}

// Characters the reader never handles anywhere: CR, other C0/C1 controls, BOM,
// and the Unicode line separators YAML 1.1 counts as line breaks.
const unhandledChars = /[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\u2028\u2029]/;
// A plain scalar may not start with these (`-` is checked apart: `-1` is fine).
const indicatorStart = new Uint8Array(128);
for (const ch of '?:,[]{}#&*!|>\'"%@`\t ') indicatorStart[ch.charCodeAt(0)] = 1;

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === SPACE) i++;
  return i;
}

function skipSpaces(line: string, i: number): number {
  while (line.charCodeAt(i) === SPACE) i++;
  return i;
}

/** True when only spaces, then nothing or a comment, follow `i` (a comment needs a space before it). */
function restIsEmpty(line: string, i: number): boolean {
  const j = skipSpaces(line, i);
  if (j === line.length) return true;
  return line.charCodeAt(j) === HASH && j > i;
}

function isSeqEntry(line: string, col: number): boolean {
  if (line.charCodeAt(col) !== DASH) return false;
  const next = line.charCodeAt(col + 1);
  return Number.isNaN(next) || next === SPACE;
}

function plainStartOk(line: string, i: number): boolean {
  const ch = line.charCodeAt(i);
  if (ch < 128 && indicatorStart[ch] === 1) return false;
  if (ch === DASH) {
    const next = line.charCodeAt(i + 1);
    return !Number.isNaN(next) && next !== SPACE && next !== 0x09;
  }
  return true;
}

class Reader {
  private pos = 0;
  constructor(private readonly lines: string[]) {}

  /** Moves past blank and comment lines; the indent of the next line, or -1 at the end. */
  private peek(): number {
    const { lines } = this;
    while (this.pos < lines.length) {
      const line = lines[this.pos]!;
      const indent = indentOf(line);
      if (indent === line.length || line.charCodeAt(indent) === HASH) {
        this.pos++;
        continue;
      }
      return indent;
    }
    return -1;
  }

  document(): unknown {
    const value = this.blockNode(-1, false);
    if (this.peek() >= 0) fail();
    return value;
  }

  /** The value on the lines after `key:` or `-` (or the whole document). */
  private blockNode(parentIndent: number, seqAtParent: boolean): unknown {
    const indent = this.peek();
    if (indent < 0) return null;
    const line = this.lines[this.pos]!;
    if (indent > parentIndent) return this.nodeAt(this.pos, indent, parentIndent, true);
    if (seqAtParent && indent === parentIndent && isSeqEntry(line, indent)) return this.sequence(this.pos, indent);
    return null;
  }

  /** A node whose first character is at `col` of line `at`. */
  private nodeAt(at: number, col: number, parentIndent: number, ownLine: boolean): unknown {
    const line = this.lines[at]!;
    if (isSeqEntry(line, col)) return this.sequence(at, col);
    const ch = line.charCodeAt(col);
    if (ch === 0x5b || ch === 0x7b) {
      this.pos = at + 1;
      return this.inlineValue(line, col, parentIndent);
    }
    const colon = this.keyColon(line, col);
    if (colon >= 0) return this.mapping(at, col);
    if (ownLine) {
      if (ch === 0x7c || ch === 0x3e) fail();
      // A plain scalar on its own line may continue on the next ones: the caller's loop gives up then.
    }
    this.pos = at + 1;
    return this.inlineValue(line, col, parentIndent);
  }

  /** Index of the `:` ending the key that starts at `col`, or -1 when the line holds no key. */
  private keyColon(line: string, col: number): number {
    const first = line.charCodeAt(col);
    if (first === 0x22 || first === 0x27) {
      const quoted = first === 0x22 ? readDoubleQuoted(line, col) : readSingleQuoted(line, col);
      if (!quoted) fail();
      const end = quoted[1];
      if (line.charCodeAt(end) !== COLON) return -1;
      const after = line.charCodeAt(end + 1);
      return Number.isNaN(after) || after === SPACE ? end : fail();
    }
    let colon = line.indexOf(':', col);
    while (colon >= 0) {
      const after = line.charCodeAt(colon + 1);
      if (Number.isNaN(after) || after === SPACE) break;
      colon = line.indexOf(':', colon + 1);
    }
    if (colon < 0) return -1;
    const hash = line.indexOf(' #', col);
    return hash >= 0 && hash < colon ? -1 : colon;
  }

  private key(line: string, col: number, colon: number): string {
    const first = line.charCodeAt(col);
    let key: string;
    if (first === 0x22 || first === 0x27) {
      key = (first === 0x22 ? readDoubleQuoted(line, col) : readSingleQuoted(line, col))![0];
    } else {
      if (!plainStartOk(line, col) || colon - col > 1024) fail();
      const text = line.slice(col, colon);
      // Conservative: no flow indicators, tabs or trailing spaces in plain keys.
      if (/[,[\]{}\t]| #| $/.test(text)) fail();
      key = keyOf(resolvePlainScalar(text));
    }
    if (key === '<<' || key === '__proto__') fail();
    return key;
  }

  private mapping(at: number, col: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let line = this.lines[at]!;
    for (;;) {
      const colon = this.keyColon(line, col);
      if (colon < 0) fail();
      const key = this.key(line, col, colon);
      this.pos = at + 1;
      const valueAt = skipSpaces(line, colon + 1);
      if (restIsEmpty(line, colon + 1)) out[key] = this.blockNode(col, true);
      else if (line.charCodeAt(valueAt) === 0x09) fail();
      // A value on the key's line is a scalar, flow or block scalar (`a: - b`, `a: b: c` are errors).
      else out[key] = this.inlineValue(line, valueAt, col);
      const indent = this.peek();
      if (indent < col) return out;
      if (indent > col) fail();
      at = this.pos;
      line = this.lines[at]!;
      if (isSeqEntry(line, col)) fail();
    }
  }

  private sequence(at: number, col: number): unknown[] {
    const out: unknown[] = [];
    let line = this.lines[at]!;
    for (;;) {
      this.pos = at + 1;
      if (restIsEmpty(line, col + 1)) out.push(this.blockNode(col, false));
      else out.push(this.compactNode(at, skipSpaces(line, col + 1), col));
      const indent = this.peek();
      if (indent < col) return out;
      if (indent > col) fail();
      at = this.pos;
      line = this.lines[at]!;
      if (!isSeqEntry(line, col)) return out;
    }
  }

  /** An entry value starting on the dash's line (a compact collection, or a scalar). */
  private compactNode(at: number, col: number, parentIndent: number): unknown {
    const line = this.lines[at]!;
    if (line.charCodeAt(col) === 0x09) fail();
    return this.nodeAt(at, col, parentIndent, false);
  }

  /** A scalar, flow collection or block scalar at `col`; the line is already consumed. */
  private inlineValue(line: string, col: number, parentIndent: number): unknown {
    const ch = line.charCodeAt(col);
    if (ch === 0x22 || ch === 0x27) {
      const quoted = ch === 0x22 ? readDoubleQuoted(line, col) : readSingleQuoted(line, col);
      if (!quoted || !restIsEmpty(line, quoted[1])) fail();
      return quoted[0];
    }
    if (ch === 0x5b || ch === 0x7b) {
      const [value, end] = readFlow(line, col);
      if (!restIsEmpty(line, end)) fail();
      return value;
    }
    if (ch === 0x7c || ch === 0x3e) return this.blockScalar(line, col, parentIndent);
    if (!plainStartOk(line, col)) fail();
    let end = line.indexOf(' #', col);
    if (end < 0) end = line.length;
    const tab = line.indexOf('\t', col);
    const colon = line.indexOf(': ', col);
    // `a: b: c` and a trailing `:` are mapping errors; tabs go to the slow path.
    if ((tab >= 0 && tab < end) || (colon >= 0 && colon < end) || (end === line.length && line.charCodeAt(end - 1) === COLON)) fail();
    while (line.charCodeAt(end - 1) === SPACE) end--;
    const text = line.slice(col, end);
    if (text === '<<') fail();
    return resolvePlainScalar(text);
  }

  /** `|` or `>` with optional chomping; content on the following lines (see resolve-block-scalar in `yaml`). */
  private blockScalar(line: string, col: number, parentIndent: number): string {
    const literal = line.charCodeAt(col) === 0x7c;
    let chomp = '';
    let explicit = 0;
    let i = col + 1;
    for (; i < col + 3; i++) {
      const ch = line.charCodeAt(i);
      if (!chomp && (ch === DASH || ch === 0x2b)) chomp = line[i]!;
      else if (!explicit && ch >= 0x31 && ch <= 0x39) explicit = ch - 0x30;
      else break;
    }
    const after = line.charCodeAt(i);
    // Anything but a space before a comment goes to the slow path (`|#c`, `|0`, `|22`).
    if (!Number.isNaN(after) && after !== SPACE) fail();
    if (!restIsEmpty(line, i) || parentIndent < 0) fail();
    const { lines } = this;
    // Leading empty lines, then the first content line fixes the indentation (or the indicator does).
    let first = this.pos;
    let leadingMax = 0;
    while (first < lines.length) {
      const text = lines[first]!;
      const indent = indentOf(text);
      if (indent < text.length) break;
      leadingMax = Math.max(leadingMax, indent);
      first++;
    }
    if (first >= lines.length) fail();
    const firstIndent = indentOf(lines[first]!);
    const trim = explicit ? parentIndent + explicit : firstIndent;
    // An empty block scalar, or more-indented leading empty lines, go to the slow path.
    if (firstIndent <= parentIndent || firstIndent < trim || leadingMax > trim) fail();
    let end = first;
    let lastContent = first;
    while (end < lines.length) {
      const text = lines[end]!;
      const indent = indentOf(text);
      if (indent === text.length) {
        if (indent > trim) fail();
        end++;
        continue;
      }
      if (indent < trim) {
        if (text.charCodeAt(indent) === 0x09) fail();
        break;
      }
      lastContent = end;
      end++;
    }
    // Trailing empty lines are kept only by `|+`, which goes to the slow path with them.
    if (chomp === '+' && end !== lastContent + 1) fail();
    let value = '\n'.repeat(first - this.pos);
    if (literal) {
      for (let k = first; k <= lastContent; k++) value += (k > first ? '\n' : '') + lines[k]!.slice(trim);
    } else {
      value += foldLines(lines, first, lastContent, trim);
    }
    this.pos = end;
    return chomp === '-' ? value : value + '\n';
  }
}

/** Folded block content: yaml's resolveBlockScalar folding, for lines first..last at `trim`. */
function foldLines(lines: string[], first: number, last: number, trim: number): string {
  let value = '';
  let sep = '';
  let prevMoreIndented = false;
  for (let k = first; k <= last; k++) {
    const text = lines[k]!;
    const indent = indentOf(text);
    const content = text.slice(indent);
    if (indent > trim || content.charCodeAt(0) === 0x09) {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + text.slice(trim);
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  return value;
}

/** A one-line flow item: a quoted or plain scalar (nested collections go to the slow path). */
function readFlowScalar(line: string, i: number, closers: string, isKey = false): [unknown, number] {
  const ch = line.charCodeAt(i);
  if (ch === 0x22 || ch === 0x27) {
    const quoted = ch === 0x22 ? readDoubleQuoted(line, i) : readSingleQuoted(line, i);
    return quoted ?? fail();
  }
  if (!plainStartOk(line, i) || (ch === DASH && ',[]{}'.includes(line[i + 1]!))) fail();
  let end = i;
  for (; end < line.length; end++) {
    const c = line[end]!;
    if (c === ',' || closers.includes(c) || (isKey && c === ':')) break;
    if (c === '[' || c === ']' || c === '{' || c === '}' || c === '#' || c === ':' || c === '\t') fail();
  }
  let stop = end;
  while (line.charCodeAt(stop - 1) === SPACE) stop--;
  const text = line.slice(i, stop);
  if (text === '<<') fail();
  return [resolvePlainScalar(text), end];
}

/** `[a, "b"]`, `[]`, `{}` or `{k: v, "k2": v2}` closing on the same line; [value, index after it]. */
function readFlow(line: string, start: number): [unknown, number] {
  const isSeq = line.charCodeAt(start) === 0x5b;
  const close = isSeq ? ']' : '}';
  let i = skipSpaces(line, start + 1);
  const seq: unknown[] = [];
  const map: Record<string, unknown> = {};
  if (line[i] === close) return [isSeq ? seq : map, i + 1];
  for (;;) {
    if (isSeq) {
      const [item, end] = readFlowScalar(line, i, ']');
      seq.push(item);
      i = skipSpaces(line, end);
    } else {
      const first = line.charCodeAt(i);
      const [key, keyEnd] = readFlowScalar(line, i, '}', true);
      if (line[keyEnd] !== ':' || line.charCodeAt(keyEnd + 1) !== SPACE) fail();
      const name = first === 0x22 || first === 0x27 ? (key as string) : keyOf(key);
      if (name === '<<' || name === '__proto__') fail();
      const [value, end] = readFlowScalar(line, skipSpaces(line, keyEnd + 1), '}');
      map[name] = value;
      i = skipSpaces(line, end);
    }
    const ch = line[i];
    if (ch === close) return [isSeq ? seq : map, i + 1];
    if (ch !== ',') fail();
    i = skipSpaces(line, i + 1);
    if (line[i] === close || line[i] === ',') fail();
  }
}

/**
 * Reads a rendered manifest (or values) document the way parseHelmYaml does, for
 * the shapes rendered manifests have; NOT_HANDLED for anything else or any error.
 */
export function tryParseHelmYamlFast(text: string): unknown {
  if (unhandledChars.test(text)) return NOT_HANDLED;
  const lines = text.split('\n');
  let marker = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const ch = line.charCodeAt(0);
    if (ch === 0x25) return NOT_HANDLED;
    if ((ch === DASH || ch === 0x2e) && (line.startsWith('---') || line.startsWith('...'))) {
      // Only a leading `---` marker on its own line: later markers mean more documents.
      if (marker || (i > 0 && lines.slice(0, i).some((l) => !/^ *(#.*)?$/.test(l)))) return NOT_HANDLED;
      marker = true;
      if (!/^--- *(?: #.*)?$/.test(line)) return NOT_HANDLED;
      lines[i] = '';
    }
  }
  try {
    return new Reader(lines).document();
  } catch (error) {
    if (error === giveUp) return NOT_HANDLED;
    throw error;
  }
}
