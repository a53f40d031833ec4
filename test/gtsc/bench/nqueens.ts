// Recursion and byte arrays: count the placements of N queens (backtracking).
import { Arr, i64, u64, u8, zeroed } from '../../../src/gtsc/guest';

export let size: i64 = 8;
const cols = zeroed<Arr<u8, 16>>();
const up = zeroed<Arr<u8, 32>>();
const down = zeroed<Arr<u8, 32>>();

function solve(row: i64, n: i64): u64 {
  if (row === n) return 1;
  let count: u64 = 0;
  for (let c = 0; c < n; c++) {
    if (cols[c] === 0 && up[row + c] === 0 && down[row - c + n - 1] === 0) {
      cols[c] = 1;
      up[row + c] = 1;
      down[row - c + n - 1] = 1;
      count += solve(row + 1, n);
      cols[c] = 0;
      up[row + c] = 0;
      down[row - c + n - 1] = 0;
    }
  }
  return count;
}

export function main(): u64 {
  return solve(0, size);
}
