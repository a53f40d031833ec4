/** `rvn disasm ELF [--no-aliases] [--rvn-names]`: the CLI calls this with the file's bytes. */
import { readElf } from '../elf/reader';
import { disassembleElf } from './listing';

export interface DisasmCommandOptions {
  /** --no-aliases: canonical mnemonics, as objdump -d -M no-aliases. */
  readonly noAliases?: boolean;
  /** --rvn-names: uipi.* and N/UINTR CSR names instead of objdump's spelling. */
  readonly rvnNames?: boolean;
  /** The file name for objdump's heading line; omitted when not given. */
  readonly fileName?: string;
}

/** The objdump -d style listing of an ELF file; throws RvnError for a malformed file. */
export function disasmCommand(bytes: Uint8Array, opts: DisasmCommandOptions = {}): string {
  const image = readElf(bytes);
  return disassembleElf(image, { aliases: !opts.noAliases, rvnNames: opts.rvnNames, fileName: opts.fileName });
}
