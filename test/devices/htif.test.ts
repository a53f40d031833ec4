import { describe, expect, it } from 'vitest';
import { Htif, type HtifMemory } from '../../src/htif/htif';

const RAM_BASE = 0x8000_0000;
const TOHOST = 0x8000_1000;
const FROMHOST = 0x8000_1040;
const MAGIC = 0x8000_2000;
const BUF = 0x8000_3000;

class Ram implements HtifMemory {
  readonly bytes = new Uint8Array(0x10000);
  readonly view = new DataView(this.bytes.buffer);
  private inRange(addr: number, n: number) {
    return addr >= RAM_BASE && addr + n <= RAM_BASE + this.bytes.length;
  }
  readBytes(addr: number, dst: Uint8Array): boolean {
    if (!this.inRange(addr, dst.length)) return false;
    dst.set(this.bytes.subarray(addr - RAM_BASE, addr - RAM_BASE + dst.length));
    return true;
  }
  writeBytes(addr: number, src: Uint8Array): boolean {
    if (!this.inRange(addr, src.length)) return false;
    this.bytes.set(src, addr - RAM_BASE);
    return true;
  }
  u64(addr: number): bigint {
    return this.view.getBigUint64(addr - RAM_BASE, true);
  }
  setU64(addr: number, v: bigint) {
    this.view.setBigUint64(addr - RAM_BASE, v, true);
  }
}

function setup() {
  const ram = new Ram();
  const exits: number[] = [];
  const out: Array<[string, number]> = [];
  const htif = new Htif({
    memory: ram,
    tohost: TOHOST,
    fromhost: FROMHOST,
    onExit: (c) => exits.push(c),
    onConsole: (b, fd) => out.push([new TextDecoder().decode(b), fd]),
  });
  /** The guest stores v to tohost; the machine hands it to the HTIF. */
  const store = (v: bigint) => {
    ram.setU64(TOHOST, v);
    htif.handleToHost(Number(v & 0xffffffffn) | 0, Number(v >> 32n) | 0);
  };
  return { ram, exits, out, htif, store };
}

describe('HTIF', () => {
  it('tohost = 1 exits with 0 (pass)', () => {
    const { exits, ram, htif, store } = setup();
    store(1n);
    expect(exits).toEqual([0]);
    expect(htif.exited).toBe(true);
    expect(ram.u64(TOHOST)).toBe(0n);
    expect(ram.u64(FROMHOST)).toBe(0n); // an exit gets no answer
  });

  it('tohost = (n << 1) | 1 exits with n (riscv-tests TESTNUM)', () => {
    const { exits, store } = setup();
    store((5n << 1n) | 1n);
    store((0x7fff_ffff_ffffn << 1n) | 1n); // largest 48-bit payload
    expect(exits).toEqual([5, 0x7fff_ffff_ffff]);
  });

  it('proxies SYS_write to fd 1 and 2 and answers through magic_mem and fromhost', () => {
    const { ram, out, store } = setup();
    const text = new TextEncoder().encode('hello\n');
    ram.bytes.set(text, BUF - RAM_BASE);
    ram.setU64(MAGIC, 64n);
    ram.setU64(MAGIC + 8, 1n);
    ram.setU64(MAGIC + 16, BigInt(BUF));
    ram.setU64(MAGIC + 24, BigInt(text.length));
    store(BigInt(MAGIC));
    expect(out).toEqual([['hello\n', 1]]);
    expect(ram.u64(MAGIC)).toBe(6n);
    expect(ram.u64(FROMHOST)).toBe(1n);
    expect(ram.u64(TOHOST)).toBe(0n);
    ram.setU64(FROMHOST, 0n);
    ram.setU64(MAGIC, 64n);
    ram.setU64(MAGIC + 8, 2n);
    ram.setU64(MAGIC + 24, 2n);
    store(BigInt(MAGIC));
    expect(out[1]).toEqual(['he', 2]);
  });

  it('SYS_write to another fd returns -EBADF; unknown syscalls -ENOSYS', () => {
    const { ram, out, exits, store } = setup();
    ram.setU64(MAGIC, 64n);
    ram.setU64(MAGIC + 8, 3n);
    store(BigInt(MAGIC));
    expect(ram.u64(MAGIC)).toBe(2n ** 64n - 9n);
    ram.setU64(MAGIC, 57n); // close
    store(BigInt(MAGIC));
    expect(ram.u64(MAGIC)).toBe(2n ** 64n - 38n);
    expect(ram.u64(FROMHOST)).toBe(1n);
    expect(out).toEqual([]);
    expect(exits).toEqual([]);
  });

  it('SYS_write from outside RAM returns -EFAULT', () => {
    const { ram, store } = setup();
    ram.setU64(MAGIC, 64n);
    ram.setU64(MAGIC + 8, 1n);
    ram.setU64(MAGIC + 16, 0x1000n);
    ram.setU64(MAGIC + 24, 4n);
    store(BigInt(MAGIC));
    expect(ram.u64(MAGIC)).toBe(2n ** 64n - 14n);
  });

  it('SYS_exit ends the run with a0', () => {
    const { ram, exits, store } = setup();
    ram.setU64(MAGIC, 93n);
    ram.setU64(MAGIC + 8, 3n);
    store(BigInt(MAGIC));
    expect(exits).toEqual([3]);
  });

  it('bcd putchar prints and answers (1<<56)|(1<<48)|0x100|ch', () => {
    const { ram, out, store } = setup();
    store((1n << 56n) | (1n << 48n) | 0x41n);
    expect(out).toEqual([['A', 1]]);
    expect(ram.u64(FROMHOST)).toBe((1n << 56n) | (1n << 48n) | 0x141n);
    expect(ram.u64(TOHOST)).toBe(0n);
  });

  it('ignores unknown devices but still clears tohost', () => {
    const { ram, out, exits, store } = setup();
    store((5n << 56n) | 1n);
    expect(ram.u64(TOHOST)).toBe(0n);
    expect(ram.u64(FROMHOST)).toBe(0n);
    expect(out).toEqual([]);
    expect(exits).toEqual([]);
  });
});
