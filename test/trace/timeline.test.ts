/**
 * The Chrome/Perfetto timeline: the JSON structure chrome://tracing and ui.perfetto.dev accept
 * (Trace Event Format: a traceEvents array of objects with name, ph, pid, tid, ts in µs; "X"
 * events with dur; "i" events with scope "t"; "M" metadata), and the events of a small program.
 */
import { describe, expect, it } from 'vitest';
import { EXIT, runTraced } from './helpers';
import { checkTraceJson } from './tracejson';

// One ecall (handled in M-mode, returning past it), then a machine timer interrupt that wakes
// a WFI. mtimecmp = 10 ticks of the 10 MHz timebase = 100 cycles of the 100 MHz core.
const ECALL_AND_TIMER = `
    .globl _start
_start:
    la t0, handler
    csrw mtvec, t0
    ecall
    li t0, 0x2004000
    li t1, 10
    sd t1, 0(t0)
    li t0, 0x80
    csrs mie, t0
    csrsi mstatus, 8
    wfi
    j exit
    .balign 4
handler:
    csrr t2, mcause
    bltz t2, timer
    csrr t3, mepc
    addi t3, t3, 4
    csrw mepc, t3
    mret
timer:
    li t0, 0x2004000
    li t1, -1
    sd t1, 0(t0)
    mret
${EXIT}`;

describe('--timeline', () => {
  it('writes a valid trace with the ecall, the timer interrupt, the WFI sleep and the M-mode span', () => {
    const { machine, out } = runTraced(ECALL_AND_TIMER, { timeline: 't.json' }, { maxInsns: 10_000 });
    const events = checkTraceJson(out.files.get('t.json'));
    expect(events.filter((e) => e.ph === 'M').map((e) => e.name)).toEqual(['process_name', 'thread_name', 'thread_sort_index']);
    const instants = events.filter((e) => e.ph === 'i');
    expect(instants.map((e) => [e.name, e.cat])).toEqual([
      ['machine_ecall', 'exception'],
      ['machine_timer', 'interrupt'],
    ]);
    expect(instants[0].args).toMatchObject({ cause: 11, from: 'M', to: 'M' });
    expect(instants[1].args).toMatchObject({ cause: 7, from: 'M', to: 'M' });
    // Ideal timing (no trap cost): the interrupt is taken at cycle 100 = 1 µs, ending the sleep.
    expect(instants[1].ts).toBe(1);
    const sleep = events.filter((e) => e.name === 'wfi');
    expect(sleep.length).toBe(1);
    expect((sleep[0].ts ?? 0) + (sleep[0].dur ?? 0)).toBe(1);
    const modes = events.filter((e) => e.cat === 'priv');
    expect(modes.map((e) => e.name)).toEqual(['M-mode']);
    expect(modes[0].ts).toBe(0);
    expect(modes[0].dur).toBe((machine.harts[0].cycle * 1e6) / 100e6);
  });

  it('shows mode spans and user-mode traps', () => {
    const src = `
    .globl _start
_start:
    la t0, handler
    csrw mtvec, t0
    la t0, user
    csrw mepc, t0
    mret
    .balign 4
user:
    ecall
    .balign 4
handler:
    j exit
${EXIT}`;
    const { out } = runTraced(src, { timeline: 't.json' }, { maxInsns: 1000 });
    const events = checkTraceJson(out.files.get('t.json'));
    expect(events.filter((e) => e.cat === 'priv').map((e) => e.name)).toEqual(['M-mode', 'U-mode', 'M-mode']);
    expect(events.filter((e) => e.ph === 'i').map((e) => [e.name, e.args?.from, e.args?.to])).toEqual([['user_ecall', 'U', 'M']]);
  });

  it('marks uipi.send (UINTR: custom-3, funct3 110, funct7 0; uintr.md) with its index operand', () => {
    const src = `
    .globl _start
_start:
    li a0, 3
    .word 0x0005607b
    ecall
`;
    const { out } = runTraced(src, { timeline: 't.json', trace: 'insns', tracePc: '0x80000000:0x80001000' }, { maxInsns: 9 });
    const events = checkTraceJson(out.files.get('t.json'));
    const sends = events.filter((e) => e.name === 'uipi.send');
    expect(sends.map((e) => [e.cat, e.args?.index, e.args?.pc])).toEqual([['uipi', '0x0000000000000003', '0x0000000080000002']]);
    expect(out.files.get('stderr')).toContain('core   0: 0x0000000080000002 (0x0005607b) uipi.send\ta0\n');
  });
});
