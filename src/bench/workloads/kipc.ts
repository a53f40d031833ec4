/**
 * The microkernel's IPC benchmark as bench rows (issue 13: "once the microkernel exists, its
 * IPC benchmark joins the suite"): they boot the real ipc-bench system (src/os/systems/
 * ipc-bench.ts: firmware, kernel and the programs of src/os/programs/ipc-bench) with the boot
 * arguments of the IPC experiment (src/experiment/ipc/run.ts) and its machine settings, and
 * pass when the client's report line says every call was made and every reply was right.
 *
 * - kipc: series sync-up-fast on a one-hart board. Client and server on hart 0: each call is a Call system call
 *   into the kernel, which switches to the server thread (the fast path), and a ReplyRecv back.
 * - kipc2: series async-smp with 8 calls in flight. Client on hart 1, server on hart 0: the
 *   calls go through a shared-memory ring, each side runs a coroutine executor and wakes the
 *   other with user interrupts (the UINTC) under the notify-or-suppress rule.
 *
 * Both boot the firmware and the kernel before the calls (0.26–0.37 M instructions), which
 * the rows include: a row is the whole run, as for every workload.
 */
import { DEFAULT_EMULATOR } from '../../experiment/contract';
import { IPC_IMAGE, bootArgs, parseIpcReport } from '../../experiment/ipc/run';
import type { IpcPoint } from '../../experiment/ipc/schema';
import type { ImageWorkload, WorkloadParams } from '../workload';

/**
 * The console check of an ipc-bench run that was asked for `calls` calls: undefined when the
 * report line is there, says that many calls were made and counts no wrong reply.
 */
export function checkIpcBenchReport(consoleText: string, calls: number): string | undefined {
  let report;
  try {
    report = parseIpcReport(consoleText);
  } catch {
    return 'ipc-bench printed no report line';
  }
  if (report.calls !== calls) return `ipc-bench made ${report.calls ?? 'the default number of'} calls, not ${calls}`;
  if (report.errors !== 0) return `ipc-bench: ${report.errors} of ${calls} replies were wrong`;
  return undefined;
}

function ipcWorkload(name: string, description: string, harts: number, point: IpcPoint, sizes: ImageWorkload['sizes']): ImageWorkload {
  return {
    kind: 'image',
    name,
    description,
    harts,
    sizes,
    image: IPC_IMAGE,
    bootargs: (p: WorkloadParams) => bootArgs(point, p.CALLS),
    check: (text, p) => checkIpcBenchReport(text, p.CALLS),
    // The experiment's scheduling: harts take turns every 10 cycles (DEFAULT_EMULATOR).
    machine: { quantum: DEFAULT_EMULATOR.quantum, uintc: DEFAULT_EMULATOR.uintc },
  };
}

export const kipc = ipcWorkload(
  'kipc',
  'the microkernel\'s sync IPC on one hart (ipc-bench sync-up-fast): Call and ReplyRecv through the kernel\'s fast path',
  // One hart: the client_smp thread of the system (hart 1) is never started, and the row
  // measures the calls alone (the IPC experiment's second hart would only sit in WFI).
  1,
  { series: 'sync-up-fast', concurrency: 1, load: 0 },
  // About 525 instructions per call, 0.26 M for booting.
  { full: { CALLS: 60_000 }, quick: { CALLS: 200 } },
);

export const kipc2 = ipcWorkload(
  'kipc2',
  'the microkernel\'s async IPC across two harts (ipc-bench async-smp c=8): shared-memory rings, coroutines, user interrupts',
  2,
  { series: 'async-smp', concurrency: 8, load: 0 },
  // About 790 instructions and 0.74 user interrupts per call, 0.37 M for booting.
  { full: { CALLS: 26_000 }, quick: { CALLS: 200 } },
);
