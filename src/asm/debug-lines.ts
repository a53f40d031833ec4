/**
 * Source line information, as GNU as makes it from `.file N "name"` and `.loc N LINE [COL]`:
 * a DWARF 4 line table (.debug_line) and a compile unit that points at it (.debug_info,
 * .debug_abbrev), so that gdb maps addresses to source lines (`break kernel.ts:120`, `list`,
 * `step`). The tables are written as assembly (directives the assembler already knows) so
 * that every address is a `.dword LABEL` the linker relocates — after relaxation, which may
 * move code — and the compile unit's references into the other debug sections are `.word
 * LABEL` relocations the linker resolves when it concatenates each object's debug sections.
 * DWARF 4 §6.2 (line number information), §7.5 (unit headers, abbreviations, forms).
 */

export interface LineRow {
  /** The label the assembler defined where the `.loc` appeared. */
  readonly label: string;
  readonly file: number;
  readonly line: number;
  readonly section: string;
}

export interface LineInfo {
  /** `.file N "name"`: file number → name (DWARF 4 numbers them from 1). */
  readonly files: ReadonlyMap<number, string>;
  readonly rows: readonly LineRow[];
  /** The label at the end of each section that has rows. */
  readonly ends: ReadonlyMap<string, string>;
  /** The compile unit's name: `.file "name"`, else the first file, else the object's name. */
  readonly unitName: string;
}

const DW_TAG_compile_unit = 0x11;
const DW_AT = { name: 0x03, stmt_list: 0x10, low_pc: 0x11, high_pc: 0x12, language: 0x13, producer: 0x25 } as const;
const DW_FORM = { addr: 0x01, data2: 0x05, string: 0x08, sec_offset: 0x17 } as const;
/** There is no DWARF language code for TypeScript or for rvn's assembler; C is what gdb handles best. */
const DW_LANG_C99 = 0x0c;
const DW_LNS = { copy: 1, advance_line: 3, set_file: 4 } as const;
const DW_LNE = { end_sequence: 1, set_address: 2 } as const;
/** standard_opcode_lengths for opcodes 1..12 (DWARF 4 §6.2.5.2). */
const OPCODE_LENGTHS = [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1];
const LINE_BASE = -5;
const LINE_RANGE = 14;

/** A piece of a debug section: bytes, or a relocated 4- or 8-byte value of a label. */
type Piece = number[] | { label: string; width: 4 | 8 };

function uleb(v: number): number[] {
  const out: number[] = [];
  do {
    const b = v % 128;
    v = Math.floor(v / 128);
    out.push(v !== 0 ? b | 0x80 : b);
  } while (v !== 0);
  return out;
}

function sleb(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

function cstring(s: string): number[] {
  return [...new TextEncoder().encode(s), 0];
}

function le(v: number, width: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < width; i++) out.push(Math.floor(v / 2 ** (8 * i)) & 0xff);
  return out;
}

const size = (pieces: readonly Piece[]): number => pieces.reduce((n, p) => n + (Array.isArray(p) ? p.length : p.width), 0);

/** The line program: one sequence per section, every row's address set explicitly (relaxation may move code). */
function lineProgram(info: LineInfo): Piece[] {
  const out: Piece[] = [];
  const sections = [...new Set(info.rows.map((r) => r.section))];
  for (const section of sections) {
    let file = 1;
    let line = 1;
    for (const r of info.rows) {
      if (r.section !== section) continue;
      out.push([0, ...uleb(9), DW_LNE.set_address], { label: r.label, width: 8 });
      if (r.file !== file) {
        out.push([DW_LNS.set_file, ...uleb(r.file)]);
        file = r.file;
      }
      if (r.line !== line) {
        out.push([DW_LNS.advance_line, ...sleb(r.line - line)]);
        line = r.line;
      }
      out.push([DW_LNS.copy]);
    }
    out.push([0, ...uleb(9), DW_LNE.set_address], { label: info.ends.get(section)!, width: 8 });
    out.push([0, ...uleb(1), DW_LNE.end_sequence]);
  }
  return out;
}

function debugLine(info: LineInfo): Piece[] {
  const maxFile = Math.max(0, ...info.files.keys());
  const files: number[] = [];
  for (let n = 1; n <= maxFile; n++) files.push(...cstring(info.files.get(n) ?? `file${n}`), ...uleb(0), ...uleb(0), ...uleb(0));
  files.push(0);
  const afterHeaderLength = [
    1, 1, 1, LINE_BASE & 0xff, LINE_RANGE, OPCODE_LENGTHS.length + 1, ...OPCODE_LENGTHS,
    0, // include_directories: none (directory 0 is the compilation directory)
    ...files,
  ];
  const program = lineProgram(info);
  const unitLength = 2 + 4 + afterHeaderLength.length + size(program);
  return [[...le(unitLength, 4), ...le(4, 2), ...le(afterHeaderLength.length, 4), ...afterHeaderLength], ...program];
}

function debugAbbrev(lowHigh: boolean): Piece[] {
  const attrs = [
    DW_AT.name, DW_FORM.string, DW_AT.producer, DW_FORM.string, DW_AT.language, DW_FORM.data2,
    DW_AT.stmt_list, DW_FORM.sec_offset,
    ...(lowHigh ? [DW_AT.low_pc, DW_FORM.addr, DW_AT.high_pc, DW_FORM.addr] : []),
  ];
  return [[...uleb(1), ...uleb(DW_TAG_compile_unit), 0, ...attrs, 0, 0, 0]];
}

function debugInfo(info: LineInfo, labels: DebugLabels, range: { low: string; high: string } | undefined): Piece[] {
  const die: Piece[] = [
    [...uleb(1), ...cstring(info.unitName), ...cstring('rvn'), ...le(DW_LANG_C99, 2)],
    { label: labels.line, width: 4 },
    ...(range !== undefined ? [{ label: range.low, width: 8 as const }, { label: range.high, width: 8 as const }] : []),
  ];
  const header: number[] = [...le(4, 2)];
  const rest = 4 /* abbrev offset */ + 1 /* address size */ + size(die);
  return [[...le(header.length + rest, 4), ...header], { label: labels.abbrev, width: 4 }, [8], ...die];
}

/** Labels at the start of this object's .debug_line and .debug_abbrev. */
export interface DebugLabels {
  readonly line: string;
  readonly abbrev: string;
}

function asAssembly(section: string, start: string, pieces: readonly Piece[]): string[] {
  const out = [`\t.section ${section},"",@progbits`, `${start}:`];
  for (const p of pieces) {
    if (!Array.isArray(p)) out.push(`\t${p.width === 8 ? '.dword' : '.word'} ${p.label}`);
    else for (let i = 0; i < p.length; i += 32) out.push(`\t.byte ${p.slice(i, i + 32).join(', ')}`);
  }
  return out;
}

/** Assembly text for the three debug sections (labels `prefix`-named, local to the object). */
export function lineInfoAssembly(info: LineInfo, prefix: string): string {
  const labels: DebugLabels = { line: `${prefix}line`, abbrev: `${prefix}abbrev` };
  const sections = [...new Set(info.rows.map((r) => r.section))];
  // A compile unit covers one address range: the first section's, when there is only one.
  const range = sections.length === 1 ? { low: info.rows[0].label, high: info.ends.get(sections[0])! } : undefined;
  return [
    ...asAssembly('.debug_line', labels.line, debugLine(info)),
    ...asAssembly('.debug_abbrev', labels.abbrev, debugAbbrev(range !== undefined)),
    ...asAssembly('.debug_info', `${prefix}info`, debugInfo(info, labels, range)),
  ].join('\n') + '\n';
}
