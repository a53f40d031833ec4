/**
 * Building bootable images from guest sources: the firmware (rvn-fw), the kernel, and a
 * system's programs, composed into ELF files by the system description (check.ts), the layout
 * (layout.ts) and the boot information (bootinfo.ts). Everything is computed from the source
 * texts, so the same sources give the same bytes.
 *
 *   image    rvn-fw + kernel + programs: boots on rvn by itself (and on `qemu -bios none`)
 *   payload  kernel + programs, entry 0x80200000: the S-mode payload for OpenSBI's fw_jump
 *            (`rvn run fw_jump.bin --load payload.elf`, `qemu -bios default -kernel payload.elf`)
 */
import { assemble } from '../../asm/assembler';
import type { ObjectFile } from '../../asm/object';
import { writeElf } from '../../elf/writer';
import { RvnError } from '../../errors';
import { compileGuest } from '../../gtsc/index';
import type { LinkedImage, LinkedSection, LinkedSymbol } from '../../elf/image';
import type { OutputSectionSpec } from '../../link/layout';
import { link } from '../../link/linker';
import { serialize } from './bootinfo';
import { checkDescription, type SystemModel } from './check';
import { FIRMWARE_BASE, KERNEL_BASE, imageStart, placeBootInfo, planSystem, windowOf, type Plan } from './layout';
import { parseDescription, Problems } from './parse';
import { guestModules, source, type SourceText, type SourceTree } from './sources';
import { generateSyscallFiles } from './syscalls';

/** The guest sources of each part (paths in the source tree). */
export const FIRMWARE = { ts: ['firmware/src/sbi.ts'], asm: ['firmware/src/entry.S'] } as const;
export const KERNEL = { ts: ['src/os/kernel/boot.ts'], asm: ['src/os/kernel/entry.S', 'src/os/lib/sbi-call.S'] } as const;
export const USER_ASM = ['src/os/user/sys.gen.S', 'src/os/user/uintr-entry.S', 'src/os/runtime/uintr-entry.S'] as const;

export interface BuiltSystem {
  readonly name: string;
  readonly model: SystemModel;
  readonly image: Uint8Array;
  readonly payload: Uint8Array;
}

/** The source tree with the syscall table's generated files (always current). */
export function withGenerated(tree: SourceTree): SourceTree {
  const out = new Map(tree);
  for (const [path, text] of generateSyscallFiles()) out.set(path, text);
  return out;
}

function objects(tree: SourceTree, ts: readonly string[], asm: readonly string[]): ObjectFile[] {
  const compiled = ts.length > 0 ? compileGuest(guestModules(tree, ts)).asm : [];
  const asmSources: SourceText[] = asm.map((p) => source(tree, p));
  return [...asmSources, ...compiled].map((s) => assemble(s.text, s.name));
}

export function buildFirmware(tree: SourceTree): LinkedImage {
  const image = link(objects(tree, FIRMWARE.ts, FIRMWARE.asm), { text: FIRMWARE_BASE });
  const end = Math.max(...image.sections.map((s) => s.address + s.size));
  if (end > KERNEL_BASE) throw new RvnError(`the firmware ends at 0x${end.toString(16)}, past the kernel's 0x${KERNEL_BASE.toString(16)}`);
  return image;
}

export function buildKernel(tree: SourceTree): LinkedImage {
  return link(objects(tree, KERNEL.ts, KERNEL.asm), { text: KERNEL_BASE });
}

/** A user program's placement: text at the window's base + 4 KiB, each kind on its own pages. */
function userLayout(window: number): OutputSectionSpec[] {
  return [
    { name: '.text', inputs: ['.text.init', '.text', '.text.*'], address: imageStart(window), kind: 'text' },
    { name: '.rodata', inputs: ['.rodata', '.rodata.*', '.srodata', '.srodata.*'], alignTo: 0x1000, kind: 'rodata' },
    { name: '.data', inputs: ['.data', '.data.*', '.sdata', '.sdata.*'], alignTo: 0x1000, kind: 'data' },
    { name: '.bss', inputs: ['.bss', '.bss.*', '.sbss', '.sbss.*'], kind: 'bss' },
  ];
}

function buildProgram(tree: SourceTree, m: SystemModel, k: number): LinkedImage {
  const space = m.spaces[k];
  const problems = new Problems();
  for (const p of space.programs) if (!tree.has(p.name)) problems.add(p.pos, `no such program module: ${p.name}`);
  problems.throwIfAny();
  return link(objects(tree, space.programs.map((p) => p.name), USER_ASM), { layout: userLayout(windowOf(k)), entry: '__thread_exit' });
}

function end(image: LinkedImage): number {
  return Math.max(...image.sections.map((s) => s.address + s.size));
}

/** Writes u64 value into the image's initialised data at the symbol's address. */
function patch(image: LinkedImage, symbol: string, value: number, what: () => string): LinkedImage {
  const sym = image.symbols.find((s) => s.name === symbol && s.global) ?? image.symbols.find((s) => s.name === symbol);
  if (sym === undefined) throw new RvnError(`${what()}: no variable '${symbol}'`);
  const sec = image.sections.find((s) => sym.address >= s.address && sym.address + 8 <= s.address + s.size);
  if (sec === undefined || sec.kind !== 'data') {
    throw new RvnError(`${what()}: '${symbol}' must be a u64 variable with a non-zero initial value (so that it lives in .data)`);
  }
  const bytes = sec.bytes.slice();
  new DataView(bytes.buffer).setBigUint64(sym.address - sec.address, BigInt(value), true);
  return { ...image, sections: image.sections.map((s) => (s === sec ? { ...s, bytes } : s)) };
}

/** Renames an image's sections (prefix) and optionally gives them load addresses. */
function relabel(image: LinkedImage, prefix: string, loadAddress?: (s: LinkedSection) => number): { sections: LinkedSection[]; symbols: LinkedSymbol[] } {
  const name = (n: string): string => (prefix === '' ? n : `${prefix}${n}`);
  return {
    sections: image.sections.map((s) => ({ ...s, name: name(s.name), loadAddress: loadAddress?.(s) })),
    symbols: image.symbols.map((s) => ({ ...s, section: s.section === undefined ? undefined : name(s.section) })),
  };
}

function compose(parts: { sections: LinkedSection[]; symbols: LinkedSymbol[] }[], entry: number): Uint8Array {
  return writeElf({
    entry,
    sections: parts.flatMap((p) => p.sections),
    symbols: parts.flatMap((p) => p.symbols),
    rvc: true,
  });
}

/** The system's name: its description file's name without directory and extension. */
export function systemName(descPath: string): string {
  return descPath.replace(/^.*\//, '').replace(/\.ts$/, '');
}

/** Builds the system described by descPath (a path in the tree). */
export function buildSystem(sources: SourceTree, descPath: string, parts?: { kernel: LinkedImage; firmware: LinkedImage }): BuiltSystem {
  const tree = withGenerated(sources);
  const model = checkDescription(descPath, parseDescription(descPath, source(tree, descPath).text));
  const kernel0 = parts?.kernel ?? buildKernel(tree);
  const firmware = parts?.firmware ?? buildFirmware(tree);
  let programs = model.spaces.map((_, k) => buildProgram(tree, model, k));
  const plan: Plan = planSystem(model, programs, end(kernel0));
  const info = serialize(model, plan);
  placeBootInfo(plan, info.length);
  const bootInfo = serialize(model, plan); // freeStart is known now; the size is the same
  const kernel = patch(kernel0, 'boot_info_addr', plan.bootInfo, () => 'the kernel');
  programs = programs.map((img, k) =>
    plan.spaces[k].setvars.reduce((acc, sv) => patch(acc, sv.symbol, sv.value, () => `${sv.pos.file}:${sv.pos.line}:${sv.pos.col}`), img),
  );
  const infoPart = {
    sections: [{ name: '.bootinfo', kind: 'rodata' as const, address: plan.bootInfo, align: 8, bytes: bootInfo, size: bootInfo.length }],
    symbols: [{ name: 'boot_info', address: plan.bootInfo, section: '.bootinfo', global: true, type: 'object' as const, size: bootInfo.length }],
  };
  const userParts = programs.map((img, k) => {
    const loads = new Map(plan.spaces[k].loads.map((l) => [l.section.name, l.pa]));
    return relabel(img, `.${model.spaces[k].name}`, (s) => loads.get(s.name)!);
  });
  const kernelPart = relabel(kernel, '');
  const name = systemName(descPath);
  return {
    name,
    model,
    image: compose([relabel(firmware, '.fw'), kernelPart, infoPart, ...userParts], firmware.entry),
    payload: compose([kernelPart, infoPart, ...userParts], kernel.entry),
  };
}
