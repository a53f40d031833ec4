// The device side of split virtqueues against the rules of virtio 1.2 §2.7: descriptor
// walking, indirect tables, used-ring updates, notification suppression with and without
// EVENT_IDX, and every way a driver can break a queue (each must come back as an error,
// never as an exception).
import { describe, expect, it } from 'vitest';
import { Chain, SplitQueue, vringNeedEvent } from '../../src/virtio/queue';
import { DriverQueue, F, FakeRam, RAM_BASE } from './fake';

const Q = RAM_BASE + 0x1000;
const BUF = RAM_BASE + 0x10000;

function setup(size = 8, maxSize = 256) {
  const ram = new FakeRam();
  const drv = DriverQueue.at(ram, Q, size);
  const q = new SplitQueue(maxSize, ram);
  q.size = size;
  q.descAddr = drv.desc;
  q.availAddr = drv.avail;
  q.usedAddr = drv.used;
  q.indirect = true;
  expect(q.validate()).toBeUndefined();
  q.ready = true;
  return { ram, drv, q, chain: new Chain(maxSize) };
}

const segs = (c: Chain) => Array.from({ length: c.count }, (_, i) => [c.addr[i] - BUF, c.len[i]]);

describe('split virtqueue: descriptor walking (§2.7.5)', () => {
  it('walks a chain by next, readable segments first', () => {
    const { drv, q, chain } = setup();
    drv.setDesc(5, BUF + 0, 12, F.next, 2);
    drv.setDesc(2, BUF + 100, 60, F.next, 7);
    drv.setDesc(7, BUF + 400, 1500, F.write);
    drv.offer(5);
    expect(q.pending()).toBe(1);
    expect(q.peek(0, chain)).toBeUndefined();
    expect(chain.head).toBe(5);
    expect(segs(chain)).toEqual([[0, 12], [100, 60], [400, 1500]]);
    expect([chain.readable, chain.readBytes, chain.writeBytes]).toEqual([2, 72, 1500]);
  });

  it('follows an indirect table (§2.7.5.3), alone or after direct descriptors', () => {
    const { drv, q, chain } = setup();
    const table = BUF + 0x8000;
    drv.setDesc(0, BUF, 10, F.next, 1, table);
    drv.setDesc(1, BUF + 10, 20, F.next, 2, table);
    drv.setDesc(2, BUF + 30, 40, F.write, 0, table);
    // The WRITE flag on the descriptor that points at the table is ignored (§2.7.5.3.2).
    drv.setDesc(3, table, 3 * 16, F.indirect | F.write);
    drv.offer(3);
    expect(q.peek(0, chain)).toBeUndefined();
    expect(segs(chain)).toEqual([[0, 10], [10, 20], [30, 40]]);
    expect(chain.readable).toBe(2);
    // Zero or more direct descriptors followed by one indirect one.
    drv.setDesc(4, BUF + 1000, 5, F.next, 3);
    drv.offer(4);
    expect(q.peek(1, chain)).toBeUndefined();
    expect(segs(chain)).toEqual([[1000, 5], [0, 10], [10, 20], [30, 40]]);
  });

  it('takes chains in available-ring order and wraps the ring index modulo the queue size', () => {
    const { drv, q, chain } = setup(4);
    for (let i = 0; i < 4; i++) drv.setDesc(i, BUF + 16 * i, 16, 0);
    const heads: number[] = [];
    for (let round = 0; round < 3; round++) {
      drv.offer(round % 4);
      drv.offer((round + 2) % 4);
      while (q.pending() !== 0) {
        expect(q.peek(0, chain)).toBeUndefined();
        heads.push(chain.head);
        q.consume(1);
      }
    }
    expect(heads).toEqual([0, 2, 1, 3, 2, 0]);
  });
});

describe('split virtqueue: used ring (§2.7.8)', () => {
  it('writes id and len, then publishes used.idx; slots wrap modulo the size', () => {
    const { drv, q } = setup(4);
    for (let i = 0; i < 6; i++) {
      expect(q.pushUsed(i % 4, 100 + i)).toBe(true);
      expect(drv.usedIdx).toBe(i); // not visible before publishUsed
      expect(q.publishUsed(1)).toBe(true);
      expect(drv.usedIdx).toBe(i + 1);
    }
    expect(drv.usedElem(4)).toEqual([0, 104]); // slot 0 rewritten by the 5th element
    expect(drv.usedElem(5)).toEqual([1, 105]);
    expect(drv.usedElem(2)).toEqual([2, 102]);
  });

  it('used.idx and the available index run free modulo 2^16', () => {
    const { drv, q, chain } = setup(4);
    q.usedIdx = 0xffff;
    q.pushUsed(3, 7);
    q.publishUsed(1);
    expect(drv.usedIdx).toBe(0);
    expect(drv.usedElem(0xffff)).toEqual([3, 7]);
    q.lastAvail = 0xfffe;
    drv.availIdx = 0xfffe;
    drv.setDesc(1, BUF, 1, 0);
    drv.offer(1);
    drv.offer(1);
    expect(q.pending()).toBe(2);
    expect(q.peek(1, chain)).toBeUndefined();
    q.consume(2);
    expect(q.lastAvail).toBe(0);
    expect(q.pending()).toBe(0);
  });
});

describe('split virtqueue: notification suppression (§2.7.7, §2.7.10)', () => {
  it('without EVENT_IDX: notifies unless avail.flags has NO_INTERRUPT', () => {
    const { drv, q } = setup();
    expect(q.needsNotification()).toBe(true);
    drv.availFlags = 1;
    expect(q.needsNotification()).toBe(false);
    drv.availFlags = 0;
    expect(q.needsNotification()).toBe(true);
  });

  it('with EVENT_IDX: notifies exactly when used.idx passes used_event; the first decision always notifies', () => {
    const { drv, q } = setup();
    q.eventIdx = true;
    drv.availFlags = 1; // ignored with EVENT_IDX (§2.7.7.2)
    drv.usedEvent = 0;
    const publish = () => {
      q.pushUsed(0, 0);
      q.publishUsed(1);
      return q.needsNotification();
    };
    // The spec's example: used_event 0 → a notification after the first buffer only.
    expect(publish()).toBe(true); // used.idx 0 → 1
    expect(publish()).toBe(false); // 1 → 2
    drv.usedEvent = 4; // "tell me when entry 4 is written", i.e. used.idx reaches 5
    expect(publish()).toBe(false); // 2 → 3
    expect(publish()).toBe(false); // 3 → 4
    expect(publish()).toBe(true); // 4 → 5
    expect(publish()).toBe(false);
    // A batch that jumps over used_event notifies too: 6 → 9 passes 7.
    drv.usedEvent = 7;
    for (let i = 0; i < 3; i++) q.pushUsed(0, 0, i);
    q.publishUsed(3);
    expect(q.needsNotification()).toBe(true);
  });

  it('vring_need_event is the spec helper, including wrap-around', () => {
    expect(vringNeedEvent(0, 1, 0)).toBe(true);
    expect(vringNeedEvent(1, 1, 0)).toBe(false);
    expect(vringNeedEvent(0xffff, 0, 0xfffe)).toBe(true);
    expect(vringNeedEvent(5, 10, 2)).toBe(true);
    expect(vringNeedEvent(11, 10, 2)).toBe(false);
  });

  it('with EVENT_IDX the device keeps avail_event at the next slot it will take', () => {
    const { drv, q } = setup();
    q.eventIdx = true;
    drv.setDesc(0, BUF, 1, 0);
    drv.offer(0);
    drv.offer(0);
    q.consume(2);
    expect(drv.availEvent).toBe(2);
  });
});

describe('split virtqueue: broken queues are errors, not exceptions', () => {
  it('refuses a size that is not a power of two, zero, or above the maximum', () => {
    const { q } = setup(8, 256);
    for (const size of [0, 3, 6, 100, 512]) {
      q.size = size;
      expect(q.validate(), `size ${size}`).toBe('queue size is not a power of two from 1 to the maximum');
    }
    q.size = 1;
    expect(q.validate()).toBeUndefined();
  });

  it('refuses misaligned areas and areas outside RAM', () => {
    const { q, drv } = setup();
    q.descAddr = drv.desc + 8;
    expect(q.validate()).toBe('queue area misaligned');
    q.descAddr = drv.desc;
    q.usedAddr = drv.used + 2;
    expect(q.validate()).toBe('queue area misaligned');
    q.usedAddr = RAM_BASE + (1 << 20) - 8; // the used ring would run past the end of RAM
    expect(q.validate()).toBe('queue area outside RAM');
    q.usedAddr = 0x1000;
    expect(q.validate()).toBe('queue area outside RAM');
  });

  it('detects a descriptor loop', () => {
    const { drv, q, chain } = setup();
    drv.setDesc(0, BUF, 1, F.next, 1);
    drv.setDesc(1, BUF, 1, F.next, 2);
    drv.setDesc(2, BUF, 1, F.next, 0);
    drv.offer(0);
    expect(q.peek(0, chain)).toBe('descriptor loop');
  });

  it('detects a loop inside an indirect table', () => {
    const { drv, q, chain } = setup();
    const table = BUF + 0x8000;
    drv.setDesc(0, BUF, 1, F.next, 1, table);
    drv.setDesc(1, BUF, 1, F.next, 0, table);
    drv.setDesc(0, table, 32, F.indirect);
    drv.offer(0);
    expect(q.peek(0, chain)).toBe('descriptor loop');
  });

  it('refuses a chain longer than the queue size (direct descriptors then an indirect table)', () => {
    const { drv, q, chain } = setup(4);
    const table = BUF + 0x8000;
    for (let i = 0; i < 3; i++) drv.setDesc(i, BUF, 1, i < 2 ? F.next : 0, i + 1, table);
    drv.setDesc(0, BUF, 1, F.next, 1);
    drv.setDesc(1, BUF, 1, F.next, 2);
    drv.setDesc(2, table, 48, F.indirect); // 2 direct + 3 indirect = 5 > 4
    drv.offer(0);
    expect(q.peek(0, chain)).toBe('chain longer than the queue size');
  });

  it('refuses next and head indices outside the table, and an available index that ran ahead', () => {
    const { drv, q, chain } = setup(4);
    drv.setDesc(0, BUF, 1, F.next, 4);
    drv.offer(0);
    expect(q.peek(0, chain)).toBe('next index outside the table');
    drv.offer(9);
    expect(q.peek(1, chain)).toBe('head index outside the queue');
    drv.ram.setU16(drv.avail + 2, 5); // 5 chains in a queue of 4
    expect(q.pending()).toBe('available index moved by more than the queue size');
  });

  it('enforces the indirect-descriptor rules (§2.7.5.3.1)', () => {
    const table = BUF + 0x8000;
    const cases: [string, (d: DriverQueue, q: SplitQueue) => void][] = [
      ['indirect descriptor without VIRTIO_F_INDIRECT_DESC', (d, q) => {
        q.indirect = false;
        d.setDesc(0, table, 16, F.indirect);
      }],
      ['indirect descriptor with NEXT set', (d) => d.setDesc(0, table, 16, F.indirect | F.next, 1)],
      ['indirect descriptor inside an indirect table', (d) => {
        d.setDesc(0, table + 64, 16, F.indirect, 0, table);
        d.setDesc(0, table, 16, F.indirect);
      }],
      ['indirect table length not a non-zero multiple of 16 within the queue size', (d) => d.setDesc(0, table, 24, F.indirect)],
      ['indirect table length not a non-zero multiple of 16 within the queue size', (d) => d.setDesc(0, table, 0, F.indirect)],
      ['indirect table length not a non-zero multiple of 16 within the queue size', (d) => d.setDesc(0, table, 16 * 9, F.indirect)],
      ['descriptor outside RAM', (d) => d.setDesc(0, 0x1000, 16, F.indirect)],
    ];
    for (const [error, arrange] of cases) {
      const { drv, q, chain } = setup(8);
      drv.setDesc(0, BUF, 1, 0, 0, table);
      arrange(drv, q);
      drv.offer(0);
      expect(q.peek(0, chain), error).toBe(error);
    }
  });

  it('refuses a device-readable descriptor after a device-writable one (§2.7.4.2)', () => {
    const { drv, q, chain } = setup();
    drv.setDesc(0, BUF, 10, F.write | F.next, 1);
    drv.setDesc(1, BUF, 10, 0);
    drv.offer(0);
    expect(q.peek(0, chain)).toBe('device-readable descriptor after a device-writable one');
  });

  it('reports buffers outside RAM when they are read or written, and a 64-bit address above RAM', () => {
    const { drv, q, chain } = setup();
    drv.setDesc(0, 2 ** 40, 10, F.next, 1);
    drv.setDesc(1, BUF, 10, F.write);
    drv.offer(0);
    expect(q.peek(0, chain)).toBeUndefined();
    expect(chain.addr[0]).toBe(2 ** 40);
    expect(q.gather(chain, new Uint8Array(64))).toBe(-1);
    drv.setDesc(2, RAM_BASE + (1 << 20) - 4, 10, F.write);
    drv.offer(2);
    expect(q.peek(1, chain)).toBeUndefined();
    expect(q.scatter(chain, new Uint8Array(10), 10)).toBe(false);
  });

  it('gathers readable bytes and scatters into writable ones across segments', () => {
    const { ram, drv, q, chain } = setup();
    ram.put(BUF, Uint8Array.of(1, 2, 3));
    ram.put(BUF + 100, Uint8Array.of(4, 5));
    drv.setDesc(0, BUF, 3, F.next, 1);
    drv.setDesc(1, BUF + 100, 2, F.next, 2);
    drv.setDesc(2, BUF + 200, 2, F.write | F.next, 3);
    drv.setDesc(3, BUF + 300, 8, F.write);
    drv.offer(0);
    expect(q.peek(0, chain)).toBeUndefined();
    const out = new Uint8Array(8);
    expect(q.gather(chain, out)).toBe(5);
    expect([...out.subarray(0, 5)]).toEqual([1, 2, 3, 4, 5]);
    expect(q.scatter(chain, Uint8Array.of(9, 8, 7, 6), 4)).toBe(true);
    expect([...ram.get(BUF + 200, 2), ...ram.get(BUF + 300, 3)]).toEqual([9, 8, 7, 6, 0]);
    expect(q.scatter(chain, Uint8Array.of(0xaa), 1, 3)).toBe(true); // skip 3 bytes of the writable part
    expect([...ram.get(BUF + 300, 3)]).toEqual([7, 0xaa, 0]);
  });
});
