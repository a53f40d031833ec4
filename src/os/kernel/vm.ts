/**
 * Address spaces (Sv39): the kernel's identity mappings shared by every root table, each
 * space's user window built from the mappings of the system description, the frame allocator
 * behind them, and the checks that user pointers are the caller's own memory.
 */
import { Ptr, cstr, csr_write, store64, u64, load64 } from '../../gtsc/guest';
import { panic } from './console';
import { PAGE_SIZE, RAM_BASE } from './memlayout';
import { Space } from './objects';
import { PTE_A, PTE_D, PTE_G, PTE_R, PTE_U, PTE_V, PTE_W, PTE_X, SATP_SV39 } from './riscv';

const GIGA = 0x40000000;
const MEGA2 = 0x200000;

// ---- frames: a bump allocator over [next, end), stepping over one reserved range (the DTB)
let frameNext: u64 = 0;
let frameEnd: u64 = 0;
let reservedStart: u64 = 0;
let reservedEnd: u64 = 0;

export function framesInit(start: u64, end: u64, resStart: u64, resEnd: u64): void {
  frameNext = start;
  frameEnd = end;
  reservedStart = resStart & ~(PAGE_SIZE - 1);
  reservedEnd = (resEnd + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
}

/** A zeroed 4 KiB frame (physical = kernel virtual address). */
export function allocFrame(): u64 {
  if (frameNext >= reservedStart && frameNext < reservedEnd) frameNext = reservedEnd;
  if (frameNext + PAGE_SIZE > frameEnd) panic(cstr('out of memory for page tables'));
  const f = frameNext;
  frameNext += PAGE_SIZE;
  zeroRange(f, f + PAGE_SIZE);
  return f;
}

/** Zeroes [start, end) (page-aligned: eight doublewords per step). */
export function zeroRange(start: u64, end: u64): void {
  for (let a = start; a < end; a += 64) {
    store64(a, 0);
    store64(a + 8, 0);
    store64(a + 16, 0);
    store64(a + 24, 0);
    store64(a + 32, 0);
    store64(a + 40, 0);
    store64(a + 48, 0);
    store64(a + 56, 0);
  }
}

// ---- page tables
function pteOf(pa: u64, flags: u64): u64 {
  return ((pa >>> 12) << 10) | flags | PTE_V;
}

/** The next-level table under entry `index` of `table`, made if absent. */
function subTable(table: u64, index: u64): u64 {
  const e = load64(table + 8 * index);
  if ((e & PTE_V) !== 0) return (e >>> 10) << 12;
  const t = allocFrame();
  store64(table + 8 * index, pteOf(t, 0));
  return t;
}

function mapPage(root: u64, va: u64, pa: u64, flags: u64): void {
  const l1 = subTable(root, (va >>> 30) & 511);
  const l0 = subTable(l1, (va >>> 21) & 511);
  store64(l0 + 8 * ((va >>> 12) & 511), pteOf(pa, flags | PTE_A | PTE_D));
}

/**
 * The kernel's part of every root table: gigapage 0 (devices, read/write) and the gigapages
 * holding RAM (read/write/execute), all global and S-only. The user windows sit in gigapage 1.
 */
export function mapKernel(root: u64, ramEnd: u64): void {
  store64(root, pteOf(0, PTE_R | PTE_W | PTE_G | PTE_A | PTE_D));
  for (let g = RAM_BASE; g < ramEnd; g += GIGA) {
    store64(root + 8 * (g / GIGA), pteOf(g, PTE_R | PTE_W | PTE_X | PTE_G | PTE_A | PTE_D));
  }
}

/** Builds a space's root table from its mappings; returns its satp (ASID = index + 1). */
export function buildSpace(s: Ptr<Space>, index: u64, ramEnd: u64): void {
  const root = allocFrame();
  mapKernel(root, ramEnd);
  for (let i = 0; i < s.nmaps; i++) {
    const m = s.maps[i];
    for (let off = 0; off < m.size; off += PAGE_SIZE) mapPage(root, m.va + off, m.pa + off, m.flags | PTE_U);
  }
  s.satp = SATP_SV39 | ((index + 1) << 44) | (root >>> 12);
}

/** The kernel-only table idle harts run on (ASID 0). */
export function kernelSatp(ramEnd: u64): u64 {
  const root = allocFrame();
  mapKernel(root, ramEnd);
  return SATP_SV39 | (root >>> 12);
}

export function switchSpace(satp: u64): void {
  csr_write('satp', satp);
}

/**
 * The physical address of [va, va + len) in space s when all of it lies in one mapping that
 * allows `flags` (PTE_R / PTE_W), or 0. A pointer into the kernel or into another space's
 * window is in none of s's mappings.
 */
export function userRange(s: Ptr<Space>, va: u64, len: u64, flags: u64): u64 {
  if (len === 0 || va + len < va) return 0;
  for (let i = 0; i < s.nmaps; i++) {
    const m = s.maps[i];
    if (va >= m.va && va + len <= m.va + m.size && (m.flags & flags) === flags) return m.pa + (va - m.va);
  }
  return 0;
}

