// Privileged intrinsics in M-mode on QEMU: CSRs by name and number, AMOs, LR/SC, fences, counters.
import { printU, printHex, putchar, println } from '../../../src/gtsc/runtime/rt';
import {
  Arr, amoadd_d, amoadd_w, amomaxu_d, amoor_d, amoswap_d, csr_clear, csr_read, csr_set, csr_swap, csr_write,
  fence, fence_i, lr_d, rdinstret, sc_d, u64, zeroed,
} from '../../../src/gtsc/guest';

const cells = zeroed<Arr<u64, 4>>();

function atomicIncrement(addr: u64): u64 {
  while (true) {
    const old = lr_d(addr);
    if (sc_d(addr, old + 1) === 0) return old;
  }
}

export function main(): u64 {
  csr_write('mscratch', 1234);
  printU(csr_read('mscratch')); putchar(10);
  csr_set(0x340, 0xf0000);
  csr_clear('mscratch', 2);
  printHex(csr_read(0x340)); putchar(10);
  printU(csr_swap('mscratch', 7)); putchar(32); printU(csr_read('mscratch')); putchar(10);
  printU(csr_read('mhartid')); putchar(10);
  cells[0] = 40;
  printU(amoadd_d(cells, 2)); putchar(32); printU(cells[0]); putchar(10);
  printU(amoswap_d(cells + 8, 99)); putchar(32); printU(cells[1]); putchar(10);
  cells[2] = 0x0f;
  amoor_d(cells + 16, 0xf0);
  printHex(cells[2]); putchar(10);
  printU(amomaxu_d(cells, 100)); putchar(32); printU(cells[0]); putchar(10);
  cells[3] = 0xffffffff;
  amoadd_w(cells + 24, 1);
  printHex(cells[3]); putchar(10);
  printU(atomicIncrement(cells + 8)); putchar(32); printU(cells[1]); putchar(10);
  fence();
  fence_i();
  const before = rdinstret();
  const after = rdinstret();
  println(after > before ? 'instret counts' : 'instret stuck');
  return 0;
}
