/**
 * The default profile: a Rocket "big core" as configured on the ZCU FPGA (rocket-chip v1.6,
 * RV64IMAFDC, 16 KiB L1s, no L2, 100 MHz). Every number of spec/timing.md is here, each with
 * its source. "RTL" means rocket-chip v1.6 (src/main/scala/rocket/*.scala and the default
 * WithNBigCores configuration); "unsourced" values are placeholders to be calibrated against
 * the FPGA and are reported as such in docs/timing.md.
 */
import type { SourcedProfile } from './sourced';

const RTL = 'rocket-chip v1.6 RTL';
const SPEC = 'spec/timing.md';

export const rocketSourced: SourcedProfile = {
  name: { value: 'rocket', source: 'profile name' },
  model: { value: 'rocket', source: 'pipeline/cache model of src/timing/rocket.ts' },
  clockHz: { value: 100_000_000, source: `${SPEC}: ZCU FPGA build at 100 MHz` },
  timebaseHz: { value: 10_000_000, source: `${SPEC}: 10 MHz timebase` },

  loadWordLatency: { value: 2, source: `${RTL} (Rocket core D$ bypass of full-width loads); SiFive U54 manual (execution pipeline): LW/LD 2 cycles` },
  loadSubwordLatency: { value: 3, source: `${RTL} (sub-word loads go through the D$ load aligner); U54 manual: LB/LH 3 cycles` },
  scLatency: { value: 3, source: `SiFive U54 manual (execution pipeline): SC result 3 cycles` },
  csrReadLatency: { value: 3, source: `${RTL} (CSR result in WB, ex_cannot_bypass); U54 manual: CSR reads 3 cycles` },
  jalrLinkLatency: { value: 2, source: `spec/timing.md: JALR link used next +1; RTL ex_cannot_bypass includes jalr` },

  flushCycles: { value: 5, source: `${SPEC}: pipeline flush +5 (redirect from writeback)` },
  csrWriteFlushCycles: { value: 5, source: `${SPEC}; U54 manual: CSR writes flush except scratch/epc/cause/tval` },
  csrNoFlush: {
    value: [0x140, 0x340, 0x040, 0x141, 0x341, 0x041, 0x142, 0x342, 0x042, 0x143, 0x343, 0x043],
    source: `${SPEC}: sscratch/mscratch/uscratch, sepc/mepc/uepc, scause/mcause/ucause, stval/mtval/utval`,
  },
  sfenceVmaFlushes: { value: true, source: `${RTL}: sfence.vma sets flush_pipe like fence.i` },

  trapEntryCycles: { value: 5, source: `${SPEC}: trap entry redirect from writeback ≈ 5` },
  xretCycles: { value: 5, source: `${SPEC}: xRET redirect from writeback ≈ 5` },
  interruptEntryCycles: { value: 4, source: `${SPEC}: interrupt to handler fetch 4 cycles` },
  plicExtraCycles: { value: 3, source: `${SPEC}: +3 when through the PLIC` },
  userInterruptEntryCycles: { value: 4, source: `${SPEC}: user-interrupt entry = interrupt entry` },

  btbEntries: { value: 28, source: `${RTL}: BTBParams.nEntries = 28` },
  bhtEntries: { value: 512, source: `${RTL}: BHTParams.nEntries = 512` },
  bhtCounterBits: { value: 2, source: `${SPEC}: 2-bit counters (RTL default counterLength is 1)` },
  bhtHistoryLength: { value: 8, source: `${RTL}: BHTParams.historyLength = 8` },
  bhtHistoryHashBits: { value: 3, source: `${RTL}: BHTParams.historyBits = 3` },
  rasEntries: { value: 6, source: `${RTL}: BTBParams.nRAS = 6` },
  mispredictCycles: { value: 3, source: `${SPEC}: mispredict resolved in MEM, +3` },
  btbMissJumpCycles: { value: 1, source: `${SPEC}: JAL or return missing the BTB ~1 bubble (frontend predecode)` },

  mulBitsPerCycle: { value: 8, source: `${RTL}: MulDivParams(mulUnroll = 8) in the big core` },
  mulEarlyOut: { value: true, source: `${RTL}: MulDivParams(mulEarlyOut = true)` },
  divEarlyOut: { value: true, source: `${RTL}: MulDivParams(divEarlyOut = true), divUnroll = 1` },

  icacheBytes: { value: 16384, source: `${SPEC}; ${RTL}: ICacheParams nSets 64 × nWays 4 × 64 B` },
  icacheWays: { value: 4, source: `${RTL}: ICacheParams.nWays = 4` },
  icacheLineBytes: { value: 64, source: `${RTL}: CacheBlockBytes = 64` },
  dcacheBytes: { value: 16384, source: `${SPEC}; ${RTL}: DCacheParams nSets 64 × nWays 4 × 64 B` },
  dcacheWays: { value: 4, source: `${RTL}: DCacheParams.nWays = 4` },
  dcacheLineBytes: { value: 64, source: `${RTL}: CacheBlockBytes = 64` },
  memoryLatency: { value: 40, source: 'unsourced, to be calibrated (spec default: DRAM line fill 40 cycles, no L2)' },
  dirtyWritebackCycles: { value: 8, source: 'unsourced, to be calibrated (8 beats of 8 bytes to release a dirty line)' },
  mmioLatency: { value: 20, source: 'unsourced, to be calibrated (spec default 20 cycles, one outstanding access)' },
  lfsrSeed: { value: 0xace1, source: 'model choice: deterministic seed of the replacement LFSR (RTL uses LFSR16)' },

  itlbEntries: { value: 32, source: `${SPEC}; ${RTL}: TLB nWays = 32, no L2 TLB` },
  dtlbEntries: { value: 32, source: `${SPEC}; ${RTL}: TLB nWays = 32, no L2 TLB` },
  tlbMissCycles: { value: 3, source: 'unsourced, to be calibrated (instruction replay after the refill)' },
  ptwAccessCycles: { value: 3, source: 'unsourced, to be calibrated (PTW request/response through the D$ per level)' },
  pteCacheEntries: { value: 8, source: `${SPEC}; ${RTL}: nPTECacheEntries = 8 (non-leaf PTEs)` },
  pteCacheHitCycles: { value: 1, source: 'unsourced, to be calibrated (one walker state per level)' },

  lrReservationCycles: { value: 80, source: `${SPEC}; ${RTL}: DCache lrscCycles = 80` },
  uintcSendToInterruptCycles: { value: 10, source: `${SPEC}: measured in RTL simulation of the UINTR Rocket design` },
  clintIpiLatency: { value: 20, source: 'unsourced, to be calibrated (spec default 20 cycles)' },
  virtioNetFrameCycles: { value: 100, source: 'unsourced, to be calibrated (descriptor walk and used-ring write of a simple DMA engine, about 1 µs)' },
  virtioNetBytesPerCycle: { value: 8, source: 'unsourced, to be calibrated (a 64-bit memory bus at the core clock)' },
};
