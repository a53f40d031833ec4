/**
 * Helpers for the guest-OS tests: the guest sources read from the checkout, image builds
 * (cached per test file: the kernel and firmware compile once), and runs on rvn's Machine with
 * the console captured.
 */
import { readFileSync } from 'node:fs';
import { readGuestSources } from '../../src/cli/images';
import { buildProgram } from '../../src/link/build';
import { compileGuest } from '../../src/gtsc/index';
import { Machine, type MachineOptions, type RunResult } from '../../src/machine/machine';
import { buildFirmware, buildKernel, buildSystem, withGenerated, type BuiltSystem } from '../../src/os/system/image';
import type { LinkedImage } from '../../src/elf/image';
import { guestModules, type SourceTree } from '../../src/os/system/sources';
import { writeElf } from '../../src/elf/writer';
import type { HartObserver } from '../../src/cpu/hart';

export const FW_JUMP = '/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin';

let cachedTree: SourceTree | undefined;
let cachedParts: { kernel: LinkedImage; firmware: LinkedImage } | undefined;

export function tree(): SourceTree {
  if (cachedTree === undefined) {
    const t = new Map(readGuestSources());
    // test-only guest programs live under test/os
    for (const p of ['test/os/sbi-check/check.ts', 'test/os/sbi-check/entry.S']) t.set(p, readFileSync(p, 'utf8'));
    cachedTree = withGenerated(t);
  }
  return cachedTree;
}

export function parts(): { kernel: LinkedImage; firmware: LinkedImage } {
  cachedParts ??= { kernel: buildKernel(tree()), firmware: buildFirmware(tree()) };
  return cachedParts;
}

let cachedFirmware: Uint8Array | undefined;
let cachedSbiCheck: Uint8Array | undefined;

export function firmwareElf(): Uint8Array {
  cachedFirmware ??= writeElf(cachedParts?.firmware ?? buildFirmware(tree()));
  return cachedFirmware;
}

export function system(name: string): BuiltSystem {
  return buildSystem(tree(), `src/os/systems/${name}.ts`, parts());
}

/** The SBI check payload (test/os/sbi-check), linked at 0x80200000. */
export function sbiCheckPayload(): Uint8Array {
  if (cachedSbiCheck !== undefined) return cachedSbiCheck;
  const t = tree();
  const { asm } = compileGuest(guestModules(t, ['test/os/sbi-check/check.ts']));
  const asmFiles = ['test/os/sbi-check/entry.S', 'src/os/lib/sbi-call.S'].map((name) => ({ name, text: t.get(name)! }));
  cachedSbiCheck = buildProgram([...asmFiles, ...asm], { text: 0x80200000 });
  return cachedSbiCheck;
}

export interface GuestRun {
  stdout: string;
  result: RunResult;
  machine: Machine;
}

/** Boots the images (the first is the boot image) and runs to the end or the limit. */
export function run(images: Uint8Array[], opts: MachineOptions & { maxInsns?: number; observer?: (m: Machine) => HartObserver | undefined } = {}): GuestRun {
  let stdout = '';
  const dec = new TextDecoder();
  const machine = new Machine(opts, { console: (b) => { stdout += dec.decode(b, { stream: true }); } });
  images.forEach((img, i) => machine.load(img, `image${i}`));
  const obs = opts.observer?.(machine);
  if (obs) for (const h of machine.harts) h.observer = obs;
  const result = machine.run({ maxInsns: opts.maxInsns ?? 200_000_000 });
  return { stdout, result, machine };
}
