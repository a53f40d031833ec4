/**
 * Macro definitions and expansion (C17 6.10.3), as GCC does it in assembler-with-cpp mode:
 * object-like and function-like macros, `#` stringising, `##` pasting (a paste that does not
 * form one token leaves the two tokens side by side, as GCC allows for assembly), `__VA_ARGS__`,
 * named variadic parameters (`args...`), GNU comma elision (`, ## __VA_ARGS__`) and rescanning
 * with hide sets (Prosser's algorithm), so a macro never expands inside its own expansion.
 * Every token an expansion produces remembers the macro and the place in its definition.
 */
import { lexText, type Tok } from './lexer';

export interface SrcPos {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** Where an expanded token came from. */
export interface Expansion {
  readonly macro: string;
  /** Position of the token in the macro's definition; absent for tokens of an argument. */
  readonly def?: SrcPos;
}

/** A token during preprocessing. */
export interface PTok extends Tok {
  /** Macros that must not expand this token again (its hide set). */
  readonly hide?: ReadonlySet<string>;
  /** Painted: a macro name met inside its own expansion never expands later either. */
  readonly noexpand?: boolean;
  /** Set on tokens produced by a macro expansion (outermost macro of the source line). */
  readonly exp?: Expansion;
  /** Placemarker for an empty argument next to `##`. */
  readonly placemarker?: boolean;
}

export type Builtin = '__LINE__' | '__FILE__' | '__COUNTER__' | '__INCLUDE_LEVEL__' | '__BASE_FILE__' | '__DATE__' | '__TIME__' | '__TIMESTAMP__';

export interface Macro {
  readonly name: string;
  /** Parameter names of a function-like macro (`__VA_ARGS__` for `...`); undefined if object-like. */
  readonly params?: readonly string[];
  readonly variadic: boolean;
  readonly body: readonly Tok[];
  readonly def: SrcPos;
  readonly builtin?: Builtin;
}

export class MacroError extends Error {
  constructor(message: string, readonly at: PTok) {
    super(message);
  }
}

/** What the expander asks of the file being read: built-in values and more input lines. */
export interface ExpandContext {
  builtin(name: Builtin, at: PTok): PTok;
  /** The first token of the next line, if a macro's argument list may continue there. */
  peekNextLine?(): PTok | undefined;
  /** Consumes the next line and returns its tokens (the first marked as preceded by whitespace). */
  takeNextLine?(): PTok[] | undefined;
}

const union = (a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined, extra: string): Set<string> => {
  const s = new Set<string>(a);
  if (b) for (const x of b) s.add(x);
  s.add(extra);
  return s;
};

const intersect = (a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): Set<string> => {
  const s = new Set<string>();
  if (a && b) for (const x of a) if (b.has(x)) s.add(x);
  return s;
};

/** Spelling of tokens with single spaces where whitespace was (for `#` and messages). */
export function spell(toks: readonly Tok[]): string {
  return toks.filter((t) => !(t as PTok).placemarker).map((t, i) => (i > 0 && t.ws ? ' ' : '') + t.text).join('');
}

function stringize(arg: readonly PTok[]): string {
  const body = arg.filter((t) => !t.placemarker).map((t, i) => {
    const text = t.kind === 'str' || t.kind === 'chr' ? t.text.replace(/[\\"]/g, (c) => '\\' + c) : t.text;
    return (i > 0 && t.ws ? ' ' : '') + text;
  }).join('');
  return `"${body}"`;
}

interface Invocation {
  readonly args: PTok[][];
  readonly close: PTok;
}

export class MacroTable {
  private readonly macros = new Map<string, Macro>();

  get(name: string): Macro | undefined { return this.macros.get(name); }
  has(name: string): boolean { return this.macros.has(name); }
  define(m: Macro): void { this.macros.set(m.name, m); }
  undefine(name: string): void { this.macros.delete(name); }
  all(): IterableIterator<Macro> { return this.macros.values(); }
}

/** Two definitions are the same if their parameters and body spellings (with whitespace) match. */
export function sameDefinition(a: Macro, b: Macro): boolean {
  const body = (m: Macro): string => m.body.map((t, i) => (i > 0 && t.ws ? ' ' : '') + t.text).join('');
  return a.variadic === b.variadic && (a.params ?? []).join(',') === (b.params ?? []).join(',') &&
    (a.params === undefined) === (b.params === undefined) && body(a) === body(b);
}

/** Expands macros in a token list (the rest of a line, or an argument in isolation). */
export class Expander {
  constructor(private readonly table: MacroTable, private readonly ctx: ExpandContext) {}

  /** Fully expands `input`; `top` lets argument lists continue on following lines. */
  expand(input: readonly PTok[], top: boolean): PTok[] {
    const queue: PTok[] = [...input];
    const out: PTok[] = [];
    let pos = 0;
    const peek = (): PTok | undefined => queue[pos] ?? (top ? this.ctx.peekNextLine?.() : undefined);
    const take = (): PTok | undefined => {
      if (pos >= queue.length && top) {
        const more = this.ctx.takeNextLine?.();
        if (more !== undefined) queue.push(...more);
      }
      return queue[pos++];
    };
    while (pos < queue.length) {
      const t = queue[pos++];
      const m = t.kind === 'id' && !t.noexpand ? this.table.get(t.text) : undefined;
      if (m === undefined) {
        out.push(t);
        continue;
      }
      if (t.hide?.has(m.name)) {
        out.push({ ...t, noexpand: true });
        continue;
      }
      if (m.builtin !== undefined) {
        out.push(this.ctx.builtin(m.builtin, t));
        continue;
      }
      let replacement: PTok[];
      if (m.params === undefined) {
        replacement = this.substitute(m, undefined, union(t.hide, undefined, m.name), t);
      } else {
        if (peek()?.text !== '(') {
          out.push(t);
          continue;
        }
        const inv = this.collectArgs(m, t, take);
        replacement = this.substitute(m, inv.args, union(intersect(t.hide, inv.close.hide), undefined, m.name), t);
      }
      if (replacement.length > 0) replacement[0] = { ...replacement[0], ws: t.ws };
      queue.splice(pos, 0, ...replacement);
    }
    return out;
  }

  private collectArgs(m: Macro, name: PTok, take: () => PTok | undefined): Invocation {
    take(); // '('
    const args: PTok[][] = [[]];
    let depth = 0;
    for (;;) {
      const t = take();
      if (t === undefined) throw new MacroError(`unterminated argument list invoking macro "${m.name}"`, name);
      if (t.text === '(' && t.kind === 'punct') depth++;
      else if (t.text === ')' && t.kind === 'punct') {
        if (depth === 0) return this.checkArity(m, name, args, t);
        depth--;
      } else if (t.text === ',' && t.kind === 'punct' && depth === 0 &&
        !(m.variadic && args.length === m.params!.length)) {
        args.push([]);
        continue;
      }
      const arg = args[args.length - 1];
      arg.push(arg.length === 0 ? { ...t, ws: false } : t);
    }
  }

  private checkArity(m: Macro, name: PTok, args: PTok[][], close: PTok): Invocation {
    const want = m.params!.length;
    if (want === 0 && args.length === 1 && args[0].length === 0) return { args: [], close };
    if (m.variadic && args.length === want - 1) args.push([]); // variadic part left out entirely
    if (args.length > want) throw new MacroError(`macro "${m.name}" passed ${args.length} arguments, but takes just ${want}`, name);
    if (args.length < want) throw new MacroError(`macro "${m.name}" requires ${want} arguments, but only ${args.length} given`, name);
    return { args, close };
  }

  /** The body with parameters replaced, `#` and `##` applied, every token given `hide`. */
  private substitute(m: Macro, args: PTok[][] | undefined, hide: Set<string>, inv: PTok): PTok[] {
    const params = m.params ?? [];
    const expanded = new Map<number, PTok[]>();
    const body = m.body;
    const out: PTok[] = [];
    let pasteNext = false;
    // Body tokens stand at the invocation (so columns point at the macro's name in the source);
    // argument tokens keep their own place.
    const origin = (t: Tok): PTok => ({ ...t, line: inv.line, col: inv.col, exp: { macro: m.name, def: { file: m.def.file, line: t.line, col: t.col } } });
    const append = (toks: PTok[], ws: boolean): void => {
      const list = toks.length === 0 ? [{ kind: 'other' as const, text: '', ws, line: inv.line, col: inv.col, placemarker: true }] : toks;
      const first = { ...list[0], ws };
      if (pasteNext) {
        pasteNext = false;
        const lhs = out.pop();
        out.push(...(lhs === undefined ? [first] : this.paste(lhs, first)));
      } else out.push(first);
      out.push(...list.slice(1));
    };
    for (let i = 0; i < body.length; i++) {
      const b = body[i];
      const p = b.kind === 'id' ? params.indexOf(b.text) : -1;
      if (args !== undefined && b.text === '#' && b.kind === 'punct' && body[i + 1]?.kind === 'id' && params.includes(body[i + 1].text)) {
        const arg = args[params.indexOf(body[i + 1].text)];
        append([{ ...origin(b), kind: 'str', text: stringize(arg) }], b.ws);
        i++;
        continue;
      }
      if (b.text === '##' && b.kind === 'punct') {
        // GNU: `, ## __VA_ARGS__` drops the comma when the variadic argument is empty.
        const next = body[i + 1];
        const np = next.kind === 'id' ? params.indexOf(next.text) : -1;
        if (args !== undefined && m.variadic && np === params.length - 1 && out[out.length - 1]?.text === ',') {
          if (args[np].length === 0) out.pop();
          continue;
        }
        pasteNext = true;
        continue;
      }
      if (p >= 0 && args !== undefined) {
        const raw = body[i + 1]?.text === '##' || pasteNext;
        let toks: PTok[];
        if (raw) toks = args[p].map((t) => ({ ...t }));
        else {
          let e = expanded.get(p);
          if (e === undefined) {
            e = this.expand(args[p], false);
            expanded.set(p, e);
          }
          toks = e;
        }
        // Argument tokens keep their own place, inside this macro's expansion.
        append(toks.map((t) => ({ ...t, exp: t.exp ?? { macro: m.name } })), b.ws);
        continue;
      }
      append([origin(b)], b.ws);
    }
    return out.filter((t) => !t.placemarker).map((t) => ({ ...t, hide: union(t.hide, hide, m.name) }));
  }

  /** `lhs ## rhs`: one token if the spellings form one, else both (assembler mode). */
  private paste(lhs: PTok, rhs: PTok): PTok[] {
    if (lhs.placemarker) return [rhs];
    if (rhs.placemarker) return [lhs];
    const text = lhs.text + rhs.text;
    const toks = lexText(text);
    if (toks.length === 1 && toks[0].text === text) return [{ ...lhs, kind: toks[0].kind, text, noexpand: false }];
    return [lhs, { ...rhs, ws: true }];
  }
}
