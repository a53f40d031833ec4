/* A small state machine: a tokenizer over generated text (the same program as lexer.ts). */
typedef unsigned long u64;
typedef unsigned char u8;
#define N 6144
static const char ALPHABET[] = "ab c1 2,;x 7 yz.";
static u8 text[N];
u64 seed = 11;

static u64 rand_(void) {
  seed = seed * 6364136223846793005ull + 1442695040888963407ull;
  return seed >> 33;
}

enum { SPACE, WORD, NUMBER, PUNCT };

static u64 classOf(u8 c) {
  if (c >= 97 && c <= 122) return WORD;
  if (c >= 48 && c <= 57) return NUMBER;
  if (c == 32) return SPACE;
  return PUNCT;
}

u64 main(void) {
  for (int i = 0; i < N; i++) text[i] = ALPHABET[rand_() & 15];
  u64 state = SPACE, words = 0, numbers = 0, puncts = 0, value = 0, total = 0;
  for (int i = 0; i < N; i++) {
    u8 c = text[i];
    u64 k = classOf(c);
    switch (state) {
      case SPACE:
        if (k == WORD) { state = WORD; words++; }
        else if (k == NUMBER) { state = NUMBER; value = c - 48; }
        else if (k == PUNCT) puncts++;
        break;
      case WORD:
        if (k == SPACE) state = SPACE;
        else if (k == NUMBER) { state = NUMBER; value = c - 48; }
        else if (k == PUNCT) { state = SPACE; puncts++; }
        break;
      default:
        if (k == NUMBER) value = value * 10 + c - 48;
        else {
          total += value;
          numbers++;
          if (k == WORD) { state = WORD; words++; }
          else { state = SPACE; if (k == PUNCT) puncts++; }
        }
        break;
    }
  }
  return words * 1000000 + numbers * 1000 + puncts + total * 7;
}
