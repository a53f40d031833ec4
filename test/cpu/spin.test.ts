// Hart.spinGranule (docs/cpu.md, "Spinning"): a hart stopped before the load of a pure spin loop
// spins on the load's 8-byte granule when the location's current value keeps it in the loop.
// The pass is evaluated with the instructions' own semantics (src/cpu/codegen/spin.ts): a
// loaded byte is sign-extended by lb and not by lbu, and any register-only instruction may
// compute the address. Expected granules: the flag's RAM offset (the flag is 8-byte aligned),
// worked out from the program by hand; -1 where the branch falls out of the loop.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/link/build';
import { Machine } from '../../src/machine/machine';
import { RVN_BOARD } from '../../src/machine/board';
import { idealProfile } from '../../src/timing/profiles/index';
import { findSymbol, readElf, type ElfSymbol } from '../../src/elf/reader';

/**
 * A program that runs `loop`, whose load is labelled `spinload` and reads `flag` (first holding
 * `enter`, a value that keeps the hart in the loop). The hart runs one instruction at a time
 * until it is at the load a second time (one pass done: its instructions are decoded), as it
 * would be when the scheduler asks; then the flag is set to `bytes` and the hart's granule and
 * the flag's RAM offset (from the symbol table) are returned.
 */
function granuleAt(loop: string, enter: string, bytes: readonly number[], fast: boolean): { granule: number; flagOff: number } {
  const text = `
    .text
    .globl _start
_start:
    la t3, flag
${loop}
    li t0, 0x100000
    li t1, 0x5555
    sw t1, 0(t0)
3:  j 3b
    .data
    .balign 16
    .globl flag
flag: .byte ${enter}
    .balign 8
    .zero 8
`;
  const elf = buildProgram([{ name: 'spin.S', text }]);
  const image = readElf(elf);
  const at = (name: string): number => Number((findSymbol(image, name) as ElfSymbol).value);
  const m = new Machine({ timing: idealProfile(), memBytes: 4 << 20, fast }, { console: () => undefined });
  m.load(elf, 'spin.S');
  const h = m.harts[0];
  for (let n = 1, arrivals = 0; arrivals < 2; n++) {
    expect(n).toBeLessThan(100);
    expect(m.run({ maxInsns: n }).reason.kind).toBe('limit');
    if (h.pc === at('spinload')) arrivals++;
  }
  m.bus.writeBytes(at('flag'), Uint8Array.from(bytes));
  return { granule: h.spinGranule(), flagOff: at('flag') - RVN_BOARD.ram.base };
}

describe('spin loops: the pass evaluated with the instructions\' semantics', () => {
  for (const fast of [false, true]) {
    const mode = fast ? 'fast' : 'reference';
    // Loops while the byte loaded is not -1 (flag 0 on entry).
    const BYTE = `
    li t2, -1
1:
    .globl spinload
spinload:
    lb t1, 0(t3)
    bne t1, t2, 1b`;
    it(`${mode}: lb sign-extends 0xff to -1, which leaves the loop`, () => {
      expect(granuleAt(BYTE, '0', [0xff], fast).granule).toBe(-1);
    });
    it(`${mode}: lbu reads 0xff as 255, which stays in the loop`, () => {
      const { granule, flagOff } = granuleAt(BYTE.replace('lb ', 'lbu '), '0', [0xff], fast);
      expect(flagOff % 16).toBe(0);
      expect(granule).toBe(flagOff);
    });
    it(`${mode}: lb of 0x7f is 127, which stays in the loop`, () => {
      expect(granuleAt(BYTE, '0', [0x7f], fast).granule).toBe(granuleAt(BYTE, '0', [0x7f], fast).flagOff);
    });
    // The address computed in the pass by ori, slli and srli (register-only instructions other
    // than addi/add/lui/auipc): t0 = ((t3 | 0) << 4) >> 4 = t3, a RAM address below 2^60.
    // Loops while the word loaded is not 5.
    const COMPUTED = `
    li t2, 5
1:  ori t0, t3, 0
    slli t0, t0, 4
    srli t0, t0, 4
    .globl spinload
spinload:
    lw t1, 0(t0)
    bne t1, t2, 1b`;
    it(`${mode}: ori/slli/srli compute the address in the pass; flag 0 keeps bne 5 in the loop`, () => {
      const { granule, flagOff } = granuleAt(COMPUTED, '0', [0, 0, 0, 0], fast);
      expect(granule).toBe(flagOff);
    });
    it(`${mode}: flag 5 makes bne fall through: not spinning`, () => {
      expect(granuleAt(COMPUTED, '0', [5, 0, 0, 0], fast).granule).toBe(-1);
    });
    it(`${mode}: xori 8 instead of ori 0 moves the load to the next granule (the flag is 16-byte aligned)`, () => {
      const { granule, flagOff } = granuleAt(COMPUTED.replace('ori t0, t3, 0', 'xori t0, t3, 8'), '0', [0, 0, 0, 0], fast);
      expect(granule).toBe(flagOff + 8);
    });
  }
});
