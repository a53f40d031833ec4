// The guest build library: texts in, an image out; imports resolved against the importing
// file; the runtime shipped inside the package.
import { describe, expect, it } from 'vitest';
import { buildGuest, resolveImport } from '../../src/build/guest';
import { Machine } from '../../src/machine/machine';
import { idealProfile } from '../../src/timing/profiles/index';

function run(elf: Uint8Array): { code: number | undefined; out: string } {
  let out = '';
  const m = new Machine({ timing: idealProfile(), memBytes: 4 << 20 }, { console: (b) => (out += new TextDecoder().decode(b)) });
  m.load(elf, 'guest');
  const r = m.run({ maxInsns: 1_000_000 });
  return { code: r.reason.kind === 'exit' ? r.reason.code : undefined, out };
}

describe('buildGuest', () => {
  it('links the runtime for a lone main, which exits with main\'s value', () => {
    const { elf } = buildGuest([{ name: 'seven.ts', text: "import { u64 } from 'rvn/guest';\nexport function main(): u64 { return 7; }\n" }]);
    expect(run(elf).code).toBe(7);
  });

  it('resolves imports against the importing file, asking readFile for files it was not given', () => {
    const files: Record<string, string> = {
      '/home/u/proj/lib/twice.ts': "import { u64 } from 'rvn/guest';\nexport function twice(x: u64): u64 { return x * 2; }\n",
      '/home/u/proj/lib/more/three.ts': "import { u64 } from 'rvn/guest';\nimport { twice } from '../twice';\nexport function three(): u64 { return twice(1) + 1; }\n",
    };
    const asked: string[] = [];
    const { elf } = buildGuest(
      [{
        name: '/home/u/proj/app/main.ts',
        text: "import { u64 } from 'rvn/guest';\nimport { print, printU } from 'rvn/rt';\nimport { three } from '../lib/more/three';\n" +
          "export function main(): u64 { printU(three()); print('\\n'); return 0; }\n",
      }],
      { readFile: (p) => (asked.push(p), files[p]) },
    );
    expect(asked.sort()).toEqual(['/home/u/proj/lib/more/three.ts', '/home/u/proj/lib/twice.ts']);
    expect(run(elf)).toEqual({ code: 0, out: '3\n' });
  });

  it('takes any path ending in gtsc/runtime/rt, and rvn/rt, as the runtime shipped in the package', () => {
    expect(resolveImport('rvn/rt', 'a/b')).toBe('src/gtsc/runtime/rt');
    expect(resolveImport('../../../src/gtsc/runtime/rt', 'test/gtsc/programs/sort')).toBe('src/gtsc/runtime/rt');
    expect(resolveImport('../../../src/gtsc/runtime/rt', '../test/gtsc/programs/sort')).toBe('src/gtsc/runtime/rt');
    expect(resolveImport('./lib', '../x/main')).toBe('../x/lib');
    // The runtime imported twice under two spellings is one module (no duplicate symbols).
    const { elf, generated } = buildGuest([
      { name: 'x/a.ts', text: "import { u64 } from 'rvn/guest';\nimport { exit } from 'rvn/rt';\nimport { b } from './b';\nexport function main(): u64 { exit(b()); return 0; }\n" },
      { name: 'x/b.ts', text: "import { u64 } from 'rvn/guest';\nimport { print } from '../somewhere/gtsc/runtime/rt';\nexport function b(): u64 { print('b'); return 5; }\n" },
    ]);
    expect(generated.map((g) => g.name).sort()).toEqual(['src/gtsc/runtime/rt.s', 'x/a.s', 'x/b.s']);
    expect(run(elf)).toEqual({ code: 5, out: 'b' });
  });

  it('uses no start-up code when an assembly source defines _start', () => {
    const { linked } = buildGuest([
      { name: 's.S', text: '.globl _start\n_start: call main\n1: j 1b\n' },
      { name: 'm.ts', text: "import { u64 } from 'rvn/guest';\nexport function main(): u64 { return 1; }\n" },
    ]);
    expect(linked.map((f) => f.name)).toEqual(['m.s', 's.S']);
  });

  it('names a missing module and the file that imports it', () => {
    expect(() => buildGuest([{ name: 'p/main.ts', text: "import { f } from './nowhere';\nexport function main(): u64 { return f(); }\n" }]))
      .toThrow("p/main.ts: imports './nowhere', but p/nowhere.ts does not exist");
    expect(() => buildGuest([{ name: 'notes.txt', text: '' }])).toThrow(/not a source file/);
  });
});
