/**
 * How objdump (GNU binutils 2.40) spells each instruction, as data. The decoded row comes from
 * the shared table (src/isa/opcodes.ts); this file only chooses the printed form:
 *   - `special` forms apply in both modes (objdump has no canonical entry for them),
 *   - `aliases` apply by default and are skipped by `-M no-aliases`,
 *   - otherwise the row's own name and `args` (already objdump's no-aliases syntax) are used.
 * The first form whose `when` holds wins, as the first matching entry of binutils'
 * riscv-opc.c does. Every form here was checked against objdump (test/disasm/corpus.s).
 *
 * Operand tokens: rd rs1 rs2 (base fields), rdp rs1p rs2p rs2c sp (compressed fields),
 * imm (formatted by the row's immediate kind), csr, zimm, pred, succ, zero (literal x0),
 * hexword (the whole word, for encodings objdump does not accept).
 */

/** Field values of one instruction word, for conditions. */
export interface Fields {
  readonly word: number;
  readonly rd: number;
  readonly rs1: number;
  readonly rs2: number;
  readonly imm: number;
  readonly csr: number;
  readonly pred: number;
  readonly succ: number;
}

export interface Form {
  readonly name: string;
  readonly args: string;
  readonly when?: (f: Fields) => boolean;
}

export interface RowForms {
  readonly special?: readonly Form[];
  readonly aliases?: readonly Form[];
  /** Replaces the row's own spelling under no-aliases (objdump has no entry of that name). */
  readonly canonical?: Form;
}

const f = (name: string, args: string, when?: (x: Fields) => boolean): Form => ({ name, args, when });
const same = (name: string, args: string): RowForms => ({ aliases: [f(name, args)] });

const CSR_CYCLE = 0xc00;
const CSR_TIME = 0xc01;
const CSR_INSTRET = 0xc02;

/** Base (32-bit) rows, keyed by row name. */
export const BASE_FORMS: Readonly<Record<string, RowForms>> = {
  jal: { aliases: [f('j', 'imm', (x) => x.rd === 0), f('jal', 'imm', (x) => x.rd === 1)] },
  jalr: {
    aliases: [
      f('ret', '', (x) => x.rd === 0 && x.rs1 === 1 && x.imm === 0),
      f('jr', 'rs1', (x) => x.rd === 0 && x.imm === 0),
      f('jr', 'imm(rs1)', (x) => x.rd === 0),
      f('jalr', 'rs1', (x) => x.rd === 1 && x.imm === 0),
      f('jalr', 'imm(rs1)', (x) => x.rd === 1),
      f('jalr', 'rd,rs1', (x) => x.imm === 0),
    ],
  },
  beq: { aliases: [f('beqz', 'rs1,imm', (x) => x.rs2 === 0)] },
  bne: { aliases: [f('bnez', 'rs1,imm', (x) => x.rs2 === 0)] },
  blt: { aliases: [f('bltz', 'rs1,imm', (x) => x.rs2 === 0), f('bgtz', 'rs2,imm', (x) => x.rs1 === 0)] },
  bge: { aliases: [f('blez', 'rs2,imm', (x) => x.rs1 === 0), f('bgez', 'rs1,imm', (x) => x.rs2 === 0)] },
  addi: {
    aliases: [
      f('nop', '', (x) => x.word === 0x00000013),
      f('li', 'rd,imm', (x) => x.rs1 === 0),
      f('mv', 'rd,rs1', (x) => x.imm === 0),
      f('add', 'rd,rs1,imm'),
    ],
  },
  sltiu: { aliases: [f('seqz', 'rd,rs1', (x) => x.imm === 1)] },
  xori: { aliases: [f('not', 'rd,rs1', (x) => x.imm === -1), f('xor', 'rd,rs1,imm')] },
  ori: same('or', 'rd,rs1,imm'),
  andi: { aliases: [f('zext.b', 'rd,rs1', (x) => x.imm === 255), f('and', 'rd,rs1,imm')] },
  slli: same('sll', 'rd,rs1,imm'),
  srli: same('srl', 'rd,rs1,imm'),
  srai: same('sra', 'rd,rs1,imm'),
  sub: { aliases: [f('neg', 'rd,rs2', (x) => x.rs1 === 0)] },
  subw: { aliases: [f('negw', 'rd,rs2', (x) => x.rs1 === 0)] },
  slt: { aliases: [f('sltz', 'rd,rs1', (x) => x.rs2 === 0), f('sgtz', 'rd,rs2', (x) => x.rs1 === 0)] },
  sltu: { aliases: [f('snez', 'rd,rs2', (x) => x.rs1 === 0)] },
  addiw: { aliases: [f('sext.w', 'rd,rs1', (x) => x.imm === 0), f('addw', 'rd,rs1,imm')] },
  slliw: same('sllw', 'rd,rs1,imm'),
  srliw: same('srlw', 'rd,rs1,imm'),
  sraiw: same('sraw', 'rd,rs1,imm'),
  fence: {
    // fence.tso is its own objdump entry; objdump treats any other fence with a nonzero fm,
    // rs1 or rd as unknown (the ISA says to execute it as a plain fence, and rvn does).
    special: [
      f('fence.tso', '', (x) => x.word === 0x8330000f),
      f('.4byte', 'hexword', (x) => (x.word & 0xf00f8f80) !== 0),
    ],
    aliases: [f('fence', '', (x) => x.word === 0x0ff0000f)],
  },
  'fence.i': { special: [f('.4byte', 'hexword', (x) => x.word !== 0x0000100f)] },
  csrrw: {
    // unimp (csrrw zero,cycle,zero) is a real objdump entry, printed even under no-aliases.
    special: [f('unimp', '', (x) => x.word === 0xc0001073)],
    aliases: [f('csrw', 'csr,rs1', (x) => x.rd === 0)],
  },
  csrrs: {
    aliases: [
      f('rdcycle', 'rd', (x) => x.rs1 === 0 && x.csr === CSR_CYCLE),
      f('rdtime', 'rd', (x) => x.rs1 === 0 && x.csr === CSR_TIME),
      f('rdinstret', 'rd', (x) => x.rs1 === 0 && x.csr === CSR_INSTRET),
      f('csrr', 'rd,csr', (x) => x.rs1 === 0),
      f('csrs', 'csr,rs1', (x) => x.rd === 0),
    ],
  },
  csrrc: { aliases: [f('csrc', 'csr,rs1', (x) => x.rd === 0)] },
  csrrwi: { aliases: [f('csrw', 'csr,zimm', (x) => x.rd === 0), f('csrrw', 'rd,csr,zimm')] },
  csrrsi: { aliases: [f('csrs', 'csr,zimm', (x) => x.rd === 0), f('csrrs', 'rd,csr,zimm')] },
  csrrci: { aliases: [f('csrc', 'csr,zimm', (x) => x.rd === 0), f('csrrc', 'rd,csr,zimm')] },
  'sfence.vma': {
    aliases: [f('sfence.vma', '', (x) => x.rs1 === 0 && x.rs2 === 0), f('sfence.vma', 'rs1', (x) => x.rs2 === 0)],
  },
};

/**
 * The F extension's CSR aliases (frcsr, fsrm, ...): objdump prints them when the file's
 * architecture has F — or is unknown, as objdump then assumes rv64gc (a file with neither a
 * .riscv.attributes arch nor an $x<arch> mapping symbol). Checked before BASE_FORMS.
 */
const FCSR = 3;
const FRM = 2;
const FFLAGS = 1;
const fcsrRead = (csr: number) => (x: Fields) => x.rs1 === 0 && x.csr === csr;
const fcsrWrite0 = (csr: number) => (x: Fields) => x.rd === 0 && x.csr === csr;
const fcsrIs = (csr: number) => (x: Fields) => x.csr === csr;
export const FLOAT_CSR_FORMS: Readonly<Record<string, readonly Form[]>> = {
  csrrs: [f('frcsr', 'rd', fcsrRead(FCSR)), f('frrm', 'rd', fcsrRead(FRM)), f('frflags', 'rd', fcsrRead(FFLAGS))],
  csrrw: [
    f('fscsr', 'rs1', fcsrWrite0(FCSR)), f('fscsr', 'rd,rs1', fcsrIs(FCSR)),
    f('fsrm', 'rs1', fcsrWrite0(FRM)), f('fsrm', 'rd,rs1', fcsrIs(FRM)),
    f('fsflags', 'rs1', fcsrWrite0(FFLAGS)), f('fsflags', 'rd,rs1', fcsrIs(FFLAGS)),
  ],
  csrrwi: [f('fsrmi', 'rd,zimm', fcsrIs(FRM)), f('fsflagsi', 'rd,zimm', fcsrIs(FFLAGS))],
};

/** Compressed rows: by default objdump prints the expansion's alias; hints keep the c. name. */
export const COMPRESSED_FORMS: Readonly<Record<string, RowForms>> = {
  'c.addi4spn': same('add', 'rdp,sp,imm'),
  'c.lw': same('lw', 'rdp,imm(rs1p)'),
  'c.ld': same('ld', 'rdp,imm(rs1p)'),
  'c.sw': same('sw', 'rs2p,imm(rs1p)'),
  'c.sd': same('sd', 'rs2p,imm(rs1p)'),
  'c.nop': { aliases: [f('nop', '')], canonical: f('c.addi', 'zero,0') },
  'c.addi': { aliases: [f('c.nop', 'imm', (x) => x.rd === 0), f('add', 'rd,rd,imm')] },
  'c.addiw': { aliases: [f('sext.w', 'rd,rd', (x) => x.imm === 0), f('addw', 'rd,rd,imm')] },
  'c.li': { aliases: [f('li', 'rd,imm', (x) => x.rd !== 0)] },
  'c.addi16sp': same('add', 'sp,sp,imm'),
  'c.lui': { aliases: [f('lui', 'rd,imm', (x) => x.rd !== 0)] },
  'c.srli': { special: [f('c.srli64', 'rs1p', (x) => x.imm === 0)], aliases: [f('srl', 'rs1p,rs1p,imm')] },
  'c.srai': { special: [f('c.srai64', 'rs1p', (x) => x.imm === 0)], aliases: [f('sra', 'rs1p,rs1p,imm')] },
  'c.andi': same('and', 'rs1p,rs1p,imm'),
  'c.sub': same('sub', 'rs1p,rs1p,rs2p'),
  'c.xor': same('xor', 'rs1p,rs1p,rs2p'),
  'c.or': same('or', 'rs1p,rs1p,rs2p'),
  'c.and': same('and', 'rs1p,rs1p,rs2p'),
  'c.subw': same('subw', 'rs1p,rs1p,rs2p'),
  'c.addw': same('addw', 'rs1p,rs1p,rs2p'),
  'c.j': same('j', 'imm'),
  'c.beqz': same('beqz', 'rs1p,imm'),
  'c.bnez': same('bnez', 'rs1p,imm'),
  'c.slli': { special: [f('c.slli64', 'rd', (x) => x.imm === 0)], aliases: [f('sll', 'rd,rd,imm', (x) => x.rd !== 0)] },
  'c.lwsp': same('lw', 'rd,imm(sp)'),
  'c.ldsp': same('ld', 'rd,imm(sp)'),
  'c.jr': { aliases: [f('ret', '', (x) => x.rd === 1), f('jr', 'rd')] },
  'c.mv': { aliases: [f('mv', 'rd,rs2c', (x) => x.rd !== 0)] },
  'c.ebreak': same('ebreak', ''),
  'c.jalr': same('jalr', 'rd'),
  'c.add': { aliases: [f('add', 'rd,rd,rs2c', (x) => x.rd !== 0)] },
  'c.swsp': same('sw', 'rs2c,imm(sp)'),
  'c.sdsp': same('sd', 'rs2c,imm(sp)'),
};

/** rvn's readable names for its uipi words (objdump prints them as `.4byte`). */
export const RVN_FORMS: Readonly<Record<string, Form>> = {
  'uipi.send': f('uipi.send', 'rs1'),
  'uipi.read': f('uipi.read', 'rd'),
  'uipi.write': f('uipi.write', 'rs1'),
  'uipi.activate': f('uipi.activate', ''),
  'uipi.deactivate': f('uipi.deactivate', ''),
  // An unknown funct7 (a no-op that writes rd): GNU as's own spelling of the word.
  uipi: f('.insn', 'r 0x7b, 0x6, funct7, rd, rs1, zero'),
};

/**
 * objdump's multi-instruction address hints (" # addr <sym>"): after lui/auipc/c.lui set a
 * register's high part, the next use as a base below prints the combined address. Keyed by
 * row; `needs` is the operand that must be printed for objdump to look (its format letter).
 */
export interface AddressUse {
  readonly base: 'rs1' | 'rd';
  /**
   * objdump looks twice for jalr printed as offset(base) (its 'o' operand falls through to
   * 'j'): the second look no longer sees the consumed high part, so for a tp, gp or zero base
   * it prints the base-relative address instead.
   */
  readonly twiceWithImm?: boolean;
  readonly needs: 'imm' | 'rs1';
  readonly wide?: boolean;
  /** objdump skips addi/addiw whose base is x0 (li). */
  readonly nonzeroBase?: boolean;
}
const load: AddressUse = { base: 'rs1', needs: 'imm' };
export const ADDRESS_USES: Readonly<Record<string, AddressUse>> = {
  lb: load, lh: load, lw: load, ld: load, lbu: load, lhu: load, lwu: load,
  sb: load, sh: load, sw: load, sd: load,
  jalr: { base: 'rs1', needs: 'rs1', twiceWithImm: true },
  addi: { base: 'rs1', needs: 'imm', nonzeroBase: true },
  addiw: { base: 'rs1', needs: 'imm', nonzeroBase: true, wide: true },
  'c.addi': { base: 'rd', needs: 'imm', nonzeroBase: true },
  'c.addiw': { base: 'rd', needs: 'imm', nonzeroBase: true, wide: true },
};
/** Rows that set a register's high part for ADDRESS_USES. */
export const ADDRESS_SETS: ReadonlySet<string> = new Set(['lui', 'auipc', 'c.lui']);
