/**
 * A minimal DTB reader: header, reservation block and the structure block back into an
 * FdtNode tree, plus lookups by path and typed property decoding. Malformed input raises
 * RvnError (it comes from the host: a file or our own writer).
 */
import { RvnError } from '../errors';
import { FDT_MAGIC, FdtHeader, FdtToken } from './format';
import type { FdtNode, FdtProp, FdtReservation } from './tree';

export interface ParsedFdt {
  version: number;
  bootCpuid: number;
  reservations: FdtReservation[];
  root: FdtNode;
}

const TWO32 = 0x1_0000_0000;
const utf8 = new TextDecoder('utf-8', { fatal: false });

function fail(why: string): never {
  throw new RvnError(`fdt: malformed device tree (${why})`);
}

export function readFdt(bytes: Uint8Array): ParsedFdt {
  if (bytes.length < 40) fail('shorter than its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = (field: number) => view.getUint32(field);
  if (h(FdtHeader.magic) !== FDT_MAGIC) fail('bad magic');
  const total = h(FdtHeader.totalsize);
  if (total > bytes.length) fail('totalsize beyond the buffer');
  const offStruct = h(FdtHeader.offDtStruct);
  const offStrings = h(FdtHeader.offDtStrings);
  const sizeStrings = h(FdtHeader.sizeDtStrings);
  if (offStrings + sizeStrings > total) fail('strings block beyond totalsize');

  const reservations: FdtReservation[] = [];
  for (let at = h(FdtHeader.offMemRsvmap); ; at += 16) {
    if (at + 16 > total) fail('unterminated reservation block');
    const address = view.getUint32(at) * TWO32 + view.getUint32(at + 4);
    const size = view.getUint32(at + 8) * TWO32 + view.getUint32(at + 12);
    if (address === 0 && size === 0) break;
    reservations.push({ address, size });
  }

  const cstring = (from: number, limit: number): [string, number] => {
    let end = from;
    while (end < limit && bytes[end] !== 0) end++;
    if (end >= limit) fail('unterminated string');
    return [utf8.decode(bytes.subarray(from, end)), end + 1];
  };

  let pos = offStruct;
  const token = (): number => {
    if (pos + 4 > total) fail('structure block runs past the end');
    const t = view.getUint32(pos);
    pos += 4;
    return t;
  };
  const align = () => {
    pos = (pos + 3) & ~3;
  };

  const stack: FdtNode[] = [];
  let root: FdtNode | undefined;
  for (;;) {
    const t = token();
    if (t === FdtToken.beginNode) {
      const [name, next] = cstring(pos, total);
      pos = next;
      align();
      const node: FdtNode = { name, props: [], children: [] };
      if (stack.length > 0) stack[stack.length - 1].children.push(node);
      else if (root) fail('more than one root node');
      else root = node;
      stack.push(node);
    } else if (t === FdtToken.endNode) {
      if (stack.pop() === undefined) fail('unbalanced END_NODE');
    } else if (t === FdtToken.prop) {
      const len = token();
      const nameoff = token();
      if (stack.length === 0) fail('property outside a node');
      if (pos + len > total || nameoff >= sizeStrings) fail('property out of bounds');
      const [name] = cstring(offStrings + nameoff, offStrings + sizeStrings);
      const value = bytes.slice(pos, pos + len);
      pos += len;
      align();
      stack[stack.length - 1].props.push({ name, value });
    } else if (t === FdtToken.nop) {
      continue;
    } else if (t === FdtToken.end) {
      break;
    } else {
      fail(`unknown token ${t}`);
    }
  }
  if (!root || stack.length !== 0) fail('unbalanced nodes');
  return { version: h(FdtHeader.version), bootCpuid: h(FdtHeader.bootCpuidPhys), reservations, root };
}

/** The node at an absolute path such as "/soc/serial@10000000", or undefined. */
export function findNode(root: FdtNode, path: string): FdtNode | undefined {
  let node: FdtNode | undefined = root;
  for (const part of path.split('/').filter((p) => p.length > 0)) {
    // Like libfdt, a name without unit address matches "name@..." when unambiguous.
    node =
      node.children.find((c) => c.name === part) ??
      (part.includes('@') ? undefined : node.children.find((c) => c.name.split('@')[0] === part));
    if (!node) return undefined;
  }
  return node;
}

export function findProp(node: FdtNode, name: string): FdtProp | undefined {
  return node.props.find((p) => p.name === name);
}

/** Decoders for property values. */
export const fdtValue = {
  /** The first string of a string (list) property. */
  string(value: Uint8Array): string {
    const end = value.indexOf(0);
    return utf8.decode(value.subarray(0, end < 0 ? value.length : end));
  },
  strings(value: Uint8Array): string[] {
    const parts = utf8.decode(value).split('\0');
    if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
    return parts;
  },
  cells(value: Uint8Array): number[] {
    if (value.length % 4 !== 0) throw new RvnError('fdt: property is not a list of cells');
    const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
    return Array.from({ length: value.length / 4 }, (_, i) => view.getUint32(4 * i));
  },
  u32(value: Uint8Array): number {
    if (value.length !== 4) throw new RvnError('fdt: property is not a single cell');
    return new DataView(value.buffer, value.byteOffset, 4).getUint32(0);
  },
  u64(value: Uint8Array): number {
    if (value.length !== 8) throw new RvnError('fdt: property is not a 64-bit value');
    const view = new DataView(value.buffer, value.byteOffset, 8);
    return view.getUint32(0) * TWO32 + view.getUint32(4);
  },
};
