/**
 * Test helper: loads a static RV64 ELF (program headers only) into a bare bus + hart, finds
 * `tohost` in the symbol table, and runs until the guest writes tohost (HTIF convention of
 * riscv-tests: 1 = pass, (n << 1) | 1 = test n failed).
 */
import { Bus } from '../../src/memory/bus';
import { Hart } from '../../src/cpu/hart';

export interface ElfRun {
  /** 0 = pass, n = failing test number, -1 = no result within the budget. */
  result: number;
  instret: number;
  pc: number;
}

function u64(dv: DataView, off: number): number {
  return dv.getUint32(off + 4, true) * 4294967296 + dv.getUint32(off, true);
}

export function loadElf(bus: Bus, bytes: Uint8Array): { entry: number; symbols: Map<string, number> } {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entry = u64(dv, 0x18);
  const phoff = u64(dv, 0x20);
  const phentsize = dv.getUint16(0x36, true);
  const phnum = dv.getUint16(0x38, true);
  for (let i = 0; i < phnum; i++) {
    const p = phoff + i * phentsize;
    if (dv.getUint32(p, true) !== 1) continue; // PT_LOAD
    const off = u64(dv, p + 8);
    const paddr = u64(dv, p + 0x18);
    const filesz = u64(dv, p + 0x20);
    const memsz = u64(dv, p + 0x28);
    bus.writeBytes(paddr, bytes.subarray(off, off + filesz));
    if (memsz > filesz) bus.writeBytes(paddr + filesz, new Uint8Array(memsz - filesz));
  }
  const symbols = new Map<string, number>();
  const shoff = u64(dv, 0x28);
  const shentsize = dv.getUint16(0x3a, true);
  const shnum = dv.getUint16(0x3c, true);
  for (let i = 0; i < shnum; i++) {
    const s = shoff + i * shentsize;
    if (dv.getUint32(s + 4, true) !== 2) continue; // SHT_SYMTAB
    const symOff = u64(dv, s + 0x18);
    const symSize = u64(dv, s + 0x20);
    const strSec = shoff + dv.getUint32(s + 0x28, true) * shentsize;
    const strOff = u64(dv, strSec + 0x18);
    for (let o = symOff; o < symOff + symSize; o += 24) {
      const nameOff = dv.getUint32(o, true);
      let end = strOff + nameOff;
      while (bytes[end] !== 0) end++;
      const name = new TextDecoder().decode(bytes.subarray(strOff + nameOff, end));
      symbols.set(name, u64(dv, o + 8));
    }
  }
  return { entry, symbols };
}

export function runElf(bytes: Uint8Array, maxInsns = 5_000_000): ElfRun {
  const bus = new Bus({ ramSize: 16 * 1024 * 1024 });
  const { entry, symbols } = loadElf(bus, bytes);
  const hart = new Hart({ hartId: 0, bus });
  hart.reset(entry);
  let result = -1;
  const tohost = symbols.get('tohost');
  if (tohost !== undefined) {
    const w = new Int32Array(2);
    bus.watchRam(tohost, () => {
      bus.load(tohost, 8, w);
      if (w[0] !== 0 && (w[0] & 1) === 1) {
        result = (w[0] >>> 1) | (w[1] << 31);
        hart.requestStop();
      }
    });
  }
  let left = maxInsns;
  while (result < 0 && left > 0) {
    const before = hart.instret;
    hart.run(Infinity, Math.min(left, 100_000));
    left -= Math.max(hart.instret - before, 1);
    if (hart.sleeping) break;
  }
  return { result, instret: hart.instret, pc: hart.pc };
}
