// The board as a whole: boot path, faults a guest can provoke, idle time, determinism.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/link/build';
import { Machine } from '../../src/machine/machine';
import type { MachineOptions } from '../../src/machine/machine';
import { idealProfile, rocketProfile } from '../../src/timing/profiles/index';

function boot(source: string, options: MachineOptions = {}): { machine: Machine; out: () => string } {
  let out = '';
  const machine = new Machine({ timing: idealProfile(), ...options }, { console: (b) => (out += new TextDecoder().decode(b)) });
  machine.load(buildProgram([{ name: 'test.S', text: source }]), 'test.S');
  return { machine, out: () => out };
}

// Exit through the test device with a0 as the code (0 = pass).
const EXIT = `
exit:
    li t0, 0x100000
    beqz a0, 1f
    slli a0, a0, 16
    li t1, 0x3333
    or t1, a0, t1
    sw t1, 0(t0)
1:  li t1, 0x5555
    sw t1, 0(t0)
2:  j 2b
`;

describe('the rvn board', () => {
  it('enters the image from the boot ROM with a0 = hart id and a1 = the device tree', () => {
    const { machine } = boot(`
    .globl _start
_start:
    mv s0, a0
    mv s1, a1
    auipc s2, 0
    li a0, 0
    j exit
${EXIT}`, { harts: 1 });
    const r = machine.run({ maxInsns: 1000 });
    expect(r.reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
    const h = machine.harts[0];
    expect(h.getX(8)).toBe(0); // s0 = hart id
    expect(h.getX(9)).toBe(machine.dtbAddr); // s1 = DTB
    expect(h.getX(18)).toBe(0x80000004); // entered at the image entry: auipc follows two c.mv
    // The DTB in RAM starts with the FDT magic 0xd00dfeed (big-endian).
    expect([...machine.bus.readBytes(machine.dtbAddr, 4)]).toEqual([0xd0, 0x0d, 0xfe, 0xed]);
  });

  it('a jump into unmapped memory is an instruction access fault (cause 1, tval = address)', () => {
    const { machine } = boot(`
    .globl _start
_start:
    la t0, handler
    csrw mtvec, t0
    li t1, 0x40000000
    jr t1
    .balign 4
handler:
    csrr s0, mcause
    csrr s1, mepc
    csrr s2, mtval
    li a0, 0
    j exit
${EXIT}`);
    const r = machine.run({ maxInsns: 1000 });
    expect(r.reason.kind).toBe('exit');
    const h = machine.harts[0];
    expect(h.getX(8)).toBe(1); // instruction access fault (privileged spec table 3.6)
    expect(h.getX(9)).toBe(0x40000000);
    expect(h.getX(18)).toBe(0x40000000);
  });

  it('a load from unmapped memory is a load access fault (cause 5)', () => {
    const { machine } = boot(`
    .globl _start
_start:
    la t0, handler
    csrw mtvec, t0
    li t1, 0x50000008
    ld t2, 0(t1)
    .balign 4
handler:
    csrr s0, mcause
    csrr s2, mtval
    li a0, 0
    j exit
${EXIT}`);
    machine.run({ maxInsns: 1000 });
    expect(machine.harts[0].getX(8)).toBe(5);
    expect(machine.harts[0].getX(18)).toBe(0x50000008);
  });

  it('WFI sleeps until the timer: time jumps to the compare, no instructions are spent', () => {
    // mtimecmp = mtime + 100 ticks; at 10 cycles per tick the hart wakes at cycle >= 1000.
    const { machine } = boot(`
    .globl _start
_start:
    li t0, 0x200bff8
    ld t1, 0(t0)
    addi t1, t1, 100
    li t0, 0x2004000
    sd t1, 0(t0)
    li t0, 0x80
    csrw mie, t0          # MTIE, with mstatus.MIE = 0: wake without taking the interrupt
    wfi
    rdcycle s0
    rdinstret s1
    li a0, 0
    j exit
${EXIT}`);
    machine.run({ maxInsns: 10_000 });
    const h = machine.harts[0];
    expect(h.getX(8)).toBeGreaterThanOrEqual(1000);
    expect(h.getX(8)).toBeLessThan(1020);
    expect(h.getX(9)).toBeLessThan(20); // a dozen instructions, not a busy loop
  });

  it('reports when every hart waits for an interrupt that cannot come', () => {
    const { machine } = boot(`
    .globl _start
_start:
    csrw mie, zero
1:  wfi
    j 1b
`);
    const r = machine.run({ maxInsns: 10_000 });
    expect(r.reason.kind).toBe('idle');
    if (r.reason.kind === 'idle') expect(r.reason.message).toMatch(/hart 0 pc=0x0*8000000/);
  });

  it('is deterministic: the same image and options give the same cycles and output (1 and 4 harts)', () => {
    const demo = `
    .globl _start
_start:
    csrr s0, mhartid
    la s1, counter
    li t0, 200
1:  amoadd.w zero, t0, (s1)
    addi t0, t0, -1
    bnez t0, 1b
    bnez s0, 2f
3:  lw t1, 0(s1)
    lw t2, 4(s1)
    addi t2, t2, 1
    sw t2, 4(s1)
    li t3, 3000
    bltu t2, t3, 3b
    li a0, 0
    j exit
2:  wfi
    j 2b
${EXIT}
    .data
counter: .word 0, 0
`;
    for (const harts of [1, 4]) {
      const runs = [0, 1].map(() => {
        const { machine } = boot(demo, { harts, timing: rocketProfile() });
        const r = machine.run({ maxInsns: 1_000_000 });
        return { r, cycles: machine.harts.map((h) => h.cycle), counter: machine.bus.readBytes(0x80001000, 4) };
      });
      expect(runs[0].r.reason.kind).toBe('exit');
      expect(runs[1]).toEqual(runs[0]);
    }
  });

  it('runs two machines side by side in one process without interference', () => {
    const a = boot(`.globl _start\n_start: li a0, 0\n j exit\n${EXIT}`);
    const b = boot(`.globl _start\n_start: li a0, 9\n j exit\n${EXIT}`);
    expect(b.machine.run().reason).toEqual({ kind: 'exit', code: 9, source: 'test-device' });
    expect(a.machine.run().reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
  });
});
