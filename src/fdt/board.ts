/**
 * The rvn board's device tree, built from its configuration with QEMU virt's node names and
 * compatible strings, so that OpenSBI's generic platform (console, mtimer, IPI, reset via
 * lib/utils/fdt) and Linux find everything where they look on QEMU.
 */
import { RvnError } from '../errors';
import { MemoryMap } from '../hw/memmap';
import type { FdtNode, FdtReservation } from './tree';
import { fdtNode, prop, u64Cells } from './tree';
import { writeFdt } from './writer';

export interface BoardFdtConfig {
  harts: number;
  /** riscv,isa of every hart, e.g. "rv64imac_zicsr_zifencei". */
  isa: string;
  /** Default "riscv,sv39". */
  mmuType?: string;
  ramBase?: number;
  ramSize: number;
  timebaseHz: number;
  /** UART present (default true) and its input clock (default 3686400 Hz, as QEMU). */
  uart?: boolean;
  uartClockHz?: number;
  /** sifive_test finisher present (default true). */
  testDevice?: boolean;
  /** UINTC present (default false). */
  uintc?: boolean;
  /** Occupied virtio-mmio slots, 0..7 (slot i at 0x10001000 + 0x1000·i, IRQ 1 + i). */
  virtioSlots?: readonly number[];
  /** PLIC riscv,ndev (highest source id); default 95 (96 sources with the reserved 0). */
  plicNdev?: number;
  bootargs?: string;
  /** Default: the UART when present. */
  stdoutPath?: string;
  reservations?: readonly FdtReservation[];
}

const UART_CLOCK_HZ = 3_686_400;
/** mip bit numbers used in interrupts-extended (riscv,cpu-intc hwirq = cause number). */
const IRQ = { usi: 0, ssi: 1, msi: 3, mti: 7, sei: 9, mei: 11 } as const;

const hex = (n: number) => n.toString(16);
const reg = (base: number, size: number) => prop.cells('reg', [...u64Cells(base), ...u64Cells(size)]);

/** Phandles, allocated in a fixed order so the tree is reproducible. */
interface Phandles {
  intc: number[];
  plic: number;
  test: number;
}

function allocatePhandles(harts: number): Phandles {
  const intc = Array.from({ length: harts }, (_, h) => h + 1);
  return { intc, plic: harts + 1, test: harts + 2 };
}

function cpusNode(cfg: BoardFdtConfig, ph: Phandles): FdtNode {
  const cpus = ph.intc.map((intcPhandle, h) =>
    fdtNode(
      `cpu@${h}`,
      [
        prop.str('device_type', 'cpu'),
        prop.u32('reg', h),
        prop.str('status', 'okay'),
        prop.str('compatible', 'riscv'),
        prop.str('riscv,isa', cfg.isa),
        prop.str('mmu-type', cfg.mmuType ?? 'riscv,sv39'),
      ],
      [
        fdtNode('interrupt-controller', [
          prop.u32('#interrupt-cells', 1),
          prop.empty('interrupt-controller'),
          prop.str('compatible', 'riscv,cpu-intc'),
          prop.u32('phandle', intcPhandle),
        ]),
      ],
    ),
  );
  return fdtNode(
    'cpus',
    [prop.u32('#address-cells', 1), prop.u32('#size-cells', 0), prop.u32('timebase-frequency', cfg.timebaseHz)],
    cpus,
  );
}

/** interrupts-extended = <intc_h irqA intc_h irqB ...> for every hart. */
function perHartIrqs(ph: Phandles, irqs: readonly number[]): number[] {
  return ph.intc.flatMap((p) => irqs.flatMap((irq) => [p, irq]));
}

function socNode(cfg: BoardFdtConfig, ph: Phandles): FdtNode {
  const m = MemoryMap;
  const children: FdtNode[] = [];
  if (cfg.testDevice ?? true) {
    children.push(
      fdtNode(`test@${hex(m.testDevice.base)}`, [
        prop.u32('phandle', ph.test),
        reg(m.testDevice.base, m.testDevice.size),
        prop.strs('compatible', 'sifive,test1', 'sifive,test0', 'syscon'),
      ]),
    );
  }
  if (cfg.uart ?? true) {
    children.push(
      fdtNode(`serial@${hex(m.uart.base)}`, [
        prop.u32('interrupts', m.uart.irq),
        prop.u32('interrupt-parent', ph.plic),
        prop.u32('clock-frequency', cfg.uartClockHz ?? UART_CLOCK_HZ),
        reg(m.uart.base, m.uart.size),
        prop.str('compatible', 'ns16550a'),
      ]),
    );
  }
  // QEMU lists the slots from the last to the first.
  const slots = [...(cfg.virtioSlots ?? [])].sort((a, b) => b - a);
  for (const i of slots) {
    const base = m.virtio.base + m.virtio.stride * i;
    children.push(
      fdtNode(`virtio_mmio@${hex(base)}`, [
        prop.u32('interrupts', m.virtio.firstIrq + i),
        prop.u32('interrupt-parent', ph.plic),
        reg(base, m.virtio.stride),
        prop.str('compatible', 'virtio,mmio'),
      ]),
    );
  }
  if (cfg.uintc ?? false) {
    children.push(
      fdtNode(`uintc@${hex(m.uintc.base)}`, [
        prop.cells('interrupts-extended', perHartIrqs(ph, [IRQ.usi])),
        reg(m.uintc.base, m.uintc.size),
        prop.str('compatible', 'rvn,uintc'),
      ]),
    );
  }
  children.push(
    fdtNode(`plic@${hex(m.plic.base)}`, [
      prop.u32('phandle', ph.plic),
      prop.u32('riscv,ndev', cfg.plicNdev ?? 95),
      reg(m.plic.base, m.plic.size),
      prop.cells('interrupts-extended', perHartIrqs(ph, [IRQ.mei, IRQ.sei])),
      prop.empty('interrupt-controller'),
      prop.strs('compatible', 'sifive,plic-1.0.0', 'riscv,plic0'),
      prop.u32('#address-cells', 0),
      prop.u32('#interrupt-cells', 1),
    ]),
    fdtNode(`clint@${hex(m.clint.base)}`, [
      prop.cells('interrupts-extended', perHartIrqs(ph, [IRQ.msi, IRQ.mti])),
      reg(m.clint.base, m.clint.size),
      prop.strs('compatible', 'sifive,clint0', 'riscv,clint0'),
    ]),
  );
  return fdtNode(
    'soc',
    [prop.u32('#address-cells', 2), prop.u32('#size-cells', 2), prop.str('compatible', 'simple-bus'), prop.empty('ranges')],
    children,
  );
}

/** syscon-poweroff / syscon-reboot nodes pointing at the test device, as QEMU has them. */
function sysconNodes(ph: Phandles): FdtNode[] {
  const node = (name: string, value: number) =>
    fdtNode(name, [
      prop.u32('value', value),
      prop.u32('offset', 0),
      prop.u32('regmap', ph.test),
      prop.str('compatible', `syscon-${name}`),
    ]);
  return [node('poweroff', 0x5555), node('reboot', 0x7777)];
}

function validate(cfg: BoardFdtConfig): void {
  if (!Number.isInteger(cfg.harts) || cfg.harts < 1 || cfg.harts > 64) {
    throw new RvnError(`device tree: invalid hart count ${cfg.harts}`);
  }
  if (!/^rv(32|64)[a-z]/.test(cfg.isa)) throw new RvnError(`device tree: invalid ISA string "${cfg.isa}"`);
  if (!Number.isSafeInteger(cfg.ramSize) || cfg.ramSize <= 0) {
    throw new RvnError(`device tree: invalid RAM size ${cfg.ramSize}`);
  }
  if (!Number.isInteger(cfg.timebaseHz) || cfg.timebaseHz <= 0 || cfg.timebaseHz > 0xffff_ffff) {
    throw new RvnError(`device tree: invalid timebase frequency ${cfg.timebaseHz}`);
  }
  for (const s of cfg.virtioSlots ?? []) {
    if (!Number.isInteger(s) || s < 0 || s >= MemoryMap.virtio.count) {
      throw new RvnError(`device tree: invalid virtio-mmio slot ${s}`);
    }
  }
  if (new Set(cfg.virtioSlots ?? []).size !== (cfg.virtioSlots ?? []).length) {
    throw new RvnError('device tree: virtio-mmio slot listed twice');
  }
}

/** The board's device tree as a node tree. */
export function boardFdtTree(cfg: BoardFdtConfig): FdtNode {
  validate(cfg);
  const ph = allocatePhandles(cfg.harts);
  const ramBase = cfg.ramBase ?? MemoryMap.ram.base;
  const uart = cfg.uart ?? true;
  const chosen: FdtNode = fdtNode('chosen');
  const stdout = cfg.stdoutPath ?? (uart ? `/soc/serial@${hex(MemoryMap.uart.base)}` : undefined);
  if (cfg.bootargs !== undefined) chosen.props.push(prop.str('bootargs', cfg.bootargs));
  if (stdout !== undefined) chosen.props.push(prop.str('stdout-path', stdout));

  const children: FdtNode[] = [chosen];
  if (cfg.testDevice ?? true) children.push(...sysconNodes(ph));
  children.push(
    fdtNode(`memory@${hex(ramBase)}`, [prop.str('device_type', 'memory'), reg(ramBase, cfg.ramSize)]),
    cpusNode(cfg, ph),
    socNode(cfg, ph),
  );
  return fdtNode(
    '',
    [
      prop.u32('#address-cells', 2),
      prop.u32('#size-cells', 2),
      prop.str('compatible', 'riscv-virtio'),
      prop.str('model', 'riscv-virtio,rvn'),
    ],
    children,
  );
}

/** The board's device tree as DTB bytes. */
export function buildBoardFdt(cfg: BoardFdtConfig): Uint8Array {
  return writeFdt(boardFdtTree(cfg), { reservations: cfg.reservations });
}
