// Runs the bundled CLI as a real process (the way users run it) and captures what it prints.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The bundle, by absolute path: tests may run rvn from another working directory. */
export const RVN = resolve('dist/rvn.mjs');

export function rvn(args: string[], input?: string, cwd?: string): CliResult {
  const r = spawnSync(process.execPath, [RVN, ...args], { encoding: 'utf8', input, timeout: 120_000, cwd });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory for a test's files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'rvn-test-'));
}

export function writeTemp(dir: string, name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}
