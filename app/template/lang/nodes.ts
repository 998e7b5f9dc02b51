// Parse tree of a Go template (text/template/parse/node.go), with Go's
// String() forms because exec errors quote them: `at <.Values.a.b>`.
import { quoteGo } from './format.js';

/** The text a tree was parsed from, shared by all its nodes (for error line:col). */
export interface Source {
  /** Name of the top-level template being parsed (Go's ParseName: the file). */
  parseName: string;
  text: string;
}

export const enum NodeType {
  Text, Action, Bool, Chain, Command, Dot, Field, Identifier, If, List, Nil, Number, Pipe,
  Range, String, Template, Variable, With, Break, Continue, Comment, End, Else,
}

export interface BaseNode {
  readonly type: NodeType;
  pos: number;
  src: Source;
}

export interface TextNode extends BaseNode { type: NodeType.Text; text: string; line: number }
export interface ActionNode extends BaseNode { type: NodeType.Action; line: number; pipe: PipeNode }
export interface BoolNode extends BaseNode { type: NodeType.Bool; value: boolean }
export interface ChainNode extends BaseNode { type: NodeType.Chain; node: Node; field: string[] }
export interface CommandNode extends BaseNode { type: NodeType.Command; args: Node[] }
export interface DotNode extends BaseNode { type: NodeType.Dot }
export interface FieldNode extends BaseNode { type: NodeType.Field; ident: string[] }
export interface IdentifierNode extends BaseNode {
  type: NodeType.Identifier;
  name: string;
  /** Interpreter cache: the func map last used with this node and what `name` resolved to in it. */
  funcsSeen?: object;
  funcResolved?: unknown;
}
export interface ListNode extends BaseNode { type: NodeType.List; nodes: Node[] }
export interface NilNode extends BaseNode { type: NodeType.Nil }
export interface NumberNode extends BaseNode {
  type: NodeType.Number;
  text: string;
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int64: bigint;
  uint64: bigint;
  float64: number;
  complex: [number, number];
  /** The value as an untyped constant (int or float64), cached on first evaluation. */
  ideal?: number | bigint;
}
export interface PipeNode extends BaseNode {
  type: NodeType.Pipe;
  line: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}
export interface StringNode extends BaseNode { type: NodeType.String; quoted: string; text: string }
export interface VariableNode extends BaseNode { type: NodeType.Variable; ident: string[] }
export interface BranchNode extends BaseNode {
  type: NodeType.If | NodeType.Range | NodeType.With;
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | null;
}
export interface TemplateNode extends BaseNode { type: NodeType.Template; line: number; name: string; pipe: PipeNode | null }
export interface BreakNode extends BaseNode { type: NodeType.Break; line: number }
export interface ContinueNode extends BaseNode { type: NodeType.Continue; line: number }
export interface CommentNode extends BaseNode { type: NodeType.Comment; text: string }
export interface EndNode extends BaseNode { type: NodeType.End }
export interface ElseNode extends BaseNode { type: NodeType.Else; line: number }

export type Node =
  | TextNode | ActionNode | BoolNode | ChainNode | CommandNode | DotNode | FieldNode | IdentifierNode
  | ListNode | NilNode | NumberNode | PipeNode | StringNode | VariableNode | BranchNode | TemplateNode
  | BreakNode | ContinueNode | CommentNode | EndNode | ElseNode;

/** Go's Node.String(): the source-like form used in error contexts. */
export function nodeString(n: Node): string {
  switch (n.type) {
    case NodeType.Text: return n.text;
    case NodeType.Action: return '{{' + nodeString(n.pipe) + '}}';
    case NodeType.Bool: return n.value ? 'true' : 'false';
    case NodeType.Chain: {
      let s = n.node.type === NodeType.Pipe ? '(' + nodeString(n.node) + ')' : nodeString(n.node);
      for (const f of n.field) s += '.' + f;
      return s;
    }
    case NodeType.Command:
      return n.args.map((a) => (a.type === NodeType.Pipe ? '(' + nodeString(a) + ')' : nodeString(a))).join(' ');
    case NodeType.Dot: return '.';
    case NodeType.Field: return n.ident.map((f) => '.' + f).join('');
    case NodeType.Identifier: return n.name;
    case NodeType.List: return n.nodes.map(nodeString).join('');
    case NodeType.Nil: return 'nil';
    case NodeType.Number: return n.text;
    case NodeType.Pipe: {
      let s = '';
      if (n.decl.length > 0) s = n.decl.map(nodeString).join(', ') + ' := ';
      return s + n.cmds.map(nodeString).join(' | ');
    }
    case NodeType.String: return n.quoted;
    case NodeType.Variable: return n.ident.join('.');
    case NodeType.If: case NodeType.Range: case NodeType.With: {
      const name = n.type === NodeType.If ? 'if' : n.type === NodeType.Range ? 'range' : 'with';
      let s = '{{' + name + ' ' + nodeString(n.pipe) + '}}' + nodeString(n.list);
      if (n.elseList) s += '{{else}}' + nodeString(n.elseList);
      return s + '{{end}}';
    }
    case NodeType.Template:
      return '{{template ' + quoteGo(n.name) + (n.pipe ? ' ' + nodeString(n.pipe) : '') + '}}';
    case NodeType.Break: return '{{break}}';
    case NodeType.Continue: return '{{continue}}';
    case NodeType.Comment: return '{{' + n.text + '}}';
    case NodeType.End: return '{{end}}';
    case NodeType.Else: return '{{else}}';
  }
}

const utf8 = new TextEncoder();

/** Go's ErrorContext location: "parseName:line:col" (col is the 0-based byte offset in the line). */
export function nodeLocation(n: Node): string {
  const text = n.src.text;
  const pos = Math.min(n.pos, text.length);
  const before = text.slice(0, pos);
  const nl = before.lastIndexOf('\n');
  let line = 1;
  for (let i = 0; i < before.length; i++) if (before.charCodeAt(i) === 10) line++;
  const lineStart = nl < 0 ? 0 : nl + 1;
  const col = utf8.encode(before.slice(lineStart)).length;
  return `${n.src.parseName}:${line}:${col}`;
}

/** 1-based line of a node's position in its source. */
export function nodeLine(n: Node): number {
  const text = n.src.text;
  let line = 1;
  const end = Math.min(n.pos, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** True when a tree has no content except whitespace text and comments (Go's IsEmptyTree). */
export function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.type) {
    case NodeType.Comment: return true;
    case NodeType.List: return n.nodes.every(isEmptyTree);
    case NodeType.Text: return n.text.trim().length === 0 || /^[\s\u0085\u00a0]*$/u.test(n.text);
    default: return false;
  }
}
