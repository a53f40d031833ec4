/**
 * `#if` / `#elif` expressions (C17 6.10.1): integer constant expressions in intmax_t /
 * uintmax_t (64 bits here), with C's precedence, the usual arithmetic conversions between
 * signed and unsigned, short-circuit `&&`, `||` and `?:` (the unevaluated side may divide by
 * zero). `defined` has already been replaced and macros expanded; remaining identifiers are 0.
 */
import type { Tok } from './lexer';

interface Num {
  readonly v: bigint;
  readonly unsigned: boolean;
}

export class CondExprError extends Error {}

const s64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const u64 = (v: bigint): bigint => BigInt.asUintN(64, v);
const make = (v: bigint, unsigned: boolean): Num => ({ v: unsigned ? u64(v) : s64(v), unsigned });
const truth = (n: Num): boolean => n.v !== 0n;

/** Value of a C integer literal with its suffix (u, l, ll in any case and order). */
function parseInteger(text: string): Num {
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)([uUlL]*)$/.exec(text);
  if (!m || !/^(u?(l|ll|L|LL)?|(l|ll|L|LL)u?)$/i.test(m[2])) throw new CondExprError(`invalid integer constant '${text}' in #if`);
  const body = m[1];
  let v: bigint;
  if (/^0[0-7]+$/.test(body)) v = BigInt('0o' + body.slice(1));
  else if (/^0[0-9]+$/.test(body)) throw new CondExprError(`invalid digit in octal constant '${text}'`);
  else v = BigInt(body);
  if (v > 0xffffffffffffffffn) throw new CondExprError(`integer constant '${text}' is too large`);
  // A decimal constant without u that does not fit intmax_t is unsigned (with a GCC warning).
  const unsigned = /u/i.test(m[2]) || v > 0x7fffffffffffffffn;
  return make(v, unsigned);
}

const ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, e: 27, '\\': 92, "'": 39, '"': 34, '?': 63 };

/** Value of a character constant: the int value of its (last) character, as GCC computes it. */
function parseChar(text: string): Num {
  const body = text.slice(1, -1);
  const chars: number[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') {
      chars.push(body.charCodeAt(i) & 255);
      continue;
    }
    const n = body[++i];
    if (n in ESCAPES) chars.push(ESCAPES[n]);
    else if (n === 'x') {
      const m = /^[0-9a-fA-F]+/.exec(body.slice(i + 1));
      chars.push(parseInt(m?.[0] ?? '0', 16) & 255);
      i += m?.[0].length ?? 0;
    } else if (/[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(body.slice(i)) ?? ['0'];
      chars.push(parseInt(m[0], 8) & 255);
      i += m[0].length - 1;
    } else chars.push(n.charCodeAt(0) & 255);
  }
  if (chars.length === 0) throw new CondExprError('empty character constant in #if');
  // char is unsigned on RISC-V; GCC packs a multi-character constant big-endian into an int.
  let v = 0;
  for (const c of chars) v = ((v << 8) | c) | 0;
  return make(BigInt(chars.length === 1 ? chars[0] : v), false);
}

/** Binary operators by precedence level, loosest first (after ?: , || and &&). */
const LEVELS: readonly (readonly string[])[] = [
  ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%'],
];

class Parser {
  private i = 0;
  constructor(private readonly toks: readonly Tok[]) {}

  parse(): bigint {
    if (this.toks.length === 0) throw new CondExprError('#if with no expression');
    const v = this.conditional(true);
    if (this.i < this.toks.length) throw new CondExprError(`missing binary operator before token "${this.toks[this.i].text}"`);
    return v.v;
  }

  private peek(): string | undefined {
    return this.toks[this.i]?.text;
  }

  private expect(text: string): void {
    if (this.peek() !== text) throw new CondExprError(`expected '${text}' in #if expression${this.peek() ? ` before "${this.peek()}"` : ''}`);
    this.i++;
  }

  private conditional(live: boolean): Num {
    const c = this.logical(live, 0);
    if (this.peek() !== '?') return c;
    this.i++;
    const a = this.conditional(live && truth(c));
    this.expect(':');
    const b = this.conditional(live && !truth(c));
    const unsigned = a.unsigned || b.unsigned;
    return make(truth(c) ? a.v : b.v, unsigned);
  }

  /** level 0: ||, level 1: && */
  private logical(live: boolean, level: 0 | 1): Num {
    const op = level === 0 ? '||' : '&&';
    let a = level === 0 ? this.logical(live, 1) : this.binary(live, 0);
    while (this.peek() === op) {
      this.i++;
      const decided = op === '||' ? truth(a) : !truth(a);
      const b = level === 0 ? this.logical(live && !decided, 1) : this.binary(live && !decided, 0);
      a = make(BigInt(op === '||' ? truth(a) || truth(b) : truth(a) && truth(b)), false);
    }
    return a;
  }

  private binary(live: boolean, level: number): Num {
    if (level >= LEVELS.length) return this.unary(live);
    let a = this.binary(live, level + 1);
    for (let op = this.peek(); op !== undefined && LEVELS[level].includes(op); op = this.peek()) {
      this.i++;
      const b = this.binary(live, level + 1);
      a = apply(op, a, b, live);
    }
    return a;
  }

  private unary(live: boolean): Num {
    const t = this.toks[this.i];
    if (t === undefined) throw new CondExprError('#if expression ends too early');
    if (t.kind === 'punct' && ['-', '+', '~', '!'].includes(t.text)) {
      this.i++;
      const a = this.unary(live);
      switch (t.text) {
        case '-': return make(-a.v, a.unsigned);
        case '+': return a;
        case '~': return make(~a.v, a.unsigned);
        default: return make(BigInt(!truth(a)), false);
      }
    }
    if (t.text === '(') {
      this.i++;
      const v = this.conditional(live);
      this.expect(')');
      return v;
    }
    this.i++;
    if (t.kind === 'num') return parseInteger(t.text);
    if (t.kind === 'chr') return parseChar(t.text);
    if (t.kind === 'id') return make(0n, false);
    throw new CondExprError(`token "${t.text}" is not valid in preprocessor expressions`);
  }
}

function apply(op: string, a: Num, b: Num, live: boolean): Num {
  const unsigned = a.unsigned || b.unsigned;
  const x = unsigned ? u64(a.v) : a.v;
  const y = unsigned ? u64(b.v) : b.v;
  switch (op) {
    case '*': return make(x * y, unsigned);
    case '/': case '%':
      if (y === 0n) {
        if (live) throw new CondExprError('division by zero in #if');
        return make(0n, unsigned);
      }
      return make(op === '/' ? x / y : x % y, unsigned);
    case '+': return make(x + y, unsigned);
    case '-': return make(x - y, unsigned);
    // Shifts take the type of the left operand.
    case '<<': return make(b.v < 0n ? x >> -b.v : x << (b.v > 64n ? 64n : b.v), a.unsigned);
    case '>>': return make(b.v < 0n ? x << -b.v : (a.unsigned ? u64(a.v) : a.v) >> (b.v > 64n ? 64n : b.v), a.unsigned);
    case '<': return make(BigInt(x < y), false);
    case '>': return make(BigInt(x > y), false);
    case '<=': return make(BigInt(x <= y), false);
    case '>=': return make(BigInt(x >= y), false);
    case '==': return make(BigInt(x === y), false);
    case '!=': return make(BigInt(x !== y), false);
    case '&': return make(x & y, unsigned);
    case '^': return make(x ^ y, unsigned);
    default: return make(x | y, unsigned);
  }
}

/** Evaluates a `#if` expression; throws CondExprError with a GCC-like message when it is bad. */
export function evaluateCondition(toks: readonly Tok[]): boolean {
  return new Parser(toks).parse() !== 0n;
}
