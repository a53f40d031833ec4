/**
 * Device access to guest memory (DMA): what a virtio device, for example, uses to walk its
 * virtqueues and move frames. A DMA write has every effect a hart store has: LR/SC
 * reservations on the bytes are broken, decoded and translated code on those pages is
 * invalidated, and watched words (HTIF tohost) see the store. Only RAM is reachable: a range
 * that is not wholly inside RAM is refused (false) and nothing is read or written, so a device
 * can turn a bad guest address into its own defined error.
 */
export interface DmaPort {
  /** Copies guest bytes [paddr, paddr + dst.length) into dst; false if any byte is outside RAM. */
  dmaRead(paddr: number, dst: Uint8Array): boolean;
  /** Writes src at paddr with a store's effects; false (nothing written) if any byte is outside RAM. */
  dmaWrite(paddr: number, src: Uint8Array): boolean;
}
