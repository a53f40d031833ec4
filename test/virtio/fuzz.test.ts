// Fuzzing the virtqueue parser and the virtio-net device: random descriptor tables, available
// rings and register writes, from a seeded PRNG (the same cases every run). Whatever the
// driver does, the device must not throw: it uses the queue correctly, or sets
// DEVICE_NEEDS_RESET with a reason.
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/hw/events';
import { VirtioMmio } from '../../src/virtio/mmio';
import { VirtioNet } from '../../src/virtio-net/net';
import { SinkRecorder, TestClock } from '../devices/helpers';
import { DriverQueue, FakeRam, RAM_BASE, rng } from './fake';

const RAM_SIZE = 1 << 18;

function machine(seed: number) {
  const rand = rng(seed);
  const ram = new FakeRam(RAM_SIZE);
  const clock = new TestClock();
  const events = new EventQueue();
  const nic = new VirtioNet({ mac: Uint8Array.of(2, 0, 0, 0, 0, 1), clock, events, timing: { frameCycles: 5, bytesPerCycle: 8 } });
  const t = new VirtioMmio({ name: 'n', dma: ram, irq: new SinkRecorder(), irqSource: 1, device: nic });
  let frames = 0;
  nic.sender = { send: (_f, len) => {
    expect(len).toBeGreaterThanOrEqual(14);
    expect(len).toBeLessThanOrEqual(1514);
    frames++;
  } };
  return { rand, ram, clock, events, nic, t, sentFrames: () => frames };
}

/** An address that is usually inside RAM, sometimes just outside or far away. */
function address(rand: () => number): number {
  switch (rand() % 8) {
    case 0: return rand() * 2 ** 20 + rand(); // anywhere in 64 bits (as a JS number)
    case 1: return RAM_BASE + RAM_SIZE - (rand() % 64); // straddling the end of RAM
    case 2: return rand() % 0x1000;
    default: return RAM_BASE + (rand() % RAM_SIZE);
  }
}

/**
 * A queue a correct driver could have made (chains of 1-3 descriptors over buffers in RAM,
 * sometimes through an indirect table), then `mutations` random changes to its descriptors,
 * available ring or index.
 */
function randomQueue(rand: () => number, ram: FakeRam, base: number, writable: boolean, mutations: number): DriverQueue & { declared: number } {
  const size = [2, 4, 8, 16][rand() % 4];
  const d = DriverQueue.at(ram, base, size);
  const table = base + 0x4000;
  let free = 0;
  const chains = 1 + (rand() % size);
  for (let c = 0; c < chains && free < size; c++) {
    const head = free;
    const n = Math.min(1 + (rand() % 3), size - free);
    const buf = RAM_BASE + 0x10000 + 0x800 * (rand() % 32);
    ram.put(buf, new Uint8Array(12)); // a zero virtio_net_hdr
    const flags = writable ? 2 : 0;
    if (rand() % 4 === 0) {
      for (let i = 0; i < n; i++) d.setDesc(i, buf + 512 * i, 12 + (rand() % 500), flags | (i < n - 1 ? 1 : 0), i + 1, table + 0x100 * c);
      d.setDesc(free++, table + 0x100 * c, 16 * n, 4);
    } else {
      for (let i = 0; i < n; i++) d.setDesc(free + i, buf + 512 * i, 12 + (rand() % 500), flags | (i < n - 1 ? 1 : 0), free + i + 1);
      free += n;
    }
    d.offer(head);
  }
  for (let m = 0; m < mutations; m++) {
    const where = rand() % 3;
    const area = where === 0 ? d.desc + (rand() % (16 * size)) : where === 1 ? d.avail + (rand() % (4 + 2 * size)) : table + (rand() % 0x400);
    ram.bytes[area - RAM_BASE] = rand() & 0xff;
  }
  return Object.assign(d, { declared: rand() % 10 === 0 ? [0, 3, 512][rand() % 3] : size });
}

describe('fuzz: virtio-net with random queues', () => {
  it('never throws; the device either works or reports DEVICE_NEEDS_RESET with a reason (400 cases)', () => {
    let needsReset = 0;
    let delivered = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { rand, ram, events, nic, t, clock, sentFrames } = machine(seed);
      const w = (off: number, v: number) => t.write(off, 4, v >>> 0, 0);
      w(0x70, 0);
      w(0x70, 3);
      w(0x24, 0);
      w(0x20, (1 << 28) | (rand() & ((1 << 5) | (1 << 15) | (1 << 16) | (1 << 29))));
      w(0x24, 1);
      w(0x20, 1);
      w(0x70, 11);
      const mutations = rand() % 3 === 0 ? 0 : 1 + (rand() % 4);
      const queues = [randomQueue(rand, ram, RAM_BASE + 0x1000, true, mutations), randomQueue(rand, ram, RAM_BASE + 0x8000, false, mutations)];
      queues.forEach((d, i) => {
        w(0x30, i);
        w(0x38, d.declared);
        w(0x80, d.desc);
        w(0x90, rand() % 5 === 0 ? d.avail + 1 : d.avail);
        w(0xa0, d.used);
        w(0x44, 1);
      });
      w(0x70, 15);
      for (let step = 0; step < 20; step++) {
        clock.now += rand() % 500;
        switch (rand() % 4) {
          case 0: w(0x50, rand() % 3); break;
          case 1: {
            const len = 14 + (rand() % 1500);
            nic.receiveFrame(new Uint8Array(len).fill(rand() & 0xff), len, clock.now);
            break;
          }
          case 2: if (rand() % 4 === 0) t.write(rand() % 0x200, [1, 2, 4, 8][rand() % 4], rand(), rand()); break; // a random register write
          default: events.runUntil(clock.now);
        }
      }
      events.runUntil(clock.now + 1_000_000);
      const status = t.status;
      if ((status & 64) !== 0) {
        needsReset++;
        expect(t.lastError).toBeTypeOf('string');
      }
      delivered += sentFrames() + nic.counters.rxFrames;
    }
    // Both outcomes occur: the generator makes good and bad queues.
    expect(needsReset).toBeGreaterThan(20);
    expect(delivered).toBeGreaterThan(20);
  });
});
