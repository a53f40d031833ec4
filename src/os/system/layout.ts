/**
 * Where everything goes. Virtual: space k owns the window USER_BASE + k·64 MiB: the boot-info
 * page at its base, its program from base + 4 KiB (text, rodata, data, bss), then per thread a
 * guard page, the stack and the IPC buffer, then its shared regions and devices. Physical (see
 * the map in src/os/kernel/memlayout.ts): after the kernel the programs' frames, then the frames
 * the kernel zeroes at boot (the boot-info page, stacks, IPC buffers, regions), then the boot
 * information; the kernel's frame allocator starts after it.
 */
import type { LinkedImage, LinkedSection } from '../../elf/image';
import { PTE, type SystemModel } from './check';
import { Problems, type Pos } from './parse';

export const PAGE = 4096;
export const USER_BASE = 0x40000000;
export const USER_WINDOW = 0x4000000;
export const KERNEL_BASE = 0x80200000;
export const FIRMWARE_BASE = 0x80000000;

export const alignUp = (v: number, a = PAGE): number => Math.ceil(v / a) * a;
const alignDown = (v: number): number => Math.floor(v / PAGE) * PAGE;

export interface MapPlan {
  va: number;
  pa: number;
  size: number;
  flags: number;
}

export interface ThreadPlan {
  entry: number;
  exitPc: number;
  stackTop: number;
  ipcBufVa: number;
  ipcBufPa: number;
}

export interface SpacePlan {
  window: number;
  /** The program's sections with the physical address each is loaded at. */
  loads: { section: LinkedSection; pa: number }[];
  maps: MapPlan[];
  /** Program variables named by setvar (and setpaddr), and the value each gets. */
  setvars: { symbol: string; pos: Pos; value: number }[];
}

export interface Plan {
  /** Where the boot information goes (after the zero frames) and where free memory starts. */
  bootInfo: number;
  spaces: SpacePlan[];
  threads: ThreadPlan[];
  /** Dense capability tables: thread i's slots start at capsIndex[i]. */
  capsIndex: number[];
  capsCount: number[];
  zeroStart: number;
  zeroEnd: number;
  freeStart: number;
  userInfo: number;
}

/** R/W/X of a program section. */
function sectionFlags(s: LinkedSection): number {
  if (s.kind === 'text') return PTE.R | PTE.X;
  if (s.kind === 'rodata') return PTE.R;
  return PTE.R | PTE.W;
}

/** Page-granular mappings of a program image placed at physical `pa` (same page offsets). */
function imageMaps(image: LinkedImage, start: number, pa: number): MapPlan[] {
  const flagsOf = new Map<number, number>();
  for (const s of image.sections) {
    for (let p = alignDown(s.address); p < s.address + s.size; p += PAGE) flagsOf.set(p, (flagsOf.get(p) ?? 0) | sectionFlags(s));
  }
  const pages = [...flagsOf.keys()].sort((a, b) => a - b);
  const maps: MapPlan[] = [];
  for (const p of pages) {
    const flags = flagsOf.get(p)!;
    const last = maps[maps.length - 1];
    if (last && last.va + last.size === p && last.flags === flags) last.size += PAGE;
    else maps.push({ va: p, pa: pa + (p - start), size: PAGE, flags });
  }
  return maps;
}

export function imageStart(window: number): number {
  return window + PAGE;
}

export function windowOf(space: number): number {
  return USER_BASE + space * USER_WINDOW;
}

function symbolAddress(image: LinkedImage, name: string): number | undefined {
  return image.symbols.find((s) => s.name === name && s.global)?.address ?? image.symbols.find((s) => s.name === name)?.address;
}

/**
 * Lays the system out. `images[k]` is space k's program linked at imageStart(windowOf(k));
 * `kernelEnd` the first byte after the kernel. freeStart is left for placeBootInfo().
 */
export function planSystem(m: SystemModel, images: readonly LinkedImage[], kernelEnd: number): Plan {
  const problems = new Problems();
  let pa = alignUp(kernelEnd);
  const spaces: SpacePlan[] = m.spaces.map((s, k) => {
    const window = windowOf(k);
    const image = images[k];
    const start = imageStart(window);
    const end = Math.max(start, ...image.sections.map((x) => x.address + x.size));
    const base = pa;
    pa = alignUp(base + (end - start));
    return {
      window,
      loads: image.sections.map((section) => ({ section, pa: base + (section.address - start) })),
      maps: imageMaps(image, start, base),
      setvars: [],
    };
  });
  // frames the kernel zeroes
  const zeroStart = pa;
  const userInfo = pa;
  pa += PAGE;
  const cursor = spaces.map((s, k) => alignUp(Math.max(imageStart(s.window), ...images[k].sections.map((x) => x.address + x.size))));
  for (const s of spaces) s.maps.unshift({ va: s.window, pa: userInfo, size: PAGE, flags: PTE.R });
  const threads: ThreadPlan[] = m.threads.map((t) => {
    const s = spaces[t.space];
    const image = images[t.space];
    const entry = symbolAddress(image, t.entry.name);
    if (entry === undefined) problems.add(t.entry.pos, `no function '${t.entry.name}' in space '${m.spaces[t.space].name}'s program`);
    const stackVa = cursor[t.space] + PAGE; // a guard page below the stack
    const stackPa = pa;
    pa += t.stack;
    const ipcBufVa = stackVa + t.stack;
    const ipcBufPa = pa;
    pa += PAGE;
    cursor[t.space] = ipcBufVa + PAGE;
    s.maps.push({ va: stackVa, pa: stackPa, size: t.stack, flags: PTE.R | PTE.W });
    s.maps.push({ va: ipcBufVa, pa: ipcBufPa, size: PAGE, flags: PTE.R | PTE.W });
    return { entry: entry ?? 0, exitPc: symbolAddress(image, '__thread_exit') ?? 0, stackTop: stackVa + t.stack, ipcBufVa, ipcBufPa };
  });
  const regionPa = m.regions.map((r) => {
    const at = pa;
    pa += r.size;
    return at;
  });
  const zeroEnd = pa;
  m.spaces.forEach((sm, k) => {
    const s = spaces[k];
    for (const mp of sm.maps) {
      const size = mp.region !== undefined ? m.regions[mp.region].size : mp.device !== undefined ? m.devices[mp.device].size : 0;
      const phys = mp.region !== undefined ? regionPa[mp.region] : mp.device !== undefined ? m.devices[mp.device].paddr : 0;
      if (size === 0) continue;
      let va = mp.vaddr;
      if (va === undefined) {
        va = cursor[k];
        cursor[k] = alignUp(va + size);
      }
      if (va < s.window || va + size > s.window + USER_WINDOW) {
        problems.add(mp.pos, `the mapping at 0x${va.toString(16)} is outside space '${sm.name}''s window 0x${s.window.toString(16)}..0x${(s.window + USER_WINDOW).toString(16)}`);
        continue;
      }
      const clash = s.maps.find((o) => va! < o.va + o.size && o.va < va! + size);
      if (clash) {
        problems.add(mp.pos, `the mapping at 0x${va.toString(16)} overlaps another mapping of space '${sm.name}' (0x${clash.va.toString(16)}..0x${(clash.va + clash.size).toString(16)})`);
        continue;
      }
      s.maps.push({ va, pa: phys, size, flags: mp.flags });
      if (mp.setvar) s.setvars.push({ symbol: mp.setvar.name, pos: mp.setvar.pos, value: va });
      if (mp.setpaddr) s.setvars.push({ symbol: mp.setpaddr.name, pos: mp.setpaddr.pos, value: phys });
    }
    if (cursor[k] > s.window + USER_WINDOW) problems.add(sm.pos, `space '${sm.name}' needs more than its 64 MiB window`);
  });
  const capsIndex: number[] = [];
  const capsCount: number[] = [];
  let next = 0;
  for (const t of m.threads) {
    capsIndex.push(next);
    const n = t.caps.length === 0 ? 0 : Math.max(...t.caps.map((c) => c.slot)) + 1;
    capsCount.push(n);
    next += n;
  }
  problems.throwIfAny();
  return { bootInfo: alignUp(pa), spaces, threads, capsIndex, capsCount, zeroStart, zeroEnd, freeStart: alignUp(pa), userInfo };
}

/** Free memory starts after the boot information, whose size is only known once serialised. */
export function placeBootInfo(plan: Plan, bytes: number): void {
  plan.freeStart = alignUp(plan.bootInfo + bytes);
}
