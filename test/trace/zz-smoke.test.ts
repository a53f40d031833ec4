import { test } from 'vitest';
import { runTraced, EXIT } from './helpers';
test('smoke', () => {
  const src = `
    .globl _start
_start:
    la t0, buf
    li a0, 5
    sb a0, 24(t0)
    sh a0, 26(t0)
    sw a0, 28(t0)
    la t1, _start
    sb a0, 0x40(t1)
    ecall
${EXIT}
    .data
buf: .dword 0, 0, 0, 0, 0
`;
  const r = runTraced(src, { trace: 'commits', tracePc: '0x80000000:0x90000000' }, { maxInsns: 30 });
  console.log(r.out.files.get('stderr'));
});
