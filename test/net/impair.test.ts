// The wire's seeded impairments (loss, duplication, reordering) and the --net-impair option:
// rates follow the probabilities, the same seed gives the same outcome, reordered frames are
// overtaken by later ones, duplicates arrive twice, and bad values are one-line errors.
import { describe, expect, it } from 'vitest';
import { parseImpairments } from '../../src/cli/net';
import { RvnError } from '../../src/errors';
import { EventQueue } from '../../src/hw/events';
import { Link } from '../../src/net/link';
import type { LinkImpairments } from '../../src/net/link';
import { UserNetwork } from '../../src/net/network';

/** Sends `n` 60-byte frames numbered in byte 0..1 from side 0, one every 100 cycles; returns the numbers as received. */
function run(impairments: LinkImpairments, n: number, latencyCycles = 50) {
  const events = new EventQueue();
  const link = new Link(events, { latencyCycles, impairments, queueFrames: 64 });
  const got: number[] = [];
  const times: number[] = [];
  link.attach(1, { receiveFrame: (f, _len, t) => { got.push(f[0] | (f[1] << 8)); times.push(t); } });
  const frame = new Uint8Array(60);
  for (let i = 0; i < n; i++) {
    events.runUntil(i * 100);
    frame[0] = i & 255;
    frame[1] = i >> 8;
    expect(link.send(0, frame, 60, i * 100)).toBe(true);
  }
  events.runUntil(1e12);
  return { got, times, counters: link.counters };
}

describe('wire impairments', () => {
  it('lose about the given share of frames and keep the order of the others', () => {
    const { got, counters } = run({ loss: 0.1, seed: 42 }, 10_000);
    // Binomial(10000, 0.1): standard deviation 30; 5 sigma either side.
    expect(counters.lost[0]).toBeGreaterThan(850);
    expect(counters.lost[0]).toBeLessThan(1150);
    expect(got.length).toBe(10_000 - counters.lost[0]);
    // What arrives is in order, without repeats.
    for (let i = 1; i < got.length; i++) expect(got[i]).toBeGreaterThan(got[i - 1]);
  });

  it('are deterministic: the same seed loses the same frames, another seed other ones', () => {
    const a = run({ loss: 0.2, seed: 7 }, 500).got;
    const b = run({ loss: 0.2, seed: 7 }, 500).got;
    const c = run({ loss: 0.2, seed: 8 }, 500).got;
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('deliver every frame twice with duplicate = 1, at the same time', () => {
    const { got, times, counters } = run({ duplicate: 1 }, 5);
    expect(got).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(times).toEqual([50, 50, 150, 150, 250, 250, 350, 350, 450, 450]);
    expect(counters.duplicated[0]).toBe(5);
  });

  it('hold a reordered frame back by the delay so that later frames overtake it', () => {
    // reorder = 1 holds every frame by the same amount: the order stays, each arrives 1000 later.
    expect(run({ reorder: 1, reorderDelayCycles: 1000 }, 3).times).toEqual([1050, 1150, 1250]);
    // reorder = 0.5: the held frames arrive after frames sent up to 10 slots later.
    const { got, times, counters } = run({ reorder: 0.5, reorderDelayCycles: 1000, seed: 3 }, 200);
    expect(counters.reordered[0]).toBeGreaterThan(60);
    expect(counters.reordered[0]).toBeLessThan(140);
    expect([...got].sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    let inversions = 0;
    for (let i = 1; i < got.length; i++) if (got[i] < got[i - 1]) inversions++;
    expect(inversions).toBeGreaterThan(10);
    // Each frame arrives at its normal time (i·100 + 50) or 1000 cycles after it.
    for (let i = 0; i < got.length; i++) expect([0, 1000]).toContain(times[i] - (got[i] * 100 + 50));
  });

  it('are refused when out of range, through the network and the option', () => {
    expect(() => new UserNetwork({ events: new EventQueue(), clockHz: 100e6, nic: { receiveFrame: () => {} }, impairments: { loss: 1.5 } }))
      .toThrow(/network impairments: loss must be a probability from 0 to 1 \(is 1.5\)/);
    expect(parseImpairments('loss=0.05,dup=0.01,reorder=0.02,delay=200us,seed=7', 100e6))
      .toEqual({ loss: 0.05, duplicate: 0.01, reorder: 0.02, reorderDelayCycles: 20_000, seed: 7 });
    expect(parseImpairments('loss=0.1', 100e6)).toEqual({ loss: 0.1, reorderDelayCycles: 10_000 });
    const bad: [string, RegExp][] = [
      ['loss=2', /--net-impair: loss must be a probability from 0 to 1 \(is 2\)/],
      ['dup=x', /--net-impair: dup: 'x' is not a number/],
      ['jitter=1', /'jitter=1' is not KEY=VALUE/],
      ['delay=soon', /--net-impair delay: 'soon' is not a duration/],
      ['seed=5000000000', /seed must be an integer from 0 to 2\^32 - 1/],
    ];
    for (const [text, message] of bad) {
      let error: unknown;
      try {
        parseImpairments(text, 100e6);
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(RvnError);
      expect((error as RvnError).message, text).toMatch(message);
      expect((error as RvnError).exitCode).toBe(2);
    }
  });
});
