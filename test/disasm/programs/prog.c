typedef unsigned long uint64_t; typedef long int64_t;
static volatile uint64_t counter;
uint64_t table[8] = {1, 2, 3, 5, 8, 13, 21, 34};
const char message[] = "hello, rvn";
char buffer[64];
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
__attribute__((noinline)) uint64_t sum(const uint64_t *p, int n) {
  uint64_t s = 0;
  for (int i = 0; i < n; i++) s += p[i] * (uint64_t)i;
  return s;
}
__attribute__((noinline)) void copy(char *d, const char *s) { while ((*d++ = *s++)) {} }
int main(void) {
  uint64_t t;
  __asm__ volatile("csrr %0, mcycle" : "=r"(t));
  counter = t;
  copy(buffer, message);
  int64_t x = (int64_t)sum(table, 8) / 3;
  counter += (uint64_t)x % 7 + fib(10);
  __atomic_fetch_add(&counter, 1, __ATOMIC_SEQ_CST);
  return (int)(counter & 0xff);
}
