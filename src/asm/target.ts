/**
 * The target a build is for, as GCC names it: `-march` (ISA string), `-mabi`, `-mcmodel`.
 * From it come the preprocessor's predefined macros (what riscv64-unknown-elf-gcc 12.2 defines),
 * whether compressed instructions are on, which instructions the assembler accepts, and the
 * `Tag_RISCV_arch` attribute string (what binutils 2.40 writes). RV64 only.
 */
import { RvnError } from '../errors';

interface ExtensionInfo {
  /** Version as GCC's `__riscv_<ext>` macro gives it (major, minor). */
  readonly version: readonly [number, number];
  /** Extensions GCC 12 adds when this one is named. */
  readonly gccImplies?: readonly string[];
  /** Extensions binutils 2.40 adds to the arch attribute when this one is named. */
  readonly asImplies?: readonly string[];
  /** rvn assembles this extension's instructions (F/D only give macros and attributes). */
  readonly instructions: boolean;
}

/** The extensions rvn knows. Versions: GCC 12.2 / binutils 2.40 defaults (ISA spec 20191213). */
const EXTENSIONS: Readonly<Record<string, ExtensionInfo>> = {
  i: { version: [2, 1], instructions: true },
  m: { version: [2, 0], asImplies: ['zmmul'], instructions: true },
  a: { version: [2, 1], instructions: true },
  f: { version: [2, 2], gccImplies: ['zicsr'], asImplies: ['zicsr'], instructions: false },
  d: { version: [2, 2], gccImplies: ['f', 'zicsr'], asImplies: ['f', 'zicsr'], instructions: false },
  c: { version: [2, 0], instructions: true },
  zicsr: { version: [2, 0], instructions: true },
  zifencei: { version: [2, 0], instructions: true },
  zmmul: { version: [1, 0], instructions: true },
};

/** `g` = IMAFD + Zicsr + Zifencei. */
const G = ['i', 'm', 'a', 'f', 'd', 'zicsr', 'zifencei'];

/** Canonical order of single-letter extensions (RISC-V ISA manual, "ISA naming conventions"). */
const CANONICAL = 'imafdqlcbkjtpvnh';

export type Abi = 'lp64' | 'lp64f' | 'lp64d';
export type CodeModel = 'medlow' | 'medany';

export interface TargetOptions {
  /** GCC's -march (default rv64imac_zicsr_zifencei, what rvn's hart implements). */
  readonly march?: string;
  /** GCC's -mabi (default lp64). */
  readonly mabi?: Abi;
  /** GCC's -mcmodel (default medlow); only changes a predefined macro. */
  readonly mcmodel?: CodeModel;
}

export interface Target {
  readonly march: string;
  readonly mabi: Abi;
  readonly mcmodel: CodeModel;
  /** Extensions as GCC sees them (after its implications): the predefined macros. */
  readonly gccExtensions: ReadonlySet<string>;
  /** Extensions as GNU as sees them: the starting point of `.option arch` and the attribute. */
  readonly asExtensions: ReadonlySet<string>;
}

export const DEFAULT_MARCH = 'rv64imac_zicsr_zifencei';

function closure(names: Iterable<string>, implies: (e: ExtensionInfo) => readonly string[] | undefined): Set<string> {
  const out = new Set<string>();
  const add = (n: string): void => {
    if (out.has(n)) return;
    out.add(n);
    for (const m of implies(EXTENSIONS[n]) ?? []) add(m);
  };
  for (const n of names) add(n);
  return out;
}

/** The extensions a -march string names (before implications), or an RvnError saying why not. */
export function parseMarch(march: string): string[] {
  const m = /^rv64([ig])(\d+(?:p\d+)?)?(.*)$/.exec(march);
  if (!m) throw new RvnError(`-march=${march}: an ISA string must start with rv64i or rv64g (rvn is RV64 only)`, 2);
  const names = m[1] === 'g' ? [...G] : ['i'];
  let rest = m[3];
  let last = 0;
  while (rest.length > 0) {
    if (rest[0] === '_') {
      rest = rest.slice(1);
      continue;
    }
    const multi = /^([zsx][a-z]*?)(\d+(?:p\d+)?)?(?=_|$)/.exec(rest);
    const single = /^([a-z])(\d+(?:p\d+)?)?/.exec(rest);
    const part = rest[0] === 'z' || rest[0] === 's' || rest[0] === 'x' ? multi : single;
    if (!part) throw new RvnError(`-march=${march}: cannot read '${rest}'`, 2);
    const name = part[1];
    if (EXTENSIONS[name] === undefined) {
      throw new RvnError(`-march=${march}: extension '${name}' is not supported by rvn (known: ${Object.keys(EXTENSIONS).join(', ')})`, 2);
    }
    if (name.length === 1) {
      const rank = CANONICAL.indexOf(name);
      if (rank < last) throw new RvnError(`-march=${march}: ISA string is not in canonical order ('${name}')`, 2);
      last = rank;
    }
    names.push(name);
    rest = rest.slice(part[0].length);
  }
  return names;
}

export function makeTarget(options: TargetOptions = {}): Target {
  const march = options.march ?? DEFAULT_MARCH;
  const mabi = options.mabi ?? 'lp64';
  if (!['lp64', 'lp64f', 'lp64d'].includes(mabi)) throw new RvnError(`-mabi=${mabi}: expected lp64, lp64f or lp64d`, 2);
  const mcmodel = options.mcmodel ?? 'medlow';
  if (mcmodel !== 'medlow' && mcmodel !== 'medany') throw new RvnError(`-mcmodel=${String(mcmodel)}: expected medlow or medany`, 2);
  const names = parseMarch(march);
  const gccExtensions = closure(names, (e) => e.gccImplies);
  const asExtensions = closure(names, (e) => e.asImplies);
  if (mabi === 'lp64f' && !gccExtensions.has('f')) throw new RvnError(`-mabi=lp64f requires -march to include the F extension`, 2);
  if (mabi === 'lp64d' && !gccExtensions.has('d')) throw new RvnError(`-mabi=lp64d requires -march to include the D extension`, 2);
  return { march, mabi, mcmodel, gccExtensions, asExtensions };
}

const versionNumber = (v: readonly [number, number]): number => v[0] * 1000000 + v[1] * 1000;

/** The ISA-dependent macros riscv64-unknown-elf-gcc 12.2 predefines, as [name, value]. */
export function targetMacros(t: Target): [string, string][] {
  const has = (e: string): boolean => t.gccExtensions.has(e);
  const out: [string, string][] = [['__riscv', '1'], ['__riscv_xlen', '64'], ['__riscv_arch_test', '1']];
  // GCC 12 names no macro for Zmmul implied by M.
  for (const e of t.gccExtensions) out.push([`__riscv_${e}`, String(versionNumber(EXTENSIONS[e].version))]);
  if (has('a')) out.push(['__riscv_atomic', '1']);
  // Word-sized atomics are lock-free only with A.
  const lockFree = has('a') ? '2' : '1';
  for (const t of ['CHAR32_T', 'INT', 'LLONG', 'LONG', 'POINTER', 'WCHAR_T']) out.push([`__GCC_ATOMIC_${t}_LOCK_FREE`, lockFree]);
  if (has('a')) out.push(['__GCC_HAVE_SYNC_COMPARE_AND_SWAP_4', '1'], ['__GCC_HAVE_SYNC_COMPARE_AND_SWAP_8', '1']);
  if (has('c')) out.push(['__riscv_compressed', '1']);
  if (has('m')) out.push(['__riscv_mul', '1'], ['__riscv_div', '1'], ['__riscv_muldiv', '1']);
  if (has('f')) out.push(['__riscv_flen', has('d') ? '64' : '32'], ['__riscv_fdiv', '1'], ['__riscv_fsqrt', '1']);
  out.push([`__riscv_float_abi_${{ lp64: 'soft', lp64f: 'single', lp64d: 'double' }[t.mabi]}`, '1']);
  out.push([`__riscv_cmodel_${t.mcmodel}`, '1']);
  const iec = has('d') ? '2' : '0';
  out.push(['__GCC_IEC_559', iec], ['__GCC_IEC_559_COMPLEX', iec]);
  if (has('f')) out.push(['__FP_FAST_FMAF', '1'], ['__FP_FAST_FMAF32', '1']);
  if (has('d')) out.push(['__FP_FAST_FMA', '1'], ['__FP_FAST_FMAF32x', '1'], ['__FP_FAST_FMAF64', '1']);
  return out;
}

function canonicalRank(name: string): [number, number, string] {
  if (name.length === 1) return [0, CANONICAL.indexOf(name), name];
  const cls = 'zsx'.indexOf(name[0]) + 1;
  return [cls, CANONICAL.indexOf(name[1]), name];
}

/** binutils' arch attribute string for a set of extensions: "rv64i2p1_m2p0_..._zicsr2p0". */
export function archAttribute(exts: ReadonlySet<string>): string {
  const sorted = [...closure(exts, (e) => e.asImplies)].sort((a, b) => {
    const x = canonicalRank(a);
    const y = canonicalRank(b);
    return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
  });
  return 'rv64' + sorted.map((e) => `${e}${EXTENSIONS[e].version[0]}p${EXTENSIONS[e].version[1]}`).join('_');
}

/** Whether rvn can assemble instructions of this extension (false for F and D). */
export function hasInstructions(ext: string): boolean {
  return EXTENSIONS[ext]?.instructions ?? false;
}

/** Whether an extension name is one rvn knows (for `.option arch`). */
export function knownExtension(ext: string): boolean {
  return EXTENSIONS[ext] !== undefined;
}
