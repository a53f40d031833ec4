/** Splitting GNU-as source into statements: comments, `;` separators, labels, operands. */
import { RvnError } from '../errors';

export interface Statement {
  readonly line: number;
  readonly labels: readonly string[];
  /** Mnemonic or directive, lower-cased; '' for a label-only line. */
  readonly op: string;
  readonly args: string;
}

/** Removes `/* *\/` comments (possibly spanning lines) but keeps line breaks. */
function stripBlockComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
}

/** Splits a line at `;` and cuts `#` / `//` comments, both outside string literals. */
function splitLine(line: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let inStr = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inStr) {
      cur += c;
      if (c === '\\') cur += line[++i] ?? '';
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === "'") { // character constant: copy it whole so '#' or ';' inside is not special
      const m = /^'(\\.|.)'?/.exec(line.slice(i));
      const len = m ? m[0].length : 1;
      cur += line.slice(i, i + len);
      i += len - 1;
      continue;
    }
    if (c === '"') inStr = true;
    if (c === '#' || (c === '/' && line[i + 1] === '/')) break;
    if (c === ';') {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  return parts;
}

const LABEL = /^\s*([A-Za-z_.$][A-Za-z0-9_.$]*|[0-9]+)\s*:(?!=)/;

export function parseSource(src: string): Statement[] {
  const out: Statement[] = [];
  const lines = stripBlockComments(src).split('\n');
  lines.forEach((text, idx) => {
    for (let part of splitLine(text)) {
      const labels: string[] = [];
      for (let m = LABEL.exec(part); m; m = LABEL.exec(part)) {
        labels.push(m[1]);
        part = part.slice(m[0].length);
      }
      const t = part.trim();
      const m = /^(\S+)\s*(.*)$/.exec(t);
      if (!m && labels.length === 0) continue;
      out.push({ line: idx + 1, labels, op: m ? m[1].toLowerCase() : '', args: m ? m[2].trim() : '' });
    }
  });
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
