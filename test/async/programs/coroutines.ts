// async/await semantics (docs/gtsc.md, "async and await"), on bare metal with a test pool and
// a hand-written round-robin loop: results, suspensions, values live across awaits, frame
// objects, narrow results, recursion, awaits inside conditions, interleaving, frames freed.
import { Arr, Ptr, frameOf, ptr, suspend, u64, u8, zeroed } from '../../../src/gtsc/guest';
import { print, printU, putchar } from '../../../src/gtsc/runtime/rt';
import { __async_frame_free, framesLive, framesMade } from './pool';

type Resume = (frame: u64) => u64;
interface Frame {
  resume: Resume;
  state: u64;
  result: u64;
}

/** Resumes coroutine co until it finishes; returns its result and how many resumes it took in `polls`. */
let polls: u64 = 0;
function drive(co: u64): u64 {
  const f = ptr<Frame>(co);
  polls = 1;
  while (f.resume(f) === 0) polls++;
  const r = f.result;
  __async_frame_free(co);
  return r;
}

async function add(a: u64, b: u64): Promise<u64> {
  await suspend();
  return a + b;
}

async function sum(n: u64): Promise<u64> {
  let s: u64 = 0;
  for (let i = 0; i < n; i++) s += await add(i, 1);
  return s;
}

async function narrow(x: u64): Promise<u8> {
  await suspend();
  return x;
}

async function fib(n: u64): Promise<u64> {
  if (n < 2) return n;
  return (await fib(n - 1)) + (await fib(n - 2));
}

async function squares(): Promise<u64> {
  const a = zeroed<Arr<u64, 4>>();
  for (let i = 0; i < 4; i++) a[i] = i * i;
  await suspend();
  a[3] = a[3] + 100;
  await suspend();
  return a[0] + a[1] + a[2] + a[3];
}

async function branches(x: u64): Promise<u64> {
  const v = x > 5 ? await add(x, 100) : x;
  if (v > 50 && (await add(v, 1)) > 111) return v * 2;
  return v + 1000;
}

async function mixed(a: u64, b: u64): Promise<u64> {
  // a value computed before the await and used after it (a temporary in the middle of an expression)
  return a * 3 + (await add(b, 1)) * (await narrow(a + 256));
}

// ---- interleaving: three coroutines take turns, each appending its letter
const log = zeroed<Arr<u8, 64>>();
let logLength: u64 = 0;

async function letters(c: u64, n: u64): Promise<void> {
  for (let i = 0; i < n; i++) {
    log[logLength] = c;
    logLength++;
    await suspend();
  }
}

function roundRobin(): void {
  const cs = zeroed<Arr<u64, 3>>();
  cs[0] = frameOf(letters(97, 3));
  cs[1] = frameOf(letters(98, 2));
  cs[2] = frameOf(letters(99, 4));
  let running: u64 = 3;
  while (running > 0) {
    for (let k = 0; k < 3; k++) {
      if (cs[k] === 0) continue;
      const f = ptr<Frame>(cs[k]);
      if (f.resume(f) !== 0) {
        __async_frame_free(cs[k]);
        cs[k] = 0;
        running--;
      }
    }
  }
  for (let i = 0; i < logLength; i++) putchar(log[i]);
  putchar(10);
}

function show(what: string, v: u64): void {
  print(what);
  printU(v);
  print(' polls ');
  printU(polls);
  putchar(10);
}

export function main(): u64 {
  show('sum ', drive(frameOf(sum(10))));
  show('narrow ', drive(frameOf(narrow(300))));
  show('fib ', drive(frameOf(fib(10))));
  show('squares ', drive(frameOf(squares())));
  show('branches10 ', drive(frameOf(branches(10))));
  show('branches3 ', drive(frameOf(branches(3))));
  show('mixed ', drive(frameOf(mixed(5, 6))));
  roundRobin();
  print('frames made ');
  printU(framesMade);
  print(' live ');
  printU(framesLive);
  putchar(10);
  return 0;
}
