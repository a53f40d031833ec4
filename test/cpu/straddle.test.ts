// A 4-byte instruction that straddles a page boundary is fetched in two parcels from two pages;
// executing it must not disturb the decoded instructions of the page it starts in.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/link/build';
import { Machine } from '../../src/machine/machine';
import { idealProfile, rocketProfile } from '../../src/timing/profiles/index';

// `far` is a jal at 0x80001ffe: its low parcel ends page 0x80001000, its high parcel begins
// page 0x80002000. It jumps back into the page it starts in, whose other decoded instructions
// must still be the ones that run.
const PROGRAM = `
    .option norvc
    .text
    .globl _start
_start: j far
        .balign 4096
page:
back:   c.addi sp, -16
        addi s0, s0, 1
        li t0, 3
        blt s0, t0, far
        li t0, 0x100000
        li t1, 0x5555
        sw t1, 0(t0)
1:      j 1b
        .zero 4060             # page + 34 bytes of code + 4060 = page + 0xffe
far:    jal zero, back
`;

describe('instructions straddling a page boundary', () => {
  for (const [name, timing] of [['ideal', idealProfile], ['rocket', rocketProfile]] as const) {
    for (const fast of [true, false]) {
      it(`run and return into the first page (${name}, ${fast ? 'fast' : 'reference'})`, () => {
        const m = new Machine({ timing: timing(), translateAfter: 2 }, { console: () => {} });
        const image = m.load(buildProgram([{ name: 'straddle.S', text: PROGRAM }]), 'straddle.S');
        const far = image.elf?.symbols.find((s) => s.name === 'far')?.value;
        expect(far).toBe(0x80001ffe); // the jal's parcels sit in two pages
        for (const h of m.harts) h.fast = fast;
        const r = m.run({ maxInsns: 1000 });
        expect(r.reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
        expect(m.harts[0].getX(8)).toBe(3); // s0: three trips through `back`
        // sp starts at 0 and moves by -16 three times: -48 as a 64-bit value.
        expect(m.harts[0].getXLo(2)).toBe(-48);
        expect(m.harts[0].getXHi(2)).toBe(-1);
      });
    }
  }
});
