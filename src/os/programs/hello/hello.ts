// hello: a client asks a server to add two numbers, then prints the boot arguments it was given.
import { cstr, u64, zeroed } from '../../../gtsc/guest';
import { Line, bootInfo, lineDec, lineStr, lineWrite, msgInfo } from '../../user/lib';
import { Call, DebugHalt, Msg, Recv, ReplyRecv } from '../../user/sys.gen';

const SERVICE = 1;
const ANSWER = 2;

export function server(ipcBuf: u64, info: u64): void {
  const m = zeroed<Msg>();
  Recv(SERVICE, ANSWER, m);
  while (true) {
    m.mr[0] = m.mr[0] + m.mr[1] + m.badge;
    m.info = msgInfo(0, 1);
    ReplyRecv(SERVICE, ANSWER, m);
  }
}

export function client(ipcBuf: u64, info: u64): void {
  const m = zeroed<Msg>();
  m.info = msgInfo(1, 2);
  m.mr[0] = 30;
  m.mr[1] = 5;
  const err = Call(SERVICE, m);
  const l = zeroed<Line>();
  lineStr(l, cstr('hello: 30 + 5 + badge 7 = '));
  lineDec(l, m.mr[0]);
  lineStr(l, err === 0 ? cstr(' (call ok)\n') : cstr(' (call failed)\n'));
  lineWrite(l);
  const b = bootInfo(info);
  lineStr(l, cstr('hello: '));
  lineDec(l, b.harts);
  lineStr(l, cstr(" harts, bootargs '"));
  lineStr(l, b.bootargs);
  lineStr(l, cstr("'\n"));
  lineWrite(l);
  DebugHalt(0);
}
