// The kernel's observability hints (src/os/kernel/hint.ts) seen by rvn's observers: the
// decoder, the profile's kernel-entry table (cycles per IPC path and system call), and the
// timeline's thread tracks, on the kernel's own sync-ipc and hello systems.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Machine } from '../../src/machine/machine';
import { idealProfile } from '../../src/timing/profiles/index';
import { attachObservers } from '../../src/trace/attach';
import { IPC_PATHS, hintKind } from '../../src/trace/kernel';
import { system } from '../os/harness';

/** slti rd, rs1, imm (I-type: imm[11:0] rs1 010 rd 0010011), from the ISA manual. */
const slti = (rd: number, rs1: number, imm: number): number => ((imm << 20) | (rs1 << 15) | (2 << 12) | (rd << 7) | 0x13) >>> 0;

describe('hint decoding', () => {
  test('slti x0, rs1, 0x7e0+kind is a hint of that kind; nothing else is', () => {
    for (let k = 0; k < 7; k++) expect(hintKind(slti(0, 10, 0x7e0 + k))).toBe(k);
    expect(hintKind(0x7e352013)).toBe(3); // slti x0, a0, 0x7e3 written out
    expect(hintKind(slti(11, 10, 0x7e3))).toBe(-1); // a real slti (rd = a1)
    expect(hintKind(slti(0, 10, 0x7e7))).toBe(-1);
    expect(hintKind(slti(0, 10, 5))).toBe(-1);
    expect(hintKind(0x7e350013)).toBe(-1); // addi x0, a0, 0x7e3
    expect(hintKind(0x00000013)).toBe(-1); // nop
  });

  test("the path names are the kernel's PATH_* values", () => {
    const text = readFileSync('src/os/kernel/hint.ts', 'utf8');
    const values = [...text.matchAll(/export const PATH_(\w+) = (\d+);/g)].map((m) => [Number(m[2]), m[1].toLowerCase()]);
    expect(values).toHaveLength(Object.keys(IPC_PATHS).length);
    for (const [v, name] of values) {
      const [kind, path] = (name as string).split(/_(.*)/);
      expect(IPC_PATHS[v as number]).toBe(`${path.replace('_', '')}.${kind}`);
    }
  });
});

interface Traced {
  stdout: string;
  files: Map<string, string>;
  cycles: number;
}

function runSystem(name: string, harts: number, bootargs: string, opts: Parameters<typeof attachObservers>[2]): Traced {
  const built = system(name);
  let stdout = '';
  const machine = new Machine({ harts, timing: idealProfile(), bootargs }, { console: (b) => { stdout += new TextDecoder().decode(b); } });
  const image = machine.load(built.image, name);
  const files = new Map<string, string>();
  const obs = attachObservers(machine, [image], opts, { write: (p, t) => files.set(p ?? 'stderr', (files.get(p ?? 'stderr') ?? '') + t) });
  const r = machine.run({ maxInsns: 50_000_000 });
  obs.finish();
  expect(r.reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
  return { stdout, files, cycles: r.cycles };
}

interface Entry { entry: string; count: number; cycles: number; min: number; max: number }

describe('the profile names kernel entries by IPC path and system call', () => {
  test('sync-ipc, 2 harts: every call of each phase on its path, counted from outside', () => {
    const t = runSystem('sync-ipc', 2, 'calls=40', { profileJson: 'p.json' });
    const profile = JSON.parse(t.files.get('p.json')!) as { harts: { hart: number; kernel?: Entry[] }[] };
    const hart0 = new Map(profile.harts[0].kernel!.map((e) => [e.entry, e]));
    const hart1 = new Map(profile.harts[1].kernel!.map((e) => [e.entry, e]));
    // the program: 16 warm-up calls + 40 measured calls per phase (fast, slow, cross)
    expect(hart0.get('ipc call.fast')?.count).toBe(56);
    expect(hart0.get('ipc replyrecv.fast')?.count).toBe(56);
    expect(hart0.get('ipc call.slow')?.count).toBe(56);
    expect(t.stdout).toContain('sync-ipc: fast-path calls taken: 56');
    // cross phase: the client's Calls on hart 1, the server's ReplyRecvs on hart 0
    expect(hart1.get('ipc call.cross')?.count).toBe(56);
    expect(hart0.get('ipc replyrecv.cross')?.count).toBe(56);
    expect(hart0.get('ipc replyrecv.slow')?.count).toBe(56);
    expect(hart0.get('ipc call.fast')!.cycles / 56).toBeLessThan(hart0.get('ipc call.slow')!.cycles / 56);
  });

  test('the table is printed after the functions with --profile', () => {
    const t = runSystem('hello', 1, '', { profile: true });
    const text = t.files.get('stderr')!;
    expect(text).toMatch(/hart 0 kernel entries \(trap to sret, by IPC path, system call or interrupt\):\ncount +cycles +mean +min +max +entry\n/);
    // hello on one hart: the client's one Call finds the server waiting (fast path); two lines printed
    expect(text).toMatch(/\n +1 +\d+ +[\d.]+ +\d+ +\d+ +ipc call\.fast\n/);
    expect(text).toMatch(/\n +2 +\d+ +[\d.]+ +\d+ +\d+ +syscall DebugWrite\n/);
  });

  test('observing the kernel changes nothing in the run', () => {
    const plain = runSystem('hello', 2, 'x', {});
    const seen = runSystem('hello', 2, 'x', { profile: true, timeline: 't.json' });
    expect(seen.cycles).toBe(plain.cycles);
    expect(seen.stdout).toBe(plain.stdout);
  });
});

describe('the timeline shows threads', () => {
  test('hello: thread spans on the threads tracks, named by the kernel; ipc instants', () => {
    const t = runSystem('hello', 2, '', { timeline: 'tl.json' });
    const doc = JSON.parse(t.files.get('tl.json')!) as { traceEvents: { name: string; ph: string; pid: number; tid: number; cat?: string; dur?: number }[] };
    const ev = doc.traceEvents;
    expect(ev).toContainEqual(expect.objectContaining({ name: 'process_name', pid: 1, args: { name: 'threads' } }));
    const spans = ev.filter((e) => e.pid === 1 && e.ph === 'X');
    expect(new Set(spans.filter((e) => e.tid === 0).map((e) => e.name))).toEqual(new Set(['server', 'idle']));
    expect(new Set(spans.filter((e) => e.tid === 1).map((e) => e.name))).toEqual(new Set(['client', 'idle']));
    for (const s of spans) expect(s.dur).toBeGreaterThan(0);
    // the client on hart 1 calls the server on hart 0: a cross-hart call and a cross-hart reply
    expect(ev.filter((e) => e.pid === 1 && e.name === 'call.cross' && e.tid === 1)).toHaveLength(1);
    expect(ev.filter((e) => e.pid === 1 && e.name === 'replyrecv.cross' && e.tid === 0)).toHaveLength(1);
  });
});
