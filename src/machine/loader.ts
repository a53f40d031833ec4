/**
 * Putting images into guest memory: ELF executables (segments at their physical addresses,
 * as Spike and QEMU do for bare-metal images) and raw binaries (at a given address). Every
 * byte must land in RAM: an image that does not fit is a one-line RvnError naming the range.
 */
import { RvnError } from '../errors';
import { findSymbol, readElf } from '../elf/reader';
import type { ElfImage } from '../elf/reader';
import type { Bus } from '../memory/bus';

export interface LoadedImage {
  /** Where execution should start. */
  entry: number;
  /** The parsed ELF (undefined for a raw binary): symbols for HTIF, traces and profiles. */
  elf?: ElfImage;
  /** Physical addresses of the HTIF words, when the ELF defines `tohost` (and `fromhost`). */
  tohost?: number;
  fromhost?: number;
}

const hex = (v: number): string => '0x' + v.toString(16);

export function isElf(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
}

function checkInRam(bus: Bus, addr: number, size: number, what: string): void {
  if (size === 0) return;
  if (!bus.isRam(addr, size)) {
    const r = bus.ram;
    // A bigger RAM helps only an image that starts in RAM and runs past its end.
    const hint = addr >= r.base ? 'use --mem to enlarge RAM or relink the image' : `link or load it at ${hex(r.base)} or above`;
    throw new RvnError(`${what} at ${hex(addr)}..${hex(addr + size)} lies outside RAM (${hex(r.base)}..${hex(r.base + r.size)}); ${hint}`);
  }
}

/** Loads an ELF executable's PT_LOAD segments. `name` is used in error messages. */
export function loadElf(bus: Bus, bytes: Uint8Array, name: string): LoadedImage {
  const elf = readElf(bytes);
  if (elf.segments.length === 0) throw new RvnError(`${name}: the ELF has no loadable segment`);
  for (const seg of elf.segments) {
    checkInRam(bus, seg.paddr, seg.memsz, `${name}: segment ${seg.index}`);
    bus.writeBytes(seg.paddr, seg.bytes);
    if (seg.memsz > seg.filesz) bus.writeBytes(seg.paddr + seg.filesz, new Uint8Array(seg.memsz - seg.filesz));
  }
  const tohost = findSymbol(elf, 'tohost');
  const fromhost = findSymbol(elf, 'fromhost');
  return {
    entry: elf.entry,
    elf,
    tohost: tohost?.value,
    fromhost: fromhost?.value ?? (tohost ? tohost.value + 64 : undefined),
  };
}

/** Loads raw bytes at `addr`. */
export function loadRaw(bus: Bus, bytes: Uint8Array, addr: number, name: string): LoadedImage {
  if (bytes.length === 0) throw new RvnError(`${name}: the file is empty`);
  checkInRam(bus, addr, bytes.length, name);
  bus.writeBytes(addr, bytes);
  return { entry: addr };
}

/** An ELF is loaded where it is linked; anything else is a raw binary at `rawAddr`. */
export function loadImage(bus: Bus, bytes: Uint8Array, name: string, rawAddr: number): LoadedImage {
  return isElf(bytes) ? loadElf(bus, bytes, name) : loadRaw(bus, bytes, rawAddr, name);
}
