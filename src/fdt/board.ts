/**
 * The board's device tree, built from its device list (src/hw/board.ts) with QEMU virt's node
 * names and compatible strings, so that OpenSBI's generic platform (console, mtimer, IPI, reset
 * via lib/utils/fdt) and Linux find everything where they look on QEMU.
 *
 * Every device becomes a node under /soc named after its base address, with `reg` from its
 * window; a device with an `irq` gets `interrupts` and `interrupt-parent` = the board's
 * interrupt controller (the entry with `irqSources`); `hartIrqs` become interrupts-extended
 * to every hart's cpu-intc. Phandles: the harts' intc nodes 1..H, then the devices that need
 * one (the interrupt controller first), in list order.
 */
import { RvnError } from '../errors';
import type { BoardDeviceSpec, DtValue } from '../hw/board';
import type { FdtNode, FdtProp, FdtReservation } from './tree';
import { fdtNode, prop, u64Cells } from './tree';
import { writeFdt } from './writer';

export interface BoardFdtConfig {
  harts: number;
  /** riscv,isa of every hart, e.g. "rv64imac_zicsr_zifencei". */
  isa: string;
  /** Default "riscv,sv39". */
  mmuType?: string;
  ramBase: number;
  ramSize: number;
  timebaseHz: number;
  /** The devices, in the order their nodes appear under /soc. */
  devices: readonly BoardDeviceSpec[];
  bootargs?: string;
  /** Default: the device whose node has `stdout`. */
  stdoutPath?: string;
  reservations?: readonly FdtReservation[];
}

const hex = (n: number) => n.toString(16);
const reg = (base: number, size: number) => prop.cells('reg', [...u64Cells(base), ...u64Cells(size)]);
const nodeName = (d: BoardDeviceSpec) => `${d.dt!.node}@${hex(d.base)}`;

function dtProp(name: string, v: DtValue): FdtProp {
  if ('cells' in v) return prop.cells(name, v.cells);
  if ('strings' in v) return prop.strs(name, ...v.strings);
  return prop.empty(name);
}

/** Phandles, allocated in a fixed order so the tree is reproducible. */
interface Phandles {
  intc: number[];
  /** Device index → phandle. */
  device: Map<number, number>;
  /** The interrupt controller's phandle (0 when the board has none). */
  controller: number;
}

function allocatePhandles(cfg: BoardFdtConfig): Phandles {
  const intc = Array.from({ length: cfg.harts }, (_, h) => h + 1);
  const device = new Map<number, number>();
  let next = cfg.harts + 1;
  const controller = cfg.devices.findIndex((d) => d.irqSources !== undefined && d.dt !== undefined);
  if (controller >= 0) device.set(controller, next++);
  cfg.devices.forEach((d, i) => {
    if (i !== controller && (d.dt?.phandle || d.dt?.syscon)) device.set(i, next++);
  });
  return { intc, device, controller: controller >= 0 ? device.get(controller)! : 0 };
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

function deviceNode(d: BoardDeviceSpec, index: number, ph: Phandles): FdtNode {
  const dt = d.dt!;
  const props: FdtProp[] = [];
  const phandle = ph.device.get(index);
  if (phandle !== undefined) props.push(prop.u32('phandle', phandle));
  if (d.irq !== undefined) props.push(prop.u32('interrupts', d.irq), prop.u32('interrupt-parent', ph.controller));
  if (dt.hartIrqs !== undefined) {
    // interrupts-extended = <intc_h irqA intc_h irqB ...> for every hart.
    props.push(prop.cells('interrupts-extended', ph.intc.flatMap((p) => dt.hartIrqs!.flatMap((irq) => [p, irq]))));
  }
  if (d.irqSources !== undefined) props.push(prop.u32('riscv,ndev', d.irqSources - 1));
  for (const [name, value] of dt.props ?? []) props.push(dtProp(name, value));
  props.push(reg(d.base, d.size));
  if (d.irqSources !== undefined) props.push(prop.empty('interrupt-controller'));
  props.push(prop.strs('compatible', ...dt.compatible));
  if (d.irqSources !== undefined) props.push(prop.u32('#address-cells', 0), prop.u32('#interrupt-cells', 1));
  return fdtNode(nodeName(d), props);
}

/** syscon-poweroff / syscon-reboot nodes pointing at the device, as QEMU has them for its test device. */
function sysconNodes(cfg: BoardFdtConfig, ph: Phandles): FdtNode[] {
  const nodes: FdtNode[] = [];
  cfg.devices.forEach((d, i) => {
    const syscon = d.dt?.syscon;
    if (syscon === undefined) return;
    const node = (name: string, value: number) =>
      fdtNode(name, [
        prop.u32('value', value),
        prop.u32('offset', 0),
        prop.u32('regmap', ph.device.get(i)!),
        prop.str('compatible', `syscon-${name}`),
      ]);
    nodes.push(node('poweroff', syscon.poweroff), node('reboot', syscon.reboot));
  });
  return nodes;
}

function validate(cfg: BoardFdtConfig): void {
  if (!Number.isInteger(cfg.harts) || cfg.harts < 1) throw new RvnError(`device tree: invalid hart count ${cfg.harts}`);
  if (!/^rv(32|64)[a-z]/.test(cfg.isa)) throw new RvnError(`device tree: invalid ISA string "${cfg.isa}"`);
  if (!Number.isSafeInteger(cfg.ramSize) || cfg.ramSize <= 0) {
    throw new RvnError(`device tree: invalid RAM size ${cfg.ramSize}`);
  }
  if (!Number.isInteger(cfg.timebaseHz) || cfg.timebaseHz <= 0 || cfg.timebaseHz > 0xffff_ffff) {
    throw new RvnError(`device tree: invalid timebase frequency ${cfg.timebaseHz}`);
  }
  const inTree = cfg.devices.filter((d) => d.dt !== undefined);
  const names = inTree.map(nodeName);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new RvnError(`device tree: two devices at ${twice}`);
  if (inTree.some((d) => d.irq !== undefined) && !inTree.some((d) => d.irqSources !== undefined)) {
    throw new RvnError('device tree: a device has an interrupt but the board has no interrupt controller');
  }
}

/** The board's device tree as a node tree. */
export function boardFdtTree(cfg: BoardFdtConfig): FdtNode {
  validate(cfg);
  const ph = allocatePhandles(cfg);
  const chosen: FdtNode = fdtNode('chosen');
  const console = cfg.devices.find((d) => d.dt?.stdout);
  const stdout = cfg.stdoutPath ?? (console !== undefined ? `/soc/${nodeName(console)}` : undefined);
  if (cfg.bootargs !== undefined) chosen.props.push(prop.str('bootargs', cfg.bootargs));
  if (stdout !== undefined) chosen.props.push(prop.str('stdout-path', stdout));

  const soc = fdtNode(
    'soc',
    [prop.u32('#address-cells', 2), prop.u32('#size-cells', 2), prop.str('compatible', 'simple-bus'), prop.empty('ranges')],
    cfg.devices.flatMap((d, i) => (d.dt !== undefined ? [deviceNode(d, i, ph)] : [])),
  );
  return fdtNode(
    '',
    [
      prop.u32('#address-cells', 2),
      prop.u32('#size-cells', 2),
      prop.str('compatible', 'riscv-virtio'),
      prop.str('model', 'riscv-virtio,rvn'),
    ],
    [
      chosen,
      ...sysconNodes(cfg, ph),
      fdtNode(`memory@${hex(cfg.ramBase)}`, [prop.str('device_type', 'memory'), reg(cfg.ramBase, cfg.ramSize)]),
      cpusNode(cfg, ph),
      soc,
    ],
  );
}

/** The board's device tree as DTB bytes. */
export function buildBoardFdt(cfg: BoardFdtConfig): Uint8Array {
  return writeFdt(boardFdtTree(cfg), { reservations: cfg.reservations });
}
