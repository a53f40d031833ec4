/* Arrays and multiplication: 20x20 i64 matrix product, twice (the same program as matmul.ts). */
typedef unsigned long u64;
#define N 20
static long a[N * N], b[N * N], c[N * N];

static void matmul(const long *x, const long *y, long *z, long n) {
  for (long i = 0; i < n; i++)
    for (long j = 0; j < n; j++) {
      long s = 0;
      for (long k = 0; k < n; k++) s += x[i * n + k] * y[k * n + j];
      z[i * n + j] = s;
    }
}

u64 main(void) {
  for (long i = 0; i < N * N; i++) {
    a[i] = (i * 7) % 19 - 9;
    b[i] = (i * 5) % 23 - 11;
  }
  matmul(a, b, c, N);
  matmul(c, a, b, N);
  u64 sum = 0;
  for (long i = 0; i < N * N; i++) sum = sum * 3 + b[i];
  return sum;
}
