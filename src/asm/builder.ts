/**
 * Building programs from TypeScript (for tests): an `Asm` that collects source lines, and an
 * `asm` template tag. Both produce ordinary GNU-as text, so everything goes through the one
 * assembler.
 */
import { assemble, type AssembleOptions } from './assembler';
import type { ObjectFile } from './object';

export type AsmOperand = string | number | bigint;

const fmt = (o: AsmOperand): string => (typeof o === 'string' ? o : o.toString());

export class Asm {
  private readonly lines: string[] = [];

  constructor(readonly fileName = 'asm.S') {}

  /** An instruction: `a.i('addi', 'a0', 'a0', 1)`. */
  i(mnemonic: string, ...operands: AsmOperand[]): this {
    this.lines.push(`  ${mnemonic} ${operands.map(fmt).join(', ')}`);
    return this;
  }

  label(name: string): this {
    this.lines.push(`${name}:`);
    return this;
  }

  /** A directive: `a.dir('.word', 1, 2)`, `a.dir('.globl', '_start')`. */
  dir(directive: string, ...args: AsmOperand[]): this {
    this.lines.push(`  ${directive} ${args.map(fmt).join(', ')}`);
    return this;
  }

  /** Source text appended as is (may be several lines). */
  raw(text: string): this {
    this.lines.push(text);
    return this;
  }

  source(): string {
    return this.lines.join('\n') + '\n';
  }

  assemble(options?: AssembleOptions): ObjectFile {
    return assemble(this.source(), this.fileName, options);
  }
}

/** Memory operand text: `mem(8, 'sp')` is `8(sp)`. */
export const mem = (offset: AsmOperand, base: string): string => `${fmt(offset)}(${base})`;

/** Template tag that interpolates numbers/strings into assembly source: asm`li a0, ${n}`. */
export function asm(strings: TemplateStringsArray, ...values: AsmOperand[]): string {
  return strings.reduce((acc, s, i) => acc + s + (i < values.length ? fmt(values[i]) : ''), '');
}
