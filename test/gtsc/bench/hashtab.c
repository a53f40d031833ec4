/* Hashing with structs: an open-addressing table (the same program as hashtab.ts). */
typedef unsigned long u64;
#define MASK 1023
struct Slot { u64 key; u64 value; };
static struct Slot slots[1024];
static u64 keys[700];
u64 seed = 99;

static u64 rand_(void) {
  seed = seed * 6364136223846793005ull + 1442695040888963407ull;
  return seed >> 33;
}

static u64 hash(u64 k) { return (k * 0x9e3779b97f4a7c15ull) >> 54; }

static void insert(u64 k, u64 v) {
  u64 i = hash(k);
  for (;;) {
    struct Slot *s = &slots[i];
    if (s->key == 0 || s->key == k) {
      s->key = k;
      s->value = v;
      return;
    }
    i = (i + 1) & MASK;
  }
}

static u64 lookup(u64 k) {
  u64 i = hash(k);
  for (;;) {
    struct Slot *s = &slots[i];
    if (s->key == k) return s->value;
    if (s->key == 0) return 0;
    i = (i + 1) & MASK;
  }
}

u64 main(void) {
  for (int i = 0; i < 700; i++) {
    u64 k = rand_() | 1;
    keys[i] = k;
    insert(k, i + 1);
  }
  u64 sum = 0;
  for (int i = 0; i < 700; i++) {
    sum += lookup(keys[i]);
    sum += lookup(rand_() << 1);
  }
  return sum;
}
