/**
 * `--trace commits|insns`: Spike's `--log-commits` lines (riscv-isa-sim riscv/execute.cc,
 * commit_log_print_insn), one per retired instruction:
 *
 *   core   0: 3 0x0000000080000000 (0x00000297) x5  0x0000000080000000
 *
 * "core%4d: ", the privilege the instruction ran in, the pc (16 digits), the instruction bits
 * (4 digits when compressed), then Spike's register writes in its key order (x registers
 * "x%-2d", CSRs "c<num>_<name>"), each load " mem <vaddr>" and each store " mem <vaddr>
 * <value in the access width>". x0 writes are not shown; trapping instructions (ecall, faults)
 * are not shown, as in Spike. `insns` adds a line "core   0: 0x<pc> (0x<bits>) <disassembly>"
 * before each commit line (as `spike -l --log-commits` does, with objdump's spelling) and one
 * "core   0: exception <name>, epc 0x..." / "interrupt" line per trap.
 */
import type { CommitInfo, Hart, HartObserver } from '../cpu/hart';
import { createDisassembler } from '../disasm/index';
import type { Disassembler } from '../disasm/index';
import { csrName } from '../disasm/names';
import type { TextBuffer } from './buffer';
import { hex64, hexBytes, hexNum64 } from './hex';
import { atomicKind, csrWritten, xretLevel } from './insn';
import { causeName } from './names';
import type { Symbolizer } from './symbols';

export interface CommitLogOptions {
  /** Add disassembly and trap lines. */
  insns: boolean;
  /** Per hart: trace instructions whose index (0-based retired count) is in [from, to). */
  from: number;
  to: number;
  /** Trace only instructions whose pc is in [pcLo, pcHi). */
  pcLo: number;
  pcHi: number;
}

/**
 * CSRs whose write Spike logs under another CSR instead (checked against spike --log-commits:
 * sstatus → mstatus; sie → sie and mie; sip → mip (Spike also logs its AIA mvip, which rvn
 * lacks); rvn's N-extension ustatus/uie/uip likewise).
 */
const LOGGED_AS: ReadonlyMap<number, readonly number[]> = new Map([
  [0x100, [0x300]], [0x104, [0x104, 0x304]], [0x144, [0x344]],
  [0x000, [0x300]], [0x004, [0x004, 0x304]], [0x044, [0x344]],
]);

/** CSRs an xRET writes, as Spike logs them (mret.h and sret.h: mstatus). */
const XRET_LOGGED: readonly (readonly number[])[] = [[0x300], [0x300], [], [0x300]];

function coreTag(id: number): string {
  return 'core' + String(id).padStart(4, ' ') + ': ';
}

export class CommitLogger implements HartObserver {
  private readonly dis: Disassembler | undefined;
  private readonly tags: string[] = [];

  constructor(
    private readonly out: TextBuffer,
    private readonly opts: CommitLogOptions,
    symbols: Symbolizer | undefined,
  ) {
    this.dis = opts.insns
      ? createDisassembler({ aliases: true, rvnNames: true, symbolize: symbols ? (a) => symbols.label(a) : undefined })
      : undefined;
  }

  private tag(id: number): string {
    return (this.tags[id] ??= coreTag(id));
  }

  private inRange(hart: Hart, pc: number): boolean {
    const n = hart.instret - 1; // index of the instruction just retired
    const o = this.opts;
    return n >= o.from && n < o.to && pc >= o.pcLo && pc < o.pcHi;
  }

  commit(hart: Hart, c: Readonly<CommitInfo>): void {
    if (!this.inRange(hart, c.pc)) return;
    const tag = this.tag(hart.hartId);
    const bits = hexBytes(c.word, 0, c.len);
    const pc = hexNum64(c.pc);
    if (this.dis) {
      const text = this.dis.next(c.word, BigInt.asUintN(64, BigInt(c.pc))).text;
      this.out.push(`${tag}${pc} (${bits}) ${text}\n`);
    }
    let line = `${tag}${c.priv} ${pc} (${bits})${registerWrites(hart, c)}`;
    if (c.memPaddr >= 0) line += memAccesses(c);
    this.out.push(line + '\n');
  }

  trap(hart: Hart, isInterrupt: boolean, cause: number, epc: number): void {
    if (!this.opts.insns || !this.inRange(hart, epc)) return;
    const what = isInterrupt ? 'interrupt' : 'exception';
    this.out.push(`${this.tag(hart.hartId)}${what} ${causeName(isInterrupt, cause)}, epc ${hexNum64(epc)}\n`);
  }
}

const NONE: readonly number[] = [];

/** Spike's reg-write entries, sorted by its key (x: reg << 4; CSR: num << 4 | 4). */
function registerWrites(hart: Hart, c: Readonly<CommitInfo>): string {
  const xreg = c.rd !== 0 ? ` x${String(c.rd).padEnd(2, ' ')} ${hex64(c.rdLo, c.rdHi)}` : '';
  const csrs = csrsLogged(c.word, c.len);
  if (csrs.length === 0) return xreg; // the common case: no sorting, no arrays
  const entries: [number, string][] = [];
  if (c.rd !== 0) entries.push([c.rd << 4, xreg]);
  for (const num of csrs) {
    const v = hart.readCsr(num);
    if (v === undefined) continue;
    entries.push([(num << 4) | 4, ` c${num}_${csrName(num, '1.12', true)} ${hex64(v[0], v[1])}`]);
  }
  if (entries.length > 1) entries.sort((a, b) => a[0] - b[0]);
  let s = '';
  for (const e of entries) s += e[1];
  return s;
}

function csrsLogged(word: number, len: number): readonly number[] {
  const x = xretLevel(word);
  if (x >= 0) return XRET_LOGGED[x];
  const num = csrWritten(word, len);
  if (num < 0) return NONE;
  return LOGGED_AS.get(num) ?? [num];
}

/** Loads print the address; stores the address and the value in the access width; AMOs both. */
function memAccesses(c: Readonly<CommitInfo>): string {
  const addr = ` mem ${hexNum64(c.memVaddr)}`;
  const a = atomicKind(c.word, c.len);
  if (!c.isStore) return a === 2 ? '' : addr; // a failed SC accesses nothing (Spike: no entry)
  const store = `${addr} ${hexBytes(c.storeLo, c.storeHi, c.memWidth)}`;
  return a === 3 ? addr + store : store;
}
