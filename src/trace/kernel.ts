/**
 * The kernel's observability hints (src/os/kernel/hint.ts): `slti x0, rs1, 0x7e0 + kind`, a
 * RISC-V HINT (SLTI with rd = x0 is designated for custom use), so a no-op for the hart; the
 * kind is in the immediate and the value in rs1. This module decodes them for the profiler
 * (per-entry kernel cycles by system call and IPC path) and the timeline (threads per hart).
 * With no observer attached nobody looks at them.
 */
import type { CommitInfo, Hart, HartObserver } from '../cpu/hart';
import { SYSCALLS } from '../os/system/syscalls';

export const HintKind = { Thread: 0, Switch: 1, Syscall: 2, IpcPath: 3, Fault: 4, Irq: 5, Ipi: 6 } as const;
const HINT_BASE = 0x7e0;
const HINT_KINDS = 7;

/** IPC paths by the ipc-path hint's value (src/os/kernel/hint.ts PATH_*). */
export const IPC_PATHS: Readonly<Record<number, string>> = {
  1: 'call.fast', 2: 'replyrecv.fast', 3: 'call.slow', 4: 'replyrecv.slow', 5: 'call.cross', 6: 'replyrecv.cross',
};

const SYSCALL_NAMES = new Map(SYSCALLS.map((s) => [s.number, s.name]));

export function syscallName(n: number): string {
  return SYSCALL_NAMES.get(n) ?? `#${n}`;
}

/** The hint kind of an instruction word (0..6), or -1 when it is not a kernel hint. */
export function hintKind(word: number): number {
  // OP-IMM (0x13), funct3 = 010 (SLTI), rd = x0
  if ((word & 0x7fff) !== 0x2013) return -1;
  const k = (word >>> 20) - HINT_BASE;
  return k >= 0 && k < HINT_KINDS ? k : -1;
}

/** The hint's value: rs1 as an unsigned number (exact below 2^53). */
export function hintValue(hart: Hart, word: number): number {
  const r = (word >>> 15) & 31;
  return (hart.xh[r] >>> 0) * 4294967296 + (hart.xl[r] >>> 0);
}

const SRET = 0x10200073;

function readU64(hart: Hart, addr: number): number {
  const v = new DataView(hart.bus.readBytes(addr, 8).buffer);
  return v.getUint32(4, true) * 4294967296 + v.getUint32(0, true);
}

/** A NUL-terminated string in guest physical memory (at most 64 bytes), or undefined. */
function readCString(hart: Hart, addr: number): string | undefined {
  if (!hart.bus.isRam(addr, 1)) return undefined;
  let s = '';
  for (let i = 0; i < 64 && hart.bus.isRam(addr + i, 1); i++) {
    const c = hart.bus.readBytes(addr + i, 1)[0];
    if (c === 0) return s;
    s += String.fromCharCode(c);
  }
  return s;
}

/** Thread names the kernel announced (thread hints point at {u64 id; u64 name} records). */
export class ThreadNames {
  private readonly names = new Map<number, string>();

  learn(hart: Hart, record: number): void {
    if (!hart.bus.isRam(record, 16)) return;
    const name = readCString(hart, readU64(hart, record + 8));
    if (name !== undefined) this.names.set(readU64(hart, record), name);
  }

  name(id: number): string {
    return id === 0 ? 'idle' : this.names.get(id) ?? `thread ${id}`;
  }
}

/** Cycles spent in one kind of kernel entry. */
export interface KernelEntryStats {
  entry: string;
  count: number;
  cycles: number;
  min: number;
  max: number;
}

export interface HartKernelReport {
  hart: number;
  entries: KernelEntryStats[];
}

const INTERRUPTS: Readonly<Record<number, string>> = { 1: 'interrupt ipi', 5: 'interrupt timer', 9: 'interrupt external' };

class HartKernel {
  lastCycle = 0;
  inKernel = false;
  start = 0;
  label = '';
  readonly stats = new Map<string, KernelEntryStats>();

  constructor(hart: Hart) {
    this.lastCycle = hart.cycle;
  }

  close(now: number): void {
    const cycles = now - this.start;
    let s = this.stats.get(this.label);
    if (s === undefined) {
      s = { entry: this.label, count: 0, cycles: 0, min: Infinity, max: 0 };
      this.stats.set(this.label, s);
    }
    s.count++;
    s.cycles += cycles;
    s.min = Math.min(s.min, cycles);
    s.max = Math.max(s.max, cycles);
    this.inKernel = false;
  }
}

/**
 * Kernel entries, timed from the end of the last user instruction to the sret that returns to
 * user mode (the trap entry and the trapping ecall's own cost included), and named by what the
 * kernel said it did: the IPC path when it took one, else the system call, the interrupt, or
 * the fault. An entry that leaves for the idle loop ends at the switch to idle; leaving the
 * idle loop for a thread is an entry of its own ("resume from idle").
 */
export class KernelProfiler implements HartObserver {
  private readonly harts: HartKernel[] = [];
  readonly threads = new ThreadNames();

  attach(hart: Hart): void {
    this.harts[hart.hartId] = new HartKernel(hart);
  }

  commit(hart: Hart, c: Readonly<CommitInfo>): void {
    const h = this.harts[hart.hartId];
    if (h === undefined) return;
    const k = hintKind(c.word);
    if (k >= 0) this.hint(hart, h, k, hintValue(hart, c.word));
    else if (c.word === SRET && h.inKernel && hart.priv === 0) h.close(hart.cycle);
    h.lastCycle = hart.cycle;
  }

  private hint(hart: Hart, h: HartKernel, kind: number, value: number): void {
    if (kind === HintKind.Thread) this.threads.learn(hart, value);
    else if (kind === HintKind.Syscall && h.inKernel) h.label = `syscall ${syscallName(value)}`;
    else if (kind === HintKind.IpcPath && h.inKernel) h.label = `ipc ${IPC_PATHS[value] ?? value}`;
    else if (kind === HintKind.Switch) {
      if (value === 0 && h.inKernel) h.close(hart.cycle);
      else if (value !== 0 && !h.inKernel && hart.priv === 1) {
        h.inKernel = true;
        h.start = h.lastCycle;
        h.label = 'resume from idle';
      }
    }
  }

  trap(hart: Hart, isInterrupt: boolean, cause: number): void {
    const h = this.harts[hart.hartId];
    if (h === undefined) return;
    if (!h.inKernel && hart.priv === 1) {
      h.inKernel = true;
      h.start = h.lastCycle;
      h.label = isInterrupt ? INTERRUPTS[cause] ?? `interrupt ${cause}` : cause === 8 ? 'syscall' : 'fault';
    }
    h.lastCycle = hart.cycle;
  }

  report(harts: readonly Hart[]): HartKernelReport[] {
    const out: HartKernelReport[] = [];
    for (const hart of harts) {
      const h = this.harts[hart.hartId];
      if (h === undefined || h.stats.size === 0) continue;
      const entries = [...h.stats.values()].sort((a, b) => b.cycles - a.cycles || (a.entry < b.entry ? -1 : 1));
      out.push({ hart: hart.hartId, entries });
    }
    return out;
  }
}

/** The kernel-entry tables, one per hart that entered the kernel. */
export function formatKernelTable(reports: readonly HartKernelReport[]): string {
  let s = '';
  for (const r of reports) {
    s += `hart ${r.hart} kernel entries (trap to sret, by IPC path, system call or interrupt):\n`;
    const rows = r.entries.map((e) => [String(e.count), String(e.cycles), (e.cycles / e.count).toFixed(1), String(e.min), String(e.max), e.entry]);
    const head = ['count', 'cycles', 'mean', 'min', 'max', 'entry'];
    const widths = head.map((t, i) => Math.max(t.length, ...rows.map((row) => row[i].length)));
    const line = (cols: string[]): string => cols.map((c, i) => (i === cols.length - 1 ? c : c.padStart(widths[i]))).join('  ') + '\n';
    s += line(head);
    for (const row of rows) s += line(row);
  }
  return s;
}
