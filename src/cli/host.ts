/** Node-side helpers shared by the commands: files, console output, errors. */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import chalk from 'chalk';
import { RvnError } from '../errors';

/** Reads a file the user named, turning I/O errors into one-line RvnErrors. */
export function readUserFile(path: string, what = 'file'): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new RvnError(`cannot read ${what} '${path}': ${ioReason(e)}`);
  }
}

export function writeUserFile(path: string, data: Uint8Array | string): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    throw new RvnError(`cannot write '${path}': ${ioReason(e)}`);
  }
}

function ioReason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  return e instanceof Error ? e.message : String(e);
}

/** Prints an error as one line and sets the exit status; a stack trace only for real bugs. */
export function fail(e: unknown): void {
  if (e instanceof RvnError) {
    process.stderr.write(`${chalk.red('rvn:')} ${e.message}\n`);
    process.exitCode = e.exitCode;
    return;
  }
  // Anything else is a bug in rvn itself: say so plainly, keep the detail for the report.
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`${chalk.red('rvn: internal error:')} ${msg}\n`);
  if (process.env.RVN_DEBUG && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n');
  process.exitCode = 70;
}

/**
 * Guest console output: buffered so that a byte-at-a-time UART does not cost a system call per
 * byte, flushed at newlines and at the end of the run.
 */
export class ConsoleSink {
  private chunks: Uint8Array[] = [];
  private size = 0;
  constructor(private readonly fd: NodeJS.WriteStream = process.stdout) {}

  write(bytes: Uint8Array): void {
    this.chunks.push(bytes.slice());
    this.size += bytes.length;
    if (this.size >= 4096 || bytes.includes(10)) this.flush();
  }

  flush(): void {
    if (this.size === 0) return;
    const all = new Uint8Array(this.size);
    let off = 0;
    for (const c of this.chunks) {
      all.set(c, off);
      off += c.length;
    }
    this.chunks = [];
    this.size = 0;
    this.fd.write(all);
  }
}

/** Where trace, timeline and profile text goes: files (truncated on first use) or stderr. */
export function traceWriter(): { write(path: string | undefined, text: string): void } {
  const opened = new Set<string>();
  return {
    write(path, text) {
      if (path === undefined) {
        process.stderr.write(text);
        return;
      }
      if (!opened.has(path)) {
        opened.add(path);
        writeUserFile(path, '');
      }
      try {
        appendFileSync(path, text);
      } catch (e) {
        throw new RvnError(`cannot write '${path}': ${ioReason(e)}`);
      }
    },
  };
}
