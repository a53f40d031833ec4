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

/**
 * Whoever reads our stdout has gone (`rvn experiment nwp --list-points | head`, `rvn disasm … |
 * head`): stop quietly, as a Unix tool does, instead of a stack trace from an unhandled 'error'
 * event. `rvn run` has its own handler (HostConsole: the guest's run ends cleanly) and this one
 * then leaves it alone. Any other write error (a full disk) ends the command with one line.
 */
function onStdoutError(e: NodeJS.ErrnoException): void {
  if (e.code !== 'EPIPE') {
    // Another failure (a full disk: ENOSPC) is one line naming it.
    process.stderr.write(`rvn: cannot write to stdout: ${e.message}\n`);
    process.exit(1);
  }
  if (process.stdout.listenerCount('error') > 1) return;
  process.exit(141); // 128 + SIGPIPE, the status a tool killed by the broken pipe has
}

async function main(): Promise<void> {
  process.stdout.on('error', onStdoutError);
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
