/**
 * A small board for the uintr tests: RAM at 0x8000_0000, the UINTC at 0x02F1_0000, N harts,
 * one EventQueue. Programs are raw words (encode.ts) written to RAM.
 *
 * Layout used by every test:
 *   TRAMP   0x8000_0000  mret (enter(): mepc/MPP are set host-side, then this runs)
 *   MTRAP   0x8000_0100  M trap handler: `j .` (a test stops there and reads mcause...)
 *   STRAP   0x8000_0200  S trap handler: `j .`
 *   CODE    0x8000_1000  the test program (hart h at CODE + 0x1000·h)
 *   UTRAP   0x8000_8000  user handler (hart h at UTRAP + 0x1000·h), `j .` unless given
 *   UIST    0x8001_0000  sender table (one page per hart: UIST + 0x1000·h)
 *   DATA    0x8002_0000  scratch data
 */
import { Bus } from '../../src/memory/bus';
import { EventQueue } from '../../src/hw/events';
import type { MachineClock } from '../../src/hw/device';
import { Hart, Priv } from '../../src/cpu/hart';
import { Uintc, type UintcMode } from '../../src/uintc/uintc';
import { CSR, MRET, jal } from './encode';

export const RAM = 0x8000_0000;
export const TRAMP = RAM;
export const MTRAP = RAM + 0x100;
export const STRAP = RAM + 0x200;
export const CODE = RAM + 0x1000;
export const UTRAP = RAM + 0x8000;
export const UIST = RAM + 0x1_0000;
export const DATA = RAM + 0x2_0000;
export const UINTC_BASE = 0x02f1_0000;
export { Priv };

/** A `j .` word. */
export const SPIN = jal(0, 0);

export interface RigOptions {
  harts?: number;
  mode?: UintcMode;
  deliveryLatency?: number;
  misa?: string;
  uretOnlyInU?: boolean;
}

export function makeRig(opts: RigOptions = {}) {
  const n = opts.harts ?? 1;
  const bus = new Bus({ ramBase: RAM, ramSize: 1 << 20 });
  const events = new EventQueue();
  const harts: Hart[] = [];
  let current: Hart | undefined;
  const clock: MachineClock = {
    get now() {
      if (current !== undefined) return current.cycle;
      let t = 0;
      for (const h of harts) t = Math.max(t, h.cycle);
      return t;
    },
  };
  const uintc = new Uintc({
    harts: n,
    clock,
    events,
    irq: { setHartIrq: (h, bit, level) => harts[h]?.setHartIrq(bit, level) },
    latch: { latchUsip: (h) => { const hart = harts[h]; if (hart) hart.writeCsr(CSR.mip, hart.csr.mipSw | 1); } },
    mode: opts.mode,
    deliveryLatency: opts.deliveryLatency ?? 0,
  });
  bus.attach(UINTC_BASE, uintc);
  for (let id = 0; id < n; id++) {
    harts.push(new Hart({ hartId: id, bus, uintc, misaExtensions: opts.misa, uretLegalOnlyInU: opts.uretOnlyInU }));
  }

  const word = (addr: number, w: number) => bus.store(addr, 4, w | 0, 0);
  const words = (addr: number, ws: readonly number[]) => ws.forEach((w, i) => word(addr + 4 * i, w));
  const dword = (addr: number, lo: number, hi: number) => bus.store(addr, 8, lo | 0, hi | 0);
  const out = new Int32Array(2);
  const peek64 = (addr: number): [number, number] => {
    bus.load(addr, 8, out);
    return [out[0] >>> 0, out[1] >>> 0];
  };

  // Fixed handlers: each spins so the test can stop there and inspect.
  word(TRAMP, MRET);
  word(MTRAP, SPIN);
  word(STRAP, SPIN);
  for (let id = 0; id < n; id++) word(UTRAP + 0x1000 * id, SPIN);

  for (const h of harts) {
    h.reset(CODE + 0x1000 * h.hartId);
    h.writeCsr(CSR.mtvec, MTRAP);
    h.writeCsr(CSR.stvec, STRAP);
    h.writeCsr(CSR.utvec, UTRAP + 0x1000 * h.hartId);
  }

  /** Puts `program` at the hart's CODE and starts it there in privilege `priv` (via mret). */
  function start(h: Hart, program: readonly number[], priv: number = Priv.M) {
    const at = CODE + 0x1000 * h.hartId;
    words(at, program);
    if (priv === Priv.M) {
      h.pc = at;
      return;
    }
    const ms = h.readCsr(CSR.mstatus)?.[0] ?? 0;
    h.writeCsr(CSR.mstatus, (ms & ~(3 << 11)) | (priv << 11));
    h.writeCsr(CSR.mepc, at);
    h.pc = TRAMP;
  }

  /** Runs hart h for `n` instruction steps (interrupt entries count as a step). */
  function step(h: Hart, count = 1) {
    for (let k = 0; k < count; k++) {
      current = h;
      h.run(h.cycle + 1_000_000, 1);
      current = undefined;
      let horizon = Infinity;
      for (const o of harts) horizon = Math.min(horizon, o.cycle);
      events.runUntil(horizon);
    }
  }

  /** Runs until pc == target (or `max` steps); returns whether it got there. */
  function runTo(h: Hart, target: number, max = 200): boolean {
    for (let k = 0; k < max; k++) {
      if (h.pc === target) return true;
      step(h);
    }
    return h.pc === target;
  }

  /** Reads CSR as [lo, hi] unsigned (M privilege, host side). */
  function csr(h: Hart, num: number): [number, number] {
    const v = h.readCsr(num);
    if (v === undefined) throw new Error(`CSR 0x${num.toString(16)} not implemented`);
    return [v[0] >>> 0, v[1] >>> 0];
  }

  /** x[r] as [lo, hi] unsigned. */
  const reg = (h: Hart, r: number): [number, number] => [h.getXLo(r) >>> 0, h.getXHi(r) >>> 0];

  return { bus, events, harts, uintc, word, words, dword, peek64, start, step, runTo, csr, reg };
}

export type Rig = ReturnType<typeof makeRig>;
