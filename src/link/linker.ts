/**
 * The linker: places the objects' sections by a linker script (layout.ts; rvn's default
 * placement when none is given), relaxes code as GNU ld does (relax.ts: always the alignment
 * pass, the shortening pass with `relax`), defines symbol addresses, resolves relocations
 * (relocate.ts) and merges the RISC-V attributes. Undefined and duplicate symbols and range
 * errors are reported together, each with the source place of the instruction or definition.
 */
import { RvnError } from '../errors';
import { DiagnosticSink, formatLocation, NOWHERE } from '../asm/diagnostics';
import type { ObjectFile, RiscvAttributes, SymbolType } from '../asm/object';
import type { Origin } from '../asm/source';
import { archAttribute, parseMarch } from '../asm/target';
import type { LinkedImage, LinkedSection, LinkedSymbol } from '../elf/image';
import { computeLayout, defaultLayout, defaultScript, specsToCommands, type BeforeInput, type InputSection, type Layout, type LinkOptions, type OutSection } from './layout';
import { relaxSections, type LinkReloc, type MovableSymbol, type SymbolRef } from './relax';
import { applyReloc, type RelocSite } from './relocate';
import { parseLinkerScript, type LinkerScript } from './script';
import { linkDebugSections } from './debug';

/** A defined symbol as the link works on it (relaxation moves value and size). */
interface LinkSym extends MovableSymbol {
  readonly name: string;
  readonly obj: number;
  readonly global: boolean;
  readonly weak: boolean;
  readonly type: SymbolType;
  readonly origin: Origin;
}

/** GNU ld's rule for a global defined twice: a strong definition wins over a weak one. */
function stronger(a: LinkSym, b: LinkSym): LinkSym | undefined {
  if (a.weak && !b.weak) return b;
  if (!a.weak) return b.weak ? a : undefined;
  return a;
}

function mergeAttributes(objects: readonly ObjectFile[]): RiscvAttributes | undefined {
  const withAttrs = objects.filter((o) => o.attributes !== undefined);
  if (withAttrs.length === 0) return undefined;
  const exts = new Set<string>();
  for (const o of withAttrs) for (const e of parseMarch(o.attributes!.arch.replace(/\d+p\d+/g, ''))) exts.add(e);
  const first = withAttrs[0].attributes!.privSpec;
  const other = withAttrs.find((o) => o.attributes!.privSpec.join('.') !== first.join('.'));
  if (other !== undefined) {
    throw new RvnError(`${other.fileName}: privileged spec version ${other.attributes!.privSpec.join('.')} conflicts with ${withAttrs[0].fileName}'s ${first.join('.')}`);
  }
  return { arch: archAttribute(exts), privSpec: first };
}

function checkAbi(objects: readonly ObjectFile[]): ObjectFile['abi'] {
  const first = objects.find((o) => o.abi !== undefined);
  const other = objects.find((o) => o.abi !== undefined && o.abi !== first?.abi);
  if (first !== undefined && other !== undefined) {
    throw new RvnError(`${other.fileName}: can't link ${other.abi} code with ${first.abi} code (${first.fileName})`);
  }
  return first?.abi;
}

export class Linker {
  private readonly inputs: InputSection[] = [];
  private readonly inputOf: Map<string, InputSection>[];
  private readonly locals: Map<string, LinkSym>[];
  private readonly globals = new Map<string, LinkSym>();
  private readonly bySection = new Map<InputSection, LinkSym[]>();
  private readonly weakUndefined = new Set<string>();
  private readonly sink = new DiagnosticSink();
  private readonly script: LinkerScript;
  private layout!: Layout;

  constructor(private readonly objects: readonly ObjectFile[], private readonly opts: LinkOptions) {
    this.inputOf = objects.map(() => new Map());
    objects.forEach((o, obj) => {
      for (const s of o.sections.filter((x) => x.alloc)) {
        const inp: InputSection = { obj, file: o.fileName, name: s.name, kind: s.kind, align: s.align, size: s.size, bytes: s.bytes.slice(), relocs: [...s.relocs] };
        this.inputs.push(inp);
        this.inputOf[obj].set(s.name, inp);
      }
    });
    this.script = this.loadScript();
    this.locals = objects.map(() => new Map());
    objects.forEach((o, obj) => o.symbols.forEach((sym) => this.define({
      name: sym.name, obj, global: sym.global, weak: sym.weak ?? false, type: sym.type, origin: sym.origin,
      value: sym.value, size: sym.size ?? 0, section: sym.section === undefined ? undefined : this.inputOf[obj].get(sym.section),
    })));
    for (const o of objects) for (const w of o.weakExterns ?? []) if (!this.globals.has(w)) this.weakUndefined.add(w);
    this.sink.throwIfErrors();
  }

  private loadScript(): LinkerScript {
    const s = this.opts.script;
    if (s === undefined) return defaultScript(this.opts);
    const parsed = parseLinkerScript(s.text, s.name);
    if (parsed.hasSections) return parsed;
    // A script without SECTIONS (only ENTRY, MEMORY or symbols) keeps rvn's placement.
    return { ...parsed, commands: [...parsed.commands, ...specsToCommands(defaultLayout(this.opts))] };
  }

  private define(sym: LinkSym): void {
    if (sym.section !== undefined) {
      const list = this.bySection.get(sym.section) ?? [];
      list.push(sym);
      this.bySection.set(sym.section, list);
    }
    if (!sym.global) {
      this.locals[sym.obj].set(sym.name, sym);
      return;
    }
    const prev = this.globals.get(sym.name);
    if (prev === undefined) {
      this.globals.set(sym.name, sym);
      return;
    }
    const win = stronger(prev, sym);
    if (win === undefined) {
      this.sink.error(sym.origin.at, `duplicate symbol '${sym.name}' (first defined at ${formatLocation(prev.origin.at)})`, sym.origin.notes);
      return;
    }
    this.globals.set(sym.name, win);
  }

  private address(d: LinkSym, addressOf: (s: InputSection) => number | undefined = (s) => this.layout.addressOf.get(s)): number {
    if (d.section === undefined) return d.value;
    return (addressOf(d.section) ?? 0) + d.value;
  }

  private runLayout(before?: BeforeInput): void {
    this.layout = computeLayout(this.script, this.inputs, {
      objectSymbol: (name, addressOf) => {
        const d = this.globals.get(name);
        return d === undefined ? undefined : BigInt(this.address(d, addressOf));
      },
      isReferenced: (name) => !this.globals.has(name) && this.inputs.some((s) => s.relocs.some((r) => r.symbol === name)),
    }, before, this.layout);
  }

  private lookup(obj: number, name: string): LinkSym | undefined {
    return this.locals[obj]?.get(name) ?? this.globals.get(name);
  }

  /** The value of a relocation's symbol from object `obj`, or undefined if nothing defines it. */
  private resolve(obj: number, name: string, addressOf?: (s: InputSection) => number | undefined): number | undefined {
    const d = this.lookup(obj, name);
    if (d !== undefined) return this.address(d, addressOf);
    const s = this.layout.symbols.get(name);
    if (s !== undefined) return Number(s.value);
    if (this.weakUndefined.has(name)) return 0;
    return undefined;
  }

  private relax(): void {
    let addressOf: (s: InputSection) => number = (s) => this.layout.addressOf.get(s) ?? 0;
    const outputOf = (s: InputSection): OutSection | undefined => this.layout.outputOf.get(s);
    const maxAlign = (): number => Math.max(1, ...this.layout.sections.map((o) => o.align));
    relaxSections(this.inputs, {
      relax: this.opts.relax ?? false,
      walk: (visit) => this.runLayout((s, addr) => {
        addressOf = addr;
        visit(s);
      }),
      addressOf: (s) => addressOf(s),
      outputOf,
      maxAlignment: maxAlign,
      symbol: (s, name): SymbolRef | undefined => {
        const d = this.lookup(s.obj, name);
        if (d !== undefined) return { sym: d, value: this.address(d, addressOf), global: d.global, undefinedWeak: false };
        const v = this.layout.symbols.get(name);
        if (v !== undefined) return { value: Number(v.value), global: true, undefinedWeak: false };
        if (this.weakUndefined.has(name)) return { value: 0, global: true, undefinedWeak: true };
        return undefined;
      },
      symbolsIn: (s) => this.bySection.get(s) ?? [],
      rvc: (s) => this.objects[s.obj].rvc,
      gp: () => {
        const d = this.globals.get('__global_pointer$');
        if (d !== undefined) return { value: this.address(d, addressOf), output: d.section !== undefined ? outputOf(d.section)?.name : undefined };
        const v = this.layout.symbols.get('__global_pointer$');
        return { value: v !== undefined ? Number(v.value) : 0, output: v?.section };
      },
    });
  }

  link(): LinkedImage {
    this.runLayout();
    this.relax();
    const outs = this.layout.sections;
    const bytes = new Map(outs.map((o) => [o, this.contents(o)]));
    this.applyRelocations(bytes);
    const entryName = this.opts.entry ?? this.script.entry ?? '_start';
    const entry = this.globals.get(entryName) ?? this.locals.map((m) => m.get(entryName)).find((a) => a !== undefined);
    const scriptEntry = this.layout.symbols.get(entryName);
    if (entry === undefined && scriptEntry === undefined) this.sink.error(NOWHERE, `entry symbol '${entryName}' is not defined`);
    this.sink.throwIfErrors();
    const debug = linkDebugSections(this.objects, (obj, name) => this.resolve(obj, name));
    return {
      ...(debug.length > 0 ? { debug } : {}),
      entry: entry !== undefined ? this.address(entry) : Number(scriptEntry!.value),
      sections: this.sections(bytes),
      symbols: this.symbols(),
      rvc: this.objects.some((o) => o.rvc),
      attributes: mergeAttributes(this.objects),
      abi: checkAbi(this.objects),
    };
  }

  private contents(o: OutSection): Uint8Array {
    const b = new Uint8Array(o.kind === 'bss' ? 0 : o.size);
    if (o.kind === 'bss') return b;
    for (const p of o.inputs) if (p.input.kind !== 'bss') b.set(p.input.bytes.subarray(0, p.input.size), p.offset);
    for (const d of o.data) {
      for (let i = 0; i < d.width; i++) b[d.offset + i] = Number((BigInt.asUintN(64, d.value) >> BigInt(8 * i)) & 255n);
    }
    return b;
  }

  private applyRelocations(bytes: ReadonlyMap<OutSection, Uint8Array>): void {
    const pending: RelocSite[] = [];
    const hiByAddress = new Map<number, number>();
    const gp = this.resolve(-1, '__global_pointer$') ?? 0;
    for (const out of this.layout.sections) {
      const b = bytes.get(out)!;
      for (const p of out.inputs) {
        const base = out.address + p.offset;
        for (const r of p.input.relocs as unknown as LinkReloc[]) {
          if (r.type === 'ALIGN' || r.type === 'NONE' || r.type === 'DELETE') continue;
          if (out.kind === 'bss') {
            this.sink.error(r.origin.at, 'relocation in a bss section', r.origin.notes);
            continue;
          }
          const value = this.resolve(p.input.obj, r.symbol);
          const minus = r.minus !== undefined ? this.resolve(p.input.obj, r.minus) : 0;
          if (value === undefined || minus === undefined) {
            this.sink.error(r.origin.at, `undefined symbol '${value === undefined ? r.symbol : r.minus}'`, r.origin.notes);
            continue;
          }
          const site: RelocSite = {
            bytes: b, offset: p.offset + r.offset, pc: base + r.offset, type: r.type, value: value - minus + r.addend,
            where: formatLocation(r.origin.at), symbol: r.symbol, gp,
          };
          if (r.type === 'PCREL_HI20') hiByAddress.set(site.pc, site.value - site.pc);
          pending.push(site);
        }
      }
    }
    for (const s of pending) {
      try {
        if (s.type === 'PCREL_LO12_I' || s.type === 'PCREL_LO12_S') {
          const hi = hiByAddress.get(s.value);
          if (hi === undefined) throw new RvnError(`${s.where}: %pcrel_lo('${s.symbol}') does not point at a %pcrel_hi`);
          applyReloc({ ...s, hiOffset: hi });
        } else applyReloc(s);
      } catch (e) {
        if (!(e instanceof RvnError)) throw e;
        const m = /^(.*?):(\d+)(?::(\d+))?: (.*)$/s.exec(e.message);
        if (m) this.sink.error({ file: m[1], line: Number(m[2]), col: m[3] !== undefined ? Number(m[3]) : undefined }, m[4]);
        else this.sink.error(NOWHERE, e.message);
      }
    }
  }

  private sections(bytes: ReadonlyMap<OutSection, Uint8Array>): LinkedSection[] {
    // Empty output sections are dropped, but their placement still moved the location counter
    // (as `. = ALIGN(0x1000)` does in a GNU linker script even when .data is empty).
    return this.layout.sections.filter((o) => o.size > 0).map((o) => ({
      name: o.name, kind: o.kind, address: o.address, loadAddress: o.lma !== o.address ? o.lma : undefined, align: o.align, bytes: bytes.get(o)!, size: o.size,
    }));
  }

  private symbols(): LinkedSymbol[] {
    const out: LinkedSymbol[] = [];
    const outName = (d: LinkSym): string | undefined => (d.section === undefined ? undefined : this.layout.outputOf.get(d.section)?.name);
    const add = (d: LinkSym): void => {
      if (d.name.startsWith('.L')) return;
      out.push({ name: d.name, address: this.address(d), section: outName(d), global: d.global, weak: d.weak || undefined, type: d.type, size: d.size });
    };
    this.locals.forEach((m) => m.forEach(add));
    this.globals.forEach(add);
    for (const [name, s] of this.layout.symbols) {
      if (this.globals.has(name)) continue;
      out.push({ name, address: Number(s.value), section: s.section, global: true, type: 'notype', size: 0 });
    }
    return out;
  }
}

/** Links objects into an image. Errors are a SourceError naming each symbol and file:line:col. */
export function link(objects: readonly ObjectFile[], options: LinkOptions = {}): LinkedImage {
  return new Linker(objects, options).link();
}
