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

const isIdStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_$]/.test(c);
const isIdChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_$]/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Source text with line splices removed, and where each remaining character came from. */
class SplicedText {
  readonly text: string;
  private readonly line: Int32Array;
  private readonly col: Int32Array;

  constructor(raw: string) {
    const src = raw.replace(/\r\n?/g, '\n');
    let out = '';
    const lines: number[] = [];
    const cols: number[] = [];
    let line = 1;
    let col = 1;
    for (let i = 0; i < src.length; i++) {
      const c = src[i];
      // A backslash, optional blanks (GCC warns but accepts them), then a newline: a splice.
      if (c === '\\') {
        let j = i + 1;
        while (src[j] === ' ' || src[j] === '\t') j++;
        if (src[j] === '\n') {
          line++;
          col = 1;
          i = j;
          continue;
        }
      }
      out += c;
      lines.push(line);
      cols.push(col);
      if (c === '\n') {
        line++;
        col = 1;
      } else col++;
    }
    lines.push(line);
    cols.push(col);
    this.text = out;
    this.line = Int32Array.from(lines);
    this.col = Int32Array.from(cols);
  }

  lineAt(i: number): number { return this.line[Math.min(i, this.line.length - 1)]; }
  colAt(i: number): number { return this.col[Math.min(i, this.col.length - 1)]; }
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

function punctuatorAt(s: string, i: number): string | undefined {
  for (const p of PUNCTUATORS) if (s.startsWith(p, i)) return p;
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
