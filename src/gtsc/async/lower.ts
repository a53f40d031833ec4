/**
 * `async function` and `await` (docs/gtsc.md, "async and await"): an async function f becomes
 * two functions,
 *
 *   f(params) → coroutine       the constructor: takes a frame from the executor's pool, stores
 *                               the resume function, state 0 and the arguments (frame.ts)
 *   f.resume(frame) → 0 | 1     the body as a state machine: a switch on the state picks where
 *                               to go on, values live across an await are reloaded from the
 *                               frame; it returns 0 when it parks (saving them) and 1 when done
 *
 * The body is lowered by the ordinary lowerer (so every construct of the subset works inside
 * async functions), with each `await` lowered here to a suspension point; split.ts then turns
 * the lowered function into the resume function. Only these forms can be awaited:
 *
 *   await g(args)      g an async function of the program: g's coroutine is made and resumed
 *                      in place until it finishes; meanwhile this coroutine parks with it
 *   await suspend()    park until resumed (whoever holds the coroutine decides when)
 */
import ts from 'typescript';
import { fail } from '../diag';
import { fnKey, type Ins, type IrFunction } from '../ir';
import { FnLowerer, type LowerOptions, type StringPool } from '../lower';
import type { Module, Program } from '../program';
import { U64, VOID, valueType, type FnSig, type GType } from '../types';
import type { Val } from '../val';
import { FRAME_ALLOC, FRAME_FREE, FRAME_HEADER, FRAME_RESULT, FRAME_RESUME, FRAME_STATE, resumeSymbol } from './frame';
import { splitCoroutine, type AwaitPoint } from './split';

type FuncNode = ts.FunctionDeclaration;

export function isAsyncFunction(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
}

/** T of an async function's declared `Promise<T>` result. */
export function asyncResultType(prog: Program, mod: Module, node: FuncNode): GType {
  const t = node.type;
  if (!t || !ts.isTypeReferenceNode(t) || !ts.isIdentifier(t.typeName) || t.typeName.text !== 'Promise' || t.typeArguments?.length !== 1) {
    fail(node.name ?? node, 'an async function must declare its result as Promise<T> (Promise<void> when it returns nothing)');
  }
  return valueType(prog.resolveType(mod, t.typeArguments[0]!));
}

function strip(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

/** The lowerer of an async function's body: `await` becomes a suspension point. */
class AsyncBodyLowerer extends FnLowerer {
  readonly awaits: AwaitPoint[] = [];

  override expr(e: ts.Expression): Val {
    if (ts.isAwaitExpression(e)) return this.awaitExpr(e);
    return super.expr(e);
  }

  private awaitExpr(e: ts.AwaitExpression): Val {
    const x = strip(e.expression);
    if (!ts.isCallExpression(x)) fail(e.expression, 'await takes a call of an async function: await f(...)');
    const callee = strip(x.expression);
    if (!ts.isIdentifier(callee) || this.isLocal(callee.text)) {
      fail(callee, 'await needs an async function called by its name (not through a function pointer or a method)');
    }
    const s = this.prog.lookup(this.mod, callee.text, callee);
    if (s && s.k === 'intrinsic' && s.name === 'suspend') return this.suspendPoint(x);
    if (!s || s.k !== 'func' || !isAsyncFunction(s.node) || !s.node.body) {
      fail(callee, `'${callee.text}' is not an async function of the program: only the call of one can be awaited`);
    }
    const local = !s.mod.exported.has(s.sym);
    return this.childPoint(x, { sym: s.sym, key: fnKey(s.mod.name, s.sym), local }, this.prog.funcSig(s), asyncResultType(this.prog, s.mod, s.node));
  }

  /**
   * A marker at the start of the block execution goes on from when resumed: an instruction
   * with a text no other has (the lowerer's clean-ups may copy instructions), found and dropped
   * by split.ts.
   */
  private resumeMark(): string {
    const text = `# resume point ${this.awaits.length + 1}`;
    this.emit({ op: 'raw', text, d: undefined, uses: [] });
    return text;
  }

  /** `await suspend()`: park; go on after it when resumed. */
  private suspendPoint(call: ts.CallExpression): Val {
    if (call.arguments.length !== 0) fail(call, 'suspend() takes no arguments');
    const after = this.newBlock();
    const park = this.newBlock();
    const branch = this.vreg(); // split.ts makes this branch go to `park`
    this.end({ op: 'br', cmp: 'ne', a: branch, b: 0, t: after.id, f: park.id });
    this.enter(park);
    const parked = this.vreg();
    this.end({ op: 'ret', a: parked });
    this.enter(after);
    this.awaits.push({ parked, resume: this.resumeMark(), branch });
    return { t: VOID, imm: 0n };
  }

  /** `await g(args)`: make g's coroutine, resume it until it finishes, take its result, free it. */
  private childPoint(call: ts.CallExpression, g: { sym: string; key: string; local: boolean }, sig: FnSig, result: GType): Val {
    const child = this.reg(this.emitCall(call, g.sym, sig, g.key, g.local));
    const poll = this.newBlock();
    const done = this.newBlock();
    const park = this.newBlock();
    this.jump(poll);
    this.enter(poll);
    const resume = this.resumeMark();
    const finished = this.temp();
    this.emit({ op: 'call', target: resumeSymbol(g.sym), args: [child], argRegs: [10], d: finished, ...(g.local ? { local: true } : {}) });
    this.end({ op: 'br', cmp: 'ne', a: finished, b: 0, t: done.id, f: park.id });
    this.enter(park);
    const parked = this.vreg();
    this.end({ op: 'ret', a: parked });
    this.enter(done);
    this.awaits.push({ parked, resume });
    let v: Val = { t: VOID, imm: 0n };
    if (result.k !== 'void') {
      const d = this.temp();
      this.emit({ op: 'ld', size: 8, signed: false, d, a: child, off: FRAME_RESULT });
      v = { t: result, r: d };
    }
    this.emit({ op: 'call', target: FRAME_FREE, args: [child], argRegs: [10], d: undefined });
    return v;
  }
}

/** The constructor f(params): a frame from the pool with the resume function, state 0 and the arguments. */
function constructorFn(module: string, name: string, global: boolean, params: number, frameSize: number, resume: string): IrFunction {
  const ps = Array.from({ length: params }, (_, k) => k + 1);
  const size = params + 1, frame = params + 2, fn = params + 3;
  const ins: Ins[] = [
    { op: 'li', d: size, imm: BigInt(frameSize) },
    { op: 'call', target: FRAME_ALLOC, args: [size], argRegs: [10], d: frame },
    { op: 'la', d: fn, sym: resume, ...(global ? {} : { local: true as const }) },
    { op: 'st', size: 8, a: frame, b: fn, off: FRAME_RESUME },
    { op: 'st', size: 8, a: frame, b: 0, off: FRAME_STATE },
    ...ps.map((p, k): Ins => ({ op: 'st', size: 8, a: frame, b: p, off: FRAME_HEADER + 8 * k })),
  ];
  return {
    name, key: fnKey(module, name), module, global, params: ps, blocks: [{ id: 0, ins, term: { op: 'ret', a: frame } }],
    nextVreg: params + 4, slots: [], hints: new Map([...ps.map((p, k): [number, number] => [p, 10 + k]), [frame, 10]]),
    temps: new Set(),
  };
}

/** Lowers async function `node`: its constructor and its resume function. */
export function lowerAsyncFunction(
  prog: Program, mod: Module, node: FuncNode, sig: FnSig, strings: StringPool, global: boolean, options: LowerOptions,
): IrFunction[] {
  if (node.asteriskToken) fail(node, 'async generator functions are not supported in guest code');
  const name = node.name!.text;
  const result = asyncResultType(prog, mod, node);
  if (sig.ret !== U64 && !(sig.ret.k === 'int' && sig.ret.name === 'u64')) fail(node, 'an async function returns its coroutine');
  const lowerer = new AsyncBodyLowerer(prog, mod, node, { params: sig.params, ret: result }, strings, global, options);
  const body = lowerer.lower();
  const split = splitCoroutine(body, lowerer.awaits, resumeSymbol(name), result.k !== 'void');
  return [constructorFn(mod.name, name, global, sig.params.length, split.frameSize, split.fn.name), split.fn];
}
