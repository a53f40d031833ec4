/** `rvn build SOURCES... -o OUT`: assemble and link into an ELF (or a flat binary). */
import type { Command } from 'commander';
import { Option } from 'commander';
import { writeUserFile } from './host';
import { parseAddress } from './parse';
import { guestOptLevel, timingProfile } from './run';
import { buildFromSources, elfToFlatBinary } from './sources';

interface BuildCliOptions {
  output: string;
  text?: string;
  data?: string;
  format: 'elf' | 'bin';
  optLevel: string;
  target: string;
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('compile, assemble and link sources into an RV64 executable')
    .argument('<sources...>', 'assembly (.S, .s) and guest TypeScript (.ts) sources')
    .requiredOption('-o, --output <file>', 'output file')
    .option('--text <addr>', 'address of .text (default 0x80000000)')
    .option('--data <addr>', 'address of .data (default: the next 4 KiB boundary after .text and .rodata)')
    .addOption(new Option('--format <format>', 'elf, or bin for a flat binary from the lowest load address').choices(['elf', 'bin']).default('elf'))
    .addOption(guestOptLevel())
    .option('--target <profile>', "guest TypeScript: core to schedule for, 'rocket', 'ideal' (no scheduling) or a JSON profile file", 'rocket')
    .action(async (sources: string[], opts: BuildCliOptions) => {
      const elf = await buildFromSources(sources, {
        text: opts.text !== undefined ? parseAddress('--text', opts.text) : undefined,
        data: opts.data !== undefined ? parseAddress('--data', opts.data) : undefined,
      }, { optimize: opts.optLevel !== '0', target: timingProfile(opts.target) });
      writeUserFile(opts.output, opts.format === 'bin' ? elfToFlatBinary(elf, opts.output).bytes : elf);
    });
}
