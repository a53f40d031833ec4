// rvn-fw, the M-mode firmware: an S-mode payload calls every SBI function it offers and prints
// what came back. The expected answers are the SBI specification v1.0's (error codes §3.2,
// HSM states §9, hart masks §3): the same payload gives the same answers on OpenSBI
// (firmware.external.test.ts), except the implementation ID.
import { describe, expect, test } from 'vitest';
import { idealProfile } from '../../src/timing/index';
import { firmwareElf, run, sbiCheckPayload } from './harness';
import { expectedSbiLines, payloadLines } from './sbi-expected';

describe('rvn-fw serves the SBI', () => {
  for (const harts of [1, 2, 4]) {
    test(`${harts} hart(s): every call answers as the SBI specification says, and SRST shuts down with status 0`, () => {
      const r = run([firmwareElf(), sbiCheckPayload()], { harts, timing: idealProfile() });
      expect(r.stdout).toContain(`rvn-fw: SBI v1.0, ${harts} harts, kernel at 0x80200000`);
      expect(payloadLines(r.stdout)).toEqual(expectedSbiLines(harts, '0x52564e'));
      expect(r.result.reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
    });
  }

  test('the firmware delegates to S-mode what the kernel needs, and opens the counters', () => {
    const r = run([firmwareElf(), sbiCheckPayload()], { harts: 2, timing: idealProfile() });
    for (const h of r.machine.harts) {
      expect(h.csr.medeleg).toBe(0xb1ff); // faults, illegal, breakpoint, U ecall, page faults
      expect(h.csr.mideleg).toBe(0x223); // USIP (bit 0), SSIP, STIP, SEIP
      expect(h.csr.mcounteren >>> 0).toBe(0xffffffff);
      expect([...h.csr.mhpmevent.slice(3, 6)]).toEqual([15, 16, 18]); // user interrupts, uipi sends, urets
    }
  });
});
