// Independent checks of output files: SVG well-formedness (XML nesting) and PNG structure
// (signature, chunk layout, CRCs, and the IDAT stream inflating to exactly the image size).
import { inflateSync } from 'node:zlib';

/** Throws unless `svg` is one well-nested XML element tree with an <svg> root. */
export function checkSvg(svg: string): void {
  if (!/^<svg[\s>]/.test(svg.trimStart())) throw new Error('does not start with <svg');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g;
  let m: RegExpExecArray | null;
  let last = 0;
  let roots = 0;
  while ((m = tag.exec(svg)) !== null) {
    const between = svg.slice(last, m.index);
    if (between.includes('<')) throw new Error(`malformed markup near ${JSON.stringify(between.slice(between.indexOf('<'), between.indexOf('<') + 40))}`);
    last = tag.lastIndex;
    if (m[2] === undefined) continue;
    if (m[1] === '/') {
      if (stack.pop() !== m[2]) throw new Error(`</${m[2]}> closes the wrong element`);
    } else if (m[4] !== '/') {
      if (stack.length === 0) roots++;
      stack.push(m[2]);
    }
  }
  if (svg.slice(last).trim() !== '') throw new Error('text after the root element');
  if (stack.length !== 0 || roots !== 1) throw new Error(`unbalanced: ${stack.join(' > ')}`);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Checks a PNG as the PNG spec defines it; returns its size. */
export function checkPng(png: Uint8Array): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!sig.every((b, i) => png[i] === b)) throw new Error('bad PNG signature');
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let off = 8;
  let width = 0;
  let height = 0;
  let bytesPerPixel = 0;
  const idat: Uint8Array[] = [];
  let ended = false;
  while (off < png.length) {
    const len = dv.getUint32(off);
    const type = String.fromCharCode(...png.subarray(off + 4, off + 8));
    const body = png.subarray(off + 8, off + 8 + len);
    if (crc32(png.subarray(off + 4, off + 8 + len)) !== dv.getUint32(off + 8 + len)) throw new Error(`bad CRC in ${type}`);
    if (type === 'IHDR') {
      width = dv.getUint32(off + 8);
      height = dv.getUint32(off + 12);
      const depth = body[8];
      const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[body[9]];
      if (depth !== 8 || channels === undefined) throw new Error(`unexpected PNG format depth ${depth} colour type ${body[9]}`);
      bytesPerPixel = channels;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') ended = true;
    off += 12 + len;
  }
  if (!ended || off !== png.length) throw new Error('no IEND at the end');
  const total = idat.reduce((a, b) => a + b.length, 0);
  const all = new Uint8Array(total);
  let p = 0;
  for (const c of idat) (all.set(c, p), (p += c.length));
  const raw = inflateSync(all);
  if (raw.length !== height * (1 + width * bytesPerPixel)) throw new Error(`IDAT inflates to ${raw.length} bytes, not ${height} rows of ${width} pixels`);
  return { width, height };
}
