/**
 * Model event counters. `TimingModel.events[id]` counts event `id`; the ids are the values
 * software writes to mhpmeventN to make mhpmcounterN count that event (0 = no event).
 * Events 15, 16 and 18 are counted by the hart, not by the timing model (their slots here
 * stay 0).
 */
export const enum TimingEvent {
  None = 0,
  IcacheMiss = 1,
  DcacheMiss = 2,
  DcacheWriteback = 3,
  ItlbMiss = 4,
  DtlbMiss = 5,
  PtwMemRead = 6,
  BranchMispredict = 7,
  JumpMispredict = 8,
  BtbMissBubble = 9,
  OperandStall = 10,
  MulDivBusyStall = 11,
  PipelineFlush = 12,
  MmioAccess = 13,
  Exception = 14,
  UserInterruptTaken = 15, // counted by the hart
  UipiSend = 16, // counted by the hart
  Interrupt = 17,
  Uret = 18, // counted by the hart
}

export const TIMING_EVENT_COUNT = 19;

/** mhpmevent number → name and meaning (docs/timing.md and the CSR file read this table). */
export const TIMING_EVENTS: readonly { readonly id: number; readonly name: string; readonly doc: string }[] = [
  { id: 1, name: 'icache_miss', doc: 'I$ misses (line fills)' },
  { id: 2, name: 'dcache_miss', doc: 'D$ misses (line fills), including page-table walker reads' },
  { id: 3, name: 'dcache_writeback', doc: 'dirty D$ lines written back' },
  { id: 4, name: 'itlb_miss', doc: 'I-TLB misses that walked the page table' },
  { id: 5, name: 'dtlb_miss', doc: 'D-TLB misses that walked the page table' },
  { id: 6, name: 'ptw_mem_read', doc: 'PTEs the walker read through the D$ (PTE-cache misses)' },
  { id: 7, name: 'branch_mispredict', doc: 'conditional branches mispredicted' },
  { id: 8, name: 'jump_mispredict', doc: 'JALR target mispredictions (indirect jumps and returns)' },
  { id: 9, name: 'btb_miss_bubble', doc: 'JAL/return BTB misses costing a frontend bubble' },
  { id: 10, name: 'operand_stall', doc: 'cycles stalled waiting for a source operand (load, CSR read, JALR link, mul/div result)' },
  { id: 11, name: 'muldiv_busy_stall', doc: 'cycles a mul/div waited for the (busy) multiply/divide unit' },
  { id: 12, name: 'pipeline_flush', doc: 'pipeline flushes (CSR writes, fence.i, sfence.vma, wfi, xRET)' },
  { id: 13, name: 'mmio_access', doc: 'uncached device accesses' },
  { id: 14, name: 'exception', doc: 'exceptions taken' },
  { id: 15, name: 'user_interrupt', doc: 'user interrupts taken (counted by the hart)' },
  { id: 16, name: 'uipi_send', doc: 'uipi SEND instructions (counted by the hart)' },
  { id: 17, name: 'interrupt', doc: 'M/S interrupts taken (local and external)' },
  { id: 18, name: 'uret', doc: 'URET instructions (counted by the hart)' },
];
