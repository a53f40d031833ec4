/**
 * The statement loop of the assembler, as GNU as's read.c runs it: statements come from the
 * source lines or from macro and repeat expansions (a stack of frames); `.macro`/`.rept`/
 * `.irp`/`.irpc` bodies are collected up to their matching `.endm`/`.endr`; the `.if` family
 * decides which statements are read at all. Everything else goes to the assembler proper.
 * Errors are collected (up to the limit) with the statement's place and expansion chain, and
 * reading goes on with the next statement.
 */
import { RvnError } from '../errors';
import type { DiagnosticSink, Note } from './diagnostics';
import { bindArguments, leadingDirective, parseMacroHeader, repeatValues, substitute, type BodyStatement, type GasMacro } from './gas-macro';
import { originInLine, parseStatement, scrubOperands, splitStatements, type Origin, type ParsedStatement, type SourceLine } from './source';

/** A statement to assemble. */
export interface Statement {
  readonly text: string;
  readonly origin: Origin;
  /** The source line the statement was read from (absent inside expansions). */
  readonly line?: SourceLine;
  /** Offset of the statement in `line.text`. */
  readonly offset: number;
}

/** What the reader needs from the assembler. */
export interface StatementHandler {
  /** Defines the statement's labels. */
  labels(st: Statement, parsed: ParsedStatement): void;
  /** Assembles the statement's directive or instruction. */
  operation(st: Statement, parsed: ParsedStatement): void;
  /** A directive the assembler implements (it wins over a macro of the same name). */
  knowsDirective(op: string): boolean;
  /** The value of an expression that must be constant now (.if, .rept). */
  constantNow(text: string): bigint;
  /** Whether a symbol is defined (.ifdef). */
  isDefined(name: string): boolean;
}

/** Where in a statement's text a position is, as a source place. */
export function originAt(st: Statement, offset: number): Origin {
  if (st.line !== undefined) return originInLine(st.line, st.offset + offset);
  return st.origin;
}

interface Frame {
  readonly statements: Statement[];
  index: number;
  /** For a macro expansion: its name (for .exitm). */
  readonly macro?: string;
}

interface Cond {
  /** A branch of this .if has been taken. */
  taken: boolean;
  active: boolean;
  sawElse: boolean;
  readonly outerActive: boolean;
  readonly origin: Origin;
  /** How many frames were open when the .if was read (.exitm drops the ones of its macro). */
  readonly depth: number;
}

type BlockKind = '.macro' | '.rept' | '.irp' | '.irpc';

interface Collecting {
  readonly kind: BlockKind;
  readonly args: string;
  readonly origin: Origin;
  readonly body: BodyStatement[];
  depth: number;
}

const REPEATS = new Set(['.rept', '.rep', '.irp', '.irpc', '.irep', '.irepc']);
const MAX_NESTING = 1000;

/** The .if family: each decides from the directive's operand text. */
const CONDITIONS: Record<string, (h: StatementHandler, args: string) => boolean> = {
  '.if': (h, a) => h.constantNow(a) !== 0n,
  '.ifne': (h, a) => h.constantNow(a) !== 0n,
  '.ifeq': (h, a) => h.constantNow(a) === 0n,
  '.ifge': (h, a) => h.constantNow(a) >= 0n,
  '.ifgt': (h, a) => h.constantNow(a) > 0n,
  '.ifle': (h, a) => h.constantNow(a) <= 0n,
  '.iflt': (h, a) => h.constantNow(a) < 0n,
  '.ifdef': (h, a) => h.isDefined(a.trim()),
  '.ifndef': (h, a) => !h.isDefined(a.trim()),
  '.ifnotdef': (h, a) => !h.isDefined(a.trim()),
  '.ifb': (_h, a) => a.trim() === '',
  '.ifnb': (_h, a) => a.trim() !== '',
  '.ifc': (_h, a) => compareStrings(a),
  '.ifeqs': (_h, a) => compareStrings(a),
  '.ifnc': (_h, a) => !compareStrings(a),
  '.ifnes': (_h, a) => !compareStrings(a),
};

/** `.ifc a, b`: the two strings (optionally quoted) are equal, case-sensitively. */
function compareStrings(args: string): boolean {
  const s = args.trim();
  const read = (i: number): [string, number] => {
    if (s[i] === "'" || s[i] === '"') {
      const q = s[i];
      const end = s.indexOf(q, i + 1);
      if (end < 0) throw new RvnError('missing closing quote in .ifc');
      return [s.slice(i + 1, end), end + 1];
    }
    const end = s.indexOf(',', i);
    return [(end < 0 ? s.slice(i) : s.slice(i, end)).trim(), end < 0 ? s.length : end];
  };
  const [a, i] = read(0);
  let j = i;
  while (s[j] === ' ' || s[j] === '\t') j++;
  if (s[j] !== ',') throw new RvnError('.ifc takes two strings separated by a comma');
  j++;
  while (s[j] === ' ' || s[j] === '\t') j++;
  const [b] = read(j);
  return a === b;
}

export class Reader {
  private readonly frames: Frame[] = [];
  private readonly conds: Cond[] = [];
  private readonly macros = new Map<string, GasMacro>();
  private collecting: Collecting | undefined;
  private expansions = 0;

  constructor(private readonly handler: StatementHandler, private readonly sink: DiagnosticSink) {}

  run(lines: readonly SourceLine[]): void {
    const statements: Statement[] = [];
    for (const line of lines) {
      for (const raw of splitStatements(line.text)) {
        statements.push({ text: raw.text, origin: originInLine(line, raw.offset + (raw.text.length - raw.text.trimStart().length)), line, offset: raw.offset });
      }
    }
    this.frames.push({ statements, index: 0 });
    while (this.frames.length > 0 && !this.sink.full) {
      const f = this.frames[this.frames.length - 1];
      const st = f.statements[f.index++];
      if (st === undefined) {
        this.frames.pop();
        continue;
      }
      try {
        this.statement(st);
      } catch (e) {
        if (!(e instanceof RvnError)) throw e;
        this.report(st, e);
      }
    }
    if (this.sink.full && this.frames.some((f) => f.index < f.statements.length)) this.sink.markTruncated();
    if (this.collecting !== undefined) {
      const what = this.collecting.kind === '.macro' ? `in macro '${parseMacroHeaderName(this.collecting.args)}' definition` : `in ${this.collecting.kind} block`;
      this.sink.error(this.collecting.origin.at, `unexpected end of file ${what} (missing ${this.collecting.kind === '.macro' ? '.endm' : '.endr'})`, this.collecting.origin.notes);
    }
    for (const c of this.conds) this.sink.error(c.origin.at, 'end of file inside conditional (missing .endif)', c.origin.notes);
  }

  /** Reports an error at the statement; a quoted operand in the message marks the column. */
  report(st: Statement, e: RvnError): void {
    const parsed = parseStatement(st.text);
    let offset = parsed.opOffset;
    const quoted = /'([^']+)'/.exec(e.message);
    if (quoted) {
      const after = st.text.indexOf(quoted[1], parsed.argsOffset);
      const k = after >= 0 ? after : st.text.indexOf(quoted[1]);
      if (k >= 0) offset = k;
    }
    const o = originAt(st, offset);
    this.sink.error(o.at, e.message, o.notes);
  }

  private active(): boolean {
    const c = this.conds[this.conds.length - 1];
    return c === undefined || c.active;
  }

  private statement(st: Statement): void {
    if (this.collecting !== undefined) return this.collect(st);
    const parsed = parseStatement(st.text);
    const op = parsed.op.toLowerCase();
    if (this.conditional(st, op, parsed.args)) return;
    if (!this.active()) return;
    this.handler.labels(st, parsed);
    if (op === '') return;
    switch (op) {
      case '.macro': case '.rept': case '.rep': case '.irp': case '.irpc': case '.irep': case '.irepc': {
        const kind = (op === '.rep' ? '.rept' : op === '.irep' ? '.irp' : op === '.irepc' ? '.irpc' : op) as BlockKind;
        if (kind === '.macro') parseMacroHeader(parsed.args); // report a bad header here, not at .endm
        this.collecting = { kind, args: parsed.args, origin: st.origin, body: [], depth: 1 };
        return;
      }
      case '.endm': case '.endr':
        throw new RvnError(`${op} without ${op === '.endm' ? '.macro' : '.rept, .irp or .irpc'}`);
      case '.exitm': return this.exitMacro();
      case '.purgem': {
        const name = parsed.args.trim().toLowerCase();
        if (!this.macros.delete(name)) throw new RvnError(`attempt to purge macro '${name}', which is not defined`);
        return;
      }
      case '.altmacro':
        throw new RvnError('.altmacro (alternate macro syntax) is not supported');
      case '.noaltmacro':
        return;
      default: break;
    }
    const m = this.macros.get(op);
    if (m !== undefined && !(op.startsWith('.') && this.handler.knowsDirective(op))) return this.expandMacro(m, st, parsed);
    this.handler.operation(st, parsed);
  }

  /** Handles the .if family (read even in skipped regions); false if `op` is none of them. */
  private conditional(st: Statement, op: string, args: string): boolean {
    const test = CONDITIONS[op];
    if (test !== undefined) {
      const outerActive = this.active();
      const v = outerActive && test(this.handler, args);
      this.conds.push({ taken: v, active: v, sawElse: false, outerActive, origin: st.origin, depth: this.frames.length });
      return true;
    }
    const c = this.conds[this.conds.length - 1];
    switch (op) {
      case '.elseif':
        if (c === undefined) throw new RvnError('.elseif without matching .if');
        if (c.sawElse) throw new RvnError('.elseif after .else');
        c.active = c.outerActive && !c.taken && this.handler.constantNow(args) !== 0n;
        c.taken ||= c.active;
        return true;
      case '.else':
        if (c === undefined) throw new RvnError('.else without matching .if');
        if (c.sawElse) throw new RvnError('duplicate .else');
        c.sawElse = true;
        c.active = c.outerActive && !c.taken;
        c.taken = true;
        return true;
      case '.endif':
        if (this.conds.pop() === undefined) throw new RvnError('.endif without .if');
        return true;
      default:
        return false;
    }
  }

  /** Adds a statement to the body being collected, or ends the body at its .endm/.endr. */
  private collect(st: Statement): void {
    const c = this.collecting!;
    const d = leadingDirective(st.text);
    if (c.kind === '.macro') {
      if (d === '.macro') c.depth++;
      else if (d === '.endm') c.depth--;
    } else if (REPEATS.has(d)) c.depth++;
    else if (d === '.endr') c.depth--;
    if (c.depth > 0) {
      c.body.push({ text: st.text, origin: st.origin });
      return;
    }
    this.collecting = undefined;
    if (c.kind === '.macro') this.defineMacro(c);
    else this.expandRepeat(c);
  }

  private defineMacro(c: Collecting): void {
    const { name, params } = parseMacroHeader(c.args);
    const old = this.macros.get(name);
    if (old !== undefined) {
      this.sink.error(c.origin.at, `macro '${name}' was already defined`, [...c.origin.notes, { at: old.origin.at, message: 'previous definition' }]);
      return;
    }
    this.macros.set(name, { name, params, body: c.body, origin: c.origin });
  }

  private pushExpansion(body: readonly BodyStatement[], note: Note, invocation: Origin, texts: (b: BodyStatement) => string, macro?: string): void {
    if (this.frames.length >= MAX_NESTING) throw new RvnError(`macros nested more than ${MAX_NESTING} deep`);
    const notes = [note, ...invocation.notes];
    const statements: Statement[] = [];
    for (const b of body) {
      for (const raw of splitStatements(texts(b))) {
        statements.push({ text: raw.text, origin: { at: b.origin.at, notes: [...b.origin.notes, ...notes] }, offset: 0 });
      }
    }
    this.frames.push({ statements, index: 0, macro });
  }

  private expandMacro(m: GasMacro, st: Statement, parsed: ParsedStatement): void {
    const values = bindArguments(m, scrubOperands(parsed.args));
    const n = this.expansions++;
    const at = originAt(st, parsed.opOffset);
    this.pushExpansion(m.body, { at: at.at, message: `in expansion of macro '${m.name}'` }, at, (b) => substitute(b.text, values, n), m.name);
  }

  private expandRepeat(c: Collecting): void {
    const note = { at: c.origin.at, message: `in ${c.kind} block` };
    if (c.kind === '.rept') {
      const count = this.handler.constantNow(c.args);
      if (count < 0n) throw new RvnError(`.rept count ${count} is negative`);
      if (count > 1000000n) throw new RvnError(`.rept count ${count} is too large`);
      const body: BodyStatement[] = [];
      for (let i = 0n; i < count; i++) body.push(...c.body);
      return this.pushExpansion(body, note, c.origin, (b) => b.text);
    }
    const { param, values } = repeatValues(scrubOperands(c.args), c.kind === '.irpc');
    const body: BodyStatement[] = [];
    for (const v of values) {
      const map = new Map([[param, v]]);
      for (const b of c.body) body.push({ text: substitute(b.text, map, this.expansions), origin: b.origin });
    }
    this.pushExpansion(body, note, c.origin, (b) => b.text);
  }

  /** `.exitm`: abandon the innermost macro expansion. */
  private exitMacro(): void {
    const k = this.frames.map((f) => f.macro !== undefined).lastIndexOf(true);
    if (k < 0) throw new RvnError('.exitm outside a macro');
    this.frames.length = k;
    // The conditionals opened inside the abandoned expansion end with it (gas cond_exit_macro).
    while (this.conds.length > 0 && this.conds[this.conds.length - 1].depth > k) this.conds.pop();
  }
}

function parseMacroHeaderName(args: string): string {
  return /^\s*([A-Za-z_.$][A-Za-z0-9_.$]*)/.exec(args)?.[1] ?? '';
}
