/* Sorting and recursion: quicksort of 1500 i64 (the same program as qsort.ts). */
typedef unsigned long u64;
#define N 1500
static long data[N];
u64 seed = 2024;

static u64 rand_(void) {
  seed = seed * 6364136223846793005ull + 1442695040888963407ull;
  return seed >> 33;
}

static void quicksort(long *a, long lo, long hi) {
  if (lo >= hi) return;
  long pivot = a[(lo + hi) >> 1];
  long i = lo, j = hi;
  while (i <= j) {
    while (a[i] < pivot) i++;
    while (a[j] > pivot) j--;
    if (i <= j) {
      long t = a[i];
      a[i] = a[j];
      a[j] = t;
      i++;
      j--;
    }
  }
  quicksort(a, lo, j);
  quicksort(a, i, hi);
}

u64 main(void) {
  for (int i = 0; i < N; i++) data[i] = (long)(rand_() % 100000) - 50000;
  quicksort(data, 0, N - 1);
  u64 sum = 0;
  for (int i = 0; i < N; i++) sum = sum * 7 + data[i];
  return sum;
}
