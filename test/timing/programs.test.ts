/**
 * Modelled costs measured on real programs run by the hart (not synthetic records): each test
 * runs two programs that differ only in the property under test, with the same instructions,
 * the same addresses and warm caches, and checks that the cycle difference is exactly what
 * timing.md's Rocket table says:
 *   load-use: LW/LD/LWU result after 2 cycles (1 bubble if used next); LB/LBU/LH/LHU 3 (2 bubbles)
 *   CSR write: pipeline flush, +5 cycles, except sscratch/mscratch/uscratch, *epc, *cause, *tval
 *   MMIO: uncached, +mmioLatency (20 by default; a JSON profile can change it)
 *   MUL/DIV: the iterative unit's latency by operation and operands (docs/timing.md §MulDiv)
 */
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/link/build';
import { Machine } from '../../src/machine/machine';
import type { TimingProfile } from '../../src/timing/profile';
import { parseUserProfile, rocketProfile } from '../../src/timing/profiles/index';

const N = 64;

/**
 * Runs `body` repeated N times, in two passes, and returns the cycles between the two rdcycle
 * reads of the second (warm) pass. a0 points at `cell`, a doubleword that holds its own
 * address, so `ld a0, 0(a0)` can be chained.
 */
function warmCycles(body: string, fast = true, profile: TimingProfile = rocketProfile()): number {
  const src = `
    .globl _start
_start:
    la a0, cell
    li t3, 0x10000000           # the UART: an uncached device
    li s2, 2                    # two passes: the first warms the caches and predictors
1:  rdcycle s0
    .rept_body
    rdcycle s1
    addi s2, s2, -1
    bnez s2, 1b
    sub a0, s1, s0
    la t0, result
    sd a0, 0(t0)
    li t0, 0x100000
    li t1, 0x5555
    sw t1, 0(t0)
    .data
    .balign 64
cell:   .dword cell             # points to itself: a load from it gives its own address
result: .dword 0
`.replace('    .rept_body', Array.from({ length: N }, () => body).join('\n'));
  const m = new Machine({ timing: profile, translateAfter: 2 }, { console: () => {} });
  const image = m.load(buildProgram([{ name: 'cycles.S', text: src }]), 'cycles.S');
  m.harts[0].fast = fast;
  const r = m.run({ maxInsns: 100_000 });
  expect(r.reason.kind).toBe('exit');
  const result = image.elf!.symbols.find((s) => s.name === 'result')!.value;
  const bytes = m.bus.readBytes(result, 8);
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
}

describe('Rocket costs on real programs (differences from timing.md)', () => {
  for (const fast of [true, false]) {
    const mode = fast ? 'fast' : 'reference';

    it(`LD used by the next instruction costs 1 bubble (${mode})`, () => {
      // ld a1 then a use of a1 at once, versus a use of an unrelated register.
      const dependent = warmCycles('ld a1, 0(a0)\n    add a2, a1, a1', fast);
      const independent = warmCycles('ld a1, 0(a0)\n    add a2, a3, a3', fast);
      expect(dependent - independent).toBe(N * 1);
    });

    it(`LW used next costs 1 bubble, LB and LH 2 (${mode})`, () => {
      const base = warmCycles('lw a1, 0(a0)\n    add a2, a3, a3', fast);
      expect(warmCycles('lw a1, 0(a0)\n    add a2, a1, a1', fast) - base).toBe(N * 1);
      const baseB = warmCycles('lb a1, 0(a0)\n    add a2, a3, a3', fast);
      expect(warmCycles('lb a1, 0(a0)\n    add a2, a1, a1', fast) - baseB).toBe(N * 2);
      const baseH = warmCycles('lhu a1, 0(a0)\n    add a2, a3, a3', fast);
      expect(warmCycles('lhu a1, 0(a0)\n    add a2, a1, a1', fast) - baseH).toBe(N * 2);
    });

    it(`a chain of dependent LDs (pointer chase in the D$) costs 1 bubble per link (${mode})`, () => {
      const chain = warmCycles('ld a0, 0(a0)', fast);
      const flat = warmCycles('ld a1, 0(a0)', fast);
      // N loads make N - 1 links: the first load's address was computed long before.
      expect(chain - flat).toBe(N - 1);
    });

    it(`a CSR write flushes the pipeline (+5) except for the scratch/epc/cause/tval CSRs (${mode})`, () => {
      const scratch = warmCycles('csrw mscratch, a3', fast);
      // mie with a value that enables nothing keeps interrupts out of the measurement.
      const flushing = warmCycles('csrw mie, zero', fast);
      expect(flushing - scratch).toBe(N * 5);
      expect(warmCycles('csrw mepc, a3', fast)).toBe(scratch);
    });

    it(`MULHU never stops early; MUL of a small multiplier does (${mode})`, () => {
      // rs1 = 3 (2 bits), 8 bits per cycle: MUL stops after max(2, ceil(2/8) + 1) = 2 cycles,
      // latency 3; MULHU runs all 64/8 = 8, latency 9. A dependent add waits latency + 1.
      const mul = warmCycles('li a2, 3\n    mul a1, a2, a3\n    add a4, a1, a1', fast);
      const mulhu = warmCycles('li a2, 3\n    mulhu a1, a2, a3\n    add a4, a1, a1', fast);
      expect(mulhu - mul).toBe(N * 6);
    });

    it(`DIV of -1 by 1 takes the sign steps, DIVU of the same bits the full 65 (${mode})`, () => {
      // DIV: |a| = 1, |b| = 1: s = 63, 66 - 63 = 3 cycles, + 1 negate-in, + 1 negate-out, + 1:
      // latency 6. DIVU: a = 2^64 - 1, b = 1: s = 0, no early out: 65 + 1 = 66.
      const div = warmCycles('li a2, -1\n    li a3, 1\n    div a1, a2, a3\n    add a4, a1, a1', fast);
      const divu = warmCycles('li a2, -1\n    li a3, 1\n    divu a1, a2, a3\n    add a4, a1, a1', fast);
      expect(divu - div).toBe(N * 60);
    });

    it(`an uncached device read costs mmioLatency more than a D$ hit, as the profile says (${mode})`, () => {
      // UART LSR (0x10000005) has no read side effects.
      const ram = warmCycles('lbu a1, 0(a0)', fast);
      expect(warmCycles('lbu a1, 5(t3)', fast) - ram).toBe(N * 20);
      const slow = parseUserProfile({ extends: 'rocket', name: 'slow-mmio', mmioLatency: 60 });
      expect(warmCycles('lbu a1, 5(t3)', fast, slow) - warmCycles('lbu a1, 0(a0)', fast, slow)).toBe(N * 60);
    });
  }
});
