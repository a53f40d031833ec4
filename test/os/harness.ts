/**
 * Helpers for the guest-OS tests: the guest sources read from the checkout, image builds
 * (cached per test file: the kernel and firmware compile once), and runs on rvn's Machine with
 * the console captured.
 */
import { readFileSync } from 'node:fs';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildProgram } from '../../src/link/build';
import { compileGuest } from '../../src/gtsc/index';
import { Machine, type MachineOptions, type RunResult } from '../../src/machine/machine';
import { link } from '../../src/link/linker';
import { assemble } from '../../src/asm/assembler';
import { guestModules, type SourceTree } from '../../src/os/system/sources';
import { writeElf } from '../../src/elf/writer';
import type { HartObserver } from '../../src/cpu/hart';

export const FW_JUMP = '/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin';

let cachedTree: SourceTree | undefined;

export function tree(): SourceTree {
  if (cachedTree === undefined) {
    const t = new Map<string, string>();
    const walk = (d: string): void => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|S)$/.test(f)) t.set(p, readFileSync(p, 'utf8'));
      }
    };
    walk('firmware/src');
    walk('src/os/lib');
    // test-only guest programs live under test/os
    for (const p of ['test/os/sbi-check/check.ts', 'test/os/sbi-check/entry.S']) t.set(p, readFileSync(p, 'utf8'));
    cachedTree = t;
  }
  return cachedTree;
}

let cachedFirmware: Uint8Array | undefined;
let cachedSbiCheck: Uint8Array | undefined;

export function firmwareElf(): Uint8Array {
  const t = tree();
  const { asm } = compileGuest(guestModules(t, ['firmware/src/sbi.ts']));
  const objects = [{ name: 'firmware/src/entry.S', text: t.get('firmware/src/entry.S')! }, ...asm].map((s) => assemble(s.text, s.name));
  cachedFirmware ??= writeElf(link(objects, { text: 0x80000000 }));
  return cachedFirmware;
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
