/**
 * `npm run gtsc:compare [-- --filter REGEX]`: prints the gtsc-against-gcc -O2 table (markdown)
 * of the benchmark programs. Needs riscv64-unknown-elf-gcc and picolibc (Debian packages).
 * `npm run gtsc:compare -- --compile-speed [-O0]`: compiles a generated 10,000-line guest
 * module once, in this fresh process, and prints the time (wall and CPU).
 */
import { readFileSync } from 'node:fs';
import { compileGuest } from '../../../src/gtsc/index';
import { compareAll, formatTable } from './compare';
import { largeProgram } from './large-program';

const args = process.argv.slice(2);

/** CPU seconds of this process's main thread (Linux /proc; undefined elsewhere). */
function mainThreadCpu(): number | undefined {
  try {
    const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return undefined;
  }
}

function compileSpeed(): void {
  const src = largeProgram(10_000);
  const optimize = !args.includes('-O0');
  const cpu = (): number => { const c = process.cpuUsage(); return (c.user + c.system) / 1e6; };
  const c0 = cpu(), m0 = mainThreadCpu(), w0 = performance.now();
  const { asm } = compileGuest([src], { optimize });
  const wall = (performance.now() - w0) / 1000, used = cpu() - c0, m1 = mainThreadCpu();
  const lines = src.text.split('\n').length - 1;
  const out = asm.reduce((n, a) => n + a.text.split('\n').length - 1, 0);
  const main = m0 !== undefined && m1 !== undefined ? `, main thread ${(m1 - m0).toFixed(2)} s` : '';
  process.stdout.write(`${lines} lines of guest TypeScript (${optimize ? '-O2' : '-O0'}): ${wall.toFixed(2)} s wall; CPU ${used.toFixed(2)} s all threads${main}; ${out} lines of assembly\n`);
}

function compare(): void {
  const k = args.indexOf('--filter');
  const filter = k >= 0 && args[k + 1] ? new RegExp(args[k + 1]!) : undefined;
  const rows = compareAll(filter, (name) => process.stderr.write(`${name} `));
  process.stderr.write('\n');
  for (const r of rows) {
    if (r.gcc.result !== r.gtsc.result || r.gtsc.result !== r.gtscO0.result) {
      process.stderr.write(`${r.name}: results differ: gcc ${r.gcc.result}, gtsc ${r.gtsc.result}, gtsc -O0 ${r.gtscO0.result}\n`);
      process.exitCode = 1;
    }
  }
  process.stdout.write(formatTable(rows) + '\n');
}

if (args.includes('--compile-speed')) compileSpeed();
else compare();
