/**
 * A minimal polling virtio-net driver for bare-metal guests (virtio 1.2 §3.1 initialisation,
 * §4.2 virtio-mmio, §2.7 split virtqueues, §5.1 network device). It negotiates only
 * VIRTIO_NET_F_MAC and VIRTIO_F_VERSION_1, keeps RX_BUFS receive buffers posted, sends one
 * frame at a time and waits for it, and never uses interrupts: the guest polls the used rings.
 * The card is the first virtio-mmio device of the rvn (and QEMU virt) board: 0x1000_8000.
 */
import { Arr, fence, load16, load32, load8, store16, store32, store64, store8, u64, u8, zeroed } from '../../src/gtsc/guest';

const MMIO = 0x10008000;
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
const STATUS = 0x070;
const QUEUE_DESC = 0x080;
const QUEUE_DRIVER = 0x090;
const QUEUE_DEVICE = 0x0a0;
const CONFIG = 0x100;

const S_ACKNOWLEDGE = 1;
const S_DRIVER = 2;
const S_DRIVER_OK = 4;
const S_FEATURES_OK = 8;
const F_MAC = 5;
const DESC_F_WRITE = 2;

/** virtio_net_hdr with VERSION_1: 12 bytes, all zero on transmit. */
export const NET_HDR = 12;
/** Queue size used for both queues, and the receive buffers kept posted. */
const QSIZE = 16;
const RX_BUFS = 16;
const BUF_SIZE = 1536;

const RX = 0;
const TX = 1;

// Each queue: descriptors (16-aligned), available ring, used ring, in one 4 KiB-aligned area.
const queueMem = zeroed<Arr<u64, 1536>>(); // 2 × 4 KiB + alignment slack
const rxBufs = zeroed<Arr<u8, 24576>>(); // RX_BUFS × BUF_SIZE
const txBuf = zeroed<Arr<u8, 1536>>();

let qbase: u64 = 0;
let rxLastUsed: u64 = 0;
let rxAvail: u64 = 0;
let txAvail: u64 = 0;
let txLastUsed: u64 = 0;

/** The card's MAC address, read from its configuration space by netInit(). */
export const mac = zeroed<Arr<u8, 6>>();

function reg(off: u64): u64 {
  return load32(MMIO + off);
}

function setReg(off: u64, v: u64): void {
  store32(MMIO + off, v);
}

function desc(q: u64): u64 {
  return qbase + q * 4096;
}
function avail(q: u64): u64 {
  return qbase + q * 4096 + 16 * QSIZE;
}
function used(q: u64): u64 {
  return qbase + q * 4096 + 2048;
}

function setupQueue(q: u64): u64 {
  setReg(QUEUE_SEL, q);
  if (reg(QUEUE_READY) !== 0 || reg(QUEUE_SIZE_MAX) < QSIZE) return 0;
  setReg(QUEUE_SIZE, QSIZE);
  setReg(QUEUE_DESC, desc(q));
  setReg(QUEUE_DESC + 4, 0);
  setReg(QUEUE_DRIVER, avail(q));
  setReg(QUEUE_DRIVER + 4, 0);
  setReg(QUEUE_DEVICE, used(q));
  setReg(QUEUE_DEVICE + 4, 0);
  setReg(QUEUE_READY, 1);
  return 1;
}

/** Writes descriptor i of queue q. */
function setDesc(q: u64, i: u64, addr: u64, len: u64, flags: u64): void {
  const d = desc(q) + 16 * i;
  store64(d, addr);
  store32(d + 8, len);
  store16(d + 12, flags);
  store16(d + 14, 0);
}

/** Makes descriptor `head` available on queue q (without notifying). */
function offer(q: u64, head: u64, idx: u64): void {
  const a = avail(q);
  store16(a + 4 + 2 * (idx % QSIZE), head);
  fence();
  store16(a + 2, idx + 1);
  fence();
}

/**
 * Finds and starts the card: 0 on success, else 1 (no virtio device: nothing there, or an empty
 * slot with DeviceID 0), 2 (not a network card),
 * 3 (features refused), 4 (queue set-up failed).
 */
export function netInit(): u64 {
  if (reg(MAGIC) !== 0x74726976 || reg(VERSION) !== 2 || reg(DEVICE_ID) === 0) return 1;
  if (reg(DEVICE_ID) !== 1) return 2;
  setReg(STATUS, 0);
  setReg(STATUS, S_ACKNOWLEDGE);
  setReg(STATUS, S_ACKNOWLEDGE | S_DRIVER);
  setReg(DEVICE_FEATURES_SEL, 1);
  const hi = reg(DEVICE_FEATURES);
  setReg(DEVICE_FEATURES_SEL, 0);
  const lo = reg(DEVICE_FEATURES);
  if ((hi & 1) === 0 || (lo & (1 << F_MAC)) === 0) return 3;
  setReg(DRIVER_FEATURES_SEL, 1);
  setReg(DRIVER_FEATURES, 1); // VIRTIO_F_VERSION_1 (bit 32)
  setReg(DRIVER_FEATURES_SEL, 0);
  setReg(DRIVER_FEATURES, 1 << F_MAC);
  setReg(STATUS, S_ACKNOWLEDGE | S_DRIVER | S_FEATURES_OK);
  if ((reg(STATUS) & S_FEATURES_OK) === 0) return 3;
  for (let i = 0; i < 6; i++) mac[i] = load8(MMIO + CONFIG + i);
  qbase = (queueMem + 4095) & ~4095;
  if (setupQueue(RX) === 0 || setupQueue(TX) === 0) return 4;
  for (let i = 0; i < RX_BUFS; i++) {
    setDesc(RX, i, rxBufs + i * BUF_SIZE, BUF_SIZE, DESC_F_WRITE);
    offer(RX, i, rxAvail);
    rxAvail++;
  }
  setReg(STATUS, S_ACKNOWLEDGE | S_DRIVER | S_FEATURES_OK | S_DRIVER_OK);
  setReg(QUEUE_NOTIFY, RX);
  return 0;
}

/** The transmit buffer: a frame is built at txFrame() and sent with netSend(len). */
export function txFrame(): u64 {
  return txBuf + NET_HDR;
}

/** Sends the frame of `len` bytes built at txFrame() and waits until the card has taken it. */
export function netSend(len: u64): void {
  for (let i = 0; i < NET_HDR; i++) txBuf[i] = 0;
  setDesc(TX, 0, txBuf, NET_HDR + len, 0);
  offer(TX, 0, txAvail);
  txAvail++;
  setReg(QUEUE_NOTIFY, TX);
  while ((load16(used(TX) + 2) & 0xffff) === (txLastUsed & 0xffff)) fence();
  txLastUsed++;
}

/** The frame received by netRecv() (valid until the next netRecv()). */
let rxFrame: u64 = 0;
let rxHeld: u64 = QSIZE; // the descriptor being looked at, QSIZE = none

/** Address of the last received frame. */
export function rxData(): u64 {
  return rxFrame;
}

/**
 * Polls for a received frame: its length (frame only, without the header), or 0 when none has
 * arrived. The previous frame's buffer goes back to the card first.
 */
export function netRecv(): u64 {
  if (rxHeld !== QSIZE) {
    offer(RX, rxHeld, rxAvail);
    rxAvail++;
    setReg(QUEUE_NOTIFY, RX);
    rxHeld = QSIZE;
  }
  const u = used(RX);
  fence();
  if ((load16(u + 2) & 0xffff) === (rxLastUsed & 0xffff)) return 0;
  const slot = u + 4 + 8 * (rxLastUsed % QSIZE);
  const id = load32(slot);
  const len = load32(slot + 4);
  rxLastUsed++;
  rxHeld = id;
  rxFrame = rxBufs + id * BUF_SIZE + NET_HDR;
  return len - NET_HDR;
}

/** Copies the card's MAC to p. */
export function copyMac(p: u64): void {
  for (let i = 0; i < 6; i++) store8(p + i, mac[i]);
}
