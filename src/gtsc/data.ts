/** Module-level data: initialised variables (.data), zeroed ones (.bss), strings (.rodata). */
import ts from 'typescript';
import { fail } from './diag';
import { tableInit, type GlobalSym, type Program } from './program';
import { alignOf, sizeOf, type GType } from './types';

const DIRECTIVE = { 1: '.byte', 2: '.half', 4: '.word', 8: '.dword' } as const;

export function asciz(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes.subarray(0, bytes.length - 1)) {
    s += b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c ? String.fromCharCode(b) : `\\${b.toString(8).padStart(3, '0')}`;
  }
  return `\t.asciz "${s}"`;
}

/** Per-module pool of string literals, emitted to .rodata with local labels. */
export class Strings {
  private readonly map = new Map<string, string>();
  constructor(private readonly prefix: string) {}
  label(text: string): string {
    let l = this.map.get(text);
    if (!l) { l = `.L${this.prefix}str${this.map.size}`; this.map.set(text, l); }
    return l;
  }
  emit(): string[] {
    if (this.map.size === 0) return [];
    const out = ['\t.section .rodata'];
    for (const [text, label] of this.map) out.push(`${label}:`, asciz(new TextEncoder().encode(text + '\0')));
    return out;
  }
}

function header(g: GlobalSym, exported: boolean, align: number, _size: number): string[] {
  return [
    ...(exported ? [`\t.globl ${g.sym}`] : []),
    `\t.align ${Math.log2(align)}`,
    `${g.sym}:`,
  ];
}

/** Assembly lines for one module-level variable, keyed by section. */
export function emitGlobal(prog: Program, g: GlobalSym, exported: boolean, strings: Strings): { section: '.data' | '.bss' | '.rodata'; lines: string[] } {
  if (g.str) return { section: '.rodata', lines: [...header(g, exported, 1, g.str.length), asciz(g.str)] };
  const t: GType = g.storage;
  const size = sizeOf(t);
  const align = Math.max(alignOf(t), 1);
  const init = g.node.initializer;
  const tab = tableInit(init);
  if (tab && t.k === 'arr') return { section: g.readonly ? '.rodata' : '.data', lines: [...header(g, exported, align, size), ...tableLines(prog, g, t.of, tab.values, strings)] };
  const isZeroed = !init || (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'zeroed');
  if (g.isAddress && !isZeroed) fail(init!, 'an array or struct variable must be initialised with zeroed()');
  if (isZeroed) return { section: '.bss', lines: [...header(g, exported, align, size), `\t.zero ${size}`] };
  if (t.k === 'fn' && ts.isIdentifier(init)) {
    const f = prog.lookup(g.mod, init.text, init);
    if (f && f.k === 'func') return { section: g.readonly ? '.rodata' : '.data', lines: [...header(g, exported, 8, 8), `\t.dword ${f.sym}`] };
  }
  const v = prog.constValue(g.mod, init, new Map());
  if (v === undefined) fail(init, 'a module-level variable needs a constant initialiser');
  const dir = DIRECTIVE[size as 1 | 2 | 4 | 8];
  if (!dir) fail(init, 'unsupported initialised variable type');
  const bits = BigInt(size * 8);
  const u = BigInt.asUintN(Number(bits), v);
  if (v === 0n && !g.readonly) return { section: '.bss', lines: [...header(g, exported, align, size), `\t.zero ${size}`] };
  return { section: g.readonly ? '.rodata' : '.data', lines: [...header(g, exported, align, size), `\t${dir} 0x${u.toString(16)}`] };
}

/** Data directives for the elements of a table<T>([...]) initialiser. */
function tableLines(prog: Program, g: GlobalSym, elem: GType, values: readonly ts.Expression[], strings: Strings): string[] {
  if (elem.k === 'struct' || elem.k === 'arr' || elem.k === 'void') fail(g.node, 'table elements must be integers, pointers or functions');
  const size = sizeOf(elem) as 1 | 2 | 4 | 8;
  const dir = DIRECTIVE[size];
  return values.map((v) => {
    if (ts.isStringLiteral(v) || ts.isNoSubstitutionTemplateLiteral(v)) return `\t.dword ${strings.label(v.text)}`;
    if (ts.isIdentifier(v)) {
      const f = prog.lookup(g.mod, v.text, v);
      if (f && f.k === 'func') return `\t.dword ${f.sym}`;
      if (f && f.k === 'global') return `\t.dword ${f.sym}`;
    }
    const k = prog.constValue(g.mod, v, new Map());
    if (k === undefined) fail(v, 'a table element must be a constant, a function name or a string literal');
    return `\t${dir} 0x${BigInt.asUintN(size * 8, k).toString(16)}`;
  });
}
