/* Struct arrays: bodies bouncing in a box (the same program as physics.ts). */
typedef unsigned long u64;
typedef int i32;
struct Body { i32 x, y, vx, vy; };
#define N 128
#define W 100000
#define H 80000
static struct Body bodies[N];
u64 seed = 3;

static u64 rand_(void) {
  seed = seed * 6364136223846793005ull + 1442695040888963407ull;
  return seed >> 33;
}

static void step(void) {
  for (int i = 0; i < N; i++) {
    struct Body *b = &bodies[i];
    b->vy = b->vy - 10;
    b->x = b->x + b->vx;
    b->y = b->y + b->vy;
    if (b->x < 0) { b->x = -b->x; b->vx = -b->vx; }
    if (b->x > W) { b->x = 2 * W - b->x; b->vx = -b->vx; }
    if (b->y < 0) { b->y = -b->y; b->vy = -b->vy * 7 / 8; }
    if (b->y > H) { b->y = 2 * H - b->y; b->vy = -b->vy; }
  }
}

u64 main(void) {
  for (int i = 0; i < N; i++) {
    struct Body *b = &bodies[i];
    b->x = rand_() % W;
    b->y = rand_() % H;
    b->vx = (long)(rand_() % 2001) - 1000;
    b->vy = (long)(rand_() % 2001) - 1000;
  }
  for (int t = 0; t < 60; t++) step();
  u64 sum = 0;
  for (int i = 0; i < N; i++) {
    struct Body *b = &bodies[i];
    sum = sum * 31 + b->x + 3 * b->y + 5 * b->vx + 7 * b->vy;
  }
  return sum;
}
