// The text `helm template` prints (cmd/helm/template.go + action.renderResources):
// CRDs (with --include-crds), sorted manifests, then hooks, each as
// `---\n# Source: <path>\n<content>\n`; --show-only selection; --output-dir files.
import { parseHelmYaml } from './values-yaml.js';
import { splitManifests, type SortedManifest } from './manifest-sorter.js';
import { filepathMatch } from './glob.js';
import type { LineOrigin } from './source-lines.js';

/** One rendered Kubernetes object and where it came from. */
export interface RenderedObject {
  /** Template path as in `# Source:`, e.g. `web/templates/deployment.yaml` (or `web/crds/x.yaml`). */
  template: string;
  /** Index of the document within its template output. */
  documentIndex: number;
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
  /** Hook events for hooks (`pre-install`, `test`...); empty for plain objects. */
  hookEvents: string[];
  /** True for files from crds/ (only with includeCrds). */
  crd: boolean;
  /** The document text as printed. */
  content: string;
  /** The parsed document (Helm's YAML reading: numbers float64). */
  object: unknown;
  /** 1-based line in the printed output where the document's `---` starts (0 when not printed, e.g. --show-only excluded it). */
  outputLine: number;
}

/** The origin of one printed line (lines helm adds itself, such as `---` and `# Source:`, have file ''). */
export interface SourceMapLine extends LineOrigin {
  /** 1-based line of the printed output. */
  outputLine: number;
}

/** A file `helm template --output-dir` writes, relative to the output directory. */
export interface OutputFile {
  path: string;
  content: string;
}

/** Inputs of the assembly step. */
export interface AssembleInput {
  manifests: SortedManifest[];
  hooks: SortedManifest[];
  crds: { filename: string; data: Uint8Array }[];
  renderedFiles: Map<string, string>;
  origins: Map<string, LineOrigin[]>;
  skipTests: boolean;
  showOnly: string[];
  outputDir?: string;
}

interface Segment {
  text: string;
  lines: (LineOrigin | undefined)[];
  object?: RenderedObject;
}

const none: LineOrigin = { file: '', line: 0, includeChain: [] };
const utf8 = new TextDecoder();

function countLines(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const noOrigins: (LineOrigin | undefined)[] = [];

function documentOrigins(entry: SortedManifest, input: AssembleInput, cursors: Map<string, number>): (LineOrigin | undefined)[] {
  const origins = input.origins.get(entry.path);
  if (!origins) return noOrigins;
  const fileText = input.renderedFiles.get(entry.path) ?? '';
  const at = fileText.indexOf(entry.content, cursors.get(entry.path) ?? 0);
  const lineCount = countLines(entry.content) + 1;
  if (at < 0) return new Array(lineCount).fill(undefined);
  cursors.set(entry.path, at + entry.content.length);
  const firstLine = countLines(fileText, 0, at);
  return Array.from({ length: lineCount }, (_, i) => origins[firstLine + i]);
}

function objectOf(entry: { path: string; content: string; documentIndex: number; parsed?: unknown }, hookEvents: string[], crd: boolean): RenderedObject {
  let object: unknown = null;
  if ('parsed' in entry) object = entry.parsed;
  else {
    try {
      object = parseHelmYaml(entry.content);
    } catch {
      object = null;
    }
  }
  const o = (object && typeof object === 'object' ? object : {}) as Record<string, any>;
  const md = (o.metadata && typeof o.metadata === 'object' ? o.metadata : {}) as Record<string, unknown>;
  return {
    template: entry.path, documentIndex: entry.documentIndex, apiVersion: String(o.apiVersion ?? ''), kind: String(o.kind ?? ''),
    name: String(md.name ?? ''), namespace: String(md.namespace ?? ''), hookEvents, crd, content: entry.content, object, outputLine: 0,
  };
}

function sourceSegment(path: string, content: string, lines: (LineOrigin | undefined)[], object?: RenderedObject): Segment {
  return { text: `---\n# Source: ${path}\n${content}\n`, lines: [undefined, undefined, ...lines], object };
}

/** Joins segments into text plus per-line origins, and records each object's first line. */
function flatten(segments: Segment[], trimEnd: boolean, startLine: number): { text: string; lines: (LineOrigin | undefined)[] } {
  let text = '';
  const lines: (LineOrigin | undefined)[] = [];
  for (const segment of segments) {
    if (segment.object) segment.object.outputLine = startLine + lines.length;
    text += segment.text;
    // A segment's text ends with "\n": its last split element is the start of the next line.
    const count = countLines(segment.text);
    for (let i = 0; i < count; i++) lines.push(segment.lines[i]);
  }
  if (trimEnd) {
    const trimmed = text.trim();
    const kept = countLines(trimmed) + 1;
    return { text: trimmed, lines: lines.slice(0, kept) };
  }
  return { text, lines };
}

function isTestHook(hook: SortedManifest): boolean {
  return hook.hookEvents.includes('test');
}

/** Builds helm template's stdout, the structured objects and the source map. */
export function assembleHelmOutput(input: AssembleInput): { text: string; objects: RenderedObject[]; sourceMap: SourceMapLine[]; files: OutputFile[] } {
  const cursors = new Map<string, number>();
  const objects: RenderedObject[] = [];
  const crdSegments: Segment[] = [];
  const manifestSegments: Segment[] = [];
  const hookSegments: Segment[] = [];
  for (const crd of input.crds) {
    const content = utf8.decode(crd.data);
    const object = objectOf({ path: crd.filename, content, documentIndex: 0 }, [], true);
    objects.push(object);
    const lines = content.split('\n').map((_, i) => ({ file: crd.filename, line: i + 1, includeChain: [] }));
    crdSegments.push(sourceSegment(crd.filename, content, lines, object));
  }
  for (const entry of input.manifests) {
    const object = objectOf(entry, [], false);
    objects.push(object);
    manifestSegments.push(sourceSegment(entry.path, entry.content, documentOrigins(entry, input, cursors), object));
  }
  for (const hook of input.hooks) {
    const object = objectOf(hook, hook.hookEvents, false);
    objects.push(object);
    const lines = documentOrigins(hook, input, cursors);
    if (input.skipTests && isTestHook(hook)) continue;
    hookSegments.push(sourceSegment(hook.path, hook.content, lines, object));
  }

  const files: OutputFile[] = [];
  let text: string;
  let lines: (LineOrigin | undefined)[];
  if (input.outputDir !== undefined) {
    const written = new Map<string, OutputFile>();
    for (const segment of [...crdSegments, ...manifestSegments, ...hookSegments]) {
      const path = segment.text.slice('---\n# Source: '.length, segment.text.indexOf('\n', 4));
      const existing = written.get(path);
      if (existing) existing.content += segment.text;
      else {
        const file = { path, content: segment.text };
        written.set(path, file);
        files.push(file);
      }
    }
    text = '\n';
    lines = [undefined];
  } else {
    const body = flatten([...crdSegments, ...manifestSegments], true, 1);
    const hooks = flatten(hookSegments, false, body.lines.length + 1);
    text = `${body.text}\n${hooks.text}`;
    lines = [...body.lines, ...hooks.lines];
  }

  if (input.showOnly.length > 0 && input.outputDir === undefined) {
    return { ...showOnly(text, lines, input.showOnly, objects), files };
  }
  const sourceMap = input.origins.size === 0 ? [] : lines.map((origin, i) => ({ ...(origin ?? none), outputLine: i + 1 }));
  return { text, objects, sourceMap, files };
}

/** A --show-only path that matched nothing. */
export class ShowOnlyProblem extends Error {}

function showOnly(text: string, lines: (LineOrigin | undefined)[], patterns: string[], objects: RenderedObject[]):
  { text: string; objects: RenderedObject[]; sourceMap: SourceMapLine[] } {
  const docs = splitManifests(text);
  const positions: number[] = [];
  let cursor = 0;
  for (const doc of docs) {
    const at = text.indexOf(doc, cursor);
    positions.push(text.slice(0, at).split('\n').length - 1);
    cursor = at + doc.length;
  }
  const byLine = new Map(objects.map((o) => [o.outputLine, o]));
  for (const o of objects) o.outputLine = 0;
  let out = '';
  const outLines: (LineOrigin | undefined)[] = [];
  for (const raw of patterns) {
    const pattern = raw.replace(/\\/g, '/');
    let missing = true;
    docs.forEach((doc, i) => {
      const m = /# Source: [^/]+\/(.+)/.exec(doc);
      if (!m) return;
      const path = m[1]!.split('\n')[0]!;
      if (!filepathMatch(pattern, path)) return;
      missing = false;
      const object = byLine.get(positions[i]!);
      if (object && object.outputLine === 0) object.outputLine = outLines.length + 1;
      out += `---\n${doc}\n`;
      outLines.push(undefined);
      const count = doc.split('\n').length;
      for (let j = 0; j < count; j++) outLines.push(lines[positions[i]! + j]);
    });
    if (missing) throw new ShowOnlyProblem(`could not find template ${pattern} in chart`);
  }
  return { text: out, objects, sourceMap: outLines.map((origin, i) => ({ ...(origin ?? none), outputLine: i + 1 })) };
}
