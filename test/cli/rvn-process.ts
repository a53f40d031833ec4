// The bundled CLI as a long-running process (a guest that serves through --hostfwd): its
// output as it comes, waiting for a line, its exit status.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

export interface RvnProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Polls `what` every 50 ms until it holds; throws with the output so far after `ms`. */
  waitFor(what: () => boolean, ms: number, label: string): Promise<void>;
  out(): string;
  err(): string;
}

export function startRvn(args: string[]): RvnProcess {
  const child = spawn(process.execPath, ['dist/rvn.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (what: () => boolean, ms: number, label: string) => {
    const until = Date.now() + ms;
    while (!what()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${label}; stdout: ${stdout}; stderr: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, exited, waitFor, out: () => stdout, err: () => stderr };
}
