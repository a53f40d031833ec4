/**
 * The timing profile: every parameter of the cycle model (spec: timing.md) as plain data.
 * The values and their sources live in profiles/rocket.ts and profiles/ideal.ts; this file
 * holds the type and the field schema (one row per field, shared by the validator in
 * parse.ts and the docs).
 */

/** Which model implementation a profile drives. */
export type TimingModelKind = 'rocket' | 'ideal';

export interface TimingProfile {
  name: string;
  model: TimingModelKind;
  /** Core clock (informational: cycles are the unit everywhere). */
  clockHz: number;
  /** The `time` CSR / mtime tick rate. */
  timebaseHz: number;

  // Pipeline interlocks: cycles from an instruction's issue to the earliest issue of a
  // consumer of its result (1 = full bypass, no bubble).
  loadWordLatency: number;
  loadSubwordLatency: number;
  scLatency: number;
  csrReadLatency: number;
  jalrLinkLatency: number;

  // Flushes.
  flushCycles: number;
  csrWriteFlushCycles: number;
  csrNoFlush: number[];
  sfenceVmaFlushes: boolean;

  // Traps.
  trapEntryCycles: number;
  xretCycles: number;
  interruptEntryCycles: number;
  plicExtraCycles: number;
  userInterruptEntryCycles: number;

  // Branch prediction.
  btbEntries: number;
  bhtEntries: number;
  bhtCounterBits: number;
  bhtHistoryLength: number;
  bhtHistoryHashBits: number;
  rasEntries: number;
  mispredictCycles: number;
  btbMissJumpCycles: number;

  // Multiply/divide unit.
  mulBitsPerCycle: number;
  mulEarlyOut: boolean;
  divEarlyOut: boolean;

  // Caches and memory.
  icacheBytes: number;
  icacheWays: number;
  icacheLineBytes: number;
  dcacheBytes: number;
  dcacheWays: number;
  dcacheLineBytes: number;
  memoryLatency: number;
  dirtyWritebackCycles: number;
  mmioLatency: number;
  lfsrSeed: number;

  // Address translation.
  itlbEntries: number;
  dtlbEntries: number;
  tlbMissCycles: number;
  ptwAccessCycles: number;
  pteCacheEntries: number;
  pteCacheHitCycles: number;

  // Atomics and devices (read by the hart and the machine).
  lrReservationCycles: number;
  uintcSendToInterruptCycles: number;
  clintIpiLatency: number;
  /** virtio-net: fixed cycles per frame, and DMA bytes per cycle (docs/network.md). */
  virtioNetFrameCycles: number;
  virtioNetBytesPerCycle: number;
}

export type FieldType = 'string' | 'model' | 'int' | 'bool' | 'intList';

/** Schema row: type, allowed range, and whether it must be a power of two. */
export interface ProfileField {
  readonly type: FieldType;
  readonly min?: number;
  readonly max?: number;
  readonly pow2?: boolean;
  readonly doc: string;
}

const int = (min: number, max: number, doc: string, pow2 = false): ProfileField => ({ type: 'int', min, max, doc, pow2 });
const bool = (doc: string): ProfileField => ({ type: 'bool', doc });
const BIG = 1e9;

/** Every field of TimingProfile with its type, range and meaning (docs/timing.md mirrors it). */
export const PROFILE_FIELDS: { readonly [K in keyof TimingProfile]: ProfileField } = {
  name: { type: 'string', doc: 'profile name, shown in reports' },
  model: { type: 'model', doc: '"rocket" (the pipeline/cache model) or "ideal" (1 cycle per instruction)' },
  clockHz: int(1, 1e12, 'core clock in Hz (informational)'),
  timebaseHz: int(1, 1e12, 'time/mtime tick rate in Hz'),
  loadWordLatency: int(1, 64, 'LW/LD/LWU (and LR, AMO) issue-to-consumer distance'),
  loadSubwordLatency: int(1, 64, 'LB/LBU/LH/LHU issue-to-consumer distance'),
  scLatency: int(1, 64, 'SC issue-to-consumer distance'),
  csrReadLatency: int(1, 64, 'CSR read issue-to-consumer distance'),
  jalrLinkLatency: int(1, 64, 'JALR link register issue-to-consumer distance'),
  flushCycles: int(0, 1000, 'extra cycles of a pipeline flush (wfi, fence.i, sfence.vma)'),
  csrWriteFlushCycles: int(0, 1000, 'extra cycles of a CSR write that flushes'),
  csrNoFlush: { type: 'intList', min: 0, max: 0xfff, doc: 'CSR numbers whose writes do not flush' },
  sfenceVmaFlushes: bool('sfence.vma flushes the pipeline'),
  trapEntryCycles: int(0, 1000, 'extra cycles from an exception to the handler'),
  xretCycles: int(0, 1000, 'extra cycles of MRET/SRET/URET'),
  interruptEntryCycles: int(0, 1000, 'extra cycles from a local interrupt to the handler'),
  plicExtraCycles: int(0, 1000, 'added to interruptEntryCycles for an external (PLIC) interrupt'),
  userInterruptEntryCycles: int(0, 1000, 'extra cycles from a user interrupt to the utvec handler'),
  btbEntries: int(1, 4096, 'branch target buffer entries (fully associative, LRU)'),
  bhtEntries: int(2, 1 << 20, 'branch history table entries', true),
  bhtCounterBits: int(1, 8, 'bits per BHT saturating counter'),
  bhtHistoryLength: int(0, 30, 'global history bits'),
  bhtHistoryHashBits: int(0, 30, 'hashed history bits XORed into the BHT index'),
  rasEntries: int(0, 4096, 'return address stack entries'),
  mispredictCycles: int(0, 1000, 'extra cycles of a mispredicted branch or jump'),
  btbMissJumpCycles: int(0, 1000, 'extra cycles of a JAL or return that misses the BTB'),
  mulBitsPerCycle: int(1, 16, 'multiplier bits retired per cycle (1, 2, 4, 8 or 16)', true),
  mulEarlyOut: bool('multiplier early out'),
  divEarlyOut: bool('divider early out'),
  icacheBytes: int(64, 1 << 30, 'I$ capacity', true),
  icacheWays: int(1, 64, 'I$ associativity', true),
  icacheLineBytes: int(4, 4096, 'I$ line size', true),
  dcacheBytes: int(64, 1 << 30, 'D$ capacity', true),
  dcacheWays: int(1, 64, 'D$ associativity', true),
  dcacheLineBytes: int(8, 4096, 'D$ line size', true),
  memoryLatency: int(0, 100000, 'extra cycles of a line fill from memory'),
  dirtyWritebackCycles: int(0, 100000, 'extra cycles to write back a dirty D$ victim'),
  mmioLatency: int(0, 100000, 'extra cycles of an uncached device access'),
  lfsrSeed: int(1, 0xffff, 'seed of the 16-bit replacement LFSR (XORed with the hart id)'),
  itlbEntries: int(1, 4096, 'I-TLB entries (fully associative, LRU)'),
  dtlbEntries: int(1, 4096, 'D-TLB entries (fully associative, LRU)'),
  tlbMissCycles: int(0, 1000, 'fixed extra cycles of a TLB miss (replay), besides the walk'),
  ptwAccessCycles: int(0, 1000, 'page-table walker cycles per PTE read through the D$ (hit)'),
  pteCacheEntries: int(0, 4096, 'walker cache of non-leaf PTEs'),
  pteCacheHitCycles: int(0, 1000, 'walker cycles per non-leaf PTE found in the PTE cache'),
  lrReservationCycles: int(0, 1e6, 'cycles an LR reservation is held (used by the hart for SC)'),
  uintcSendToInterruptCycles: int(0, 1e6, 'UINTC send to receiver interrupt pending'),
  clintIpiLatency: int(0, 1e6, 'CLINT msip write to remote hart interrupt pending'),
  virtioNetFrameCycles: int(0, 1e6, 'virtio-net: fixed cycles from taking a frame to its used element (per direction)'),
  virtioNetBytesPerCycle: int(1, 4096, 'virtio-net: bytes the device moves per cycle (frame and header)'),
};
