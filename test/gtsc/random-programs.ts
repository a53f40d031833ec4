// Differential test: random integer programs (arithmetic, arrays, loops, branches, division by
// constants; module-level variables, narrow locals that wrap, an array reached through a
// second pointer, a pointer-taking helper and a recursive function with side effects on
// module-level variables, to exercise the optimiser's memory rules) whose expected output is
// computed by a small BigInt interpreter written here from the documented semantics
// (docs/gtsc.md: i64 by default, `>>>` gives an unsigned value, an operation is unsigned when
// a non-constant operand is, a narrow local wraps on assignment), then compiled by gtsc and
// run on rvn (random.test.ts: a few seeds; random.external.test.ts: many more).

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

class Rng {
  constructor(private s: number) {}
  next(n: number): number {
    this.s = (Math.imul(this.s, 1103515245) + 12345) >>> 0;
    return (this.s >>> 8) % n;
  }
  pick<T>(xs: readonly T[]): T { return xs[this.next(xs.length)]!; }
}

/** Variables, the array A (B is A from element 16 on), globals G0 G1, narrow locals n0 n1 n2. */
interface Env { vars: bigint[]; arr: bigint[]; loopVars: bigint[]; g: bigint[]; n: bigint[] }

/** The narrow locals: name, type and how assignment wraps. */
const NARROW = [
  { type: 'u32', u: true, wrap: (v: bigint): bigint => BigInt.asUintN(32, v) },
  { type: 'i8', u: false, wrap: (v: bigint): bigint => BigInt.asIntN(8, v) },
  { type: 'u8', u: true, wrap: (v: bigint): bigint => BigInt.asUintN(8, v) },
] as const;

/** r(n): G1 += n + (n - 1) + ... + 1, returns G0 + n (recursion: never inlined, a barrier). */
function runR(n: bigint, e: Env): bigint {
  if (n <= 0n) return e.g[0]!;
  e.g[1] = wrap(e.g[1]! + n);
  return wrap(runR(n - 1n, e) + 1n);
}

/** hp(p, k) with p = A + base elements: p[k & 7] += k, returns p[(k + 1) & 7]. */
function runHp(base: number, k: bigint, e: Env): bigint {
  const i = base + Number(k & 7n);
  e.arr[i] = wrap(e.arr[i]! + k);
  return e.arr[base + Number(wrap(k + 1n) & 7n)]!;
}
/**
 * An expression with its static properties, mirroring the documented typing rules: `c` — a
 * compile-time constant (folded, never makes an operation unsigned); `u` — of unsigned type
 * (the result of `>>>`, or of arithmetic on an unsigned non-constant operand).
 */
type Expr = { text: string; c: boolean; u: boolean; eval: (e: Env) => bigint };
type Stmt = { text: string; run: (e: Env) => void };

const CONSTS = [0n, 1n, 2n, 3n, 7n, 10n, 100n, -1n, -5n, 255n, 4096n, 123456789n, -9876543210n];
const uns = (v: bigint): bigint => BigInt.asUintN(64, v);
const isUns = (a: Expr): boolean => !a.c && a.u;

/** `main`: generating main's body (globals, narrow locals, B, r and hp are in scope). */
interface Ctx { nv: number; main: boolean; helpers: { name: string; eval: (x: bigint, y: bigint, arr: bigint[]) => bigint }[] }

function genExpr(r: Rng, depth: number, loops: number, cx: Ctx): Expr {
  const leaf = depth <= 0 || r.next(3) === 0;
  if (leaf) {
    const k = r.next(cx.main ? 6 : loops > 0 ? 4 : 3);
    if (k === 0) { const c = r.pick(CONSTS); return { text: `(${c})`, c: true, u: false, eval: () => c }; }
    if (k === 1 || k === 2) { const v = r.next(cx.nv); return { text: `v${v}`, c: false, u: false, eval: (e) => e.vars[v]! }; }
    if (k === 4) { const g = r.next(2); return { text: `G${g}`, c: false, u: false, eval: (e) => e.g[g]! }; }
    if (k === 5) { const n = r.next(NARROW.length); return { text: `n${n}`, c: false, u: NARROW[n]!.u, eval: (e) => e.n[n]! }; }
    if (loops === 0) { const v = r.next(cx.nv); return { text: `v${v}`, c: false, u: false, eval: (e) => e.vars[v]! }; }
    const l = r.next(loops);
    return { text: `i${l}`, c: false, u: false, eval: (e) => e.loopVars[l]! };
  }
  const kind = r.next(cx.helpers.length > 0 ? 11 : 10);
  if (kind === 9 && cx.main) {
    const ix = genExpr(r, depth - 1, loops, cx);
    return { text: `B[(${ix.text}) & 15]`, c: false, u: false, eval: (e) => e.arr[16 + Number(ix.eval(e) & 15n)]! };
  }
  if (kind === 10) {
    const h = r.pick(cx.helpers);
    const x = genExpr(r, depth - 1, loops, cx), y = genExpr(r, depth - 1, loops, cx);
    return { text: `${h.name}(${x.text}, ${y.text})`, c: false, u: false, eval: (e) => h.eval(x.eval(e), y.eval(e), e.arr) };
  }
  if (kind === 0) {
    const ix = genExpr(r, depth - 1, loops, cx);
    return { text: `A[(${ix.text}) & 31]`, c: false, u: false, eval: (e) => e.arr[Number(ix.eval(e) & 31n)]! };
  }
  const a = genExpr(r, depth - 1, loops, cx);
  if (kind === 1) {
    const d = r.pick([3n, 7n, 10n, -3n, 8n, 1000n]);
    const op = r.pick(['/', '%']);
    const u = isUns(a);
    return {
      text: `(${a.text} ${op} (${d}))`, c: a.c, u,
      eval: (e) => {
        const x = a.eval(e);
        if (u) return wrap(op === '/' ? uns(x) / uns(d) : uns(x) % uns(d));
        return op === '/' ? wrap(x / d) : wrap(x % d);
      },
    };
  }
  if (kind === 2) {
    const s = BigInt(r.next(64));
    const op = r.pick(['<<', '>>', '>>>']);
    return {
      text: `(${a.text} ${op} ${s})`, c: a.c, u: op === '>>>' ? true : op === '>>' ? false : isUns(a),
      eval: (e) => {
        const x = a.eval(e);
        if (op === '<<') return wrap(x << s);
        if (op === '>>') return x >> s;
        return wrap(uns(x) >> s);
      },
    };
  }
  const b = genExpr(r, depth - 1, loops, cx);
  const op = r.pick(['+', '-', '*', '&', '|', '^', '<', '===', '>=']);
  const u = isUns(a) || isUns(b);
  const c = a.c && b.c;
  const f: Record<string, (x: bigint, y: bigint) => bigint> = {
    '+': (x, y) => wrap(x + y), '-': (x, y) => wrap(x - y), '*': (x, y) => wrap(x * y),
    '&': (x, y) => x & y, '|': (x, y) => x | y, '^': (x, y) => x ^ y,
    '<': (x, y) => ((u ? uns(x) < uns(y) : x < y) ? 1n : 0n),
    '===': (x, y) => (x === y ? 1n : 0n),
    '>=': (x, y) => ((u ? uns(x) >= uns(y) : x >= y) ? 1n : 0n),
  };
  const isCmp = ['<', '===', '>='].includes(op);
  const text = isCmp ? `((${a.text} ${op} ${b.text}) ? 1 : 0)` : `(${a.text} ${op} ${b.text})`;
  return { text, c, u: isCmp ? false : u, eval: (e) => f[op]!(a.eval(e), b.eval(e)) };
}

/** Statements that touch module-level variables, narrow locals, B, r and hp (main only). */
function genMainStmt(r: Rng, loops: number, indent: string, cx: Ctx): Stmt {
  const x = genExpr(r, 3, loops, cx);
  switch (r.next(6)) {
    case 0: {
      const g = r.next(2), add = r.next(2) === 0;
      return { text: `${indent}G${g} ${add ? '+=' : '='} ${x.text};`, run: (e) => { const old = e.g[g]!; e.g[g] = add ? wrap(old + x.eval(e)) : x.eval(e); } };
    }
    case 1: {
      const n = r.next(NARROW.length), add = r.next(2) === 0;
      return {
        text: `${indent}n${n} ${add ? '+=' : '='} ${x.text};`,
        run: (e) => { const old = e.n[n]!; e.n[n] = NARROW[n]!.wrap(add ? old + x.eval(e) : x.eval(e)); },
      };
    }
    case 2: {
      const ix = genExpr(r, 2, loops, cx);
      return { text: `${indent}B[(${ix.text}) & 15] = ${x.text};`, run: (e) => { const i = 16 + Number(ix.eval(e) & 15n); e.arr[i] = x.eval(e); } };
    }
    case 3: {
      const v = r.next(cx.nv);
      return { text: `${indent}v${v} = r((${x.text}) & 7);`, run: (e) => { e.vars[v] = runR(x.eval(e) & 7n, e); } };
    }
    default: {
      const v = r.next(cx.nv), base = r.pick([0, 16]);
      return { text: `${indent}v${v} = hp(${base ? 'B' : 'A'}, ${x.text});`, run: (e) => { e.vars[v] = runHp(base, x.eval(e), e); } };
    }
  }
}

function genStmts(r: Rng, n: number, loops: number, indent: string, cx: Ctx): Stmt[] {
  const out: Stmt[] = [];
  for (let k = 0; k < n; k++) {
    const kind = r.next(loops < 2 ? 8 : 6);
    if (kind >= 6 || (kind >= 4 && loops >= 2)) {
      out.push(genMainStmt(r, loops, indent, cx));
    } else if (kind <= 1) {
      const v = r.next(cx.nv);
      const x = genExpr(r, 3, loops, cx);
      out.push({ text: `${indent}v${v} = ${x.text};`, run: (e) => { e.vars[v] = x.eval(e); } });
    } else if (kind === 2) {
      const ix = genExpr(r, 2, loops, cx), x = genExpr(r, 3, loops, cx);
      out.push({
        text: `${indent}A[(${ix.text}) & 31] = ${x.text};`,
        run: (e) => { const i = Number(ix.eval(e) & 31n); e.arr[i] = x.eval(e); },
      });
    } else if (kind === 3) {
      const a = genExpr(r, 2, loops, cx), b = genExpr(r, 2, loops, cx);
      const t = genStmts(r, 2, loops, indent + '  ', cx), f = genStmts(r, 1, loops, indent + '  ', cx);
      out.push({
        text: `${indent}if (${a.text} < ${b.text}) {\n${t.map((s) => s.text).join('\n')}\n${indent}} else {\n${f.map((s) => s.text).join('\n')}\n${indent}}`,
        run: (e) => {
          const u = isUns(a) || isUns(b);
          const x = a.eval(e), y = b.eval(e);
          for (const s of (u ? uns(x) < uns(y) : x < y) ? t : f) s.run(e);
        },
      });
    } else {
      const count = BigInt(1 + r.next(9));
      const step = r.pick([1n, 1n, 2n, 3n]);
      const body = genStmts(r, 3, loops + 1, indent + '  ', cx);
      const l = loops;
      out.push({
        text: `${indent}for (let i${l} = 0; i${l} < ${count}; i${l} += ${step}) {\n${body.map((s) => s.text).join('\n')}\n${indent}}`,
        run: (e) => { for (e.loopVars[l] = 0n; e.loopVars[l]! < count; e.loopVars[l] = e.loopVars[l]! + step) for (const s of body) s.run(e); },
      });
    }
  }
  return out;
}

export function genProgram(seed: number): { text: string; expected: string } {
  const r = new Rng(seed);
  const nv = seed % 2 === 0 ? 5 : 16; // odd seeds: more live variables than registers
  const helperText: string[] = [];
  const cx: Ctx = { nv, main: true, helpers: [] };
  for (let k = 0; k < 3; k++) {
    const body = genExpr(r, 3, 0, { nv: 2, main: false, helpers: cx.helpers.slice() });
    helperText.push(`function h${k}(v0: i64, v1: i64): i64 {\n  return ${body.text};\n}`);
    cx.helpers.push({ name: `h${k}`, eval: (x, y, arr) => body.eval({ vars: [x, y], arr, loopVars: [], g: [], n: [] }) });
  }
  const init = Array.from({ length: nv }, () => r.pick(CONSTS));
  const gInit = [r.pick(CONSTS), r.pick(CONSTS)];
  const nInit = NARROW.map((t) => t.wrap(r.pick(CONSTS)));
  const stmts = genStmts(r, 8, 0, '  ', cx);
  const env: Env = { vars: [...init], arr: Array.from({ length: 32 }, (_, k) => BigInt(k * 7 - 50)), loopVars: [], g: [...gInit], n: [...nInit] };
  for (const s of stmts) s.run(env);
  const text = [
    "import { printI, putchar } from '../../../src/gtsc/runtime/rt';",
    "import { Arr, Ptr, i64, i8, ptr, u32, u64, u8, zeroed } from '../../../src/gtsc/guest';",
    'const A = zeroed<Arr<i64, 32>>();',
    ...gInit.map((c, k) => `let G${k}: i64 = ${c};`),
    ...helperText,
    'function r(n: i64): i64 {\n  if (n <= 0) return G0;\n  G1 = G1 + n;\n  return r(n - 1) + 1;\n}',
    'function hp(p: Ptr<i64>, k: i64): i64 {\n  p[k & 7] = p[k & 7] + k;\n  return p[(k + 1) & 7];\n}',
    'export function main(): u64 {',
    '  for (let k = 0; k < 32; k++) A[k] = k * 7 - 50;',
    '  const B = ptr<i64>(A + 128);',
    ...init.map((c, k) => `  let v${k}: i64 = ${c};`),
    ...NARROW.map((t, k) => `  let n${k}: ${t.type} = ${nInit[k]};`),
    ...stmts.map((s) => s.text),
    ...Array.from({ length: nv }, (_, k) => `  printI(v${k}); putchar(32);`),
    ...['G0', 'G1', 'n0', 'n1', 'n2'].map((v) => `  printI(${v}); putchar(32);`),
    '  let s: i64 = 0;',
    '  for (let k = 0; k < 32; k++) s = s * 31 + A[k];',
    '  printI(s); putchar(10);',
    '  return 0;',
    '}',
  ].join('\n');
  let s = 0n;
  for (const a of env.arr) s = wrap(s * 31n + a);
  return { text, expected: `${[...env.vars, ...env.g, ...env.n].join(' ')} ${s}\n` };
}
