/* Byte arrays and nested loops: the sieve of Eratosthenes (the same program as sieve.ts). */
typedef unsigned long u64;
#define N 30000
static unsigned char composite[N];

static u64 sieve(void) {
  for (long i = 0; i < N; i++) composite[i] = 0;
  u64 count = 0;
  for (long i = 2; i < N; i++) {
    if (composite[i] == 0) {
      count++;
      for (long j = i * i; j < N; j += i) composite[j] = 1;
    }
  }
  return count;
}

u64 main(void) {
  u64 sum = 0;
  for (int r = 0; r < 3; r++) sum = sum * 100000 + sieve();
  return sum;
}
