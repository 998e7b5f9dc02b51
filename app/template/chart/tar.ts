// Reads ustar/pax/GNU tar archives in memory (what `helm package` writes).

/** One regular file from an archive. */
export interface TarEntry {
  name: string;
  data: Uint8Array;
}

const decoder = new TextDecoder();

function readString(block: Uint8Array, offset: number, length: number): string {
  let end = offset;
  while (end < offset + length && block[end] !== 0) end++;
  return decoder.decode(block.subarray(offset, end));
}

function readOctal(block: Uint8Array, offset: number, length: number): number {
  if (block[offset]! & 0x80) {
    let value = 0;
    for (let i = offset + 1; i < offset + length; i++) value = value * 256 + block[i]!;
    return value;
  }
  const text = readString(block, offset, length).trim();
  return text ? parseInt(text, 8) : 0;
}

function paxRecords(data: Uint8Array): Record<string, string> {
  const text = decoder.decode(data);
  const records: Record<string, string> = {};
  let pos = 0;
  while (pos < text.length) {
    const space = text.indexOf(' ', pos);
    if (space < 0) break;
    const length = parseInt(text.slice(pos, space), 10);
    if (!length) break;
    // Lengths count bytes; records are ASCII keys, values may be UTF-8.
    const recordBytes = new TextEncoder().encode(text.slice(pos)).subarray(0, length);
    const record = decoder.decode(recordBytes);
    const eq = record.indexOf('=');
    if (eq > 0) records[record.slice(record.indexOf(' ') + 1, eq)] = record.slice(eq + 1, -1);
    pos += record.length;
  }
  return records;
}

/** Lists the regular files in a tar archive, in archive order. */
export function readTar(archive: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  let pos = 0;
  let longName: string | undefined;
  let pax: Record<string, string> = {};
  while (pos + 512 <= archive.length) {
    const header = archive.subarray(pos, pos + 512);
    if (header.every((b) => b === 0)) break;
    const size = readOctal(header, 124, 12);
    const type = String.fromCharCode(header[156]! || 0x30);
    const dataStart = pos + 512;
    const data = archive.subarray(dataStart, dataStart + size);
    pos = dataStart + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = readString(data, 0, data.length);
      continue;
    }
    if (type === 'x') {
      pax = paxRecords(data);
      continue;
    }
    if (type === 'g') continue;
    let name = readString(header, 0, 100);
    const magic = readString(header, 257, 6);
    if (magic.startsWith('ustar')) {
      const prefix = readString(header, 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    if (pax.path) name = pax.path;
    if (longName) name = longName;
    longName = undefined;
    pax = {};
    if (type === '0' || type === '7' || header[156] === 0) entries.push({ name, data: data.slice() });
  }
  return entries;
}
