/** `rvn disasm ELF`: objdump-style disassembly of an executable's code sections. */
import type { Command } from 'commander';
import { disasmCommand } from '../disasm/command';
import { readUserFile } from './host';

export function registerDisasm(program: Command): void {
  program
    .command('disasm')
    .description('disassemble an ELF executable (objdump -d style)')
    .argument('<elf>', 'the executable')
    .option('--no-aliases', 'canonical mnemonics, as objdump -M no-aliases')
    .option('--rvn-names', 'name uipi instructions and N/UINTR CSRs (objdump does not know them)')
    .action((file: string, opts: { aliases: boolean; rvnNames?: boolean }) => {
      const bytes = readUserFile(file, 'ELF');
      process.stdout.write(disasmCommand(bytes, { noAliases: !opts.aliases, rvnNames: opts.rvnNames, fileName: file }));
    });
}
