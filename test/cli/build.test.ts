// Building guest programs with the CLI: the runtime comes from the package, imports resolve
// against the importing file whatever the working directory, -S shows the generated assembly.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROGRAMS } from '../gtsc/expected';
import { rvn, tempDir, writeTemp } from './rvn';

const sortStdout = PROGRAMS.find((e) => e.files.includes('sort.ts'))!.stdout;

describe('rvn build / run of guest sources', () => {
  it('a lone main links with the runtime and exits with its value', () => {
    const dir = tempDir();
    const src = writeTemp(dir, 'seven.ts', "import { u64 } from 'rvn/guest';\nexport function main(): u64 { return 7; }\n");
    const r = rvn(['run', src]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(7);
  });

  it('runs a program of the checkout from another working directory (cd src)', () => {
    const r = rvn(['run', '../test/gtsc/programs/sort.ts'], undefined, resolve('src'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(sortStdout);
    expect(r.status).toBe(0);
  });

  it('builds a program outside the checkout that imports the runtime and a module of its own, from elsewhere', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'prog', 'lib'), { recursive: true });
    writeTemp(dir, 'prog/main.ts', [
      "import { print, printU } from 'rvn/rt';",
      "import { u64 } from 'rvn/guest';",
      "import { twice } from './lib/twice';",
      "export function main(): u64 { print('twice 21 = '); printU(twice(21)); print('\\n'); return 3; }",
    ].join('\n'));
    writeTemp(dir, 'prog/lib/twice.ts', "import { u64 } from 'rvn/guest';\nexport function twice(x: u64): u64 { return x * 2; }\n");
    const elsewhere = tempDir();
    const built = rvn(['build', join(dir, 'prog/main.ts'), '-o', 'main.elf'], undefined, elsewhere);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    const r = rvn(['run', 'main.elf'], undefined, elsewhere);
    expect(r.stdout).toBe('twice 21 = 42\n');
    expect(r.status).toBe(3);
    // The same by a relative path from the folder above.
    const again = rvn(['run', 'prog/main.ts'], undefined, dir);
    expect(again.stdout).toBe('twice 21 = 42\n');
  });

  it('-S and --emit asm write the generated assembly of the user\'s modules', () => {
    const dir = tempDir();
    const src = writeTemp(dir, 'add.ts', "import { u64 } from 'rvn/guest';\nexport function add3(x: u64): u64 { return x + 3; }\nexport function main(): u64 { return add3(4); }\n");
    for (const flag of [['-S'], ['--emit', 'asm']]) {
      const out = join(dir, `add-${flag.length}.s`);
      const r = rvn(['build', src, ...flag, '-o', out]);
      expect(r.stderr).toBe('');
      const asm = readFileSync(out, 'utf8');
      expect(asm).toMatch(/^\s*\.globl\s+add3$/m);
      expect(asm).toMatch(/^add3:$/m);
      expect(asm).toMatch(/^main:$/m);
      expect(asm).not.toMatch(/^rt_finish:$/m); // the runtime is not the user's code
    }
    // And that assembly, built with the runtime, is the program: it exits with 7.
    const again = rvn(['run', join(dir, 'add-1.s')]);
    expect(again.status).toBe(7);
    const none = rvn(['build', writeTemp(dir, 'x.S', '.globl _start\n_start: j _start\n'), '-S', '-o', join(dir, 'x.s')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no guest TypeScript/);
  });
});
