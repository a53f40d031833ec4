/**
 * HTIF: the host-target interface of Spike and riscv-tests. `tohost` and `fromhost` are two
 * 64-bit words in RAM (their addresses come from the ELF symbols). The guest stores a command
 * to tohost and, for commands that answer, waits until fromhost becomes nonzero.
 *
 * A command is [63:56] device, [55:48] command, [47:0] payload (Spike fesvr/htif.cc):
 *   device 0 (syscall proxy), payload odd   → exit; exit code = payload >> 1 (1 → 0 = pass,
 *                                             (n << 1) | 1 → test n failed). No answer.
 *   device 0, payload even                  → payload is the physical address of magic_mem,
 *                                             8 u64: [syscall number, a0, a1, ...]. The result
 *                                             goes to magic_mem[0]; answer fromhost ← 1.
 *   device 1 (bcd console), command 1       → putchar(payload & 0xff); answer
 *                                             fromhost ← (1 << 56) | (1 << 48) | 0x100 | ch.
 * Every command clears tohost. Syscalls: SYS_write (64) to fd 1 or 2 goes to the host console,
 * SYS_exit (93) ends the run with a0; anything else returns -ENOSYS without stopping the run.
 * bcd reads (device 1, command 0) never answer: there is no HTIF input.
 */
import { RvnError } from '../errors';

/** Physical-memory access the machine gives the HTIF (never on the hot path). */
export interface HtifMemory {
  /** Fills `dst` from physical memory at `addr`; false when that range is not RAM. */
  readBytes(addr: number, dst: Uint8Array): boolean;
  /** Stores `src` to physical memory at `addr`; false when that range is not RAM. */
  writeBytes(addr: number, src: Uint8Array): boolean;
}

export interface HtifOptions {
  memory: HtifMemory;
  /** Physical addresses of the `tohost` and `fromhost` symbols. */
  tohost: number;
  fromhost: number;
  /** The guest asked to stop: exit code 0 = pass. */
  onExit: (code: number) => void;
  /** Console output (SYS_write to fd 1/2, bcd putchar as fd 1). */
  onConsole: (bytes: Uint8Array, fd: number) => void;
}

/** Syscall numbers (RISC-V Linux ABI, as fesvr/syscall.cc and riscv-tests use). */
export const HtifSyscall = { write: 64, exit: 93 } as const;

const ENOSYS = 38;
const EBADF = 9;
const EFAULT = 14;
const TWO32 = 0x1_0000_0000;
/** Largest SYS_write we copy in one go; longer writes are truncated (a short write). */
const MAX_WRITE = 1 << 20;

export class Htif {
  readonly tohost: number;
  readonly fromhost: number;
  /** Set once the guest has asked to exit. */
  exited = false;
  exitCode = 0;

  private readonly memory: HtifMemory;
  private readonly onExit: (code: number) => void;
  private readonly onConsole: (bytes: Uint8Array, fd: number) => void;
  private readonly word = new Uint8Array(8);
  private readonly wordView = new DataView(this.word.buffer);
  private readonly magic = new Uint8Array(64);
  private readonly magicView = new DataView(this.magic.buffer);

  constructor(opts: HtifOptions) {
    if (!Number.isSafeInteger(opts.tohost) || !Number.isSafeInteger(opts.fromhost)) {
      throw new RvnError('htif: tohost/fromhost addresses must be integers');
    }
    this.memory = opts.memory;
    this.tohost = opts.tohost;
    this.fromhost = opts.fromhost;
    this.onExit = opts.onExit;
    this.onConsole = opts.onConsole;
  }

  /** True when a store to [addr, addr+size) touches tohost (for the machine's store hook). */
  touchesToHost(addr: number, size: number): boolean {
    return addr < this.tohost + 8 && addr + size > this.tohost;
  }

  /**
   * Handles the 64-bit value hi:lo that the guest stored to tohost (the machine calls this
   * when the value is nonzero).
   */
  handleToHost(lo: number, hi: number): void {
    const device = (hi >>> 24) & 0xff;
    const command = (hi >>> 16) & 0xff;
    const payloadHi = hi & 0xffff;
    const payloadLo = lo >>> 0;
    this.writeWord(this.tohost, 0, 0);
    if (device === 0 && command === 0) {
      if ((payloadLo & 1) !== 0) {
        this.exit(payloadHi * 0x8000_0000 + (payloadLo >>> 1));
        return;
      }
      this.syscall(payloadHi * TWO32 + payloadLo);
      this.writeWord(this.fromhost, 1, 0);
    } else if (device === 1 && command === 1) {
      const ch = payloadLo & 0xff;
      this.onConsole(Uint8Array.of(ch), 1);
      this.writeWord(this.fromhost, 0x100 | ch, (1 << 24) | (1 << 16));
    }
    // Other devices and commands are not present: Spike's null device ignores them too.
  }

  private exit(code: number): void {
    this.exited = true;
    this.exitCode = code;
    this.onExit(code);
  }

  /** Runs the proxied syscall whose magic_mem block is at `addr`. */
  private syscall(addr: number): void {
    if (!this.memory.readBytes(addr, this.magic)) return; // nowhere to answer: ignore
    const v = this.magicView;
    const n = this.u64(v, 0);
    let result: number;
    if (n === HtifSyscall.write) {
      result = this.sysWrite(this.u64(v, 8), this.u64(v, 16), this.u64(v, 24));
    } else if (n === HtifSyscall.exit) {
      // The exit status is an int: keep the low 32 bits of a0, signed.
      this.exit(v.getInt32(8, true));
      result = 0;
    } else {
      result = -ENOSYS;
    }
    this.writeWord(addr, result | 0, result < 0 ? -1 : Math.floor(result / TWO32));
  }

  private sysWrite(fd: number, buf: number, len: number): number {
    if (fd !== 1 && fd !== 2) return -EBADF;
    const n = Math.min(len, MAX_WRITE);
    const bytes = new Uint8Array(n);
    if (!this.memory.readBytes(buf, bytes)) return -EFAULT;
    if (n > 0) this.onConsole(bytes, fd);
    return n;
  }

  private u64(v: DataView, off: number): number {
    return v.getUint32(off + 4, true) * TWO32 + v.getUint32(off, true);
  }

  private writeWord(addr: number, lo: number, hi: number): void {
    this.wordView.setUint32(0, lo >>> 0, true);
    this.wordView.setUint32(4, hi >>> 0, true);
    this.memory.writeBytes(addr, this.word);
  }
}
