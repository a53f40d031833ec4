/**
 * The DHCP server of the user-mode network (RFC 2131 §4.3), as QEMU's slirp: one address to
 * hand out (10.0.2.15), the gateway 10.0.2.2 as server and router. It decides the answer to a
 * client's message; the host interface builds and sends it.
 */
import type { DhcpView } from './wire/dhcp';
import { DHCP_FLAG_BROADCAST, DhcpMessage } from './wire/dhcp';
import { IPV4_BROADCAST } from './wire/ipv4';

export interface DhcpServerConfig {
  serverIp: number;
  /** The address handed to the guest. */
  leaseIp: number;
  subnetMask: number;
  router: number;
  leaseSeconds: number;
}

/** The reply to send, or undefined when the message needs none (RFC 2131 §4.3). */
export interface DhcpDecision {
  messageType: number;
  yiaddr: number;
  /** IP destination of the reply; the Ethernet destination is broadcast iff this is. */
  ipDst: number;
}

export function dhcpDecide(m: DhcpView, c: DhcpServerConfig): DhcpDecision | undefined {
  if (m.giaddr !== 0) return undefined; // relay agents are not supported
  switch (m.messageType) {
    case DhcpMessage.discover:
      return { messageType: DhcpMessage.offer, yiaddr: c.leaseIp, ipDst: replyDst(m, c.leaseIp) };
    case DhcpMessage.request: {
      // A REQUEST naming another server's offer is not for us (§4.3.2).
      if (m.serverId !== 0 && m.serverId !== c.serverIp) return undefined;
      const wanted = m.requestedIp !== 0 ? m.requestedIp : m.ciaddr;
      if (wanted === c.leaseIp) return { messageType: DhcpMessage.ack, yiaddr: c.leaseIp, ipDst: replyDst(m, c.leaseIp) };
      return { messageType: DhcpMessage.nak, yiaddr: 0, ipDst: IPV4_BROADCAST };
    }
    default:
      return undefined; // DECLINE, RELEASE, INFORM: nothing to answer with a single lease
  }
}

/** §4.1: to ciaddr when the client has one, broadcast when it asks, else unicast to yiaddr. */
function replyDst(m: DhcpView, yiaddr: number): number {
  if (m.ciaddr !== 0) return m.ciaddr;
  if ((m.flags & DHCP_FLAG_BROADCAST) !== 0) return IPV4_BROADCAST;
  return yiaddr;
}
