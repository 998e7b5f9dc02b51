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
/** The 1-based line of a field (see parsedLineOfField), scanning lines where it can and parsing where it must. */
export function lineOfField(yamlText: string, fieldPath: string | undefined): number | undefined {
  // The same documents and fields come back on every run while renders stay cached.
  let lines = locatedLines.get(yamlText);
  if (!lines) {
    if (locatedLines.size > 20_000) locatedLines.clear();
    lines = new Map();
    locatedLines.set(yamlText, lines);
  }
  const key = fieldPath ?? '';
  if (lines.has(key)) return lines.get(key);
  const segments = fieldPath ? parseFieldPath(fieldPath) : [];
  const scanned = scanLineOfField(yamlText, segments);
  const line = scanned === unusual ? parsedLineOfField(yamlText, segments) : scanned;
  lines.set(key, line);
  return line;
}

const locatedLines = new Map<string, Map<string, number | undefined>>();

const unusual = -1;
const plainKey = /^([A-Za-z_][\w.\-/]*):(?: +|$)/;
const nonStringKeys = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

const skippable = (line: string, indent: number) => indent === line.length || line.charCodeAt(indent) === 35; // blank or `#` comment

/**
 * The same answer as parsing, by scanning lines, for the block-style YAML the
 * templates render (parsing every violating document cost ~1.5 s per cold
 * run). Anything unusual (flow collections, anchors, tags, block scalars on
 * the path, quoted or non-string keys, tabs) answers `unusual`, and the caller parses.
 */
function scanLineOfField(text: string, segments: (string | number)[]): number | typeof unusual | undefined {
  if (text.includes('\t')) return unusual;
  const lines = text.split('\n');
  // The node to descend into: its first line, the column its keys or items start at, and where its block ends.
  let start = 0;
  while (start < lines.length && skippable(lines[start]!, indentOf(lines[start]!))) start++;
  if (start === lines.length) return undefined;
  if (lines[start]!.startsWith('---') || lines[start]!.startsWith('%')) return unusual;
  let column = 0;
  let end = lines.length;
  let line = start + 1;
  if (indentOf(lines[start]!) !== 0) return unusual;
  for (const segment of segments) {
    const first = lines[start]!;
    const isSequence = first.charCodeAt(column) === 45 && (first.length === column + 1 || first.charCodeAt(column + 1) === 32);
    if (isSequence) {
      if (typeof segment !== 'number') break;
      let count = -1;
      let found = -1;
      for (let i = start; i < end; i++) {
        const l = i === start ? ' '.repeat(column) + lines[i]!.slice(column) : lines[i]!;
        const indent = indentOf(l);
        if (skippable(l, indent) || indent > column) continue;
        if (indent < column || l.charCodeAt(column) !== 45) break;
        if (++count === segment) { found = i; break; }
      }
      if (found < 0) break;
      line = found + 1;
      let itemEnd = found + 1;
      while (itemEnd < end) {
        const l = lines[itemEnd]!;
        const indent = indentOf(l);
        if (!skippable(l, indent) && indent <= column) break;
        itemEnd++;
      }
      const rest = lines[found]!.slice(column + 1);
      const offset = indentOf(rest);
      if (offset === rest.length || rest[offset] === '#') {
        // `-` alone: the item's content (where the parser places the item) is on the following lines.
        let next = found + 1;
        while (next < itemEnd && skippable(lines[next]!, indentOf(lines[next]!))) next++;
        if (next === itemEnd) return unusual;
        line = next + 1;
        start = next;
        column = indentOf(lines[next]!);
      } else if ('&!|>'.includes(rest[offset]!)) {
        return unusual; // an anchor, tag or block scalar may start the item's node elsewhere
      } else {
        // `- key: value` (a map starting on the dash's line) or `- scalar`; anything else fails the key test below.
        start = found;
        column = column + 1 + offset;
      }
      end = itemEnd;
      continue;
    }
    if (typeof segment !== 'string') break;
    let found = -1;
    let keyEnd = 0;
    for (let i = start; i < end; i++) {
      const l = i === start ? ' '.repeat(column) + lines[i]!.slice(column) : lines[i]!;
      const indent = indentOf(l);
      if (skippable(l, indent) || indent > column) continue;
      if (indent < column) break;
      const match = plainKey.exec(l.slice(column));
      if (!match) return unusual;
      if (nonStringKeys.has(match[1]!)) return unusual;
      if (match[1] === segment) { found = i; keyEnd = column + match[0].length; break; }
    }
    if (found < 0) break;
    line = found + 1;
    let valueEnd = found + 1;
    while (valueEnd < end) {
      const l = lines[valueEnd]!;
      const indent = indentOf(l);
      // A sequence may sit at its key's own indentation.
      if (!skippable(l, indent) && (indent < column || (indent === column && l.charCodeAt(column) !== 45))) break;
      valueEnd++;
    }
    const rest = lines[found]!.slice(keyEnd);
    if (rest.length && rest[0] !== '#') {
      if ('{[&!*|>'.includes(rest[0]!)) return unusual;
      break; // a scalar: nothing below it
    }
    let next = found + 1;
    while (next < valueEnd && skippable(lines[next]!, indentOf(lines[next]!))) next++;
    if (next === valueEnd) break;
    start = next;
    column = indentOf(lines[next]!);
    end = valueEnd;
  }
  return line;
}

function parsedLineOfField(yamlText: string, segments: (string | number)[]): number | undefined {
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
  for (const segment of segments) {
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
