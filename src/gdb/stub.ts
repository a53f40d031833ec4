/**
 * The GDB remote serial protocol stub (GDB manual, "Remote Protocol"): packets from gdb in,
 * replies out, over any byte transport (the CLI puts a TCP socket under it). One thread per
 * hart (thread id = hart id + 1), all-stop: when one hart stops every hart stops, and every
 * resume runs the whole machine in its usual cycle order, so that stepping, breakpoints and
 * watchpoints never change what the guest computes or the cycles it is charged.
 *
 * The stub does not run the machine itself: it says what it wants (`state`) and the host runs
 * the machine in stretches, handing each result back (`machineStopped`).
 */
import type { Hart } from '../cpu/hart';
import type { Machine, RunResult } from '../machine/machine';
import { runMonitor, type MonitorContext } from './monitor';
import { asText, fromHex, framePacket, MAX_PACKET, PacketReader, textBytes, toHex, type Incoming } from './packet';
import { G_PACKET_REGS, readRegister, REGISTERS, targetXml, writeRegister } from './registers';
import { readMemory, writeMemory } from './memory';
import { DebugStops, type WatchKind } from './stops';

/** What the host should do with the machine. */
export type StubState =
  /** Waiting for gdb's commands: the machine must not run. */
  | 'stopped'
  /** Run the machine (stretches); hand every result to machineStopped(). */
  | 'running'
  /** gdb detached: run on without a debugger. */
  | 'detached'
  /** gdb killed the target: end the run. */
  | 'killed';

/** Protocol error replies (errno-like numbers, as gdbserver uses them). */
const E = { malformed: 'E01', noThread: 'E02', memory: 'E0e', tooLong: 'E16', unsupported: 'E26' } as const;

const SIGINT = 2;
const SIGTRAP = 5;
const SIGSEGV = 11;
const SIGKILL = 9;

/** Largest memory transfer (hex doubles it; fits in MAX_PACKET with room for the framing). */
const MAX_MEMORY = (MAX_PACKET - 16) >> 1;

export class GdbStub {
  private readonly reader = new PacketReader();
  private readonly stops = new DebugStops();
  private readonly monitor: MonitorContext;
  private noAck = false;
  private _state: StubState;
  /** Hg (registers, memory) and Hc (resume) threads, as hart indexes (-1 for Hc: all). */
  private gHart = 0;
  private cHart = -1;
  /** Ctrl-C arrived while running. */
  private interruptPending = false;
  /** The last stop reply (for `?`). */
  private lastStop: string;

  /** `stopped`: the machine starts halted (--gdb-wait) and waits for gdb's first resume. */
  constructor(private readonly machine: Machine, private readonly send: (bytes: Uint8Array) => void, stopped: boolean) {
    this._state = stopped ? 'stopped' : 'running';
    this.monitor = { machine, physical: false };
    this.lastStop = `T${hex2(SIGTRAP)}thread:1;`;
  }

  get state(): StubState {
    return this._state;
  }

  /** The host should stop the machine at the end of its current stretch (Ctrl-C, new client). */
  get wantsStop(): boolean {
    return this.interruptPending;
  }

  /** A debugger connected: a running machine stops for it (gdb expects a halted target). */
  connected(): void {
    this.noAck = false;
    if (this._state === 'running' || this._state === 'detached') {
      this._state = 'running';
      this.interruptPending = true;
    }
  }

  /** The debugger went away without detaching: breakpoints go and the machine runs on. */
  disconnected(): void {
    if (this._state === 'killed') return;
    this.release();
    this._state = 'detached';
    this.interruptPending = false;
  }

  /** Bytes from gdb. */
  receive(bytes: Uint8Array): void {
    for (const ev of this.reader.push(bytes)) this.handle(ev);
  }

  private handle(ev: Incoming): void {
    switch (ev.kind) {
      case 'interrupt':
        if (this._state === 'running') this.interruptPending = true;
        return;
      case 'bad-checksum':
        if (!this.noAck) this.raw('-');
        return;
      case 'overlong':
        if (!this.noAck) this.raw('+');
        this.reply(E.tooLong);
        return;
      case 'packet':
        if (!this.noAck) this.raw('+');
        this.dispatch(ev.data);
    }
  }

  /**
   * The machine returned from a stretch while running. Returns true when the debugger takes
   * this stop (the host then waits for commands), false when the host goes on as without a
   * debugger ('paused': next stretch; an exit or error ends the run after gdb was told).
   */
  machineStopped(r: RunResult): boolean {
    if (this._state !== 'running') return false;
    const reason = r.reason;
    if (reason.kind === 'paused' && !this.interruptPending) return false;
    this.interruptPending = false;
    this.stops.step(undefined);
    this.applyHooks();
    if (reason.kind === 'debug') return this.stoppedBy(reason.hartId);
    if (reason.kind === 'paused') {
      this._state = 'stopped';
      this.reportStop(`T${hex2(SIGINT)}thread:${tid(this.gHart)};`);
      return true;
    }
    // The run is over: gdb hears how it ended.
    if (reason.kind === 'exit') this.reportStop(`W${hex2(reason.code & 0xff)}`);
    else if (reason.kind === 'reset') this.reportStop('W00');
    else this.reportStop(`X${hex2(reason.kind === 'halt' ? SIGSEGV : SIGKILL)}`);
    this._state = 'detached';
    return false;
  }

  private stoppedBy(hartId: number): boolean {
    const why = this.stops.lastStop;
    this._state = 'stopped';
    this.gHart = hartId;
    let extra = '';
    if (why?.kind === 'watch') {
      const key: Record<WatchKind, string> = { write: 'watch', read: 'rwatch', access: 'awatch' };
      extra = `${key[why.watch]}:${addrHex(why.addr)};`;
    }
    this.reportStop(`T${hex2(SIGTRAP)}thread:${tid(hartId)};${extra}`);
    return true;
  }

  private reportStop(reply: string): void {
    this.lastStop = reply;
    this.reply(reply);
  }

  // --- packets ------------------------------------------------------------------------------

  private dispatch(data: Uint8Array): void {
    // X and vFile carry binary data; everything else is ASCII.
    const text = asText(data);
    const reply = this.command(text, data);
    if (reply !== undefined) this.reply(reply);
  }

  /** The reply to one packet, or undefined for none (resume commands reply when they stop). */
  private command(p: string, data: Uint8Array): string | undefined {
    const c = p[0];
    switch (c) {
      case '?': return this.lastStop;
      case 'g': return this.readAllRegisters();
      case 'G': return this.writeAllRegisters(p.slice(1));
      case 'p': return this.readOneRegister(p.slice(1));
      case 'P': return this.writeOneRegister(p.slice(1));
      case 'm': return this.readMem(p.slice(1));
      case 'M': return this.writeMemHex(p.slice(1));
      case 'X': return this.writeMemBinary(data);
      case 'H': return this.setThread(p.slice(1));
      case 'T': return this.threadAlive(p.slice(1));
      case 'c': case 's': return this.resumeSimple(c === 's', p.slice(1));
      case 'C': case 'S': return this.resumeSimple(c === 'S', p.slice(1).replace(/^[0-9a-fA-F]{2};?/, ''));
      case 'Z': case 'z': return this.breakpoint(c === 'Z', p.slice(1));
      case 'D': return this.detach();
      case 'k': this.kill(); return undefined;
      case 'q': return this.query(p.slice(1));
      case 'Q': return this.setting(p.slice(1));
      case 'v': return this.vPacket(p.slice(1));
      default: return '';
    }
  }

  private query(q: string): string {
    if (q.startsWith('Supported')) {
      return `PacketSize=${MAX_PACKET.toString(16)};qXfer:features:read+;QStartNoAckMode+;vContSupported+`;
    }
    if (q.startsWith('Xfer:features:read:')) return this.xferFeatures(q.slice('Xfer:features:read:'.length));
    if (q === 'Attached') return '1';
    if (q === 'C') return `QC${tid(this.gHart)}`;
    if (q === 'fThreadInfo') return 'm' + this.machine.harts.map((h) => tid(h.hartId)).join(',');
    if (q === 'sThreadInfo') return 'l';
    if (q.startsWith('ThreadExtraInfo,')) {
      const h = this.hartOf(q.slice('ThreadExtraInfo,'.length));
      if (h === undefined) return E.noThread;
      return toHex(textBytes(`hart ${h.hartId}${h.sleeping ? ' (wfi)' : ''}`));
    }
    if (q.startsWith('Rcmd,')) return this.monitorCommand(q.slice(5));
    if (q === 'Symbol::') return 'OK';
    if (q === 'qemu.PhyMemMode') return this.monitor.physical ? '1' : '0';
    return '';
  }

  private setting(q: string): string {
    if (q === 'StartNoAckMode') {
      // The '+' for this packet has been sent; from now on none are.
      this.noAck = true;
      return 'OK';
    }
    const phys = /^qemu\.PhyMemMode:([01])$/.exec(q);
    if (phys) {
      this.monitor.physical = phys[1] === '1';
      return 'OK';
    }
    return '';
  }

  private vPacket(v: string): string | undefined {
    if (v === 'Cont?') return 'vCont;c;C;s;S';
    if (v.startsWith('Cont;')) return this.vCont(v.slice(5));
    if (v === 'MustReplyEmpty') return '';
    if (v.startsWith('Kill')) {
      this.kill();
      return 'OK';
    }
    return '';
  }

  private xferFeatures(args: string): string {
    const m = /^([^:]+):([0-9a-fA-F]{1,8}),([0-9a-fA-F]{1,8})$/.exec(args);
    if (!m) return E.malformed;
    if (m[1] !== 'target.xml') return E.unsupported;
    const xml = targetXml();
    const off = Number.parseInt(m[2], 16);
    const len = Math.min(Number.parseInt(m[3], 16), MAX_MEMORY);
    if (off > xml.length) return E.malformed;
    const part = xml.slice(off, off + len);
    return (off + len >= xml.length ? 'l' : 'm') + part;
  }

  private monitorCommand(hexText: string): string {
    const bytes = fromHex(hexText);
    if (bytes === undefined) return E.malformed;
    const lines = runMonitor(this.monitor, asText(bytes));
    for (const line of lines) this.reply('O' + toHex(textBytes(line + '\n')));
    return 'OK';
  }

  // --- threads ------------------------------------------------------------------------------

  /** A thread id (hex; 0 = any) → hart, or undefined if there is no such thread. */
  private hartOf(t: string): Hart | undefined {
    if (!/^[0-9a-fA-F]{1,8}$/.test(t)) return undefined;
    const n = Number.parseInt(t, 16);
    return this.machine.harts[n === 0 ? this.gHart : n - 1];
  }

  private setThread(arg: string): string {
    const op = arg[0];
    const t = arg.slice(1);
    if (op !== 'g' && op !== 'c') return E.malformed;
    if (t === '-1') {
      if (op === 'g') return E.malformed;
      this.cHart = -1;
      return 'OK';
    }
    const h = this.hartOf(t);
    if (h === undefined) return E.noThread;
    if (op === 'g') this.gHart = h.hartId;
    else this.cHart = t === '0' ? -1 : h.hartId;
    return 'OK';
  }

  private threadAlive(t: string): string {
    return this.hartOf(t) !== undefined && t !== '0' ? 'OK' : E.noThread;
  }

  private get hart(): Hart {
    return this.machine.harts[this.gHart];
  }

  // --- registers ----------------------------------------------------------------------------

  private readAllRegisters(): string {
    let s = '';
    for (let i = 0; i < G_PACKET_REGS; i++) s += toHex(readRegister(this.hart, i)!);
    return s;
  }

  private writeAllRegisters(hexText: string): string {
    const bytes = fromHex(hexText);
    if (bytes === undefined || bytes.length !== G_PACKET_REGS * 8) return E.malformed;
    for (let i = 0; i < G_PACKET_REGS; i++) if (!writeRegister(this.hart, i, bytes.subarray(i * 8, i * 8 + 8))) return E.malformed;
    return 'OK';
  }

  private readOneRegister(arg: string): string {
    const n = parseHexNumber(arg);
    if (n === undefined) return E.malformed;
    const v = n < REGISTERS.length ? readRegister(this.hart, n) : undefined;
    return v === undefined ? E.malformed : toHex(v);
  }

  private writeOneRegister(arg: string): string {
    const m = /^([0-9a-fA-F]{1,8})=([0-9a-fA-F]*)$/.exec(arg);
    const bytes = m ? fromHex(m[2]) : undefined;
    if (!m || bytes === undefined) return E.malformed;
    return writeRegister(this.hart, Number.parseInt(m[1], 16), bytes) ? 'OK' : E.malformed;
  }

  // --- memory -------------------------------------------------------------------------------

  private readMem(arg: string): string {
    const m = /^([0-9a-fA-F]{1,16}),([0-9a-fA-F]{1,16})$/.exec(arg);
    if (!m) return E.malformed;
    const len = BigInt('0x' + m[2]);
    if (len > BigInt(MAX_MEMORY)) return E.tooLong;
    const bytes = readMemory(this.hart, this.machine.bus, BigInt('0x' + m[1]), Number(len), this.monitor.physical);
    return bytes === undefined ? E.memory : toHex(bytes);
  }

  private writeMemHex(arg: string): string {
    const m = /^([0-9a-fA-F]{1,16}),([0-9a-fA-F]{1,16}):([0-9a-fA-F]*)$/.exec(arg);
    const bytes = m ? fromHex(m[3]) : undefined;
    if (!m || bytes === undefined || BigInt(bytes.length) !== BigInt('0x' + m[2])) return E.malformed;
    return this.writeMem(BigInt('0x' + m[1]), bytes);
  }

  private writeMemBinary(data: Uint8Array): string {
    const colon = data.indexOf(0x3a);
    const m = colon > 0 ? /^X([0-9a-fA-F]{1,16}),([0-9a-fA-F]{1,16})$/.exec(asText(data.subarray(0, colon))) : null;
    if (!m) return E.malformed;
    const bytes = data.subarray(colon + 1);
    if (BigInt(bytes.length) !== BigInt('0x' + m[2])) return E.malformed;
    return this.writeMem(BigInt('0x' + m[1]), bytes);
  }

  private writeMem(addr: bigint, bytes: Uint8Array): string {
    if (bytes.length === 0) return 'OK';
    if (!writeMemory(this.hart, this.machine.bus, addr, bytes, this.monitor.physical)) return E.memory;
    // A hart whose fetch cache holds a page just written must decode it again.
    for (const h of this.machine.harts) h.fetchVBase = NaN;
    return 'OK';
  }

  // --- breakpoints and watchpoints ----------------------------------------------------------

  private breakpoint(insert: boolean, arg: string): string {
    const m = /^([0-4]),([0-9a-fA-F]{1,16}),([0-9a-fA-F]{1,8})(;.*)?$/.exec(arg);
    if (!m) return E.malformed;
    const type = Number(m[1]);
    const addr = signed64(BigInt('0x' + m[2]));
    const len = Number.parseInt(m[3], 16);
    if (type <= 1) {
      if (insert) this.stops.addBreakpoint(addr);
      else this.stops.removeBreakpoint(addr);
    } else {
      const kind: WatchKind = type === 2 ? 'write' : type === 3 ? 'read' : 'access';
      if (len === 0 || len > MAX_MEMORY) return E.malformed;
      if (insert) this.stops.addWatch(kind, addr, len);
      else this.stops.removeWatch(kind, addr, len);
    }
    return 'OK';
  }

  // --- running ------------------------------------------------------------------------------

  private resumeSimple(step: boolean, addr: string): string | undefined {
    const hart = this.cHart >= 0 ? this.machine.harts[this.cHart] : this.hart;
    if (addr !== '') {
      const a = parseHexBig(addr);
      if (a === undefined) return E.malformed;
      hart.pc = signed64(a);
    }
    this.resume(step ? hart.hartId : undefined);
    return undefined;
  }

  /**
   * vCont;ACTION[:THREAD];... — each hart takes the first action that names it or names no
   * thread; a hart no action applies to stays where it is (gdb resumes one thread alone to step
   * over a breakpoint, or with scheduler-locking).
   */
  private vCont(actions: string): string | undefined {
    const chosen: (string | undefined)[] = this.machine.harts.map(() => undefined);
    for (const a of actions.split(';')) {
      const m = /^([cCsS])([0-9a-fA-F]{2})?(?::(-1|[0-9a-fA-F]{1,8}))?$/.exec(a);
      if (!m) return E.malformed;
      const all = m[3] === undefined || m[3] === '-1';
      const h = all ? undefined : this.hartOf(m[3]);
      if (!all && h === undefined) return E.noThread;
      chosen.forEach((c, i) => {
        if (c === undefined && (all || h?.hartId === i)) chosen[i] = m[1].toLowerCase();
      });
    }
    const stepHart = chosen.indexOf('s');
    this.resume(stepHart >= 0 ? stepHart : undefined, chosen.map((c) => c === undefined));
    return undefined;
  }

  private resume(stepHart: number | undefined, parked?: readonly boolean[]): void {
    if (this._state === 'killed') return;
    this.machine.harts.forEach((h, i) => (h.debugParked = parked?.[i] ?? false));
    this.stops.lastStop = undefined;
    this.stops.step(stepHart);
    this.applyHooks();
    this._state = 'running';
    this.interruptPending = false;
  }

  private detach(): string {
    this.release();
    this._state = 'detached';
    return 'OK';
  }

  private kill(): void {
    this.release();
    this._state = 'killed';
  }

  /** Harts consult the hook only while there is something to stop at (none: full speed). */
  private applyHooks(): void {
    const hook = this.stops.idle ? undefined : this.stops;
    for (const h of this.machine.harts) h.debug = hook;
  }

  /** gdb lets go: every hart runs, none is held. */
  private release(): void {
    this.stops.clear();
    this.applyHooks();
    for (const h of this.machine.harts) h.debugParked = false;
  }

  // --- output -------------------------------------------------------------------------------

  private reply(payload: string): void {
    const bytes = textBytes(payload);
    // qXfer replies carry binary data (escaped); no other reply contains $ # } or *.
    this.send(framePacket(bytes, payload.startsWith('l<') || payload.startsWith('m<')));
  }

  private raw(s: string): void {
    this.send(textBytes(s));
  }
}

function tid(hartId: number): string {
  return (hartId + 1).toString(16);
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

function addrHex(a: number): string {
  return BigInt.asUintN(64, BigInt(a)).toString(16);
}

function parseHexNumber(s: string): number | undefined {
  return /^[0-9a-fA-F]{1,8}$/.test(s) ? Number.parseInt(s, 16) : undefined;
}

function parseHexBig(s: string): bigint | undefined {
  return /^[0-9a-fA-F]{1,16}$/.test(s) ? BigInt('0x' + s) : undefined;
}

/** A 64-bit address as rvn holds addresses: sign-extended into a JS number. */
function signed64(v: bigint): number {
  return Number(BigInt.asIntN(64, v));
}
