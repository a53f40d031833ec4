/**
 * What a board is made of, as plain data: the fixed memory regions and a list of devices,
 * each with its window, its interrupt source and its device-tree node. The machine builds the
 * bus map and the interrupt wiring from this list, src/fdt the device tree, and
 * scripts/memory-map.mjs the docs' memory-map table, so a device added to the list appears in
 * all of them (src/machine/board.ts holds the rvn board itself).
 */
import { RvnError } from '../errors';

/** A device-tree property value: u32 cells, a string list, or an empty (boolean) property. */
export type DtValue =
  | { readonly cells: readonly number[] }
  | { readonly strings: readonly string[] }
  | { readonly empty: true };

export const dtValue = {
  u32: (...cells: number[]): DtValue => ({ cells }),
  str: (...strings: string[]): DtValue => ({ strings }),
  empty: (): DtValue => ({ empty: true }),
};

/** A device's node under /soc; `reg`, `interrupts` and `interrupt-parent` follow from the entry. */
export interface DeviceTreeSpec {
  /** Node name before the unit address (QEMU's: 'serial', 'plic', 'virtio_mmio'); the unit address is the base. */
  readonly node: string;
  readonly compatible: readonly string[];
  /**
   * Interrupt outputs wired to every hart's local interrupt controller (mip bit numbers):
   * `interrupts-extended = <&cpu0_intc b0 &cpu0_intc b1 ... &cpu1_intc b0 ...>`.
   */
  readonly hartIrqs?: readonly number[];
  /** Device-specific properties, in order (e.g. clock-frequency). */
  readonly props?: readonly (readonly [name: string, value: DtValue])[];
  /** Other nodes refer to this one (it gets a phandle). */
  readonly phandle?: boolean;
  /** /chosen/stdout-path names this node. */
  readonly stdout?: boolean;
  /** Root-level syscon-poweroff and syscon-reboot nodes writing these values at offset 0 of this device. */
  readonly syscon?: { readonly poweroff: number; readonly reboot: number };
}

/** One device on the board. */
export interface BoardDeviceSpec {
  /** What it is ('uart16550', 'plic', 'virtio-net'); names the device in diagnostics. */
  readonly kind: string;
  /** Physical base address and size of its register window. */
  readonly base: number;
  readonly size: number;
  /** Its input on the board's interrupt controller (a PLIC source id), if it interrupts. */
  readonly irq?: number;
  /**
   * Set for the board's interrupt controller: the number of source ids it has, the reserved
   * id 0 included. Every other entry's `irq` must be below it; the device tree gets
   * `riscv,ndev` = irqSources − 1, `interrupt-controller` and `#interrupt-cells`.
   */
  readonly irqSources?: number;
  /** Its device-tree node (absent: the device is not in the tree). */
  readonly dt?: DeviceTreeSpec;
  /** One line for the memory-map table in the docs. */
  readonly doc: string;
}

export interface MemoryRegion {
  readonly base: number;
  readonly size: number;
}

/** Address windows set aside for devices to come: window i at base + stride·i, IRQ firstIrq + i. */
export interface SlotRange {
  readonly kind: string;
  readonly base: number;
  readonly stride: number;
  readonly count: number;
  readonly firstIrq: number;
  readonly doc: string;
}

/** A board: fixed regions and the device list. */
export interface BoardSpec<D extends BoardDeviceSpec = BoardDeviceSpec> {
  readonly bootRom: MemoryRegion;
  readonly ram: { readonly base: number; readonly defaultSize: number };
  readonly devices: readonly D[];
  readonly slots: readonly SlotRange[];
}

/** Window i of a slot range, as the fields of a device entry. */
export function slotWindow(range: SlotRange, i: number): { base: number; size: number; irq: number } {
  if (!Number.isInteger(i) || i < 0 || i >= range.count) throw new RvnError(`board: ${range.kind} slot ${i} is not 0..${range.count - 1}`);
  return { base: range.base + range.stride * i, size: range.stride, irq: range.firstIrq + i };
}
