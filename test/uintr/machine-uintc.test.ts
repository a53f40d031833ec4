/**
 * The UINTC as wired into the board (src/machine/machine.ts): both modes run the example, and
 * cross-hart delivery arrives at its modelled time with the default scheduling quantum.
 */
import { describe, expect, it } from 'vitest';
import { runPingpong } from './pingpong-run';

describe('the board around the UINTC', () => {
  it('--uintc qemu: the fork-compatible UINTC latches USIP through the hart and the example runs', () => {
    const { result, report } = runPingpong({ uintc: 'qemu' });
    expect(result.reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
    expect(report?.rounds).toBe(100);
  });

  it('the default quantum delivers cross-hart user interrupts at their modelled time (same as quantum 1)', () => {
    // timing.md: send → receiver interrupt ≈ 10 cycles. A hart that ran further ahead than
    // that would see the interrupt late, and the round trip would read 2 × quantum.
    const { report } = runPingpong();
    const { report: fine } = runPingpong({ quantum: 1 });
    expect(report?.avg).toBe(fine?.avg);
  });
});
