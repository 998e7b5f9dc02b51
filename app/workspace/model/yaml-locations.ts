// Maps a JSON-pointer-like path (ajv's instancePath) to a line and column in
// the YAML source, so every problem points at the field the user must fix.
import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';

/** A 1-based position in a file. */
export interface SourcePosition { line: number; column: number }

function childOf(node: unknown, segment: string): { node: Node | undefined; key: Node | undefined } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (key === segment) return { node: (pair.value ?? undefined) as Node | undefined, key: pair.key as Node };
    }
    return undefined;
  }
  if (isSeq(node)) {
    const item = node.items[Number(segment)];
    return item === undefined ? undefined : { node: item as Node, key: undefined };
  }
  return undefined;
}

/** Splits `/spec/environments/0/name` into segments, undoing JSON pointer escapes. */
export function splitInstancePath(instancePath: string): string[] {
  return instancePath.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Finds where `path` lives in `document`: the deepest node that exists along the path
 * (its key when `preferKey`, so an unknown property points at its name).
 * @example locateYamlPath(doc, counter, ['spec', 'version']) // { line: 7, column: 12 }
 */
export function locateYamlPath(document: Document, lineCounter: LineCounter, path: string[], preferKey = false): SourcePosition {
  let node: unknown = document.contents;
  let position = node && (node as Node).range ? (node as Node).range![0] : 0;
  for (let i = 0; i < path.length; i++) {
    const child = childOf(node, path[i]!);
    if (!child) break;
    const last = i === path.length - 1;
    const target = last && preferKey && child.key ? child.key : child.node ?? child.key;
    if (target?.range) position = target.range[0];
    node = child.node;
  }
  const { line, col } = lineCounter.linePos(position);
  return { line, column: col };
}

/** Position of a byte offset in the file. */
export function positionOf(lineCounter: LineCounter, offset: number): SourcePosition {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
