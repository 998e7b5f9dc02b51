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
  // Literal text starts on its node's line: search only there, not the rest of the file.
  for (let at = source.indexOf(chunk.text[0] ?? '', from); at >= 0 && at <= lineEnd; at = source.indexOf(chunk.text[0] ?? '', at + 1)) {
    if (source.startsWith(chunk.text, at)) return true;
  }
  return false;
}

/**
 * Lines that included helpers wrote, by trimmed text, with their origin in the
 * helper and the chain of include call sites (outermost first).
 */
function helperLineIndex(helpers: OutputChunk[], sources: TemplateSources, callSite: { file: string; line: number }): Map<string, LineOrigin> {
  const index = new Map<string, LineOrigin>();
  const origins = lineOrigins(helpers, sources, callSite.file);
  helpers.map((c) => c.text).join('').split('\n').forEach((text, i) => {
    const key = text.trim();
    const origin = origins[i];
    if (!key || index.has(key) || !origin) return;
    index.set(key, { file: origin.file, line: origin.line, includeChain: [callSite, ...origin.includeChain] });
  });
  return index;
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
    const helperLines = chunk.helpers ? helperLineIndex(chunk.helpers, sources, { file: chunk.file, line: chunk.line }) : undefined;
    const parts = text.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) flush();
      const visible = part.trim().length > 0;
      if (!current || (!currentVisible && visible)) {
        const fromHelper = visible && helperLines ? helperLines.get(part.trim()) : undefined;
        current = fromHelper ?? { file: chunk.file, line: literal ? chunk.line + index : chunk.line, includeChain: [] };
        currentVisible = visible;
      }
    });
  }
  flush();
  return origins;
}
