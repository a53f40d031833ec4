/**
 * Serialises an FdtNode tree to a DTB (version 17) laid out as dtc lays it out: header,
 * memory reservation block, structure block, strings block, no padding. Property names are
 * interned as dtc does (a name that is a suffix of an already stored one reuses it), so a tree
 * compiled by `dtc -O dtb` from our decompiled output has the same bytes.
 */
import { RvnError } from '../errors';
import {
  FDT_HEADER_SIZE,
  FDT_LAST_COMP_VERSION,
  FDT_MAGIC,
  FDT_VERSION,
  FdtHeader,
  FdtToken,
} from './format';
import type { FdtNode, FdtReservation } from './tree';
import { u64Cells } from './tree';

export interface FdtWriteOptions {
  reservations?: readonly FdtReservation[];
  bootCpuid?: number;
}

/** A growable big-endian byte buffer. */
class ByteSink {
  bytes = new Uint8Array(1024);
  length = 0;

  private ensure(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let cap = this.bytes.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  u32(v: number): void {
    this.ensure(4);
    new DataView(this.bytes.buffer).setUint32(this.length, v >>> 0);
    this.length += 4;
  }

  raw(b: Uint8Array): void {
    this.ensure(b.length);
    this.bytes.set(b, this.length);
    this.length += b.length;
  }

  /** Zero bytes up to a multiple of 4. */
  align4(): void {
    const pad = (4 - (this.length & 3)) & 3;
    this.ensure(pad);
    this.bytes.fill(0, this.length, this.length + pad);
    this.length += pad;
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

const utf8 = new TextEncoder();

/** The strings block with dtc's interning rule. */
class StringTable {
  private text = '';

  offsetOf(name: string): number {
    if (name.length === 0 || name.includes('\0')) throw new RvnError(`fdt: invalid property name "${name}"`);
    // dtc: reuse any position where the stored text continues with exactly `name` + NUL.
    const at = this.text.indexOf(name + '\0');
    if (at >= 0) return utf8.encode(this.text.slice(0, at)).length;
    const off = utf8.encode(this.text).length;
    this.text += name + '\0';
    return off;
  }

  bytes(): Uint8Array {
    return utf8.encode(this.text);
  }
}

function writeNode(node: FdtNode, out: ByteSink, strings: StringTable): void {
  if (node.name.includes('\0') || node.name.includes('/')) {
    throw new RvnError(`fdt: invalid node name "${node.name}"`);
  }
  out.u32(FdtToken.beginNode);
  out.raw(utf8.encode(node.name + '\0'));
  out.align4();
  for (const p of node.props) {
    out.u32(FdtToken.prop);
    out.u32(p.value.length);
    out.u32(strings.offsetOf(p.name));
    out.raw(p.value);
    out.align4();
  }
  for (const child of node.children) writeNode(child, out, strings);
  out.u32(FdtToken.endNode);
}

/** Builds the DTB bytes of `root`. */
export function writeFdt(root: FdtNode, opts: FdtWriteOptions = {}): Uint8Array {
  const strings = new StringTable();
  const struct = new ByteSink();
  writeNode(root, struct, strings);
  struct.u32(FdtToken.end);
  const structBytes = struct.result();
  const stringBytes = strings.bytes();

  const rsv = new ByteSink();
  for (const r of opts.reservations ?? []) {
    for (const c of [...u64Cells(r.address), ...u64Cells(r.size)]) rsv.u32(c);
  }
  for (let i = 0; i < 4; i++) rsv.u32(0); // terminating entry
  const rsvBytes = rsv.result();

  const offRsv = FDT_HEADER_SIZE; // already 8-byte aligned
  const offStruct = offRsv + rsvBytes.length;
  const offStrings = offStruct + structBytes.length;
  const total = offStrings + stringBytes.length;

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(FdtHeader.magic, FDT_MAGIC);
  view.setUint32(FdtHeader.totalsize, total);
  view.setUint32(FdtHeader.offDtStruct, offStruct);
  view.setUint32(FdtHeader.offDtStrings, offStrings);
  view.setUint32(FdtHeader.offMemRsvmap, offRsv);
  view.setUint32(FdtHeader.version, FDT_VERSION);
  view.setUint32(FdtHeader.lastCompVersion, FDT_LAST_COMP_VERSION);
  view.setUint32(FdtHeader.bootCpuidPhys, opts.bootCpuid ?? 0);
  view.setUint32(FdtHeader.sizeDtStrings, stringBytes.length);
  view.setUint32(FdtHeader.sizeDtStruct, structBytes.length);
  out.set(rsvBytes, offRsv);
  out.set(structBytes, offStruct);
  out.set(stringBytes, offStrings);
  return out;
}
