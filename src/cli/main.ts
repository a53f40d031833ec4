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
import { registerBuild } from './build';
import { registerDemo } from './demo';
import { registerDisasm } from './disasm';
import { registerRun } from './run';
import { fail } from './host';

const program = new Command();
program
  .name('rvn')
  .description('A cycle-accurate RV64 system emulator with user-mode interrupts (N + UINTR).')
  .version('0.1.0', '-V, --version')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

registerRun(program);
registerBuild(program);
registerDisasm(program);
registerDemo(program);

// Commander's own sub-command errors must also exit 2, not 1.
for (const cmd of program.commands) cmd.exitOverride();

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
