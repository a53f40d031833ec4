/**
 * The stack's sizes (static pools: nothing is allocated after start-up) and its timing
 * parameters. Time is whatever the caller counts in (the platform's timer ticks: rdtime, 10 MHz
 * on rvn's board); `netConfigDefaults` turns milliseconds into ticks.
 */
import { Ptr, u64 } from '../../gtsc/guest';

/** TCP connection sockets (the benchmark's 32 connections, plus room for closing ones). */
export const TCP_SOCKETS = 40;
/** Listening ports. */
export const TCP_LISTENERS = 4;
/** Most connections a listener may hold waiting for accept (pending and established). */
export const TCP_MAX_BACKLOG = 32;
/** Receive and send buffers of each socket, bytes (powers of two). */
export const TCP_RX_BUFFER = 8192;
export const TCP_TX_BUFFER = 8192;
/** Out-of-order ranges each socket remembers beyond its next expected byte. */
export const TCP_OOO_RANGES = 4;
/** The MSS this stack announces: an Ethernet MTU of 1500 − 40 bytes of IPv4 and TCP headers. */
export const TCP_MSS = 1460;
/** The ARP cache. */
export const NEIGHBORS = 8;
/** Frames taken from the card per call of ifaceReceive (the rest wait for the next call). */
export const RX_BUDGET = 64;

export interface NetConfig {
  /** Timer ticks per millisecond (10 000 at rvn's 10 MHz timebase). */
  ticksPerMs: u64;
  /** RFC 6298: the RTO before any measurement, and its bounds. */
  rtoInitial: u64;
  rtoMin: u64;
  rtoMax: u64;
  /** Retransmissions of one segment without any answer before the connection is abandoned. */
  maxRetries: u64;
  /** How long a closed connection stays in TIME-WAIT (2·MSL; short on one machine). */
  timeWait: u64;
  /** Delay of an acknowledgement that carries nothing else (0: at the next transmit). */
  ackDelay: u64;
  /** Wait between ARP requests for an unresolved neighbour. */
  arpRetry: u64;
  /** How long a learnt neighbour is trusted. */
  neighborLifetime: u64;
  /** First DHCP retransmission (doubling up to 8 times that). */
  dhcpRetry: u64;
}

/**
 * The defaults: a LAN on the same machine as its peers. RTO initial 100 ms, bounds 10 ms and
 * 10 s (RFC 6298 says 1 s for the first two; this network's round trips are microseconds),
 * 8 retries, TIME-WAIT 2 ms, immediate ACKs, ARP retry 10 ms, neighbours 60 s, DHCP 100 ms.
 */
export function netConfigDefaults(c: Ptr<NetConfig>, ticksPerMs: u64): void {
  c.ticksPerMs = ticksPerMs;
  c.rtoInitial = 100 * ticksPerMs;
  c.rtoMin = 10 * ticksPerMs;
  c.rtoMax = 10000 * ticksPerMs;
  c.maxRetries = 8;
  c.timeWait = 2 * ticksPerMs;
  c.ackDelay = 0;
  c.arpRetry = 10 * ticksPerMs;
  c.neighborLifetime = 60000 * ticksPerMs;
  c.dhcpRetry = 100 * ticksPerMs;
}
