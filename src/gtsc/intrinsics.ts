/**
 * Intrinsics: functions declared in guest.d.ts that compile to instructions rather than calls.
 * Each is a small lowering routine over the LowerApi.
 */
import ts from 'typescript';
import { CSR_NUMBERS } from './csrs';
import { fail } from './diag';
import { I64, INT_ALIASES, intType, PTR_U8, U64, VOID, type GType } from './types';
import type { LowerApi, Val } from './val';

export type Intrinsic = (api: LowerApi, call: ts.CallExpression) => Val;

const NONE: Val = { t: VOID, imm: 0n };

function args(call: ts.CallExpression, n: number, max = n): readonly ts.Expression[] {
  if (call.arguments.length < n || call.arguments.length > max) {
    fail(call, `'${call.expression.getText()}' takes ${n === max ? n : `${n} to ${max}`} argument(s)`);
  }
  return call.arguments;
}

/** An instruction template with register operands; returns a u64 result when `result`. */
function raw(api: LowerApi, text: string, operands: readonly ts.Expression[], result: boolean): Val {
  const uses = operands.map((e) => api.reg(api.expr(e)));
  const d = result ? api.temp() : undefined;
  api.emit({ op: 'raw', text, d, uses });
  return d === undefined ? NONE : { t: U64, r: d };
}

function fixed(text: string, result = false): Intrinsic {
  return (api, call) => raw(api, text, args(call, 0), result);
}

function csrNumber(api: LowerApi, e: ts.Expression): number {
  if (ts.isStringLiteral(e)) {
    const n = CSR_NUMBERS[e.text];
    if (n === undefined) fail(e, `unknown CSR '${e.text}'`);
    return n;
  }
  const v = api.constValue(e);
  if (v === undefined || v < 0n || v > 0xfffn) fail(e, 'a CSR must be a name or a constant number 0..0xfff');
  return Number(v);
}

function csrOp(mnemonic: 'csrrw' | 'csrrs' | 'csrrc', result: boolean): Intrinsic {
  return (api, call) => {
    const [c, v] = args(call, 2);
    const csr = `0x${csrNumber(api, c!).toString(16)}`;
    const k = api.constValue(v!);
    const d = result ? api.temp() : undefined;
    const rd = result ? '{d}' : 'zero';
    if (k !== undefined && k >= 0n && k < 32n) {
      api.emit({ op: 'raw', text: `${mnemonic}i ${rd}, ${csr}, ${k}`, d, uses: [] });
    } else {
      api.emit({ op: 'raw', text: `${mnemonic} ${rd}, ${csr}, {0}`, d, uses: [api.reg(api.expr(v!))] });
    }
    return d === undefined ? NONE : { t: U64, r: d };
  };
}

function load(size: 1 | 2 | 4 | 8, signed: boolean): Intrinsic {
  return (api, call) => {
    const [a] = args(call, 1);
    const { base, off } = api.address(a!);
    const d = api.temp();
    api.emit({ op: 'ld', size, signed, d, a: base, off, vol: true });
    return { t: intType(signed ? (['i8', 'i16', 'i32', 'i64'] as const)[Math.log2(size)]! : (['u8', 'u16', 'u32', 'u64'] as const)[Math.log2(size)]!), r: d };
  };
}

function store(size: 1 | 2 | 4 | 8): Intrinsic {
  return (api, call) => {
    const [a, v] = args(call, 2);
    const { base, off } = api.address(a!);
    const b = api.reg(api.expr(v!));
    api.emit({ op: 'st', size, a: base, b, off, vol: true });
    return NONE;
  };
}

function amo(name: string, width: 'w' | 'd'): Intrinsic {
  return (api, call) => raw(api, `${name}.${width}.aqrl {d}, {1}, ({0})`, args(call, 2), true);
}

function uipi(funct7: number, operand: boolean, result: boolean): Intrinsic {
  return (api, call) => {
    const ops = args(call, operand ? 1 : 0);
    return raw(api, `.insn r 0x7B, 6, ${funct7}, ${result ? '{d}' : 'x0'}, ${operand ? '{0}' : 'x0'}, x0`, ops, result);
  };
}

function cast(name: string): Intrinsic {
  return (api, call) => {
    const [v] = args(call, 1);
    return api.convert(api.expr(v!), intType(INT_ALIASES[name]!));
  };
}

function relabel(to: (api: LowerApi, call: ts.CallExpression) => GType): Intrinsic {
  return (api, call) => {
    const [v] = args(call, 1);
    const x = api.expr(v!);
    return x.r !== undefined ? { t: to(api, call), r: x.r } : { t: to(api, call), imm: x.imm };
  };
}

const ECALL_REGS = [17, 10, 11, 12, 13, 14, 15];

const table: Record<string, Intrinsic> = {
  ptr: relabel((api, call) => ({ k: 'ptr', to: api.typeArg(call, 0) ?? intType('u8') })),
  cstr: relabel(() => PTR_U8),
  fnaddr: relabel(() => U64),
  frameOf: relabel(() => U64),
  suspend: (_api, call) => fail(call, 'suspend() must be awaited in an async function: await suspend()'),
  sizeof: (api, call) => {
    const t = api.typeArg(call, 0);
    if (!t) fail(call, 'sizeof needs a type argument: sizeof<T>()');
    return { t: I64, imm: BigInt(sizeOfType(t)) };
  },
  zeroed: (_api, call) => fail(call, 'zeroed() may only initialise a variable of array or struct type'),
  table: (_api, call) => fail(call, 'table() may only initialise a module-level variable'),
  offsetof: (api, call) => {
    const t = api.typeArg(call, 0);
    const [f] = args(call, 1);
    if (!t || t.k !== 'struct') fail(call, 'offsetof needs a struct type argument: offsetof<S>(\'field\')');
    if (!ts.isStringLiteral(f!)) fail(f!, 'offsetof needs a field name as a string literal');
    const field = t.s.fields.find((x) => x.name === f.text);
    if (!field) fail(f, `struct ${t.s.name} has no field '${f.text}'`);
    return { t: I64, imm: BigInt(field.offset) };
  },
  load8: load(1, false), load16: load(2, false), load32: load(4, false), load64: load(8, false),
  loadS8: load(1, true), loadS16: load(2, true), loadS32: load(4, true),
  store8: store(1), store16: store(2), store32: store(4), store64: store(8),
  csr_read: (api, call) => {
    const [c] = args(call, 1);
    const d = api.temp();
    api.emit({ op: 'raw', text: `csrrs {d}, 0x${csrNumber(api, c!).toString(16)}, zero`, d, uses: [] });
    return { t: U64, r: d };
  },
  csr_write: csrOp('csrrw', false),
  csr_set: csrOp('csrrs', false),
  csr_clear: csrOp('csrrc', false),
  csr_swap: csrOp('csrrw', true),
  rdcycle: fixed('csrrs {d}, 0xc00, zero', true),
  rdtime: fixed('csrrs {d}, 0xc01, zero', true),
  rdinstret: fixed('csrrs {d}, 0xc02, zero', true),
  ecall: (api, call) => {
    const a = args(call, 1, 7);
    const regs = a.map((e) => api.reg(api.expr(e)));
    const d = api.temp();
    api.emit({ op: 'call', target: 'ecall', args: regs, argRegs: ECALL_REGS.slice(0, regs.length), d });
    return { t: U64, r: d };
  },
  ebreak: fixed('ebreak'),
  wfi: fixed('wfi'),
  fence: fixed('fence'),
  fence_i: fixed('fence.i'),
  sfence_vma: (api, call) => {
    const a = args(call, 0, 2);
    const text = ['sfence.vma', 'sfence.vma {0}', 'sfence.vma {0}, {1}'][a.length]!;
    return raw(api, text, a, false);
  },
  mret: fixed('mret'),
  sret: fixed('sret'),
  uret: fixed('.insn i 0x73, 0, x0, x0, 0x002'),
  lr_d: (api, call) => raw(api, 'lr.d.aq {d}, ({0})', args(call, 1), true),
  lr_w: (api, call) => raw(api, 'lr.w.aq {d}, ({0})', args(call, 1), true),
  sc_d: (api, call) => raw(api, 'sc.d.rl {d}, {1}, ({0})', args(call, 2), true),
  sc_w: (api, call) => raw(api, 'sc.w.rl {d}, {1}, ({0})', args(call, 2), true),
  uipi_send: uipi(0, true, false),
  uipi_read: uipi(1, false, true),
  uipi_write: uipi(2, true, false),
  uipi_activate: uipi(3, false, false),
  uipi_deactivate: uipi(4, false, false),
  asm: (api, call) => {
    const [t, ...rest] = call.arguments;
    if (!t || !(ts.isStringLiteral(t) || ts.isNoSubstitutionTemplateLiteral(t))) fail(call, 'asm() needs a string literal template');
    return raw(api, t.text, rest, /\{d\}/.test(t.text));
  },
};

for (const op of ['add', 'swap', 'and', 'or', 'xor', 'max', 'min', 'maxu', 'minu']) {
  table[`amo${op}_d`] = amo(`amo${op}`, 'd');
  table[`amo${op}_w`] = amo(`amo${op}`, 'w');
}
for (const name of Object.keys(INT_ALIASES)) if (name !== 'number' && name !== 'boolean') table[name] = cast(name);

function sizeOfType(t: GType): number {
  switch (t.k) {
    case 'int': return { u8: 1, i8: 1, bool: 1, u16: 2, i16: 2, u32: 4, i32: 4, u64: 8, i64: 8 }[t.name];
    case 'ptr': case 'fn': return 8;
    case 'arr': return t.n * sizeOfType(t.of);
    case 'struct': return t.s.size;
    case 'void': return 0;
  }
}

export const INTRINSICS: Readonly<Record<string, Intrinsic>> = table;
