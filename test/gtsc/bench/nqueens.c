/* Recursion and byte arrays: count the placements of N queens (the same program as nqueens.ts). */
long size = 8;
static unsigned char cols[16], up[32], down[32];

static unsigned long solve(long row, long n) {
  if (row == n) return 1;
  unsigned long count = 0;
  for (long c = 0; c < n; c++) {
    if (cols[c] == 0 && up[row + c] == 0 && down[row - c + n - 1] == 0) {
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

unsigned long main(void) { return solve(0, size); }
