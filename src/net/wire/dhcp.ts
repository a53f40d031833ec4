/**
 * DHCP messages (RFC 2131 §2, options RFC 2132) inside UDP (server port 67, client port 68).
 *
 *   0 op  1 htype  2 hlen  3 hops  4 xid  8 secs  10 flags  12 ciaddr  16 yiaddr  20 siaddr
 *   24 giaddr  28 chaddr (16)  44 sname (64)  108 file (128)  236 magic cookie 99.130.83.99
 *   240 options (code, length, value ... 255)
 */
import { get16, get32, put16, put32 } from './bytes';
import type { Mac } from './addr';

export const DhcpField = {
  op: 0, htype: 1, hlen: 2, hops: 3, xid: 4, secs: 8, flags: 10, ciaddr: 12, yiaddr: 16, siaddr: 20,
  giaddr: 24, chaddr: 28, sname: 44, file: 108, cookie: 236, options: 240,
} as const;
export const DHCP_MAGIC_COOKIE = 0x63825363;
/** Fixed part + cookie; a message is at least this long. */
export const DHCP_MIN_LEN = 240;
/** The length we send: the fixed part, the cookie and a 312-byte options field (RFC 2131 §2). */
export const DHCP_REPLY_LEN = 548;
export const DhcpOp = { request: 1, reply: 2 } as const;
export const DhcpPort = { server: 67, client: 68 } as const;
/** Broadcast bit of `flags` (RFC 2131 §2). */
export const DHCP_FLAG_BROADCAST = 0x8000;

export const DhcpOption = {
  pad: 0, subnetMask: 1, router: 3, dnsServer: 6, requestedIp: 50, leaseTime: 51, overload: 52,
  messageType: 53, serverId: 54, end: 255,
} as const;

export const DhcpMessage = { discover: 1, offer: 2, request: 3, decline: 4, ack: 5, nak: 6, release: 7, inform: 8 } as const;

export type DhcpError = 'short' | 'not-request' | 'hardware' | 'cookie' | 'options' | 'no-message-type';

/** A checked view of a client's DHCP message; the options that matter are parsed by wrap(). */
export class DhcpView {
  bytes: Uint8Array = new Uint8Array(0);
  off = 0;
  error: DhcpError | undefined;
  messageType = 0;
  /** Option 50, 0 when absent. */
  requestedIp = 0;
  /** Option 54, 0 when absent. */
  serverId = 0;

  wrap(bytes: Uint8Array, off: number, len: number): boolean {
    this.error = this.check(bytes, off, len);
    if (this.error !== undefined) return false;
    this.bytes = bytes;
    this.off = off;
    return true;
  }

  private check(b: Uint8Array, off: number, len: number): DhcpError | undefined {
    if (len < DHCP_MIN_LEN) return 'short';
    if (b[off + DhcpField.op] !== DhcpOp.request) return 'not-request';
    if (b[off + DhcpField.htype] !== 1 || b[off + DhcpField.hlen] !== 6) return 'hardware';
    if (get32(b, off + DhcpField.cookie) !== DHCP_MAGIC_COOKIE) return 'cookie';
    this.messageType = 0;
    this.requestedIp = 0;
    this.serverId = 0;
    const end = off + len;
    let i = off + DhcpField.options;
    while (i < end) {
      const code = b[i];
      if (code === DhcpOption.end) break;
      if (code === DhcpOption.pad) {
        i++;
        continue;
      }
      if (i + 1 >= end || i + 2 + b[i + 1] > end) return 'options';
      const olen = b[i + 1];
      const v = i + 2;
      if (code === DhcpOption.messageType && olen === 1) this.messageType = b[v];
      else if (code === DhcpOption.requestedIp && olen === 4) this.requestedIp = get32(b, v);
      else if (code === DhcpOption.serverId && olen === 4) this.serverId = get32(b, v);
      i = v + olen;
    }
    if (this.messageType === 0) return 'no-message-type';
    return undefined;
  }

  get xid(): number {
    return get32(this.bytes, this.off + DhcpField.xid);
  }
  get flags(): number {
    return get16(this.bytes, this.off + DhcpField.flags);
  }
  get ciaddr(): number {
    return get32(this.bytes, this.off + DhcpField.ciaddr);
  }
  get giaddr(): number {
    return get32(this.bytes, this.off + DhcpField.giaddr);
  }
  get chaddrOffset(): number {
    return this.off + DhcpField.chaddr;
  }
}

/** The options a server's reply carries (RFC 2132). */
export interface DhcpReplyOptions {
  messageType: number;
  serverId: number;
  /** 0 = option left out (a NAK carries neither lease, mask nor router). */
  leaseSeconds: number;
  subnetMask: number;
  router: number;
}

/**
 * Writes a DHCP_REPLY_LEN-byte server reply at buf[off]: `xid`, `flags` and `chaddr` copied
 * from the request, `yiaddr`/`siaddr` given, then the options.
 */
export function emitDhcpReply(
  buf: Uint8Array, off: number, xid: number, flags: number, chaddr: Mac, yiaddr: number, siaddr: number, o: DhcpReplyOptions,
): void {
  buf.fill(0, off, off + DHCP_REPLY_LEN);
  buf[off + DhcpField.op] = DhcpOp.reply;
  buf[off + DhcpField.htype] = 1;
  buf[off + DhcpField.hlen] = 6;
  put32(buf, off + DhcpField.xid, xid);
  put16(buf, off + DhcpField.flags, flags);
  put32(buf, off + DhcpField.yiaddr, yiaddr);
  put32(buf, off + DhcpField.siaddr, siaddr);
  buf.set(chaddr, off + DhcpField.chaddr);
  put32(buf, off + DhcpField.cookie, DHCP_MAGIC_COOKIE);
  let i = off + DhcpField.options;
  buf[i++] = DhcpOption.messageType;
  buf[i++] = 1;
  buf[i++] = o.messageType;
  const u32 = (code: number, v: number): void => {
    buf[i] = code;
    buf[i + 1] = 4;
    put32(buf, i + 2, v);
    i += 6;
  };
  u32(DhcpOption.serverId, o.serverId);
  if (o.leaseSeconds > 0) u32(DhcpOption.leaseTime, o.leaseSeconds);
  if (o.subnetMask !== 0) u32(DhcpOption.subnetMask, o.subnetMask);
  if (o.router !== 0) u32(DhcpOption.router, o.router);
  buf[i] = DhcpOption.end;
}
