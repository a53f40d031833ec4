/**
 * Lowering of one guest function from the TypeScript syntax tree to IR. Locals are virtual
 * registers (mutable, not SSA); liveness and the allocator take it from there.
 */
import ts from 'typescript';
import { arith, type ArithOp } from './arith';
import { fail, unsupported, unsupportedNode } from './diag';
import { INTRINSICS } from './intrinsics';
import { fnKey, type Block, type Cmp, type Ins, type IrFunction, type SourceLoc, type Term } from './ir';
import { parseIntLiteral, zeroedType, type GlobalSym, type Module, type Program } from './program';
import {
  BOOL, I64, INTS, isScalar, isUnsigned, memAccess, PTR_U8, sizeOf, typeName, U64, valueType, VOID, wrapConst,
  type FnSig, type GType,
} from './types';
import type { LowerApi, Val } from './val';

type Local =
  | { k: 'var'; r: number; t: GType }
  | { k: 'const'; v: bigint; t: GType }
  | { k: 'stack'; slot: number; t: GType };

type Place =
  | { k: 'var'; local: Extract<Local, { k: 'var' }> }
  | { k: 'mem'; base: number; off: number; t: GType };

export interface StringPool {
  label(bytes: string): string;
}

export interface LowerOptions {
  /** Lowering-time optimisations (strength reduction, a first loop test known at compile time). */
  optimize: boolean;
}

const K = ts.SyntaxKind;
const ARITH: Partial<Record<ts.SyntaxKind, ArithOp>> = {
  [K.PlusToken]: '+', [K.MinusToken]: '-', [K.AsteriskToken]: '*', [K.SlashToken]: '/', [K.PercentToken]: '%',
  [K.AmpersandToken]: '&', [K.BarToken]: '|', [K.CaretToken]: '^', [K.LessThanLessThanToken]: '<<',
  [K.GreaterThanGreaterThanToken]: '>>', [K.GreaterThanGreaterThanGreaterThanToken]: '>>>',
};
const COMPOUND: Partial<Record<ts.SyntaxKind, ArithOp>> = {
  [K.PlusEqualsToken]: '+', [K.MinusEqualsToken]: '-', [K.AsteriskEqualsToken]: '*', [K.SlashEqualsToken]: '/',
  [K.PercentEqualsToken]: '%', [K.AmpersandEqualsToken]: '&', [K.BarEqualsToken]: '|', [K.CaretEqualsToken]: '^',
  [K.LessThanLessThanEqualsToken]: '<<', [K.GreaterThanGreaterThanEqualsToken]: '>>',
  [K.GreaterThanGreaterThanGreaterThanEqualsToken]: '>>>',
};
type Rel = 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne';
const RELS: Partial<Record<ts.SyntaxKind, Rel>> = {
  [K.LessThanToken]: 'lt', [K.LessThanEqualsToken]: 'le', [K.GreaterThanToken]: 'gt', [K.GreaterThanEqualsToken]: 'ge',
  [K.EqualsEqualsToken]: 'eq', [K.EqualsEqualsEqualsToken]: 'eq', [K.ExclamationEqualsToken]: 'ne', [K.ExclamationEqualsEqualsToken]: 'ne',
};

const fits12 = (v: bigint | number): boolean => v >= -2048 && v <= 2047;

export class FnLowerer implements LowerApi {
  readonly fn: IrFunction;
  private cur: Block;
  private readonly all: Block[] = [];
  private readonly order: Block[] = [];
  private readonly scopes: Map<string, Local>[] = [new Map()];
  private readonly loops: { brk: Block; cont: Block | undefined }[] = [];
  private readonly temps: Set<number>;
  readonly optimize: boolean;

  constructor(
    protected readonly prog: Program,
    protected readonly mod: Module,
    private readonly node: ts.FunctionDeclaration,
    private readonly sig: FnSig,
    private readonly strings: StringPool,
    global: boolean,
    options: LowerOptions,
  ) {
    const name = node.name!.text;
    this.temps = new Set();
    this.fn = {
      name, key: fnKey(mod.name, name), module: mod.name, global, params: [], blocks: [], nextVreg: 1, slots: [],
      hints: new Map(), temps: this.temps,
    };
    this.optimize = options.optimize;
    this.fn.src = this.sourceLoc(node);
    this.cur = this.newBlock();
    this.enter(this.cur);
  }

  lower(): IrFunction {
    this.node.parameters.forEach((p, k) => {
      if (!ts.isIdentifier(p.name)) fail(p, 'destructuring is not supported in guest code');
      const r = this.vreg();
      this.fn.params.push(r);
      this.fn.hints.set(r, 10 + k);
      this.declare(p.name.text, { k: 'var', r, t: this.sig.params[k]! }, p);
    });
    for (const st of this.node.body!.statements) this.stmt(st);
    if (this.cur.term.op === 'none') this.cur.term = { op: 'ret', a: undefined };
    this.finish();
    return this.fn;
  }

  // ---- blocks -------------------------------------------------------------------------------
  protected newBlock(): Block {
    const b: Block = { id: this.all.length, ins: [], term: { op: 'none' } };
    this.all.push(b);
    return b;
  }
  protected enter(b: Block): void { this.cur = b; this.order.push(b); }
  protected end(t: Term): void { if (this.cur.term.op === 'none') this.cur.term = t; }
  protected jump(b: Block): void { this.end({ op: 'j', t: b.id }); }
  emit(i: Ins): void {
    if (this.cur.term.op !== 'none') this.enter(this.newBlock());
    if (this.src !== undefined && i.src === undefined) i.src = this.src;
    this.cur.ins.push(i);
  }

  /** The statement being lowered (instructions emitted now come from it). */
  private src: SourceLoc | undefined;

  private sourceLoc(node: ts.Node): SourceLoc {
    const sf = this.mod.sf;
    return { file: sf.fileName, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 };
  }

  /** Thread jumps through empty blocks, drop unreachable blocks, number blocks in layout order. */
  private finish(): void {
    const target = (id: number): number => {
      let b = this.all[id]!, guard = 0;
      while (b.ins.length === 0 && b.term.op === 'j' && guard++ < 50) b = this.all[b.term.t]!;
      return b.id;
    };
    for (const b of this.all) {
      if (b.term.op === 'j') b.term = { op: 'j', t: target(b.term.t) };
      if (b.term.op === 'br') {
        const t = target(b.term.t), f = target(b.term.f);
        b.term = t === f ? { op: 'j', t } : { ...b.term, t, f };
      }
      if (b.term.op === 'none') b.term = { op: 'ret', a: undefined };
    }
    const reach = new Set<number>();
    const work = [this.order[0]!.id];
    while (work.length) {
      const id = work.pop()!;
      if (reach.has(id)) continue;
      reach.add(id);
      const t = this.all[id]!.term;
      if (t.op === 'j') work.push(t.t);
      if (t.op === 'br') work.push(t.t, t.f);
    }
    const kept = this.order.filter((b) => reach.has(b.id));
    const renum = new Map(kept.map((b, k) => [b.id, k]));
    this.fn.blocks = kept.map((b, k) => {
      const t = b.term;
      const term: Term = t.op === 'j' ? { op: 'j', t: renum.get(t.t)! } : t.op === 'br' ? { ...t, t: renum.get(t.t)!, f: renum.get(t.f)! } : t;
      return { id: k, ins: b.ins, term };
    });
  }

  // ---- registers and scopes ---------------------------------------------------------------
  protected vreg(): number { return this.fn.nextVreg++; }
  temp(): number { const r = this.vreg(); this.temps.add(r); return r; }

  reg(v: Val): number {
    if (v.r !== undefined) return v.r;
    if (v.imm === 0n) return 0;
    const d = this.temp();
    this.emit({ op: 'li', d, imm: v.imm });
    return d;
  }

  private declare(name: string, l: Local, at: ts.Node): void {
    const s = this.scopes[this.scopes.length - 1]!;
    if (s.has(name)) fail(at, `'${name}' is declared twice`);
    s.set(name, l);
  }

  private local(name: string): Local | undefined {
    for (let k = this.scopes.length - 1; k >= 0; k--) {
      const l = this.scopes[k]!.get(name);
      if (l) return l;
    }
    return undefined;
  }

  /** A local of the function (which shadows module-level names) is called `name`. */
  protected isLocal(name: string): boolean {
    return this.local(name) !== undefined;
  }

  private scoped(f: () => void): void {
    this.scopes.push(new Map());
    try { f(); } finally { this.scopes.pop(); }
  }

  // ---- LowerApi ---------------------------------------------------------------------------
  constValue(e: ts.Expression): bigint | undefined {
    const consts = new Map<string, bigint>();
    for (const s of this.scopes) for (const [n, l] of s) { if (l.k === 'const') consts.set(n, l.v); else consts.delete(n); }
    return this.prog.constValue(this.mod, e, consts);
  }

  typeArg(call: ts.CallExpression, k: number): GType | undefined {
    const n = call.typeArguments?.[k];
    return n ? this.prog.resolveType(this.mod, n) : undefined;
  }

  address(e: ts.Expression): { base: number; off: number } {
    const x = strip(e);
    if (ts.isBinaryExpression(x) && (x.operatorToken.kind === K.PlusToken || x.operatorToken.kind === K.MinusToken)) {
      const k = this.constValue(x.right);
      if (k !== undefined) {
        const off = x.operatorToken.kind === K.PlusToken ? k : -k;
        const inner = this.address(x.left);
        return this.offsetAddr(inner.base, BigInt(inner.off) + off);
      }
    }
    const v = this.expr(x);
    if (v.r === undefined) {
      const lo = BigInt.asIntN(12, v.imm);
      return this.offsetAddr(this.reg({ t: U64, imm: v.imm - lo }), lo);
    }
    return { base: v.r, off: 0 };
  }

  private offsetAddr(base: number, off: bigint): { base: number; off: number } {
    if (fits12(off)) return { base, off: Number(off) };
    const v = arith(this, '+', { t: U64, r: base }, { t: U64, imm: off }, true);
    return { base: v.r!, off: 0 };
  }

  /** Bring a value into the range of an integer type when it might not already be. */
  convert(v: Val, to: GType): Val {
    if (to.k !== 'int') return v.r !== undefined ? { t: to, r: v.r } : { t: to, imm: v.imm };
    if (v.r === undefined) return { t: to, imm: wrapConst(v.imm, to) };
    if (fitsIn(v.t, to)) return { t: to, r: v.r };
    const d = this.temp();
    const a = v.r;
    if (to.name === 'bool') this.emit({ op: 'unary', fn: 'snez', d, a });
    else {
      const { size, signed } = INTS[to.name];
      if (size === 8) return { t: to, r: a };
      this.emit({ op: 'ext', signed, bits: (size * 8) as 8 | 16 | 32, d, a });
    }
    return { t: to, r: d };
  }

  // ---- statements -------------------------------------------------------------------------
  private stmt(s: ts.Statement): void {
    if (ts.isBlock(s)) return this.scoped(() => s.statements.forEach((x) => this.stmt(x)));
    this.src = this.sourceLoc(s);
    if (ts.isExpressionStatement(s)) { this.exprDiscard(s.expression); return; }
    if (ts.isVariableStatement(s)) return this.varStmt(s.declarationList);
    if (ts.isIfStatement(s)) return this.ifStmt(s);
    if (ts.isWhileStatement(s)) return this.loop(undefined, s.expression, undefined, s.statement);
    if (ts.isForStatement(s)) return this.scoped(() => this.loop(s.initializer, s.condition, s.incrementor, s.statement));
    if (ts.isDoStatement(s)) return this.doStmt(s);
    if (ts.isReturnStatement(s)) return this.ret(s);
    if (ts.isBreakStatement(s) || ts.isContinueStatement(s)) return this.breakContinue(s);
    if (ts.isSwitchStatement(s)) return this.switchStmt(s);
    if (ts.isEmptyStatement(s)) return;
    if (ts.isFunctionDeclaration(s)) unsupported(s, 'a nested function');
    unsupportedNode(s);
  }

  private varStmt(list: ts.VariableDeclarationList): void {
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const d of list.declarations) {
      if (!ts.isIdentifier(d.name)) fail(d, 'destructuring is not supported in guest code');
      const name = d.name.text;
      const zt = zeroedType(d.initializer);
      const declared = zt ? this.prog.resolveType(this.mod, zt) : d.type ? this.prog.resolveType(this.mod, d.type) : undefined;
      if (declared && (declared.k === 'arr' || declared.k === 'struct')) {
        this.stackObject(name, declared, d);
        continue;
      }
      if (isConst && d.initializer) {
        const k = this.constValue(d.initializer);
        if (k !== undefined) {
          const t = declared ?? I64;
          this.declare(name, { k: 'const', v: wrapConst(k, t), t }, d);
          continue;
        }
      }
      const init = d.initializer ? this.expr(d.initializer) : undefined;
      if (init && init.t.k === 'void') fail(d.initializer!, 'this expression has no value');
      const t = declared ?? (init ? (init.t.k === 'int' && init.r === undefined ? I64 : init.t) : I64);
      const local: Extract<Local, { k: 'var' }> = { k: 'var', r: this.vreg(), t };
      if (init) this.assignVar(local, init);
      this.declare(name, local, d);
    }
  }

  private stackObject(name: string, t: GType, d: ts.VariableDeclaration): void {
    const init = d.initializer ? strip(d.initializer) : undefined;
    const isZeroed = init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'zeroed';
    if (!isZeroed) fail(d, `a local of type ${typeName(t)} must be initialised with zeroed()`);
    const size = Math.ceil(sizeOf(t) / 8) * 8;
    const slot = this.fn.slots.length;
    this.fn.slots.push({ size, align: 8 });
    this.declare(name, { k: 'stack', slot, t }, d);
    const base = this.temp();
    this.emit({ op: 'frame', d: base, slot });
    if (size <= 256) {
      for (let off = 0; off < size; off += 8) this.emit({ op: 'st', size: 8, a: base, b: 0, off });
      return;
    }
    const p = this.temp(), endP = this.temp();
    this.emit({ op: 'mv', d: p, a: base });
    const sz = this.reg({ t: I64, imm: BigInt(size) });
    this.emit({ op: 'alu', fn: 'add', d: endP, a: base, b: sz });
    const body = this.newBlock(), after = this.newBlock();
    this.jump(body);
    this.enter(body);
    this.emit({ op: 'st', size: 8, a: p, b: 0, off: 0 });
    this.emit({ op: 'alui', fn: 'addi', d: p, a: p, imm: 8 });
    this.end({ op: 'br', cmp: 'ltu', a: p, b: endP, t: body.id, f: after.id });
    this.enter(after);
  }

  private ifStmt(s: ts.IfStatement): void {
    const then = this.newBlock(), els = this.newBlock(), after = s.elseStatement ? this.newBlock() : els;
    this.cond(s.expression, then, els);
    this.enter(then);
    this.scoped(() => this.stmt(s.thenStatement));
    this.jump(after);
    if (s.elseStatement) {
      this.enter(els);
      this.scoped(() => this.stmt(s.elseStatement!));
      this.jump(after);
    }
    this.enter(after);
  }

  /** Loops are laid out with the test at the bottom: one branch per iteration. */
  private loop(init: ts.ForInitializer | undefined, test: ts.Expression | undefined, incr: ts.Expression | undefined, body: ts.Statement): void {
    if (init) {
      if (ts.isVariableDeclarationList(init)) this.varStmt(init);
      else this.exprDiscard(init);
    }
    const bodyB = this.newBlock(), contB = this.newBlock(), exitB = this.newBlock();
    const entry = !test ? true : this.optimize ? this.initialTest(init, test) : undefined;
    if (entry === undefined) this.cond(test!, bodyB, exitB);
    else this.jump(entry ? bodyB : exitB);
    this.enter(bodyB);
    this.loops.push({ brk: exitB, cont: contB });
    this.scoped(() => this.stmt(body));
    this.loops.pop();
    this.jump(contB);
    this.enter(contB);
    if (incr) this.exprDiscard(incr);
    if (test) this.cond(test, bodyB, exitB);
    else this.jump(bodyB);
    this.enter(exitB);
  }

  /**
   * The first evaluation of `for (let i = K; i < N; ...)` when both K and N are constants
   * (the loop then enters its body without a test); undefined when not known.
   */
  private initialTest(init: ts.ForInitializer | undefined, test: ts.Expression): boolean | undefined {
    if (!init || !ts.isVariableDeclarationList(init) || init.declarations.length !== 1) return undefined;
    const d = init.declarations[0]!;
    const t = strip(test);
    if (!ts.isIdentifier(d.name) || !d.initializer || !ts.isBinaryExpression(t)) return undefined;
    const rel = RELS[t.operatorToken.kind];
    const lhs = strip(t.left);
    if (!rel || !ts.isIdentifier(lhs) || lhs.text !== d.name.text) return undefined;
    const local = this.local(d.name.text);
    if (!local || local.k !== 'var') return undefined;
    const k = this.constValue(d.initializer), n = this.constValue(t.right);
    if (k === undefined || n === undefined) return undefined;
    const v = wrapConst(k, local.t);
    return relHolds(rel, v, n, isUnsigned(local.t));
  }

  private doStmt(s: ts.DoStatement): void {
    const bodyB = this.newBlock(), contB = this.newBlock(), exitB = this.newBlock();
    this.jump(bodyB);
    this.enter(bodyB);
    this.loops.push({ brk: exitB, cont: contB });
    this.scoped(() => this.stmt(s.statement));
    this.loops.pop();
    this.jump(contB);
    this.enter(contB);
    this.cond(s.expression, bodyB, exitB);
    this.enter(exitB);
  }

  private ret(s: ts.ReturnStatement): void {
    if (s.expression) {
      if (this.sig.ret.k === 'void') {
        // `return f()` with f void (as TypeScript allows): the call, then a plain return
        if (!ts.isCallExpression(strip(s.expression))) fail(s, 'a void function cannot return a value');
        this.exprDiscard(s.expression);
        this.end({ op: 'ret', a: undefined });
        return;
      }
      this.retValue(s.expression);
    } else {
      this.end({ op: 'ret', a: undefined });
    }
  }

  /** `return c ? a : b` returns from each arm (no merge register to keep alive). */
  private retValue(e: ts.Expression): void {
    const x = strip(e);
    if (ts.isConditionalExpression(x) && this.constValue(x.condition) === undefined) {
      const t = this.newBlock(), f = this.newBlock();
      this.cond(x.condition, t, f);
      this.enter(t);
      this.retValue(x.whenTrue);
      this.enter(f);
      this.retValue(x.whenFalse);
      return;
    }
    const v = this.convert(this.value(e), this.sig.ret);
    this.end({ op: 'ret', a: this.reg(v) });
  }

  private breakContinue(s: ts.BreakStatement | ts.ContinueStatement): void {
    if (s.label) unsupported(s, 'a labelled break/continue');
    const isBreak = ts.isBreakStatement(s);
    for (let k = this.loops.length - 1; k >= 0; k--) {
      const l = this.loops[k]!;
      const t = isBreak ? l.brk : l.cont;
      if (t) { this.jump(t); return; }
    }
    fail(s, `'${isBreak ? 'break' : 'continue'}' outside a loop`);
  }

  private switchStmt(s: ts.SwitchStatement): void {
    const x = this.reg(this.expr(s.expression));
    const exitB = this.newBlock();
    const clauses = s.caseBlock.clauses;
    const bodies = clauses.map(() => this.newBlock());
    let defaultB = exitB;
    clauses.forEach((c, k) => {
      if (ts.isDefaultClause(c)) { defaultB = bodies[k]!; return; }
      const v = this.constValue(c.expression);
      if (v === undefined) fail(c.expression, 'a case label must be a constant');
      const next = this.newBlock();
      this.end({ op: 'br', cmp: 'eq', a: x, b: this.reg({ t: I64, imm: v }), t: bodies[k]!.id, f: next.id });
      this.enter(next);
    });
    this.jump(defaultB);
    this.loops.push({ brk: exitB, cont: undefined });
    this.scoped(() => {
      clauses.forEach((c, k) => {
        this.enter(bodies[k]!);
        c.statements.forEach((st) => this.stmt(st));
        this.jump(bodies[k + 1] ?? exitB);
      });
    });
    this.loops.pop();
    this.enter(exitB);
  }

  // ---- conditions -------------------------------------------------------------------------
  private cond(e: ts.Expression, t: Block, f: Block): void {
    e = strip(e);
    if (ts.isPrefixUnaryExpression(e) && e.operator === K.ExclamationToken) return this.cond(e.operand, f, t);
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === K.AmpersandAmpersandToken || op === K.BarBarToken) {
        const mid = this.newBlock();
        if (op === K.AmpersandAmpersandToken) this.cond(e.left, mid, f);
        else this.cond(e.left, t, mid);
        this.enter(mid);
        return this.cond(e.right, t, f);
      }
      const rel = RELS[op];
      if (rel) {
        const a = this.expr(e.left), b = this.expr(e.right);
        if (a.r === undefined && b.r === undefined) { this.jump(relHolds(rel, a.imm, b.imm, unsignedPair(a, b)) ? t : f); return; }
        return this.branch(rel, a, b, unsignedPair(a, b), t, f);
      }
    }
    const v = this.expr(e);
    if (v.r === undefined) { this.jump(v.imm !== 0n ? t : f); return; }
    this.end({ op: 'br', cmp: 'ne', a: v.r, b: 0, t: t.id, f: f.id });
  }

  private branch(rel: Rel, a: Val, b: Val, unsigned: boolean, t: Block, f: Block): void {
    let x = this.reg(a), y = this.reg(b);
    let cmp: Cmp;
    switch (rel) {
      case 'eq': cmp = 'eq'; break;
      case 'ne': cmp = 'ne'; break;
      case 'lt': cmp = unsigned ? 'ltu' : 'lt'; break;
      case 'ge': cmp = unsigned ? 'geu' : 'ge'; break;
      case 'gt': cmp = unsigned ? 'ltu' : 'lt'; [x, y] = [y, x]; break;
      case 'le': cmp = unsigned ? 'geu' : 'ge'; [x, y] = [y, x]; break;
    }
    this.end({ op: 'br', cmp, a: x, b: y, t: t.id, f: f.id });
  }

  // ---- expressions ------------------------------------------------------------------------
  /** Evaluate for side effects only (x++ needs no copy of the old value). */
  private exprDiscard(e: ts.Expression): void {
    e = strip(e);
    if (ts.isPostfixUnaryExpression(e)) { this.incDec(e.operand, e.operator === K.PlusPlusToken, false); return; }
    this.expr(e);
  }

  expr(e: ts.Expression): Val {
    if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e)) return this.expr(e.expression);
    if (ts.isAsExpression(e) || ts.isTypeAssertionExpression(e)) {
      const v = this.expr(e.expression);
      const t = valueType(this.prog.resolveType(this.mod, e.type));
      return v.r !== undefined ? { t, r: v.r } : { t, imm: v.imm };
    }
    if (ts.isNumericLiteral(e)) return { t: I64, imm: parseIntLiteral(e) };
    if (e.kind === K.TrueKeyword) return { t: BOOL, imm: 1n };
    if (e.kind === K.FalseKeyword) return { t: BOOL, imm: 0n };
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) {
      const d = this.temp();
      this.emit({ op: 'la', d, sym: this.strings.label(e.text), obj: true, str: e.text, local: true });
      return { t: PTR_U8, r: d };
    }
    if (ts.isIdentifier(e)) return this.ident(e);
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return this.access(e);
    if (ts.isCallExpression(e)) return this.call(e);
    if (ts.isAwaitExpression(e)) fail(e, "'await' is only allowed in an async function");
    if (ts.isPrefixUnaryExpression(e)) return this.prefix(e);
    if (ts.isPostfixUnaryExpression(e)) return this.incDec(e.operand, e.operator === K.PlusPlusToken, true);
    if (ts.isBinaryExpression(e)) return this.binary(e);
    if (ts.isConditionalExpression(e)) return this.ternary(e);
    return unsupportedNode(e);
  }

  /** An expression used for its value (a call of a void function has none). */
  private value(e: ts.Expression): Val {
    const v = this.expr(e);
    if (v.t.k === 'void') fail(e, 'this expression has no value');
    return v;
  }

  private ident(e: ts.Identifier): Val {
    const l = this.local(e.text);
    if (l) {
      if (l.k === 'var') return { t: l.t, r: l.r };
      if (l.k === 'const') return { t: l.t, imm: l.v };
      const d = this.temp();
      this.emit({ op: 'frame', d, slot: l.slot });
      return { t: valueType(l.t), r: d };
    }
    if (e.text === 'undefined') unsupported(e, '`undefined`');
    const s = this.prog.lookup(this.mod, e.text, e);
    if (!s) fail(e, `unknown name '${e.text}'`);
    switch (s.k) {
      case 'const': return { t: s.type, imm: s.value };
      case 'func': {
        const d = this.temp();
        this.emit({ op: 'la', d, sym: s.sym, ...visibility(s) });
        return { t: { k: 'fn', sig: this.prog.funcSig(s) }, r: d };
      }
      case 'global': {
        const d = this.temp();
        this.emit({ op: 'la', d, sym: s.sym, obj: true, ...visibility(s) });
        if (s.isAddress) return { t: valueType(s.storage), r: d };
        const m = memAccess(s.storage);
        const v = this.temp();
        this.emit({ op: 'ld', size: m.size, signed: m.signed, d: v, a: d, off: 0 });
        return { t: s.storage, r: v };
      }
      default: return fail(e, `'${e.text}' is not a value`);
    }
  }

  /** Place (address + storage type) of p.f, p[i], or a module-level scalar. */
  private place(e: ts.Expression): Place {
    e = strip(e);
    if (ts.isIdentifier(e)) {
      const l = this.local(e.text);
      if (l && l.k === 'var') return { k: 'var', local: l };
      if (l) fail(e, `cannot assign to '${e.text}'`);
      const s = this.prog.lookup(this.mod, e.text, e);
      if (!s || s.k !== 'global' || s.isAddress) fail(e, `cannot assign to '${e.text}'`);
      if (s.readonly) fail(e, `cannot assign to constant '${e.text}'`);
      const d = this.temp();
      this.emit({ op: 'la', d, sym: (s as GlobalSym).sym, obj: true, ...visibility(s as GlobalSym) });
      return { k: 'mem', base: d, off: 0, t: s.storage };
    }
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      const m = this.memPlace(e);
      return { k: 'mem', ...m };
    }
    return fail(e, 'this expression cannot be assigned to');
  }

  /** Address of an object reached through a pointer: base of p in p.f / p[i]. */
  private objectBase(obj: ts.Expression): { base: number; off: number; t: GType } {
    obj = strip(obj);
    if (ts.isPropertyAccessExpression(obj) || ts.isElementAccessExpression(obj)) {
      const inner = this.memPlace(obj);
      if (inner.t.k === 'arr' || inner.t.k === 'struct') return inner;
    }
    const v = this.expr(obj);
    if (v.t.k !== 'ptr') fail(obj, `'${obj.getText()}' is not a pointer (its type is ${typeName(v.t)})`);
    return { base: this.reg(v), off: 0, t: v.t.to };
  }

  private memPlace(e: ts.PropertyAccessExpression | ts.ElementAccessExpression): { base: number; off: number; t: GType } {
    const o = this.objectBase(e.expression);
    if (ts.isPropertyAccessExpression(e)) {
      const objT = o.t.k === 'arr' ? o.t.of : o.t;
      if (objT.k !== 'struct') fail(e.name, `'${e.expression.getText()}' does not point to a struct`);
      const f = objT.s.fields.find((x) => x.name === e.name.text);
      if (!f) fail(e.name, `struct ${objT.s.name} has no field '${e.name.text}'`);
      const a = this.offsetAddr(o.base, BigInt(o.off + f.offset));
      return { ...a, t: f.type };
    }
    const elem = o.t.k === 'arr' ? o.t.of : o.t;
    const size = BigInt(sizeOf(elem));
    // p[i + c] addresses (p + i*size) + c*size: the constant part goes into the offset.
    const { rest, k } = this.splitConstant(e.argumentExpression);
    const idx = rest ? this.expr(rest) : { t: I64, imm: 0n };
    const off = BigInt(o.off) + k * size;
    if (idx.r === undefined) {
      const a = this.offsetAddr(o.base, off + idx.imm * size);
      return { ...a, t: elem };
    }
    const scaled = arith(this, '*', idx, { t: I64, imm: size }, false);
    const sum = arith(this, '+', { t: U64, r: o.base }, scaled, true);
    return { ...this.offsetAddr(sum.r!, off), t: elem };
  }

  /** Split `x + 3`, `x - 1`, `2 + x` into the variable part and the constant. */
  private splitConstant(e: ts.Expression): { rest: ts.Expression | undefined; k: bigint } {
    e = strip(e);
    const whole = this.constValue(e);
    if (whole !== undefined) return { rest: undefined, k: whole };
    if (ts.isBinaryExpression(e) && (e.operatorToken.kind === K.PlusToken || e.operatorToken.kind === K.MinusToken)) {
      const minus = e.operatorToken.kind === K.MinusToken;
      const r = this.constValue(e.right);
      if (r !== undefined) {
        const inner = this.splitConstant(e.left);
        return { rest: inner.rest, k: inner.k + (minus ? -r : r) };
      }
      const l = this.constValue(e.left);
      if (l !== undefined && !minus) {
        const inner = this.splitConstant(e.right);
        return { rest: inner.rest, k: inner.k + l };
      }
    }
    return { rest: e, k: 0n };
  }

  private access(e: ts.PropertyAccessExpression | ts.ElementAccessExpression): Val {
    const p = this.memPlace(e);
    return this.loadPlace(p);
  }

  private loadPlace(p: { base: number; off: number; t: GType }): Val {
    if (!isScalar(p.t)) {
      if (p.off === 0) return { t: valueType(p.t), r: p.base };
      const v = arith(this, '+', { t: U64, r: p.base }, { t: U64, imm: BigInt(p.off) }, true);
      return { t: valueType(p.t), r: v.r! };
    }
    const m = memAccess(p.t);
    const d = this.temp();
    this.emit({ op: 'ld', size: m.size, signed: m.signed, d, a: p.base, off: p.off });
    return { t: p.t, r: d };
  }

  private readPlace(p: Place): Val {
    return p.k === 'var' ? { t: p.local.t, r: p.local.r } : this.loadPlace(p);
  }

  private writePlace(p: Place, v: Val, at: ts.Node): Val {
    if (p.k === 'var') return this.assignVar(p.local, v);
    if (!isScalar(p.t)) fail(at, `cannot assign a whole ${typeName(p.t)}`);
    if (v.t.k === 'void') fail(at, 'this expression has no value');
    // The store itself keeps only the low bytes, so no conversion code is needed.
    const m = memAccess(p.t);
    const src = this.reg(v);
    this.emit({ op: 'st', size: m.size, a: p.base, b: src, off: p.off });
    return { t: p.t, r: src };
  }

  /** x = v for a register local: convert, and write the result straight into x when we can. */
  private assignVar(l: Extract<Local, { k: 'var' }>, v: Val): Val {
    const c = this.convert(v, l.t);
    if (c.r === undefined) {
      this.emit({ op: 'li', d: l.r, imm: c.imm });
    } else if (c.r !== l.r) {
      const last = this.cur.ins[this.cur.ins.length - 1];
      if (last && this.temps.has(c.r) && 'd' in last && last.d === c.r && last.op !== 'call' && this.cur.term.op === 'none') {
        this.temps.delete(c.r);
        (last as { d: number }).d = l.r;
      } else {
        this.emit({ op: 'mv', d: l.r, a: c.r });
      }
    }
    return { t: l.t, r: l.r };
  }

  private prefix(e: ts.PrefixUnaryExpression): Val {
    if (e.operator === K.PlusPlusToken || e.operator === K.MinusMinusToken) {
      return this.incDec(e.operand, e.operator === K.PlusPlusToken, false);
    }
    const v = this.expr(e.operand);
    switch (e.operator) {
      case K.PlusToken: return v;
      case K.MinusToken: return arith(this, '-', { t: I64, imm: 0n }, v, false);
      case K.TildeToken: return arith(this, '^', v, { t: I64, imm: -1n }, isUnsigned(v.t));
      case K.ExclamationToken: {
        if (v.r === undefined) return { t: BOOL, imm: v.imm === 0n ? 1n : 0n };
        const d = this.temp();
        this.emit({ op: 'unary', fn: 'seqz', d, a: v.r });
        return { t: BOOL, r: d };
      }
    }
    return unsupportedNode(e);
  }

  private incDec(target: ts.Expression, inc: boolean, wantOld: boolean): Val {
    const p = this.place(target);
    const old = this.readPlace(p);
    let keep: Val = old;
    if (wantOld && p.k === 'var') {
      const d = this.temp();
      this.emit({ op: 'mv', d, a: old.r! });
      keep = { t: old.t, r: d };
    }
    const step: Val = { t: I64, imm: 1n };
    const nv = arith(this, inc ? '+' : '-', old, step, isUnsigned(old.t));
    const stored = this.writePlace(p, nv, target);
    return wantOld ? keep : stored;
  }

  private binary(e: ts.BinaryExpression): Val {
    const op = e.operatorToken.kind;
    if (op === K.EqualsToken) {
      const p = this.place(e.left);
      return this.writePlace(p, this.value(e.right), e.left);
    }
    const cop = COMPOUND[op];
    if (cop) {
      const p = this.place(e.left);
      const old = this.readPlace(p);
      const rhs = this.expr(e.right);
      const unsigned = cop === '>>' ? false : cop === '>>>' ? true : unsignedPair(old, rhs);
      return this.writePlace(p, arith(this, cop, old, rhs, unsigned), e.left);
    }
    if (op === K.AmpersandAmpersandToken || op === K.BarBarToken) return this.boolValue(e);
    if (op === K.CommaToken) { this.exprDiscard(e.left); return this.expr(e.right); }
    if (isStringLit(e.left) || isStringLit(e.right)) {
      unsupported(e, op === K.PlusToken ? 'string concatenation' : 'an operator on a string (strings are only addresses)');
    }
    const a = this.value(e.left), b = this.value(e.right);
    const aop = ARITH[op];
    if (aop) {
      const unsigned = aop === '>>' ? false : aop === '>>>' ? true : unsignedPair(a, b);
      return arith(this, aop, a, b, unsigned);
    }
    const rel = RELS[op];
    if (rel) return this.compare(rel, a, b);
    if (op === K.AsteriskAsteriskToken) unsupported(e.operatorToken, 'the ** operator');
    if (op === K.InstanceOfKeyword || op === K.InKeyword || op === K.QuestionQuestionToken) unsupported(e.operatorToken, `the ${e.operatorToken.getText()} operator`);
    return unsupportedNode(e);
  }

  private compare(rel: Rel, a: Val, b: Val): Val {
    const unsigned = unsignedPair(a, b);
    if (a.r === undefined && b.r === undefined) return { t: BOOL, imm: relHolds(rel, a.imm, b.imm, unsigned) ? 1n : 0n };
    const d = this.temp();
    const slt = unsigned ? 'sltu' : 'slt';
    const flip = (): void => this.emit({ op: 'alui', fn: 'xori', d, a: d, imm: 1 });
    switch (rel) {
      case 'lt':
        if (b.r === undefined && fits12(b.imm)) this.emit({ op: 'alui', fn: unsigned ? 'sltiu' : 'slti', d, a: a.r!, imm: Number(b.imm) });
        else this.emit({ op: 'alu', fn: slt, d, a: this.reg(a), b: this.reg(b) });
        break;
      case 'gt': this.emit({ op: 'alu', fn: slt, d, a: this.reg(b), b: this.reg(a) }); break;
      case 'le': this.emit({ op: 'alu', fn: slt, d, a: this.reg(b), b: this.reg(a) }); flip(); break;
      case 'ge': this.emit({ op: 'alu', fn: slt, d, a: this.reg(a), b: this.reg(b) }); flip(); break;
      case 'eq': case 'ne': {
        let x: number;
        if (b.r === undefined && b.imm === 0n) x = a.r!;
        else if (a.r === undefined && a.imm === 0n) x = b.r!;
        else x = arith(this, '^', a, b, false).r!;
        this.emit({ op: 'unary', fn: rel === 'eq' ? 'seqz' : 'snez', d, a: x });
      }
    }
    return { t: BOOL, r: d };
  }

  private boolValue(e: ts.Expression): Val {
    const d = this.temp();
    const t = this.newBlock(), f = this.newBlock(), after = this.newBlock();
    this.cond(e, t, f);
    this.enter(t);
    this.emit({ op: 'li', d, imm: 1n });
    this.jump(after);
    this.enter(f);
    this.emit({ op: 'li', d, imm: 0n });
    this.jump(after);
    this.enter(after);
    return { t: BOOL, r: d };
  }

  private ternary(e: ts.ConditionalExpression): Val {
    const c = this.constValue(e.condition);
    if (c !== undefined) return this.expr(c !== 0n ? e.whenTrue : e.whenFalse);
    const d = this.temp();
    const t = this.newBlock(), f = this.newBlock(), after = this.newBlock();
    this.cond(e.condition, t, f);
    this.enter(t);
    const a = this.expr(e.whenTrue);
    this.emit({ op: 'mv', d, a: this.reg(a) });
    this.jump(after);
    this.enter(f);
    const b = this.expr(e.whenFalse);
    this.emit({ op: 'mv', d, a: this.reg(b) });
    this.jump(after);
    this.enter(after);
    return { t: unsignedPair(a, b) ? (a.t.k === 'ptr' ? a.t : U64) : a.t.k === 'int' ? I64 : a.t, r: d };
  }

  private call(e: ts.CallExpression): Val {
    const callee = strip(e.expression);
    if (ts.isIdentifier(callee) && !this.local(callee.text)) {
      const s = this.prog.lookup(this.mod, callee.text, callee);
      if (s && s.k === 'intrinsic') return INTRINSICS[s.name]!(this, e);
      if (s && s.k === 'func') {
        const callee = s.node.body ? fnKey(s.mod.name, s.sym) : undefined;
        return this.emitCall(e, s.sym, this.prog.funcSig(s), callee, visibility(s).local);
      }
    }
    const f = this.expr(callee);
    if (f.t.k !== 'fn') fail(callee, `'${callee.getText()}' is not a function`);
    return this.emitCall(e, this.reg(f), f.t.sig);
  }

  protected emitCall(e: ts.CallExpression, target: string | number, sig: FnSig, callee?: string, isLocal?: boolean): Val {
    if (e.arguments.length !== sig.params.length) fail(e, `expected ${sig.params.length} argument(s), got ${e.arguments.length}`);
    const args = e.arguments.map((a, k) => this.reg(this.convert(this.value(a), sig.params[k]!)));
    const d = sig.ret.k === 'void' ? undefined : this.temp();
    this.emit({ op: 'call', target, args, argRegs: args.map((_, k) => 10 + k), d, ...(callee ? { callee } : {}), ...(isLocal ? { local: true } : {}) });
    return d === undefined ? { t: VOID, imm: 0n } : { t: sig.ret, r: d };
  }
}

/**
 * `{ local: true }` for a symbol its module defines and does not export (not visible from other
 * modules); a declared external function is someone else's global symbol.
 */
function visibility(s: { sym: string; mod: Module; node: ts.Node }): { local?: true } {
  if (ts.isFunctionDeclaration(s.node) && !s.node.body) return {};
  return s.mod.exported.has(s.sym) ? {} : { local: true };
}

function isStringLit(e: ts.Expression): boolean {
  const x = strip(e);
  return ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x) || ts.isTemplateExpression(x);
}

function strip(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

function unsignedPair(a: Val, b: Val): boolean {
  const ua = a.r !== undefined && isUnsigned(a.t), ub = b.r !== undefined && isUnsigned(b.t);
  return ua || ub;
}

function relHolds(rel: Rel, a: bigint, b: bigint, unsigned: boolean): boolean {
  const x = unsigned ? BigInt.asUintN(64, a) : a, y = unsigned ? BigInt.asUintN(64, b) : b;
  switch (rel) {
    case 'lt': return x < y;
    case 'le': return x <= y;
    case 'gt': return x > y;
    case 'ge': return x >= y;
    case 'eq': return x === y;
    case 'ne': return x !== y;
  }
}

/** True when every value of `from` is a value of `to` (no conversion code needed). */
function fitsIn(from: GType, to: GType): boolean {
  if (to.k !== 'int') return true;
  if (to.name === 'bool') return from.k === 'int' && from.name === 'bool';
  const t = INTS[to.name];
  if (t.size === 8) return true;
  if (from.k !== 'int') return false;
  const f = INTS[from.name];
  if (from.name === 'bool') return true;
  if (f.signed === t.signed) return f.size <= t.size;
  return !f.signed && f.size < t.size;
}
