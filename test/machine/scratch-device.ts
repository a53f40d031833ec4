/**
 * A device made up for the board tests: what a new device (virtio-net, say) needs from the
 * board, in the smallest form. Registers (32-bit):
 *   +0  ID       reads 0x5c7a7c40
 *   +4  IRQ      write 1 raises its interrupt line, 0 lowers it
 *   +8  DMA      write a guest physical address: the device writes 0xd3a0d3a0 there by DMA
 */
import type { IrqSink, MmioDevice } from '../../src/hw/device';
import type { DmaPort } from '../../src/hw/dma';
import type { BoardEntry } from '../../src/machine/board';

export const SCRATCH_ID = 0x5c7a7c40;
export const SCRATCH_DMA_WORD = 0xd3a0d3a0;

class Scratch implements MmioDevice {
  readonly name = 'scratch';
  readonly size = 0x1000;
  constructor(private readonly irq: IrqSink, private readonly source: number, private readonly dma: DmaPort) {}

  read(offset: number, size: number, out: Int32Array): boolean {
    if (size !== 4) return false;
    out[0] = offset === 0 ? SCRATCH_ID : 0;
    out[1] = 0;
    return true;
  }

  write(offset: number, size: number, lo: number): boolean {
    if (size !== 4) return false;
    if (offset === 4) this.irq.setIrq(this.source, (lo & 1) !== 0);
    if (offset === 8) this.dma.dmaWrite(lo >>> 0, Uint8Array.of(0xa0, 0xd3, 0xa0, 0xd3));
    return true;
  }
}

/** The one board entry that adds it: window at 0x1010_0000, PLIC source 42. */
export const scratchEntry: BoardEntry = {
  kind: 'scratch',
  base: 0x1010_0000,
  size: 0x1000,
  irq: 42,
  doc: 'a test device',
  dt: { node: 'scratch', compatible: ['rvn,scratch'] },
  create: (ctx, e) => new Scratch(ctx.irq, e.irq!, ctx.dma),
};
