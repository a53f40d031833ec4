/* Sorting: insertion sort of 400 u32 from an LCG (the same program as isort.ts). */
typedef unsigned long u64;
typedef unsigned int u32;
#define N 400
static u32 data[N];
u64 seed = 7;

static u64 rand_(void) {
  seed = seed * 6364136223846793005ull + 1442695040888963407ull;
  return seed >> 33;
}

static void isort(u32 *a, long n) {
  for (long i = 1; i < n; i++) {
    u32 x = a[i];
    long j = i - 1;
    while (j >= 0 && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

u64 main(void) {
  for (int i = 0; i < N; i++) data[i] = rand_();
  isort(data, N);
  u64 sum = 0;
  for (int i = 0; i < N; i++) sum += (u64)data[i] * (i + 1);
  return sum;
}
