/**
 * The assembler directives (everything starting with `.` that is not a macro, repeat or
 * conditional, which reader.ts handles), as a table from name to handler. Behaviour follows
 * GNU as 2.40 for RISC-V; where GNU as only accepts constants (`.uleb128`, `.fill`, `.org`),
 * so does rvn.
 */
import { RvnError } from '../errors';
import type { Assembler } from './assembler';
import { defaultSectionFlags } from './assembler';
import { assembleInsnDirective } from './instructions';
import type { SectionFlags } from './items';
import type { SymbolType } from './object';
import { parseString, splitOperands } from './source';
import { knownExtension, parseMarch } from './target';

type Handler = (a: Assembler, args: string[], raw: string, op: string) => void;

const DATA_WIDTH: Record<string, 1 | 2 | 4 | 8> = {
  '.byte': 1, '.half': 2, '.hword': 2, '.short': 2, '.2byte': 2, '.word': 4, '.long': 4, '.int': 4, '.4byte': 4,
  '.dword': 8, '.quad': 8, '.8byte': 8,
};

/** Accepted and ignored: debugging and bookkeeping directives that do not change the bytes. */
const IGNORED = [
  '.ident', '.end', '.addrsig', '.addrsig_sym', '.hidden', '.protected', '.internal',
  '.variant_cc', '.noaltmacro', '.print', '.list', '.nolist', '.eject', '.title', '.sbttl', '.psize', '.version',
];

function sectionName(raw: string | undefined, op: string): string {
  const name = raw !== undefined && /^".*"$/.test(raw) ? raw.slice(1, -1) : raw;
  if (name === undefined || !/^[A-Za-z_.$][A-Za-z0-9_.$-]*$/.test(name)) throw new RvnError(`${op}: bad section name '${name ?? ''}'`);
  return name;
}

/** `.section NAME[, "FLAGS"[, @TYPE]]`: flags a (alloc) w (write) x (exec); type progbits or nobits. */
function sectionFlags(name: string, args: readonly string[]): SectionFlags | undefined {
  const flagText = args[1];
  const typeText = args[2]?.replace(/^[@%"]|"$/g, '');
  if (flagText === undefined) return undefined;
  const f = flagText.replace(/^"|"$/g, '');
  if (!/^[awxMSGTRoeydl?]*$/.test(f)) throw new RvnError(`.section: unknown flags '${f}'`);
  if (typeText !== undefined && !['progbits', 'nobits', 'note', 'init_array', 'fini_array', 'preinit_array'].includes(typeText)) {
    throw new RvnError(`.section: unknown section type '@${typeText}'`);
  }
  const nobits = typeText === 'nobits' || (typeText === undefined && (defaultSectionFlags(name)?.nobits ?? false));
  return { alloc: f.includes('a'), write: f.includes('w'), exec: f.includes('x'), nobits };
}

function dataDirective(a: Assembler, args: string[], _raw: string, op: string): void {
  for (const t of args) a.push({ k: 'data', width: DATA_WIDTH[op], expr: a.parseExpr(t), origin: a.origin() });
}

function strings(a: Assembler, args: string[], _raw: string, op: string): void {
  for (const t of args) {
    const bytes = parseString(t);
    if (op !== '.ascii') bytes.push(0);
    a.push({ k: 'bytes', data: bytes, origin: a.origin() });
  }
}

function space(a: Assembler, args: string[], _raw: string, op: string): void {
  const size = a.constArg(args[0], op);
  if (size < 0) throw new RvnError(`${op}: negative size`);
  a.push({ k: 'space', size, fill: args[1] !== undefined ? a.constArg(args[1], op) & 255 : 0, origin: a.origin() });
}

/** `.fill REPEAT[, SIZE[, VALUE]]`: SIZE bytes (at most 8), the low 4 from VALUE, the rest 0. */
function fill(a: Assembler, args: string[]): void {
  const repeat = a.constArg(args[0], '.fill');
  const size = Math.min(8, args[1] !== undefined && args[1] !== '' ? a.constArg(args[1], '.fill') : 1);
  const value = args[2] !== undefined ? BigInt.asUintN(32, a.constantNow(args[2])) : 0n;
  if (repeat < 0 || size < 0) throw new RvnError('.fill: negative repeat count or size');
  if (repeat * size > 256 * 2 ** 20) throw new RvnError(`.fill: ${repeat * size} bytes is too large`);
  const one: number[] = [];
  for (let i = 0; i < size; i++) one.push(i < 4 ? Number((value >> BigInt(8 * i)) & 255n) : 0);
  const data: number[] = [];
  for (let i = 0; i < repeat; i++) data.push(...one);
  a.push({ k: 'bytes', data, origin: a.origin() });
}

/** LEB128 of a constant (RISC-V GNU as 2.40 accepts only one constant operand). */
function leb128(a: Assembler, args: string[], _raw: string, op: string): void {
  if (args.length !== 1) throw new RvnError(`${op} takes one constant`);
  const signed = op === '.sleb128';
  let v = a.constantNow(args[0]);
  if (!signed) v = BigInt.asUintN(64, v);
  const data: number[] = [];
  for (;;) {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    const done = signed ? (v === 0n && (byte & 0x40) === 0) || (v === -1n && (byte & 0x40) !== 0) : v === 0n;
    data.push(done ? byte : byte | 0x80);
    if (done) break;
  }
  a.push({ k: 'bytes', data, origin: a.origin() });
}

/** `.org OFFSET[, FILL]`: OFFSET is a constant or a label of this section plus a constant. */
function org(a: Assembler, args: string[]): void {
  if (args.length < 1) throw new RvnError('.org takes an offset');
  const fillByte = args[1] !== undefined ? a.constArg(args[1], '.org') & 255 : 0;
  const e = a.parseExpr(args[0]);
  const c = a.constant(e);
  if (c !== undefined) return a.push({ k: 'org', offset: Number(c), fill: fillByte, origin: a.origin() });
  const label = a.labelItem(e);
  if (label === undefined) throw new RvnError(`.org: '${args[0]}' is not a constant or a label of this section`);
  a.push({ k: 'org', offset: label.add, label: label.item, fill: fillByte, origin: a.origin() });
}

function option(a: Assembler, _args: string[], raw: string): void {
  const o = raw.trim();
  const [word, ...rest] = splitOperands(o);
  switch (word) {
    case 'rvc': return a.setRvc(true);
    case 'norvc': return a.setRvc(false);
    case 'push': return a.pushOptions();
    case 'pop': return a.popOptions();
    case 'relax': a.setRelax(true); return;
    case 'norelax': a.setRelax(false); return;
    case 'pic': case 'nopic': case 'csr-check': case 'no-csr-check': return;
    case 'arch': {
      if (rest.length === 0) throw new RvnError('.option arch needs +EXT, -EXT or an ISA string');
      if (/^rv/.test(rest[0])) return a.setArch(rest.slice(1), parseMarch(rest[0]));
      for (const r of rest) {
        if (!/^[+-][a-z][a-z0-9]*$/.test(r)) throw new RvnError(`.option arch: '${r}' must be +EXT or -EXT`);
        if (!knownExtension(r.slice(1))) throw new RvnError(`.option arch: unknown extension '${r.slice(1)}'`);
      }
      return a.setArch(rest, undefined);
    }
    default: throw new RvnError(`unknown .option '${o}'`);
  }
}

const ATTRIBUTE_TAGS: Record<string, number> = { stack_align: 4, arch: 5, unaligned_access: 6, priv_spec: 8, priv_spec_minor: 10, priv_spec_revision: 12 };

/** `.attribute TAG, VALUE`: arch and the privileged spec version go to .riscv.attributes. */
function attribute(a: Assembler, args: string[]): void {
  if (args.length !== 2) throw new RvnError('.attribute takes a tag and a value');
  const tag = /^\d+$/.test(args[0]) ? Number(args[0]) : ATTRIBUTE_TAGS[args[0].toLowerCase().replace(/^tag_riscv_/, '')];
  if (tag === undefined) throw new RvnError(`.attribute: unknown tag '${args[0]}'`);
  if (tag === 5) {
    const arch = parseString(args[1]).map((b) => String.fromCharCode(b)).join('');
    a.setArch([], parseMarch(arch.replace(/\d+p\d+/g, '')));
    return;
  }
  const slot = { 8: 0, 10: 1, 12: 2 }[tag];
  if (slot !== undefined) a.privSpec[slot] = a.constArg(args[1], '.attribute');
}

function symbolType(a: Assembler, args: string[]): void {
  if (args.length !== 2) throw new RvnError('.type takes a symbol and a type');
  const t = (args[1] ?? '').replace(/^[@%"]|"$/g, '');
  const types: Record<string, SymbolType> = { function: 'func', object: 'object', notype: 'notype', STT_FUNC: 'func', STT_OBJECT: 'object', STT_NOTYPE: 'notype' };
  if (types[t] === undefined) throw new RvnError(`.type: unknown type '${args[1]}'`);
  a.setType(args[0], types[t]);
}

const HANDLERS: Record<string, Handler> = {
  '.text': (a, _x, _r, op) => a.switchTo(op, undefined),
  '.data': (a, _x, _r, op) => a.switchTo(op, undefined),
  '.rodata': (a, _x, _r, op) => a.switchTo(op, undefined),
  '.bss': (a, _x, _r, op) => a.switchTo(op, undefined),
  '.section': (a, x, _r, op) => {
    const name = sectionName(x[0], op);
    a.switchTo(name, sectionFlags(name, x));
  },
  '.pushsection': (a, x, _r, op) => {
    const name = sectionName(x[0], op);
    a.pushSection(name, sectionFlags(name, x));
  },
  '.popsection': (a) => a.popSection(),
  '.previous': (a) => a.previousSection(),
  '.globl': (a, x) => x.forEach((n) => a.declareGlobal(n, false)),
  '.global': (a, x) => x.forEach((n) => a.declareGlobal(n, false)),
  '.weak': (a, x) => x.forEach((n) => a.declareGlobal(n, true)),
  '.local': (a, x) => x.forEach((n) => a.declareLocal(n)),
  '.align': (a, x, _r, op) => a.align(2 ** a.constArg(x[0], op), x[1], x[2]),
  '.p2align': (a, x, _r, op) => a.align(2 ** a.constArg(x[0], op), x[1], x[2]),
  '.balign': (a, x, _r, op) => a.align(a.constArg(x[0], op), x[1], x[2]),
  '.ascii': strings,
  '.asciz': strings,
  '.string': strings,
  '.zero': space,
  '.space': space,
  '.skip': space,
  '.fill': fill,
  '.org': org,
  '.uleb128': leb128,
  '.sleb128': leb128,
  '.equ': (a, x, _r, op) => set(a, x, op, true),
  '.set': (a, x, _r, op) => set(a, x, op, true),
  '.equiv': (a, x, _r, op) => set(a, x, op, false),
  '.option': option,
  '.insn': (a, _x, raw) => assembleInsnDirective(a, raw),
  '.type': symbolType,
  '.size': (a, x) => {
    if (x.length !== 2) throw new RvnError('.size takes a symbol and a size');
    a.setSize(x[0], a.parseExpr(x[1]));
  },
  '.attribute': attribute,
  // Source line information (src/asm/debug-lines.ts).
  '.file': (a, _x, raw) => {
    const x = spaceOperands(raw);
    const text = (t: string): string => parseString(t).map((b) => String.fromCharCode(b)).join('');
    if (x.length === 1) return a.lineInfo.unitName(text(x[0]));
    if (!/^\d{1,6}$/.test(x[0] ?? '') || x.length > 3 || x.length < 2) throw new RvnError('.file takes "NAME", or a file number and "NAME" (or "DIR" "NAME")');
    a.lineInfo.file(Number(x[0]), x.length === 3 ? `${text(x[1])}/${text(x[2])}` : text(x[1]));
  },
  '.loc': (a, _x, raw) => {
    const x = spaceOperands(raw);
    if (!/^\d{1,6}$/.test(x[0] ?? '') || !/^\d{1,9}$/.test(x[1] ?? '')) throw new RvnError('.loc takes a file number and a line number');
    // Further operands (column, is_stmt, discriminator, ...) do not change the table rvn writes.
    a.lineInfo.loc(Number(x[0]), Number(x[1]));
  },
  '.error': (_a, x) => {
    throw new RvnError(x[0] !== undefined ? parseString(x[0]).map((b) => String.fromCharCode(b)).join('') : '.error directive invoked in source file');
  },
  '.err': () => {
    throw new RvnError('.err encountered');
  },
  '.warning': (a, x) => {
    const msg = x[0] !== undefined ? parseString(x[0]).map((b) => String.fromCharCode(b)).join('') : '.warning directive invoked in source file';
    const o = a.origin();
    a.sink.warning(o.at, msg, o.notes);
  },
  '.comm': () => {
    throw new RvnError('.comm (COMMON symbols) is not supported; reserve the space in .bss instead');
  },
  '.lcomm': () => {
    throw new RvnError('.lcomm is not supported; reserve the space in .bss instead');
  },
};

for (const op of Object.keys(DATA_WIDTH)) HANDLERS[op] = dataDirective;
for (const op of IGNORED) HANDLERS[op] = () => undefined;

/** Operands separated by blanks or commas, quoted strings kept whole (`.file 1 "a b.ts"`). */
function spaceOperands(raw: string): string[] {
  return raw.match(/"(?:[^"\\]|\\.)*"|[^\s,"]+/g) ?? [];
}

function set(a: Assembler, args: string[], op: string, redefine: boolean): void {
  if (args.length !== 2) throw new RvnError(`${op} takes a name and a value`);
  a.setSymbol(args[0], args[1], redefine);
}

export function knowsDirective(op: string): boolean {
  return HANDLERS[op] !== undefined || op.startsWith('.cfi_');
}

export function runDirective(a: Assembler, op: string, raw: string): void {
  const h = HANDLERS[op];
  if (h !== undefined) return h(a, splitOperands(raw), raw, op);
  if (op.startsWith('.cfi_')) return;
  throw new RvnError(`unknown directive '${op}'`);
}
