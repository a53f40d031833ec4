// External checks of the guest program suite that need the GNU toolchain and QEMU:
// - the same builds give identical output on qemu-system-riscv64 and on rvn;
// (code quality against gcc -O2: bench.external.test.ts)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROGRAMS } from './expected';
import { runGuestOnQemu } from './harness-gnu';
import { program, runGuest } from './harness';

const CROSS_CHECKED = ['hello.ts', 'control.ts', 'divconst.ts', 'system.ts', 'structs.ts'];

describe('rvn and QEMU agree on guest programs', () => {
  for (const p of PROGRAMS.filter((c) => CROSS_CHECKED.includes(c.files[0]!))) {
    test(p.files.join(' + '), () => {
      const onQemu = runGuestOnQemu(program(...p.files));
      const onRvn = runGuest(program(...p.files));
      expect(onQemu.stdout).toBe(p.stdout);
      expect(onRvn.stdout).toBe(onQemu.stdout);
      expect(onRvn.exitCode).toBe(onQemu.exitCode);
    });
  }

  test('mixed TypeScript and assembly', () => {
    const asm = [{ name: 'mixed_asm.s', text: readFileSync(join(__dirname, 'programs', 'mixed.S'), 'utf8') }];
    const onQemu = runGuestOnQemu(program('mixed.ts'), { asm });
    const onRvn = runGuest(program('mixed.ts'), { asm });
    expect(onRvn.stdout).toBe(onQemu.stdout);
    expect(onRvn.exitCode).toBe(onQemu.exitCode);
  });
});
