// The server load of the IPC benchmark (experiments.md): per request, square an n×n integer
// matrix four times (load 1, 2, 3: n = 3, 4, 5; load 0: nothing). The matrix is the server's
// own and keeps its values from one request to the next (integer arithmetic wraps).
import { Arr, u64, zeroed } from '../../../gtsc/guest';

const MAX_N = 5;
const SQUARINGS = 4;

interface Matrices {
  a: Arr<u64, 25>;
  t: Arr<u64, 25>;
}

const m = zeroed<Matrices>();

/** Fills the matrix with 1..n² (the state of a fresh server). */
export function loadInit(): void {
  for (let i = 0; i < MAX_N * MAX_N; i++) m.a[i] = i + 1;
}

function square(n: u64): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s: u64 = 0;
      for (let k = 0; k < n; k++) s += m.a[i * n + k] * m.a[k * n + j];
      m.t[i * n + j] = s;
    }
  }
  for (let i = 0; i < n * n; i++) m.a[i] = m.t[i];
}

/** The work of one request at server load `load` (0..3). */
export function serverLoad(load: u64): void {
  if (load === 0) return;
  const n = load + 2;
  for (let r = 0; r < SQUARINGS; r++) square(n);
}
