/** The GDB remote serial protocol stub (docs/gdb.md): library code over bytes. */
export { GdbStub, type StubState } from './stub';
export { PacketReader, framePacket, MAX_PACKET, type Incoming } from './packet';
export { targetXml } from './registers';
