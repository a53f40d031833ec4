/**
 * examples/uintr-pingpong: two harts bounce a user interrupt through the UINTC ROUNDS = 100
 * times with no kernel in the loop; hart 0 prints the round trips and the average cycles per
 * round trip and powers off through the test device (0x5555 = pass, exit code 0).
 */
import { describe, expect, it } from 'vitest';
import { idealProfile } from '../../src/timing/profiles/index';
import { runPingpong } from './pingpong-run';

const EXIT_OK = { kind: 'exit', code: 0, source: 'test-device' };

describe('examples/uintr-pingpong', () => {
  it('does 100 round trips and exits cleanly (rocket profile, rocket UINTC)', () => {
    const { result, report, machine } = runPingpong();
    expect(result.reason).toEqual(EXIT_OK);
    expect(report?.rounds).toBe(100);
    // every round trip is one user interrupt on each hart, one SEND from each
    expect(machine.harts[0].userInterruptsTaken).toBe(100);
    expect(machine.harts[1].userInterruptsTaken).toBe(100);
    expect(machine.harts[0].uipiSends).toBe(100);
    expect(machine.harts[1].uipiSends).toBe(100);
  });

  it('does 100 round trips with the ideal profile', () => {
    const { result, report } = runPingpong({ timing: idealProfile() });
    expect(result.reason).toEqual(EXIT_OK);
    expect(report?.rounds).toBe(100);
  });

  it('with a 1-cycle quantum, a round trip costs at least the two 10-cycle deliveries', () => {
    const { result, report } = runPingpong({ quantum: 1 });
    expect(result.reason).toEqual(EXIT_OK);
    expect(report?.avg).toBeGreaterThanOrEqual(2 * 10);
    // Upper bound by hand, per hop: send + 10 (delivery) + ≤ 5 to reach an instruction
    // boundary in the spin loop + ~5 trap entry + handler (READ, csrci with a +5 flush,
    // la, ld, addi, sd ≈ 12) + ~5 uret + ≤ 5 for ping's poll loop to see the count ≈ 47.
    expect(report?.avg).toBeLessThanOrEqual(2 * 60);
  });
});
