/**
 * The rvn board (platform.md): one list of devices from which the machine maps the bus, wires
 * the interrupts (PLIC sources, the UINTC's per-hart line), src/fdt builds the device tree and
 * scripts/memory-map.mjs writes the docs' memory-map table. Adding a device is adding an entry
 * here: its window, its PLIC source, its device-tree node and how to create it from what the
 * machine offers (DeviceContext: clock, event queue, interrupt lines, DMA, console).
 */
import type { ConsoleInput, HartIrqLines, IrqSink, MachineClock, MmioDevice, MtimeSource } from '../hw/device';
import type { BoardDeviceSpec, BoardSpec, MemoryRegion, SlotRange } from '../hw/board';
import { dtValue, slotWindow } from '../hw/board';
import { RvnError } from '../errors';
import type { DmaPort } from '../hw/dma';
import type { EventQueue } from '../hw/events';
import { MemoryMap } from '../hw/memmap';
import type { UintcPort } from '../hw/uintc-port';
import { Clint, ClintReg } from '../clint/clint';
import { Plic, PlicReg } from '../plic/plic';
import { SifiveTest, TestDevReg } from '../testdev/sifive-test';
import type { PowerOffEvent } from '../testdev/sifive-test';
import type { TimingProfile } from '../timing/profile';
import { Uart16550, UartReg, charCyclesAt } from '../uart/uart16550';
import { Uintc, UintcReg } from '../uintc/uintc';
import { EmptyVirtioSlot } from '../virtio/empty';
import type { UintcMode } from '../uintc/uintc';
import type { NetworkAdapter } from './net-entry';

/** What the machine offers a device it creates. */
export interface DeviceContext {
  readonly harts: number;
  /** Now, in core cycles: the accessing hart's cycle, or the time of the event being delivered. */
  readonly clock: MachineClock;
  readonly events: EventQueue;
  /** The harts' interrupt inputs (mip bits), for devices wired to every hart (CLINT, PLIC, UINTC). */
  readonly hartIrq: HartIrqLines;
  /** The interrupt controller's inputs: a device raises source `entry.irq`. */
  readonly irq: IrqSink;
  /** Guest RAM, read and written with a hart store's effects. */
  readonly dma: DmaPort;
  readonly timing: TimingProfile;
  readonly uintcMode: UintcMode;
  /** Bytes for the guest console (the host's stdout). */
  console(bytes: Uint8Array): void;
  /** The guest asked for power-off or reset. */
  powerOff(event: PowerOffEvent): void;
  /** Sets a hart's software USIP bit (the QEMU fork's UINTC), waking it from WFI. */
  latchUsip(hartId: number): void;
}

/** Devices the machine itself talks to, by role. */
export interface DeviceRoles {
  /** The harts' `time` CSR. */
  timer: MmioDevice & MtimeSource;
  /** Takes every other device's `irq`. */
  'interrupt-controller': MmioDevice & IrqSink;
  /** Host input (stdin, --input) goes here. */
  console: MmioDevice & ConsoleInput;
  /** The harts' `uipi` instruction talks to it. */
  'user-interrupts': MmioDevice & UintcPort;
  /** The network card and the host side behind it (--net user). */
  network: NetworkAdapter;
}
export type DeviceRole = keyof DeviceRoles;

type EntryWithRole<R extends DeviceRole | undefined> = BoardDeviceSpec & {
  readonly role?: R;
  /** Creates the device; `entry` is this entry (its base, irq, ...). */
  create(ctx: DeviceContext, entry: BoardDeviceSpec): R extends DeviceRole ? DeviceRoles[R] : MmioDevice;
};

/** One device of a board: where it is, how it is wired and described, how it is made. */
export type BoardEntry = { [R in DeviceRole]: EntryWithRole<R> & { readonly role: R } }[DeviceRole] | EntryWithRole<undefined>;

/** mip bit numbers, the cpu-intc interrupt numbers in interrupts-extended. */
const MIP = { usi: 0, msi: 3, mti: 7, sei: 9, mei: 11 } as const;

/** QEMU virt's UART input clock. */
const UART_CLOCK_HZ = 3_686_400;
const PLIC_SOURCES = 96;

/** platform.md: eight virtio-mmio windows; QEMU puts the first device in the LAST one (0x1000_8000, IRQ 8). */
export const VIRTIO_MMIO_SLOTS: SlotRange = {
  kind: 'virtio-mmio',
  base: 0x1000_1000,
  stride: 0x1000,
  count: 8,
  firstIrq: 1,
  doc: 'virtio-mmio slots (version 2); the first device takes the last slot, as on QEMU',
};

/**
 * The virtio-mmio slots no device of `devices` occupies, as empty transports (DeviceID 0), from
 * the last slot to the first: QEMU virt maps and lists all eight, so a guest probing them finds
 * "no device" rather than an access fault. A slot whose window or IRQ a device already uses is
 * left out.
 */
export function emptyVirtioSlots(devices: readonly BoardDeviceSpec[]): BoardEntry[] {
  const empty: BoardEntry[] = [];
  for (let i = VIRTIO_MMIO_SLOTS.count - 1; i >= 0; i--) {
    const w = slotWindow(VIRTIO_MMIO_SLOTS, i);
    const taken = devices.some((d) => (d.base < w.base + w.size && w.base < d.base + d.size) || d.irq === w.irq);
    if (taken) continue;
    empty.push({
      kind: 'virtio-mmio', ...w,
      doc: 'empty virtio-mmio slot (DeviceID 0)',
      dt: { node: 'virtio_mmio', compatible: ['virtio,mmio'] },
      create: () => new EmptyVirtioSlot(),
    });
  }
  return empty;
}

export const testDeviceEntry: BoardEntry = {
  kind: 'sifive-test',
  base: 0x0010_0000,
  size: TestDevReg.size,
  doc: 'test/poweroff device (sifive_test: 0x5555 = pass, (code<<16)|0x3333 = fail, 0x7777 = reset)',
  dt: { node: 'test', compatible: ['sifive,test1', 'sifive,test0', 'syscon'], syscon: { poweroff: 0x5555, reboot: 0x7777 } },
  create: (ctx) => new SifiveTest((e) => ctx.powerOff(e)),
};

export const clintEntry: BoardEntry = {
  kind: 'clint',
  role: 'timer',
  base: 0x0200_0000,
  size: ClintReg.size,
  doc: 'CLINT: msip at +4·hart, mtimecmp at +0x4000+8·hart, mtime at +0xBFF8',
  dt: { node: 'clint', compatible: ['sifive,clint0', 'riscv,clint0'], hartIrqs: [MIP.msi, MIP.mti] },
  create: (ctx) =>
    new Clint({
      harts: ctx.harts, clock: ctx.clock, irq: ctx.hartIrq, events: ctx.events,
      cyclesPerTick: ctx.timing.clockHz / ctx.timing.timebaseHz, ipiLatency: ctx.timing.clintIpiLatency,
    }),
};

export const uintcEntry: BoardEntry = {
  kind: 'uintc',
  role: 'user-interrupts',
  base: 0x02f1_0000,
  size: UintcReg.size,
  doc: 'UINTC, the user-interrupt controller (uintr.md); drives each hart\'s USIP line',
  dt: { node: 'uintc', compatible: ['rvn,uintc'], hartIrqs: [MIP.usi] },
  create: (ctx) =>
    new Uintc({
      harts: ctx.harts, irq: ctx.hartIrq, clock: ctx.clock, events: ctx.events,
      mode: ctx.uintcMode, deliveryLatency: ctx.timing.uintcSendToInterruptCycles,
      // The QEMU fork's UINTC sets the software USIP bit instead of driving a line.
      latch: { latchUsip: (h) => ctx.latchUsip(h) },
    }),
};

export const plicEntry: BoardEntry = {
  kind: 'plic',
  role: 'interrupt-controller',
  base: 0x0c00_0000,
  size: PlicReg.size,
  irqSources: PLIC_SOURCES,
  doc: `PLIC, ${PLIC_SOURCES} sources: context 2h = hart h M-mode, 2h+1 = hart h S-mode`,
  dt: { node: 'plic', compatible: ['sifive,plic-1.0.0', 'riscv,plic0'], hartIrqs: [MIP.mei, MIP.sei], phandle: true },
  create: (ctx) => new Plic({ harts: ctx.harts, irq: ctx.hartIrq, sources: PLIC_SOURCES }),
};

export const uartEntry: BoardEntry = {
  kind: 'uart16550',
  role: 'console',
  base: 0x1000_0000,
  size: UartReg.size,
  irq: 10,
  doc: 'UART 16550A console (stdout; input from stdin or --input)',
  dt: { node: 'serial', compatible: ['ns16550a'], props: [['clock-frequency', dtValue.u32(UART_CLOCK_HZ)]], stdout: true },
  create: (ctx, e) =>
    new Uart16550({
      onTransmit: (b) => ctx.console(Uint8Array.of(b)), irq: ctx.irq, irqSource: e.irq,
      line: { events: ctx.events, clock: ctx.clock, charCycles: charCyclesAt(ctx.timing.clockHz) },
    }),
};

/** The rvn board: QEMU virt's devices at QEMU virt's addresses, plus the UINTC. */
export const RVN_BOARD: BoardSpec<BoardEntry> = {
  bootRom: MemoryMap.bootRom,
  ram: MemoryMap.ram,
  devices: [testDeviceEntry, clintEntry, uintcEntry, plicEntry, uartEntry],
  slots: [VIRTIO_MMIO_SLOTS],
};

/**
 * Checks a device list before the machine is built from it: at most one device per role, the
 * interrupt sources distinct and within the interrupt controller's range, no window over the
 * boot ROM. (Windows overlapping each other or RAM are refused by the bus.)
 */
export function checkBoard(devices: readonly BoardEntry[], bootRom: MemoryRegion = MemoryMap.bootRom): void {
  for (const d of devices) {
    if (d.base < bootRom.base + bootRom.size && bootRom.base < d.base + d.size) {
      throw new RvnError(`board: ${d.kind} at 0x${d.base.toString(16)} overlaps the boot ROM`);
    }
  }
  const roles = new Set<string>();
  for (const d of devices) {
    if (d.role === undefined) continue;
    if (roles.has(d.role)) throw new RvnError(`board: two devices have the role '${d.role}'`);
    roles.add(d.role);
  }
  const controller = devices.find((d) => d.role === 'interrupt-controller');
  const used = new Map<number, string>();
  for (const d of devices) {
    if (d.irq === undefined) continue;
    if (controller === undefined) throw new RvnError(`board: ${d.kind} has IRQ ${d.irq} but the board has no interrupt controller`);
    const sources = controller.irqSources ?? 0;
    if (!Number.isInteger(d.irq) || d.irq < 1 || d.irq >= sources) {
      throw new RvnError(`board: ${d.kind} has IRQ ${d.irq}; the ${controller.kind} has sources 1..${sources - 1}`);
    }
    const other = used.get(d.irq);
    if (other !== undefined) throw new RvnError(`board: ${d.kind} and ${other} share IRQ ${d.irq}`);
    used.set(d.irq, d.kind);
  }
}
