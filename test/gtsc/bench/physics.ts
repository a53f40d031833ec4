// Struct arrays: 128 bodies with i32 position and velocity under gravity, bouncing in a box,
// for 60 steps; the result is a checksum of the final state.
import { Arr, i32, i64, u64, zeroed } from '../../../src/gtsc/guest';

interface Body { x: i32; y: i32; vx: i32; vy: i32 }
const N = 128;
const W = 100000;
const H = 80000;
const bodies = zeroed<Arr<Body, 128>>();
export let seed: u64 = 3;

function rand(): u64 {
  seed = seed * 6364136223846793005 + 1442695040888963407;
  return seed >>> 33;
}

function step(): void {
  for (let i = 0; i < N; i++) {
    const b = bodies[i];
    b.vy = b.vy - 10;
    b.x = b.x + b.vx;
    b.y = b.y + b.vy;
    if (b.x < 0) { b.x = -b.x; b.vx = -b.vx; }
    if (b.x > W) { b.x = 2 * W - b.x; b.vx = -b.vx; }
    if (b.y < 0) { b.y = -b.y; b.vy = -b.vy * 7 / 8; }
    if (b.y > H) { b.y = 2 * H - b.y; b.vy = -b.vy; }
  }
}

export function main(): u64 {
  for (let i = 0; i < N; i++) {
    const b = bodies[i];
    b.x = rand() % W;
    b.y = rand() % H;
    b.vx = i64(rand() % 2001) - 1000;
    b.vy = i64(rand() % 2001) - 1000;
  }
  for (let t = 0; t < 60; t++) step();
  let sum: u64 = 0;
  for (let i = 0; i < N; i++) {
    const b = bodies[i];
    sum = sum * 31 + b.x + 3 * b.y + 5 * b.vx + 7 * b.vy;
  }
  return sum;
}
