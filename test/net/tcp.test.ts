// The host side's TCP (RFC 9293, RFC 6298 timers) against a scripted guest: every segment
// from the guest is written here by hand, every segment the host sends is checked by its
// sequence numbers, flags, window and data.
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/hw/events';
import { UserNet } from '../../src/net/usernet';
import { Golden, segmentOf, tcpFromGuestFrame } from './frames';

const CLOCK = 100_000_000;
const ISS = 0x9e3779b1; // the host's first ISS
const IRS = 0x01000000; // the scripted guest's ISS
const FIN = 0x01;
const SYN = 0x02;
const RST = 0x04;
const PSH = 0x08;
const ACK = 0x10;
const mss = (n: number) => Uint8Array.of(2, 4, n >> 8, n & 0xff);

/** A host connected to the scripted guest's port 7 at cycle 1000 (SYN at 0, RTT sample 1000 cycles). */
function established(guestWindow = 4096, guestMss = 1460) {
  const events = new EventQueue();
  const net = new UserNet({ events, clockHz: CLOCK });
  const out: Uint8Array[] = [];
  net.connectWire((frame, len) => out.push(frame.slice(0, len)));
  net.receiveFrame(Golden.arpRequest, Golden.arpRequest.length, 0);
  out.length = 0;
  const sock = net.connect(7);
  net.poll(0);
  const syn = segmentOf(out.shift()!);
  expect([syn.seq, syn.flags]).toEqual([ISS, SYN]);
  const guest = (seq: number, ack: number, flags: number, data: number | Uint8Array = 0, window = guestWindow, t = 1000, opts?: Uint8Array) => {
    const f = tcpFromGuestFrame(7, 49152, seq, ack, flags, window, data, opts);
    net.receiveFrame(f, f.length, t);
    return out.splice(0).map(segmentOf);
  };
  const [ack] = guest(IRS, ISS + 1, SYN | ACK, 0, guestWindow, 1000, mss(guestMss));
  expect(ack).toMatchObject({ seq: ISS + 1, ack: IRS + 1, flags: ACK });
  expect(sock.isEstablished).toBe(true);
  const send = (text: string | Uint8Array, t: number) => {
    sock.send(typeof text === 'string' ? new TextEncoder().encode(text) : text);
    net.poll(t);
    return out.splice(0).map(segmentOf);
  };
  const runTo = (t: number) => {
    events.runUntil(t);
    return out.splice(0).map(segmentOf);
  };
  return { net, sock, out, events, guest, send, runTo };
}

const bytes = (s: string) => [...new TextEncoder().encode(s)];

describe('host TCP: data, acknowledgments and retransmission', () => {
  it('sends at once (no Nagle) and retransmits after the RFC 6298 timeout, doubling it', () => {
    const { send, runTo, events } = established();
    expect(send('abc', 2000)).toEqual([{ seq: ISS + 1, ack: IRS + 1, flags: ACK | PSH, window: 65535, data: bytes('abc') }]);
    // The handshake gave one RTT sample of 1000 cycles: SRTT 1000, RTTVAR 500, so the RTO is
    // max(1000 + 4·500, RTO_min = 10 ms = 1,000,000 cycles) = 1,000,000.
    expect(events.nextTime).toBe(2000 + 1_000_000);
    expect(runTo(1_001_999)).toEqual([]);
    expect(runTo(1_002_000)).toEqual([{ seq: ISS + 1, ack: IRS + 1, flags: ACK | PSH, window: 65535, data: bytes('abc') }]);
    expect(events.nextTime).toBe(1_002_000 + 2_000_000);
  });

  it('stops the timer when everything is acknowledged; a partial ACK resends only the rest', () => {
    const { send, guest, events, runTo, sock } = established();
    send('abcdef', 2000);
    expect(guest(IRS + 1, ISS + 1 + 2, ACK, 0, 4096, 3000)).toEqual([]);
    expect(sock.queued).toBe(4);
    const t = events.nextTime;
    expect(runTo(t)[0]).toMatchObject({ seq: ISS + 3, data: bytes('cdef') });
    guest(IRS + 1, ISS + 7, ACK, 0, 4096, t + 10);
    expect(sock.queued).toBe(0);
    expect(events.nextTime).toBe(Infinity);
  });

  it("respects the guest's window and MSS", () => {
    const { send, guest } = established(4, 3);
    const segs = send('abcdefgh', 2000);
    expect(segs.map((s) => [s.seq - ISS, s.data.length])).toEqual([[1, 3], [4, 1]]); // window 4, MSS 3
    const more = guest(IRS + 1, ISS + 5, ACK, 0, 10, 3000);
    expect(more.map((s) => [s.seq - ISS, s.data.length])).toEqual([[5, 3], [8, 1]]);
  });

  it('probes a zero window with one byte when the timer fires (RFC 9293 §3.8.6.1)', () => {
    const { send, runTo, events } = established(0);
    expect(send('xy', 2000)).toEqual([]);
    const t = events.nextTime;
    expect(t).toBeLessThan(Infinity);
    expect(runTo(t)).toEqual([expect.objectContaining({ seq: ISS + 1, data: bytes('x') })]);
  });

  it('gives up with "timeout" after the retries are spent', () => {
    const { send, runTo, sock } = established();
    send('z', 2000);
    runTo(200 * CLOCK);
    expect(sock.isClosed).toBe(true);
    expect(sock.error).toBe('timeout');
  });
});

describe('host TCP: receiving', () => {
  it('acknowledges in-order data at once and offers it to recv()', () => {
    const { guest, sock } = established();
    expect(guest(IRS + 1, ISS + 1, ACK | PSH, Uint8Array.from(bytes('hi')))).toEqual([
      { seq: ISS + 1, ack: IRS + 3, flags: ACK, window: 65534, data: [] },
    ]);
    const b = new Uint8Array(4);
    expect(sock.recv(b)).toBe(2);
    expect([...b.subarray(0, 2)]).toEqual(bytes('hi'));
  });

  it('answers out-of-order data with a duplicate ACK and drops it', () => {
    const { guest, sock } = established();
    expect(guest(IRS + 5, ISS + 1, ACK, Uint8Array.from(bytes('late')))).toEqual([
      { seq: ISS + 1, ack: IRS + 1, flags: ACK, window: 65535, data: [] },
    ]);
    expect(sock.readable).toBe(0);
  });

  it('a RST at exactly RCV.NXT resets; one elsewhere in the window gets a challenge ACK (RFC 5961)', () => {
    const a = established();
    expect(a.guest(IRS + 10, 0, RST)).toEqual([{ seq: ISS + 1, ack: IRS + 1, flags: ACK, window: 65535, data: [] }]);
    expect(a.sock.isEstablished).toBe(true);
    expect(a.guest(IRS + 1, 0, RST)).toEqual([]);
    expect(a.sock.isClosed).toBe(true);
    expect(a.sock.error).toBe('reset');
  });
});

describe('host TCP: closing (RFC 9293 §3.6)', () => {
  it('the guest closes first: CLOSE-WAIT, then our FIN, LAST-ACK, CLOSED', () => {
    const { guest, sock, net, out } = established();
    expect(guest(IRS + 1, ISS + 1, FIN | ACK)).toEqual([{ seq: ISS + 1, ack: IRS + 2, flags: ACK, window: 65535, data: [] }]);
    expect(sock.state).toBe('CLOSE-WAIT');
    expect(sock.eof).toBe(true);
    sock.close();
    net.poll(2000);
    expect(out.splice(0).map(segmentOf)).toEqual([{ seq: ISS + 1, ack: IRS + 2, flags: FIN | ACK, window: 65535, data: [] }]);
    expect(sock.state).toBe('LAST-ACK');
    guest(IRS + 2, ISS + 2, ACK, 0, 4096, 3000);
    expect(sock.state).toBe('CLOSED');
  });

  it('we close first: FIN-WAIT-1, FIN-WAIT-2, TIME-WAIT for 2 ms, CLOSED', () => {
    const { guest, sock, net, out, runTo } = established();
    sock.close();
    net.poll(2000);
    expect(out.splice(0).map(segmentOf)).toEqual([{ seq: ISS + 1, ack: IRS + 1, flags: FIN | ACK, window: 65535, data: [] }]);
    expect(sock.state).toBe('FIN-WAIT-1');
    guest(IRS + 1, ISS + 2, ACK, 0, 4096, 3000);
    expect(sock.state).toBe('FIN-WAIT-2');
    expect(guest(IRS + 1, ISS + 2, FIN | ACK, 0, 4096, 4000)).toEqual([{ seq: ISS + 2, ack: IRS + 2, flags: ACK, window: 65535, data: [] }]);
    expect(sock.state).toBe('TIME-WAIT');
    runTo(4000 + 0.002 * CLOCK - 1);
    expect(sock.state).toBe('TIME-WAIT');
    runTo(4000 + 0.002 * CLOCK);
    expect(sock.state).toBe('CLOSED');
  });

  it('data queued before the handshake completes goes out, then the FIN', () => {
    const events = new EventQueue();
    const net = new UserNet({ events, clockHz: CLOCK });
    const out: Uint8Array[] = [];
    net.connectWire((frame, len) => out.push(frame.slice(0, len)));
    net.receiveFrame(Golden.arpRequest, Golden.arpRequest.length, 0);
    const sock = net.connect(7);
    sock.send(Uint8Array.from(bytes('GET /')));
    sock.close();
    net.poll(0);
    out.length = 0;
    const f = tcpFromGuestFrame(7, 49152, IRS, ISS + 1, SYN | ACK, 4096, 0, mss(1460));
    net.receiveFrame(f, f.length, 100);
    expect(out.map(segmentOf)).toEqual([
      { seq: ISS + 1, ack: IRS + 1, flags: ACK | PSH, window: 65535, data: bytes('GET /') },
      { seq: ISS + 6, ack: IRS + 1, flags: FIN | ACK, window: 65535, data: [] },
    ]);
  });
});
