// The second address space of the kernel tests: it answers each call with the address of one
// of its own variables, and with what its own DebugWrite of that address returned (the same
// pointer must be refused when the tests space passes it).
import { cstr, u64, zeroed } from '../../../gtsc/guest';
import { msgInfo } from '../../user/lib';
import { DebugWrite, Msg, Recv, ReplyRecv } from '../../user/sys.gen';

const EP = 1;
const REPLY = 2;

export function other(ipcBuf: u64, info: u64): void {
  const m = zeroed<Msg>();
  const secret = cstr('other: my own memory\n');
  Recv(EP, REPLY, m);
  while (true) {
    m.mr[0] = secret;
    m.mr[1] = DebugWrite(secret, 21);
    m.info = msgInfo(0, 2);
    ReplyRecv(EP, REPLY, m);
  }
}
