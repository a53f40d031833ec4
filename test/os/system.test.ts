// The host side of the guest OS: the syscall table's generated files, the system-description
// checker (each bad description paired with the message it must produce, as Microkit's tests
// do).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RvnError } from '../../src/errors';
import { checkDescription } from '../../src/os/system/check';
import { parseDescription } from '../../src/os/system/parse';
import { generateSyscallFiles, snake, SYSCALLS } from '../../src/os/system/syscalls';

describe('the syscall table', () => {
  test('the committed generated files are what the table generates', () => {
    for (const [path, text] of generateSyscallFiles()) expect(readFileSync(path, 'utf8'), `${path} is stale: regenerate it`).toBe(text);
  });

  test('numbers are unique and in order', () => {
    const numbers = SYSCALLS.map((s) => s.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(snake('ReplyRecv')).toBe('REPLY_RECV');
    expect(snake('NBSend')).toBe('NB_SEND');
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
