// Go text/template parser (text/template/parse/parse.go, Go 1.26 grammar:
// break/continue, `else with`, range over integers), one tree per template name.
import { quoteGo } from './format.js';
import { lex, Tok, tokenString, type Token } from './lexer.js';
import { parseGoFloat, parseGoInt, unquoteChar, unquoteGo } from './literals.js';
import {
  NodeType, isEmptyTree, nodeString, type BranchNode, type ChainNode, type CommandNode, type ListNode, type Node,
  type NumberNode, type PipeNode, type Source, type TemplateNode, type VariableNode,
} from './nodes.js';

/** A parsed template: its name and body. */
export interface Tree {
  name: string;
  root: ListNode;
  src: Source;
}

/** A parse failure, carrying Go's exact message ("template: name:line: ..."). */
export class GoParseError extends Error {
  readonly templateName: string;
  readonly line: number;
  constructor(message: string, templateName: string, line: number) {
    super(message);
    this.name = 'GoParseError';
    this.templateName = templateName;
    this.line = line;
  }
}

/** What the parser needs to know about its environment. */
export interface ParseEnv {
  leftDelim?: string;
  rightDelim?: string;
  /** True when a function of that name exists (builtins and the set's func map). */
  hasFunction(name: string): boolean;
}

/**
 * Parses `text` as template `name` plus its defines and blocks, returning the
 * trees of this one parse (two non-empty definitions of one name in it are an
 * error). Merging into a set (later wins unless empty) is the caller's job.
 */
export function parseTemplate(name: string, text: string, env: ParseEnv): Map<string, Tree> {
  const trees = new Map<string, Tree>();
  new Parser(name, text, env, trees).parseTop();
  return trees;
}

class Parser {
  private tokens: Token[];
  private i = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private actionLine = 0;
  /**
   * Index of the furthest token read in the current tree: Go reports parse
   * errors at the line of its lookahead buffer's newest token (token[0]),
   * and each define/block body is a separate tree with its own buffer.
   */
  private furthest = -1;
  private name: string;
  private readonly src: Source;

  constructor(name: string, text: string, private env: ParseEnv, private treeSet: Map<string, Tree>) {
    this.name = name;
    this.src = { parseName: name, text };
    this.tokens = lex(text, env.leftDelim || '{{', env.rightDelim || '}}',
      !env.hasFunction('break'), !env.hasFunction('continue'));

  }

  private errorf(msg: string): never {
    const line = this.furthest < 0 ? 0 : this.tokens[Math.min(this.furthest, this.tokens.length - 1)].line;
    throw new GoParseError(`template: ${this.src.parseName}:${line}: ${msg}`, this.src.parseName, line);
  }

  private next(): Token {
    const t = this.tokens[this.i < this.tokens.length ? this.i : this.tokens.length - 1];
    if (this.i > this.furthest) this.furthest = this.i;
    this.i++;
    return t;
  }

  private backup(k = 1): void {
    this.i -= k;
  }

  private peek(): Token {
    return this.tokens[this.i < this.tokens.length ? this.i : this.tokens.length - 1];
  }

  private nextNonSpace(): Token {
    let t: Token;
    do t = this.next(); while (t.type === Tok.Space);
    return t;
  }

  private peekNonSpace(): Token {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  private expect(type: Tok, context: string): Token {
    const t = this.nextNonSpace();
    if (t.type !== type) this.unexpected(t, context);
    return t;
  }

  private unexpected(t: Token, context: string): never {
    if (t.type === Tok.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== t.line) {
        extra = ` in action started at ${this.src.parseName}:${this.actionLine}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(t.val + extra);
    }
    this.errorf(`unexpected ${tokenString(t)} in ${context}`);
  }

  private add(name: string, root: ListNode): void {
    const existing = this.treeSet.get(name);
    if (existing === undefined || isEmptyTree(existing.root)) {
      this.treeSet.set(name, { name, root, src: this.src });
      return;
    }
    if (!isEmptyTree(root)) this.errorf(`template: multiple definition of template ${quoteString(name)}`);
  }

  parseTop(): void {
    const root = this.list(this.peek().pos);
    while (this.peek().type !== Tok.EOF) {
      if (this.peek().type === Tok.LeftDelim) {
        const delimIndex = this.i;
        this.next();
        if (this.nextNonSpace().type === Tok.Define) {
          this.parseDefinition();
          continue;
        }
        this.i = delimIndex;
      }
      const n = this.textOrAction();
      if (n.type === NodeType.End || n.type === NodeType.Else) this.errorf(`unexpected ${nodeString(n)}`);
      root.nodes.push(n);
    }
    this.add(this.name, root);
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const nameTok = this.nextNonSpace();
    if (nameTok.type !== Tok.String && nameTok.type !== Tok.RawString) this.unexpected(nameTok, context);
    const name = this.unquote(nameTok.val);
    this.expect(Tok.RightDelim, context);
    const saveVars = this.vars;
    const saveAction = this.actionLine;
    this.vars = ['$'];
    this.actionLine = 0;
    this.furthest = -1;
    const [root, end] = this.itemList();
    if (end.type !== NodeType.End) this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.vars = saveVars;
    this.actionLine = saveAction;
    this.add(name, root);
  }

  private unquote(q: string): string {
    const s = unquoteGo(q);
    if (s === undefined) this.errorf('invalid syntax');
    return s;
  }

  private list(pos: number): ListNode {
    return { type: NodeType.List, pos, src: this.src, nodes: [] };
  }

  private itemList(): [ListNode, Node] {
    const list = this.list(this.peekNonSpace().pos);
    while (this.peekNonSpace().type !== Tok.EOF) {
      const n = this.textOrAction();
      if (n.type === NodeType.End || n.type === NodeType.Else) return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const t = this.nextNonSpace();
    switch (t.type) {
      case Tok.Text:
        return { type: NodeType.Text, pos: t.pos, src: this.src, text: t.val, line: t.line };
      case Tok.LeftDelim: {
        this.actionLine = t.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      default:
        this.unexpected(t, 'input');
    }
  }

  private action(): Node {
    const t = this.nextNonSpace();
    switch (t.type) {
      case Tok.Block: return this.blockControl();
      case Tok.Break: return this.breakOrContinue(t, NodeType.Break, '{{break}}');
      case Tok.Continue: return this.breakOrContinue(t, NodeType.Continue, '{{continue}}');
      case Tok.Else: return this.elseControl();
      case Tok.End: return { type: NodeType.End, pos: this.expect(Tok.RightDelim, 'end').pos, src: this.src };
      case Tok.If: return this.control(NodeType.If, 'if');
      case Tok.Range: return this.control(NodeType.Range, 'range');
      case Tok.Template: return this.templateControl();
      case Tok.With: return this.control(NodeType.With, 'with');
      default: break;
    }
    this.backup();
    const tok = this.peek();
    return { type: NodeType.Action, pos: tok.pos, src: this.src, line: tok.line, pipe: this.pipeline('command', Tok.RightDelim) };
  }

  private breakOrContinue(t: Token, type: NodeType.Break | NodeType.Continue, word: string): Node {
    const tok = this.nextNonSpace();
    if (tok.type !== Tok.RightDelim) this.unexpected(tok, word);
    if (this.rangeDepth === 0) this.errorf(`${word} outside {{range}}`);
    return { type, pos: t.pos, src: this.src, line: t.line };
  }

  private elseControl(): Node {
    const peek = this.peekNonSpace();
    if (peek.type === Tok.If || peek.type === Tok.With) {
      return { type: NodeType.Else, pos: peek.pos, src: this.src, line: peek.line };
    }
    const t = this.expect(Tok.RightDelim, 'else');
    return { type: NodeType.Else, pos: t.pos, src: this.src, line: t.line };
  }

  private control(type: NodeType.If | NodeType.Range | NodeType.With, context: string): BranchNode {
    const saveVars = this.vars.length;
    try {
      const pipe = this.pipeline(context, Tok.RightDelim);
      if (type === NodeType.Range) this.rangeDepth++;
      let [list, next] = this.itemList();
      if (type === NodeType.Range) this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === NodeType.Else) {
        const chained = type === NodeType.If ? Tok.If : type === NodeType.With ? Tok.With : null;
        if (chained !== null && this.peek().type === chained) {
          this.next();
          elseList = this.list(next.pos);
          elseList.nodes.push(this.control(type, context));
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== NodeType.End) this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      list = list as ListNode;
      return { type, pos: pipe.pos, src: this.src, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = saveVars;
    }
  }

  private blockControl(): Node {
    const context = 'block clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    const pipe = this.pipeline(context, Tok.RightDelim);
    const saveVars = this.vars;
    const saveRange = this.rangeDepth;
    const saveAction = this.actionLine;
    const saveFurthest = this.furthest;
    this.vars = ['$'];
    this.rangeDepth = 0;
    this.actionLine = 0;
    this.furthest = -1;
    const [root, end] = this.itemList();
    const blockFurthest = this.furthest;
    // "unexpected ... in block clause" comes from the outer tree, a duplicate name from the block's own.
    this.furthest = saveFurthest;
    if (end.type !== NodeType.End) this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.furthest = blockFurthest;
    this.add(name, root);
    this.furthest = saveFurthest;
    this.vars = saveVars;
    this.rangeDepth = saveRange;
    this.actionLine = saveAction;
    return { type: NodeType.Template, pos: t.pos, src: this.src, line: t.line, name, pipe } satisfies TemplateNode;
  }

  private templateControl(): Node {
    const context = 'template clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().type !== Tok.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, Tok.RightDelim);
    }
    return { type: NodeType.Template, pos: t.pos, src: this.src, line: t.line, name, pipe } satisfies TemplateNode;
  }

  private templateName(t: Token, context: string): string {
    if (t.type === Tok.String || t.type === Tok.RawString) return this.unquote(t.val);
    this.unexpected(t, context);
  }

  private pipeline(context: string, end: Tok): PipeNode {
    const first = this.peekNonSpace();
    const pipe: PipeNode = { type: NodeType.Pipe, pos: first.pos, src: this.src, line: first.line, isAssign: false, decl: [], cmds: [] };
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== Tok.Variable) break;
      this.next();
      const vIndex = this.i - 1;
      const afterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.type === Tok.Assign || next.type === Tok.Declare) {
        pipe.isAssign = next.type === Tok.Assign;
        this.nextNonSpace();
        pipe.decl.push(this.variable(v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.type === Tok.Char && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(this.variable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().type;
          if (p === Tok.Variable || p === Tok.RightDelim || p === Tok.RightParen) continue decls;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else {
        // Go's backup2/backup3: the variable starts an ordinary command.
        void afterVariable;
        this.i = vIndex;
      }
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      switch (t.type) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case Tok.Bool: case Tok.CharConstant: case Tok.Complex: case Tok.Dot: case Tok.Field: case Tok.Identifier:
        case Tok.Number: case Tok.Nil: case Tok.RawString: case Tok.String: case Tok.Variable: case Tok.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    for (let i = 1; i < pipe.cmds.length; i++) {
      const t = pipe.cmds[i].args[0].type;
      if (t === NodeType.Bool || t === NodeType.Dot || t === NodeType.Nil || t === NodeType.Number || t === NodeType.String) {
        this.errorf(`non executable command in pipeline stage ${i + 1}`);
      }
    }
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: NodeType.Command, pos: this.peekNonSpace().pos, src: this.src, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== null) cmd.args.push(operand);
      const t = this.next();
      if (t.type === Tok.Space) continue;
      if (t.type === Tok.RightDelim || t.type === Tok.RightParen) this.backup();
      else if (t.type !== Tok.Pipe) this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): Node | null {
    const node = this.term();
    if (node === null) return null;
    if (this.peek().type === Tok.Field) {
      const chain: ChainNode = { type: NodeType.Chain, pos: this.peek().pos, src: this.src, node, field: [] };
      while (this.peek().type === Tok.Field) chain.field.push(this.next().val.slice(1));
      switch (node.type) {
        case NodeType.Field:
          return { type: NodeType.Field, pos: chain.pos, src: this.src, ident: [...node.ident, ...chain.field] };
        case NodeType.Variable:
          return { type: NodeType.Variable, pos: chain.pos, src: this.src, ident: [...node.ident, ...chain.field] };
        case NodeType.Bool: case NodeType.String: case NodeType.Number: case NodeType.Nil: case NodeType.Dot:
          this.errorf(`unexpected . after term ${quoteString(nodeString(node))}`);
        // falls through (errorf never returns)
        default:
          return chain;
      }
    }
    return node;
  }

  private term(): Node | null {
    const t = this.nextNonSpace();
    switch (t.type) {
      case Tok.Identifier:
        if (!this.env.hasFunction(t.val)) this.errorf(`function ${quoteString(t.val)} not defined`);
        return { type: NodeType.Identifier, pos: t.pos, src: this.src, name: t.val };
      case Tok.Dot: return { type: NodeType.Dot, pos: t.pos, src: this.src };
      case Tok.Nil: return { type: NodeType.Nil, pos: t.pos, src: this.src };
      case Tok.Variable: return this.useVar(t.pos, t.val);
      case Tok.Field: return { type: NodeType.Field, pos: t.pos, src: this.src, ident: t.val.slice(1).split('.') };
      case Tok.Bool: return { type: NodeType.Bool, pos: t.pos, src: this.src, value: t.val === 'true' };
      case Tok.CharConstant: case Tok.Complex: case Tok.Number: return this.number(t);
      case Tok.LeftParen: return this.pipeline('parenthesized pipeline', Tok.RightParen);
      case Tok.String: case Tok.RawString:
        return { type: NodeType.String, pos: t.pos, src: this.src, quoted: t.val, text: this.unquote(t.val) };
      default:
        this.backup();
        return null;
    }
  }

  private variable(pos: number, name: string): VariableNode {
    return { type: NodeType.Variable, pos, src: this.src, ident: name.split('.') };
  }

  private useVar(pos: number, name: string): VariableNode {
    const v = this.variable(pos, name);
    if (!this.vars.includes(v.ident[0])) this.errorf(`undefined variable ${quoteString(v.ident[0])}`);
    return v;
  }

  private number(t: Token): NumberNode {
    const n: NumberNode = {
      type: NodeType.Number, pos: t.pos, src: this.src, text: t.val, isInt: false, isUint: false, isFloat: false,
      isComplex: false, int64: 0n, uint64: 0n, float64: 0, complex: [0, 0],
    };
    const text = t.val;
    if (t.type === Tok.CharConstant) {
      const r = unquoteChar(text.slice(1), "'");
      if (r === undefined) this.errorf('invalid syntax');
      if (r[1] !== "'") this.errorf(`malformed character constant: ${text}`);
      const cp = r[0];
      n.isInt = n.isUint = n.isFloat = true;
      n.int64 = n.uint64 = BigInt(cp);
      n.float64 = cp;
      return n;
    }
    if (t.type === Tok.Complex) this.errorf(`complex constants are not supported: ${text}`);
    if (text.endsWith('i')) {
      const f = parseGoFloat(text.slice(0, -1));
      if (f !== undefined) {
        n.isComplex = true;
        n.complex = [0, f];
        n.isFloat = n.isInt = f === 0;
        return n;
      }
    }
    const u = parseGoInt(text, true);
    if (u !== undefined) {
      n.isUint = true;
      n.uint64 = u;
    }
    const i = parseGoInt(text, false);
    if (i !== undefined) {
      n.isInt = true;
      n.int64 = i;
      if (i === 0n) {
        n.isUint = true;
        n.uint64 = 0n;
      }
    }
    if (n.isInt) {
      n.isFloat = true;
      n.float64 = Number(n.int64);
    } else if (n.isUint) {
      n.isFloat = true;
      n.float64 = Number(n.uint64);
    } else {
      const f = parseGoFloat(text);
      if (f !== undefined) {
        if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${quoteString(text)}`);
        n.isFloat = true;
        n.float64 = f;
        if (Number.isInteger(f) && f >= -9223372036854775808 && f < 9223372036854775808) {
          n.isInt = true;
          n.int64 = BigInt(f);
        }
        if (Number.isInteger(f) && f >= 0 && f < 18446744073709551616) {
          n.isUint = true;
          n.uint64 = BigInt(f);
        }
      }
    }
    if (!n.isInt && !n.isUint && !n.isFloat) this.errorf(`illegal number syntax: ${quoteString(text)}`);
    return n;
  }
}

function quoteString(s: string): string {
  return quoteGo(s);
}
