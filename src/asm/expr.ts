/**
 * Assembler expressions, with GNU as's operator precedence (which is not C's; expr.c op_rank):
 *   unary - ~ !  >  * / % << >>  >  | & ^ !  >  + -  >  == != <> < <= > >=  >  &&  >  ||
 * Comparisons give -1 for true and 0 for false, `&&` and `||` give 1 or 0, as GNU as does.
 * Values are 64-bit two's complement (BigInt: the assembler is not a hot path).
 */
import { RvnError } from '../errors';

export type Expr =
  | { readonly k: 'num'; readonly v: bigint }
  | { readonly k: 'sym'; readonly name: string }
  | { readonly k: 'un'; readonly op: string; readonly a: Expr }
  | { readonly k: 'bin'; readonly op: string; readonly a: Expr; readonly b: Expr };

/** Maps identifiers as written (`foo`, `1b`, `1f`, `.`) to symbol names. */
export type NameResolver = (raw: string) => string;

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

/** How many characters of `s` from `i` form an identifier. */
function identLength(s: string, i: number): number {
  let j = i;
  while (j < s.length && /[A-Za-z0-9_.$]/.test(s[j])) j++;
  return j - i;
}

function parseNumber(text: string): bigint | undefined {
  const t = text.toLowerCase();
  if (/^0x[0-9a-f]+$/.test(t)) return BigInt(t);
  if (/^0b[01]+$/.test(t)) return BigInt(t);
  if (/^0[0-7]+$/.test(t)) return BigInt('0o' + t.slice(1)); // GNU as: leading 0 is octal
  if (/^[0-9]+$/.test(t)) return BigInt(t);
  return undefined;
}

class Parser {
  private i = 0;
  constructor(private readonly s: string, private readonly names: NameResolver) {}

  parse(): Expr {
    const e = this.logicalOr();
    this.skip();
    if (this.i !== this.s.length) throw new RvnError(`junk in expression: '${this.s.slice(this.i)}'`);
    return e;
  }

  private skip(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  /** The binary operator at the cursor if it is one of `ops` (longest spelling first). */
  private peekOp(ops: readonly string[]): string | undefined {
    this.skip();
    const s = this.s;
    const i = this.i;
    const two = s.slice(i, i + 2);
    const spelled = ['<<', '>>', '<=', '>=', '<>', '==', '!=', '&&', '||'].includes(two) ? two : s[i];
    if (spelled === undefined || !ops.includes(spelled)) return undefined;
    return spelled;
  }

  private binaryLevel(ops: readonly string[], next: () => Expr): Expr {
    let a = next();
    for (let op = this.peekOp(ops); op !== undefined; op = this.peekOp(ops)) {
      this.i += op.length;
      a = { k: 'bin', op: op === '<>' ? '!=' : op, a, b: next() };
    }
    return a;
  }

  private logicalOr(): Expr {
    return this.binaryLevel(['||'], () => this.logicalAnd());
  }

  private logicalAnd(): Expr {
    return this.binaryLevel(['&&'], () => this.comparison());
  }

  private comparison(): Expr {
    return this.binaryLevel(['==', '!=', '<>', '<', '<=', '>', '>='], () => this.additive());
  }

  private additive(): Expr {
    return this.binaryLevel(['+', '-'], () => this.bitwise());
  }

  private bitwise(): Expr {
    return this.binaryLevel(['|', '&', '^', '!'], () => this.multiplicative());
  }

  private multiplicative(): Expr {
    return this.binaryLevel(['*', '/', '%', '<<', '>>'], () => this.unary());
  }

  private unary(): Expr {
    this.skip();
    const c = this.s[this.i];
    if (c === '-' || c === '~' || c === '!' || c === '+') {
      this.i++;
      const a = this.unary();
      return c === '+' ? a : { k: 'un', op: c, a };
    }
    return this.primary();
  }

  private primary(): Expr {
    this.skip();
    const s = this.s;
    const c = s[this.i];
    if (c === undefined) throw new RvnError('missing operand in expression');
    if (c === '(') {
      this.i++;
      const e = this.logicalOr();
      this.skip();
      if (s[this.i] !== ')') throw new RvnError('missing )');
      this.i++;
      return e;
    }
    if (c === "'") return this.charConstant();
    const n = identLength(s, this.i);
    if (n === 0) throw new RvnError(`bad expression at '${s.slice(this.i)}'`);
    const word = s.slice(this.i, this.i + n);
    this.i += n;
    if (/^[0-9]/.test(word)) {
      if (/^[0-9]+[bf]$/i.test(word)) return { k: 'sym', name: this.names(word.toLowerCase()) };
      const v = parseNumber(word);
      if (v === undefined) throw new RvnError(`bad number '${word}'`);
      return { k: 'num', v: wrap(v) };
    }
    return { k: 'sym', name: this.names(word) };
  }

  private charConstant(): Expr {
    const s = this.s;
    let j = this.i + 1;
    let ch = s[j];
    if (ch === '\\') {
      j++;
      const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'" };
      ch = esc[s[j]] ?? s[j];
    }
    if (ch === undefined) throw new RvnError('bad character constant');
    this.i = s[j + 1] === "'" ? j + 2 : j + 1;
    return { k: 'num', v: BigInt(ch.charCodeAt(0)) };
  }
}

export function parseExpr(text: string, names: NameResolver): Expr {
  if (text.trim() === '') throw new RvnError('missing expression');
  return new Parser(text, names).parse();
}

/** What a symbol name stands for while evaluating. */
export type SymbolInfo =
  | { readonly k: 'const'; readonly v: bigint }
  | { readonly k: 'label'; readonly section: string; readonly offset: number | undefined };

/** A relocatable value: `sym + add`, or a plain constant when `sym` is undefined. */
export interface Value {
  readonly sym?: string;
  readonly add: bigint;
}

export type SymbolLookup = (name: string) => SymbolInfo | undefined;

function binaryConst(op: string, a: bigint, b: bigint): bigint {
  switch (op) {
    case '+': return wrap(a + b);
    case '-': return wrap(a - b);
    case '*': return wrap(a * b);
    case '/':
    case '%':
      if (b === 0n) throw new RvnError('division by zero');
      return wrap(op === '/' ? a / b : a % b);
    // GNU as shifts as unsigned 64-bit values (expr.c: valueT), and a count of 64 or more gives 0.
    case '<<': return b < 0n || b >= 64n ? 0n : wrap(a << b);
    case '>>': return b < 0n || b >= 64n ? 0n : wrap(BigInt.asUintN(64, a) >> b);
    case '|': return wrap(a | b);
    case '&': return wrap(a & b);
    case '^': return wrap(a ^ b);
    case '!': return wrap(a | ~b);
    case '==': return a === b ? -1n : 0n;
    case '!=': return a !== b ? -1n : 0n;
    case '<': return a < b ? -1n : 0n;
    case '<=': return a <= b ? -1n : 0n;
    case '>': return a > b ? -1n : 0n;
    case '>=': return a >= b ? -1n : 0n;
    case '&&': return a !== 0n && b !== 0n ? 1n : 0n;
    case '||': return a !== 0n || b !== 0n ? 1n : 0n;
    default: throw new RvnError(`bad operator ${op}`);
  }
}

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

function subtract(a: Value, b: Value, lookup: SymbolLookup): Value {
  if (b.sym === undefined) return { sym: a.sym, add: wrap(a.add - b.add) };
  const la = a.sym === undefined ? undefined : lookup(a.sym);
  const lb = lookup(b.sym);
  if (la?.k === 'label' && lb?.k === 'label' && la.section === lb.section &&
      la.offset !== undefined && lb.offset !== undefined) {
    return { add: wrap(BigInt(la.offset - lb.offset) + a.add - b.add) };
  }
  throw new RvnError(`can't subtract symbol '${b.sym}' here (not a label in the same section)`);
}

/** Evaluates `e`; symbols that are not constants stay symbolic (at most one, added). */
export function evaluate(e: Expr, lookup: SymbolLookup): Value {
  switch (e.k) {
    case 'num': return { add: e.v };
    case 'sym': {
      const info = lookup(e.name);
      if (info?.k === 'const') return { add: info.v };
      return { sym: e.name, add: 0n };
    }
    case 'un': {
      const a = evaluate(e.a, lookup);
      if (a.sym !== undefined) throw new RvnError(`can't apply '${e.op}' to symbol '${a.sym}'`);
      if (e.op === '-') return { add: wrap(-a.add) };
      if (e.op === '~') return { add: wrap(~a.add) };
      return { add: a.add === 0n ? 1n : 0n };
    }
    case 'bin': {
      const a = evaluate(e.a, lookup);
      const b = evaluate(e.b, lookup);
      if (e.op === '-') return subtract(a, b, lookup);
      if (e.op === '+') {
        if (a.sym !== undefined && b.sym !== undefined) throw new RvnError(`can't add symbols '${a.sym}' and '${b.sym}'`);
        return { sym: a.sym ?? b.sym, add: wrap(a.add + b.add) };
      }
      if (COMPARISONS.has(e.op) && (a.sym !== undefined || b.sym !== undefined)) {
        // Two addresses in the same section compare by their difference.
        const d = subtract(a, b, lookup);
        return { add: binaryConst(e.op, d.add, 0n) };
      }
      const s = a.sym ?? b.sym;
      if (s !== undefined) throw new RvnError(`symbol '${s}' is not a constant`);
      return { add: binaryConst(e.op, a.add, b.add) };
    }
  }
}
