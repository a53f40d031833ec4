/**
 * `npm run gtsc:compare [-- --filter REGEX]`: prints the gtsc-against-gcc -O2 table (markdown)
 * of the benchmark programs. Needs riscv64-unknown-elf-gcc and picolibc (Debian packages).
 */
import { compareAll, formatTable } from './compare';

const args = process.argv.slice(2);
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
