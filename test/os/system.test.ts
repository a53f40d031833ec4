// The host side of the guest OS: the syscall table's generated files, the system-description
// checker (each bad description paired with the message it must produce, as Microkit's tests
// do), the boot-information layout shared with the kernel, and reproducible image builds.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RvnError } from '../../src/errors';
import { CAP_FIELDS, HEADER_FIELDS, IRQ_FIELDS, MAP_FIELDS, SPACE_FIELDS, THREAD_FIELDS } from '../../src/os/system/bootinfo';
import { checkDescription } from '../../src/os/system/check';
import { parseDescription } from '../../src/os/system/parse';
import { generateSyscallFiles, snake, SYSCALLS } from '../../src/os/system/syscalls';
import { buildSystem } from '../../src/os/system/image';
import { parts, system, tree } from './harness';

describe('the syscall table', () => {
  test('the committed generated files are what the table generates', () => {
    for (const [path, text] of generateSyscallFiles()) expect(readFileSync(path, 'utf8'), `${path} is stale: regenerate it`).toBe(text);
  });

  test('numbers are unique and the kernel has a handler row for each (in number order)', () => {
    const numbers = SYSCALLS.map((s) => s.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const kernel = readFileSync('src/os/kernel/syscall.ts', 'utf8');
    const rows = /const HANDLERS = table<Handler>\(\[([\s\S]*?)\]\);/.exec(kernel)![1].split(',').map((s) => s.trim()).filter((s) => s !== '');
    expect(rows).toEqual(['sysInvalid', ...SYSCALLS.map((s) => `sys${s.name}`)]);
    expect(snake('ReplyRecv')).toBe('REPLY_RECV');
    expect(snake('NBSend')).toBe('NB_SEND');
  });
});

describe('boot information', () => {
  /** Field names of a guest interface in src/os/kernel/bootinfo.ts, in order. */
  function guestFields(name: string): string[] {
    const text = readFileSync('src/os/kernel/bootinfo.ts', 'utf8');
    const body = new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(text)![1];
    return [...body.matchAll(/^\s+(\w+): u64;/gm)].map((m) => m[1]);
  }

  test('the host writes the fields the kernel reads, in the same order', () => {
    expect(guestFields('BootHeader')).toEqual([...HEADER_FIELDS]);
    expect(guestFields('BootSpace')).toEqual([...SPACE_FIELDS]);
    expect(guestFields('BootMap')).toEqual([...MAP_FIELDS]);
    expect(guestFields('BootThread')).toEqual([...THREAD_FIELDS]);
    expect(guestFields('BootCap')).toEqual([...CAP_FIELDS]);
    expect(guestFields('BootIrq')).toEqual([...IRQ_FIELDS]);
  });
});

function problems(text: string): string {
  try {
    checkDescription('bad.ts', parseDescription('bad.ts', text));
  } catch (e) {
    expect(e).toBeInstanceOf(RvnError);
    return (e as Error).message;
  }
  throw new Error('expected the description to be refused');
}

const OK_SPACE = "spaces: [{ name: 's', program: 'p.ts' }]";
const OK_THREAD = "threads: [{ name: 't', space: 's', entry: 'main' }]";

describe('system descriptions: each mistake reported at its place', () => {
  // Each case marks with @@ the place the message must point at (the marker is removed).
  const cases: [string, string][] = [
    ['@@export const x = {};', 'no `export const system = { ... }` in this file'],
    ['export const system = @@[];', 'the system description must be an object literal'],
    [`export const system = { ${OK_SPACE}, ${OK_THREAD}, @@extra: 1 };`, "unknown property 'extra' in the system (expected spaces, threads, endpoints, notifications, replies, regions, devices, irqs)"],
    [`export const system = { ${OK_SPACE}, threads: [{ name: 't', space: @@'nope', entry: 'main' }] };`, "no space named 'nope'"],
    [`export const system = { ${OK_SPACE}, threads: [{ name: 't', space: 's', entry: 'main', priority: @@256 }] };`, 'a priority must be from 0 to 255 (is 256)'],
    [`export const system = { ${OK_SPACE}, threads: [{ name: 't', space: 's', entry: 'main', @@prio: 1 }] };`, "unknown property 'prio' in a thread (expected name, space, entry, priority, hart, stack, arg, caps, bound, fault)"],
    [`export const system = { ${OK_SPACE}, ${OK_THREAD}, endpoints: ['e', @@'e'] };`, "there are two endpoints named 'e'"],
    [`export const system = { ${OK_SPACE}, threads: [{ name: 't', space: 's', entry: 'main', caps: [{ slot: @@0, endpoint: 'e' }] }], endpoints: ['e'] };`, 'a slot must be from 1 to 255 (is 0)'],
    [`export const system = { ${OK_SPACE}, threads: [{ name: 't', space: 's', entry: 'main', caps: [{ slot: 1, endpoint: 'e', rights: [@@'wait'] }] }], endpoints: ['e'] };`, "'wait' is not a right of a endpoint capability (send, receive)"],
    [`export const system = { ${OK_SPACE}, threads: [{ name: 't', space: 's', entry: 'main', caps: [{ slot: 1, endpoint: 'e' }, { slot: @@1, notification: 'n' }] }], endpoints: ['e'], notifications: ['n'] };`, 'slot 1 is used twice'],
    [`export const system = { ${OK_SPACE}, threads: [{ name: 't', space: 's', entry: 'main', caps: [{ slot: 1, reply: 'r', badge: @@3 }] }], replies: ['r'] };`, 'a reply capability has no badge'],
    [`export const system = { ${OK_SPACE}, ${OK_THREAD}, regions: [{ name: 'r', size: @@100 }] };`, 'a region size must be from 0x1000 to 0x40000000 (is 100)'],
    [`export const system = { ${OK_SPACE}, ${OK_THREAD}, irqs: [{ irq: 10, notification: 'n' }, { irq: @@10, notification: 'n' }], notifications: ['n'] };`, 'IRQ 10 is bound twice'],
    [`export const system = { spaces: [{ name: 's', program: 'p.ts', maps: [@@{ region: 'r', device: 'd' }] }], ${OK_THREAD}, regions: [{ name: 'r', size: 4096 }], devices: [{ name: 'd', paddr: 0x10000000, size: 4096 }] };`, "a mapping names exactly one 'region' or 'device'"],
    [`export const system = { ${OK_SPACE}, threads: [{ name: 't', space: 's', entry: 'main', stack: @@1000 + f() }] };`, 'a system description holds only literals (strings, numbers, booleans, objects, arrays) and names of consts holding them'],
    [`export const system = { ${OK_SPACE}, threads: [{ name: 't', space: 's', entry: 'main', bound: 'n' }, { name: 'u', space: 's', entry: 'main', bound: @@'n' }], notifications: ['n'] };`, "notification 'n' is already bound to thread 't'"],
  ];
  for (const [marked, message] of cases) {
    test(message, () => {
      const at = marked.indexOf('@@');
      const before = marked.slice(0, at).split('\n');
      const where = `bad.ts:${before.length}:${before[before.length - 1].length + 1}`;
      expect(problems(marked.replace('@@', ''))).toBe(`${where}: ${message}`);
    });
  }

  test('every problem is reported, one per line', () => {
    const text = `export const system = { ${OK_SPACE},\n  threads: [{ name: 't', space: 'x', entry: 'main', hart: 9 }] };`;
    const col = (needle: string): number => text.split('\n')[1].indexOf(needle) + 1;
    expect(problems(text).split('\n')).toEqual([`bad.ts:2:${col("'x'")}: no space named 'x'`, `bad.ts:2:${col('9 }')}: a hart must be from 0 to 7 (is 9)`]);
  });

  test('names of module-level consts and constant expressions are values', () => {
    const m = checkDescription('ok.ts', parseDescription('ok.ts', `const big = 1 << 14;\nconst t = { name: 't', space: 's', entry: 'main', stack: big * 2 };\nexport const system = { ${OK_SPACE}, threads: [t] };`));
    expect(m.threads[0].stack).toBe(32768);
    expect(m.spaces[0].programs[0].name).toBe('p.ts');
  });
});

/** Builds a system from a description text placed beside hello's (its program resolves). */
function buildError(marked: string): { got: string; want: string } {
  const at = marked.indexOf('@@');
  const before = marked.slice(0, at).split('\n');
  const t = new Map(tree());
  t.set('src/os/systems/bad.ts', marked.replace('@@', ''));
  try {
    buildSystem(t, 'src/os/systems/bad.ts', parts());
  } catch (e) {
    expect(e).toBeInstanceOf(RvnError);
    return { got: (e as Error).message, want: `src/os/systems/bad.ts:${before.length}:${before[before.length - 1].length + 1}` };
  }
  throw new Error('expected the build to fail');
}

describe('image builds: mistakes only the build can see', () => {
  test('an entry function the program does not have', () => {
    const r = buildError("export const system = { spaces: [{ name: 'h', program: '../programs/hello/hello.ts' }], threads: [{ name: 't', space: 'h', entry: @@'nope' }] };");
    expect(r.got).toBe(`${r.want}: no function 'nope' in space 'h's program`);
  });

  test('a program module that does not exist', () => {
    const r = buildError("export const system = { spaces: [{ name: 'h', program: @@'../programs/hello/nope.ts' }], threads: [{ name: 't', space: 'h', entry: 'client' }] };");
    expect(r.got).toBe(`${r.want}: no such program module: src/os/programs/hello/nope.ts`);
  });

  test('a mapping outside the window of its space', () => {
    const r = buildError("export const system = { spaces: [{ name: 'h', program: '../programs/hello/hello.ts', maps: [@@{ region: 'r', vaddr: 0x1000 }] }], regions: [{ name: 'r', size: 4096 }], threads: [{ name: 't', space: 'h', entry: 'client' }] };");
    expect(r.got).toBe(`${r.want}: the mapping at 0x1000 is outside space 'h''s window 0x40000000..0x44000000`);
  });
});

describe('system descriptions: fuzzed', () => {
  test('300 mutations of a real description: accepted, or refused with file:line:col lines, never a crash', () => {
    const original = readFileSync('src/os/systems/kernel-tests.ts', 'utf8');
    let seed = 0x9e3779b9;
    const rand = (n: number): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    const pieces = ['{', '}', '[', ']', ',', ':', "'", '0x', '-', '<<', 'slot', 'nope', '999', ' ', '\n', 'f()', '`'];
    let refused = 0;
    for (let i = 0; i < 300; i++) {
      let text = original;
      for (let k = 0; k <= rand(3); k++) {
        const at = rand(text.length);
        const cut = rand(8);
        text = text.slice(0, at) + (rand(2) === 0 ? pieces[rand(pieces.length)] : '') + text.slice(at + cut);
      }
      try {
        checkDescription('f.ts', parseDescription('f.ts', text));
      } catch (e) {
        expect(e, String(e)).toBeInstanceOf(RvnError);
        for (const line of (e as Error).message.split('\n')) expect(line).toMatch(/^f\.ts:\d+:\d+: \S/);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(50);
  });
});

describe('images', () => {
  test('building a system twice gives the same bytes', () => {
    const a = system('hello');
    const b = system('hello');
    expect(Buffer.from(a.image).equals(Buffer.from(b.image))).toBe(true);
    expect(Buffer.from(a.payload).equals(Buffer.from(b.payload))).toBe(true);
  });
});
