/**
 * Problems found in source text, with where they are: file, line, column, and the chain of
 * macro expansions that led there. Several are collected per run; the build fails with one
 * SourceError that lists them all, one per line, the first being the first problem.
 */
import { RvnError } from '../errors';

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  /** 1-based column (characters); absent when only the line is known. */
  readonly col?: number;
}

export interface Note {
  readonly at: SourceLocation;
  readonly message: string;
}

export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly at: SourceLocation;
  readonly message: string;
  /** Context, innermost first: "in expansion of macro 'm'" at each invocation. */
  readonly notes: readonly Note[];
}

/** How many errors one run reports before it gives up (GNU as has no limit; GCC's is off). */
export const MAX_ERRORS = 20;

/** `file:line:col` (`file` alone when the line is 0; '' for a whole-program problem). */
export function formatLocation(at: SourceLocation): string {
  if (at.line === 0) return at.file;
  return `${at.file}:${at.line}${at.col !== undefined ? `:${at.col}` : ''}`;
}

/** A location for problems of the whole program (e.g. no entry symbol). */
export const NOWHERE: SourceLocation = { file: '', line: 0 };

/** `file:line:col: message`, then `file:line:col: note: ...` lines for the notes. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = formatLocation(d.at);
  const head = `${where === '' ? '' : `${where}: `}${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
  return [head, ...d.notes.map((n) => `${formatLocation(n.at)}: note: ${n.message}`)].join('\n');
}

/** A build failed because of its source: every error found (up to MAX_ERRORS). */
export class SourceError extends RvnError {
  constructor(readonly diagnostics: readonly Diagnostic[], truncated = false) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const text = diagnostics.map(formatDiagnostic);
    if (truncated) text.push(`too many errors; stopped after ${errors.length}`);
    super(text.join('\n'));
    this.name = 'SourceError';
  }
}

/** Collects diagnostics for one run; `full` says when the error limit is reached. */
export class DiagnosticSink {
  readonly list: Diagnostic[] = [];
  private errors = 0;
  private dropped = 0;

  constructor(private readonly limit = MAX_ERRORS) {}

  add(d: Diagnostic): void {
    if (d.severity === 'error') {
      if (this.errors >= this.limit) {
        this.dropped++;
        return;
      }
      this.errors++;
    }
    this.list.push(d);
  }

  error(at: SourceLocation, message: string, notes: readonly Note[] = []): void {
    this.add({ severity: 'error', at, message, notes });
  }

  warning(at: SourceLocation, message: string, notes: readonly Note[] = []): void {
    this.add({ severity: 'warning', at, message, notes });
  }

  /** Reading stopped at the limit with input left: say so in the report. */
  markTruncated(): void {
    this.dropped++;
  }

  get errorCount(): number { return this.errors; }
  get full(): boolean { return this.errors >= this.limit; }

  /** Throws a SourceError if any error was collected. */
  throwIfErrors(): void {
    if (this.errors > 0) throw new SourceError(this.list, this.dropped > 0);
  }

  warnings(): Diagnostic[] {
    return this.list.filter((d) => d.severity === 'warning');
  }
}
