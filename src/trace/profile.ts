/**
 * `--profile`: cycles per hart and function, from the hart's cycle counter.
 *
 * Attribution: at every observed event (a commit or a trap) the cycles the hart's counter
 * advanced since the previous event go to one call-tree node, so the timing model's cost of
 * an instruction lands on the function holding that instruction, and all nodes together add
 * up exactly to the cycles the hart ran while observed.
 * - commit: the node of the function holding c.pc (the shadow stack's top; if the top frame
 *   names another function, control got there without a call, e.g. a tail call or a context
 *   switch, and the top frame is replaced by that function).
 * - trap: a "[trap]" child of the current stack gets the trap entry cost (and, for ecall and
 *   ebreak, the instruction's own cost, which the hart charges before trapping); then a trap
 *   frame for the handler's function is pushed.
 * - WFI that parks the hart: the gap up to the next event (sleep plus that event's cost)
 *   goes to an "[idle]" child of the current stack.
 * Call/return rules (shadow stack per hart) are the unprivileged spec's return-address-stack
 * hints (insn.ts jumpKind): calls push the callee (function at the next pc) and count a call;
 * returns pop a call frame (never a trap frame or the last frame); xRET pops up to and
 * including the most recent trap frame, or clears the stack if there is none (e.g. the first
 * mret from firmware into the kernel).
 *
 * Threads (option `threads`): with rvn's kernel, each thread has its own shadow stack under a
 * root frame "[thread NAME]" (the kernel's switch hints, src/trace/kernel.ts): at a switch the
 * hart's stack is put aside and the next thread's taken up where it was left, so what a thread
 * does, kernel entries included, is charged under its own root. Cycles before the first switch
 * go to no thread; idle is the thread "idle", whose stack starts anew at each switch to it (the
 * kernel's idle loop is entered afresh each time, never resumed where it was left).
 */
import type { CommitInfo, Hart, HartObserver } from '../cpu/hart';
import { CallTree, FunctionNames, ROOT } from './calltree';
import { JumpKind, isWfi, jumpKind, xretLevel } from './insn';
import { HintKind, ThreadNames, hintKind, hintValue } from './kernel';
import { UNKNOWN } from './symbols';

/** The kernel's thread id of the idle loop (src/trace/kernel.ts). */
const IDLE_THREAD = 0;
import type { Symbolizer } from './symbols';

const MAX_DEPTH = 4096;
const TRAP = '[trap]';
const IDLE = '[idle]';

class HartProfile {
  readonly tree = new CallTree();
  /** Shadow stack: call-tree nodes and whether each frame was entered by a trap. */
  readonly nodes: number[] = [];
  readonly isTrap: boolean[] = [];
  calls: number[] = [];
  lastCycle: number;
  readonly startCycle: number;
  readonly startInstret: number;
  idle = false;
  dropped = 0;
  /** Frames at the bottom that returns and xRETs never pop (the thread root frame: 1). */
  base = 0;
  /** Threads option: the running thread's id (-1 before the first switch) and the others' stacks. */
  thread = -1;
  readonly parked = new Map<number, { nodes: number[]; isTrap: boolean[] }>();

  constructor(hart: Hart) {
    this.lastCycle = hart.cycle;
    this.startCycle = hart.cycle;
    this.startInstret = hart.instret;
  }

  top(): number {
    const n = this.nodes.length;
    return n === 0 ? ROOT : this.nodes[n - 1];
  }
}

export interface FunctionProfile {
  name: string;
  selfCycles: number;
  inclusiveCycles: number;
  instructions: number;
  calls: number;
}

export interface HartProfileReport {
  hart: number;
  cycles: number;
  instructions: number;
  /** Sorted by self cycles (descending), then name. */
  functions: FunctionProfile[];
  /** Folded stacks: "f1;f2;f3" → self cycles (non-zero only), in call-tree order. */
  stacks: [string, number][];
}

export interface ProfilerOptions {
  /** A shadow stack per kernel thread, under a "[thread NAME]" root frame (see above). */
  threads?: boolean;
}

/** Entries of the profiler's function cache (a power of two). */
const FN_CACHE = 256;

export class Profiler implements HartObserver {
  private readonly names = new FunctionNames();
  private readonly harts: HartProfile[] = [];
  private readonly trapId: number;
  private readonly idleId: number;
  private readonly threads: ThreadNames | undefined;

  constructor(private readonly symbols: Symbolizer, options: ProfilerOptions = {}) {
    this.trapId = this.names.id(TRAP);
    this.idleId = this.names.id(IDLE);
    this.threads = options.threads === true ? new ThreadNames() : undefined;
  }

  /** Starts profiling a hart (its cycles from now on are accounted for). */
  attach(hart: Hart): void {
    this.harts[hart.hartId] = new HartProfile(hart);
  }

  /**
   * Function id at addr. Symbol ranges found are cached, direct-mapped by the address's 16-byte
   * granule: several harts, a call and its return, a trap and its handler each keep their
   * function's entry (one shared entry was missed at nearly every hart switch of a two-hart
   * kernel, each miss a search of the symbols and a name lookup).
   */
  private fn(addr: number): number {
    const i = (addr >>> 4) & (FN_CACHE - 1);
    if (addr >= this.cacheStart[i] && addr < this.cacheEnd[i]) return this.cacheId[i];
    const r = this.symbols.rangeAt(addr);
    if (r === undefined) return this.names.id(UNKNOWN);
    this.cacheStart[i] = r.start;
    this.cacheEnd[i] = r.end;
    this.cacheId[i] = this.names.id(r.name);
    return this.cacheId[i];
  }
  /** The cache of fn(): per entry a range [start, end) and its function id (empty: start > end). */
  private readonly cacheStart = new Float64Array(FN_CACHE).fill(1);
  private readonly cacheEnd = new Float64Array(FN_CACHE);
  private readonly cacheId = new Int32Array(FN_CACHE);

  /** Charges the cycles since the last event to `node`, or to [idle] after a parking WFI. */
  private charge(p: HartProfile, hart: Hart, node: number, insns: number): void {
    const delta = hart.cycle - p.lastCycle;
    p.lastCycle = hart.cycle;
    const t = p.tree;
    if (p.idle) {
      p.idle = false;
      t.cycles[t.child(p.top(), this.idleId)] += delta;
    } else t.cycles[node] += delta;
    t.insns[node] += insns;
  }

  /** Makes the top frame name function f (pushing a root frame on an empty stack). */
  private ensureTop(p: HartProfile, f: number): number {
    const t = p.tree;
    const n = p.nodes.length;
    if (n === p.base) {
      const node = t.child(n === 0 ? ROOT : p.nodes[n - 1], f);
      p.nodes.push(node);
      p.isTrap.push(false);
      return node;
    }
    const top = p.nodes[n - 1];
    if (t.func[top] === f) return top;
    const node = t.child(t.parent[top], f);
    p.nodes[n - 1] = node;
    return node;
  }

  private push(p: HartProfile, f: number, trap: boolean): void {
    if (p.nodes.length >= MAX_DEPTH) {
      p.dropped++;
      return;
    }
    p.nodes.push(p.tree.child(p.top(), f));
    p.isTrap.push(trap);
    if (!trap) p.calls[f] = (p.calls[f] ?? 0) + 1;
  }

  private popCall(p: HartProfile): void {
    const n = p.nodes.length;
    if (n > p.base + 1 && !p.isTrap[n - 1]) {
      p.nodes.pop();
      p.isTrap.pop();
    }
  }

  private popTrap(p: HartProfile): void {
    while (p.nodes.length > p.base) {
      p.nodes.pop();
      if (p.isTrap.pop() === true) return;
    }
  }

  /** Threads option: the hart runs thread `id` from now on; its stack is taken up where it was left. */
  private switchThread(p: HartProfile, id: number): void {
    if (id === p.thread) return;
    // before the first switch the stack is the boot code's, no thread's: it is dropped
    const nodes = p.nodes.splice(0), isTrap = p.isTrap.splice(0);
    if (p.thread >= 0) p.parked.set(p.thread, { nodes, isTrap });
    p.thread = id;
    // The idle thread (id 0) is no context the kernel switches back into: each time the hart
    // idles, the kernel enters its idle loop afresh from where it is, so idle starts a new stack.
    const back = id === IDLE_THREAD ? undefined : p.parked.get(id);
    if (back !== undefined) {
      p.nodes.push(...back.nodes);
      p.isTrap.push(...back.isTrap);
    } else {
      p.nodes.push(p.tree.child(ROOT, this.names.id(`[thread ${this.threads!.name(id)}]`)));
      p.isTrap.push(false);
    }
    p.base = 1;
  }

  commit(hart: Hart, c: Readonly<CommitInfo>): void {
    const p = this.harts[hart.hartId];
    if (p === undefined) return;
    const node = this.ensureTop(p, this.fn(c.pc));
    this.charge(p, hart, node, 1);
    if (this.threads !== undefined) {
      const k = hintKind(c.word);
      if (k === HintKind.Thread) this.threads.learn(hart, hintValue(hart, c.word));
      else if (k === HintKind.Switch) return this.switchThread(p, hintValue(hart, c.word));
    }
    if (xretLevel(c.word) >= 0) return this.popTrap(p);
    const k = jumpKind(c.word, c.len);
    if (k === JumpKind.Return || k === JumpKind.ReturnCall) this.popCall(p);
    if (k === JumpKind.Call || k === JumpKind.ReturnCall) this.push(p, this.fn(hart.pc), false);
    if (hart.sleeping && isWfi(c.word)) p.idle = true;
  }

  trap(hart: Hart): void {
    const p = this.harts[hart.hartId];
    if (p === undefined) return;
    this.charge(p, hart, p.tree.child(p.top(), this.trapId), 0);
    this.push(p, this.fn(hart.pc), true);
  }

  /** Charges the cycles since the last event (the end of the run) and builds the reports. */
  report(harts: readonly Hart[]): HartProfileReport[] {
    const out: HartProfileReport[] = [];
    for (const hart of harts) {
      const p = this.harts[hart.hartId];
      if (p === undefined) continue;
      if (hart.cycle !== p.lastCycle || p.idle) {
        const top = p.top();
        this.charge(p, hart, top === ROOT ? p.tree.child(ROOT, this.names.id(UNKNOWN)) : top, 0);
      }
      out.push(this.hartReport(hart, p));
    }
    return out;
  }

  private hartReport(hart: Hart, p: HartProfile): HartProfileReport {
    const t = p.tree;
    const names = this.names.names;
    const { self, incl, insns } = t.perFunction(names.length);
    const functions: FunctionProfile[] = [];
    for (let f = 0; f < names.length; f++) {
      const calls = p.calls[f] ?? 0;
      if (self[f] === 0 && incl[f] === 0 && insns[f] === 0 && calls === 0) continue;
      functions.push({ name: names[f], selfCycles: self[f], inclusiveCycles: incl[f], instructions: insns[f], calls });
    }
    functions.sort((a, b) => b.selfCycles - a.selfCycles || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const stacks: [string, number][] = [];
    for (let n = 1; n < t.size; n++) {
      if (t.cycles[n] !== 0) stacks.push([t.path(n).map((f) => names[f]).join(';'), t.cycles[n]]);
    }
    return {
      hart: hart.hartId,
      cycles: hart.cycle - p.startCycle,
      instructions: hart.instret - p.startInstret,
      functions,
      stacks,
    };
  }
}
