/** `rvn demo` (`npm start`): builds and boots the demo image shipped in examples/demo. */
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { runCommand } from './run';

/** examples/ beside dist/ (the bundle) or src/cli/ (tests run the sources). */
function demoSource(): string {
  const here = fileURLToPath(import.meta.url);
  const root = here.includes('/dist/') ? here.slice(0, here.lastIndexOf('/dist/')) : here.slice(0, here.lastIndexOf('/src/'));
  return `${root}/examples/demo/hello.S`;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('boot the demo: every hart says hello, hart 0 reports its cycle count')
    .option('--harts <n>', 'number of harts (1-8)', '4')
    .option('--timing <profile>', "'rocket', 'ideal' or a JSON profile", 'rocket')
    .action(async (opts: { harts: string; timing: string }) => {
      process.exitCode = await runCommand(demoSource(), {
        harts: opts.harts, mem: '128M', load: [], timing: opts.timing, uintc: 'rocket', quantum: '10', stats: true,
      });
    });
}
