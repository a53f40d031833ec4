/**
 * Progress of a sweep on stderr: on a terminal, one bar redrawn in place (points done, failed,
 * elapsed, ETA) with a line above it for each failed point; elsewhere (a log, CI) one plain line
 * per finished point.
 */
export interface ProgressSink {
  write(text: string): void;
  readonly isTTY: boolean;
  readonly columns?: number;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export class Progress {
  private done = 0;
  private failed = 0;
  private readonly started = performance.now();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly out: ProgressSink,
  ) {
    if (out.isTTY) {
      this.timer = setInterval(() => this.draw(), 1000);
      this.timer.unref();
      this.draw();
    } else {
      out.write(`${label}: ${total} points\n`);
    }
  }

  private elapsed(): number {
    return (performance.now() - this.started) / 1000;
  }

  /** Remaining time from the rate so far (points finish in parallel, so elapsed/done is the rate). */
  private eta(): number {
    return this.done === 0 ? NaN : (this.elapsed() / this.done) * (this.total - this.done);
  }

  private draw(): void {
    const width = 24;
    const filled = Math.round((width * this.done) / Math.max(1, this.total));
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const failed = this.failed > 0 ? ` · ${this.failed} failed` : '';
    let line = `${this.label} ${bar} ${this.done}/${this.total}${failed} · ${clock(this.elapsed())} · ETA ${clock(this.eta())}`;
    // A terminal that reports no width (0, undefined) gets the whole line.
    const cols = this.out.columns !== undefined && this.out.columns > 20 ? this.out.columns : Infinity;
    if (line.length > cols - 1) line = line.slice(0, cols - 1);
    this.out.write(`\r\x1b[2K${line}`);
  }

  pointDone(point: string, summary: string, seconds: number): void {
    this.done++;
    if (this.out.isTTY) this.draw();
    else this.out.write(`[${this.done}/${this.total}] ${this.label} ${point}: ${summary} (${seconds.toFixed(1)} s)\n`);
  }

  pointFailed(point: string, message: string): void {
    this.done++;
    this.failed++;
    if (this.out.isTTY) {
      this.out.write(`\r\x1b[2K${this.label} ${point}: ${message}\n`);
      this.draw();
    } else {
      this.out.write(`[${this.done}/${this.total}] ${this.label} ${point}: FAILED: ${message}\n`);
    }
  }

  finish(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    if (this.out.isTTY) {
      this.draw();
      this.out.write('\n');
    }
  }
}
