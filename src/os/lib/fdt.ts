/**
 * A flattened-device-tree reader for guest code (the firmware and the kernel): just what they
 * need from the tree the boot ROM or OpenSBI hands over (Devicetree Specification v0.4, §5).
 *
 * The structure block is a token stream (BEGIN_NODE name, PROP len nameoff value, END_NODE,
 * NOP, END), every field big-endian and 4-byte aligned. A cursor walks it token by token; the
 * queries below are loops over the cursor. A path such as "/chosen" or "/cpus/cpu" matches node
 * names with or without their unit address ("memory" matches "memory@80000000"), as Linux does.
 */
import { Arr, Ptr, cstr, load8, u32, u64, zeroed } from '../../gtsc/guest';

export const FDT_MAGIC = 0xd00dfeed;
const FDT_BEGIN_NODE = 1;
const FDT_END_NODE = 2;
const FDT_PROP = 3;
const FDT_NOP = 4;
/** Deepest path a query follows. */
const MAX_DEPTH = 8;

/** A big-endian u32 at any alignment. */
export function be32(a: u64): u32 {
  return (load8(a) << 24) | (load8(a + 1) << 16) | (load8(a + 2) << 8) | load8(a + 3);
}

/** A big-endian u64 made of two cells. */
export function be64(a: u64): u64 {
  return (be32(a) << 32) | be32(a + 4);
}

export function fdtValid(fdt: u64): u64 {
  return fdt !== 0 && (fdt & 3) === 0 && be32(fdt) === FDT_MAGIC ? 1 : 0;
}

export function fdtTotalSize(fdt: u64): u64 {
  return be32(fdt + 4);
}

function align4(v: u64): u64 {
  return (v + 3) & ~3;
}

export function strlen(s: u64): u64 {
  let n = 0;
  while (load8(s + n) !== 0) n++;
  return n;
}

/** 1 when the NUL-terminated strings at a and b are equal. */
export function streq(a: u64, b: u64): u64 {
  let i = 0;
  while (true) {
    const c = load8(a + i);
    if (c !== load8(b + i)) return 0;
    if (c === 0) return 1;
    i++;
  }
}

/** A position in the structure block and what the last token was. */
export interface FdtCursor {
  p: u64;
  strings: u64;
  depth: u64;
  /** BEGIN_NODE: the node's name. PROP: the property's name, value and length. */
  name: u64;
  value: u64;
  len: u64;
}

/** Token kinds fdtNext returns. */
export const TOKEN_END = 0;
export const TOKEN_BEGIN = 1;
export const TOKEN_END_NODE = 2;
export const TOKEN_PROP = 3;

export function fdtStart(fdt: u64, c: Ptr<FdtCursor>): void {
  c.p = fdt + be32(fdt + 8);
  c.strings = fdt + be32(fdt + 12);
  c.depth = 0;
}

/** Advances to the next token (NOPs skipped); depth counts open nodes, the root being 1. */
export function fdtNext(c: Ptr<FdtCursor>): u64 {
  while (true) {
    const tok = be32(c.p);
    c.p += 4;
    if (tok === FDT_BEGIN_NODE) {
      c.name = c.p;
      c.p = align4(c.p + strlen(c.p) + 1);
      c.depth++;
      return TOKEN_BEGIN;
    }
    if (tok === FDT_END_NODE) {
      c.depth--;
      return TOKEN_END_NODE;
    }
    if (tok === FDT_PROP) {
      c.len = be32(c.p);
      c.name = c.strings + be32(c.p + 4);
      c.value = c.p + 8;
      c.p = align4(c.value + c.len);
      return TOKEN_PROP;
    }
    if (tok !== FDT_NOP) return TOKEN_END;
  }
}

/**
 * 1 when node name `name` matches the path component at comp (which ends at '/' or NUL):
 * equal, or equal up to the name's '@' when the component has no unit address.
 */
function nameMatches(name: u64, comp: u64): u64 {
  let i = 0;
  while (true) {
    const c = load8(comp + i);
    const n = load8(name + i);
    if (c === 0 || c === 47) return n === 0 || n === 64 ? 1 : 0; // '/', '@'
    if (c !== n) return 0;
    i++;
  }
}

/** The component after the one at comp, or 0 at the end of the path. */
function nextComponent(comp: u64): u64 {
  let p = comp;
  while (load8(p) !== 0 && load8(p) !== 47) p++;
  return load8(p) === 0 ? 0 : p + 1;
}

/** A path being matched against the open nodes: components[k] is the (k+1)th component. */
interface PathMatch {
  components: Arr<u64, 8>;
  want: u64;
  matched: u64;
}

function pathInit(m: Ptr<PathMatch>, path: u64): void {
  m.want = 0;
  m.matched = 0;
  let comp = load8(path) === 47 ? path + 1 : path;
  while (comp !== 0 && load8(comp) !== 0 && m.want < MAX_DEPTH) {
    m.components[m.want] = comp;
    m.want++;
    comp = nextComponent(comp);
  }
}

/** Updates the match after a BEGIN_NODE or END_NODE token; 1 when the node just opened matches the whole path. */
function pathStep(m: Ptr<PathMatch>, c: Ptr<FdtCursor>, tok: u64): u64 {
  if (tok === TOKEN_BEGIN) {
    // depth 1 is the root; a node at depth d is component d-2 of a path
    if (c.depth >= 2 && m.matched === c.depth - 2 && m.matched < m.want && nameMatches(c.name, m.components[m.matched]) !== 0) {
      m.matched++;
      return m.matched === m.want ? 1 : 0;
    }
    return m.want === 0 && c.depth === 1 ? 1 : 0;
  }
  if (tok === TOKEN_END_NODE && m.matched > 0 && m.matched === c.depth) m.matched--;
  return 0;
}

/** Where a property found by a query is. */
export interface FdtProp {
  value: u64;
  len: u64;
}

/**
 * Property `prop` of the first node at `path` ("/" is the root, "/cpus/cpu" the first cpu):
 * fills out and returns 1, or returns 0 when there is no such node or property.
 */
export function fdtFind(fdt: u64, path: u64, prop: u64, out: Ptr<FdtProp>): u64 {
  if (fdtValid(fdt) === 0) return 0;
  const c = zeroed<FdtCursor>();
  const m = zeroed<PathMatch>();
  fdtStart(fdt, c);
  pathInit(m, path);
  let inNode = 0; // depth of the matching node, 0 while outside it
  while (true) {
    const tok = fdtNext(c);
    if (tok === TOKEN_END) return 0;
    if (tok === TOKEN_PROP) {
      if (inNode !== 0 && c.depth === inNode && streq(c.name, prop) !== 0) {
        out.value = c.value;
        out.len = c.len;
        return 1;
      }
      continue;
    }
    if (tok === TOKEN_END_NODE && inNode !== 0 && c.depth < inNode) inNode = 0;
    if (pathStep(m, c, tok) !== 0 && inNode === 0) inNode = c.depth;
  }
}

/** How many nodes match `path` ("/cpus/cpu" counts the harts). */
export function fdtCount(fdt: u64, path: u64): u64 {
  if (fdtValid(fdt) === 0) return 0;
  const c = zeroed<FdtCursor>();
  const m = zeroed<PathMatch>();
  fdtStart(fdt, c);
  pathInit(m, path);
  let n = 0;
  while (true) {
    const tok = fdtNext(c);
    if (tok === TOKEN_END) return n;
    if (tok !== TOKEN_PROP && pathStep(m, c, tok) !== 0) n++;
  }
}

/** 1 when the string list (NUL-separated, len bytes) at list contains the string s. */
export function strlistHas(list: u64, len: u64, s: u64): u64 {
  let p = list;
  while (p < list + len) {
    if (streq(p, s) !== 0) return 1;
    p += strlen(p) + 1;
  }
  return 0;
}

/**
 * Property `prop` of the first node whose "compatible" list has `compat`: fills out and returns
 * 1, or 0 when no node is compatible or it has no such property.
 */
export function fdtFindCompatible(fdt: u64, compat: u64, prop: u64, out: Ptr<FdtProp>): u64 {
  if (fdtValid(fdt) === 0) return 0;
  const c = zeroed<FdtCursor>();
  fdtStart(fdt, c);
  let nodeStart: u64 = 0; // where the current node's properties begin
  let found: u64 = 0;
  while (found === 0) {
    const tok = fdtNext(c);
    if (tok === TOKEN_END) return 0;
    if (tok === TOKEN_BEGIN) nodeStart = c.p;
    if (tok === TOKEN_PROP && streq(c.name, cstr('compatible')) !== 0 && strlistHas(c.value, c.len, compat) !== 0) found = 1;
  }
  // rescan the node's own properties (they precede its children)
  c.p = nodeStart;
  while (true) {
    const tok = fdtNext(c);
    if (tok !== TOKEN_PROP) return 0;
    if (streq(c.name, prop) !== 0) {
      out.value = c.value;
      out.len = c.len;
      return 1;
    }
  }
}
