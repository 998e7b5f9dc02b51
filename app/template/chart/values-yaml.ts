// Reads YAML the way Helm does (sigs.k8s.io/yaml: yaml.v2 -> JSON -> encoding/json):
// YAML 1.1 scalars (`yes`/`on`/`y` are booleans, `0777` is octal, `1_000` is 1000),
// timestamps stay strings, every number becomes a float64 (a JS number), and
// non-string keys become their string form.
import YAML, { type ScalarTag, type Tags } from 'yaml';
import { yamlV2Number } from './yaml-v2-numbers.js';
import { NOT_HANDLED, tryParseHelmYamlFast } from './fast-yaml.js';

/** A YAML problem with yaml.v2's wording and line (0 = yaml.v2 names no line). */
export class YamlSyntaxProblem extends Error {
  constructor(readonly line: number, readonly detail: string) {
    super(`error converting YAML to JSON: yaml: ${line > 0 ? `line ${line}: ` : ''}${detail}`);
  }
}

const droppedTags = new Set(['tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:omap', 'tag:yaml.org,2002:pairs', 'tag:yaml.org,2002:set']);

// Numbers by yaml.v2's rules instead of the YAML 1.1 schema's patterns (which read
// `e3` or `0_` as NaN and `0o17` as a string); .inf and .nan keep their own tag.
// Written as an int tag too, so `!!int 5` still reads as a number.
const numberTags: ScalarTag[] = ['tag:yaml.org,2002:float', 'tag:yaml.org,2002:int'].map((name, index) => ({
  tag: name, default: index === 0, test: /^[-+.0-9]/, resolve: (text: string) => yamlV2Number(text) ?? text,
}));

function yamlV2Tags(tags: Tags): Tags {
  const kept = tags.filter((tag) => {
    if (typeof tag !== 'object' || tag === null) return true;
    const t = tag as { tag: string; format?: string; test?: RegExp };
    if (droppedTags.has(t.tag)) return false;
    if (t.tag === 'tag:yaml.org,2002:int') return false;
    if (t.tag === 'tag:yaml.org,2002:float' && !t.test?.test('.inf')) return false;
    return t.format !== 'TIME';
  });
  return [...kept, ...numberTags];
}

const parseOptions = {
  version: '1.1' as const, merge: true, uniqueKeys: false, customTags: yamlV2Tags,
  prettyErrors: true, strict: false,
};

interface YamlV2Problem {
  /** libyaml's problem text. */
  problem: string;
  /** Scanner errors report 1-based lines; parser errors report libyaml's 0-based mark (yaml.v2's fail()). */
  scanner: boolean;
}

function yamlV2Problem(code: string, message: string): YamlV2Problem {
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || /Nested mappings are not allowed/.test(message)) {
    return { problem: 'mapping values are not allowed in this context', scanner: true };
  }
  if (code === 'TAB_AS_INDENT') return { problem: 'found character that cannot start any token', scanner: true };
  if (/Missing closing .?quote/.test(message)) return { problem: 'found unexpected end of stream', scanner: true };
  if (/^Flow sequence/.test(message)) return { problem: "did not find expected ',' or ']'", scanner: false };
  if (/^Flow map/.test(message)) return { problem: "did not find expected ',' or '}'", scanner: false };
  if (code === 'MULTILINE_IMPLICIT_KEY' || code === 'MISSING_CHAR' || /Implicit keys need to be on a single line/.test(message)) {
    return { problem: "could not find expected ':'", scanner: true };
  }
  if (code === 'BAD_INDENT') return { problem: 'did not find expected key', scanner: false };
  return { problem: message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), scanner: true };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The 1-based line yaml.v2 would name for an error at `offset` (see yamlV2Problem). */
function yamlV2Line(text: string, code: string, problem: YamlV2Problem, pos: [number, number]): number {
  if (problem.problem === 'mapping values are not allowed in this context') {
    // libyaml stops at the offending ':'.
    const colon = text.slice(pos[0]).search(/:(?=[ \t\r\n]|$)/);
    return lineAt(text, colon >= 0 ? pos[0] + colon : pos[0]);
  }
  if (problem.problem === "could not find expected ':'") {
    // The scanner notices the missing ':' at the start of the next line.
    return lineAt(text, pos[0]) + 1;
  }
  const line = lineAt(text, pos[0]);
  return problem.scanner || code === 'TAB_AS_INDENT' ? line : line - 1;
}

/** Converts a parsed YAML tree to the JSON-shaped values Helm sees (float64 numbers, string keys). */
function toHelmJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) {
    // encoding/json marshals []byte as base64; Helm then reads it back as a string.
    let text = '';
    for (const byte of value) text += String.fromCharCode(byte);
    return btoa(text);
  }
  if (Array.isArray(value)) return value.map(toHelmJson);
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of value) out[keyString(key)] = toHelmJson(item);
    return out;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = toHelmJson(item);
    return out;
  }
  return value;
}

function keyString(key: unknown): string {
  if (key === null || key === undefined) return 'null';
  if (typeof key === 'object' && key !== null && 'value' in key) return keyString((key as { value: unknown }).value);
  return String(key);
}

/** Parses one YAML document into Helm's JSON-shaped value; throws YamlSyntaxProblem. */
export function parseHelmYaml(text: string): unknown {
  // Rendered manifests mostly take the hand-written reader; it defers anything unusual to the `yaml` library.
  const fast = tryParseHelmYamlFast(text);
  return fast === NOT_HANDLED ? parseHelmYamlSlow(text) : fast;
}

/** parseHelmYaml through the `yaml` library alone (the reference the fast reader is tested against). */
export function parseHelmYamlSlow(text: string): unknown {
  let doc = YAML.parseDocument(text, { ...parseOptions, keepSourceTokens: false });
  if (doc.errors[0]?.code === 'MULTIPLE_DOCS') {
    // yaml.v2's Unmarshal reads the first document only.
    const all = YAML.parseAllDocuments(text, parseOptions);
    doc = (Array.isArray(all) ? all[0] : all) as typeof doc;
  }
  const error = doc.errors[0];
  if (error) {
    const problem = yamlV2Problem(error.code, error.message);
    throw new YamlSyntaxProblem(yamlV2Line(text, error.code, problem, error.pos), problem.problem);
  }
  let js: unknown;
  try {
    js = doc.toJS({ mapAsMap: true, maxAliasCount: 10000 });
  } catch (error) {
    const alias = /Unresolved alias.*?: ?(\S+)$/.exec((error as Error).message);
    if (alias) throw new YamlSyntaxProblem(0, `unknown anchor '${alias[1]}' referenced`);
    throw new YamlSyntaxProblem(0, (error as Error).message);
  }
  return toHelmJson(js);
}

/** Parses a values document: an empty document is an empty map; anything but a map is an error. */
export function parseValuesYaml(text: string): Record<string, unknown> {
  const value = parseHelmYaml(text);
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    const goType = Array.isArray(value) ? '[]interface {}' : typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'bool' : 'float64';
    throw new Error(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${goType === 'string' ? 'string' : goType === 'bool' ? 'bool' : goType === 'float64' ? 'number' : 'array'} into Go value of type map[string]interface {}`);
  }
  return value as Record<string, unknown>;
}
