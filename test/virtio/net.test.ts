// virtio-net (virtio 1.2 §5.1) through the virtio-mmio transport: configuration space,
// transmit and receive with the VERSION_1 header, mergeable receive buffers, the device's
// timing on the event queue, drops, and DEVICE_NEEDS_RESET on a broken queue.
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/hw/events';
import { VirtioMmio } from '../../src/virtio/mmio';
import { VirtioNet } from '../../src/virtio-net/net';
import { SinkRecorder, TestClock, rd } from '../devices/helpers';
import { DriverQueue, F, FakeRam, RAM_BASE } from './fake';

const IRQ = 8;
const MAC = Uint8Array.of(0x52, 0x54, 0x00, 0x12, 0x34, 0x56);
const TIMING = { frameCycles: 100, bytesPerCycle: 8 };
const HDR = 12;
/** Feature bits (§5.1.3, §6). */
const MAC_F = 1 << 5;
const MRG_RXBUF = 1 << 15;
const STATUS_F = 1 << 16;
const EVENT_IDX = 1 << 29;

function setup(features = MAC_F, hi = 1) {
  const ram = new FakeRam();
  const irq = new SinkRecorder();
  const clock = new TestClock();
  const events = new EventQueue();
  const nic = new VirtioNet({ mac: MAC, clock, events, timing: TIMING });
  const t = new VirtioMmio({ name: 'virtio-net', dma: ram, irq, irqSource: IRQ, device: nic });
  const sent: { frame: number[]; time: number }[] = [];
  nic.sender = { send: (frame, len, now) => sent.push({ frame: [...frame.subarray(0, len)], time: now }) };
  const w = (off: number, v: number) => t.write(off, 4, v, 0);
  const rx = DriverQueue.at(ram, RAM_BASE + 0x1000, 16);
  const tx = DriverQueue.at(ram, RAM_BASE + 0x3000, 16);
  // §3.1.1: reset, ACKNOWLEDGE, DRIVER, features, FEATURES_OK, queues, DRIVER_OK.
  w(0x70, 0);
  w(0x70, 3);
  w(0x24, 0);
  w(0x20, features);
  w(0x24, 1);
  w(0x20, hi);
  w(0x70, 11);
  for (const [i, d] of [rx, tx].entries()) {
    w(0x30, i);
    w(0x38, d.size);
    w(0x80, d.desc);
    w(0x84, 0);
    w(0x90, d.avail);
    w(0x94, 0);
    w(0xa0, d.used);
    w(0xa4, 0);
    w(0x44, 1);
  }
  w(0x70, 15);
  return { ram, irq, clock, events, nic, t, sent, w, rx, tx };
}

const BUF = RAM_BASE + 0x10000;
const frame = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) & 0xff);

describe('virtio-net configuration (§5.1.4)', () => {
  it('shows the MAC at 0x100 and the link status (LINK_UP) at 0x106', () => {
    const { t } = setup(MAC_F | STATUS_F);
    expect([0, 1, 2, 3, 4, 5].map((i) => rd(t, 0x100 + i, 1)![0])).toEqual([...MAC]);
    expect(rd(t, 0x106, 2)).toEqual([1, 0]);
  });

  it('offers MAC, MRG_RXBUF, STATUS, INDIRECT_DESC, EVENT_IDX and VERSION_1', () => {
    const { t, w } = setup();
    w(0x14, 0);
    expect(rd(t, 0x10, 4)![0]).toBe((MAC_F | MRG_RXBUF | STATUS_F | (1 << 28) | EVENT_IDX) >>> 0);
    w(0x14, 1);
    expect(rd(t, 0x10, 4)![0]).toBe(1);
  });

  it('link down: status 0, a configuration-change interrupt, frames from the wire dropped', () => {
    const { t, nic, irq } = setup(MAC_F | STATUS_F);
    nic.setLinkUp(false);
    expect(rd(t, 0x106, 2)).toEqual([0, 0]);
    expect(rd(t, 0x60, 4)).toEqual([2, 0]);
    expect(irq.level(IRQ)).toBe(true);
    nic.receiveFrame(frame(60), 60, 0);
    expect(nic.counters.rxNotReady).toBe(1);
  });
});

describe('virtio-net transmit (§5.1.6.2)', () => {
  it('sends the frame after the 12-byte header, header and frame in separate descriptors, after its cost', () => {
    const { ram, tx, sent, events, clock, w, irq } = setup();
    const f = frame(100);
    ram.put(BUF, new Uint8Array(HDR));
    ram.put(BUF + 64, f);
    tx.setDesc(0, BUF, HDR, F.next, 1);
    tx.setDesc(1, BUF + 64, 100, 0);
    tx.offer(0);
    clock.now = 1000;
    w(0x50, 1); // QueueNotify(1)
    expect(sent).toEqual([]); // nothing happens inside the register write
    // 100 cycles per frame + ceil(112 bytes / 8) = 114 cycles after the notification.
    events.runUntil(1113);
    expect(sent).toEqual([]);
    expect(tx.usedIdx).toBe(0);
    events.runUntil(1114);
    expect(sent).toEqual([{ frame: [...f], time: 1114 }]);
    expect(tx.usedIdx).toBe(1);
    expect(tx.usedElem(0)).toEqual([0, 0]); // nothing written into a transmit buffer
    expect(irq.level(IRQ)).toBe(true);
  });

  it('sends queued frames one after the other', () => {
    const { ram, tx, sent, events, w } = setup();
    for (let i = 0; i < 3; i++) {
      ram.put(BUF + 2048 * i + HDR, frame(60));
      tx.setDesc(i, BUF + 2048 * i, HDR + 60, 0);
      tx.offer(i);
    }
    w(0x50, 1);
    events.runUntil(10_000);
    // Each frame costs 100 + ceil(72 / 8) = 109 cycles.
    expect(sent.map((s) => s.time)).toEqual([109, 218, 327]);
  });

  it('returns a chain too short for a frame without sending it (counted), and keeps going', () => {
    const { ram, tx, sent, events, w, nic } = setup();
    tx.setDesc(0, BUF, 8, 0); // shorter than the header
    tx.setDesc(1, BUF + 100, HDR + 10, 0); // a 10-byte "frame"
    ram.put(BUF + 2000 + HDR, frame(60));
    tx.setDesc(2, BUF + 2000, HDR + 60, 0);
    tx.offer(0);
    tx.offer(1);
    tx.offer(2);
    w(0x50, 1);
    events.runUntil(10_000);
    expect(sent).toHaveLength(1);
    expect(nic.counters.txMalformed).toBe(2);
    expect(tx.usedIdx).toBe(3);
  });

  it('sets DEVICE_NEEDS_RESET on a descriptor loop and stops using the queues', () => {
    const { tx, events, w, t, irq, sent } = setup();
    tx.setDesc(0, BUF, HDR, F.next, 1);
    tx.setDesc(1, BUF, 60, F.next, 0);
    tx.offer(0);
    w(0x50, 1);
    events.runUntil(10_000);
    expect(rd(t, 0x70, 4)![0] & 64).toBe(64);
    expect(rd(t, 0x60, 4)).toEqual([2, 0]);
    expect(irq.level(IRQ)).toBe(true);
    expect(t.lastError).toBe('descriptor loop');
    expect(sent).toEqual([]);
  });
});

describe('virtio-net receive (§5.1.6.3, §5.1.6.4)', () => {
  it('writes header (num_buffers 1) and frame into a posted buffer; used.len = 12 + frame', () => {
    const { ram, rx, nic, events, irq } = setup();
    rx.setDesc(0, BUF, 1526, F.write);
    rx.offer(0);
    const f = frame(200);
    nic.receiveFrame(f, f.length, 500);
    expect(rx.usedIdx).toBe(0);
    events.runUntil(500 + 100 + Math.ceil(212 / 8));
    expect(rx.usedIdx).toBe(1);
    expect(rx.usedElem(0)).toEqual([0, 212]);
    const hdr = ram.get(BUF, HDR);
    expect([...hdr]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect([...ram.get(BUF + HDR, 200)]).toEqual([...f]);
    expect(irq.level(IRQ)).toBe(true);
  });

  it('holds frames until the driver posts buffers, then delivers them in order', () => {
    const { rx, nic, events, w, ram } = setup();
    nic.receiveFrame(frame(60), 60, 0);
    nic.receiveFrame(frame(61), 61, 0);
    events.runUntil(1000);
    expect(rx.usedIdx).toBe(0);
    for (let i = 0; i < 2; i++) {
      rx.setDesc(i, BUF + 2048 * i, 1526, F.write);
      rx.offer(i);
    }
    w(0x50, 0);
    events.runUntil(5000);
    expect(rx.usedIdx).toBe(2);
    expect([rx.usedElem(0)[1], rx.usedElem(1)[1]]).toEqual([72, 73]);
    expect(ram.get(BUF + 2048 + HDR, 61)[60]).toBe(frame(61)[60]);
  });

  it('without MRG_RXBUF: drops a frame larger than the buffer (counted), keeps the buffer', () => {
    const { rx, nic, events } = setup();
    rx.setDesc(0, BUF, 512, F.write);
    rx.offer(0);
    nic.receiveFrame(frame(600), 600, 0);
    nic.receiveFrame(frame(100), 100, 0);
    events.runUntil(5000);
    expect(nic.counters.rxTooBig).toBe(1);
    expect(rx.usedIdx).toBe(1);
    expect(rx.usedElem(0)).toEqual([0, 112]);
  });

  it('with MRG_RXBUF: spreads a frame over buffers, all but the last filled, num_buffers in the first header', () => {
    const { rx, nic, events, ram } = setup(MAC_F | MRG_RXBUF);
    for (let i = 0; i < 4; i++) {
      rx.setDesc(i, BUF + 1024 * i, 512, F.write);
      rx.offer(i);
    }
    const f = frame(1100); // 1112 bytes with the header: 512 + 512 + 88
    nic.receiveFrame(f, f.length, 0);
    events.runUntil(5000);
    expect(rx.usedIdx).toBe(3);
    expect([0, 1, 2].map((i) => rx.usedElem(i))).toEqual([[0, 512], [1, 512], [2, 88]]);
    expect(ram.get(BUF + 10, 2)).toEqual(Uint8Array.of(3, 0)); // num_buffers = 3
    const got = new Uint8Array([...ram.get(BUF + HDR, 500), ...ram.get(BUF + 1024, 512), ...ram.get(BUF + 2048, 88)]);
    expect(got).toEqual(f);
  });

  it('drops frames that arrive before DRIVER_OK', () => {
    const { nic, w } = setup();
    w(0x70, 0);
    nic.receiveFrame(frame(60), 60, 0);
    expect(nic.counters.rxNotReady).toBe(1);
  });

  it('with EVENT_IDX, interrupts only when used.idx passes used_event', () => {
    const { rx, nic, events, t, w } = setup(MAC_F | EVENT_IDX);
    for (let i = 0; i < 4; i++) {
      rx.setDesc(i, BUF + 2048 * i, 1526, F.write);
      rx.offer(i);
    }
    rx.usedEvent = 2; // interrupt when the third buffer (entry 2) is used
    for (let i = 0; i < 4; i++) nic.receiveFrame(frame(60), 60, 0);
    const statusAfter = (time: number) => {
      events.runUntil(time);
      const s = rd(t, 0x60, 4)![0];
      w(0x64, s);
      return s;
    };
    const per = 100 + Math.ceil(72 / 8);
    // The first decision always notifies (no earlier state to compare with), as QEMU does.
    expect([statusAfter(per), statusAfter(2 * per), statusAfter(3 * per), statusAfter(4 * per)]).toEqual([1, 0, 1, 0]);
    expect(t.counters.suppressed).toBe(2);
  });
});
