// The board description: a device added as one entry of the list is on the bus, wired to the
// PLIC and in the device tree; the list's rules (IRQs, roles, windows) are enforced.
import { describe, expect, it } from 'vitest';
import { fdtValue, findNode, findProp, readFdt } from '../../src/fdt';
import { buildProgram } from '../../src/link/build';
import { RVN_BOARD, uartEntry } from '../../src/machine/board';
import type { BoardEntry } from '../../src/machine/board';
import { Machine } from '../../src/machine/machine';
import { idealProfile } from '../../src/timing/profiles/index';
import { SCRATCH_DMA_WORD, SCRATCH_ID, scratchEntry } from './scratch-device';

const machineWith = (devices: readonly BoardEntry[]) => new Machine({ timing: idealProfile(), devices }, { console: () => undefined });

// PLIC addresses from platform.md: priority[42] at +4·42, hart 0 M-mode (context 0) enable word
// 1 (sources 32..63) at +0x2004, its threshold at +0x200000 and claim at +0x200004.
const PROGRAM = `
    .globl _start
_start:
    la t0, handler
    csrw mtvec, t0
    li s0, 0x10100000
    lwu s1, 0(s0)            # the device's ID register, through the bus
    la t1, buf
    sw t1, 8(s0)             # the device writes a word into buf by DMA
    lwu s2, 0(t1)
    li t0, 0x0c0000a8        # priority[42] = 1
    li t1, 1
    sw t1, 0(t0)
    li t0, 0x0c002004        # enable source 42 (bit 10 of word 1) for context 0
    li t1, 0x400
    sw t1, 0(t0)
    li t0, 0x0c200000        # threshold 0
    sw zero, 0(t0)
    li t0, 0x800
    csrs mie, t0             # MEIE
    csrsi mstatus, 8         # MIE
    li t1, 1
    sw t1, 4(s0)             # raise the device's line
1:  j 1b
    .balign 4
handler:
    csrr t2, mcause
    srli s3, t2, 63          # the interrupt bit
    slli t2, t2, 1
    srli s5, t2, 1           # the cause number
    li t0, 0x0c200004
    lw s4, 0(t0)             # claim: the source id
    li t0, 0x100000
    li t1, 0x5555
    sw t1, 0(t0)
2:  j 2b
    .data
buf: .word 0
`;

describe('the board description', () => {
  it('a device added as one entry is on the bus, raises its PLIC source and uses DMA', () => {
    const m = machineWith([...RVN_BOARD.devices, scratchEntry]);
    m.load(buildProgram([{ name: 'scratch.S', text: PROGRAM }]), 'scratch.S');
    expect(m.run({ maxInsns: 10_000 }).reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
    const h = m.harts[0];
    expect(h.getX(9)).toBe(SCRATCH_ID);
    expect(h.getX(18)).toBe(SCRATCH_DMA_WORD);
    expect(h.getX(19)).toBe(1); // an interrupt ...
    expect(h.getX(21)).toBe(11); // ... the machine external interrupt (privileged spec table 3.6)
    expect(h.getX(20)).toBe(42);
  });

  it('the same device is in the device tree, its interrupt parented to the PLIC', () => {
    const m = machineWith([...RVN_BOARD.devices, scratchEntry]);
    const root = readFdt(m.dtb).root;
    const node = findNode(root, '/soc/scratch@10100000');
    expect(node).toBeDefined();
    const cells = (path: string, name: string) => fdtValue.cells(findProp(findNode(root, path)!, name)!.value);
    expect(cells('/soc/scratch@10100000', 'reg')).toEqual([0, 0x1010_0000, 0, 0x1000]);
    expect(cells('/soc/scratch@10100000', 'interrupts')).toEqual([42]);
    expect(cells('/soc/scratch@10100000', 'interrupt-parent')).toEqual(cells('/soc/plic@c000000', 'phandle'));
    expect(fdtValue.strings(findProp(node!, 'compatible')!.value)).toEqual(['rvn,scratch']);
    // Without the entry there is no such node, and the window is not on the bus.
    const plain = machineWith(RVN_BOARD.devices);
    expect(findNode(readFdt(plain.dtb).root, '/soc/scratch@10100000')).toBeUndefined();
  });

  it('refuses a list that breaks the rules, in one line naming the devices', () => {
    const at = (over: Partial<BoardEntry>) => ({ ...scratchEntry, ...over }) as BoardEntry;
    expect(() => machineWith([...RVN_BOARD.devices, at({ irq: 10 })])).toThrow(/scratch and uart16550 share IRQ 10|uart16550 and scratch share IRQ 10/);
    expect(() => machineWith([...RVN_BOARD.devices, at({ irq: 96 })])).toThrow(/IRQ 96; the plic has sources 1\.\.95/);
    expect(() => machineWith([...RVN_BOARD.devices, at({ base: 0x1000_0080 })])).toThrow(/overlaps/);
    expect(() => machineWith([...RVN_BOARD.devices, at({ base: 0x1800 })])).toThrow(/overlaps the boot ROM/);
    expect(() => machineWith([...RVN_BOARD.devices, at({ size: 0x2000 })])).toThrow(/4096-byte window, its entry says 8192/);
    expect(() => machineWith([...RVN_BOARD.devices, { ...uartEntry, base: 0x1020_0000, irq: 11 }])).toThrow(/two devices have the role 'console'/);
    expect(() => machineWith([scratchEntry])).toThrow(/no interrupt controller/);
  });
});
