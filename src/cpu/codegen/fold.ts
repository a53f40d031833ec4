/**
 * Translation-time simplification of a block's code (blocks.ts): constant folding, constant and
 * copy propagation, decidable branches and dead stores to the function's own locals.
 *
 * Why: a block runs in V8's unoptimising tiers (Ignition, Sparkplug) until TurboFan has
 * compiled it, and those tiers execute the generated text as written. The semantics are generic
 * (`addi a0, zero, 5` is a 64-bit add of x0 and the immediate with its carry; `slli` tests its
 * shift count), so a cold block does work that TurboFan would fold away. Folding it here, for
 * every instruction alike, makes cold blocks cheaper without any per-instruction code.
 *
 * The folder understands the restricted JavaScript the semantic bodies and the timing writers
 * emit: number and boolean literals, identifiers, `o.p`, `o[i]`, calls, unary, binary,
 * logical, conditional and assignment operators, `++`/`--`, expression statements, `if`/`else`,
 * blocks, `break`/`continue` (with a label), `return`, and `let`/`const` declarations in the
 * function's head. A line it cannot parse is passed through unchanged and treated as a barrier
 * (it may read and write anything).
 *
 * What it assumes about the code (true of everything the generators write):
 * - values are numbers or booleans (no strings, objects only as the targets of `.` and `[]`),
 *   so `ToInt32(x + 0) === ToInt32(x)` and a comparison does not see the sign of zero;
 * - a call cannot assign the generated function's locals (no closures are made inside it);
 * - reading `o.p` or `o[i]` has no effect (no getters);
 * - the lines are the body of one `for (;;)` loop (`continue` and falling off the end go back
 *   to its start, where nothing is known), and `break` leaves it to the tail.
 *
 * Folds are exact: a constant subexpression is evaluated by JavaScript itself and kept only
 * when the result is a finite number other than -0, or a boolean.
 */

type Value = number | boolean;

type Expr =
  | { readonly k: 'lit'; readonly v: Value }
  | { readonly k: 'id'; readonly name: string }
  | { readonly k: 'mem'; readonly obj: Expr; readonly prop: string }
  | { readonly k: 'idx'; readonly obj: Expr; readonly index: Expr }
  | { readonly k: 'call'; readonly fn: Expr; readonly args: readonly Expr[] }
  | { readonly k: 'un'; readonly op: string; readonly e: Expr }
  | { readonly k: 'bin'; readonly op: string; readonly l: Expr; readonly r: Expr }
  | { readonly k: 'log'; readonly op: '&&' | '||'; readonly l: Expr; readonly r: Expr }
  | { readonly k: 'cond'; readonly c: Expr; readonly t: Expr; readonly f: Expr }
  | { readonly k: 'asg'; readonly op: string; readonly target: Expr; readonly value: Expr }
  | { readonly k: 'upd'; readonly op: '++' | '--'; readonly prefix: boolean; readonly target: Expr };

type Stmt =
  | { readonly k: 'expr'; readonly e: Expr }
  | { readonly k: 'if'; readonly c: Expr; readonly t: readonly Stmt[]; readonly f: readonly Stmt[] | undefined }
  | { readonly k: 'block'; readonly body: readonly Stmt[] }
  | { readonly k: 'jump'; readonly kw: 'break' | 'continue'; readonly label: string | undefined }
  | { readonly k: 'return'; readonly e: Expr | undefined }
  | { readonly k: 'decl'; readonly kw: 'let' | 'const'; readonly vars: readonly { name: string; init: Expr | undefined }[] };

/** The folder met something outside its language: the text is passed through. */
class Unsupported extends Error {}

// ---------------------------------------------------------------------------------------------
// Tokens and parser

/** Punctuators, longest first (a regular expression alternation takes the first that matches). */
const PUNCT = [
  '>>>=', '>>>', '===', '!==', '<<=', '>>=', '**', '==', '!=', '<=', '>=', '&&', '||', '++', '--', '+=', '-=', '*=', '/=', '%=',
  '&=', '|=', '^=', '<<', '>>', '+', '-', '*', '/', '%', '&', '|', '^', '!', '~', '<', '>', '=', '?', ':', ';', ',', '.', '(', ')',
  '[', ']', '{', '}',
];
const TOKEN_RE = new RegExp(
  '\\s+|\\/\\/[^\\n]*|\\/\\*[\\s\\S]*?\\*\\/|(0[xX][0-9a-fA-F]+|\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)|([A-Za-z_$][\\w$]*)|(' +
  PUNCT.map((q) => q.replace(/[|\\{}()[\]^$+*?.\/]/g, '\\$&')).join('|') + ')', 'y');
const KEYWORDS = new Set(['if', 'else', 'break', 'continue', 'return', 'let', 'const', 'true', 'false']);
const REJECTED = new Set(['function', 'var', 'for', 'while', 'do', 'switch', 'new', 'this', 'typeof', 'void', 'delete', 'in', 'instanceof', 'yield', 'await', 'class', 'try', 'throw', 'NaN', 'Infinity', 'undefined', 'arguments', 'eval', 'with']);

interface Token { readonly t: 'num' | 'id' | 'kw' | 'p'; readonly s: string }

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  while (TOKEN_RE.lastIndex < src.length) {
    const m = TOKEN_RE.exec(src);
    if (m === null) throw new Unsupported(src[TOKEN_RE.lastIndex]);
    if (m[1] !== undefined) out.push({ t: 'num', s: m[1] });
    else if (m[2] !== undefined) {
      if (REJECTED.has(m[2])) throw new Unsupported(m[2]);
      out.push({ t: KEYWORDS.has(m[2]) ? 'kw' : 'id', s: m[2] });
    } else if (m[3] !== undefined) {
      if (m[3] === '**') throw new Unsupported(m[3]);
      out.push({ t: 'p', s: m[3] });
    }
  }
  return out;
}

/** Binary operators by precedence (higher binds tighter). */
const BIN_PREC: Readonly<Record<string, number>> = {
  '||': 4, '&&': 5, '|': 6, '^': 7, '&': 8, '==': 9, '!=': 9, '===': 9, '!==': 9,
  '<': 10, '>': 10, '<=': 10, '>=': 10, '<<': 11, '>>': 11, '>>>': 11, '+': 12, '-': 12, '*': 13, '/': 13, '%': 13,
};
const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=', '>>>=']);

class Parser {
  private i = 0;
  /** allowDecl: `let`/`const` are understood (the head only: a line's block scopes are flattened). */
  constructor(private readonly toks: readonly Token[], private readonly allowDecl: boolean) {}

  private peek(s: string): boolean {
    const t = this.toks[this.i];
    return t !== undefined && (t.t === 'p' || t.t === 'kw') && t.s === s;
  }
  private eat(s: string): boolean {
    if (!this.peek(s)) return false;
    this.i++;
    return true;
  }
  private expect(s: string): void {
    if (!this.eat(s)) throw new Unsupported(`expected ${s}`);
  }
  private ident(): string {
    const t = this.toks[this.i++];
    if (t === undefined || t.t !== 'id') throw new Unsupported('expected a name');
    return t.s;
  }
  done(): boolean {
    return this.i >= this.toks.length;
  }

  statements(): Stmt[] {
    const out: Stmt[] = [];
    while (!this.done() && !this.peek('}')) out.push(this.statement());
    return out;
  }

  statement(): Stmt {
    if (this.eat(';')) return { k: 'block', body: [] };
    if (this.eat('{')) {
      const body = this.statements();
      this.expect('}');
      return { k: 'block', body };
    }
    if (this.eat('if')) {
      this.expect('(');
      const c = this.expr();
      this.expect(')');
      const t = asList(this.statement());
      const f = this.eat('else') ? asList(this.statement()) : undefined;
      return { k: 'if', c, t, f };
    }
    for (const kw of ['break', 'continue'] as const) {
      if (this.eat(kw)) {
        const t = this.toks[this.i];
        const label = t !== undefined && t.t === 'id' ? this.ident() : undefined;
        this.expect(';');
        return { k: 'jump', kw, label };
      }
    }
    if (this.eat('return')) {
      const e = this.peek(';') ? undefined : this.expr();
      this.expect(';');
      return { k: 'return', e };
    }
    for (const kw of ['let', 'const'] as const) {
      if (this.peek(kw) && !this.allowDecl) throw new Unsupported(kw);
      if (this.eat(kw)) {
        const vars: { name: string; init: Expr | undefined }[] = [];
        do {
          const name = this.ident();
          vars.push({ name, init: this.eat('=') ? this.assign() : undefined });
        } while (this.eat(','));
        this.expect(';');
        return { k: 'decl', kw, vars };
      }
    }
    const e = this.expr();
    // A statement ends with `;`, or (as in `if (c) x = 1 }`) before a `}` or the end.
    if (!this.eat(';') && !this.peek('}') && !this.done()) throw new Unsupported('expected ;');
    return { k: 'expr', e };
  }

  /** An expression without the comma operator. */
  expr(): Expr {
    return this.assign();
  }

  private assign(): Expr {
    const left = this.conditional();
    const t = this.toks[this.i];
    if (t !== undefined && t.t === 'p' && ASSIGN_OPS.has(t.s)) {
      if (left.k !== 'id' && left.k !== 'mem' && left.k !== 'idx') throw new Unsupported('assignment target');
      this.i++;
      return { k: 'asg', op: t.s, target: left, value: this.assign() };
    }
    return left;
  }

  private conditional(): Expr {
    const c = this.binary(4);
    if (!this.eat('?')) return c;
    const t = this.assign();
    this.expect(':');
    return { k: 'cond', c, t, f: this.assign() };
  }

  private binary(minPrec: number): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.toks[this.i];
      const prec = t !== undefined && t.t === 'p' ? BIN_PREC[t.s] : undefined;
      if (prec === undefined || prec < minPrec) return left;
      this.i++;
      const right = this.binary(prec + 1);
      left = t.s === '&&' || t.s === '||' ? { k: 'log', op: t.s, l: left, r: right } : { k: 'bin', op: t.s, l: left, r: right };
    }
  }

  private unary(): Expr {
    for (const op of ['!', '~', '-', '+']) {
      if (this.eat(op)) return { k: 'un', op, e: this.unary() };
    }
    for (const op of ['++', '--'] as const) {
      if (this.eat(op)) return { k: 'upd', op, prefix: true, target: this.target(this.postfix()) };
    }
    const e = this.postfix();
    for (const op of ['++', '--'] as const) {
      if (this.eat(op)) return { k: 'upd', op, prefix: false, target: this.target(e) };
    }
    return e;
  }

  private target(e: Expr): Expr {
    if (e.k !== 'id' && e.k !== 'mem' && e.k !== 'idx') throw new Unsupported('update target');
    return e;
  }

  private postfix(): Expr {
    let e = this.primary();
    for (;;) {
      if (this.eat('.')) e = { k: 'mem', obj: e, prop: this.ident() };
      else if (this.eat('[')) {
        const index = this.expr();
        this.expect(']');
        e = { k: 'idx', obj: e, index };
      } else if (this.eat('(')) {
        const args: Expr[] = [];
        if (!this.eat(')')) {
          do args.push(this.assign()); while (this.eat(','));
          this.expect(')');
        }
        e = { k: 'call', fn: e, args };
      } else return e;
    }
  }

  private primary(): Expr {
    const t = this.toks[this.i++];
    if (t === undefined) throw new Unsupported('unexpected end');
    if (t.t === 'num') return { k: 'lit', v: Number(t.s) };
    if (t.t === 'id') return { k: 'id', name: t.s };
    if (t.t === 'kw' && (t.s === 'true' || t.s === 'false')) return { k: 'lit', v: t.s === 'true' };
    if (t.t === 'p' && t.s === '(') {
      const e = this.expr();
      this.expect(')');
      return e;
    }
    throw new Unsupported(t.s);
  }
}

function asList(s: Stmt): readonly Stmt[] {
  return s.k === 'block' ? s.body : [s];
}

/** The statements of `src`; throws Unsupported when it is outside the folder's language. */
function parse(src: string, allowDecl = false): Stmt[] {
  const p = new Parser(tokenize(src), allowDecl);
  const out = p.statements();
  if (!p.done()) throw new Unsupported('unbalanced }');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Printer

function precOf(e: Expr): number {
  switch (e.k) {
    case 'lit': return typeof e.v === 'number' && (e.v < 0 || Object.is(e.v, -0)) ? 15 : 20;
    case 'id': return 20;
    case 'mem': case 'idx': case 'call': return 18;
    case 'upd': return e.prefix ? 15 : 16;
    case 'un': return 15;
    case 'bin': case 'log': return BIN_PREC[e.op];
    case 'cond': return 3;
    case 'asg': return 2;
  }
}

function printExpr(e: Expr, minPrec = 0): string {
  const s = printBare(e);
  return precOf(e) < minPrec ? `(${s})` : s;
}

function printBare(e: Expr): string {
  switch (e.k) {
    case 'lit': return String(e.v);
    case 'id': return e.name;
    case 'mem': return `${printObj(e.obj)}.${e.prop}`;
    case 'idx': return `${printObj(e.obj)}[${printExpr(e.index)}]`;
    case 'call': return `${printObj(e.fn)}(${e.args.map((a) => printExpr(a, 2)).join(', ')})`;
    case 'upd': return e.prefix ? `${e.op}${printExpr(e.target, 16)}` : `${printExpr(e.target, 16)}${e.op}`;
    case 'un': {
      const inner = printExpr(e.e, 15);
      // `- -x`, `+ +x`, `- --x` would read as other tokens.
      return (e.op === '-' || e.op === '+') && (inner.startsWith('-') || inner.startsWith('+')) ? `${e.op}(${inner})` : `${e.op}${inner}`;
    }
    case 'bin': case 'log': {
      const p = BIN_PREC[e.op];
      return `${printExpr(e.l, p)} ${e.op} ${printExpr(e.r, p + 1)}`;
    }
    case 'cond': return `${printExpr(e.c, 4)} ? ${printExpr(e.t, 2)} : ${printExpr(e.f, 2)}`;
    case 'asg': return `${printExpr(e.target, 18)} ${e.op} ${printExpr(e.value, 2)}`;
  }
}

/** The object of `.`, `[]` or a call (a number literal there needs parentheses: `(5).x`). */
function printObj(e: Expr): string {
  return e.k === 'lit' ? `(${printBare(e)})` : printExpr(e, 18);
}

function printStmts(list: readonly Stmt[]): string {
  return list.map(printStmt).join(' ');
}

function printStmt(s: Stmt): string {
  switch (s.k) {
    case 'expr': {
      const e = printExpr(s.e);
      return `${e};`;
    }
    case 'if': {
      const t = `if (${printExpr(s.c)}) { ${printStmts(s.t)} }`;
      return s.f === undefined ? t : `${t} else { ${printStmts(s.f)} }`;
    }
    case 'block': return `{ ${printStmts(s.body)} }`;
    case 'jump': return s.label === undefined ? `${s.kw};` : `${s.kw} ${s.label};`;
    case 'return': return s.e === undefined ? 'return;' : `return ${printExpr(s.e)};`;
    case 'decl': return `${s.kw} ${s.vars.map((v) => (v.init === undefined ? v.name : `${v.name} = ${printExpr(v.init, 2)}`)).join(', ')};`;
  }
}

// ---------------------------------------------------------------------------------------------
// Constant folding and propagation (forward)

/** What is known of a local: a constant, or that it holds the same value as another name. */
type Known = { readonly c: Value } | { readonly copy: string };
/** Known values at a point; null where the code cannot be reached. */
type Env = Map<string, Known> | null;

function lit(v: Value): Expr {
  return { k: 'lit', v };
}

/** A value the printer can write back exactly. */
function representable(v: unknown): v is Value {
  return typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0));
}

function evalUnary(op: string, x: Value): unknown {
  switch (op) {
    case '!': return !x;
    case '~': return ~x;
    case '-': return -x;
    case '+': return +x;
    default: return undefined;
  }
}

/* eslint-disable @typescript-eslint/restrict-plus-operands -- JS semantics on number|boolean, on purpose */
function evalBinary(op: string, x: Value, y: Value): unknown {
  const a = x as number;
  const b = y as number;
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '%': return a % b;
    case '|': return a | b;
    case '&': return a & b;
    case '^': return a ^ b;
    case '<<': return a << b;
    case '>>': return a >> b;
    case '>>>': return a >>> b;
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '>=': return a >= b;
    case '===': return x === y;
    case '!==': return x !== y;
    case '==': return x == y; // eslint-disable-line eqeqeq
    case '!=': return x != y; // eslint-disable-line eqeqeq
    default: return undefined;
  }
}

/** Operators whose operands are converted with ToInt32/ToUint32 (the shift count too). */
const INT_OPS = new Set(['|', '&', '^', '<<', '>>', '>>>']);

/**
 * How a value is used: `int` (only ToInt32 of it matters), `zsign` (its sign of zero does not
 * matter), `test` (only its truthiness matters) or `value` (all of it).
 */
type Use = 'int' | 'zsign' | 'test' | 'value';

function isLit(e: Expr): e is { k: 'lit'; v: Value } {
  return e.k === 'lit';
}

/** No effect when evaluated (no call, assignment or update). */
function pure(e: Expr): boolean {
  switch (e.k) {
    case 'lit': case 'id': return true;
    case 'mem': return pure(e.obj);
    case 'idx': return pure(e.obj) && pure(e.index);
    case 'call': case 'asg': case 'upd': return false;
    case 'un': return pure(e.e);
    case 'bin': case 'log': return pure(e.l) && pure(e.r);
    case 'cond': return pure(e.c) && pure(e.t) && pure(e.f);
  }
}

function truthy(v: Value): boolean {
  return Boolean(v);
}

function clone(env: Env): Env {
  return env === null ? null : new Map(env);
}

/** What is known at a join: what both sides know alike. */
function merge(x: Env, y: Env): Env {
  if (x === null) return y;
  if (y === null) return x;
  const out = new Map<string, Known>();
  for (const [n, kx] of x) {
    const ky = y.get(n);
    if (ky !== undefined && sameKnown(kx, ky)) out.set(n, kx);
  }
  return out;
}

function sameKnown(x: Known, y: Known): boolean {
  return 'c' in x ? 'c' in y && x.c === y.c : 'copy' in y && x.copy === y.copy;
}

/** `name` is assigned an unknown value: forget it and every copy of it. */
function forget(env: Env, name: string): void {
  if (env === null) return;
  env.delete(name);
  for (const [n, k] of env) if ('copy' in k && k.copy === name) env.delete(n);
}

class Folder {
  /** The environment flows through the fold in evaluation order. */
  constructor(public env: Env) {}

  expr(e: Expr, use: Use): Expr {
    switch (e.k) {
      case 'lit': return e;
      case 'id': {
        const known = this.env?.get(e.name);
        if (known === undefined) return e;
        return 'c' in known ? lit(known.c) : { k: 'id', name: known.copy };
      }
      case 'mem': return { k: 'mem', obj: this.object(e.obj), prop: e.prop };
      case 'idx': {
        const obj = this.object(e.obj);
        return { k: 'idx', obj, index: this.expr(e.index, 'value') };
      }
      case 'call': {
        const fn = e.fn.k === 'mem' ? { k: 'mem' as const, obj: this.object(e.fn.obj), prop: e.fn.prop } : this.object(e.fn);
        return { k: 'call', fn, args: e.args.map((a) => this.expr(a, 'value')) };
      }
      case 'un': return this.unary(e.op, e.e, use);
      case 'bin': return this.binary(e.op, e.l, e.r, use);
      case 'log': return this.logical(e.op, e.l, e.r, use);
      case 'cond': return this.conditional(e.c, e.t, e.f, use);
      case 'asg': return this.assignment(e.op, e.target, e.value);
      case 'upd': {
        const target = this.target(e.target);
        if (target.k === 'id') forget(this.env, target.name);
        return { k: 'upd', op: e.op, prefix: e.prefix, target };
      }
    }
  }

  /** The object of `.`/`[]`/a call: names there are not replaced (they are not numbers). */
  private object(e: Expr): Expr {
    return e.k === 'id' ? e : this.expr(e, 'value');
  }

  private target(t: Expr): Expr {
    if (t.k === 'idx') return { k: 'idx', obj: this.object(t.obj), index: this.expr(t.index, 'value') };
    if (t.k === 'mem') return { k: 'mem', obj: this.object(t.obj), prop: t.prop };
    return t;
  }

  private unary(op: string, operand: Expr, use: Use): Expr {
    const inner = this.expr(operand, op === '!' ? 'test' : op === '~' ? 'int' : use === 'int' || use === 'zsign' ? 'zsign' : 'value');
    if (isLit(inner)) {
      const v = evalUnary(op, inner.v);
      if (representable(v)) return lit(v);
    }
    return { k: 'un', op, e: inner };
  }

  private binary(op: string, l: Expr, r: Expr, use: Use): Expr {
    const int = INT_OPS.has(op);
    const additive = op === '+' || op === '-';
    // Relational operators convert both sides to numbers (a boolean and its number compare
    // alike, and so do 0 and -0); === and == see a boolean as such.
    const sub: Use = int ? 'int' : additive && (use === 'int' || use === 'zsign') ? 'zsign' : BIN_PREC[op] === 10 ? 'zsign' : 'value';
    const left = this.expr(l, sub);
    const right = this.expr(r, sub);
    if (isLit(left) && isLit(right)) {
      const v = evalBinary(op, left.v, right.v);
      if (representable(v)) return lit(v);
    }
    // x & 0 is 0 for every number or boolean x.
    if (op === '&' && ((isLit(right) && right.v === 0 && pure(left)) || (isLit(left) && left.v === 0 && pure(right)))) return lit(0);
    // x + 0, x - 0, 0 + x differ from x only in the sign of zero; x | 0 from x only before ToInt32.
    const zero = (e: Expr): boolean => isLit(e) && e.v === 0;
    if ((use === 'int' || use === 'zsign') && additive && zero(right)) return left;
    if ((use === 'int' || use === 'zsign') && op === '+' && zero(left)) return right;
    if (use === 'int' && op === '|' && zero(right)) return left;
    return { k: 'bin', op, l: left, r: right };
  }

  private logical(op: '&&' | '||', l: Expr, r: Expr, use: Use): Expr {
    const sub: Use = use === 'test' ? 'test' : 'value';
    const left = this.expr(l, use === 'test' ? 'test' : 'value');
    if (isLit(left)) {
      // true && r is r; false && r is false (r not evaluated); and the like for ||.
      if (truthy(left.v) === (op === '&&')) return this.expr(r, sub);
      return left;
    }
    const before = clone(this.env);
    const right = this.expr(r, sub);
    this.env = merge(before, this.env);
    if (use === 'test' && isLit(right)) {
      // In a test, l && true is l; l || false is l; l && false / l || true are constants when l has no effect.
      if (truthy(right.v) === (op === '&&')) return left;
      if (pure(left)) return right;
    }
    return { k: 'log', op, l: left, r: right };
  }

  private conditional(c: Expr, t: Expr, f: Expr, use: Use): Expr {
    const cond = this.expr(c, 'test');
    if (isLit(cond)) return this.expr(truthy(cond.v) ? t : f, use);
    const before = this.env;
    this.env = clone(before);
    const yes = this.expr(t, use);
    const afterYes = this.env;
    this.env = clone(before);
    const no = this.expr(f, use);
    this.env = merge(afterYes, this.env);
    return { k: 'cond', c: cond, t: yes, f: no };
  }

  private assignment(op: string, t: Expr, v: Expr): Expr {
    const target = this.target(t);
    let value = this.expr(v, 'value');
    let outOp = op;
    if (target.k === 'id' && op !== '=') {
      // A compound assignment to a known local with a known operand is a constant assignment.
      const known = this.env?.get(target.name);
      if (known !== undefined && 'c' in known && isLit(value)) {
        const r = evalBinary(op.slice(0, -1), known.c, value.v);
        if (representable(r)) { value = lit(r); outOp = '='; }
      }
    }
    if (target.k === 'id' && this.env !== null) {
      forget(this.env, target.name);
      if (outOp === '=') {
        if (isLit(value)) this.env.set(target.name, { c: value.v });
        else if (value.k === 'id' && value.name !== target.name) this.env.set(target.name, { copy: value.name });
      }
    }
    return { k: 'asg', op: outOp, target, value };
  }

  /** Folds a statement list; unreachable statements are dropped. */
  stmts(list: readonly Stmt[]): Stmt[] {
    const out: Stmt[] = [];
    for (const s of list) {
      if (this.env === null) break;
      this.stmt(s, out);
    }
    return out;
  }

  private stmt(s: Stmt, out: Stmt[]): void {
    switch (s.k) {
      case 'expr': {
        const e = this.expr(s.e, 'value');
        if (!pure(e)) out.push({ k: 'expr', e });
        return;
      }
      case 'block':
        out.push(...this.stmts(s.body));
        return;
      case 'if': {
        const c = this.expr(s.c, 'test');
        if (isLit(c)) {
          out.push(...this.stmts(truthy(c.v) ? s.t : (s.f ?? [])));
          return;
        }
        const before = this.env;
        this.env = clone(before);
        const t = this.stmts(s.t);
        const afterT = this.env;
        this.env = clone(before);
        const f = s.f === undefined ? undefined : this.stmts(s.f);
        this.env = merge(afterT, this.env);
        if (t.length === 0 && (f === undefined || f.length === 0)) {
          if (!pure(c)) out.push({ k: 'expr', e: c });
        } else if (t.length === 0 && f !== undefined) out.push({ k: 'if', c: { k: 'un', op: '!', e: c }, t: f, f: undefined });
        else out.push({ k: 'if', c, t, f: f !== undefined && f.length > 0 ? f : undefined });
        return;
      }
      case 'jump':
        out.push(s);
        this.env = null;
        return;
      case 'return':
        out.push({ k: 'return', e: s.e === undefined ? undefined : this.expr(s.e, 'value') });
        this.env = null;
        return;
      case 'decl':
        out.push({ k: 'decl', kw: s.kw, vars: s.vars.map((v) => ({ name: v.name, init: v.init === undefined ? undefined : this.assignDecl(v.name, v.init) })) });
        return;
    }
  }

  private assignDecl(name: string, init: Expr): Expr {
    const e = this.assignment('=', { k: 'id', name }, init);
    return e.k === 'asg' ? e.value : e;
  }
}

// ---------------------------------------------------------------------------------------------
// Dead stores (backward liveness over the function's own locals)

/** The locals whose stores may go, each with its bit in a Live mask. */
type Locals = ReadonlyMap<string, number>;
/** A set of locals as a bit mask (at most 31 locals are tracked: MAX_TRACKED). */
type Live = number;
const MAX_TRACKED = 31;

/** The locals `e` reads (tracked ones only), added to `live`. */
function reads(e: Expr, locals: Locals, live: Live): Live {
  switch (e.k) {
    case 'lit': return live;
    case 'id': return live | (locals.get(e.name) ?? 0);
    case 'mem': return reads(e.obj, locals, live);
    case 'idx': return reads(e.index, locals, reads(e.obj, locals, live));
    case 'call': {
      let l = reads(e.fn, locals, live);
      for (const a of e.args) l = reads(a, locals, l);
      return l;
    }
    case 'un': return reads(e.e, locals, live);
    case 'bin': case 'log': return reads(e.r, locals, reads(e.l, locals, live));
    case 'cond': return reads(e.f, locals, reads(e.t, locals, reads(e.c, locals, live)));
    case 'asg':
      // A compound assignment reads its target; `=` reads only the target's object and index.
      return reads(e.value, locals, e.op !== '=' || e.target.k !== 'id' ? reads(e.target, locals, live) : live);
    case 'upd': return reads(e.target, locals, live);
  }
}

/** What is live where control goes besides falling through. */
interface Exits {
  readonly breakLive: Live;
  readonly continueLive: Live;
  readonly all: Live;
}

class Liveness {
  constructor(private readonly locals: Locals, private readonly exits: Exits, private readonly remove: boolean) {}

  /** Live before `list` given `after` live after it; with `remove`, the list without dead stores. */
  stmts(list: readonly Stmt[], after: Live): { live: Live; list: Stmt[] } {
    let live = after;
    const out: Stmt[] = [];
    for (let i = list.length - 1; i >= 0; i--) {
      const r = this.stmt(list[i], live);
      live = r.live;
      if (r.stmt !== undefined) out.push(r.stmt);
    }
    return { live, list: out.reverse() };
  }

  private stmt(s: Stmt, after: Live): { live: Live; stmt: Stmt | undefined } {
    switch (s.k) {
      case 'expr': {
        const e = s.e;
        const bit = e.k === 'asg' && e.target.k === 'id' ? (this.locals.get(e.target.name) ?? 0) : 0;
        if (bit !== 0 && e.k === 'asg') {
          if ((after & bit) === 0 && pure(e.value) && this.remove) return { live: after, stmt: undefined };
          return { live: reads(e, this.locals, e.op === '=' ? after & ~bit : after), stmt: s };
        }
        return { live: reads(e, this.locals, after), stmt: s };
      }
      case 'block': {
        const r = this.stmts(s.body, after);
        return { live: r.live, stmt: { k: 'block', body: r.list } };
      }
      case 'if': {
        const t = this.stmts(s.t, after);
        const f = s.f === undefined ? { live: after, list: undefined } : this.stmts(s.f, after);
        return { live: reads(s.c, this.locals, t.live | f.live), stmt: { k: 'if', c: s.c, t: t.list, f: f.list } };
      }
      case 'jump':
        if (s.label !== 'body') return { live: this.exits.all, stmt: s };
        return { live: s.kw === 'break' ? this.exits.breakLive : this.exits.continueLive, stmt: s };
      case 'return':
        return { live: s.e === undefined ? 0 : reads(s.e, this.locals, 0), stmt: s };
      case 'decl':
        return { live: this.exits.all, stmt: s };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The block

/** A block function's body in three parts (blocks.ts `compile`). */
export interface BlockText {
  /** Statements before the loop: the local declarations (`let`/`const`) are read from here. */
  readonly head: string;
  /** The loop's body, one entry per instruction (or a `//` comment line). */
  readonly lines: readonly string[];
  /** Statements after the loop (reached by `break body`). */
  readonly tail: string;
}

/** A line that is only a comment (`// 3: addi at +12`). */
const COMMENT_RE = /^\s*\/\/[^\n]*$/;

/** One line of the loop: its statements, or its text when the folder does not understand it. */
type Line = { readonly stmts: Stmt[] } | { readonly text: string };

/**
 * The locals whose dead stores may go: the first MAX_TRACKED names declared with `let` in
 * `head` (the generators declare their scratch locals first).
 */
function declaredLocals(head: string): Map<string, number> {
  const bits = new Map<string, number>();
  try {
    for (const s of parse(head, true)) {
      if (s.k !== 'decl' || s.kw !== 'let') continue;
      for (const v of s.vars) {
        const n = bits.size;
        if (n < MAX_TRACKED && !bits.has(v.name)) bits.set(v.name, 1 << n);
      }
    }
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
  }
  return bits;
}

/**
 * The loop lines of a block, simplified: constants folded and propagated (from the loop's start,
 * where nothing is known, through every line in order), decidable branches resolved, and stores
 * to `let` locals of the head that nothing reads removed. Lines the folder does not understand
 * come back unchanged (and nothing is assumed across them).
 */
export function foldBlock(block: BlockText): string[] {
  const lines: Line[] = block.lines.map((text) => {
    if (COMMENT_RE.test(text)) return { text };
    try {
      return { stmts: parse(text) };
    } catch (e) {
      if (e instanceof Unsupported) return { text };
      throw e;
    }
  });
  // Forward: constants from the loop's start.
  const folder = new Folder(new Map());
  const folded: Line[] = lines.map((line) => {
    if ('text' in line) {
      if (!COMMENT_RE.test(line.text)) folder.env = folder.env === null ? null : new Map();
      return line;
    }
    if (folder.env === null) folder.env = new Map(); // unreachable from above: reached by a label? be safe
    return { stmts: folder.stmts(line.stmts) };
  });
  return deadStores(folded, block).map((line) => ('text' in line ? line.text : printStmts(line.stmts)));
}

/** Removes stores to the head's `let` locals that are dead everywhere after them. */
function deadStores(lines: readonly Line[], block: BlockText): Line[] {
  const locals = declaredLocals(block.head);
  if (locals.size === 0) return [...lines];
  const all: Live = -1 >>> (32 - locals.size);
  let breakLive = all;
  try {
    breakLive = new Liveness(locals, { breakLive: all, continueLive: all, all }, false).stmts(parse(block.tail), 0).live;
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
  }
  const pass = (loopLive: Live, remove: boolean): { live: Live; lines: Line[] } => {
    const lv = new Liveness(locals, { breakLive, continueLive: loopLive, all }, remove);
    let live = loopLive; // falling off the loop's end goes back to its start
    const out: Line[] = [];
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i];
      if ('text' in line) {
        if (!COMMENT_RE.test(line.text)) live = all;
        out.push(line);
        continue;
      }
      const r = lv.stmts(line.stmts, live);
      live = r.live;
      out.push({ stmts: r.list });
    }
    return { live, lines: out.reverse() };
  };
  // What is live at the loop's start: a fixpoint (each round can only add locals).
  let loopLive: Live = 0;
  for (;;) {
    const next = loopLive | pass(loopLive, false).live;
    if (next === loopLive) break;
    loopLive = next;
  }
  return pass(loopLive, true).lines;
}

/**
 * Folds a statement list alone (no loop around it, nothing known at its start, no dead-store
 * removal): what foldBlock does to one line. Text the folder does not understand comes back
 * unchanged. For tests and for code outside blocks.
 */
export function foldStatements(text: string): string {
  let stmts: Stmt[];
  try {
    stmts = parse(text);
  } catch (e) {
    if (e instanceof Unsupported) return text;
    throw e;
  }
  return printStmts(new Folder(new Map()).stmts(stmts));
}
