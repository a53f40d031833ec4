/**
 * The UINTR `uipi` instruction (uintr.md §2). The hart decides whether an operation happens
 * (enables, the sender-table entry, ranges); the UINTC behind UintcPort holds receiver state.
 * Every disabled, invalid or unknown case does nothing, never traps, and writes rd ← 0.
 */
import { Op } from '../isa/opcodes';
import { Slot } from '../csr/csrfile';
import type { Hart } from './hart';

/** Executes uipi operation `op` with rs1 = ah:a; writes rd (32 = none). */
export function execUipi(h: Hart, op: number, rd: number, a: number, ah: number): void {
  const csr = h.csr;
  const port = h.uintc;
  const t = h.t;
  let outLo = 0;
  let outHi = 0;
  if (port !== undefined) {
    const suirsOn = csr.hi(Slot.suirs) < 0; // bit 63
    const index = csr.lo(Slot.suirs) & 0xffff;
    switch (op) {
      case Op.UIPI_SEND:
        if (send(h, a, ah)) h.uipiSends++;
        break;
      case Op.UIPI_READ:
        if (suirsOn) {
          port.readAndClear(index, t);
          outLo = t[0];
          outHi = t[1];
        }
        break;
      case Op.UIPI_WRITE:
        if (suirsOn) port.orPending(index, a, ah);
        break;
      case Op.UIPI_ACTIVATE:
        if (suirsOn) port.setActive(index, true);
        break;
      case Op.UIPI_DEACTIVATE:
        if (suirsOn) port.setActive(index, false);
        break;
    }
  }
  h.xl[rd] = outLo;
  h.xh[rd] = outHi;
}

/** SEND: reads UIST entry [ah:a] (physical) and forwards it; true when something was sent. */
function send(h: Hart, a: number, ah: number): boolean {
  const csr = h.csr;
  const hi = csr.hi(Slot.suist);
  if (hi >= 0) return false; // suist.enable (bit 63) clear
  const entries = ((hi >>> 12) & 0xfff) * 512; // size in 4 KiB pages · 512 entries
  if (ah !== 0 || a >>> 0 >= entries) return false;
  const ppn = (hi & 0xfff) * 4294967296 + (csr.lo(Slot.suist) >>> 0);
  const t = h.t;
  if (!h.bus.load(ppn * 4096 + 8 * (a >>> 0), 8, t)) return false;
  if ((t[0] & 1) === 0) return false; // entry not valid
  const vector = (t[0] >>> 16) & 0xffff;
  const receiver = (t[1] >>> 16) & 0xffff;
  (h.uintc as NonNullable<Hart['uintc']>).send(receiver, vector);
  return true;
}
