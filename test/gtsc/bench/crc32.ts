// Hashing: CRC-32 (IEEE) with a table built bitwise at run time, over 4 KiB of LCG bytes.
import { Arr, Ptr, u32, u64, u8, zeroed } from '../../../src/gtsc/guest';

const table = zeroed<Arr<u32, 256>>();
const buf = zeroed<Arr<u8, 4096>>();
export let seed: u64 = 12345;

function rand(): u64 {
  seed = seed * 6364136223846793005 + 1442695040888963407;
  return seed >>> 33;
}

function makeTable(): void {
  for (let i = 0; i < 256; i++) {
    let c: u32 = i;
    for (let k = 0; k < 8; k++) c = (c & 1) !== 0 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    table[i] = c;
  }
}

function crc32(p: Ptr<u8>, n: u64): u32 {
  let crc: u32 = 0xffffffff;
  for (let i: u64 = 0; i < n; i++) crc = table[(crc ^ p[i]) & 255] ^ (crc >>> 8);
  return crc ^ 0xffffffff;
}

export function main(): u64 {
  makeTable();
  for (let i = 0; i < 4096; i++) buf[i] = rand();
  return crc32(buf, 4096);
}
