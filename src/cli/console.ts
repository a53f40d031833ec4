/**
 * The host side of the guest console during `rvn run`: input for the board's UART from stdin
 * (raw mode on a terminal, bytes as they come when piped) or from --input, Ctrl-C, and a
 * stdout that the reader closed (`| head -1`). The emulator runs in stretches
 * (Machine.run's pauseAtCycle); between them this host takes its events.
 */
import { RvnError } from '../errors';
import { readUserFile } from './host';

const CTRL_C = 0x03;

/** `--input TEXT|@FILE`: the bytes of FILE, or TEXT with \n \r \t \e \\ and \xHH escapes. */
export function parseInput(spec: string): Uint8Array {
  if (spec.startsWith('@')) return readUserFile(spec.slice(1), '--input file');
  const out: number[] = [];
  const utf8 = new TextEncoder();
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i];
    if (c !== '\\') {
      out.push(...utf8.encode(c));
      continue;
    }
    const n = spec[++i];
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, e: 27, '\\': 92, '0': 0 };
    if (n !== undefined && n in simple) out.push(simple[n]);
    else if (n === 'x' && /^[0-9a-f]{2}$/i.test(spec.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(spec.slice(i + 1, i + 3), 16));
      i += 2;
    } else throw new RvnError(`--input: unknown escape '\\${n ?? ''}' (use \\n \\r \\t \\e \\\\ \\0 or \\xHH)`, 2);
  }
  return Uint8Array.from(out);
}

export class HostConsole {
  /** Ctrl-C was typed (raw terminal) or SIGINT arrived. */
  interrupted = false;
  /** Whoever reads our stdout has gone (EPIPE). */
  stdoutClosed = false;
  private pending: number[] = [];
  private stdinOpen = false;
  private wake: (() => void) | undefined;
  private rawTerminal = false;
  private readonly onSigint = () => this.signal(() => (this.interrupted = true));
  private readonly onStdoutError = (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    this.signal(() => (this.stdoutClosed = true));
  };

  /** Reads stdin for the guest unless `readStdin` is false (--input given, or no console device). */
  constructor(readStdin: boolean) {
    process.on('SIGINT', this.onSigint);
    process.stdout.on('error', this.onStdoutError);
    if (!readStdin) return;
    const stdin = process.stdin;
    if (stdin.isTTY) {
      stdin.setRawMode(true);
      this.rawTerminal = true;
    }
    this.stdinOpen = true;
    stdin.on('data', (chunk: Buffer) => this.signal(() => this.received(chunk)));
    stdin.on('end', () => this.signal(() => (this.stdinOpen = false)));
    stdin.on('error', () => this.signal(() => (this.stdinOpen = false)));
  }

  private received(chunk: Buffer): void {
    for (const b of chunk) {
      // On a raw terminal Ctrl-C is a byte, not a signal: it ends the run, as the signal would.
      if (this.rawTerminal && b === CTRL_C) this.interrupted = true;
      else this.pending.push(b);
    }
  }

  private signal(change: () => void): void {
    change();
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /** Whether more input may still come. */
  get inputOpen(): boolean {
    return this.stdinOpen;
  }

  /** Bytes received since the last call. */
  take(): Uint8Array {
    const bytes = Uint8Array.from(this.pending);
    this.pending = [];
    return bytes;
  }

  /** Lets the host's events in (between two stretches of the run). */
  async breathe(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Waits for input, the end of stdin, Ctrl-C or a closed stdout. */
  async waitForInput(): Promise<void> {
    if (this.pending.length > 0 || !this.stdinOpen || this.interrupted || this.stdoutClosed) return;
    await new Promise<void>((resolve) => (this.wake = resolve));
  }

  /** Restores the terminal and lets the process exit. */
  close(): void {
    process.off('SIGINT', this.onSigint);
    if (this.rawTerminal) process.stdin.setRawMode(false);
    if (this.stdinOpen || this.rawTerminal) process.stdin.pause();
    process.stdin.removeAllListeners('data');
    // Later EPIPEs (output flushed at the end) stay quiet too.
  }
}
