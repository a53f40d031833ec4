/**
 * Debug sections (.debug_*, not allocated): each output section is the objects' sections of
 * that name one after the other, as GNU ld concatenates them. Their relocations (R_RISCV_64
 * and R_RISCV_32 only: addresses of code labels, offsets into other debug sections) are
 * resolved here: a label in a debug section is its offset in the output section, anything
 * else its final address (after relaxation). Other non-allocated sections are dropped.
 */
import { RvnError } from '../errors';
import type { ObjectFile } from '../asm/object';

export interface DebugSection {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export function isDebugSection(name: string): boolean {
  return name.startsWith('.debug_');
}

/** Links the debug sections; `resolve(obj, name)` is a symbol's final address (undefined if none). */
export function linkDebugSections(objects: readonly ObjectFile[], resolve: (obj: number, name: string) => number | undefined): DebugSection[] {
  const names: string[] = [];
  const base = new Map<string, number>(); // `${obj}:${section}` → offset in the output section
  const sizes = new Map<string, number>();
  objects.forEach((o, obj) => {
    for (const s of o.sections) {
      if (s.alloc || !isDebugSection(s.name)) continue;
      if (!sizes.has(s.name)) names.push(s.name);
      const at = sizes.get(s.name) ?? 0;
      base.set(`${obj}:${s.name}`, at);
      sizes.set(s.name, at + s.size);
    }
  });
  const out = new Map(names.map((n) => [n, new Uint8Array(sizes.get(n)!)]));
  objects.forEach((o, obj) => {
    const inDebug = new Map<string, number>();
    for (const sym of o.symbols) {
      if (sym.section !== undefined && isDebugSection(sym.section)) inDebug.set(sym.name, base.get(`${obj}:${sym.section}`)! + sym.value);
    }
    for (const s of o.sections) {
      if (s.alloc || !isDebugSection(s.name)) continue;
      const bytes = out.get(s.name)!;
      const at = base.get(`${obj}:${s.name}`)!;
      bytes.set(s.bytes.subarray(0, s.size), at);
      for (const r of s.relocs) {
        const width = r.type === '64' ? 8 : r.type === '32' ? 4 : 0;
        const value = inDebug.get(r.symbol) ?? resolve(obj, r.symbol);
        if (width === 0 || value === undefined || r.minus !== undefined) {
          throw new RvnError(`${o.fileName}: ${s.name}: unsupported relocation ${r.type} against '${r.symbol}'`);
        }
        let v = BigInt.asUintN(64, BigInt(value + r.addend));
        for (let i = 0; i < width; i++, v >>= 8n) bytes[at + r.offset + i] = Number(v & 0xffn);
      }
    }
  });
  return names.map((name) => ({ name, bytes: out.get(name)! }));
}
