/**
 * Host-side misuse (a bad file, a bad option, an image that does not fit) is reported as an
 * RvnError: a one-line message that the CLI prints without a stack trace, with an exit code.
 * Guest misbehaviour is never an RvnError: it is an architectural trap.
 */
export class RvnError extends Error {
  constructor(
    message: string,
    /** Process exit status the CLI should use (2 = usage error, 1 = other failure). */
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = 'RvnError';
  }
}
