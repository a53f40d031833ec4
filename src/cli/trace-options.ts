/** The tracing options of `rvn run` (src/trace/attach.ts turns them into observers). */
import type { Command } from 'commander';

const TRACE_OPTIONS: readonly { readonly flags: string; readonly description: string }[] = [
  { flags: '--trace <kind>', description: "log retired instructions: 'commits' (spike --log-commits format) or 'insns' (plus disassembly and traps)" },
  { flags: '--trace-file <file>', description: 'write the trace to FILE (default: stderr)' },
  { flags: '--trace-from <n>', description: "trace from each hart's Nth retired instruction (0-based)" },
  { flags: '--trace-to <n>', description: "trace up to (not including) each hart's Nth retired instruction" },
  { flags: '--trace-pc <lo:hi>', description: 'trace only instructions with LO <= pc < HI' },
  { flags: '--timeline <file>', description: 'write a Chrome/Perfetto trace-event JSON timeline of traps, modes, sleeps and IPIs' },
  { flags: '--profile', description: 'print cycles per hart and function (self, inclusive, instructions, calls) to stderr' },
  { flags: '--profile-json <file>', description: 'write the profile as JSON' },
  { flags: '--profile-folded <file>', description: 'write folded stacks ("f1;f2;f3 cycles") for flamegraph.pl or speedscope' },
];

export function addTraceOptions(cmd: Command): Command {
  for (const o of TRACE_OPTIONS) cmd.option(o.flags, o.description);
  return cmd;
}
