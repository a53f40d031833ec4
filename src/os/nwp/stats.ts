/**
 * The stack's counters: one table, indexed by the constants below, with a name for each
 * (what `statName` gives a program that prints them, as `name=value`).
 */
import { Arr, load64, table, u64, zeroed } from '../../gtsc/guest';

export const S_RX_FRAMES = 0;
export const S_TX_FRAMES = 1;
export const S_TX_NO_BUFFER = 2;
export const S_BAD_ETH = 3;
export const S_OTHER_ETHERTYPE = 4;
export const S_NOT_FOR_US = 5;
export const S_BAD_ARP = 6;
export const S_BAD_IPV4 = 7;
export const S_IPV4_FRAGMENT = 8;
export const S_OTHER_PROTOCOL = 9;
export const S_BAD_ICMP = 10;
export const S_BAD_UDP = 11;
export const S_BAD_TCP = 12;
export const S_ARP_REQUESTS = 13;
export const S_ARP_REPLIES = 14;
export const S_ICMP_ECHO = 15;
export const S_DHCP_SENT = 16;
export const S_DHCP_RECEIVED = 17;
export const S_TCP_IN = 18;
export const S_TCP_OUT = 19;
export const S_TCP_RETRANSMITS = 20;
export const S_TCP_TIMEOUTS = 21;
export const S_TCP_FAST_RETRANSMITS = 22;
export const S_TCP_DUPLICATES = 23;
export const S_TCP_OUT_OF_ORDER = 24;
export const S_TCP_OUT_OF_WINDOW = 25;
export const S_TCP_RST_IN = 26;
export const S_TCP_RST_OUT = 27;
export const S_TCP_BACKLOG_DROPS = 28;
export const S_TCP_ACCEPTED = 29;
export const S_TCP_ABORTED = 30;
export const S_TCP_ZERO_WINDOW_PROBES = 31;
export const S_NO_NEIGHBOR = 32;
export const STAT_COUNT = 33;

const names = table<string>([
  'rx_frames', 'tx_frames', 'tx_no_buffer', 'bad_eth', 'other_ethertype', 'not_for_us', 'bad_arp', 'bad_ipv4',
  'ipv4_fragments', 'other_protocol', 'bad_icmp', 'bad_udp', 'bad_tcp', 'arp_requests', 'arp_replies', 'icmp_echo',
  'dhcp_sent', 'dhcp_received', 'tcp_in', 'tcp_out', 'tcp_retransmits', 'tcp_timeouts', 'tcp_fast_retransmits',
  'tcp_duplicates', 'tcp_out_of_order', 'tcp_out_of_window', 'tcp_rst_in', 'tcp_rst_out', 'tcp_backlog_drops',
  'tcp_accepted', 'tcp_aborted', 'tcp_zero_window_probes', 'no_neighbor',
]);

export const stats = zeroed<Arr<u64, 33>>();

export function count(which: u64): void {
  stats[which] = stats[which] + 1;
}

/** The name of counter `which` (a NUL-terminated string). */
export function statName(which: u64): u64 {
  return load64(names + 8 * which);
}
