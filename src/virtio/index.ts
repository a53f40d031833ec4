export { VirtioMmio } from './mmio';
export type { VirtioDevice, VirtioTransport, VirtioMmioConfig, VirtioMmioCounters } from './mmio';
export { SplitQueue, Chain, vringNeedEvent } from './queue';
export type { QueueError } from './queue';
export * from './regs';
