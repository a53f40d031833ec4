/**
 * Guest declarations: the types and intrinsics of guest TypeScript (see docs/gtsc.md).
 * Guest modules import what they use: `import { u64, Ptr, load32 } from '../gtsc/guest'`.
 * These declarations only serve tsc and editors; the compiler knows their meaning.
 */

// ---- integer types (all values are 64-bit integers in registers; widths apply when stored)
export type u8 = number;
export type u16 = number;
export type u32 = number;
export type u64 = number;
export type i8 = number;
export type i16 = number;
export type i32 = number;
export type i64 = number;
export type usize = number;
export type isize = number;

/** How an element or field of type T reads through a pointer: scalars as values, structs as pointers. */
export type Elem<T> = T extends number ? T : T extends (...args: never[]) => unknown ? T : Ptr<T>;
/** Pointer to T: `p.field` and `p[i]` for structs and arrays of T; arithmetic is byte-wise. */
export type Ptr<T> = number & Indexed<T> & (T extends number ? unknown : Fields<T>);
/** p[i] (an interface, so that recursive struct types resolve lazily). */
export interface Indexed<T> { [i: number]: Elem<T> }
/** p.field: scalar fields as values, embedded structs and arrays as pointers. */
export type Fields<T> = { [K in keyof T]: Elem<T[K]> };
/** A fixed-size array of N elements of T, laid out inline (struct field, static, stack local). */
export type Arr<T, N extends number> = Ptr<T> & { readonly __length?: N };

// ---- conversions (truncate / sign-extend to the width)
export declare function u8(x: number): u8;
export declare function u16(x: number): u16;
export declare function u32(x: number): u32;
export declare function u64(x: number): u64;
export declare function i8(x: number): i8;
export declare function i16(x: number): i16;
export declare function i32(x: number): i32;
export declare function i64(x: number): i64;
export declare function usize(x: number): usize;
export declare function isize(x: number): isize;
/** Reinterpret an address as a pointer to T (no code). */
export declare function ptr<T>(address: number): Ptr<T>;
/** The address of a string literal's NUL-terminated bytes (no code). */
export declare function cstr(s: string): Ptr<u8>;
/** The address of a function (no code). */
export declare function fnaddr(f: (...args: never[]) => unknown): u64;
/**
 * Coroutines (docs/gtsc.md, "async and await"): calling an async function makes a coroutine and
 * returns it without running it; `frameOf` is its address (no code), for an executor.
 */
export declare function frameOf<T>(coroutine: Promise<T>): u64;
/**
 * `await suspend()` parks the running coroutine: its resume function returns "pending" to
 * whoever resumed it, and it goes on after the await when it is next resumed.
 */
export declare function suspend(): Promise<void>;
/** Size in bytes of a guest type, a compile-time constant. */
export declare function sizeof<T>(): number;
/**
 * A zero-filled object of type T (Arr<...> or a struct): static storage at module level, a stack
 * object in a function. `const buf = zeroed<Arr<u8, 64>>()`, `const st = zeroed<State>()`.
 * Its value is its address (a Ptr<T> for structs).
 */
export declare function zeroed<T>(): T extends number ? T : Ptr<T>;

/**
 * Initialised static table (module level only): `const primes = table<u32>([2, 3, 5, 7])`,
 * `const handlers = table<Handler>([onA, onB])`, `const names = table<string>(['a', 'b'])`.
 * Elements are constants, function names or string literals (their addresses).
 */
export declare function table<T>(values: readonly T[]): Arr<T, number>;
/** Byte offset of a struct field, a compile-time constant: `offsetof<Frame>('sp')`. */
export declare function offsetof<T>(field: keyof T & string): number;

// ---- memory
export declare function load8(address: number): u8;
export declare function load16(address: number): u16;
export declare function load32(address: number): u32;
export declare function load64(address: number): u64;
export declare function loadS8(address: number): i8;
export declare function loadS16(address: number): i16;
export declare function loadS32(address: number): i32;
export declare function store8(address: number, value: number): void;
export declare function store16(address: number, value: number): void;
export declare function store32(address: number, value: number): void;
export declare function store64(address: number, value: number): void;

// ---- CSRs (csr: a constant number or a name such as "mstatus", "suirs")
export type Csr = number | string;
export declare function csr_read(csr: Csr): u64;
export declare function csr_write(csr: Csr, value: number): void;
export declare function csr_set(csr: Csr, bits: number): void;
export declare function csr_clear(csr: Csr, bits: number): void;
/** Write and return the old value (csrrw). */
export declare function csr_swap(csr: Csr, value: number): u64;
export declare function rdcycle(): u64;
export declare function rdtime(): u64;
export declare function rdinstret(): u64;

// ---- privileged and system instructions
/** ecall with a7 = which and a0.. = args; returns a0. Clobbers caller-saved registers. */
export declare function ecall(which: number, ...args: number[]): u64;
export declare function ebreak(): void;
export declare function wfi(): void;
export declare function fence(): void;
export declare function fence_i(): void;
export declare function sfence_vma(vaddr?: number, asid?: number): void;
export declare function mret(): void;
export declare function sret(): void;
export declare function uret(): void;

// ---- atomics (all .aqrl); return the old value. lr/sc: sc returns 0 on success.
export declare function amoadd_d(address: number, value: number): u64;
export declare function amoswap_d(address: number, value: number): u64;
export declare function amoand_d(address: number, value: number): u64;
export declare function amoor_d(address: number, value: number): u64;
export declare function amoxor_d(address: number, value: number): u64;
export declare function amomax_d(address: number, value: number): i64;
export declare function amomin_d(address: number, value: number): i64;
export declare function amomaxu_d(address: number, value: number): u64;
export declare function amominu_d(address: number, value: number): u64;
export declare function amoadd_w(address: number, value: number): i32;
export declare function amoswap_w(address: number, value: number): i32;
export declare function amoand_w(address: number, value: number): i32;
export declare function amoor_w(address: number, value: number): i32;
export declare function amoxor_w(address: number, value: number): i32;
export declare function amomax_w(address: number, value: number): i32;
export declare function amomin_w(address: number, value: number): i32;
export declare function amomaxu_w(address: number, value: number): i32;
export declare function amominu_w(address: number, value: number): i32;
export declare function lr_d(address: number): u64;
export declare function sc_d(address: number, value: number): u64;
export declare function lr_w(address: number): i32;
export declare function sc_w(address: number, value: number): u64;

// ---- user-interrupt (UINTR) uipi instruction, .insn r 0x7B, 6, funct7, rd, rs1, x0
export declare function uipi_send(index: number): void;
export declare function uipi_read(): u64;
export declare function uipi_write(bits: number): void;
export declare function uipi_activate(): void;
export declare function uipi_deactivate(): void;

/**
 * Inline assembly. `{0}`, `{1}`, ... are the argument registers, `{d}` the result register
 * (if the template mentions {d}, the call returns it). Lines separated by "\n".
 * The template must not clobber other registers. {d} may be the same register as an operand,
 * so write {d} only after the last read of the operands.
 */
export declare function asm(template: string, ...args: number[]): u64;
