/**
 * The guest TypeScript compiler: a typed subset of TypeScript to RV64 GNU-as assembly text,
 * one assembly file per guest module. See docs/gtsc.md for the subset and the ABI.
 */
import ts from 'typescript';
import { RvnError } from '../errors';
import { emitGlobal, Strings } from './data';
import { GuestError } from './diag';
import { emitFunction } from './emit';
import { FnLowerer } from './lower';
import { moduleName, Program, type Module } from './program';
import { allocate } from './regalloc';

export interface GuestSource {
  name: string;
  text: string;
}

export interface CompileOptions {
  /** Module name (last path component) of the guest declarations file; default 'guest'. */
  guestModule?: string;
  /**
   * The module name that import `spec` in module `importer` refers to (module names are file
   * names without the extension). Default: a relative specifier resolved against the
   * importer's folder, anything else as written. src/build/guest.ts maps the runtime here.
   */
  resolveImport?: (spec: string, importer: string) => string;
}

export interface CompileResult {
  /** One assembly file per source module: `<module>.s`. */
  asm: GuestSource[];
}

/**
 * Compile guest modules. Throws RvnError whose message lists every error as
 * "file:line:col: message", one per line.
 */
export function compileGuest(files: readonly GuestSource[], options: CompileOptions = {}): CompileResult {
  const errors: string[] = [];
  const prog = new Program(files.filter((f) => !f.name.endsWith('.d.ts')), options.guestModule ?? 'guest', options.resolveImport);
  prog.collect(errors);
  const asm: GuestSource[] = [];
  for (const mod of prog.modules.values()) {
    const text = compileModule(prog, mod, errors);
    asm.push({ name: `${mod.name}.s`, text });
  }
  if (errors.length > 0) throw new RvnError(errors.join('\n'));
  return { asm };
}

function guard(errors: string[], where: string, f: () => void): void {
  try {
    f();
  } catch (e) {
    if (e instanceof GuestError) errors.push(e.message);
    else if (e instanceof RvnError) errors.push(`${where}: ${e.message}`);
    else errors.push(`${where}: internal compiler error: ${(e as Error).message}`);
  }
}

function compileModule(prog: Program, mod: Module, errors: string[]): string {
  const prefix = moduleName(mod.name).replace(/[^A-Za-z0-9_]/g, '_') + '_';
  const strings = new Strings(prefix);
  const text: string[] = ['\t.text'];
  const sections: Record<'.data' | '.bss' | '.rodata', string[]> = { '.data': [], '.bss': [], '.rodata': [] };
  for (const [name, sym0] of [...mod.scope]) {
    if (sym0.k === 'import' || sym0.k === 'intrinsic' || sym0.k === 'builtinType') continue;
    guard(errors, `${mod.sf.fileName} (${name})`, () => {
      const sym = prog.lookup(mod, name, mod.sf);
      if (!sym) return;
      if (sym.k === 'func' && sym.node.body) {
        if (sym.node.asteriskToken || hasAsync(sym.node)) throw new GuestError(`${pos(sym.node)}: async and generator functions are not supported in guest code`);
        const sig = prog.funcSig(sym);
        const ir = new FnLowerer(prog, mod, sym.node, sig, strings, mod.exported.has(name)).lower();
        text.push(emitFunction(ir, allocate(ir)));
      } else if (sym.k === 'global') {
        const g = emitGlobal(prog, sym, mod.exported.has(name), strings);
        sections[g.section].push(...g.lines);
      }
    });
  }
  const out = [...text];
  if (sections['.data'].length) out.push('\t.data', ...sections['.data']);
  if (sections['.bss'].length) out.push('\t.bss', ...sections['.bss']);
  if (sections['.rodata'].length) out.push('\t.section .rodata', ...sections['.rodata']);
  out.push(...strings.emit());
  return out.join('\n') + '\n';
}

function hasAsync(node: ts.FunctionDeclaration): boolean {
  return (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
}

function pos(node: ts.Node): string {
  const sf = node.getSourceFile();
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return `${sf.fileName}:${line + 1}:${character + 1}`;
}
