// A small state machine: a tokenizer over 6 KiB of generated text (words, numbers,
// punctuation), a switch on the state and a character-class function.
import { Arr, cstr, u64, u8, zeroed } from '../../../src/gtsc/guest';

const N = 6144;
const ALPHABET = 'ab c1 2,;x 7 yz.';
const text = zeroed<Arr<u8, 6144>>();
export let seed: u64 = 11;

function rand(): u64 {
  seed = seed * 6364136223846793005 + 1442695040888963407;
  return seed >>> 33;
}

const SPACE = 0;
const WORD = 1;
const NUMBER = 2;
const PUNCT = 3;

function classOf(c: u8): u64 {
  if (c >= 97 && c <= 122) return WORD;
  if (c >= 48 && c <= 57) return NUMBER;
  if (c === 32) return SPACE;
  return PUNCT;
}

export function main(): u64 {
  const alphabet = cstr(ALPHABET);
  for (let i = 0; i < N; i++) text[i] = alphabet[rand() & 15];
  let state = SPACE;
  let words: u64 = 0;
  let numbers: u64 = 0;
  let puncts: u64 = 0;
  let value: u64 = 0;
  let total: u64 = 0;
  for (let i = 0; i < N; i++) {
    const c = text[i];
    const k = classOf(c);
    switch (state) {
      case SPACE:
        if (k === WORD) { state = WORD; words++; }
        else if (k === NUMBER) { state = NUMBER; value = c - 48; }
        else if (k === PUNCT) puncts++;
        break;
      case WORD:
        if (k === SPACE) state = SPACE;
        else if (k === NUMBER) { state = NUMBER; value = c - 48; }
        else if (k === PUNCT) { state = SPACE; puncts++; }
        break;
      default:
        if (k === NUMBER) value = value * 10 + c - 48;
        else {
          total += value;
          numbers++;
          if (k === WORD) { state = WORD; words++; }
          else { state = SPACE; if (k === PUNCT) puncts++; }
        }
        break;
    }
  }
  return words * 1000000 + numbers * 1000 + puncts + total * 7;
}
