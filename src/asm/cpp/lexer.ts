/**
 * The C preprocessor's lexer, in GCC's assembler-with-cpp mode: line splices removed, comments
 * turned into whitespace, the text cut into logical lines of preprocessing tokens that remember
 * the physical line and column they started at. In assembler mode a quote without its closing
 * partner on the same line is a lone "other" token (an apostrophe in a `#` comment is common),
 * as GCC's lexer does for CLK_ASM.
 */

export type TokKind = 'id' | 'num' | 'str' | 'chr' | 'punct' | 'other';

export interface Tok {
  readonly kind: TokKind;
  readonly text: string;
  /** Whitespace (or a comment) precedes the token on its logical line. */
  readonly ws: boolean;
  /** Physical line and 1-based column of the first character. */
  readonly line: number;
  readonly col: number;
}

/** One logical line: the tokens between two unspliced, uncommented newlines. */
export interface LexLine {
  readonly tokens: Tok[];
  /** Physical line the logical line starts on. */
  readonly line: number;
  /** Physical lines the logical line covers (splices and multi-line comments join lines). */
  readonly lines: number;
}

export interface LexProblem {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** Punctuators, longest first (C's, without digraphs). */
const PUNCTUATORS = [
  '...', '<<=', '>>=',
  '->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=', '##',
  '[', ']', '(', ')', '{', '}', '.', '&', '*', '+', '-', '~', '!', '/', '%', '<', '>', '^', '|', '?', ':', ';', '=', ',', '#',
] as const;

const isIdStart = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$');
const isIdChar = (c: string | undefined): boolean => isIdStart(c) || isDigit(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Source text with line splices removed, and where each remaining character came from. Between
 * two anchors (the start, each character after a newline or a splice) the characters are those
 * of one source line, in order, so an anchor's line and offset give every position's line and
 * column. (Tables per character cost more than lexing a large header such as encoding.h.)
 */
class SplicedText {
  readonly text: string;
  /** Text offsets where a source line begins, ascending, and the line number there. */
  private readonly anchorAt: Int32Array;
  private readonly anchorLine: Int32Array;
  /** The anchor of the previous lookup: the lexer asks for positions in ascending order. */
  private last = 0;

  constructor(raw: string) {
    const src = raw.replace(/\r\n?/g, '\n');
    const pieces: string[] = [];
    const at: number[] = [0];
    const lines: number[] = [1];
    let length = 0;
    let from = 0;
    let line = 1;
    // A backslash, optional blanks (GCC warns but accepts them), then a newline: a splice.
    const breaks = /\\[ \t]*\n|\n/g;
    for (let m = breaks.exec(src); m !== null; m = breaks.exec(src)) {
      const kept = m[0] === '\n' ? m.index + 1 : m.index;
      pieces.push(src.slice(from, kept));
      length += kept - from;
      from = m.index + m[0].length;
      at.push(length);
      lines.push(++line);
    }
    pieces.push(src.slice(from));
    this.text = pieces.join('');
    this.anchorAt = Int32Array.from(at);
    this.anchorLine = Int32Array.from(lines);
  }

  /** The last anchor at or before text offset `i` (offsets past the end are the end). */
  private anchor(i: number): number {
    const at = this.anchorAt;
    const pos = Math.min(i, this.text.length);
    let k = this.last;
    if (at[k] > pos) k = 0;
    if (k + 1 < at.length && at[k + 1] <= pos) {
      // Binary search for the last anchor <= pos (anchors may share an offset: take the last).
      let lo = k + 1;
      let hi = at.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (at[mid] <= pos) lo = mid;
        else hi = mid - 1;
      }
      k = lo;
    }
    this.last = k;
    return k;
  }

  lineAt(i: number): number { return this.anchorLine[this.anchor(i)]; }
  colAt(i: number): number { return Math.min(i, this.text.length) - this.anchorAt[this.anchor(i)] + 1; }
}

/** Length of a string or character literal starting at `i`, or 0 if it is not closed on its line. */
function quotedLength(s: string, i: number): number {
  const q = s[i];
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === q) return j - i + 1;
    else if (c === '\n') return 0;
  }
  return 0;
}

/** Length of a preprocessing number starting at `i` (C11 6.4.8 pp-number). */
function numberLength(s: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const c = s[j];
    if ((c === '+' || c === '-') && /[eEpP]/.test(s[j - 1])) j++;
    else if (isIdChar(c) || c === '.') j++;
    else return j - i;
  }
}

/** PUNCTUATORS by their first character, longest first. */
const PUNCTUATORS_BY_FIRST: ReadonlyMap<string, readonly string[]> = new Map(
  [...new Set(PUNCTUATORS.map((p) => p[0]))].map((c) => [c, PUNCTUATORS.filter((p) => p[0] === c)]),
);

function punctuatorAt(s: string, i: number): string | undefined {
  for (const p of PUNCTUATORS_BY_FIRST.get(s[i]) ?? []) if (s.startsWith(p, i)) return p;
  return undefined;
}

/** Splits a whole file into logical lines of tokens. */
export function lexFile(raw: string): { lines: LexLine[]; problems: LexProblem[] } {
  const sp = new SplicedText(raw);
  const s = sp.text;
  const lines: LexLine[] = [];
  const problems: LexProblem[] = [];
  let tokens: Tok[] = [];
  let lineStart = 0;
  let ws = false;
  let i = 0;
  const endLine = (at: number): void => {
    const first = sp.lineAt(lineStart);
    lines.push({ tokens, line: first, lines: sp.lineAt(at) - first + 1 });
    tokens = [];
    ws = false;
    lineStart = at + 1;
  };
  const push = (kind: TokKind, len: number): void => {
    tokens.push({ kind, text: s.slice(i, i + len), ws, line: sp.lineAt(i), col: sp.colAt(i) });
    ws = false;
    i += len;
  };
  while (i < s.length) {
    const c = s[i];
    if (c === '\n') {
      endLine(i);
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\f' || c === '\v') {
      ws = true;
      i++;
      continue;
    }
    if (c === '/' && s[i + 1] === '*') {
      const end = s.indexOf('*/', i + 2);
      if (end < 0) {
        problems.push({ line: sp.lineAt(i), col: sp.colAt(i), message: 'unterminated comment' });
        i = s.length;
      } else i = end + 2;
      ws = true;
      continue;
    }
    if (c === '/' && s[i + 1] === '/') {
      while (i < s.length && s[i] !== '\n') i++;
      ws = true;
      continue;
    }
    if (isIdStart(c)) {
      let n = 1;
      while (isIdChar(s[i + n])) n++;
      push('id', n);
    } else if (isDigit(c) || (c === '.' && isDigit(s[i + 1]))) {
      push('num', numberLength(s, i));
    } else if (c === '"' || c === "'") {
      const n = quotedLength(s, i);
      // Assembler mode: an unmatched quote is no error; GCC takes it and the rest of the line
      // as one token, so nothing after it expands (`# don't expand X`).
      if (n === 0) {
        const eol = s.indexOf('\n', i);
        push('other', (eol < 0 ? s.length : eol) - i);
      } else push(c === '"' ? 'str' : 'chr', n);
    } else {
      const p = punctuatorAt(s, i);
      push(p !== undefined ? 'punct' : 'other', p?.length ?? 1);
    }
  }
  if (tokens.length > 0 || lineStart < s.length) endLine(s.length);
  return { lines, problems };
}

/** Tokens of a short text (a macro body given with -D, or a pasted token). */
export function lexText(text: string): Tok[] {
  return lexFile(text).lines.flatMap((l) => l.tokens);
}

/**
 * Whether two tokens printed side by side would read as something else, so a blank must go
 * between them (GCC's cpp_avoid_paste, for the token kinds that exist in assembler mode).
 */
export function wouldPaste(a: Tok, b: Tok): boolean {
  const c = b.text[0];
  if (c === undefined || a.text === '') return false;
  if (a.kind === 'id') return b.kind === 'id' || b.kind === 'num' || b.kind === 'chr' || b.kind === 'str';
  if (a.kind === 'num') return b.kind === 'num' || b.kind === 'id' || b.kind === 'chr' || c === '.' || c === '+' || c === '-';
  if (a.kind !== 'punct') return false;
  switch (a.text) {
    case '>': return c === '>';
    case '<': return c === '<' || c === '%' || c === ':';
    case '+': return c === '+';
    case '-': return c === '-' || c === '>';
    case '/': return c === '/' || c === '*';
    case '%': return c === ':' || c === '%';
    case '&': return c === '&';
    case '|': return c === '|';
    case ':': return c === ':' || c === '>';
    case '->': return c === '*';
    case '.': return c === '.' || c === '%' || b.kind === 'num';
    case '#': return c === '#' || c === '%';
    default: return false;
  }
}
