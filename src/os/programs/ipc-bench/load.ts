// The server load of the IPC benchmark (experiments.md): per request, square an n×n integer
// matrix four times (load 1, 2, 3: n = 3, 4, 5; load 0: nothing). The matrix starts each
// request as seed + 0, seed + 1, ... (seed: the request's byte), so every request does the same
// kind of work (u64 arithmetic wraps). Each size has its own function with n a constant, as the
// seed's Rust (a const generic) was compiled: the indices are shifts and adds, only the products
// are multiplications.
import { Arr, Ptr, u64, zeroed } from '../../../gtsc/guest';

const SQUARINGS = 4;

interface Matrices {
  a: Arr<u64, 25>;
  t: Arr<u64, 25>;
}

const m = zeroed<Matrices>();


/** t = a · a for n×n row-major matrices at a and t (rows of n words). */
function square3(a: Ptr<u64>, t: Ptr<u64>): void {
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) t[i * 3 + j] = a[i * 3] * a[j] + a[i * 3 + 1] * a[3 + j] + a[i * 3 + 2] * a[6 + j];
  }
}

function square4(a: Ptr<u64>, t: Ptr<u64>): void {
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      t[i * 4 + j] = a[i * 4] * a[j] + a[i * 4 + 1] * a[4 + j] + a[i * 4 + 2] * a[8 + j] + a[i * 4 + 3] * a[12 + j];
    }
  }
}

function square5(a: Ptr<u64>, t: Ptr<u64>): void {
  for (let i = 0; i < 5; i++) {
    for (let j = 0; j < 5; j++) {
      t[i * 5 + j] = a[i * 5] * a[j] + a[i * 5 + 1] * a[5 + j] + a[i * 5 + 2] * a[10 + j] + a[i * 5 + 3] * a[15 + j] + a[i * 5 + 4] * a[20 + j];
    }
  }
}

/** The work of one request at server load `load` (0..3), for a request carrying `seed`. */
export function serverLoad(load: u64, seed: u64): void {
  if (load === 0) return;
  const n = load + 2;
  for (let i = 0; i < n * n; i++) m.a[i] = seed + i;
  for (let r = 0; r < SQUARINGS; r++) {
    if (n === 3) square3(m.a, m.t);
    else if (n === 4) square4(m.a, m.t);
    else square5(m.a, m.t);
    for (let i = 0; i < n * n; i++) m.a[i] = m.t[i];
  }
}

/** The matrix (for checking the arithmetic). */
export function loadMatrix(): u64 {
  return m.a;
}
