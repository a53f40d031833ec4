/** The physical bus: RAM/ROM/MMIO decoding, access faults, watches, reservations. */
import { describe, expect, test } from 'vitest';
import { Bus } from '../../src/memory/bus';
import type { MmioDevice } from '../../src/hw/device';
import { RvnError } from '../../src/errors';

function dev(): MmioDevice & { log: string[] } {
  const log: string[] = [];
  return {
    name: 'd', size: 0x100, log,
    read(off, size, out) { log.push(`r ${off} ${size}`); out[0] = 0x11223344; out[1] = 0; return off < 0x80; },
    write(off, size, lo) { log.push(`w ${off} ${size} ${lo}`); return off < 0x80; },
  };
}

describe('Bus', () => {
  test('RAM little-endian loads/stores and host helpers', () => {
    const bus = new Bus({ ramSize: 1 << 20 });
    const out = new Int32Array(2);
    expect(bus.store(0x8000_0001, 8, 0x44332211, 0x88776655 | 0)).toBe(true);
    expect([...bus.readBytes(0x8000_0001, 8)]).toEqual([0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88]);
    expect(bus.load(0x8000_0003, 4, out)).toBe(true);
    expect(out[0] >>> 0).toBe(0x66554433);
    expect(bus.load(0x8010_0000, 1, out)).toBe(false); // past the end of RAM
    expect(bus.load(0x8000_0000 + (1 << 20) - 4, 8, out)).toBe(false); // straddles the end
  });
  test('ROM is fetchable and read-only; MMIO goes to the device with offsets', () => {
    const bus = new Bus({ ramSize: 1 << 20 });
    bus.addRom(0x1000, Uint8Array.from([1, 2, 3, 4]));
    const d = dev();
    bus.attach(0x1000_0000, d);
    const out = new Int32Array(2);
    expect(bus.isFetchable(0x1000, 4)).toBe(true);
    expect(bus.load(0x1002, 2, out)).toBe(true);
    expect(out[0]).toBe(0x0403);
    expect(bus.store(0x1000, 1, 0, 0)).toBe(false);
    expect(bus.store(0x1000_0010, 4, 5, 0)).toBe(true);
    expect(bus.load(0x1000_0090, 4, out)).toBe(false); // device refuses
    expect(d.log).toEqual(['w 16 4 5', 'r 144 4']);
    expect(() => bus.attach(0x1000_0080, dev())).toThrow(RvnError);
  });
  test('watchRam fires after a store touches the watched 8-byte word', () => {
    const bus = new Bus({ ramSize: 1 << 20 });
    const seen: number[] = [];
    bus.watchRam(0x8000_1000, (a) => seen.push(a));
    bus.store(0x8000_0ff8, 8, 1, 0);
    bus.store(0x8000_1004, 4, 1, 0);
    bus.store(0x8000_1008, 1, 1, 0);
    expect(seen).toEqual([0x8000_1000]);
  });
  test('reservations: another store to the granule clears them', () => {
    const bus = new Bus({ ramSize: 1 << 20 });
    bus.reserve(0, 0x8000_0100);
    bus.reserve(1, 0x8000_0200);
    bus.store(0x8000_0104, 4, 0, 0);
    expect(bus.takeReservation(0, 0x8000_0100)).toBe(false);
    expect(bus.takeReservation(1, 0x8000_0200)).toBe(true);
    expect(bus.takeReservation(1, 0x8000_0200)).toBe(false); // SC consumes it
    expect(bus.reservationCount).toBe(0);
  });
  test('bad RAM sizes are host errors', () => {
    expect(() => new Bus({ ramSize: 1000 })).toThrow(RvnError);
  });
});
