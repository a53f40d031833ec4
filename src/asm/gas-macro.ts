/**
 * GNU as macros (`.macro`/`.endm`) and the repeat blocks (`.rept`, `.irp`, `.irpc`) as text
 * transformations, following binutils 2.40 gas/macro.c: parameters with defaults, `:req` and
 * `:vararg`, positional and `name=value` arguments separated by commas or blanks, `\param`,
 * `\()` (an empty separator), `\@` (the number of macro expansions so far).
 */
import { RvnError } from '../errors';
import type { Origin } from './source';

export interface MacroParam {
  readonly name: string;
  readonly defaultValue: string;
  readonly required: boolean;
  readonly vararg: boolean;
}

/** A statement of a macro or repeat body, and where it was written. */
export interface BodyStatement {
  readonly text: string;
  readonly origin: Origin;
}

export interface GasMacro {
  /** Lower case: GNU as looks macros up without regard to case. */
  readonly name: string;
  readonly params: readonly MacroParam[];
  readonly body: readonly BodyStatement[];
  readonly origin: Origin;
}

const isNameStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_.$]/.test(c);
const isNamePart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_.$]/.test(c);
const isWhite = (c: string | undefined): boolean => c === ' ' || c === '\t';
/** macro.c ISSEP: what ends a word when looking for `name=`. */
const isSep = (c: string | undefined): boolean => c !== undefined && ' \t,";()'.includes(c);

/** A name (get_token): the index after it and the name ('' if none starts at `i`). */
function token(s: string, i: number): [number, string] {
  if (!isNameStart(s[i])) return [i, ''];
  let j = i + 1;
  while (isNamePart(s[j])) j++;
  return [j, s.slice(i, j)];
}

const skipWhite = (s: string, i: number): number => {
  while (isWhite(s[i])) i++;
  return i;
};

/** sb_skip_comma: blanks, at most one comma, blanks. */
function skipComma(s: string, i: number): number {
  i = skipWhite(s, i);
  if (s[i] === ',') i = skipWhite(s, i + 1);
  return i;
}

/** A quoted string argument (getstring): contents without the quotes, `""` inside for `"`. */
function quoted(s: string, i: number): [number, string] {
  let out = '';
  let j = i + 1;
  let escaped = false;
  while (j < s.length) {
    escaped = s[j - 1] === '\\' ? !escaped : false;
    if (escaped && s[j] === '"') {
      out += '"';
      j++;
    } else if (s[j] === '"') {
      j++;
      if (s[j] !== '"') break;
      out += '"';
      j++;
    } else out += s[j++];
  }
  return [j, out];
}

/**
 * One argument (get_any_string): a quoted string, or characters up to a blank or comma, where
 * blanks inside brackets and quotes are kept (a comma always ends it).
 */
function anyString(s: string, i: number): [number, string] {
  i = skipWhite(s, i);
  if (s[i] === '"') return quoted(s, i);
  let out = '';
  const brackets: string[] = [];
  while (i < s.length && (brackets.length > 0 || !isWhite(s[i])) && s[i] !== ',') {
    const c = s[i];
    if (c === '"' || c === "'") {
      const end = s.indexOf(c, i + 1);
      if (end < 0) return [s.length, out + s.slice(i)];
      out += s.slice(i, end);
      i = end;
    } else if (c === '(' || c === '[') brackets.push(c);
    else if ((c === ')' && brackets[brackets.length - 1] === '(') || (c === ']' && brackets[brackets.length - 1] === '[')) brackets.pop();
    out += s[i++];
  }
  return [i, out];
}

/** `.macro NAME [PARAM[:req|:vararg][=DEFAULT]][[,] ...]` */
export function parseMacroHeader(args: string): { name: string; params: MacroParam[] } {
  const s = args;
  let [i, name] = token(s, skipWhite(s, 0));
  if (name === '') throw new RvnError('missing macro name');
  i = skipComma(s, i);
  const params: MacroParam[] = [];
  while (i < s.length) {
    const [j, pname] = token(s, i);
    if (pname === '') throw new RvnError(`bad parameter list for macro '${name}'`);
    i = j;
    let required = false;
    let vararg = false;
    if (s[i] === ':') {
      const [k, q] = token(s, i + 1);
      if (q === 'req') required = true;
      else if (q === 'vararg') vararg = true;
      else throw new RvnError(`'${q}' is not a valid qualifier for parameter '${pname}' of macro '${name}'`);
      i = k;
    }
    i = skipWhite(s, i);
    let defaultValue = '';
    if (s[i] === '=') {
      [i, defaultValue] = anyString(s, i + 1);
      i = skipWhite(s, i);
    }
    if (params.some((p) => p.name === pname)) throw new RvnError(`a parameter named '${pname}' already exists for macro '${name}'`);
    if (params.some((p) => p.vararg)) throw new RvnError(`only the last parameter of macro '${name}' can be :vararg`);
    params.push({ name: pname, defaultValue, required, vararg });
    i = skipComma(s, i);
  }
  return { name: name.toLowerCase(), params };
}

/** The value of each parameter for an invocation with argument text `args` (scrubbed). */
export function bindArguments(m: GasMacro, args: string): Map<string, string> {
  const actual = new Map<string, string>();
  let i = skipWhite(args, 0);
  let next = 0;
  let keyword = false;
  while (i < args.length) {
    let scan = i;
    while (scan < args.length && !isSep(args[scan]) && args[scan] !== '=') scan++;
    if (args[scan] === '=') {
      keyword = true;
      const [j, name] = token(args, i);
      const p = m.params.find((x) => x.name === name);
      if (p === undefined || j !== scan) throw new RvnError(`macro '${m.name}' has no parameter '${args.slice(i, scan)}'`);
      const [k, value] = p.vararg ? [args.length, args.slice(scan + 1)] : anyString(args, scan + 1);
      actual.set(p.name, value);
      i = k;
    } else {
      if (keyword) throw new RvnError("can't mix positional and keyword arguments");
      const p = m.params[next++];
      if (p === undefined) throw new RvnError(`too many positional arguments for macro '${m.name}'`);
      const [k, value] = p.vararg ? [args.length, args.slice(i)] : anyString(args, i);
      actual.set(p.name, value);
      i = k;
    }
    i = skipComma(args, i);
  }
  const values = new Map<string, string>();
  for (const p of m.params) {
    const v = actual.get(p.name) ?? '';
    if (p.required && v === '') throw new RvnError(`missing value for required parameter '${p.name}' of macro '${m.name}'`);
    values.set(p.name, v === '' ? p.defaultValue : v);
  }
  return values;
}

/**
 * A body statement with `\name` replaced by the parameter's value, `\()` by nothing and `\@`
 * by the expansion number (macro_expand_body). A backslash before anything else stays.
 */
export function substitute(text: string, values: ReadonlyMap<string, string>, expansion: number): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = text[i + 1];
    if (n === '(') {
      const end = text.indexOf(')', i + 2);
      if (end < 0) throw new RvnError("missing ')' after '\\('");
      out += text.slice(i + 2, end);
      i = end;
    } else if (n === '@') {
      out += String(expansion);
      i++;
    } else {
      const [j, name] = token(text, i + 1);
      const v = name === '' ? undefined : values.get(name);
      out += v ?? '\\' + name;
      i = j - 1;
    }
  }
  return out;
}

/** `.irp PARAM, VALUE...` (or `.irpc PARAM, CHARS`): the parameter and its successive values. */
export function repeatValues(args: string, perCharacter: boolean): { param: string; values: string[] } {
  let [i, param] = token(args, skipWhite(args, 0));
  if (param === '') throw new RvnError('missing model parameter');
  i = skipComma(args, i);
  if (i >= args.length) return { param, values: [''] };
  const values: string[] = [];
  if (perCharacter) {
    let s = args.slice(i).trim();
    if (s.startsWith('"') && s.endsWith('"') && s.length >= 2) s = s.slice(1, -1);
    for (const ch of s) if (!isWhite(ch)) values.push(ch);
    return { param, values };
  }
  while (i < args.length) {
    const [j, v] = anyString(args, i);
    values.push(v);
    i = skipComma(args, j);
  }
  return { param, values };
}

/** The directive a body statement starts with (after labels), lower case, or ''. */
export function leadingDirective(text: string): string {
  let i = skipWhite(text, 0);
  for (;;) {
    const [j, name] = token(text, i);
    if (name === '') break;
    const k = skipWhite(text, j);
    if (text[k] !== ':') break;
    i = skipWhite(text, k + 1);
  }
  const m = /^\.[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
  return m ? m[0].toLowerCase() : '';
}
