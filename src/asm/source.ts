/**
 * Assembly source as GNU as reads it: lines that know where they came from (file, line, and
 * for preprocessed text the column and C macro of every stretch), split into statements at `;`
 * with `#` comments removed, labels taken off the front, operands split at top-level commas.
 */
import { RvnError } from '../errors';
import type { Note, SourceLocation } from './diagnostics';
import type { PpLine, Segment } from './cpp/preprocess';

/** A line of assembly and its origin. */
export interface SourceLine {
  readonly text: string;
  readonly file: string;
  readonly line: number;
  /** From the preprocessor: where each stretch of `text` came from. */
  readonly segments?: readonly Segment[];
}

/** Where a statement (or a part of it) is: the primary place and the expansions around it. */
export interface Origin {
  readonly at: SourceLocation;
  readonly notes: readonly Note[];
}

/** Removes `/* *\/` comments (possibly spanning lines) but keeps line breaks and columns. */
function stripBlockComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
}

const LINE_MARKER = /^#\s*(\d+)\s+"((?:[^"\\]|\\.)*)"(?:\s+\d+)*\s*$/;

/**
 * Lines of an unpreprocessed file. `# LINE "FILE"` markers (what `gcc -E` writes) change the
 * file and line that later lines report, as they do for GNU as.
 */
export function linesFromText(text: string, fileName: string): SourceLine[] {
  const out: SourceLine[] = [];
  let file = fileName;
  let delta = 0;
  stripBlockComments(text.replace(/\r\n?/g, '\n')).split('\n').forEach((t, i) => {
    const m = LINE_MARKER.exec(t);
    if (m) {
      file = m[2].replace(/\\(.)/g, '$1');
      delta = Number(m[1]) - (i + 2);
      return;
    }
    if (t.trim() !== '') out.push({ text: t, file, line: i + 1 + delta });
  });
  return out;
}

/** Lines the preprocessor produced. */
export function linesFromPreprocessed(lines: readonly PpLine[]): SourceLine[] {
  return lines.map((l) => ({ text: l.text, file: l.file, line: l.line, segments: l.segments }));
}

/** Where offset `off` of a line's text came from (its column, or the C macro that wrote it). */
export function originInLine(l: SourceLine, off: number): Origin {
  const seg = l.segments?.find((s) => off < s.end) ?? l.segments?.[l.segments.length - 1];
  if (seg === undefined) return { at: { file: l.file, line: l.line, col: off + 1 }, notes: [] };
  const here: SourceLocation = { file: l.file, line: seg.line, col: seg.col + (seg.def ? 0 : Math.max(0, off - seg.start)) };
  if (seg.macro === undefined) return { at: here, notes: [] };
  const note: Note = { at: { file: l.file, line: seg.line, col: seg.col }, message: `in expansion of macro '${seg.macro}'` };
  return seg.def !== undefined ? { at: seg.def, notes: [note] } : { at: here, notes: [note] };
}

/** A statement's text and its offset in the line. */
export interface RawStatement {
  readonly text: string;
  readonly offset: number;
}

/** Length of a character constant `'c`, `'c'` or `'\n'` at `i` (GNU as needs no closing quote). */
function charConstantLength(s: string, i: number): number {
  const m = /^'(\\.|.)'?/.exec(s.slice(i));
  return m ? m[0].length : 1;
}

/** Splits a line at `;` and cuts the `#` comment, both outside strings and character constants. */
export function splitStatements(line: string): RawStatement[] {
  const parts: RawStatement[] = [];
  let start = 0;
  let i = 0;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '"') {
      for (i++; i < line.length && line[i] !== '"'; i++) if (line[i] === '\\') i++;
    } else if (c === "'") {
      i += charConstantLength(line, i) - 1;
    } else if (c === '#' || (c === '/' && line[i + 1] === '/')) {
      break;
    } else if (c === ';') {
      parts.push({ text: line.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  parts.push({ text: line.slice(start, i), offset: start });
  return parts.filter((p) => p.text.trim() !== '');
}

export interface ParsedStatement {
  readonly labels: readonly { readonly name: string; readonly offset: number }[];
  /** Mnemonic, directive or macro name as written; '' for a label-only statement. */
  readonly op: string;
  readonly opOffset: number;
  readonly args: string;
  readonly argsOffset: number;
}

const LABEL = /^(\s*)([A-Za-z_.$][A-Za-z0-9_.$]*|[0-9]+)\s*:(?!=)/;

/** Labels, the operation and its operand text (offsets relative to the statement). */
export function parseStatement(text: string): ParsedStatement {
  const labels: { name: string; offset: number }[] = [];
  let off = 0;
  for (let m = LABEL.exec(text.slice(off)); m; m = LABEL.exec(text.slice(off))) {
    labels.push({ name: m[2], offset: off + m[1].length });
    off += m[0].length;
  }
  const rest = text.slice(off);
  const m = /^(\s*)(\S+)(\s*)(.*?)\s*$/s.exec(rest);
  if (!m) return { labels, op: '', opOffset: off, args: '', argsOffset: off };
  const opOffset = off + m[1].length;
  // `name = value` is `.set name, value`.
  const assign = /^(\s*)([A-Za-z_.$][A-Za-z0-9_.$]*)\s*=(?!=)\s*(.*?)\s*$/s.exec(rest);
  if (assign) return { labels, op: '=', opOffset, args: `${assign[2]}, ${assign[3]}`, argsOffset: opOffset };
  return { labels, op: m[2], opOffset, args: m[4], argsOffset: opOffset + m[2].length + m[3].length };
}

const isSymbolChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_.$\\]/.test(c);

/**
 * Operand text with whitespace removed as GNU as's input scrubber (app.c) does: a blank is kept
 * only between two symbol characters or before a string, so `1 + 2` reads `1+2` but `a b` stays.
 * It matters where blanks separate things: macro arguments and `.irp` lists.
 */
export function scrubOperands(s: string): string {
  let out = '';
  let pending = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === ' ' || c === '\t') {
      if (isSymbolChar(out[out.length - 1]) || out[out.length - 1] === '"') pending = true;
      continue;
    }
    if (pending && (isSymbolChar(c) || c === '"')) out += ' ';
    pending = false;
    if (c === '"') {
      let j = i + 1;
      for (; j < s.length && s[j] !== '"'; j++) if (s[j] === '\\') j++;
      out += s.slice(i, j + 1);
      i = j;
    } else if (c === "'") {
      const n = charConstantLength(s, i);
      out += s.slice(i, i + n);
      i += n - 1;
    } else out += c;
  }
  return out;
}

/** Splits an operand list at top-level commas (not inside parentheses or strings). */
export function splitOperands(s: string): string[] {
  if (s.trim() === '') return [];
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  let inStr = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inStr) {
      cur += c;
      if (c === '\\') cur += s[++i] ?? '';
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') inStr = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else {
      cur += c;
    }
  }
  out.push(cur.trim());
  return out;
}

/** Offsets of the operands `splitOperands` returns, relative to `s`. */
export function operandOffsets(s: string): number[] {
  const offs: number[] = [];
  let depth = 0;
  let inStr = false;
  let start = 0;
  const push = (from: number): void => {
    let k = from;
    while (k < s.length && /\s/.test(s[k])) k++;
    offs.push(k);
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') inStr = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      push(start);
      start = i + 1;
    }
  }
  push(start);
  return offs;
}

/** Parses a C-style string literal as GNU as does (escapes \n \t \r \\ \" \0-\377 \xNN). */
export function parseString(s: string): number[] {
  const t = s.trim();
  if (t.length < 2 || t[0] !== '"' || t[t.length - 1] !== '"') throw new RvnError(`expected a string, got '${s}'`);
  const bytes: number[] = [];
  const esc: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, '\\': 92, '"': 34, "'": 39 };
  for (let i = 1; i < t.length - 1; i++) {
    const c = t[i];
    if (c !== '\\') {
      for (const b of new TextEncoder().encode(c)) bytes.push(b);
      continue;
    }
    const n = t[++i];
    if (n in esc) bytes.push(esc[n]);
    else if (/[0-7]/.test(n)) {
      let v = 0;
      let k = 0;
      for (; k < 3 && /[0-7]/.test(t[i + k]); k++) v = v * 8 + Number(t[i + k]);
      bytes.push(v & 255);
      i += k - 1;
    } else if (n === 'x') {
      let v = 0;
      let k = 1;
      for (; /[0-9a-fA-F]/.test(t[i + k] ?? ''); k++) v = v * 16 + parseInt(t[i + k], 16);
      bytes.push(v & 255);
      i += k - 1;
    } else bytes.push(n.charCodeAt(0));
  }
  return bytes;
}
