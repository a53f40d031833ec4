/**
 * Collects output text and hands it to the host in large chunks: one host call per ~64 KiB
 * rather than per line, so a trace of millions of lines costs few host writes.
 */
export type WriteText = (text: string) => void;

export class TextBuffer {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly out: WriteText,
    private readonly chunk = 1 << 16,
  ) {}

  push(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.chunk) this.flush();
  }

  flush(): void {
    if (this.size === 0 && this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (text.length > 0) this.out(text);
  }
}
