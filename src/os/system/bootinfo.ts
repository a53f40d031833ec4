/**
 * The boot information the kernel builds the system from (src/os/kernel/bootinfo.ts holds the
 * same layouts as guest structs): a header, then arrays of records, then the names, every
 * field a little-endian u64. The field lists below are in the guest structs' order.
 */
import type { SystemModel } from './check';
import type { Plan } from './layout';

export const BOOTINFO_MAGIC = 0x31544f4f424e5652n; // "RVNBOOT1"

export const HEADER_FIELDS = [
  'magic', 'spaces', 'threads', 'endpoints', 'notifications', 'replies', 'irqs', 'caps', 'maps',
  'spacesOff', 'threadsOff', 'capsOff', 'mapsOff', 'irqsOff', 'zeroStart', 'zeroEnd', 'freeStart', 'userInfo',
] as const;
export const SPACE_FIELDS = ['name', 'mapsIndex', 'mapsCount', 'window'] as const;
export const MAP_FIELDS = ['va', 'pa', 'size', 'flags'] as const;
export const THREAD_FIELDS = [
  'name', 'space', 'entry', 'stackTop', 'ipcBufVa', 'ipcBufPa', 'priority', 'hart', 'arg', 'capsIndex', 'capsCount',
  'bound', 'faultNtfn', 'faultBadge', 'exitPc',
] as const;
export const CAP_FIELDS = ['kind', 'rights', 'badge', 'object'] as const;
export const IRQ_FIELDS = ['irq', 'ntfn', 'badge', 'hart'] as const;

type Row<F extends readonly string[]> = Record<F[number], number | bigint>;

class Words {
  readonly words: bigint[] = [];
  row<F extends readonly string[]>(fields: F, values: Row<F>): void {
    for (const f of fields as readonly F[number][]) this.words.push(BigInt(values[f]));
  }
}

/** The boot information for model m laid out by plan. */
export function serialize(m: SystemModel, plan: Plan): Uint8Array {
  const names: string[] = [...m.spaces.map((s) => s.name), ...m.threads.map((t) => t.name)];
  const caps = m.threads.map((t, i) => {
    const table = Array.from({ length: plan.capsCount[i] }, () => ({ kind: 0, rights: 0, badge: 0n, object: 0 }));
    for (const c of t.caps) table[c.slot] = { kind: c.kind, rights: c.rights, badge: c.badge, object: c.object };
    return table;
  });
  const nCaps = caps.reduce((n, t) => n + t.length, 0);
  const maps = plan.spaces.map((s) => s.maps);
  const nMaps = maps.reduce((n, x) => n + x.length, 0);
  const header = HEADER_FIELDS.length;
  const spacesOff = header * 8;
  const threadsOff = spacesOff + m.spaces.length * SPACE_FIELDS.length * 8;
  const capsOff = threadsOff + m.threads.length * THREAD_FIELDS.length * 8;
  const mapsOff = capsOff + nCaps * CAP_FIELDS.length * 8;
  const irqsOff = mapsOff + nMaps * MAP_FIELDS.length * 8;
  const stringsOff = irqsOff + m.irqs.length * IRQ_FIELDS.length * 8;
  const strings = new Map<string, number>();
  let at = stringsOff;
  for (const n of names) {
    if (!strings.has(n)) {
      strings.set(n, at);
      at += new TextEncoder().encode(n).length + 1;
    }
  }
  const size = Math.ceil(at / 8) * 8;
  const w = new Words();
  w.row(HEADER_FIELDS, {
    magic: BOOTINFO_MAGIC, spaces: m.spaces.length, threads: m.threads.length, endpoints: m.endpoints.length,
    notifications: m.notifications.length, replies: m.replies.length, irqs: m.irqs.length, caps: nCaps, maps: nMaps,
    spacesOff, threadsOff, capsOff, mapsOff, irqsOff,
    zeroStart: plan.zeroStart, zeroEnd: plan.zeroEnd, freeStart: plan.freeStart, userInfo: plan.userInfo,
  });
  let mapsIndex = 0;
  m.spaces.forEach((s, k) => {
    const count = maps[k].length;
    w.row(SPACE_FIELDS, { name: strings.get(s.name)!, mapsIndex, mapsCount: count, window: plan.spaces[k].window });
    mapsIndex += count;
  });
  let capsIndex = 0;
  m.threads.forEach((t, i) => {
    const tp = plan.threads[i];
    w.row(THREAD_FIELDS, {
      name: strings.get(t.name)!, space: t.space, entry: tp.entry, stackTop: tp.stackTop, ipcBufVa: tp.ipcBufVa,
      ipcBufPa: tp.ipcBufPa, priority: t.priority, hart: t.hart, arg: t.arg, capsIndex, capsCount: caps[i].length,
      bound: t.bound === undefined ? 0 : t.bound + 1, faultNtfn: t.fault === undefined ? 0 : t.fault.ntfn + 1,
      faultBadge: t.fault?.badge ?? 0n, exitPc: tp.exitPc,
    });
    capsIndex += caps[i].length;
  });
  for (const table of caps) for (const c of table) w.row(CAP_FIELDS, c);
  for (const list of maps) for (const mp of list) w.row(MAP_FIELDS, mp);
  for (const q of m.irqs) w.row(IRQ_FIELDS, { irq: q.irq, ntfn: q.ntfn, badge: q.badge, hart: q.hart });
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  w.words.forEach((v, i) => view.setBigUint64(i * 8, BigInt.asUintN(64, v), true));
  for (const [n, off] of strings) out.set(new TextEncoder().encode(n), off);
  return out;
}
