// Test helper: writes a ustar archive in memory (gzip it with node:zlib in tests).

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** Builds a tar archive from name -> content. */
export function writeTar(files: Record<string, string | Uint8Array>): Uint8Array {
  const enc = new TextEncoder();
  const blocks: Uint8Array[] = [];
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? enc.encode(content) : content;
    const header = new Uint8Array(512);
    const write = (offset: number, text: string) => header.set(enc.encode(text), offset);
    let prefix = '';
    let base = name;
    if (name.length > 100) {
      const cut = name.lastIndexOf('/', 154);
      prefix = name.slice(0, cut);
      base = name.slice(cut + 1);
    }
    write(0, base);
    write(100, octal(0o644, 8));
    write(108, octal(0, 8));
    write(116, octal(0, 8));
    write(124, octal(data.length, 12));
    write(136, octal(0, 12));
    write(148, '        ');
    write(156, '0');
    write(257, 'ustar\0');
    write(263, '00');
    write(345, prefix);
    let sum = 0;
    for (const b of header) sum += b;
    write(148, sum.toString(8).padStart(6, '0') + '\0 ');
    blocks.push(header);
    const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
    padded.set(data);
    blocks.push(padded);
  }
  blocks.push(new Uint8Array(1024));
  const total = blocks.reduce((n, b) => n + b.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const b of blocks) {
    out.set(b, offset);
    offset += b.length;
  }
  return out;
}
