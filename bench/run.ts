/**
 * Stand-alone entry for the benchmark (bundled by esbuild to a single file, e.g. for
 * `node --cpu-prof`): the same command as `rvn bench`, without the rest of the CLI.
 *   npx esbuild bench/run.ts --bundle --platform=node --format=esm --outfile=/tmp/rvn-bench.mjs
 *   node /tmp/rvn-bench.mjs bench --filter dhry --timing ideal
 */
import { Command } from 'commander';
import { registerBench } from '../src/cli/bench';
import { fail } from '../src/cli/host';

const program = new Command().name('rvn-bench');
registerBench(program);
program.parseAsync(process.argv).catch(fail);
