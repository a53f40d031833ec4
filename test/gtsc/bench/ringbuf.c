/* A ring buffer behind small push/pop/count functions (the same program as ringbuf.ts). */
typedef unsigned long u64;
typedef unsigned int u32;
struct Ring { u32 head, tail; u64 buf[64]; };
static struct Ring ring;
u64 seed = 5;

static u64 rand_(void) {
  seed = seed * 6364136223846793005ull + 1442695040888963407ull;
  return seed >> 33;
}

static u64 count(struct Ring *r) { return r->head - r->tail; }

static void push(struct Ring *r, u64 v) {
  r->buf[r->head & 63] = v;
  r->head = r->head + 1;
}

static u64 pop(struct Ring *r) {
  u64 v = r->buf[r->tail & 63];
  r->tail = r->tail + 1;
  return v;
}

u64 main(void) {
  u64 sum = 0, produced = 0, consumed = 0;
  for (int round = 0; round < 3000; round++) {
    u64 k = rand_() & 7;
    for (u64 i = 0; i < k; i++) {
      if (count(&ring) < 64) { push(&ring, produced * 13 + 1); produced++; }
    }
    u64 m = rand_() & 7;
    for (u64 i = 0; i < m; i++) {
      if (count(&ring) > 0) { consumed++; sum += pop(&ring) * consumed; }
    }
  }
  return sum + produced * 1000003 + consumed;
}
