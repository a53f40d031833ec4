// Function addresses as values: a dispatch table in a struct array, callbacks, fnaddr/ptr casts.
import { printI, printU, putchar, println } from '../../../src/gtsc/runtime/rt';
import { Arr, Ptr, fnaddr, i64, load64, u64, zeroed } from '../../../src/gtsc/guest';

type BinOp = (a: i64, b: i64) => i64;

interface Handler {
  op: BinOp;
  calls: u64;
}

const handlers = zeroed<Arr<Handler, 4>>();
let defaultOp: BinOp = sub;

function add(a: i64, b: i64): i64 { return a + b; }
function sub(a: i64, b: i64): i64 { return a - b; }
function mul(a: i64, b: i64): i64 { return a * b; }
function max(a: i64, b: i64): i64 { return a > b ? a : b; }

function fold(f: BinOp, init: i64, n: i64): i64 {
  let acc = init;
  for (let i = 1; i <= n; i++) acc = f(acc, i);
  return acc;
}

function dispatch(k: u64, a: i64, b: i64): i64 {
  const h = handlers[k];
  h.calls++;
  return h.op(a, b);
}

export function main(): u64 {
  handlers[0].op = add;
  handlers[1].op = sub;
  handlers[2].op = mul;
  handlers[3].op = max;
  let total = 0;
  for (let k = 0; k < 4; k++) {
    const r = dispatch(k, 7, 3);
    printI(r); putchar(32);
    total += r;
  }
  putchar(10);
  printI(dispatch(2, -4, 5)); putchar(10);
  printU(handlers[2].calls); putchar(10);
  printI(fold(add, 0, 10)); putchar(32); printI(fold(mul, 1, 10)); putchar(32); printI(fold(max, -5, 3)); putchar(10);
  printI(defaultOp(total, 1)); putchar(10);
  defaultOp = mul;
  printI(defaultOp(6, 7)); putchar(10);
  // the address stored in the table is the function's address
  const first: Ptr<Handler> = handlers;
  println(load64(first) === fnaddr(add) ? 'same address' : 'different address');
  return 0;
}
