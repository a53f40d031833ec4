import { describe, expect, it } from 'vitest';
import { type PowerOffEvent, SifiveTest } from '../../src/testdev/sifive-test';
import { rd } from './helpers';

function setup() {
  const events: PowerOffEvent[] = [];
  const dev = new SifiveTest((e) => events.push(e));
  return { events, dev };
}

describe('sifive_test finisher', () => {
  it('reports pass, fail with code and reset', () => {
    const { dev, events } = setup();
    dev.write(0, 4, 0x5555, 0);
    dev.write(0, 4, (3 << 16) | 0x3333, 0);
    dev.write(0, 4, 0x7777, 0);
    dev.write(0, 4, (0xffff << 16) | 0x3333, 0); // code 65535 (a negative int32 on the bus)
    expect(events).toEqual([
      { kind: 'pass', code: 0 },
      { kind: 'fail', code: 3 },
      { kind: 'reset', code: 0 },
      { kind: 'fail', code: 0xffff },
    ]);
  });

  it('ignores other values and offsets, reads as zero', () => {
    const { dev, events } = setup();
    dev.write(0, 4, 0x1234, 0);
    dev.write(4, 4, 0x5555, 0);
    expect(events).toEqual([]);
    expect(rd(dev, 0, 4)).toEqual([0, 0]);
  });

  it('accepts 16-bit writes and rejects bytes and doublewords', () => {
    const { dev, events } = setup();
    expect(dev.write(0, 2, 0x5555, 0)).toBe(true);
    expect(events).toEqual([{ kind: 'pass', code: 0 }]);
    expect(dev.write(0, 1, 0x55, 0)).toBe(false);
    expect(dev.write(0, 8, 0x5555, 0)).toBe(false);
  });
});
