// The host side (QEMU-`-netdev user`-like gateway, DHCP server, TCP endpoint) against golden
// frames written from the RFCs (test/net/frames.ts): each exchange feeds the guest's frame and
// compares what the host sends back byte for byte.
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/hw/events';
import { UserNet } from '../../src/net/usernet';
import { Golden, checksum, hex, tcpFromGuestFrame } from './frames';

const CLOCK = 100_000_000;

function setup() {
  const events = new EventQueue();
  const net = new UserNet({ events, clockHz: CLOCK });
  const sent: Uint8Array[] = [];
  net.connectWire((frame, len) => sent.push(frame.slice(0, len)));
  const feed = (frame: Uint8Array, time = 0) => {
    net.receiveFrame(frame, frame.length, time);
    return sent.splice(0);
  };
  return { events, net, sent, feed };
}

const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('user-mode network: gateway 10.0.2.2', () => {
  it('answers an ARP request for 10.0.2.2 (RFC 826)', () => {
    const { feed, net } = setup();
    const out = feed(Golden.arpRequest);
    expect(out.map(toHex)).toEqual([toHex(Golden.arpReply)]);
    expect(net.counters.arpReplies).toBe(1);
    expect(net.guestMac && toHex(net.guestMac)).toBe('525400123456');
  });

  it('does not answer ARP for other addresses', () => {
    const { feed } = setup();
    const other = Golden.arpRequest.slice();
    other[41] = 3; // who-has 10.0.2.3
    expect(feed(other)).toEqual([]);
  });

  it('answers an ICMP echo request with an echo reply (RFC 792)', () => {
    const { feed, net } = setup();
    expect(feed(Golden.icmpRequest).map(toHex)).toEqual([toHex(Golden.icmpReply)]);
    expect(net.counters.icmpEchoReplies).toBe(1);
  });

  it('answers UDP to a port nobody serves with ICMP port unreachable (RFC 1122 §4.1.3.1)', () => {
    const { feed, net } = setup();
    expect(feed(Golden.udpTftp).map(toHex)).toEqual([toHex(Golden.icmpPortUnreachable)]);
    expect(net.counters.noService).toBe(1);
    // ... but never for a broadcast (RFC 1122 §3.2.2)
    const bcast = Golden.udpTftp.slice();
    bcast.set([0xff, 0xff, 0xff, 0xff], 30);
    bcast.set([0, 0], 24);
    const c = checksum(bcast, 14, 20);
    bcast.set([c >> 8, c & 0xff], 24);
    bcast.set([0, 0], 40); // no UDP checksum
    expect(feed(bcast)).toEqual([]);
    expect(net.counters.noService).toBe(2);
    expect(net.counters.badIpv4 + net.counters.badUdp).toBe(0);
  });

  it('drops an echo request with a bad ICMP checksum, and one with a bad IP header checksum', () => {
    const { feed, net } = setup();
    const badIcmp = Golden.icmpRequest.slice();
    badIcmp[36] ^= 1; // ICMP checksum
    expect(feed(badIcmp)).toEqual([]);
    const badIp = Golden.icmpRequest.slice();
    badIp[24] ^= 1; // IP header checksum
    expect(feed(badIp)).toEqual([]);
    expect(net.counters.badIcmp).toBe(1);
    expect(net.counters.badIpv4).toBe(1);
  });
});

describe('user-mode network: DHCP server (RFC 2131)', () => {
  it('offers 10.0.2.15 to a DISCOVER and acknowledges the REQUEST', () => {
    const { feed, net } = setup();
    expect(feed(Golden.dhcpDiscover).map(toHex)).toEqual([toHex(Golden.dhcpOffer)]);
    expect(feed(Golden.dhcpRequest).map(toHex)).toEqual([toHex(Golden.dhcpAck)]);
    expect(net.counters.dhcpReplies).toBe(2);
  });

  it('answers a REQUEST for another address with a broadcast NAK', () => {
    const { feed } = setup();
    const req = Golden.dhcpRequest.slice();
    // requested IP 10.0.2.99: option 50's value is at DHCP offset 245..248 (after option 53)
    const at = 42 + 240 + 3 + 2 + 3;
    expect(req[at]).toBe(0x0f);
    req[at] = 99;
    // fix the UDP checksum: the 16-bit word changed by 99 − 15 (RFC 1624: ~(~C + ~m + m'))
    fixUdpChecksum(req, at, 0x0f, 99);
    const [nak] = feed(req);
    expect(nak).toBeDefined();
    expect(toHex(nak.subarray(0, 6))).toBe('ffffffffffff');
    // message type 6 (NAK), yiaddr 0, no lease/mask/router options
    expect(toHex(nak.subarray(42 + 16, 42 + 20))).toBe('00000000');
    expect(toHex(nak.subarray(42 + 236, 42 + 252))).toBe('63825363' + '350106' + '36040a000202' + 'ff' + '0000');
  });

  it('ignores a REQUEST that names another server, and a BOOTREPLY from the guest', () => {
    const { feed, net } = setup();
    const req = Golden.dhcpRequest.slice();
    const at = 42 + 240 + 3 + 6 + 2 + 3; // last byte of option 54
    fixUdpChecksum(req, at, 0x02, 0x09);
    req[at] = 0x09;
    expect(feed(req)).toEqual([]);
    const reply = Golden.dhcpDiscover.slice();
    reply[42] = 2; // op = BOOTREPLY
    fixUdpChecksum(reply, 42, 1, 2);
    expect(feed(reply)).toEqual([]);
    expect(net.counters.badDhcp).toBe(1);
  });
});

/** Updates the UDP checksum of an Ethernet/IPv4/UDP frame after byte `at` changed from `was` to `now` (RFC 1624). */
function fixUdpChecksum(f: Uint8Array, at: number, was: number, now: number): void {
  const word = (v: number) => ((at - 42) % 2 === 0 ? v << 8 : v);
  let c = (~((f[40] << 8) | f[41]) & 0xffff) + (~word(was) & 0xffff) + word(now);
  while (c > 0xffff) c = (c & 0xffff) + (c >>> 16);
  c = ~c & 0xffff;
  f[40] = c >> 8;
  f[41] = c & 0xff;
}

describe('user-mode network: host TCP endpoint (RFC 9293)', () => {
  it('connects to the guest, sends, receives and acknowledges (golden handshake and data)', () => {
    const { feed, net, sent } = setup();
    feed(Golden.arpRequest); // the gateway learns the guest's MAC
    const sock = net.connect(7);
    net.poll(0);
    expect(sent.splice(0).map(toHex)).toEqual([toHex(Golden.tcpSyn)]);
    expect(feed(Golden.tcpSynAck, 100).map(toHex)).toEqual([toHex(Golden.tcpAck)]);
    expect(sock.isEstablished).toBe(true);
    expect(sock.send(new TextEncoder().encode('hi'))).toBe(2);
    net.poll(200);
    expect(sent.splice(0).map(toHex)).toEqual([toHex(Golden.tcpData)]);
    expect(feed(Golden.tcpEcho, 300).map(toHex)).toEqual([toHex(Golden.tcpAckEcho)]);
    const buf = new Uint8Array(8);
    expect(sock.recv(buf)).toBe(2);
    expect(new TextDecoder().decode(buf.subarray(0, 2))).toBe('hi');
    expect(sock.queued).toBe(0);
  });

  it('resolves the guest MAC with ARP before the SYN when it does not know it', () => {
    const { net, sent, feed } = setup();
    net.connect(7);
    net.poll(0);
    const [req] = sent.splice(0);
    // who-has 10.0.2.15 tell 10.0.2.2, broadcast
    expect(toHex(req)).toBe(toHex(hex('ffffffffffff 52550a000202 0806 0001 0800 06 04 0001 52550a000202 0a000202 000000000000 0a00020f', '00'.repeat(18))));
    const reply = hex('52550a000202 525400123456 0806 0001 0800 06 04 0002 525400123456 0a00020f 52550a000202 0a000202');
    expect(feed(reply, 50).map(toHex)).toEqual([toHex(Golden.tcpSyn)]);
  });

  it('repeats an unanswered ARP request after 1 ms, then 2, 4, 8 ... ms', () => {
    const { net, sent, events } = setup();
    net.connect(7);
    net.poll(0);
    const times: number[] = [];
    for (let t = 0; t <= 0.02 * CLOCK; t += 1000) {
      events.runUntil(t);
      for (const f of sent.splice(0)) if (f[12] === 0x08 && f[13] === 0x06) times.push(t);
    }
    expect(times.slice(1).map((t) => t / (CLOCK / 1000))).toEqual([1, 3, 7, 15]);
    expect(net.counters.arpRequests).toBe(5);
  });

  it('answers a SYN to a port with no connection with RST|ACK', () => {
    const { feed, net } = setup();
    expect(feed(Golden.tcpGuestSyn).map(toHex)).toEqual([toHex(Golden.tcpRstAck)]);
    expect(net.counters.tcpResets).toBe(1);
  });

  it('retransmits an unanswered SYN after the initial RTO (0.1 s), then with the timeout doubled', () => {
    const { feed, net, sent, events } = setup();
    feed(Golden.arpRequest);
    net.connect(7);
    net.poll(0);
    expect(sent.splice(0)).toHaveLength(1);
    expect(events.nextTime).toBe(0.1 * CLOCK);
    events.runUntil(0.1 * CLOCK - 1);
    expect(sent).toHaveLength(0);
    events.runUntil(0.1 * CLOCK);
    expect(sent.splice(0).map(toHex)).toEqual([toHex(Golden.tcpSyn).replace('00014000400622bb', '00024000400622ba')]);
    expect(events.nextTime).toBe(0.1 * CLOCK + 0.2 * CLOCK);
  });

  it('gives up with "refused" when the guest answers the SYN with RST', () => {
    const { feed, net } = setup();
    feed(Golden.arpRequest);
    const sock = net.connect(7);
    net.poll(0);
    // RST|ACK acknowledging the SYN (ack = ISS + 1)
    const rst = tcpFromGuestFrame(7, 49152, 0, 0x9e3779b2, 0x14, 0, 0);
    feed(rst, 10);
    expect(sock.isClosed).toBe(true);
    expect(sock.error).toBe('refused');
  });
});
