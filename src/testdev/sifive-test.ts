/**
 * The sifive_test finisher at 0x100000 (QEMU virt's "sifive,test1"): a 32-bit write of
 *   0x5555              → power off, pass (exit code 0)
 *   (code << 16)|0x3333 → power off, fail with `code`
 *   0x7777              → reset
 * Other values are ignored, reads return 0. 16-bit writes are accepted too (QEMU allows 2..4
 * byte accesses), so `sh` of 0x5555 also powers off.
 */
import type { MmioDevice } from '../hw/device';
import { RvnError } from '../errors';

export const TestDevReg = { finisher: 0, size: 0x1000 } as const;

export const TestDevCommand = { pass: 0x5555, fail: 0x3333, reset: 0x7777 } as const;

export type PowerOffKind = 'pass' | 'fail' | 'reset';

export interface PowerOffEvent {
  kind: PowerOffKind;
  /** 0 for pass and reset; the guest's 16-bit code for fail. */
  code: number;
}

export class SifiveTest implements MmioDevice {
  readonly name = 'test';
  readonly size = TestDevReg.size;
  private readonly onPowerOff: (event: PowerOffEvent) => void;

  constructor(onPowerOff: (event: PowerOffEvent) => void) {
    if (typeof onPowerOff !== 'function') throw new RvnError('test device: onPowerOff callback required');
    this.onPowerOff = onPowerOff;
  }

  read(offset: number, size: number, out: Int32Array): boolean {
    if (size !== 2 && size !== 4) return false;
    out[0] = 0;
    out[1] = 0;
    return true;
  }

  write(offset: number, size: number, lo: number, _hi: number): boolean {
    if (size !== 2 && size !== 4) return false;
    if (offset !== TestDevReg.finisher) return true;
    const status = lo & 0xffff;
    const code = size === 4 ? (lo >>> 16) & 0xffff : 0;
    if (status === TestDevCommand.pass) this.onPowerOff({ kind: 'pass', code: 0 });
    else if (status === TestDevCommand.fail) this.onPowerOff({ kind: 'fail', code });
    else if (status === TestDevCommand.reset) this.onPowerOff({ kind: 'reset', code: 0 });
    return true;
  }
}
