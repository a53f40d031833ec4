/**
 * The device tree against the reference tools: dtc compiles the same source to the same bytes,
 * decompiles and recompiles the board's tree unchanged; the board's tree matches QEMU virt's
 * own (dumpdtb) on every node they share; and OpenSBI, run by QEMU on our tree instead of
 * QEMU's, finds its console, IPI, timer and reset devices and powers off through them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBoardFdt, fdtNode, fdtValue, prop, readFdt, writeFdt } from '../../src/fdt';
import type { FdtNode } from '../../src/fdt';
import { RVN_BOARD } from '../../src/machine/board';
import { virtioSlot } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'rvn-fdt-'));
const file = (name: string) => join(dir, name);

const board = {
  harts: 4,
  isa: 'rv64imac_zicsr_zifencei',
  ramSize: 128 * 1024 * 1024,
  ramBase: 0x8000_0000,
  timebaseHz: 10_000_000,
  // QEMU virt lists all eight virtio-mmio slots, from the last to the first.
  devices: [...RVN_BOARD.devices, ...[7, 6, 5, 4, 3, 2, 1, 0].map(virtioSlot)],
  bootargs: 'console=ttyS0',
};

/** path → node, and phandle → path. */
function index(root: FdtNode) {
  const nodes = new Map<string, FdtNode>();
  const phandles = new Map<number, string>();
  const walk = (n: FdtNode, path: string) => {
    nodes.set(path, n);
    const ph = n.props.find((p) => p.name === 'phandle');
    if (ph) phandles.set(fdtValue.u32(ph.value), path);
    for (const c of n.children) walk(c, path === '/' ? `/${c.name}` : `${path}/${c.name}`);
  };
  walk(root, '/');
  return { nodes, phandles };
}

describe('device tree vs dtc', () => {
  it('dtc compiles the tiny source to the bytes our writer produces', () => {
    writeFileSync(file('tiny.dts'), '/dts-v1/;\n/ { #address-cells = <1>; a@1 { compatible = "x"; cells = <2>; }; };\n');
    execFileSync('dtc', ['-q', '-I', 'dts', '-O', 'dtb', '-o', file('tiny.dtb'), file('tiny.dts')]);
    const ours = writeFdt(
      fdtNode('', [prop.u32('#address-cells', 1)], [fdtNode('a@1', [prop.str('compatible', 'x'), prop.u32('cells', 2)])]),
    );
    expect(new Uint8Array(readFileSync(file('tiny.dtb')))).toEqual(ours);
  });

  it('dtc decompiles the board tree and recompiles it to identical bytes', () => {
    const dtb = buildBoardFdt(board);
    writeFileSync(file('board.dtb'), dtb);
    const dts = execFileSync('dtc', ['-q', '-I', 'dtb', '-O', 'dts', file('board.dtb')], { encoding: 'utf8' });
    for (const line of [
      'stdout-path = "/soc/serial@10000000";',
      'memory@80000000 {',
      'cpu@3 {',
      'riscv,isa = "rv64imac_zicsr_zifencei";',
      'mmu-type = "riscv,sv39";',
      'compatible = "riscv,cpu-intc";',
      'clint@2000000 {',
      'compatible = "sifive,clint0\\0riscv,clint0";',
      'plic@c000000 {',
      'compatible = "sifive,plic-1.0.0\\0riscv,plic0";',
      'serial@10000000 {',
      'compatible = "ns16550a";',
      'test@100000 {',
      'compatible = "sifive,test1\\0sifive,test0\\0syscon";',
      'compatible = "syscon-poweroff";',
      'virtio_mmio@10008000 {',
      'virtio_mmio@10001000 {',
      'uintc@2f10000 {',
      'compatible = "rvn,uintc";',
    ]) {
      expect(dts).toContain(line);
    }
    writeFileSync(file('board.dts'), dts);
    execFileSync('dtc', ['-q', '-I', 'dts', '-O', 'dtb', '-o', file('again.dtb'), file('board.dts')]);
    expect(new Uint8Array(readFileSync(file('again.dtb')))).toEqual(dtb);
  });
});

describe('device tree vs QEMU virt', () => {
  it('matches QEMU virt (-smp 4 -m 128M) on every shared node and property', () => {
    execFileSync('qemu-system-riscv64', ['-M', `virt,dumpdtb=${file('qemu.dtb')}`, '-smp', '4', '-m', '128M', '-nographic'], {
      stdio: 'ignore',
    });
    const qemu = index(readFdt(new Uint8Array(readFileSync(file('qemu.dtb')))).root);
    const ours = index(readFdt(buildBoardFdt(board)).root);
    // Properties that legitimately differ: our ISA/MMU, riscv,ndev (QEMU says 0x60 for its 96
    // sources; we give the highest source id), the model string and phandle numbering.
    const differs = new Set(['riscv,isa', 'mmu-type', 'riscv,ndev', 'model', 'phandle']);
    const phandleProps = new Set(['interrupt-parent', 'regmap']);
    let compared = 0;
    for (const [path, node] of ours.nodes) {
      const theirs = qemu.nodes.get(path);
      if (!theirs || path === '/chosen') continue;
      for (const p of node.props) {
        if (differs.has(p.name)) continue;
        const q = theirs.props.find((x) => x.name === p.name);
        expect(q, `${path} ${p.name} missing in QEMU's tree`).toBeDefined();
        if (p.name === 'interrupts-extended') {
          // <phandle irq> pairs: compare the intc paths and the irq numbers.
          const resolve = (cells: number[], ph: Map<number, string>) =>
            cells.map((c, i) => (i % 2 === 0 ? ph.get(c) : c));
          expect(resolve(fdtValue.cells(p.value), ours.phandles), `${path} ${p.name}`).toEqual(
            resolve(fdtValue.cells(q!.value), qemu.phandles),
          );
        } else if (phandleProps.has(p.name)) {
          expect(ours.phandles.get(fdtValue.u32(p.value)), `${path} ${p.name}`).toBe(
            qemu.phandles.get(fdtValue.u32(q!.value)),
          );
        } else {
          expect(Array.from(p.value), `${path} ${p.name}`).toEqual(Array.from(q!.value));
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(60);
    for (const path of ['/soc/clint@2000000', '/soc/plic@c000000', '/soc/serial@10000000', '/soc/test@100000', '/poweroff']) {
      expect(qemu.nodes.has(path) && ours.nodes.has(path)).toBe(true);
    }
  });

  it('OpenSBI finds console, IPI, timer and reset in our tree and powers off through it', () => {
    // An S-mode payload that asks SBI for a shutdown: SRST (EID "SRST"), FID 0, type 0.
    writeFileSync(
      file('srst.S'),
      '.globl _start\n_start:\n li a7, 0x53525354\n li a6, 0\n li a0, 0\n li a1, 0\n ecall\n1: j 1b\n',
    );
    execFileSync('riscv64-unknown-elf-as', ['-march=rv64imac', '-o', file('srst.o'), file('srst.S')]);
    execFileSync('riscv64-unknown-elf-ld', ['-Ttext=0x80200000', '-o', file('srst.elf'), file('srst.o')]);
    execFileSync('riscv64-unknown-elf-objcopy', ['-O', 'binary', file('srst.elf'), file('srst.bin')]);
    writeFileSync(file('board.dtb'), buildBoardFdt(board));
    const run = spawnSync(
      'qemu-system-riscv64',
      ['-M', 'virt', '-smp', '4', '-m', '128M', '-nographic', '-dtb', file('board.dtb'), '-kernel', file('srst.bin')],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.error).toBeUndefined(); // a timeout means the shutdown did not happen
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/Platform HART Count\s*: 4/);
    expect(out).toMatch(/Platform IPI Device\s*: aclint-mswi/);
    expect(out).toMatch(/Platform Timer Device\s*: aclint-mtimer @ 10000000Hz/);
    expect(out).toMatch(/Platform Console Device\s*: uart8250/);
    expect(out).toMatch(/Platform Shutdown Device\s*: sifive_test/);
    // QEMU placed our DTB where dtbAddress() says: 2 MiB below the end of 128 MiB.
    expect(out).toMatch(/Domain0 Next Arg1\s*: 0x0*87e00000/);
  }, 60_000);
});
