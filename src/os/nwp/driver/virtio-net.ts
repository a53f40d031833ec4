/**
 * A virtio-net driver (virtio 1.2: §3.1 initialisation, §4.2 virtio-mmio, §2.7 split
 * virtqueues, §5.1 the network device) for the stack's NetDevice. It runs wherever its
 * configuration says the card is: bare metal (the registers at their physical address, buffers
 * where they are) or in a user process under the kernel (the registers mapped into its space,
 * its buffers in a region whose physical address the system description gives).
 *
 * - Features: VIRTIO_NET_F_MAC and VIRTIO_F_VERSION_1, and VIRTIO_F_EVENT_IDX when offered
 *   and wanted: then the card is kicked only when it asked to be (avail_event), and interrupts
 *   come only for received frames, only while the owner waits (used_event), never for sent ones.
 *   Without it, avail.flags NO_INTERRUPT does the same more coarsely.
 * - Receive: RX_SLOTS buffers stay posted; the stack borrows one frame at a time and gives the
 *   buffer straight back. Transmit: TX_SLOTS buffers, each tied to its descriptor; sent ones are
 *   reclaimed from the used ring when a buffer is wanted (no transmit interrupts).
 * - Interrupt-driven with a polling fallback: vnetArm() before sleeping enables the receive
 *   interrupt and says whether something is already waiting; vnetInterrupt() acknowledges the
 *   card's interrupt status; a program that cannot take interrupts polls vnetRxPending().
 *
 * All DMA memory is one physically contiguous area of VNET_DMA_BYTES (4 KiB-aligned): the two
 * queues' rings, then the receive buffers, then the transmit buffers.
 */
import { Arr, Ptr, fence, load16, load32, load8, ptr, store16, store32, store64, u16, u64, zeroed } from '../../../gtsc/guest';
import type { NetDevice } from '../device';

const MAGIC = 0x000;
const VERSION = 0x004;
const DEVICE_ID = 0x008;
const DEVICE_FEATURES = 0x010;
const DEVICE_FEATURES_SEL = 0x014;
const DRIVER_FEATURES = 0x020;
const DRIVER_FEATURES_SEL = 0x024;
const QUEUE_SEL = 0x030;
const QUEUE_SIZE_MAX = 0x034;
const QUEUE_SIZE = 0x038;
const QUEUE_READY = 0x044;
const QUEUE_NOTIFY = 0x050;
const INTERRUPT_STATUS = 0x060;
const INTERRUPT_ACK = 0x064;
const STATUS = 0x070;
const QUEUE_DESC = 0x080;
const QUEUE_DRIVER = 0x090;
const QUEUE_DEVICE = 0x0a0;
const CONFIG_MAC = 0x100;

const S_ACKNOWLEDGE = 1;
const S_DRIVER = 2;
const S_DRIVER_OK = 4;
const S_FEATURES_OK = 8;
/** Feature bits: word 0 (bits 0..31) and word 1 (bits 32..63). */
const F_MAC = 1 << 5;
const F_EVENT_IDX = 1 << 29;
const F_VERSION_1_HI = 1; // bit 32
const DESC_F_WRITE = 2;
const AVAIL_F_NO_INTERRUPT = 1;
const MMIO_MAGIC = 0x74726976; // "virt"
const DEVICE_NET = 1;

/** Queue size and buffers of each queue. */
const QS = 64;
const RX_Q = 0;
const TX_Q = 1;
/** The virtio_net_hdr of VERSION_1: 12 bytes before every frame (all zero on transmit). */
export const VNET_HDR = 12;
/** Buffer stride; a buffer starts 2 bytes in, so that the IPv4 header after 12 + 14 bytes is 4-aligned. */
const BUF = 1536;
const BUF_SKEW = 2;
const RINGS = 8192;
/** Bytes of DMA memory the driver needs. */
export const VNET_DMA_BYTES = RINGS + 2 * QS * BUF;

/** Why vnetInit failed. */
export const VNET_OK = 0;
export const VNET_NO_DEVICE = 1;
export const VNET_NOT_NET = 2;
export const VNET_FEATURES = 3;
export const VNET_QUEUE = 4;

export interface VnetConfig {
  /** The transport's registers, as the driver addresses them. */
  mmio: u64;
  /** The DMA area as the driver addresses it, and as the card does (equal on bare metal). */
  dmaVirt: u64;
  dmaPhys: u64;
  /** 1: use VIRTIO_F_EVENT_IDX when the card offers it. */
  eventIdx: u64;
}

interface Queue {
  desc: u64;
  avail: u64;
  used: u64;
  /** The avail index we publish next, the one at the last kick, the next used entry to read. */
  availIdx: u64;
  kicked: u64;
  lastUsed: u64;
}

interface Vnet {
  mmio: u64;
  dmaVirt: u64;
  dmaPhys: u64;
  eventIdx: u64;
  rx: Queue;
  tx: Queue;
  /** The receive descriptor lent to the stack (QS: none). */
  rxHeld: u64;
  /** The transmit descriptor lent to the stack (QS: none). */
  txCur: u64;
  txFreeCount: u64;
  txFree: Arr<u16, 64>;
}

/** The driver's counters: interrupts acknowledged, kicks written, frames received and sent. */
export const VNET_INTERRUPTS = 0;
export const VNET_KICKS = 1;
export const VNET_RX = 2;
export const VNET_TX = 3;
export const vnet_stats = zeroed<Arr<u64, 4>>();

const vnet = zeroed<Vnet>();
/** The NetDevice the stack uses. */
export const vnetDevice = zeroed<NetDevice>();

function reg(off: u64): u64 {
  return load32(vnet.mmio + off);
}

function setReg(off: u64, v: u64): void {
  store32(vnet.mmio + off, v);
}

function phys(v: u64): u64 {
  return v - vnet.dmaVirt + vnet.dmaPhys;
}

function rxBuffer(i: u64): u64 {
  return vnet.dmaVirt + RINGS + i * BUF + BUF_SKEW;
}

function txBufferOf(i: u64): u64 {
  return vnet.dmaVirt + RINGS + (QS + i) * BUF + BUF_SKEW;
}

/** virtio 1.2 §2.7.10: whether an index moving from old to now crossed `event`. */
function needEvent(event: u64, now: u64, old: u64): u64 {
  return ((now - event - 1) & 0xffff) < ((now - old) & 0xffff) ? 1 : 0;
}

function setDesc(q: Ptr<Queue>, i: u64, addr: u64, len: u64, flags: u64): void {
  const d = q.desc + 16 * i;
  store64(d, phys(addr));
  store32(d + 8, len);
  store16(d + 12, flags);
  store16(d + 14, 0);
}

/** Publishes descriptor `head` in the available ring (the card sees it; no kick yet). */
function publish(q: Ptr<Queue>, head: u64): void {
  store16(q.avail + 4 + 2 * (q.availIdx % QS), head);
  q.availIdx = (q.availIdx + 1) & 0xffff;
  fence(); // the ring entry before the index (§2.7.13)
  store16(q.avail + 2, q.availIdx);
}

function usedIdx(q: Ptr<Queue>): u64 {
  return load16(q.used + 2);
}

/** Where the driver writes used_event and the card avail_event (§2.7.10). */
function usedEventAddr(q: Ptr<Queue>): u64 {
  return q.avail + 4 + 2 * QS;
}

function availEvent(q: Ptr<Queue>): u64 {
  return load16(q.used + 4 + 8 * QS);
}

function setupQueue(sel: u64, q: Ptr<Queue>, base: u64): u64 {
  setReg(QUEUE_SEL, sel);
  if (reg(QUEUE_READY) !== 0 || reg(QUEUE_SIZE_MAX) < QS) return 0;
  q.desc = base;
  q.avail = base + 16 * QS;
  q.used = base + 2048;
  q.availIdx = 0;
  q.kicked = 0;
  q.lastUsed = 0;
  setReg(QUEUE_SIZE, QS);
  setReg(QUEUE_DESC, phys(q.desc));
  setReg(QUEUE_DESC + 4, phys(q.desc) >>> 32);
  setReg(QUEUE_DRIVER, phys(q.avail));
  setReg(QUEUE_DRIVER + 4, phys(q.avail) >>> 32);
  setReg(QUEUE_DEVICE, phys(q.used));
  setReg(QUEUE_DEVICE + 4, phys(q.used) >>> 32);
  setReg(QUEUE_READY, 1);
  return 1;
}

/** Negotiates features (§3.1.1 steps 1–6); 0 when the card refuses. */
function negotiate(wantEventIdx: u64): u64 {
  setReg(STATUS, 0); // reset
  setReg(STATUS, S_ACKNOWLEDGE);
  setReg(STATUS, S_ACKNOWLEDGE | S_DRIVER);
  setReg(DEVICE_FEATURES_SEL, 1);
  const hi = reg(DEVICE_FEATURES);
  setReg(DEVICE_FEATURES_SEL, 0);
  const lo = reg(DEVICE_FEATURES);
  if ((hi & F_VERSION_1_HI) === 0 || (lo & F_MAC) === 0) return 0;
  vnet.eventIdx = wantEventIdx !== 0 && (lo & F_EVENT_IDX) !== 0 ? 1 : 0;
  setReg(DRIVER_FEATURES_SEL, 1);
  setReg(DRIVER_FEATURES, F_VERSION_1_HI);
  setReg(DRIVER_FEATURES_SEL, 0);
  setReg(DRIVER_FEATURES, F_MAC | (vnet.eventIdx !== 0 ? F_EVENT_IDX : 0));
  setReg(STATUS, S_ACKNOWLEDGE | S_DRIVER | S_FEATURES_OK);
  return (reg(STATUS) & S_FEATURES_OK) !== 0 ? 1 : 0;
}

function readMac(): u64 {
  let mac: u64 = 0;
  for (let i = 0; i < 6; i++) mac = (mac << 8) | load8(vnet.mmio + CONFIG_MAC + i);
  return mac;
}

/** Finds and starts the card: VNET_OK or why not. Then vnetDevice is ready for the stack. */
export function vnetInit(cfg: Ptr<VnetConfig>): u64 {
  vnet.mmio = cfg.mmio;
  vnet.dmaVirt = cfg.dmaVirt;
  vnet.dmaPhys = cfg.dmaPhys;
  // DeviceID 0 is an empty slot (virtio 1.2 §4.2.2), as QEMU and rvn leave their unused ones.
  if (reg(MAGIC) !== MMIO_MAGIC || reg(VERSION) !== 2 || reg(DEVICE_ID) === 0) return VNET_NO_DEVICE;
  if (reg(DEVICE_ID) !== DEVICE_NET) return VNET_NOT_NET;
  if (negotiate(cfg.eventIdx) === 0) return VNET_FEATURES;
  const rx = vnet.rx;
  const tx = vnet.tx;
  for (let i: u64 = 0; i < RINGS; i += 8) store64(vnet.dmaVirt + i, 0);
  if (setupQueue(RX_Q, rx, vnet.dmaVirt) === 0 || setupQueue(TX_Q, tx, vnet.dmaVirt + 4096) === 0) return VNET_QUEUE;
  for (let i: u64 = 0; i < QS; i++) {
    setDesc(rx, i, rxBuffer(i), BUF - BUF_SKEW, DESC_F_WRITE);
    publish(rx, i);
    const t = txBufferOf(i);
    for (let k: u64 = 0; k < VNET_HDR; k += 2) store16(t + k, 0); // the header stays zero
    setDesc(tx, i, t, VNET_HDR, 0);
    vnet.txFree[i] = QS - 1 - i;
  }
  vnet.txFreeCount = QS;
  vnet.rxHeld = QS;
  vnet.txCur = QS;
  // No interrupts until vnetArm(): receive interrupts off, transmit interrupts never.
  if (vnet.eventIdx !== 0) {
    store16(usedEventAddr(rx), 0xffff);
    store16(usedEventAddr(tx), 0xffff);
  } else {
    store16(rx.avail, AVAIL_F_NO_INTERRUPT);
    store16(tx.avail, AVAIL_F_NO_INTERRUPT);
  }
  setReg(STATUS, S_ACKNOWLEDGE | S_DRIVER | S_FEATURES_OK | S_DRIVER_OK);
  setReg(QUEUE_NOTIFY, RX_Q);
  rx.kicked = rx.availIdx;
  const d: Ptr<NetDevice> = vnetDevice;
  d.mac = readMac();
  d.receive = vnetReceive;
  d.rxDone = vnetRxDone;
  d.txBuffer = vnetTxBuffer;
  d.transmit = vnetTransmit;
  d.flush = vnetFlush;
  return VNET_OK;
}

/** Whether VIRTIO_F_EVENT_IDX was negotiated. */
export function vnetEventIdx(): u64 {
  return vnet.eventIdx;
}

// ---- receive

export function vnetRxPending(): u64 {
  fence();
  return usedIdx(vnet.rx) !== vnet.rx.lastUsed ? 1 : 0;
}

/** The next received frame's length (its address in vnetDevice.rxFrame), 0 when none. */
export function vnetReceive(): u64 {
  const q = vnet.rx;
  for (;;) {
    fence();
    if (usedIdx(q) === q.lastUsed) return 0;
    const e = q.used + 4 + 8 * (q.lastUsed % QS);
    const id = load32(e);
    const len = load32(e + 4);
    q.lastUsed = (q.lastUsed + 1) & 0xffff;
    if (id >= QS) continue; // not ours: the card is broken; skip it
    if (len <= VNET_HDR) {
      publish(q, id); // nothing in it: straight back
      continue;
    }
    vnet.rxHeld = id;
    vnet_stats[VNET_RX] = vnet_stats[VNET_RX] + 1;
    vnetDevice.rxFrame = rxBuffer(id) + VNET_HDR;
    return len - VNET_HDR;
  }
  return 0;
}

/** The stack is done with the frame: its buffer goes back to the card (kicked at flush). */
export function vnetRxDone(): void {
  if (vnet.rxHeld === QS) return;
  publish(vnet.rx, vnet.rxHeld);
  vnet.rxHeld = QS;
}

// ---- transmit

/** Takes back the transmit buffers the card has finished with. */
function reclaim(): void {
  const q = vnet.tx;
  fence();
  const idx = usedIdx(q);
  while (q.lastUsed !== idx) {
    const id = load32(q.used + 4 + 8 * (q.lastUsed % QS));
    q.lastUsed = (q.lastUsed + 1) & 0xffff;
    if (id < QS) {
      vnet.txFree[vnet.txFreeCount] = id;
      vnet.txFreeCount++;
    }
  }
}

/** A transmit buffer (frame address), or 0 when all are with the card. */
export function vnetTxBuffer(): u64 {
  if (vnet.txCur === QS) {
    if (vnet.txFreeCount < QS / 2) reclaim();
    if (vnet.txFreeCount === 0) return 0;
    vnet.txFreeCount--;
    vnet.txCur = vnet.txFree[vnet.txFreeCount];
  }
  return txBufferOf(vnet.txCur) + VNET_HDR;
}

/** Queues the frame of `len` bytes built in the buffer vnetTxBuffer() gave (kicked at flush). */
export function vnetTransmit(len: u64): void {
  const id = vnet.txCur;
  if (id === QS) return;
  store32(vnet.tx.desc + 16 * id + 8, VNET_HDR + len);
  publish(vnet.tx, id);
  vnet.txCur = QS;
  vnet_stats[VNET_TX] = vnet_stats[VNET_TX] + 1;
}

/** Kicks a queue if the card wants to hear about what was published since the last kick. */
function kick(sel: u64, q: Ptr<Queue>): void {
  if (q.availIdx === q.kicked) return;
  fence(); // the published index before reading avail_event (§2.7.13.4)
  if (vnet.eventIdx === 0 || needEvent(availEvent(q), q.availIdx, q.kicked) !== 0) {
    setReg(QUEUE_NOTIFY, sel);
    vnet_stats[VNET_KICKS] = vnet_stats[VNET_KICKS] + 1;
  }
  q.kicked = q.availIdx;
}

export function vnetFlush(): void {
  kick(TX_Q, vnet.tx);
  kick(RX_Q, vnet.rx);
}

// ---- interrupts

/**
 * Before sleeping: asks for an interrupt at the next received frame. Returns 1 when a frame is
 * already waiting (then do not sleep).
 */
export function vnetArm(): u64 {
  const q = vnet.rx;
  if (vnet.eventIdx !== 0) store16(usedEventAddr(q), q.lastUsed);
  else store16(q.avail, 0);
  return vnetRxPending();
}

/** After waking: no more receive interrupts until the next vnetArm() (EVENT_IDX needs nothing). */
export function vnetDisarm(): void {
  if (vnet.eventIdx === 0) store16(vnet.rx.avail, AVAIL_F_NO_INTERRUPT);
}

/** Acknowledges the card's interrupt (§4.2.2: InterruptStatus → InterruptACK); returns the status. */
export function vnetInterrupt(): u64 {
  const st = reg(INTERRUPT_STATUS);
  if (st !== 0) setReg(INTERRUPT_ACK, st);
  vnet_stats[VNET_INTERRUPTS] = vnet_stats[VNET_INTERRUPTS] + 1;
  return st;
}

/** The card's MAC (valid after vnetInit). */
export function vnetMac(): u64 {
  return ptr<NetDevice>(vnetDevice).mac;
}
