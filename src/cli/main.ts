/**
 * The `rvn` command line: a thin Node host around the emulator library. This is the only
 * place that reads files, writes stdout/stderr and sets the exit status.
 *
 * Exit status: the guest's exit code for `run`; 124 when a limit stopped the run; 2 for usage
 * errors (one line on stderr); 1 for other host-side errors (a bad file, an image that does not
 * fit).
 */
import { Command, CommanderError } from 'commander';
import { RvnError } from '../errors';
import { registerBench } from './bench';
import { registerExperiment } from './experiment';
import { registerBuild } from './build';
import { registerDemo } from './demo';
import { registerDisasm } from './disasm';
import { registerImages } from './images';
import { registerRun } from './run';
import { fail } from './host';

const program = new Command();
program
  .name('rvn')
  .description('A cycle-accurate RV64 system emulator with user-mode interrupts (N + UINTR).')
  .version('0.1.0', '-V, --version')
  .exitOverride()
  .configureOutput({
    writeErr: (s) => process.stderr.write(s),
    // One line, in the same form as every other rvn error.
    outputError: (s, write) => write(`rvn: ${s.replace(/^error: /, '').trimEnd()} (see rvn --help)\n`),
  });

registerRun(program);
registerBuild(program);
registerDisasm(program);
registerDemo(program);
registerBench(program);
registerImages(program);
registerExperiment(program);

// Sub-commands report usage errors the same way (exit status 2, one line).
for (const cmd of program.commands) {
  cmd.exitOverride().configureOutput({
    writeErr: (s) => process.stderr.write(s),
    outputError: (s, write) => write(`rvn ${cmd.name()}: ${s.replace(/^error: /, '').trimEnd()} (see rvn ${cmd.name()} --help)\n`),
  });
}

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version requests end with code 0; everything else is a usage error.
      const ok = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help';
      process.exitCode = ok ? 0 : 2;
      return;
    }
    fail(e);
  }
}

void main();
export { RvnError };
