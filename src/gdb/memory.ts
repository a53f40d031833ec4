/**
 * Memory as the debugger reaches it. Addresses are virtual, translated as the selected hart
 * would translate a load now (as QEMU's gdbstub does): physical when the hart is in M-mode or
 * satp is Bare, otherwise an Sv39 walk of its page tables. The walk is the debugger's own: it
 * reads the tables without touching the hart's TLB or the A/D bits, and ignores permissions
 * (a debugger may read a kernel page while the hart is in U-mode). In physical mode
 * (`monitor phys on`, or gdb's `maintenance packet Qqemu.PhyMemMode:1`) addresses are
 * physical. Only RAM and the boot ROM are reachable (reads) and RAM (writes): device
 * registers have side effects a debugger must not trigger.
 */
import type { Hart } from '../cpu/hart';
import { Csr } from '../csr/table';
import type { Bus } from '../memory/bus';

const TWO32 = 4294967296;
const PAGE = 4096;
const PTE_V = 1;
const PTE_R = 2;
const PTE_X = 8;

/** Physical address of virtual `va` for `hart`, or undefined when it is not mapped. */
export function debugTranslate(hart: Hart, bus: Bus, va: bigint, physical: boolean): number | undefined {
  const satp = hart.readCsr(Csr.satp);
  const sv39 = satp !== undefined && satp[1] >>> 28 === 8;
  if (physical || hart.priv === 3 || !sv39) return va < 2n ** 53n ? Number(va) : undefined;
  // Sv39: bits 63..39 must equal bit 38.
  const top = va >> 38n;
  if (top !== 0n && top !== (1n << 26n) - 1n) return undefined;
  const v = Number(va & ((1n << 39n) - 1n));
  let table = ((satp![1] & 0xfff) * TWO32 + (satp![0] >>> 0)) * PAGE;
  for (let level = 2; level >= 0; level--) {
    const vpn = Math.floor(v / 2 ** (12 + 9 * level)) % 512;
    const pte = readPte(bus, table + vpn * 8);
    if (pte === undefined || (pte.lo & PTE_V) === 0) return undefined;
    const ppn = pte.hi % (1 << 22) * 2 ** 22 + (pte.lo >>> 10);
    if ((pte.lo & (PTE_R | PTE_X)) !== 0) {
      // A leaf (a superpage above level 0): the low 12 + 9·level bits come from va.
      const span = 2 ** (12 + 9 * level);
      return Math.floor(ppn * PAGE / span) * span + (v % span);
    }
    table = ppn * PAGE;
  }
  return undefined;
}

function readPte(bus: Bus, pa: number): { lo: number; hi: number } | undefined {
  if (!bus.isRam(pa, 8)) return undefined;
  const b = bus.readBytes(pa, 8);
  return { lo: (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0, hi: (b[4] | (b[5] << 8) | (b[6] << 16) | (b[7] << 24)) >>> 0 };
}

/**
 * Reads `length` bytes at virtual `addr` page by page (pages may map anywhere). Returns the
 * bytes read before the first unreachable one (gdb accepts a short read), undefined if none.
 */
export function readMemory(hart: Hart, bus: Bus, addr: bigint, length: number, physical: boolean): Uint8Array | undefined {
  const out = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const va = addr + BigInt(done);
    const pa = debugTranslate(hart, bus, va, physical);
    const chunk = Math.min(length - done, PAGE - Number(va % BigInt(PAGE)));
    if (pa === undefined || !bus.isFetchable(pa, chunk)) break;
    out.set(bus.readBytes(pa, chunk), done);
    done += chunk;
  }
  return done === 0 && length > 0 ? undefined : out.subarray(0, done);
}

/** Writes bytes at virtual `addr`; false (nothing written) if any byte is not in RAM. */
export function writeMemory(hart: Hart, bus: Bus, addr: bigint, data: Uint8Array, physical: boolean): boolean {
  const pieces: { pa: number; from: number; to: number }[] = [];
  for (let done = 0; done < data.length;) {
    const va = addr + BigInt(done);
    const pa = debugTranslate(hart, bus, va, physical);
    const chunk = Math.min(data.length - done, PAGE - Number(va % BigInt(PAGE)));
    if (pa === undefined || !bus.isRam(pa, chunk)) return false;
    pieces.push({ pa, from: done, to: done + chunk });
    done += chunk;
  }
  // Bus.writeBytes drops decoded code of the pages written, as a store would.
  for (const p of pieces) bus.writeBytes(p.pa, data.subarray(p.from, p.to));
  return true;
}
