import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';

/** Splits `spec.containers[0].image` (or `.spec.containers[0]`) into path segments. */
export function parseFieldPath(fieldPath: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of fieldPath.matchAll(/([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(match[1] ?? match[3] ?? match[4]!);
  }
  return segments;
}

const parsedDocuments = new Map<string, { lineCounter: LineCounter; document: ReturnType<typeof parseDocument> }>();

/**
 * The 1-based line of a field in a YAML document, or of its deepest existing
 * parent, so a finding can point at the rendered line and, through the source
 * map, at the template line that produced it.
 */
export function lineOfField(yamlText: string, fieldPath: string | undefined): number | undefined {
  let parsed = parsedDocuments.get(yamlText);
  if (!parsed) {
    const lineCounter = new LineCounter();
    parsed = { lineCounter, document: parseDocument(yamlText, { lineCounter, keepSourceTokens: false }) };
    // Rendered documents repeat across findings, dates and runs: parse each once.
    if (parsedDocuments.size > 20_000) parsedDocuments.clear();
    parsedDocuments.set(yamlText, parsed);
  }
  const { lineCounter, document } = parsed;
  let node: unknown = document.contents;
  let line: number | undefined = node && (node as Node).range ? lineCounter.linePos((node as Node).range![0]).line : undefined;
  for (const segment of fieldPath ? parseFieldPath(fieldPath) : []) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === segment);
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (keyNode.range) line = lineCounter.linePos(keyNode.range[0]).line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      if (item.range) line = lineCounter.linePos(item.range[0]).line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}
