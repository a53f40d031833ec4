import { describe, expect, it } from 'vitest';
import {
  boardFdtTree,
  buildBoardFdt,
  fdtNode,
  fdtValue,
  findNode,
  findProp,
  prop,
  readFdt,
  writeFdt,
} from '../../src/fdt';
import { RVN_BOARD } from '../../src/machine/board';
import { virtioSlot } from './helpers';

const hex = (s: string) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));

/** / { #address-cells = <1>; a@1 { compatible = "x"; cells = <2>; }; }; */
const tiny = () =>
  fdtNode('', [prop.u32('#address-cells', 1)], [fdtNode('a@1', [prop.str('compatible', 'x'), prop.u32('cells', 2)])]);

// Computed by hand from the Devicetree Specification v0.4 ch. 5 (and identical to what
// dtc 1.6.1 produces from the same source):
//   header 40 bytes; reservation block at 0x28 (only the 16-byte terminator); structure
//   block at 0x38, 76 bytes; strings "#address-cells\0compatible\0" (26 bytes) at 0x84;
//   "cells" reuses the tail of "#address-cells" (offset 9), as dtc does. Total 0x9e.
const TINY_DTB = hex(`
  d00dfeed 0000009e 00000038 00000084 00000028 00000011 00000010 00000000 0000001a 0000004c
  00000000 00000000 00000000 00000000
  00000001 00000000
  00000003 00000004 00000000 00000001
  00000001 61403100
  00000003 00000002 0000000f 78000000
  00000003 00000004 00000009 00000002
  00000002
  00000002
  00000009
  23616464726573732d63656c6c7300 636f6d70617469626c6500
`);

describe('FDT writer', () => {
  it('writes a tiny tree to the exact hand-computed bytes', () => {
    expect(writeFdt(tiny())).toEqual(TINY_DTB);
  });

  it('writes reservations as big-endian (address, size) pairs before the terminator', () => {
    const dtb = writeFdt(fdtNode(''), { reservations: [{ address: 0x8000_0000, size: 0x20_0000 }], bootCpuid: 2 });
    const v = new DataView(dtb.buffer);
    expect(v.getUint32(16)).toBe(0x28); // off_mem_rsvmap
    expect(v.getUint32(8)).toBe(0x28 + 32); // struct after one entry and the terminator
    expect(v.getUint32(28)).toBe(2); // boot_cpuid_phys
    expect(Array.from(dtb.subarray(0x28, 0x38))).toEqual([
      0, 0, 0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0x20, 0, 0,
    ]);
    // Empty root: BEGIN_NODE, "" padded, END_NODE, END = 16 bytes; no strings.
    expect(v.getUint32(36)).toBe(16);
    expect(v.getUint32(32)).toBe(0);
    expect(dtb.length).toBe(0x28 + 32 + 16);
  });

  it('encodes u64 as two cells and string lists with NULs', () => {
    expect(Array.from(prop.u64('x', 0x1_2345_6789).value)).toEqual([0, 0, 0, 1, 0x23, 0x45, 0x67, 0x89]);
    expect(Array.from(prop.strs('c', 'a', 'bc').value)).toEqual([0x61, 0, 0x62, 0x63, 0]);
    expect(() => prop.u32('x', 2 ** 32)).toThrow(/32 bits/);
  });
});

describe('FDT reader', () => {
  it('reads the hand-written bytes back', () => {
    const fdt = readFdt(TINY_DTB);
    expect(fdt.version).toBe(17);
    expect(fdt.reservations).toEqual([]);
    expect(fdt.root.name).toBe('');
    const a = findNode(fdt.root, '/a@1')!;
    expect(fdtValue.string(findProp(a, 'compatible')!.value)).toBe('x');
    expect(fdtValue.u32(findProp(a, 'cells')!.value)).toBe(2);
    expect(findNode(fdt.root, '/a')).toBe(a); // unit address may be omitted
    expect(findNode(fdt.root, '/b')).toBeUndefined();
  });

  it('rejects malformed input with RvnError', () => {
    expect(() => readFdt(new Uint8Array(10))).toThrow(/malformed/);
    const bad = TINY_DTB.slice();
    bad[0] = 0;
    expect(() => readFdt(bad)).toThrow(/bad magic/);
    expect(() => readFdt(TINY_DTB.slice(0, 0x60))).toThrow(/malformed/);
  });
});

describe('board device tree', () => {
  const cfg = {
    harts: 2,
    isa: 'rv64imac_zicsr_zifencei',
    ramSize: 128 * 1024 * 1024,
    ramBase: 0x8000_0000,
    timebaseHz: 10_000_000,
    devices: [...RVN_BOARD.devices, virtioSlot(7)],
    bootargs: 'console=ttyS0',
  };
  const fdt = readFdt(buildBoardFdt(cfg));
  const node = (p: string) => {
    const n = findNode(fdt.root, p);
    if (!n) throw new Error(`missing ${p}`);
    return n;
  };
  const cells = (p: string, name: string) => fdtValue.cells(findProp(node(p), name)!.value);
  const strs = (p: string, name: string) => fdtValue.strings(findProp(node(p), name)!.value);

  it('has the chosen node with bootargs and stdout-path', () => {
    expect(strs('/chosen', 'bootargs')).toEqual(['console=ttyS0']);
    expect(strs('/chosen', 'stdout-path')).toEqual(['/soc/serial@10000000']);
  });

  it('describes memory and the harts', () => {
    expect(cells('/memory@80000000', 'reg')).toEqual([0, 0x8000_0000, 0, 0x0800_0000]);
    expect(cells('/cpus', 'timebase-frequency')).toEqual([10_000_000]);
    for (const h of [0, 1]) {
      expect(cells(`/cpus/cpu@${h}`, 'reg')).toEqual([h]);
      expect(strs(`/cpus/cpu@${h}`, 'riscv,isa')).toEqual(['rv64imac_zicsr_zifencei']);
      expect(strs(`/cpus/cpu@${h}`, 'mmu-type')).toEqual(['riscv,sv39']);
      expect(strs(`/cpus/cpu@${h}/interrupt-controller`, 'compatible')).toEqual(['riscv,cpu-intc']);
    }
    expect(findNode(fdt.root, '/cpus/cpu@2')).toBeUndefined();
  });

  it('wires CLINT and PLIC to each hart intc (3/7 and 11/9)', () => {
    const i0 = cells('/cpus/cpu@0/interrupt-controller', 'phandle')[0];
    const i1 = cells('/cpus/cpu@1/interrupt-controller', 'phandle')[0];
    expect(i0).not.toBe(i1);
    expect(cells('/soc/clint@2000000', 'interrupts-extended')).toEqual([i0, 3, i0, 7, i1, 3, i1, 7]);
    expect(cells('/soc/clint@2000000', 'reg')).toEqual([0, 0x0200_0000, 0, 0x10000]);
    expect(strs('/soc/clint@2000000', 'compatible')).toEqual(['sifive,clint0', 'riscv,clint0']);
    expect(cells('/soc/plic@c000000', 'interrupts-extended')).toEqual([i0, 11, i0, 9, i1, 11, i1, 9]);
    expect(cells('/soc/plic@c000000', 'riscv,ndev')).toEqual([95]);
    expect(cells('/soc/plic@c000000', 'reg')).toEqual([0, 0x0c00_0000, 0, 0x60_0000]);
  });

  it('routes UART and virtio interrupts to the PLIC', () => {
    const plic = cells('/soc/plic@c000000', 'phandle')[0];
    expect(cells('/soc/serial@10000000', 'interrupt-parent')).toEqual([plic]);
    expect(cells('/soc/serial@10000000', 'interrupts')).toEqual([10]);
    expect(cells('/soc/serial@10000000', 'clock-frequency')).toEqual([3_686_400]);
    expect(strs('/soc/serial@10000000', 'compatible')).toEqual(['ns16550a']);
    expect(cells('/soc/virtio_mmio@10008000', 'interrupts')).toEqual([8]);
    expect(cells('/soc/virtio_mmio@10008000', 'reg')).toEqual([0, 0x1000_8000, 0, 0x1000]);
    expect(findNode(fdt.root, '/soc/virtio_mmio@10001000')).toBeUndefined();
  });

  it('has the test device with syscon poweroff/reboot nodes, and the UINTC', () => {
    const test = cells('/soc/test@100000', 'phandle')[0];
    expect(strs('/soc/test@100000', 'compatible')).toEqual(['sifive,test1', 'sifive,test0', 'syscon']);
    expect(cells('/poweroff', 'regmap')).toEqual([test]);
    expect(cells('/poweroff', 'value')).toEqual([0x5555]);
    expect(cells('/reboot', 'value')).toEqual([0x7777]);
    expect(strs('/reboot', 'compatible')).toEqual(['syscon-reboot']);
    expect(strs('/soc/uintc@2f10000', 'compatible')).toEqual(['rvn,uintc']);
    expect(cells('/soc/uintc@2f10000', 'reg')).toEqual([0, 0x02f1_0000, 0, 0x4000]);
  });

  it('gives every phandle a distinct value', () => {
    const all: number[] = [];
    const walk = (n: ReturnType<typeof boardFdtTree>) => {
      for (const p of n.props) if (p.name === 'phandle') all.push(fdtValue.u32(p.value));
      n.children.forEach(walk);
    };
    walk(fdt.root);
    expect(all.length).toBe(4); // 2 intc, plic, test
    expect(new Set(all).size).toBe(all.length);
  });

  it('rejects bad configuration with RvnError', () => {
    expect(() => buildBoardFdt({ ...cfg, harts: 0 })).toThrow(/hart count/);
    expect(() => virtioSlot(8)).toThrow(/virtio-mmio slot 8/);
    expect(() => buildBoardFdt({ ...cfg, devices: [...cfg.devices, virtioSlot(7)] })).toThrow(/two devices at virtio_mmio@10008000/);
    expect(() => buildBoardFdt({ ...cfg, devices: [virtioSlot(7)] })).toThrow(/no interrupt controller/);
    expect(() => buildBoardFdt({ ...cfg, isa: 'x86' })).toThrow(/ISA/);
  });
});
