/**
 * What the stack needs of a network card (smoltcp's Device): a receive side that lends one
 * frame at a time, and a transmit side that lends a buffer to build a frame in. The driver
 * fills in the functions; the stack never knows which card it runs on.
 */
import { u64 } from '../../gtsc/guest';

export interface NetDevice {
  /** The card's MAC address (48 bits). */
  mac: u64;
  /** The next received frame's length (0: none); the frame is at `rxFrame` until rxDone(). */
  receive: () => u64;
  rxFrame: u64;
  /** Gives the received frame's buffer back to the card. */
  rxDone: () => void;
  /** A buffer for a frame of up to 1514 bytes, or 0 when every transmit buffer is in use. */
  txBuffer: () => u64;
  /** Queues the frame of `len` bytes built in the buffer txBuffer() returned. */
  transmit: (len: u64) => void;
  /** Tells the card about what was queued (a kick, when the card needs one). */
  flush: () => void;
}
