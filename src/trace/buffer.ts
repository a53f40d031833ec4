/**
 * Collects output text and hands it to the host in large chunks: one host call per ~64 KiB
 * rather than per line, so a trace of millions of lines costs few host writes.
 */
export type WriteText = (text: string) => void;

export class TextBuffer {
  /** Appending to one string (a V8 rope) is cheaper than collecting parts and joining. */
  private text = '';

  constructor(
    private readonly out: WriteText,
    private readonly chunk = 1 << 16,
  ) {}

  push(text: string): void {
    this.text += text;
    if (this.text.length >= this.chunk) this.flush();
  }

  flush(): void {
    const text = this.text;
    if (text.length === 0) return;
    this.text = '';
    this.out(text);
  }
}
