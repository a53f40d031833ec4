/* Pointer chasing: a shuffled linked list walked 16 times (the same program as listchase.ts). */
typedef unsigned long u64;
#define N 512
struct Node { struct Node *next; u64 value; };
static struct Node nodes[N];
static u64 order[N];
u64 seed = 42;

static u64 rand_(void) {
  seed = seed * 6364136223846793005ull + 1442695040888963407ull;
  return seed >> 33;
}

static u64 walk(struct Node *head) {
  u64 s = 0;
  for (struct Node *p = head; p; p = p->next) s = s + p->value;
  return s;
}

u64 main(void) {
  for (long i = 0; i < N; i++) order[i] = i;
  for (long i = N - 1; i > 0; i--) {
    u64 j = rand_() % (i + 1);
    u64 t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  for (long i = 0; i < N; i++) {
    struct Node *n = &nodes[order[i]];
    n->value = i * 3 + 1;
    n->next = i + 1 < N ? &nodes[order[i + 1]] : 0;
  }
  u64 sum = 0;
  for (long r = 0; r < 16; r++) sum += walk(&nodes[order[r]]) * (r + 1);
  return sum;
}
