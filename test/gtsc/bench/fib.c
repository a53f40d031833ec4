/* Recursion: the doubly recursive Fibonacci (the same program as fib.ts). */
long n = 22;

static long fib(long k) { return k < 2 ? k : fib(k - 1) + fib(k - 2); }

unsigned long main(void) { return fib(n); }
