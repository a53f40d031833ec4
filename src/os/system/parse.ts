/**
 * Reads a system description file as data (without running it): the object literal exported
 * as `system`, turned into a tree of values that remember where they are in the file, so that
 * every later check can point at the offending text (file:line:col). Values are literals, or
 * names of module-level `const`s that hold literals.
 */
import ts from 'typescript';
import { RvnError } from '../../errors';

export interface Pos {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export type Value =
  | { kind: 'object'; pos: Pos; props: Map<string, { key: Pos; value: Value }> }
  | { kind: 'array'; pos: Pos; items: Value[] }
  | { kind: 'string'; pos: Pos; value: string }
  | { kind: 'number'; pos: Pos; value: bigint }
  | { kind: 'boolean'; pos: Pos; value: boolean };

export function at(p: Pos): string {
  return `${p.file}:${p.line}:${p.col}`;
}

/** A description error: collected, then thrown together (one line each). */
export class Problems {
  readonly list: string[] = [];
  add(p: Pos, message: string): void {
    this.list.push(`${at(p)}: ${message}`);
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new RvnError(this.list.join('\n'), 1);
  }
}

function posOf(sf: ts.SourceFile, node: ts.Node): Pos {
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return { file: sf.fileName, line: line + 1, col: character + 1 };
}

function strip(e: ts.Expression): ts.Expression {
  let x = e;
  while (ts.isParenthesizedExpression(x) || ts.isAsExpression(x) || ts.isSatisfiesExpression(x) || ts.isTypeAssertionExpression(x)) x = x.expression;
  return x;
}

const BINARY: ReadonlyMap<ts.SyntaxKind, (a: bigint, b: bigint) => bigint> = new Map([
  [ts.SyntaxKind.PlusToken, (a: bigint, b: bigint) => a + b],
  [ts.SyntaxKind.MinusToken, (a: bigint, b: bigint) => a - b],
  [ts.SyntaxKind.AsteriskToken, (a: bigint, b: bigint) => a * b],
  [ts.SyntaxKind.LessThanLessThanToken, (a: bigint, b: bigint) => a << b],
  [ts.SyntaxKind.GreaterThanGreaterThanToken, (a: bigint, b: bigint) => a >> b],
  [ts.SyntaxKind.BarToken, (a: bigint, b: bigint) => a | b],
  [ts.SyntaxKind.AmpersandToken, (a: bigint, b: bigint) => a & b],
]);

class Reader {
  private readonly consts = new Map<string, ts.Expression>();
  private readonly resolving = new Set<string>();

  constructor(private readonly sf: ts.SourceFile, private readonly problems: Problems) {
    for (const st of sf.statements) {
      if (!ts.isVariableStatement(st) || (st.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) this.consts.set(d.name.text, d.initializer);
    }
  }

  value(e: ts.Expression): Value | undefined {
    const x = strip(e);
    const pos = posOf(this.sf, x);
    if (ts.isIdentifier(x) && this.consts.has(x.text) && !this.resolving.has(x.text)) {
      this.resolving.add(x.text);
      const v = this.value(this.consts.get(x.text)!);
      this.resolving.delete(x.text);
      return v;
    }
    if (ts.isObjectLiteralExpression(x)) return this.object(x, pos);
    if (ts.isArrayLiteralExpression(x)) {
      const items: Value[] = [];
      for (const el of x.elements) {
        const v = this.value(el);
        if (v) items.push(v);
      }
      return { kind: 'array', pos, items };
    }
    if (ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x)) return { kind: 'string', pos, value: x.text };
    if (x.kind === ts.SyntaxKind.TrueKeyword || x.kind === ts.SyntaxKind.FalseKeyword) {
      return { kind: 'boolean', pos, value: x.kind === ts.SyntaxKind.TrueKeyword };
    }
    const n = this.number(x);
    if (n !== undefined) return { kind: 'number', pos, value: n };
    this.problems.add(pos, 'a system description holds only literals (strings, numbers, booleans, objects, arrays) and names of consts holding them');
    return undefined;
  }

  private number(x: ts.Expression): bigint | undefined {
    const e = strip(x);
    if (ts.isIdentifier(e) && this.consts.has(e.text) && !this.resolving.has(e.text)) {
      this.resolving.add(e.text);
      const v = this.number(this.consts.get(e.text)!);
      this.resolving.delete(e.text);
      return v;
    }
    if (ts.isNumericLiteral(e)) {
      const text = e.text.replace(/_/g, '');
      if (/[.eE]/.test(text) && !/^0[xX]/.test(text)) return undefined;
      return BigInt(text);
    }
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) {
      const v = this.number(e.operand);
      return v === undefined ? undefined : -v;
    }
    if (ts.isBinaryExpression(e)) {
      const op = BINARY.get(e.operatorToken.kind);
      const a = this.number(e.left);
      const b = this.number(e.right);
      if (op && a !== undefined && b !== undefined) return op(a, b);
    }
    return undefined;
  }

  private object(x: ts.ObjectLiteralExpression, pos: Pos): Value {
    const props = new Map<string, { key: Pos; value: Value }>();
    for (const p of x.properties) {
      if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
        this.problems.add(posOf(this.sf, p), 'only `name: value` properties are allowed here');
        continue;
      }
      const key = posOf(this.sf, p.name);
      if (props.has(p.name.text)) {
        this.problems.add(key, `'${p.name.text}' is given twice`);
        continue;
      }
      const v = this.value(p.initializer);
      if (v) props.set(p.name.text, { key, value: v });
    }
    return { kind: 'object', pos, props };
  }
}

/** The `system` object of a description file. */
export function parseDescription(file: string, text: string): Value {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const problems = new Problems();
  const diags = (sf as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  for (const d of diags) {
    const { line, character } = sf.getLineAndCharacterOfPosition(d.start ?? 0);
    problems.add({ file, line: line + 1, col: character + 1 }, ts.flattenDiagnosticMessageText(d.messageText, ' '));
  }
  problems.throwIfAny();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    const exported = (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    for (const d of st.declarationList.declarations) {
      if (!exported || !ts.isIdentifier(d.name) || d.name.text !== 'system' || d.initializer === undefined) continue;
      const v = new Reader(sf, problems).value(d.initializer);
      problems.throwIfAny();
      if (v?.kind !== 'object') {
        problems.add(posOf(sf, d.initializer), 'the system description must be an object literal');
        problems.throwIfAny();
      }
      return v!;
    }
  }
  problems.add({ file, line: 1, col: 1 }, "no `export const system = { ... }` in this file");
  problems.throwIfAny();
  throw new Error('unreachable');
}
