/** `rvn demo` (`npm start`): builds and boots the demo image shipped in examples/demo. */
import type { Command } from 'commander';
import { DEFAULT_QUANTUM } from '../machine/machine';
import { parseIntIn } from './parse';
import { runCommand } from './run';

/** MAX_HARTS of examples/demo/crt0.S. */
const DEMO_MAX_HARTS = 8;
import { packageRoot } from './sources';

/** The demo's sources: guest TypeScript with a start-up file giving each hart a stack. */
function demoSources(): string[] {
  const dir = `${packageRoot()}/examples/demo`;
  return [`${dir}/crt0.S`, `${dir}/hello.ts`];
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('build and boot the demo (examples/demo, guest TypeScript): every hart says hello, hart 0 reports its cycle count')
    .option('--harts <n>', `number of harts (1-${DEMO_MAX_HARTS}: the demo's start-up code has ${DEMO_MAX_HARTS} stacks)`, '4')
    .option('--timing <profile>', "'rocket', 'ideal' or a JSON profile", 'rocket')
    .action(async (opts: { harts: string; timing: string }) => {
      parseIntIn('--harts', opts.harts, 1, DEMO_MAX_HARTS);
      process.exitCode = await runCommand(demoSources(), {
        harts: opts.harts, mem: '128M', load: [], timing: opts.timing, uintc: 'rocket', quantum: String(DEFAULT_QUANTUM), stats: true, fast: true,
      });
    });
}
