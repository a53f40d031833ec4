/**
 * The compile driver: parse and collect every module, lower each function to IR, optimise the
 * whole program (unless -O0), then allocate registers and emit one assembly file per module.
 */
import ts from 'typescript';
import { RvnError } from '../errors';
import type { TimingProfile } from '../timing/profile';
import { emitGlobal, Strings } from './data';
import { GuestError, position } from './diag';
import { isAsyncFunction, lowerAsyncFunction } from './async/lower';
import { emitFunction, SourceFiles } from './emit';
import type { IrFunction } from './ir';
import { FnLowerer } from './lower';
import { optimizeProgram } from './opt/index';
import { moduleName, Program, type Module } from './program';
import { allocate } from './regalloc';

export interface DriverOptions {
  guestModule: string;
  resolveImport: ((spec: string, importer: string) => string) | undefined;
  optimize: boolean;
  /** Timing profile to schedule for (undefined: no scheduling). */
  target: TimingProfile | undefined;
}

interface ModuleOutput {
  mod: Module;
  strings: Strings;
  fns: IrFunction[];
  sections: Record<'.data' | '.bss' | '.rodata', string[]>;
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

/** Compiles the modules; returns assembly per module, or throws RvnError listing every error. */
export function compileModules(files: readonly { name: string; text: string }[], options: DriverOptions): { name: string; text: string }[] {
  const errors: string[] = [];
  const prog = new Program(files, options.guestModule, options.resolveImport);
  // Syntax errors first and alone: what follows a syntax error is not worth reporting.
  prog.syntaxErrors(errors);
  if (errors.length > 0) throw new RvnError(errors.join('\n'));
  prog.collect(errors);
  const outputs: ModuleOutput[] = [];
  const pools = new Map<string, Strings>();
  for (const mod of prog.modules.values()) {
    const strings = new Strings(moduleName(mod.name).replace(/[^A-Za-z0-9_]/g, '_') + '_');
    pools.set(mod.name, strings);
    outputs.push(lowerModule(prog, mod, strings, options, errors));
  }
  if (errors.length > 0) throw new RvnError(errors.join('\n'));
  let kept = new Set(outputs.flatMap((o) => o.fns));
  if (options.optimize) {
    const all = outputs.flatMap((o) => o.fns);
    const dataRefs = new Set<string>();
    for (const o of outputs) for (const l of [...o.sections['.data'], ...o.sections['.rodata']]) {
      const m = /^\t\.dword ([A-Za-z_$][\w$]*)$/.exec(l);
      if (m) dataRefs.add(m[1]!);
    }
    guard(errors, 'optimiser', () => {
      kept = new Set(optimizeProgram(all, {
        target: options.target, dataRefs,
        stringLabel: (module, text) => pools.get(module)!.label(text),
      }));
    });
  }
  const asm = outputs.map((o) => ({ name: `${o.mod.name}.s`, text: emitModule(o, kept, errors) }));
  if (errors.length > 0) throw new RvnError(errors.join('\n'));
  return asm;
}

function lowerModule(prog: Program, mod: Module, strings: Strings, options: DriverOptions, errors: string[]): ModuleOutput {
  const out: ModuleOutput = { mod, strings, fns: [], sections: { '.data': [], '.bss': [], '.rodata': [] } };
  for (const [name, sym0] of [...mod.scope]) {
    if (sym0.k === 'import' || sym0.k === 'intrinsic' || sym0.k === 'builtinType') continue;
    guard(errors, `${mod.sf.fileName} (${name})`, () => {
      const sym = prog.lookup(mod, name, mod.sf);
      if (!sym) return;
      if (sym.k === 'func' && sym.node.body) {
        if (sym.node.asteriskToken) throw new GuestError(`${position(sym.node)}: generator functions are not supported in guest code`);
        const sig = prog.funcSig(sym);
        const lowering = { optimize: options.optimize };
        if (isAsyncFunction(sym.node)) out.fns.push(...lowerAsyncFunction(prog, mod, sym.node, sig, strings, mod.exported.has(name), lowering));
        else out.fns.push(new FnLowerer(prog, mod, sym.node, sig, strings, mod.exported.has(name), lowering).lower());
      } else if (sym.k === 'global') {
        const g = emitGlobal(prog, sym, mod.exported.has(name), strings);
        out.sections[g.section].push(...g.lines);
      }
    });
  }
  return out;
}

function emitModule(o: ModuleOutput, kept: ReadonlySet<IrFunction>, errors: string[]): string {
  const text: string[] = ['\t.text'];
  const files = new SourceFiles();
  for (const fn of o.fns) {
    if (!kept.has(fn)) continue;
    guard(errors, `${o.mod.sf.fileName} (${fn.name})`, () => { text.push(emitFunction(fn, allocate(fn), files)); });
  }
  // Line information (.debug_line): `.file` before the `.loc`s that use its numbers.
  const out = [...files.directives(), ...text];
  if (o.sections['.data'].length) out.push('\t.data', ...o.sections['.data']);
  if (o.sections['.bss'].length) out.push('\t.bss', ...o.sections['.bss']);
  if (o.sections['.rodata'].length) out.push('\t.section .rodata', ...o.sections['.rodata']);
  out.push(...o.strings.emit());
  return out.join('\n') + '\n';
}
