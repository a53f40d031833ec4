/**
 * The host side of the wire: a user-mode network like QEMU's `-netdev user` (slirp). The
 * gateway 10.0.2.2 answers ARP and ICMP echo, a DHCP server hands the guest 10.0.2.15, and a
 * host TCP endpoint (also 10.0.2.2) opens connections to the guest for the load generator and
 * for port forwarding. Nothing here reaches the real network.
 *
 * Layered as smoltcp is: wire formats are checked views (./wire), the interface below
 * demultiplexes and answers, sockets (./tcp-socket) hold connection state. Time is an
 * argument: frames arrive with their cycle, and the interface polls at the cycle its timers
 * ask for, on the machine's event queue. Frames are built in one preallocated buffer; nothing
 * is allocated per frame in the steady state. Every frame refused is counted by reason.
 */
import type { EventQueue, TimedHandler } from '../hw/events';
import type { FrameEndpoint } from './link';
import { dhcpDecide } from './dhcp-server';
import type { DhcpServerConfig } from './dhcp-server';
import { TcpSocket } from './tcp-socket';
import type { TcpParams, TcpSegmentOut } from './tcp-socket';
import { BROADCAST_MAC, ipv4, isBroadcastMac, macEquals, parseMac } from './wire/addr';
import type { Mac } from './wire/addr';
import { ARP_LEN, ArpOp, ArpView, emitArp } from './wire/arp';
import { DHCP_REPLY_LEN, DhcpMessage, DhcpPort, DhcpView, emitDhcpReply } from './wire/dhcp';
import { ETHERNET_HEADER_LEN, ETHERNET_MAX_FRAME, ETHERNET_MIN_FRAME, EtherType, EthernetView, emitEthernet } from './wire/ethernet';
import { ICMP_HEADER_LEN, ICMP_PORT_UNREACHABLE, IcmpType, IcmpView, emitIcmp, emitIcmpEcho } from './wire/icmp';
import { IPV4_BROADCAST, IPV4_HEADER_LEN, IpProtocol, Ipv4View, emitIpv4 } from './wire/ipv4';
import { TcpFlag, TcpView, emitTcp, tcpHeaderLength } from './wire/tcp';
import { UDP_HEADER_LEN, UdpView, emitUdp } from './wire/udp';

/** The addresses of the user-mode network (QEMU's defaults). */
export const UserNetAddress = {
  network: ipv4(10, 0, 2, 0),
  netmask: ipv4(255, 255, 255, 0),
  host: ipv4(10, 0, 2, 2),
  guest: ipv4(10, 0, 2, 15),
  /** The gateway's MAC: 52:55 followed by its IPv4 address, as slirp builds it. */
  hostMac: parseMac('52:55:0a:00:02:02')!,
  /** QEMU's default guest MAC. */
  defaultGuestMac: parseMac('52:54:00:12:34:56')!,
} as const;

const LEASE_SECONDS = 86400;
const FIRST_EPHEMERAL_PORT = 49152;
/** Buffer per direction per TCP connection. */
const TCP_BUFFER_BYTES = 65536;

/** Counters shown by --stats: frames handled, answers sent, and drops by reason. */
export interface UserNetCounters {
  framesIn: number;
  framesOut: number;
  arpReplies: number;
  arpRequests: number;
  icmpEchoReplies: number;
  dhcpReplies: number;
  tcpSegmentsIn: number;
  tcpSegmentsOut: number;
  tcpResets: number;
  /** Refused: not an Ethernet frame of 14..1514 bytes, or not for our MAC/broadcast. */
  badFrame: number;
  /** Not IPv4 or ARP (IPv6, LLDP...): ignored. */
  otherEtherType: number;
  badArp: number;
  badIpv4: number;
  /** IPv4 for another address (nothing routes beyond 10.0.2.2). */
  notForHost: number;
  badIcmp: number;
  badUdp: number;
  badDhcp: number;
  badTcp: number;
  /** Well-formed, but no service: UDP to a port other than DHCP's, ICMP other than echo. */
  noService: number;
}

/** Something that runs on the interface's clock (the load generator). */
export interface NetApp {
  /** Called at every poll of the interface. */
  poll(now: number): void;
  /** Earliest cycle the app needs a poll for its own sake (Infinity: none). */
  pollAt(): number;
}

export interface UserNetConfig {
  events: EventQueue;
  /** Core clock, to turn the TCP timers (seconds) into cycles. */
  clockHz: number;
  /** Overrides of the TCP timer parameters (cycles). */
  tcp?: Partial<TcpParams>;
}

/** Default TCP timers in seconds: RFC 6298's shape, scaled for a guest on the same machine. */
export const TcpTimersSeconds = { rtoInitial: 0.1, rtoMin: 0.01, rtoMax: 10, timeWait: 0.002 } as const;

export class UserNet implements FrameEndpoint, TimedHandler {
  readonly counters: UserNetCounters = {
    framesIn: 0, framesOut: 0, arpReplies: 0, arpRequests: 0, icmpEchoReplies: 0, dhcpReplies: 0,
    tcpSegmentsIn: 0, tcpSegmentsOut: 0, tcpResets: 0, badFrame: 0, otherEtherType: 0, badArp: 0, badIpv4: 0,
    notForHost: 0, badIcmp: 0, badUdp: 0, badDhcp: 0, badTcp: 0, noService: 0,
  };
  readonly sockets: TcpSocket[] = [];
  private readonly apps: NetApp[] = [];
  /** The guest's MAC, once learnt (ARP, DHCP or any frame from 10.0.2.15). */
  guestMac: Mac | undefined;

  private send: ((frame: Uint8Array, len: number, now: number) => void) | undefined;
  private readonly events: EventQueue;
  private readonly handlerId: number;
  private scheduledAt = Infinity;
  private readonly tcpParams: TcpParams;
  private readonly dhcp: DhcpServerConfig;
  private nextPort = FIRST_EPHEMERAL_PORT;
  private connections = 0;
  private ipId = 0;
  private arpRetryAt = Infinity;
  /** Wait before the next ARP request for the guest: 1 ms, doubling up to 1 s while unanswered. */
  private arpBackoff: number;
  private readonly arpFirstRetry: number;
  private readonly arpMaxRetry: number;

  // Parsing views and the transmit buffer, reused for every frame.
  private readonly eth = new EthernetView();
  private readonly arp = new ArpView();
  private readonly ip = new Ipv4View();
  private readonly icmp = new IcmpView();
  private readonly udp = new UdpView();
  private readonly dhcpView = new DhcpView();
  private readonly tcp = new TcpView();
  private readonly tx = new Uint8Array(ETHERNET_MAX_FRAME);
  /** The MAC the frame being answered came from. */
  private readonly peerMac = new Uint8Array(6);
  private readonly zeroMac = new Uint8Array(6);
  private now = 0;
  private readonly emitSegment = (seg: TcpSegmentOut, sock: TcpSocket): void => this.sendSegment(seg, sock);
  private readonly sendReset = (seq: number, ack: number, flags: number): void => this.sendRst(seq, ack, flags);

  constructor(cfg: UserNetConfig) {
    this.events = cfg.events;
    this.handlerId = cfg.events.register(this);
    const s = (seconds: number): number => Math.max(1, Math.round(seconds * cfg.clockHz));
    this.tcpParams = {
      rtoInitial: s(TcpTimersSeconds.rtoInitial), rtoMin: s(TcpTimersSeconds.rtoMin), rtoMax: s(TcpTimersSeconds.rtoMax),
      timeWait: s(TcpTimersSeconds.timeWait), maxRetries: 8, bufferBytes: TCP_BUFFER_BYTES, ...cfg.tcp,
    };
    this.arpFirstRetry = this.arpBackoff = s(0.001);
    this.arpMaxRetry = s(1);
    const a = UserNetAddress;
    this.dhcp = { serverIp: a.host, leaseIp: a.guest, subnetMask: a.netmask, router: a.host, leaseSeconds: LEASE_SECONDS };
  }

  /** Where frames for the guest go (the wire's host side). */
  connectWire(send: (frame: Uint8Array, len: number, now: number) => void): void {
    this.send = send;
  }

  // --- the applications' side -----------------------------------------------------------------

  /**
   * Opens a TCP connection from 10.0.2.2 (an ephemeral port) to the guest's `guestPort`. The
   * SYN goes out at the next poll: at once inside an event; from outside one (a host program
   * between runs), call wake(now) with the machine's time, as after send() or close() on a
   * socket from outside an event.
   */
  connect(guestPort: number): TcpSocket {
    const port = this.allocatePort();
    const iss = Math.imul(++this.connections, 0x9e3779b1) >>> 0;
    const sock = new TcpSocket(port, guestPort, iss, this.tcpParams);
    sock.connect();
    this.sockets.push(sock);
    this.reschedule(Math.min(this.scheduledAt, this.now));
    return sock;
  }

  /** Runs `app` at every poll from now on, and at the times it asks for. */
  addApp(app: NetApp): void {
    this.apps.push(app);
    this.reschedule(Math.min(this.scheduledAt, app.pollAt()));
  }

  private allocatePort(): number {
    for (;;) {
      const p = this.nextPort;
      this.nextPort = p === 65535 ? FIRST_EPHEMERAL_PORT : p + 1;
      if (!this.sockets.some((s) => s.hostPort === p)) return p;
    }
  }

  /** Something changed outside an event (a socket was written): poll at cycle `now`. */
  wake(now: number): void {
    this.reschedule(now);
  }

  onEvent(_tag: number, time: number): void {
    this.scheduledAt = Infinity;
    this.poll(time);
  }

  /** Runs the applications, sends what the sockets have due, and arranges the next poll. */
  poll(now: number): void {
    this.now = now;
    for (const app of this.apps) app.poll(now);
    if (this.guestMac === undefined) {
      if (this.sockets.some((s) => s.wantsToSend(now)) && this.arpRetryAt === Infinity) this.arpRetryAt = now;
      if (this.arpRetryAt <= now) {
        this.sendArpRequest();
        this.arpRetryAt = now + this.arpBackoff;
        this.arpBackoff = Math.min(2 * this.arpBackoff, this.arpMaxRetry);
      }
    } else {
      for (const s of this.sockets) s.output(now, this.emitSegment);
    }
    for (let i = this.sockets.length - 1; i >= 0; i--) if (this.sockets[i].isClosed) this.sockets.splice(i, 1);
    let next = this.guestMac === undefined ? this.arpRetryAt : Infinity;
    for (const s of this.sockets) next = Math.min(next, s.pollAt());
    for (const app of this.apps) next = Math.min(next, app.pollAt());
    this.reschedule(next);
  }

  private reschedule(time: number): void {
    if (time === this.scheduledAt) return;
    if (this.scheduledAt !== Infinity) this.events.cancel(this.handlerId, 0);
    this.scheduledAt = time;
    if (time !== Infinity) this.events.schedule(time, this.handlerId, 0);
  }

  // --- input ----------------------------------------------------------------------------------

  receiveFrame(frame: Uint8Array, len: number, time: number): void {
    this.now = time;
    this.counters.framesIn++;
    const eth = this.eth;
    if (!eth.wrap(frame, 0, len) || !(isBroadcastMac(frame, 0) || macEquals(frame, 0, UserNetAddress.hostMac))) {
      this.counters.badFrame++;
      return;
    }
    this.peerMac.set(frame.subarray(6, 12));
    switch (eth.etherType) {
      case EtherType.arp: this.inputArp(); break;
      case EtherType.ipv4: this.inputIpv4(); break;
      default: this.counters.otherEtherType++;
    }
    this.poll(time);
  }

  private learnGuestMac(mac: Uint8Array): void {
    if (this.guestMac === undefined) this.guestMac = new Uint8Array(6);
    this.guestMac.set(mac);
    this.arpRetryAt = Infinity;
    this.arpBackoff = this.arpFirstRetry;
  }

  private inputArp(): void {
    const a = this.arp;
    if (!a.wrap(this.eth.bytes, this.eth.payloadOffset, this.eth.payloadLength)) {
      this.counters.badArp++;
      return;
    }
    if (a.senderIp === UserNetAddress.guest) this.learnGuestMac(a.bytes.subarray(a.senderMacOffset, a.senderMacOffset + 6));
    if (a.oper === ArpOp.request && a.targetIp === UserNetAddress.host) {
      const t = this.tx;
      emitArp(t, ETHERNET_HEADER_LEN, ArpOp.reply, UserNetAddress.hostMac, UserNetAddress.host,
        a.bytes.subarray(a.senderMacOffset, a.senderMacOffset + 6), a.senderIp);
      this.counters.arpReplies++;
      this.sendFrame(this.peerMac, EtherType.arp, ARP_LEN);
    }
  }

  private inputIpv4(): void {
    const ip = this.ip;
    if (!ip.wrap(this.eth.bytes, this.eth.payloadOffset, this.eth.payloadLength)) {
      this.counters.badIpv4++;
      return;
    }
    const dst = ip.dst;
    const local = dst === UserNetAddress.host || dst === IPV4_BROADCAST || dst === (UserNetAddress.network | ~UserNetAddress.netmask) >>> 0;
    if (!local) {
      this.counters.notForHost++;
      return;
    }
    if (ip.src === UserNetAddress.guest && !(this.guestMac !== undefined && macEquals(this.peerMac, 0, this.guestMac))) {
      this.learnGuestMac(this.peerMac);
    }
    switch (ip.protocol) {
      case IpProtocol.icmp: this.inputIcmp(); break;
      case IpProtocol.udp: this.inputUdp(); break;
      case IpProtocol.tcp: this.inputTcp(); break;
      default: this.counters.noService++;
    }
  }

  private inputIcmp(): void {
    const ip = this.ip;
    const m = this.icmp;
    if (!m.wrap(ip.bytes, ip.payloadOffset, ip.payloadLength)) {
      this.counters.badIcmp++;
      return;
    }
    if (m.type !== IcmpType.echoRequest || m.code !== 0 || ip.dst !== UserNetAddress.host) {
      this.counters.noService++;
      return;
    }
    // Echo reply (RFC 792): the same identifier, sequence number and data, back to the sender.
    const len = ip.payloadLength;
    const at = ETHERNET_HEADER_LEN + IPV4_HEADER_LEN;
    this.tx.set(ip.bytes.subarray(ip.payloadOffset, ip.payloadOffset + len), at);
    emitIcmpEcho(this.tx, at, len, IcmpType.echoReply, m.id, m.seq);
    this.counters.icmpEchoReplies++;
    this.sendIp(this.peerMac, ip.src, IpProtocol.icmp, len);
  }

  private inputUdp(): void {
    const ip = this.ip;
    const u = this.udp;
    if (!u.wrap(ip.bytes, ip.payloadOffset, ip.payloadLength, ip.src, ip.dst)) {
      this.counters.badUdp++;
      return;
    }
    if (u.dstPort !== DhcpPort.server || u.srcPort !== DhcpPort.client) {
      this.counters.noService++;
      if (ip.dst === UserNetAddress.host) this.sendPortUnreachable();
      return;
    }
    const d = this.dhcpView;
    if (!d.wrap(u.bytes, u.dataOffset, u.dataLength)) {
      this.counters.badDhcp++;
      return;
    }
    const reply = dhcpDecide(d, this.dhcp);
    if (reply === undefined) return;
    const chaddr = d.bytes.subarray(d.chaddrOffset, d.chaddrOffset + 6);
    if (reply.messageType !== DhcpMessage.nak) this.learnGuestMac(chaddr);
    const at = ETHERNET_HEADER_LEN + IPV4_HEADER_LEN + UDP_HEADER_LEN;
    const c = this.dhcp;
    const nak = reply.yiaddr === 0;
    emitDhcpReply(this.tx, at, d.xid, d.flags, chaddr, reply.yiaddr, nak ? 0 : c.serverIp, {
      messageType: reply.messageType, serverId: c.serverIp,
      leaseSeconds: nak ? 0 : c.leaseSeconds, subnetMask: nak ? 0 : c.subnetMask, router: nak ? 0 : c.router,
    });
    emitUdp(this.tx, at - UDP_HEADER_LEN, c.serverIp, reply.ipDst, DhcpPort.server, DhcpPort.client, DHCP_REPLY_LEN);
    this.counters.dhcpReplies++;
    const dstMac = reply.ipDst === IPV4_BROADCAST ? BROADCAST_MAC : chaddr.slice();
    this.sendIp(dstMac, reply.ipDst, IpProtocol.udp, UDP_HEADER_LEN + DHCP_REPLY_LEN);
  }

  /**
   * ICMP destination unreachable, port unreachable (RFC 792, RFC 1122 §4.1.3.1) for the UDP
   * datagram being handled: the original IP header and the first 8 bytes of its data. Only
   * for datagrams to 10.0.2.2 itself, never for broadcasts (RFC 1122 §3.2.2).
   */
  private sendPortUnreachable(): void {
    const ip = this.ip;
    const quoted = ip.headerLength + 8;
    const at = ETHERNET_HEADER_LEN + IPV4_HEADER_LEN;
    this.tx.set(ip.bytes.subarray(ip.off, ip.off + quoted), at + ICMP_HEADER_LEN);
    this.tx.fill(0, at + 4, at + 8); // unused
    emitIcmp(this.tx, at, ICMP_HEADER_LEN + quoted, IcmpType.destinationUnreachable, ICMP_PORT_UNREACHABLE);
    this.sendIp(this.peerMac, ip.src, IpProtocol.icmp, ICMP_HEADER_LEN + quoted);
  }

  private inputTcp(): void {
    const ip = this.ip;
    const t = this.tcp;
    if (!t.wrap(ip.bytes, ip.payloadOffset, ip.payloadLength, ip.src, ip.dst)) {
      this.counters.badTcp++;
      return;
    }
    this.counters.tcpSegmentsIn++;
    if (ip.dst === UserNetAddress.host && ip.src === UserNetAddress.guest) {
      for (const s of this.sockets) {
        if (s.hostPort === t.dstPort && s.guestPort === t.srcPort) {
          s.input(t, this.now, this.sendReset);
          return;
        }
      }
    }
    // No connection (RFC 9293 §3.10.7.1): answer anything but a RST with a RST.
    const flags = t.flags;
    if ((flags & TcpFlag.rst) !== 0 || ip.dst !== UserNetAddress.host) return;
    const segLen = t.dataLength + ((flags & TcpFlag.syn) !== 0 ? 1 : 0) + ((flags & TcpFlag.fin) !== 0 ? 1 : 0);
    if ((flags & TcpFlag.ack) !== 0) this.sendRstTo(ip.src, t.dstPort, t.srcPort, t.ack, 0, TcpFlag.rst);
    else this.sendRstTo(ip.src, t.dstPort, t.srcPort, 0, (t.seq + segLen) >>> 0, TcpFlag.rst | TcpFlag.ack);
  }

  // --- output ---------------------------------------------------------------------------------

  /** Sends tx[14, 14 + payloadLen) in an Ethernet frame, padded to the minimum length. */
  private sendFrame(dst: Mac, etherType: number, payloadLen: number): void {
    emitEthernet(this.tx, 0, dst, UserNetAddress.hostMac, etherType);
    let len = ETHERNET_HEADER_LEN + payloadLen;
    if (len < ETHERNET_MIN_FRAME) {
      this.tx.fill(0, len, ETHERNET_MIN_FRAME);
      len = ETHERNET_MIN_FRAME;
    }
    this.counters.framesOut++;
    this.send?.(this.tx, len, this.now);
  }

  /** Sends an IPv4 packet whose payload is already at tx[34..]. */
  private sendIp(dstMac: Mac, dst: number, protocol: number, payloadLen: number): void {
    this.ipId = (this.ipId + 1) & 0xffff;
    emitIpv4(this.tx, ETHERNET_HEADER_LEN, this.ipId, protocol, UserNetAddress.host, dst, payloadLen);
    this.sendFrame(dstMac, EtherType.ipv4, IPV4_HEADER_LEN + payloadLen);
  }

  private sendArpRequest(): void {
    emitArp(this.tx, ETHERNET_HEADER_LEN, ArpOp.request, UserNetAddress.hostMac, UserNetAddress.host, this.zeroMac, UserNetAddress.guest);
    this.counters.arpRequests++;
    this.sendFrame(BROADCAST_MAC, EtherType.arp, ARP_LEN);
  }

  private sendSegment(seg: TcpSegmentOut, sock: TcpSocket): void {
    const at = ETHERNET_HEADER_LEN + IPV4_HEADER_LEN;
    const hlen = tcpHeaderLength(seg.mss > 0);
    if (seg.len > 0) sock.copyData(seg.seq, seg.len, this.tx, at + hlen);
    emitTcp(this.tx, at, UserNetAddress.host, UserNetAddress.guest, sock.hostPort, sock.guestPort, seg.seq, seg.ack, seg.flags, seg.window, seg.mss, seg.len);
    this.counters.tcpSegmentsOut++;
    this.sendIp(this.guestMac!, UserNetAddress.guest, IpProtocol.tcp, hlen + seg.len);
  }

  /** A RST from a socket (answering an unacceptable segment in SYN-SENT). */
  private sendRst(seq: number, ack: number, flags: number): void {
    const t = this.tcp;
    this.sendRstTo(this.ip.src, t.dstPort, t.srcPort, seq, ack, flags);
  }

  private sendRstTo(dst: number, srcPort: number, dstPort: number, seq: number, ack: number, flags: number): void {
    const at = ETHERNET_HEADER_LEN + IPV4_HEADER_LEN;
    emitTcp(this.tx, at, UserNetAddress.host, dst, srcPort, dstPort, seq, ack, flags, 0, 0, 0);
    this.counters.tcpResets++;
    this.sendIp(this.peerMac, dst, IpProtocol.tcp, tcpHeaderLength(false));
  }
}
