/**
 * The static system description (Microkit's .system, as a TypeScript file): address spaces and
 * the programs they run, threads and where they run, endpoints, notifications, reply objects,
 * shared-memory regions, device mappings and IRQ bindings. A description file exports
 *
 *     export const system: SystemDescription = { ... };
 *
 * It type-checks against these interfaces, but it is data: the image builder reads it without
 * running it (parse.ts), so every value must be a literal (numbers may be constant expressions
 * such as `1 << 4` or `0x1000 * 4`), and every mistake is reported as file:line:col.
 */

export interface SystemDescription {
  /** Address spaces, each running one program (guest TypeScript modules). */
  spaces: SpaceDesc[];
  threads: ThreadDesc[];
  endpoints?: string[];
  notifications?: string[];
  replies?: string[];
  /** Shared-memory regions (zero-filled at boot), mapped into spaces by their `maps`. */
  regions?: RegionDesc[];
  /** Device MMIO ranges, mapped into spaces by their `maps`. */
  devices?: DeviceDesc[];
  /** Device interrupts, each bound to a notification (and routed to one hart). */
  irqs?: IrqDesc[];
}

export interface SpaceDesc {
  name: string;
  /** Guest TypeScript entry modules, relative to the description file. */
  program: string | string[];
  maps?: MapDesc[];
}

export interface MapDesc {
  /** A region or a device (exactly one). */
  region?: string;
  device?: string;
  /** 'r', 'rw' (default) — 'rx' and 'rwx' for regions only. */
  perms?: string;
  /** Where in the space's window (default: the next free page-aligned address). */
  vaddr?: number;
  /** A u64 variable of the program that receives the mapping's virtual address. */
  setvar?: string;
  /** A u64 variable of the program that receives its physical address (for device DMA). */
  setpaddr?: string;
}

export interface RegionDesc {
  name: string;
  /** Bytes, a multiple of 4096. */
  size: number;
}

export interface DeviceDesc {
  name: string;
  paddr: number;
  size: number;
}

export interface ThreadDesc {
  name: string;
  space: string;
  /** The function (symbol) the thread starts in: entry(ipcBuffer, bootInfo, arg, threadId). */
  entry: string;
  /** 0..255, higher runs first (default 100). */
  priority?: number;
  /** The hart it runs on, modulo the harts present (default 0). */
  hart?: number;
  /** Stack bytes, a multiple of 4096 (default 16384). */
  stack?: number;
  /** Passed in a2. */
  arg?: number;
  caps?: CapDesc[];
  /** A notification whose signals also end this thread's Recv. */
  bound?: string;
  /** Signalled (with this badge) when the thread is stopped by a fault. */
  fault?: { notification: string; badge?: number };
}

/** A capability in a thread's table; slot 0 is the null capability and cannot be used. */
export interface CapDesc {
  slot: number;
  endpoint?: string;
  notification?: string;
  reply?: string;
  irq?: number;
  /** Endpoints: 'send', 'receive'; notifications: 'signal', 'wait' (default: all). */
  rights?: string[];
  /** Badge of endpoint and notification capabilities (default 0), below 2^63. */
  badge?: number;
}

export interface IrqDesc {
  irq: number;
  notification: string;
  badge?: number;
  /** The hart the IRQ is routed to, modulo the harts present (default 0). */
  hart?: number;
}
