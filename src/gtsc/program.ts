/**
 * The whole guest program: one module per source file, each with its top-level symbols
 * (structs, type aliases, functions, variables, folded constants, imports). Resolves type
 * annotations to guest types and evaluates constant expressions.
 */
import ts from 'typescript';
import { fail, unsupportedNode } from './diag';
import { INTRINSICS } from './intrinsics';
import {
  alignOf, I64, INT_ALIASES, intType, sizeOf, U64, valueType, wrapConst, type FnSig, type GType, type StructDef,
} from './types';

export interface GlobalSym {
  k: 'global';
  sym: string;
  mod: Module;
  node: ts.VariableDeclaration;
  /** The storage type; arrays, structs and strings denote their address when used. */
  storage: GType;
  isAddress: boolean;
  /** Bytes of a string literal initialiser (rodata). */
  str?: Uint8Array;
  readonly: boolean;
}

export type Sym =
  | { k: 'type'; node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration; mod: Module; resolved?: GType }
  | { k: 'func'; sym: string; node: ts.FunctionDeclaration; mod: Module; sig?: FnSig }
  | GlobalSym
  | { k: 'const'; value: bigint; type: GType }
  | { k: 'pendingConst'; node: ts.VariableDeclaration; mod: Module; busy: boolean }
  | { k: 'intrinsic'; name: string }
  | { k: 'builtinType'; name: string }
  | { k: 'import'; from: string; name: string; node: ts.Node; mod: Module };

export interface Module {
  name: string;
  sf: ts.SourceFile;
  scope: Map<string, Sym>;
  exported: Set<string>;
}

const BUILTIN_TYPES = new Set([...Object.keys(INT_ALIASES).filter((k) => k !== 'number' && k !== 'boolean'), 'Ptr', 'Arr']);

export function moduleName(file: string): string {
  return normalize(file.replace(/\.(d\.)?[cm]?[jt]s$/, ''));
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const p of path.split('/')) {
    if (p === '.' || p === '') continue;
    if (p === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(p);
  }
  return (path.startsWith('/') ? '/' : '') + out.join('/');
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

export class Program {
  readonly modules = new Map<string, Module>();

  constructor(
    files: readonly { name: string; text: string }[],
    readonly guestModule: string,
    /** Module name an import names (default: relative specifiers resolved against the importer's folder). */
    private readonly resolveImport?: (spec: string, importer: string) => string,
  ) {
    for (const f of files) {
      const sf = ts.createSourceFile(f.name, f.text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      const mod: Module = { name: moduleName(f.name), sf, scope: new Map(), exported: new Set() };
      this.modules.set(mod.name, mod);
    }
  }

  /** The parser's errors, as `file:line:col: message`. */
  syntaxErrors(errors: string[]): void {
    for (const mod of this.modules.values()) {
      for (const d of (mod.sf as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? []) {
        const pos = d.start !== undefined ? mod.sf.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
        errors.push(`${mod.sf.fileName}:${pos.line + 1}:${pos.character + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      }
    }
  }

  /** Pass 1: record every top-level declaration. Errors are returned, not thrown. */
  collect(errors: string[]): void {
    for (const mod of this.modules.values()) {
      for (const st of mod.sf.statements) {
        try { this.collectStatement(mod, st); } catch (e) { errors.push(String((e as Error).message)); }
      }
    }
  }

  private define(mod: Module, name: string, sym: Sym, node: ts.Node, exported: boolean): void {
    if (mod.scope.has(name)) fail(node, `'${name}' is declared twice`);
    mod.scope.set(name, sym);
    if (exported) mod.exported.add(name);
  }

  private collectStatement(mod: Module, st: ts.Statement): void {
    const exported = hasModifier(st, ts.SyntaxKind.ExportKeyword);
    if (ts.isImportDeclaration(st)) return this.collectImport(mod, st);
    if (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) {
      return this.define(mod, st.name.text, { k: 'type', node: st, mod }, st, exported);
    }
    if (ts.isFunctionDeclaration(st)) {
      if (!st.name) fail(st, 'a function needs a name');
      const prev = mod.scope.get(st.name.text);
      if (prev && prev.k === 'func' && (!prev.node.body || !st.body)) {
        if (st.body) prev.node = st;
        return;
      }
      return this.define(mod, st.name.text, { k: 'func', sym: st.name.text, node: st, mod }, st, exported);
    }
    if (ts.isVariableStatement(st)) {
      const isConst = (st.declarationList.flags & ts.NodeFlags.Const) !== 0;
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) fail(d, 'destructuring is not supported in guest code');
        const name = d.name.text;
        const sym: Sym = isConst && d.initializer && !d.type && isConstCandidate(d.initializer)
          ? { k: 'pendingConst', node: d, mod, busy: false }
          : this.globalSym(mod, d, name, isConst);
        this.define(mod, name, sym, d, exported);
      }
      return;
    }
    if (ts.isExportDeclaration(st) || ts.isEmptyStatement(st)) {
      if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause) && !st.moduleSpecifier) {
        for (const e of st.exportClause.elements) mod.exported.add((e.propertyName ?? e.name).text);
        return;
      }
      if (ts.isEmptyStatement(st)) return;
    }
    if (ts.isModuleDeclaration(st) && ts.isIdentifier(st.name)) fail(st, 'namespaces are not supported in guest code');
    unsupportedNode(st);
  }

  private globalSym(mod: Module, d: ts.VariableDeclaration, name: string, isConst: boolean): GlobalSym {
    const init = d.initializer;
    if (init && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) && !d.type) {
      const bytes = new TextEncoder().encode(init.text + '\0');
      return { k: 'global', sym: name, mod, node: d, storage: { k: 'arr', of: intType('u8'), n: bytes.length }, isAddress: true, str: bytes, readonly: true };
    }
    const g: GlobalSym = { k: 'global', sym: name, mod, node: d, storage: I64, isAddress: false, readonly: isConst };
    return g;
  }

  private collectImport(mod: Module, st: ts.ImportDeclaration): void {
    const spec = (st.moduleSpecifier as ts.StringLiteral).text;
    const clause = st.importClause;
    if (!clause) return;
    if (clause.name) fail(clause, 'default imports are not supported in guest code');
    const bindings = clause.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) fail(st, 'namespace imports are not supported in guest code');
    const base = mod.name.includes('/') ? mod.name.slice(0, mod.name.lastIndexOf('/') + 1) : '';
    const target = this.resolveImport?.(spec, mod.name) ?? (spec.startsWith('.') ? moduleName(base + spec) : moduleName(spec));
    const isGuest = !this.modules.has(target) && (target.split('/').pop() === this.guestModule);
    for (const el of bindings.elements) {
      const local = el.name.text;
      const remote = (el.propertyName ?? el.name).text;
      if (isGuest) {
        if (INTRINSICS[remote]) this.define(mod, local, { k: 'intrinsic', name: remote }, el, false);
        else if (BUILTIN_TYPES.has(remote)) this.define(mod, local, { k: 'builtinType', name: remote }, el, false);
        else fail(el, `'${remote}' is not declared by the guest declarations`);
      } else {
        if (!this.modules.has(target)) fail(st.moduleSpecifier, `cannot find guest module '${spec}'`);
        this.define(mod, local, { k: 'import', from: target, name: remote, node: el, mod }, el, false);
      }
    }
  }

  /** Look a name up at module level, following imports. */
  lookup(mod: Module, name: string, at: ts.Node): Sym | undefined {
    let sym = mod.scope.get(name);
    let guard = 0;
    while (sym && sym.k === 'import') {
      const target = this.modules.get(sym.from)!;
      if (!target.exported.has(sym.name)) fail(sym.node, `module '${sym.from}' does not export '${sym.name}'`);
      sym = target.scope.get(sym.name);
      if (++guard > 100) fail(at, `import cycle for '${name}'`);
    }
    if (sym && sym.k === 'pendingConst') return this.evalPendingConst(sym);
    if (sym && sym.k === 'global' && !sym.str) this.resolveGlobal(sym);
    return sym;
  }

  private evalPendingConst(sym: Extract<Sym, { k: 'pendingConst' }>): Sym {
    if (sym.busy) fail(sym.node, 'constant refers to itself');
    sym.busy = true;
    const v = this.constValue(sym.mod, sym.node.initializer!, new Map());
    sym.busy = false;
    const name = (sym.node.name as ts.Identifier).text;
    const resolved: Sym = v !== undefined
      ? { k: 'const', value: v, type: I64 }
      : this.globalSym(sym.mod, sym.node, name, true);
    sym.mod.scope.set(name, resolved);
    if (resolved.k === 'global') this.resolveGlobal(resolved);
    return resolved;
  }

  private resolvedGlobals = new WeakSet<GlobalSym>();
  resolveGlobal(g: GlobalSym): void {
    if (g.str || this.resolvedGlobals.has(g)) return;
    this.resolvedGlobals.add(g);
    const d = g.node;
    const zt = zeroedType(d.initializer);
    const tab = tableInit(d.initializer);
    if (tab) {
      if (!tab.type) fail(d.initializer!, 'table needs its element type: table<T>([...])');
      g.storage = { k: 'arr', of: valueType(this.resolveType(g.mod, tab.type)), n: tab.values.length };
      if (tab.values.length === 0) fail(d.initializer!, 'a table needs at least one element');
    } else if (zt) g.storage = this.resolveType(g.mod, zt);
    else if (d.type) g.storage = this.resolveType(g.mod, d.type);
    else if (d.initializer && ts.isIdentifier(d.initializer)) {
      const f = this.lookup(g.mod, d.initializer.text, d.initializer);
      if (f && f.k === 'func') g.storage = { k: 'fn', sig: this.funcSig(f) };
    }
    g.isAddress = g.storage.k === 'arr' || g.storage.k === 'struct';
  }

  funcSig(f: Extract<Sym, { k: 'func' }>): FnSig {
    if (!f.sig) f.sig = this.sigOf(f.mod, f.node);
    return f.sig;
  }

  sigOf(mod: Module, node: ts.SignatureDeclarationBase): FnSig {
    const params = node.parameters.map((p) => {
      if (p.dotDotDotToken) fail(p, 'rest parameters are not supported in guest code');
      if (p.initializer) fail(p, 'default parameter values are not supported in guest code');
      if (!p.type) fail(p, 'a parameter needs a type annotation in guest code');
      return valueType(this.resolveType(mod, p.type));
    });
    if (params.length > 8) fail(node, 'more than 8 parameters are not supported in guest code');
    const ret = node.type ? valueType(this.resolveType(mod, node.type)) : { k: 'void' as const };
    return { params, ret };
  }

  /** A type annotation as a guest type. */
  resolveType(mod: Module, node: ts.TypeNode): GType {
    switch (node.kind) {
      case ts.SyntaxKind.NumberKeyword: return I64;
      case ts.SyntaxKind.BooleanKeyword: return intType('bool');
      case ts.SyntaxKind.VoidKeyword: return { k: 'void' };
      case ts.SyntaxKind.StringKeyword: return { k: 'ptr', to: intType('u8') };
      case ts.SyntaxKind.NeverKeyword: return { k: 'void' };
    }
    if (ts.isParenthesizedTypeNode(node)) return this.resolveType(mod, node.type);
    if (ts.isFunctionTypeNode(node)) return { k: 'fn', sig: this.sigOf(mod, node) };
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) return this.resolveRef(mod, node);
    if (node.kind === ts.SyntaxKind.AnyKeyword) unsupportedNode(node);
    return fail(node, `type '${node.getText()}' is not supported in guest code`);
  }

  private resolveRef(mod: Module, node: ts.TypeReferenceNode): GType {
    const name = (node.typeName as ts.Identifier).text;
    const sym = this.lookup(mod, name, node);
    const args = node.typeArguments ?? [];
    if (sym && sym.k === 'intrinsic' && INT_ALIASES[sym.name]) return intType(INT_ALIASES[sym.name]!);
    if (sym && sym.k === 'builtinType') {
      if (sym.name === 'Ptr') {
        if (args.length !== 1) fail(node, 'Ptr<T> needs one type argument');
        return { k: 'ptr', to: this.resolveType(mod, args[0]!) };
      }
      if (sym.name === 'Arr') {
        if (args.length !== 2) fail(node, 'Arr<T, N> needs two type arguments');
        const nNode = args[1]!;
        const n = ts.isLiteralTypeNode(nNode) && ts.isNumericLiteral(nNode.literal) ? Number(nNode.literal.text) : NaN;
        if (!Number.isInteger(n) || n <= 0) fail(nNode, 'the length of Arr<T, N> must be a positive integer literal');
        return { k: 'arr', of: this.resolveType(mod, args[0]!), n };
      }
      return intType(INT_ALIASES[sym.name]!);
    }
    if (sym && sym.k === 'type') return this.resolveDecl(sym);
    if (!sym && name === 'Promise') {
      // a coroutine, made by calling an async function: the address of its frame (src/gtsc/async)
      if (args.length !== 1) fail(node, 'Promise<T> needs one type argument');
      this.resolveType(mod, args[0]!);
      return U64;
    }
    // A guest declaration used without its import (tsc would say the same): name the import.
    const declared = name in INT_ALIASES || name === 'Ptr' || name === 'Arr';
    const hint = declared ? ` (import it: import { ${name} } from 'rvn/guest')` : '';
    return fail(node, `unknown type '${name}'${hint}`);
  }

  private resolveDecl(sym: Extract<Sym, { k: 'type' }>): GType {
    if (sym.resolved) return sym.resolved;
    const node = sym.node;
    if (ts.isTypeAliasDeclaration(node) && !ts.isTypeLiteralNode(node.type)) {
      sym.resolved = this.resolveType(sym.mod, node.type);
      return sym.resolved;
    }
    const s: StructDef = { name: node.name.text, fields: [], size: 0, align: 1, laying: false, laid: false };
    sym.resolved = { k: 'struct', s };
    const members = ts.isInterfaceDeclaration(node) ? node.members : (node.type as ts.TypeLiteralNode).members;
    if (ts.isInterfaceDeclaration(node) && node.heritageClauses?.length) fail(node, 'interface inheritance is not supported in guest code');
    // Field types are resolved now; a struct that embeds itself (not via Ptr) is caught by layout.
    let off = 0;
    let align = 1;
    s.laying = true;
    for (const m of members) {
      if (!ts.isPropertySignature(m) || !m.type || !ts.isIdentifier(m.name)) fail(m, 'struct members must be typed fields');
      const t = this.resolveType(sym.mod, m.type);
      if (t.k === 'struct' && t.s.laying) fail(m, `struct '${s.name}' contains itself`);
      if (t.k === 'void') fail(m, 'a field cannot be void');
      const a = alignOf(t);
      off = Math.ceil(off / a) * a;
      s.fields.push({ name: m.name.text, type: t, offset: off });
      off += sizeOf(t);
      align = Math.max(align, a);
    }
    s.laying = false;
    s.laid = true;
    s.align = align;
    s.size = Math.ceil(off / align) * align;
    return sym.resolved;
  }

  /** Value of a constant expression, or undefined when it is not constant. */
  constValue(mod: Module, e: ts.Expression, locals: Map<string, bigint>): bigint | undefined {
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e)) {
      return this.constValue(mod, e.expression, locals);
    }
    if (ts.isNumericLiteral(e)) return parseIntLiteral(e);
    if (e.kind === ts.SyntaxKind.TrueKeyword) return 1n;
    if (e.kind === ts.SyntaxKind.FalseKeyword) return 0n;
    if (ts.isIdentifier(e)) {
      if (locals.has(e.text)) return locals.get(e.text);
      const s = this.lookup(mod, e.text, e);
      return s && s.k === 'const' ? s.value : undefined;
    }
    if (ts.isPrefixUnaryExpression(e)) {
      const v = this.constValue(mod, e.operand, locals);
      if (v === undefined) return undefined;
      switch (e.operator) {
        case ts.SyntaxKind.MinusToken: return BigInt.asIntN(64, -v);
        case ts.SyntaxKind.PlusToken: return v;
        case ts.SyntaxKind.TildeToken: return BigInt.asIntN(64, ~v);
        case ts.SyntaxKind.ExclamationToken: return v === 0n ? 1n : 0n;
      }
      return undefined;
    }
    if (ts.isBinaryExpression(e)) {
      const a = this.constValue(mod, e.left, locals);
      const b = a === undefined ? undefined : this.constValue(mod, e.right, locals);
      if (a === undefined || b === undefined) return undefined;
      return foldBinary(e.operatorToken.kind, a, b, false);
    }
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.arguments.length === 1) {
      const s = this.lookup(mod, e.expression.text, e);
      if (s && s.k === 'intrinsic' && INT_ALIASES[s.name]) {
        const v = this.constValue(mod, e.arguments[0]!, locals);
        return v === undefined ? undefined : wrapConst(v, intType(INT_ALIASES[s.name]!));
      }
    }
    return undefined;
  }
}

/** The element type and values of a `table<T>([...])` initialiser. */
export function tableInit(init: ts.Expression | undefined): { type: ts.TypeNode | undefined; values: readonly ts.Expression[] } | undefined {
  if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'table') return undefined;
  const list = init.arguments[0];
  if (init.arguments.length !== 1 || !list || !ts.isArrayLiteralExpression(list)) fail(init, 'table() takes one array literal');
  return { type: init.typeArguments?.[0], values: list.elements };
}

/** The type argument of a `zeroed<T>()` initialiser. */
export function zeroedType(init: ts.Expression | undefined): ts.TypeNode | undefined {
  if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'zeroed') return undefined;
  return init.typeArguments?.[0];
}

function isConstCandidate(e: ts.Expression): boolean {
  return !ts.isStringLiteral(e) && !ts.isNoSubstitutionTemplateLiteral(e);
}

/** Integer literal text (hex, octal, binary, separators) as a 64-bit value; rejects floats. */
export function parseIntLiteral(e: ts.NumericLiteral): bigint {
  const raw = e.getText().replace(/_/g, '');
  if (/^0[xob]/i.test(raw)) {
    const v = BigInt(raw);
    if (v >= 1n << 64n) fail(e, 'integer literal does not fit in 64 bits');
    return BigInt.asIntN(64, v);
  }
  if (/[.eE]/.test(raw)) fail(e, 'a floating-point number is not supported in guest code');
  const v = BigInt(raw);
  if (v >= 1n << 64n) fail(e, 'integer literal does not fit in 64 bits');
  return BigInt.asIntN(64, v);
}

/** Fold a binary operator on 64-bit values (signed unless `unsigned`); undefined if not foldable. */
export function foldBinary(op: ts.SyntaxKind, a: bigint, b: bigint, unsigned: boolean): bigint | undefined {
  const K = ts.SyntaxKind;
  const ua = BigInt.asUintN(64, a), ub = BigInt.asUintN(64, b);
  const x = unsigned ? ua : a, y = unsigned ? ub : b;
  const r = (v: bigint): bigint => BigInt.asIntN(64, v);
  switch (op) {
    case K.PlusToken: return r(a + b);
    case K.MinusToken: return r(a - b);
    case K.AsteriskToken: return r(a * b);
    case K.SlashToken: return y === 0n ? -1n : r(x / y);
    case K.PercentToken: return y === 0n ? a : r(x % y);
    case K.AmpersandToken: return r(a & b);
    case K.BarToken: return r(a | b);
    case K.CaretToken: return r(a ^ b);
    case K.LessThanLessThanToken: return r(a << (ub & 63n));
    case K.GreaterThanGreaterThanToken: return r(a >> (ub & 63n));
    case K.GreaterThanGreaterThanGreaterThanToken: return r(ua >> (ub & 63n));
    case K.LessThanToken: return x < y ? 1n : 0n;
    case K.LessThanEqualsToken: return x <= y ? 1n : 0n;
    case K.GreaterThanToken: return x > y ? 1n : 0n;
    case K.GreaterThanEqualsToken: return x >= y ? 1n : 0n;
    case K.EqualsEqualsToken: case K.EqualsEqualsEqualsToken: return a === b ? 1n : 0n;
    case K.ExclamationEqualsToken: case K.ExclamationEqualsEqualsToken: return a !== b ? 1n : 0n;
    case K.AmpersandAmpersandToken: return a !== 0n && b !== 0n ? 1n : 0n;
    case K.BarBarToken: return a !== 0n || b !== 0n ? 1n : 0n;
  }
  return undefined;
}
