/**
 * The cycle profiler: attribution invariants (every cycle of a hart lands on exactly one
 * function) and call counts computed by hand for a recursive fib.
 */
import { describe, expect, it } from 'vitest';
import { rocketProfile } from '../../src/timing/profiles/index';
import { EXIT, runTraced } from './helpers';

// fib(n) = n < 2 ? n : fib(n-1) + fib(n-2). A base call runs 3 instructions (li, blt, ret),
// a recursive one 18. fib(5) makes C(5) = 15 calls (C(n) = 1 + C(n-1) + C(n-2), C(0) = C(1) = 1),
// 8 of them base calls (n = 0 or 1) and 7 recursive: 8·3 + 7·18 = 150 instructions.
const FIB = `
    .globl _start
_start:
    li sp, 0x80100000
    li a0, 5
    jal fib
    mv s1, a0
    j exit
fib:
    li t0, 2
    blt a0, t0, 1f
    addi sp, sp, -32
    sd ra, 24(sp)
    sd s0, 16(sp)
    sd s1, 8(sp)
    mv s0, a0
    addi a0, s0, -1
    jal fib
    mv s1, a0
    addi a0, s0, -2
    jal fib
    add a0, a0, s1
    ld ra, 24(sp)
    ld s0, 16(sp)
    ld s1, 8(sp)
    addi sp, sp, 32
1:  ret
${EXIT}`;

function parseJson(text: string | undefined): { coreHz: number; harts: { hart: number; cycles: number; instructions: number; functions: { name: string; selfCycles: number; inclusiveCycles: number; instructions: number; calls: number }[] }[] } {
  return JSON.parse(text ?? '') as ReturnType<typeof parseJson>;
}

describe('--profile', () => {
  it('counts the calls and instructions of a recursive function (ideal timing: 1 cycle each)', () => {
    const { machine, result, out } = runTraced(FIB, { profileJson: 'p.json', profileFolded: 'p.folded' }, { maxInsns: 10_000 });
    expect(result.reason.kind).toBe('exit');
    expect(machine.harts[0].getX(9)).toBe(5); // s1 = fib(5)
    const p = parseJson(out.files.get('p.json'));
    const fib = p.harts[0].functions.find((f) => f.name === 'fib');
    expect(fib).toEqual({ name: 'fib', selfCycles: 150, inclusiveCycles: 150, instructions: 150, calls: 15 });
    const start = p.harts[0].functions.find((f) => f.name === '_start');
    expect(start?.calls).toBe(0);
    expect(start?.inclusiveCycles).toBe((start?.selfCycles ?? 0) + 150);
    // Cycles per depth of the call tree of fib(5) (base call 3, recursive call 18):
    // depth 1: fib(5); 2: fib(4), fib(3); 3: fib(3), fib(2), fib(2), fib(1);
    // 4: fib(2), 5 base calls; 5: fib(1), fib(0) under the one fib(2) at depth 4.
    const folded = (out.files.get('p.folded') ?? '').split('\n').filter((l) => l !== '');
    expect(folded).toContain('_start;fib 18');
    expect(folded).toContain('_start;fib;fib 36');
    expect(folded).toContain(`_start;fib;fib;fib ${3 * 18 + 3}`);
    expect(folded).toContain(`_start;fib;fib;fib;fib ${18 + 5 * 3}`);
    expect(folded).toContain('_start;fib;fib;fib;fib;fib 6');
    expect(folded.some((l) => l.startsWith('_start;fib;fib;fib;fib;fib;'))).toBe(false);
  });

  it('attributes every cycle of the hart, under the rocket timing model too', () => {
    for (const timing of [undefined, rocketProfile()]) {
      const { machine, out } = runTraced(FIB, { profile: true, profileJson: 'p.json', profileFolded: 'f' }, { maxInsns: 10_000 }, timing ? { timing } : {});
      const hart = machine.harts[0];
      const p = parseJson(out.files.get('p.json')).harts[0];
      expect(p.cycles).toBe(hart.cycle);
      expect(p.instructions).toBe(hart.instret);
      expect(p.functions.reduce((s, f) => s + f.selfCycles, 0)).toBe(hart.cycle);
      expect(p.functions.reduce((s, f) => s + f.instructions, 0)).toBe(hart.instret);
      const folded = (out.files.get('f') ?? '').split('\n').filter((l) => l !== '');
      expect(folded.reduce((s, l) => s + Number(l.slice(l.lastIndexOf(' ') + 1)), 0)).toBe(hart.cycle);
      const table = out.files.get('stderr') ?? '';
      expect(table).toMatch(new RegExp(`^hart 0: ${hart.cycle} cycles, ${hart.instret} instructions\\n`));
      expect(table).toMatch(/^self +self% +incl +incl% +insns +calls +function\n/m);
    }
  });

  it('puts trap entry in [trap] and the handler in a trap frame, popped by mret', () => {
    const src = `
    .globl _start
_start:
    la t0, handler
    csrw mtvec, t0
    ecall
    ecall
    j exit
    .balign 4
handler:
    csrr t1, mepc
    addi t1, t1, 4
    csrw mepc, t1
    mret
${EXIT}`;
    const { machine, out } = runTraced(src, { profileJson: 'p.json', profileFolded: 'f' }, { maxInsns: 1000 }, { timing: rocketProfile() });
    const p = parseJson(out.files.get('p.json')).harts[0];
    const handler = p.functions.find((f) => f.name === 'handler');
    expect(handler?.instructions).toBe(8);
    expect(handler?.calls).toBe(0);
    expect(p.functions.some((f) => f.name === '[trap]' && f.selfCycles > 0)).toBe(true);
    const folded = out.files.get('f') ?? '';
    expect(folded).toMatch(/^_start;handler \d+$/m);
    expect(folded).toMatch(/^_start;\[trap\] \d+$/m);
    expect(p.functions.reduce((s, f) => s + f.selfCycles, 0)).toBe(machine.harts[0].cycle);
  });
});
