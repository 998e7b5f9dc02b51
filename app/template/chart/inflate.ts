// A small, pure DEFLATE (RFC 1951) and gzip (RFC 1952) decoder, so charts
// packaged as .tgz load without Node's zlib (app/template is host-free).

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Canonical Huffman table: counts per length and symbols sorted by code. */
interface Huffman {
  counts: Uint16Array;
  symbols: Uint16Array;
}

function buildHuffman(lengths: ArrayLike<number>): Huffman {
  const counts = new Uint16Array(16);
  for (let i = 0; i < lengths.length; i++) counts[lengths[i]!]!++;
  counts[0] = 0;
  const offsets = new Uint16Array(16);
  for (let i = 1; i < 16; i++) offsets[i] = offsets[i - 1]! + counts[i - 1]!;
  const symbols = new Uint16Array(lengths.length);
  for (let i = 0; i < lengths.length; i++) if (lengths[i]) symbols[offsets[lengths[i]!]!++] = i;
  return { counts, symbols };
}

class BitReader {
  pos = 0;
  bitBuffer = 0;
  bitCount = 0;
  constructor(readonly data: Uint8Array) {}

  bits(n: number): number {
    while (this.bitCount < n) {
      if (this.pos >= this.data.length) throw new Error('gzip: unexpected end of compressed data');
      this.bitBuffer |= this.data[this.pos++]! << this.bitCount;
      this.bitCount += 8;
    }
    const value = this.bitBuffer & ((1 << n) - 1);
    this.bitBuffer >>>= n;
    this.bitCount -= n;
    return value;
  }

  decode(h: Huffman): number {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len < 16; len++) {
      code |= this.bits(1);
      const count = h.counts[len]!;
      if (code - count < first) return h.symbols[index + (code - first)]!;
      index += count;
      first += count;
      first <<= 1;
      code <<= 1;
    }
    throw new Error('gzip: invalid Huffman code');
  }

  alignToByte(): void {
    this.bitBuffer = 0;
    this.bitCount = 0;
  }
}

let fixedTables: [Huffman, Huffman] | undefined;
function fixed(): [Huffman, Huffman] {
  if (!fixedTables) {
    const lengths = new Uint8Array(288);
    lengths.fill(8, 0, 144);
    lengths.fill(9, 144, 256);
    lengths.fill(7, 256, 280);
    lengths.fill(8, 280, 288);
    fixedTables = [buildHuffman(lengths), buildHuffman(new Uint8Array(30).fill(5))];
  }
  return fixedTables;
}

class Output {
  buffer = new Uint8Array(1 << 16);
  length = 0;

  ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
}

function dynamicTables(reader: BitReader): [Huffman, Huffman] {
  const literalCount = reader.bits(5) + 257;
  const distanceCount = reader.bits(5) + 1;
  const codeCount = reader.bits(4) + 4;
  const codeLengths = new Uint8Array(19);
  for (let i = 0; i < codeCount; i++) codeLengths[CODE_LENGTH_ORDER[i]!] = reader.bits(3);
  const codeTable = buildHuffman(codeLengths);
  const lengths = new Uint8Array(literalCount + distanceCount);
  for (let i = 0; i < lengths.length;) {
    const symbol = reader.decode(codeTable);
    if (symbol < 16) {
      lengths[i++] = symbol;
      continue;
    }
    let repeat: number;
    let value = 0;
    if (symbol === 16) {
      if (i === 0) throw new Error('gzip: invalid code lengths');
      value = lengths[i - 1]!;
      repeat = 3 + reader.bits(2);
    } else if (symbol === 17) {
      repeat = 3 + reader.bits(3);
    } else {
      repeat = 11 + reader.bits(7);
    }
    if (i + repeat > lengths.length) throw new Error('gzip: invalid code lengths');
    lengths.fill(value, i, i + repeat);
    i += repeat;
  }
  return [buildHuffman(lengths.subarray(0, literalCount)), buildHuffman(lengths.subarray(literalCount))];
}

/** Inflates a raw DEFLATE stream; returns the bytes and where the stream ended. */
export function inflateRaw(data: Uint8Array, start = 0): { bytes: Uint8Array; end: number } {
  const reader = new BitReader(data);
  reader.pos = start;
  const out = new Output();
  let last = 0;
  while (!last) {
    last = reader.bits(1);
    const type = reader.bits(2);
    if (type === 0) {
      reader.alignToByte();
      const p = reader.pos;
      if (p + 4 > data.length) throw new Error('gzip: unexpected end of compressed data');
      const len = data[p]! | (data[p + 1]! << 8);
      reader.pos = p + 4;
      if (reader.pos + len > data.length) throw new Error('gzip: unexpected end of compressed data');
      out.ensure(len);
      out.buffer.set(data.subarray(reader.pos, reader.pos + len), out.length);
      out.length += len;
      reader.pos += len;
      continue;
    }
    if (type === 3) throw new Error('gzip: invalid block type');
    const [literals, distances] = type === 1 ? fixed() : dynamicTables(reader);
    for (;;) {
      const symbol = reader.decode(literals);
      if (symbol < 256) {
        out.ensure(1);
        out.buffer[out.length++] = symbol;
        continue;
      }
      if (symbol === 256) break;
      const li = symbol - 257;
      if (li >= 29) throw new Error('gzip: invalid length code');
      const length = LENGTH_BASE[li]! + reader.bits(LENGTH_EXTRA[li]!);
      const di = reader.decode(distances);
      if (di >= 30) throw new Error('gzip: invalid distance code');
      const distance = DIST_BASE[di]! + reader.bits(DIST_EXTRA[di]!);
      if (distance > out.length) throw new Error('gzip: invalid distance');
      out.ensure(length);
      const buffer = out.buffer;
      let from = out.length - distance;
      for (let i = 0; i < length; i++) buffer[out.length++] = buffer[from++]!;
    }
  }
  return { bytes: out.buffer.slice(0, out.length), end: reader.pos };
}

/** True when the bytes start with the gzip magic number. */
export function isGzip(data: Uint8Array): boolean {
  return data.length > 2 && data[0] === 0x1f && data[1] === 0x8b;
}

/** Decompresses a gzip file (all members, concatenated). */
export function gunzip(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] !== 0x1f || data[pos + 1] !== 0x8b) {
      if (parts.length > 0) break;
      throw new Error('gzip: invalid header');
    }
    if (data[pos + 2] !== 8) throw new Error('gzip: unsupported compression method');
    const flags = data[pos + 3]!;
    pos += 10;
    if (flags & 4) pos += 2 + (data[pos]! | (data[pos + 1]! << 8));
    if (flags & 8) while (data[pos++] !== 0 && pos < data.length);
    if (flags & 16) while (data[pos++] !== 0 && pos < data.length);
    if (flags & 2) pos += 2;
    const { bytes, end } = inflateRaw(data, pos);
    parts.push(bytes);
    pos = end + 8;
  }
  if (parts.length === 1) return parts[0]!;
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
