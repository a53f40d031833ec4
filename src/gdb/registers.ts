/**
 * The register file as gdb sees it: one table from which the target description XML
 * (qXfer:features:read:target.xml) and the register numbers of `g`/`p`/`P` both come.
 * Numbers 0-31 are x0-x31 and 32 the pc (feature org.gnu.gdb.riscv.cpu, the order gdb's
 * RISC-V port expects), then every CSR the hart implements under the names rvn's assembler
 * and disassembler use (org.gnu.gdb.riscv.csr, including the N and UINTR CSRs), then the
 * privilege level (org.gnu.gdb.riscv.virtual "priv", as QEMU provides it).
 */
import { CsrTable } from '../csr/table';
import type { Hart } from '../cpu/hart';

const TWO32 = 4294967296;

/** ABI names gdb's RISC-V target expects for x0-x31 in the cpu feature. */
const X_NAMES = [
  'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 'fp', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6',
];

type RegKind = { k: 'x'; n: number } | { k: 'pc' } | { k: 'csr'; num: number } | { k: 'priv' };

interface RegDef {
  readonly name: string;
  readonly feature: 'cpu' | 'csr' | 'virtual';
  readonly type: 'int' | 'code_ptr' | 'data_ptr';
  readonly kind: RegKind;
}

function buildRegs(): RegDef[] {
  const regs: RegDef[] = X_NAMES.map((name, n) => ({
    name, feature: 'cpu' as const, type: n === 1 ? 'code_ptr' as const : n === 2 ? 'data_ptr' as const : 'int' as const, kind: { k: 'x' as const, n },
  }));
  regs.push({ name: 'pc', feature: 'cpu', type: 'code_ptr', kind: { k: 'pc' } });
  for (const d of CsrTable) regs.push({ name: d.name, feature: 'csr', type: 'int', kind: { k: 'csr', num: d.num } });
  regs.push({ name: 'priv', feature: 'virtual', type: 'int', kind: { k: 'priv' } });
  return regs;
}

export const REGISTERS: readonly RegDef[] = buildRegs();

/** Registers in a `g` packet: x0-x31 and pc (the rest are read one by one with `p`). */
export const G_PACKET_REGS = 33;

const FEATURES = [
  { key: 'cpu', name: 'org.gnu.gdb.riscv.cpu' },
  { key: 'csr', name: 'org.gnu.gdb.riscv.csr' },
  { key: 'virtual', name: 'org.gnu.gdb.riscv.virtual' },
] as const;

/** The target description (GDB manual, "Target Descriptions"; RISC-V features). */
export function targetXml(): string {
  const lines = ['<?xml version="1.0"?>', '<!DOCTYPE target SYSTEM "gdb-target.dtd">', '<target version="1.0">', '<architecture>riscv:rv64</architecture>'];
  for (const f of FEATURES) {
    lines.push(`<feature name="${f.name}">`);
    REGISTERS.forEach((r, i) => {
      if (r.feature !== f.key) return;
      const group = r.feature === 'csr' ? ' group="csr"' : r.feature === 'virtual' ? ' group="system"' : '';
      lines.push(`<reg name="${r.name}" bitsize="64" type="${r.type}" regnum="${i}"${group}/>`);
    });
    lines.push('</feature>');
  }
  lines.push('</target>');
  return lines.join('\n') + '\n';
}

/** Register `n` of `hart` as 8 little-endian bytes, or undefined for an unknown number. */
export function readRegister(hart: Hart, n: number): Uint8Array | undefined {
  const r = REGISTERS[n];
  if (r === undefined) return undefined;
  let lo: number;
  let hi: number;
  switch (r.kind.k) {
    case 'x': lo = hart.getXLo(r.kind.n); hi = hart.getXHi(r.kind.n); break;
    case 'pc': lo = hart.pc % TWO32; hi = Math.floor(hart.pc / TWO32); break;
    case 'csr': {
      const v = hart.readCsr(r.kind.num);
      if (v === undefined) return undefined;
      [lo, hi] = v;
      break;
    }
    case 'priv': lo = hart.priv; hi = 0; break;
  }
  return le64(lo, hi);
}

/** Writes register `n` from 8 little-endian bytes; false if it cannot be written. */
export function writeRegister(hart: Hart, n: number, bytes: Uint8Array): boolean {
  const r = REGISTERS[n];
  if (r === undefined || bytes.length !== 8) return false;
  const lo = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24);
  const hi = bytes[4] | (bytes[5] << 8) | (bytes[6] << 16) | (bytes[7] << 24);
  switch (r.kind.k) {
    case 'x': hart.setX(r.kind.n, lo, hi); return true;
    case 'pc':
      // pc is a JS number: exact for sign-extended addresses within ±2^53.
      if (hi < -0x200000 || hi >= 0x200000) return false;
      hart.pc = hi * TWO32 + (lo >>> 0);
      return true;
    case 'csr': return hart.writeCsr(r.kind.num, lo, hi);
    case 'priv':
      if (hi !== 0 || (lo !== 0 && lo !== 1 && lo !== 3)) return false;
      hart.setPrivilege(lo);
      return true;
  }
}

function le64(lo: number, hi: number): Uint8Array {
  const b = new Uint8Array(8);
  for (let i = 0; i < 4; i++) {
    b[i] = (lo >>> (8 * i)) & 0xff;
    b[i + 4] = (hi >>> (8 * i)) & 0xff;
  }
  return b;
}
