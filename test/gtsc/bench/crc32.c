/* Hashing: CRC-32 (IEEE) with a table built bitwise at run time (the same program as crc32.ts). */
typedef unsigned long u64;
typedef unsigned int u32;
typedef unsigned char u8;

static u32 table[256];
static u8 buf[4096];
u64 seed = 12345;

static u64 rand_(void) {
  seed = seed * 6364136223846793005ull + 1442695040888963407ull;
  return seed >> 33;
}

static void makeTable(void) {
  for (int i = 0; i < 256; i++) {
    u32 c = i;
    for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >> 1) ^ 0xedb88320u : c >> 1;
    table[i] = c;
  }
}

static u32 crc32(const u8 *p, u64 n) {
  u32 crc = 0xffffffffu;
  for (u64 i = 0; i < n; i++) crc = table[(crc ^ p[i]) & 255] ^ (crc >> 8);
  return crc ^ 0xffffffffu;
}

u64 main(void) {
  makeTable();
  for (int i = 0; i < 4096; i++) buf[i] = rand_();
  return crc32(buf, 4096);
}
