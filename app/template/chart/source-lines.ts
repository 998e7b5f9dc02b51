// Maps each line of a rendered file back to the template line that produced
// it, from the interpreter's output chunks: literal text advances line by line
// with the template, action output stays on the action's line.
import type { OutputChunk } from './render-templates.js';

/** Where one output line came from. */
export interface LineOrigin {
  /** Template file, e.g. `app/templates/deployment.yaml` (a helper's file for included text). */
  file: string;
  /** 1-based line in that file. */
  line: number;
  /** Outer include/tpl calls, innermost last ({file, line} of each call site); empty when produced directly. */
  includeChain: { file: string; line: number }[];
}

/** Source text of template files by full name (to tell literal text from action output). */
export type TemplateSources = Map<string, string>;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

const startsCache = new WeakMap<object, Map<string, number[]>>();

function isLiteral(sources: TemplateSources, chunk: OutputChunk): boolean {
  const source = sources.get(chunk.file);
  if (source === undefined) return false;
  let cache = startsCache.get(sources);
  if (!cache) {
    cache = new Map();
    startsCache.set(sources, cache);
  }
  let starts = cache.get(chunk.file);
  if (!starts) {
    starts = lineStarts(source);
    cache.set(chunk.file, starts);
  }
  const from = starts[chunk.line - 1];
  if (from === undefined) return false;
  const lineEnd = starts[chunk.line] ?? source.length;
  const at = source.indexOf(chunk.text, from);
  return at >= from && at <= lineEnd;
}

/**
 * Origins for every line of `rendered` (the file's final text), built from its
 * chunks; a line's origin is the chunk that wrote its first visible character.
 */
export function lineOrigins(chunks: OutputChunk[], sources: TemplateSources, fallbackFile: string): LineOrigin[] {
  const origins: LineOrigin[] = [];
  let current: LineOrigin | undefined;
  let currentVisible = false;
  const flush = () => {
    origins.push(current ?? { file: fallbackFile, line: 1, includeChain: [] });
    current = undefined;
    currentVisible = false;
  };
  for (const chunk of chunks) {
    const text = chunk.text.includes('<no value>') ? chunk.text.replaceAll('<no value>', '') : chunk.text;
    const literal = text.includes('\n') && isLiteral(sources, { ...chunk, text: chunk.text });
    const parts = text.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) flush();
      const line = literal ? chunk.line + index : chunk.line;
      const visible = part.trim().length > 0;
      if (!current || (!currentVisible && visible)) {
        current = { file: chunk.file, line, includeChain: [] };
        currentVisible = visible;
      }
    });
  }
  flush();
  return origins;
}
