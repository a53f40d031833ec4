// The TypeScript demo (examples/demo/hello.ts + its crt0.S), built as `rvn build
// examples/demo/crt0.S examples/demo/hello.ts` builds it (gtsc + the guest runtime + rvn's
// assembler and linker) and booted on 1, 4 and 8 harts. Expected lines follow the demo's
// description: one hello per hart in hart order (the ticket), then hart 0's report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { rocketProfile } from '../../src/timing/index';
import { buildGuest, runElfOnRvn, type RunOptions } from './harness';

const DEMO = join(__dirname, '../../examples/demo');
const REPORT = /^(\d+) harts said hello; hart 0 counted (\d+) instructions and (\d+) cycles$/;

function buildDemo(): Uint8Array {
  return buildGuest([{ name: 'examples/demo/hello.ts', text: readFileSync(join(DEMO, 'hello.ts'), 'utf8') }], {
    crt0: { name: 'examples/demo/crt0.S', text: readFileSync(join(DEMO, 'crt0.S'), 'utf8') },
  });
}

function runDemo(harts: number, opts: RunOptions = {}): { hellos: string[]; spoke: number; insns: number; cycles: number } {
  const r = runElfOnRvn(buildDemo(), 'demo', { harts, maxInsns: 10_000_000, ...opts });
  expect(r.exitCode).toBe(0);
  const lines = r.stdout.split('\n');
  expect(lines.pop()).toBe(''); // output ends with a newline
  const m = REPORT.exec(lines.pop() ?? '');
  expect(m, r.stdout).not.toBeNull();
  return { hellos: lines, spoke: Number(m![1]), insns: Number(m![2]), cycles: Number(m![3]) };
}

const hellos = (n: number): string[] => Array.from({ length: n }, (_, k) => `Hello from rvn, hart ${k}`);

describe('the TypeScript demo', () => {
  test('one hart: it says hello, waits out the quiet period and reports', () => {
    const r = runDemo(1);
    expect(r.hellos).toEqual(hellos(1));
    expect(r.spoke).toBe(1);
    // ideal timing: one cycle per instruction, and hart 0 waited at least 5000 cycles
    expect(r.cycles).toBeGreaterThanOrEqual(5000);
    expect(r.insns).toBeGreaterThanOrEqual(5000);
    expect(Math.abs(r.cycles - r.insns)).toBeLessThanOrEqual(2);
  });

  test('four harts speak in hart order', () => {
    const r = runDemo(4);
    expect(r.hellos).toEqual(hellos(4));
    expect(r.spoke).toBe(4);
    expect(r.cycles).toBeGreaterThanOrEqual(5000);
  });

  test('eight harts, rocket timing (as npm start runs it)', () => {
    const r = runDemo(8, { timing: rocketProfile() });
    expect(r.hellos).toEqual(hellos(8));
    expect(r.spoke).toBe(8);
    expect(r.cycles).toBeGreaterThan(r.insns); // rocket's pipeline and caches cost cycles
  });

  test('harts beyond eight have no stack and stay parked', () => {
    const r = runDemo(10);
    expect(r.hellos).toEqual(hellos(8));
    expect(r.spoke).toBe(8);
  });
});
