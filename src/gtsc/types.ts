/**
 * Guest types: integers of each width, pointers, fixed arrays, structs and function types.
 * Every value is a 64-bit integer in a register; widths only matter when stored or converted.
 */
export type IntName = 'u8' | 'u16' | 'u32' | 'u64' | 'i8' | 'i16' | 'i32' | 'i64' | 'bool';

export interface IntInfo {
  readonly size: 1 | 2 | 4 | 8;
  readonly signed: boolean;
}

/** Integer type table: the guest's names, with `number` meaning i64 and `usize` meaning u64. */
export const INTS: Readonly<Record<IntName, IntInfo>> = {
  u8: { size: 1, signed: false },
  u16: { size: 2, signed: false },
  u32: { size: 4, signed: false },
  u64: { size: 8, signed: false },
  i8: { size: 1, signed: true },
  i16: { size: 2, signed: true },
  i32: { size: 4, signed: true },
  i64: { size: 8, signed: true },
  bool: { size: 1, signed: false },
};

export const INT_ALIASES: Readonly<Record<string, IntName>> = {
  u8: 'u8', u16: 'u16', u32: 'u32', u64: 'u64', i8: 'i8', i16: 'i16', i32: 'i32', i64: 'i64',
  usize: 'u64', isize: 'i64', number: 'i64', boolean: 'bool',
};

export interface StructField {
  readonly name: string;
  readonly type: GType;
  readonly offset: number;
}

export interface StructDef {
  readonly name: string;
  fields: StructField[];
  size: number;
  align: number;
  /** Set while the layout is being computed, to catch a struct that embeds itself. */
  laying: boolean;
  laid: boolean;
}

export interface FnSig {
  readonly params: GType[];
  readonly ret: GType;
}

export type GType =
  | { readonly k: 'int'; readonly name: IntName }
  | { readonly k: 'ptr'; readonly to: GType }
  | { readonly k: 'arr'; readonly of: GType; readonly n: number }
  | { readonly k: 'struct'; readonly s: StructDef }
  | { readonly k: 'fn'; readonly sig: FnSig }
  | { readonly k: 'void' };

export const I64: GType = { k: 'int', name: 'i64' };
export const U64: GType = { k: 'int', name: 'u64' };
export const U8: GType = { k: 'int', name: 'u8' };
export const BOOL: GType = { k: 'int', name: 'bool' };
export const VOID: GType = { k: 'void' };
export const PTR_U8: GType = { k: 'ptr', to: U8 };

export function intType(name: IntName): GType {
  return { k: 'int', name };
}

export function sizeOf(t: GType): number {
  switch (t.k) {
    case 'int': return INTS[t.name].size;
    case 'ptr': case 'fn': return 8;
    case 'arr': return t.n * sizeOf(t.of);
    case 'struct': return t.s.size;
    case 'void': return 0;
  }
}

export function alignOf(t: GType): number {
  switch (t.k) {
    case 'int': return INTS[t.name].size;
    case 'ptr': case 'fn': return 8;
    case 'arr': return alignOf(t.of);
    case 'struct': return t.s.align;
    case 'void': return 1;
  }
}

/** True when a value of this type is unsigned (pointers and function addresses are). */
export function isUnsigned(t: GType): boolean {
  return t.k === 'int' ? !INTS[t.name].signed : t.k !== 'void';
}

/** Storage types (arrays, embedded structs) denote their address when used as a value. */
export function valueType(t: GType): GType {
  if (t.k === 'arr') return { k: 'ptr', to: t.of };
  if (t.k === 'struct') return { k: 'ptr', to: t };
  return t;
}

/** Scalar = loadable into one register from memory. */
export function isScalar(t: GType): boolean {
  return t.k === 'int' || t.k === 'ptr' || t.k === 'fn';
}

/** Width and signedness of a scalar load/store. */
export function memAccess(t: GType): { size: 1 | 2 | 4 | 8; signed: boolean } {
  if (t.k === 'int') return INTS[t.name];
  return { size: 8, signed: false };
}

export function typeName(t: GType): string {
  switch (t.k) {
    case 'int': return t.name;
    case 'ptr': return `Ptr<${typeName(t.to)}>`;
    case 'arr': return `Arr<${typeName(t.of)}, ${t.n}>`;
    case 'struct': return t.s.name;
    case 'fn': return `(${t.sig.params.map(typeName).join(', ')}) => ${typeName(t.sig.ret)}`;
    case 'void': return 'void';
  }
}

/** Bring a 64-bit value into the range of an integer type (two's complement wrap). */
export function wrapConst(v: bigint, t: GType): bigint {
  if (t.k !== 'int' || t.name === 'bool') return BigInt.asIntN(64, v);
  const { size, signed } = INTS[t.name];
  const bits = size * 8;
  const w = signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v);
  return BigInt.asIntN(64, w);
}
