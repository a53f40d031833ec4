/**
 * Checks a parsed system description and resolves it into a SystemModel: names resolved to
 * indices, defaults filled in, every rule the kernel relies on enforced. All problems are
 * reported together, each as file:line:col: message.
 */
import { Pos, Problems, Value } from './parse';
import { resolvePath } from './sources';

// Kernel limits (src/os/kernel/memlayout.ts) and ABI values (src/os/kernel/objects.ts).
export const LIMITS = { spaces: 16, threads: 64, endpoints: 64, notifications: 64, replies: 64, caps: 1024, irqs: 96, harts: 8 } as const;
export const CAP = { endpoint: 1, notification: 2, reply: 3, irq: 4 } as const;
export const RIGHTS = { send: 1, receive: 2, signal: 4, wait: 8 } as const;
export const PTE = { R: 2, W: 4, X: 8 } as const;
const PERMS: Record<string, number> = { r: PTE.R, rw: PTE.R | PTE.W, rx: PTE.R | PTE.X, rwx: PTE.R | PTE.W | PTE.X };
const PAGE = 4096n;
const MAX_BADGE = (1n << 63n) - 1n;
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export interface Named {
  readonly name: string;
  readonly pos: Pos;
}

export interface MapModel {
  readonly region?: number;
  readonly device?: number;
  readonly flags: number;
  readonly vaddr?: number;
  readonly setvar?: Named;
  readonly setpaddr?: Named;
  readonly pos: Pos;
}

export interface SpaceModel extends Named {
  readonly programs: Named[];
  readonly maps: MapModel[];
}

export interface CapModel {
  readonly slot: number;
  readonly kind: number;
  readonly object: number;
  readonly rights: number;
  readonly badge: bigint;
}

export interface ThreadModel extends Named {
  readonly space: number;
  readonly entry: Named;
  readonly priority: number;
  readonly hart: number;
  readonly stack: number;
  readonly arg: bigint;
  readonly caps: CapModel[];
  readonly bound?: number;
  readonly boundPos?: Pos;
  readonly fault?: { ntfn: number; badge: bigint };
}

export interface RegionModel extends Named {
  readonly size: number;
}

export interface DeviceModel extends Named {
  readonly paddr: number;
  readonly size: number;
}

export interface IrqModel {
  readonly irq: number;
  readonly ntfn: number;
  readonly badge: bigint;
  readonly hart: number;
}

export interface SystemModel {
  readonly file: string;
  readonly spaces: SpaceModel[];
  readonly threads: ThreadModel[];
  readonly endpoints: Named[];
  readonly notifications: Named[];
  readonly replies: Named[];
  readonly regions: RegionModel[];
  readonly devices: DeviceModel[];
  readonly irqs: IrqModel[];
}

type Obj = Extract<Value, { kind: 'object' }>;

/** Typed access to the value tree, recording problems instead of throwing. */
class Reader {
  constructor(readonly p: Problems) {}

  object(v: Value | undefined, what: string, allowed: readonly string[]): Obj | undefined {
    if (v === undefined) return undefined;
    if (v.kind !== 'object') {
      this.p.add(v.pos, `${what} must be an object`);
      return undefined;
    }
    for (const [k, { key }] of v.props) {
      if (!allowed.includes(k)) this.p.add(key, `unknown property '${k}' in ${what} (expected ${allowed.join(', ')})`);
    }
    return v;
  }

  field(o: Obj, name: string): Value | undefined {
    return o.props.get(name)?.value;
  }

  required(o: Obj, name: string, what: string): Value | undefined {
    const v = this.field(o, name);
    if (v === undefined) this.p.add(o.pos, `${what} needs '${name}'`);
    return v;
  }

  string(v: Value | undefined, what: string): Named | undefined {
    if (v === undefined) return undefined;
    if (v.kind !== 'string') {
      this.p.add(v.pos, `${what} must be a string`);
      return undefined;
    }
    return { name: v.value, pos: v.pos };
  }

  number(v: Value | undefined, what: string, min: bigint, max: bigint): bigint | undefined {
    if (v === undefined) return undefined;
    if (v.kind !== 'number') {
      this.p.add(v.pos, `${what} must be a number`);
      return undefined;
    }
    if (v.value < min || v.value > max) {
      this.p.add(v.pos, `${what} must be from ${fmt(min)} to ${fmt(max)} (is ${fmt(v.value)})`);
      return undefined;
    }
    return v.value;
  }

  array(v: Value | undefined, what: string): Value[] {
    if (v === undefined) return [];
    if (v.kind !== 'array') {
      this.p.add(v.pos, `${what} must be an array`);
      return [];
    }
    return v.items;
  }

  /** A list of unique, well-formed names. */
  names(v: Value | undefined, what: string): Named[] {
    const out: Named[] = [];
    for (const item of this.array(v, `${what}s`)) {
      const n = this.string(item, `a ${what} name`);
      if (n) out.push(n);
    }
    return out;
  }
}

function fmt(v: bigint): string {
  return v >= 4096n ? `0x${v.toString(16)}` : v.toString();
}

function checkNames(p: Problems, list: readonly Named[], what: string, limit: number): void {
  const seen = new Set<string>();
  for (const n of list) {
    if (!NAME.test(n.name)) p.add(n.pos, `'${n.name}' is not a valid ${what} name (letters, digits, _ and -)`);
    if (seen.has(n.name)) p.add(n.pos, `there are two ${what}s named '${n.name}'`);
    seen.add(n.name);
  }
  if (list.length > limit) p.add(list[limit].pos, `more than ${limit} ${what}s (the kernel's limit)`);
}

function indexOf(p: Problems, list: readonly Named[], ref: Named | undefined, what: string): number | undefined {
  if (ref === undefined) return undefined;
  const i = list.findIndex((n) => n.name === ref.name);
  if (i < 0) p.add(ref.pos, `no ${what} named '${ref.name}'`);
  return i < 0 ? undefined : i;
}

interface Ctx {
  r: Reader;
  p: Problems;
  file: string;
  spaces: Named[];
  endpoints: Named[];
  notifications: Named[];
  replies: Named[];
  regions: Named[];
  devices: Named[];
}

function readRegion(c: Ctx, v: Value): RegionModel | undefined {
  const o = c.r.object(v, 'a region', ['name', 'size']);
  if (!o) return undefined;
  const name = c.r.string(c.r.required(o, 'name', 'a region'), 'a region name');
  const size = c.r.number(c.r.required(o, 'size', 'a region'), 'a region size', PAGE, 1n << 30n);
  if (size !== undefined && size % PAGE !== 0n) c.p.add(o.props.get('size')!.value.pos, 'a region size must be a multiple of 4096');
  return name && size !== undefined ? { ...name, size: Number(size) } : undefined;
}

function readDevice(c: Ctx, v: Value): DeviceModel | undefined {
  const o = c.r.object(v, 'a device', ['name', 'paddr', 'size']);
  if (!o) return undefined;
  const name = c.r.string(c.r.required(o, 'name', 'a device'), 'a device name');
  const paddr = c.r.number(c.r.required(o, 'paddr', 'a device'), 'a device address', 0n, (1n << 31n) - 1n);
  const size = c.r.number(c.r.required(o, 'size', 'a device'), 'a device size', PAGE, 1n << 28n);
  if (paddr !== undefined && paddr % PAGE !== 0n) c.p.add(o.props.get('paddr')!.value.pos, 'a device address must be page aligned');
  if (size !== undefined && size % PAGE !== 0n) c.p.add(o.props.get('size')!.value.pos, 'a device size must be a multiple of 4096');
  if (paddr !== undefined && paddr >= 0x40000000n) c.p.add(o.props.get('paddr')!.value.pos, 'a device must lie below 0x40000000 (RAM cannot be mapped as a device)');
  return name && paddr !== undefined && size !== undefined ? { ...name, paddr: Number(paddr), size: Number(size) } : undefined;
}

function readMap(c: Ctx, v: Value): MapModel | undefined {
  const o = c.r.object(v, 'a mapping', ['region', 'device', 'perms', 'vaddr', 'setvar', 'setpaddr']);
  if (!o) return undefined;
  const region = c.r.string(c.r.field(o, 'region'), 'a region name');
  const device = c.r.string(c.r.field(o, 'device'), 'a device name');
  if ((region === undefined) === (device === undefined)) c.p.add(o.pos, "a mapping names exactly one 'region' or 'device'");
  const permsName = c.r.string(c.r.field(o, 'perms'), 'perms') ?? { name: 'rw', pos: o.pos };
  let flags = PERMS[permsName.name];
  if (flags === undefined || (device && (flags & PTE.X) !== 0)) {
    c.p.add(permsName.pos, device ? "a device mapping's perms are 'r' or 'rw'" : "perms are 'r', 'rw', 'rx' or 'rwx'");
    flags = PERMS.rw;
  }
  const vaddr = c.r.number(c.r.field(o, 'vaddr'), 'vaddr', 0n, (1n << 39n) - 1n);
  if (vaddr !== undefined && vaddr % PAGE !== 0n) c.p.add(o.props.get('vaddr')!.value.pos, 'vaddr must be page aligned');
  const setvar = c.r.string(c.r.field(o, 'setvar'), 'setvar');
  const setpaddr = c.r.string(c.r.field(o, 'setpaddr'), 'setpaddr');
  return {
    region: indexOf(c.p, c.regions, region, 'region'),
    device: indexOf(c.p, c.devices, device, 'device'),
    flags,
    vaddr: vaddr === undefined ? undefined : Number(vaddr),
    setvar,
    setpaddr,
    pos: o.pos,
  };
}

function readSpace(c: Ctx, v: Value): SpaceModel | undefined {
  const o = c.r.object(v, 'a space', ['name', 'program', 'maps']);
  if (!o) return undefined;
  const name = c.r.string(c.r.required(o, 'name', 'a space'), 'a space name');
  const prog = c.r.required(o, 'program', 'a space');
  const programs: Named[] = [];
  for (const item of prog?.kind === 'array' ? prog.items : prog ? [prog] : []) {
    const s = c.r.string(item, 'a program module');
    if (!s) continue;
    if (!s.name.endsWith('.ts')) c.p.add(s.pos, 'a program module is a .ts file');
    programs.push({ name: resolvePath(c.file, s.name), pos: s.pos });
  }
  const maps: MapModel[] = [];
  for (const m of c.r.array(c.r.field(o, 'maps'), 'maps')) {
    const mm = readMap(c, m);
    if (mm) maps.push(mm);
  }
  return name ? { ...name, programs, maps } : undefined;
}

const CAP_KINDS = ['endpoint', 'notification', 'reply', 'irq'] as const;

function readCap(c: Ctx, v: Value, slots: Set<number>): CapModel | undefined {
  const o = c.r.object(v, 'a capability', ['slot', ...CAP_KINDS, 'rights', 'badge']);
  if (!o) return undefined;
  const slot = c.r.number(c.r.required(o, 'slot', 'a capability'), 'a slot', 1n, 255n);
  if (slot !== undefined && slots.has(Number(slot))) c.p.add(o.props.get('slot')!.value.pos, `slot ${slot} is used twice`);
  if (slot !== undefined) slots.add(Number(slot));
  const kinds = CAP_KINDS.filter((k) => o.props.has(k));
  if (kinds.length !== 1) {
    c.p.add(o.pos, "a capability names exactly one of 'endpoint', 'notification', 'reply', 'irq'");
    return undefined;
  }
  const kind = kinds[0];
  let object: number | undefined;
  if (kind === 'irq') object = Number(c.r.number(c.r.field(o, 'irq'), 'an IRQ number', 1n, BigInt(LIMITS.irqs - 1)) ?? 0n);
  else {
    const lists = { endpoint: c.endpoints, notification: c.notifications, reply: c.replies };
    object = indexOf(c.p, lists[kind], c.r.string(c.r.field(o, kind), `a ${kind} name`), kind);
  }
  const allowed: readonly (keyof typeof RIGHTS)[] = kind === 'endpoint' ? ['send', 'receive'] : kind === 'notification' ? ['signal', 'wait'] : [];
  let rights = allowed.reduce((a, r) => a | RIGHTS[r], 0);
  const rv = c.r.field(o, 'rights');
  if (rv !== undefined) {
    if (allowed.length === 0) c.p.add(rv.pos, `a ${kind} capability has no rights to choose`);
    rights = 0;
    for (const item of c.r.array(rv, 'rights')) {
      const r = c.r.string(item, 'a right');
      if (r && !(allowed as readonly string[]).includes(r.name)) c.p.add(r.pos, `'${r.name}' is not a right of a ${kind} capability (${allowed.join(', ')})`);
      else if (r) rights |= RIGHTS[r.name as keyof typeof RIGHTS];
    }
  }
  const bv = c.r.field(o, 'badge');
  if (bv !== undefined && kind !== 'endpoint' && kind !== 'notification') c.p.add(bv.pos, `a ${kind} capability has no badge`);
  const badge = c.r.number(bv, 'a badge', 0n, MAX_BADGE) ?? 0n;
  if (slot === undefined || object === undefined) return undefined;
  return { slot: Number(slot), kind: CAP[kind], object, rights, badge };
}

function readThread(c: Ctx, v: Value): ThreadModel | undefined {
  const o = c.r.object(v, 'a thread', ['name', 'space', 'entry', 'priority', 'hart', 'stack', 'arg', 'caps', 'bound', 'fault']);
  if (!o) return undefined;
  const name = c.r.string(c.r.required(o, 'name', 'a thread'), 'a thread name');
  const space = indexOf(c.p, c.spaces, c.r.string(c.r.required(o, 'space', 'a thread'), 'a space name'), 'space');
  const entry = c.r.string(c.r.required(o, 'entry', 'a thread'), 'an entry function');
  const priority = c.r.number(c.r.field(o, 'priority'), 'a priority', 0n, 255n) ?? 100n;
  const hart = c.r.number(c.r.field(o, 'hart'), 'a hart', 0n, BigInt(LIMITS.harts - 1)) ?? 0n;
  const stack = c.r.number(c.r.field(o, 'stack'), 'a stack size', PAGE, 1n << 24n) ?? 16384n;
  if (stack % PAGE !== 0n) c.p.add(o.props.get('stack')!.value.pos, 'a stack size must be a multiple of 4096');
  const arg = c.r.number(c.r.field(o, 'arg'), 'arg', -(1n << 63n), (1n << 64n) - 1n) ?? 0n;
  const slots = new Set<number>();
  const caps: CapModel[] = [];
  for (const cv of c.r.array(c.r.field(o, 'caps'), 'caps')) {
    const cap = readCap(c, cv, slots);
    if (cap) caps.push(cap);
  }
  const boundName = c.r.string(c.r.field(o, 'bound'), 'a notification name');
  const bound = indexOf(c.p, c.notifications, boundName, 'notification');
  let fault: ThreadModel['fault'];
  const fo = c.r.object(c.r.field(o, 'fault'), 'fault', ['notification', 'badge']);
  if (fo) {
    const n = indexOf(c.p, c.notifications, c.r.string(c.r.required(fo, 'notification', 'fault'), 'a notification name'), 'notification');
    const badge = c.r.number(c.r.field(fo, 'badge'), 'a badge', 0n, MAX_BADGE) ?? 0n;
    if (n !== undefined) fault = { ntfn: n, badge };
  }
  if (!name || space === undefined || !entry) return undefined;
  return { ...name, space, entry, priority: Number(priority), hart: Number(hart), stack: Number(stack), arg: BigInt.asUintN(64, arg), caps, bound, boundPos: boundName?.pos, fault };
}

function readIrq(c: Ctx, v: Value, seen: Set<number>): IrqModel | undefined {
  const o = c.r.object(v, 'an IRQ', ['irq', 'notification', 'badge', 'hart']);
  if (!o) return undefined;
  const irq = c.r.number(c.r.required(o, 'irq', 'an IRQ'), 'an IRQ number', 1n, BigInt(LIMITS.irqs - 1));
  if (irq !== undefined && seen.has(Number(irq))) c.p.add(o.props.get('irq')!.value.pos, `IRQ ${irq} is bound twice`);
  if (irq !== undefined) seen.add(Number(irq));
  const ntfn = indexOf(c.p, c.notifications, c.r.string(c.r.required(o, 'notification', 'an IRQ'), 'a notification name'), 'notification');
  const badge = c.r.number(c.r.field(o, 'badge'), 'a badge', 0n, MAX_BADGE) ?? 0n;
  const hart = c.r.number(c.r.field(o, 'hart'), 'a hart', 0n, BigInt(LIMITS.harts - 1)) ?? 0n;
  if (irq === undefined || ntfn === undefined) return undefined;
  return { irq: Number(irq), ntfn, badge, hart: Number(hart) };
}

/** Checks the description (parsed from `file`) and resolves it; throws every problem at once. */
export function checkDescription(file: string, root: Value): SystemModel {
  const p = new Problems();
  const r = new Reader(p);
  const o = r.object(root, 'the system', ['spaces', 'threads', 'endpoints', 'notifications', 'replies', 'regions', 'devices', 'irqs'])!;
  const regionsRaw = r.array(r.field(o, 'regions'), 'regions');
  const devicesRaw = r.array(r.field(o, 'devices'), 'devices');
  const c: Ctx = {
    r, p, file,
    spaces: [],
    endpoints: r.names(r.field(o, 'endpoints'), 'endpoint'),
    notifications: r.names(r.field(o, 'notifications'), 'notification'),
    replies: r.names(r.field(o, 'replies'), 'reply object'),
    regions: [],
    devices: [],
  };
  const regions = regionsRaw.map((v) => readRegion(c, v)).filter((x): x is RegionModel => x !== undefined);
  const devices = devicesRaw.map((v) => readDevice(c, v)).filter((x): x is DeviceModel => x !== undefined);
  c.regions = regions;
  c.devices = devices;
  // space names first, so that threads can refer to spaces listed after them
  const spaceValues = r.array(r.required(o, 'spaces', 'the system'), 'spaces');
  c.spaces = spaceValues.map((v) => (v.kind === 'object' ? r.string(v.props.get('name')?.value, 'a space name') : undefined)).filter((x): x is Named => x !== undefined);
  const spaces = spaceValues.map((v) => readSpace(c, v)).filter((x): x is SpaceModel => x !== undefined);
  const threads = r.array(r.required(o, 'threads', 'the system'), 'threads').map((v) => readThread(c, v)).filter((x): x is ThreadModel => x !== undefined);
  const seenIrqs = new Set<number>();
  const irqs = r.array(r.field(o, 'irqs'), 'irqs').map((v) => readIrq(c, v, seenIrqs)).filter((x): x is IrqModel => x !== undefined);
  checkNames(p, spaces, 'space', LIMITS.spaces);
  checkNames(p, threads, 'thread', LIMITS.threads);
  checkNames(p, c.endpoints, 'endpoint', LIMITS.endpoints);
  checkNames(p, c.notifications, 'notification', LIMITS.notifications);
  checkNames(p, c.replies, 'reply object', LIMITS.replies);
  checkNames(p, regions, 'region', 1024);
  checkNames(p, devices, 'device', 1024);
  if (spaces.length === 0 && p.list.length === 0) p.add(o.pos, 'a system needs at least one space');
  if (threads.length === 0 && p.list.length === 0) p.add(o.pos, 'a system needs at least one thread');
  const capCount = threads.reduce((n, t) => n + (t.caps.length === 0 ? 0 : Math.max(...t.caps.map((k) => k.slot)) + 1), 0);
  if (capCount > LIMITS.caps) p.add(o.pos, `the threads' capability tables need ${capCount} slots, more than the kernel's ${LIMITS.caps}`);
  const boundTo = new Map<number, Named>();
  for (const t of threads) {
    if (t.bound === undefined) continue;
    const other = boundTo.get(t.bound);
    if (other) p.add(t.boundPos ?? t.pos, `notification '${c.notifications[t.bound].name}' is already bound to thread '${other.name}'`);
    boundTo.set(t.bound, t);
  }
  p.throwIfAny();
  return { file, spaces, threads, endpoints: c.endpoints, notifications: c.notifications, replies: c.replies, regions, devices, irqs };
}
