// A port of the parts of libyaml's emitter (as in gopkg.in/yaml.v2 and v3)
// that Go's YAML encoders use for block documents: scalar style analysis,
// folding at the best width, indentation of nested collections. Output must
// be byte-identical to Helm's toYaml, so the state variables mirror libyaml.

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

export type YamlNode =
  | { kind: 'scalar'; value: string; style: ScalarStyle; analysis?: ScalarAnalysis }
  | { kind: 'sequence'; items: YamlNode[] }
  | { kind: 'mapping'; entries: Array<[YamlNode, YamlNode]> };

export interface EmitterOptions {
  /** Column after which plain/quoted scalars fold at a space (yaml.v2: 80, yaml.v3: never). */
  bestWidth: number;
  /** Spaces per level. */
  bestIndent: number;
  /** yaml.v3 behaviour: indents a block sequence that is a mapping value, treats tabs as special. */
  yamlV3: boolean;
}

interface ScalarAnalysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isBreak = (c: string | undefined): boolean =>
  c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isSpace = (c: string | undefined): boolean => c === ' ';
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isBlankOrEnd = (c: string | undefined): boolean => c === undefined || c === '\0' || isBlank(c) || isBreak(c);

/** libyaml's is_printable on a code point (4-byte UTF-8 characters are not printable there). */
function isPrintable(c: string): boolean {
  const code = c.codePointAt(0)!;
  if (code === 0x0a) return true;
  if (code >= 0x20 && code <= 0x7e) return true;
  if (code >= 0xa0 && code <= 0xd7ff) return true;
  if (code >= 0xe000 && code <= 0xfffd) return code !== 0xfeff;
  return false;
}

/** yaml_emitter_analyze_scalar. */
export function analyzeScalar(value: string, checkTabs: boolean): ScalarAnalysis {
  if (value.length === 0) {
    return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  const chars: ArrayLike<string> = /[^\x00-\x7f]/.test(value) ? Array.from(value) : value;
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let tabCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (value.startsWith('---') || value.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]);
    if (i === 0) {
      switch (c) {
        case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*':
        case '!': case '|': case '>': case "'": case '"': case '%': case '@': case '`':
          flowIndicators = true;
          blockIndicators = true;
          break;
        case '?': case ':':
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
          break;
        case '-':
          if (followedByWhitespace) {
            flowIndicators = true;
            blockIndicators = true;
          }
          break;
      }
    } else {
      switch (c) {
        case ',': case '?': case '[': case ']': case '{': case '}':
          flowIndicators = true;
          break;
        case ':':
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
          break;
        case '#':
          if (precededByWhitespace) {
            flowIndicators = true;
            blockIndicators = true;
          }
          break;
      }
    }
    if (checkTabs && c === '\t') tabCharacters = true;
    else if (!isPrintable(c)) specialCharacters = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(c);
  }
  const result: ScalarAnalysis = {
    multiline: lineBreaks, flowPlainAllowed: true, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
  }
  if (trailingSpace) result.blockAllowed = false;
  if (breakSpace) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
  }
  if (spaceBreak || tabCharacters || specialCharacters) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) result.blockAllowed = false;
  if (lineBreaks) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
  }
  if (flowIndicators) result.flowPlainAllowed = false;
  if (blockIndicators) result.blockPlainAllowed = false;
  return result;
}

const doubleQuoteEscapes: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

/** Emits one YAML document the way Go's yaml encoders do. */
export class YamlEmitter {
  private out = '';
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];
  private flowLevel = 0;
  private mappingContext = false;
  private simpleKeyContext = false;

  constructor(private readonly options: EmitterOptions) {}

  /** Returns the document text, ending with a newline as Go's Marshal does. */
  emitDocument(node: YamlNode): string {
    this.emitNode(node, { root: true, mapping: false, simpleKey: false });
    this.writeIndent();
    return this.out;
  }

  private put(text: string): void {
    this.out += (text);
    this.column += 1;
  }

  private putBreak(): void {
    this.out += ('\n');
    this.column = 0;
    if (this.options.yamlV3) this.indention = true;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.out += (indicator);
    this.column += Array.from(indicator).length;
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? this.options.bestIndent : 0;
    else if (!indentless) this.indent += this.options.bestIndent;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  private emitNode(node: YamlNode, context: { root: boolean; mapping: boolean; simpleKey: boolean }): void {
    this.mappingContext = context.mapping;
    this.simpleKeyContext = context.simpleKey;
    if (node.kind === 'scalar') this.emitScalar(node.value, node.style, this.analysisOf(node));
    else if (node.kind === 'sequence') this.emitSequence(node.items);
    else this.emitMapping(node.entries);
  }

  private emitSequence(items: YamlNode[]): void {
    if (items.length === 0 || this.flowLevel > 0) {
      this.writeIndicator('[', true, true, false);
      this.increaseIndent(true, false);
      this.popIndent();
      this.writeIndicator(']', false, false, false);
      return;
    }
    const indentless = this.options.yamlV3
      ? false
      : this.mappingContext && !this.indention;
    this.increaseIndent(false, indentless);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.emitNode(item, { root: false, mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  private emitMapping(entries: Array<[YamlNode, YamlNode]>): void {
    if (entries.length === 0 || this.flowLevel > 0) {
      this.writeIndicator('{', true, true, false);
      this.increaseIndent(true, false);
      this.popIndent();
      this.writeIndicator('}', false, false, false);
      return;
    }
    this.increaseIndent(false, false);
    for (const [key, value] of entries) {
      this.writeIndent();
      if (this.isSimpleKey(key)) {
        this.emitNode(key, { root: false, mapping: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.emitNode(key, { root: false, mapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.emitNode(value, { root: false, mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  private analysisOf(node: { value: string; analysis?: ScalarAnalysis }): ScalarAnalysis {
    node.analysis ??= analyzeScalar(node.value, this.options.yamlV3);
    return node.analysis;
  }

  private isSimpleKey(key: YamlNode): boolean {
    if (key.kind === 'scalar') {
      if (this.analysisOf(key).multiline) return false;
      return (key.value.length <= 42 ? key.value.length * 3 : new TextEncoder().encode(key.value).length) <= 128;
    }
    if (key.kind === 'sequence') return key.items.length === 0;
    return key.entries.length === 0;
  }

  private emitScalar(value: string, requested: ScalarStyle, analysis: ScalarAnalysis): void {
    let style = requested;
    if (this.simpleKeyContext && analysis.multiline) style = 'double';
    if (style === 'plain') {
      if ((this.flowLevel > 0 && !analysis.flowPlainAllowed) || (this.flowLevel === 0 && !analysis.blockPlainAllowed)) style = 'single';
      if (value.length === 0 && (this.flowLevel > 0 || this.simpleKeyContext)) style = 'single';
    }
    if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!analysis.blockAllowed || this.flowLevel > 0 || this.simpleKeyContext)) style = 'double';
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    if (style === 'plain') this.writePlain(value, allowBreaks);
    else if (style === 'single') this.writeSingleQuoted(value, allowBreaks);
    else if (style === 'double') this.writeDoubleQuoted(value, allowBreaks);
    else this.writeLiteral(value);
    this.popIndent();
  }

  private writeChar(c: string): void {
    this.out += (c);
    this.column += 1;
  }

  private writeBreakChar(c: string): void {
    if (c === '\n') this.putBreak();
    else {
      this.writeChar(c);
      this.column = 0;
    }
    this.indention = true;
  }

  /** True when writing `value` from the current column cannot reach a folding point. */
  private fitsWithoutFolding(value: string, extra: number): boolean {
    if (/[\n\r\u0085\u2028\u2029\ud800-\udfff]/.test(value)) return false;
    return !value.includes(' ') || this.column + value.length + extra <= this.options.bestWidth;
  }

  private writeRun(text: string): void {
    this.out += (text);
    this.column += text.length;
  }

  private writePlain(value: string, allowBreaks: boolean): void {
    if (this.fitsWithoutFolding(value, 1)) {
      if (!this.whitespace && (value.length > 0 || !this.options.yamlV3)) this.put(' ');
      this.writeRun(value);
      if (value.length > 0 || !this.options.yamlV3) this.whitespace = false;
      this.indention = false;
      return;
    }
    const chars = Array.from(value);
    if (!this.whitespace && (chars.length > 0 || !this.options.yamlV3)) this.put(' ');
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > this.options.bestWidth && !isSpace(chars[i + 1])) this.writeIndent();
        else this.writeChar(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreakChar(c);
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.writeChar(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    if (chars.length > 0 || !this.options.yamlV3) this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    if (!value.includes("'") && this.fitsWithoutFolding(value, 1)) {
      this.writeRun(value);
      this.writeIndicator("'", false, false, false);
      this.whitespace = false;
      this.indention = false;
      return;
    }
    const chars = Array.from(value);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > this.options.bestWidth && i > 0 && i < chars.length - 1 && !isSpace(chars[i + 1])) {
          this.writeIndent();
        } else this.writeChar(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreakChar(c);
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === "'") this.put("'");
        this.writeChar(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    if (/^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/.test(value) && (!value.includes(' ') || this.column + value.length + 1 <= this.options.bestWidth)) {
      this.writeRun(value);
      this.writeIndicator('"', false, false, false);
      this.whitespace = false;
      this.indention = false;
      return;
    }
    const chars = Array.from(value);
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      const code = c.codePointAt(0)!;
      if (!isPrintable(c) || code === 0xfeff || isBreak(c) || c === '"' || c === '\\') {
        this.put('\\');
        const escape = doubleQuoteEscapes[code];
        if (escape !== undefined) this.put(escape);
        else {
          const width = code <= 0xff ? 2 : code <= 0xffff ? 4 : 8;
          this.put(code <= 0xff ? 'x' : code <= 0xffff ? 'u' : 'U');
          const hex = code.toString(16).toUpperCase().padStart(width, '0');
          for (const digit of hex) this.put(digit);
        }
        spaces = false;
      } else if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > this.options.bestWidth && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          if (isSpace(chars[i + 1])) this.put('\\');
        } else this.writeChar(c);
        spaces = true;
      } else {
        this.writeChar(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeBlockScalarHints(chars: string[]): void {
    if (isSpace(chars[0]) || isBreak(chars[0])) this.writeIndicator(String(this.options.bestIndent), false, false, false);
    let chomp = '';
    if (chars.length === 0) chomp = '-';
    else {
      const last = chars.length - 1;
      if (!isBreak(chars[last])) chomp = '-';
      else if (last === 0) chomp = '+';
      else if (isBreak(chars[last - 1])) chomp = '+';
    }
    if (chomp !== '') this.writeIndicator(chomp, false, false, false);
  }

  private writeLiteral(value: string): void {
    const chars = Array.from(value);
    this.writeIndicator('|', true, false, false);
    this.writeBlockScalarHints(chars);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (isBreak(c)) {
        this.writeBreakChar(c);
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        let end = i + 1;
        while (end < chars.length && !isBreak(chars[end])) end++;
        for (let k = i; k < end; k++) this.out += chars[k];
        this.column += end - i;
        i = end - 1;
        this.indention = false;
        breaks = false;
      }
    }
  }
}
