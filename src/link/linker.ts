/**
 * The linker: places the objects' sections (layout.ts), defines symbol addresses, resolves
 * relocations (relocate.ts) and reports undefined/duplicate symbols and range errors with the
 * source file and line.
 */
import { RvnError } from '../errors';
import { formatLocation } from '../asm/diagnostics';
import type { ObjectFile, ObjSection, ObjSymbol, SectionKind } from '../asm/object';
import type { LinkedImage, LinkedSection, LinkedSymbol } from './image';
import { alignUp, defaultLayout, matches, type LinkOptions, type OutputSectionSpec } from './layout';
import { applyReloc, type RelocSite } from './relocate';

interface Placed {
  readonly obj: number;
  readonly sec: ObjSection;
  address: number;
  /** Offset in the output section's bytes. */
  at: number;
}

interface Out {
  readonly spec: OutputSectionSpec;
  readonly kind: SectionKind;
  readonly inputs: Placed[];
  address: number;
  size: number;
  align: number;
  bytes: Uint8Array;
}

function assign(objects: readonly ObjectFile[], specs: OutputSectionSpec[]): Out[] {
  const outs: Out[] = specs.map((spec) => ({ spec, kind: spec.kind ?? 'data', inputs: [], address: 0, size: 0, align: 1, bytes: new Uint8Array(0) }));
  const all: Placed[] = [];
  objects.forEach((o, obj) => o.sections.filter((s) => s.alloc).forEach((sec) => all.push({ obj, sec, address: 0, at: 0 })));
  const used = new Set<Placed>();
  for (const out of outs) {
    for (const pat of out.spec.inputs) {
      for (const p of all) {
        if (!used.has(p) && matches(pat, p.sec.name)) {
          out.inputs.push(p);
          used.add(p);
        }
      }
    }
  }
  // Unmatched sections (e.g. .tohost) become output sections of their own, before the first bss-like one.
  const extra = new Map<string, Out>();
  for (const p of all) {
    if (used.has(p)) continue;
    let out = extra.get(p.sec.name);
    if (out === undefined) {
      out = { spec: { name: p.sec.name, inputs: [p.sec.name] }, kind: p.sec.kind, inputs: [], address: 0, size: 0, align: 1, bytes: new Uint8Array(0) };
      extra.set(p.sec.name, out);
    }
    out.inputs.push(p);
  }
  const bssAt = outs.findIndex((o) => o.kind === 'bss');
  outs.splice(bssAt < 0 ? outs.length : bssAt, 0, ...extra.values());
  return outs;
}

function place(outs: Out[]): void {
  let next = 0;
  for (const out of outs) {
    out.align = Math.max(1, ...out.inputs.map((p) => p.sec.align));
    const start = out.spec.address ?? alignUp(alignUp(next, out.spec.alignTo ?? 1), out.align);
    let addr = start;
    for (const p of out.inputs) {
      addr = alignUp(addr, p.sec.align);
      p.address = addr;
      p.at = addr - start;
      addr += p.sec.size;
    }
    out.address = start;
    out.size = addr - start;
    out.bytes = new Uint8Array(out.kind === 'bss' ? 0 : out.size);
    if (out.kind !== 'bss') for (const p of out.inputs) out.bytes.set(p.sec.bytes, p.at);
    next = addr;
  }
}

interface SymAddr {
  readonly sym: ObjSymbol;
  readonly obj: number;
  readonly address: number;
  readonly out?: Out;
}

export class Linker {
  private readonly outs: Out[];
  private readonly locals: Map<string, SymAddr>[];
  private readonly globals = new Map<string, SymAddr>();

  constructor(private readonly objects: readonly ObjectFile[], private readonly opts: LinkOptions) {
    this.outs = assign(objects, [...(opts.layout ?? defaultLayout(opts))]);
    place(this.outs);
    this.locals = objects.map(() => new Map());
    objects.forEach((o, obj) => o.symbols.forEach((sym) => this.define(obj, sym)));
  }

  private placedOf(obj: number, section: string): Placed | undefined {
    for (const out of this.outs) for (const p of out.inputs) if (p.obj === obj && p.sec.name === section) return p;
    return undefined;
  }

  private outOf(p: Placed): Out | undefined {
    return this.outs.find((o) => o.inputs.includes(p));
  }

  private define(obj: number, sym: ObjSymbol): void {
    let a: SymAddr;
    if (sym.section === undefined) a = { sym, obj, address: sym.value };
    else {
      const p = this.placedOf(obj, sym.section);
      a = { sym, obj, address: (p?.address ?? 0) + sym.value, out: p ? this.outOf(p) : undefined };
    }
    if (!sym.global) {
      this.locals[obj].set(sym.name, a);
      return;
    }
    const prev = this.globals.get(sym.name);
    if (prev) {
      throw new RvnError(`${formatLocation(sym.origin.at)}: duplicate symbol '${sym.name}' (first defined at ${formatLocation(prev.sym.origin.at)})`);
    }
    this.globals.set(sym.name, a);
  }

  private resolve(obj: number, name: string, where: string): number {
    const a = this.locals[obj].get(name) ?? this.globals.get(name);
    if (a === undefined) throw new RvnError(`${where}: undefined symbol '${name}'`);
    return a.address;
  }

  link(): LinkedImage {
    const pending: RelocSite[] = [];
    const hiByAddress = new Map<number, number>();
    for (const out of this.outs) {
      for (const p of out.inputs) {
        const file = this.objects[p.obj].fileName;
        for (const r of p.sec.relocs) {
          const where = formatLocation(r.origin.at);
          if (out.kind === 'bss') throw new RvnError(`${where}: relocation in a bss section`);
          const site: RelocSite = {
            bytes: out.bytes, offset: p.at + r.offset, pc: p.address + r.offset, type: r.type,
            value: this.resolve(p.obj, r.symbol, where) + r.addend, where, symbol: r.symbol,
          };
          if (r.type === 'PCREL_HI20') hiByAddress.set(site.pc, site.value - site.pc);
          pending.push(site);
        }
      }
    }
    for (const s of pending) {
      if (s.type === 'PCREL_LO12_I' || s.type === 'PCREL_LO12_S') {
        const hi = hiByAddress.get(s.value);
        if (hi === undefined) throw new RvnError(`${s.where}: %pcrel_lo('${s.symbol}') does not point at a %pcrel_hi`);
        applyReloc({ ...s, hiOffset: hi });
      } else applyReloc(s);
    }
    const entryName = this.opts.entry ?? '_start';
    const entry = this.globals.get(entryName) ?? this.locals.map((m) => m.get(entryName)).find((a) => a !== undefined);
    if (entry === undefined) throw new RvnError(`entry symbol '${entryName}' is not defined`);
    return { entry: entry.address, sections: this.sections(), symbols: this.symbols(), rvc: this.objects.some((o) => o.rvc) };
  }

  private sections(): LinkedSection[] {
    // Empty output sections are dropped, but their placement still moved the location counter
    // (as `. = ALIGN(0x1000)` does in a GNU linker script even when .data is empty).
    return this.outs.filter((o) => o.size > 0)
      .map((o) => ({ name: o.spec.name, kind: o.kind, address: o.address, align: o.align, bytes: o.bytes, size: o.size }));
  }

  private symbols(): LinkedSymbol[] {
    const out: LinkedSymbol[] = [];
    const add = (a: SymAddr): void => {
      if (a.sym.name.startsWith('.L')) return;
      out.push({ name: a.sym.name, address: a.address, section: a.out?.spec.name, global: a.sym.global, type: a.sym.type, size: a.sym.size ?? 0 });
    };
    this.locals.forEach((m) => m.forEach(add));
    this.globals.forEach(add);
    return out;
  }
}

/** Links objects into an image. Errors are RvnError naming the symbol and file:line. */
export function link(objects: readonly ObjectFile[], options: LinkOptions = {}): LinkedImage {
  return new Linker(objects, options).link();
}
