/**
 * Zicsr (unprivileged spec ch. 7), the privileged instructions (privileged spec 1.12 ch. 3-4;
 * uret from the N extension drafts) and the UINTR uipi instruction (uintr.md §2). Their work is
 * the hart's (CSR file, traps, translation, the UINTC); the semantics say how they end.
 */
import { InsnClass as C } from '../classes';
import { EXACT, I, insn } from './spec';

// A CSR access: the hart checks privilege and may write (a write can change translation,
// interrupt enables or pending bits: look at attention after it). Reads of mip/sip/uip and
// time, and writes of the interrupt enables, are ordered among harts: the hart says so (2).
const csr = 'HART(h.execCsr(OP, RD, RS1, IMM, WORD)); ATTN;';
// xRET: the hart changes privilege and returns the target in h.targetLo:h.targetHi.
const xret = 'HART(h.execXret(OP, WORD)); JUMP64(h.targetLo, h.targetHi);';
// uipi (custom-3, funct3 = 6): the UINTC is shared by the harts; every case writes rd.
const uipi = 'ORDERED; HART(h.execUipi(OP, RD, a, ah)); ATTN;';

export const ZICSR = [
  insn('csrrw', 0x00001073, I, 'rd,csr,rs1', 'csr', C.Csr, 'Zicsr', csr),
  insn('csrrs', 0x00002073, I, 'rd,csr,rs1', 'csr', C.Csr, 'Zicsr', csr),
  insn('csrrc', 0x00003073, I, 'rd,csr,rs1', 'csr', C.Csr, 'Zicsr', csr),
  insn('csrrwi', 0x00005073, I, 'rd,csr,zimm', 'csr', C.Csr, 'Zicsr', csr),
  insn('csrrsi', 0x00006073, I, 'rd,csr,zimm', 'csr', C.Csr, 'Zicsr', csr),
  insn('csrrci', 0x00007073, I, 'rd,csr,zimm', 'csr', C.Csr, 'Zicsr', csr),
] as const;

export const PRIV = [
  insn('mret', 0x30200073, EXACT, '', undefined, C.Xret, 'Priv', xret),
  insn('sret', 0x10200073, EXACT, '', undefined, C.Xret, 'Priv', xret),
  insn('uret', 0x00200073, EXACT, '', undefined, C.Xret, 'N', xret),
  // WFI: the hart may go to sleep (wake-up conditions are shared state: ORDERED).
  insn('wfi', 0x10500073, EXACT, '', undefined, C.Wfi, 'Priv', 'ORDERED; HART(h.execWfi(WORD)); ATTN;'),
  insn('sfence.vma', 0x12000073, 0xfe007fff, 'rs1,rs2', undefined, C.SfenceVma, 'Priv', 'HART(h.execSfenceVma(WORD)); END;'),
] as const;

// The operation is funct7; the rd/rs1 fields an operation does not use are ignored (as in the
// QEMU fork).
export const UINTR = [
  insn('uipi.send', 0x0000607b, 0xfff0707f, 'rs1', undefined, C.Uipi, 'Uintr', uipi),
  insn('uipi.read', 0x0200607b, 0xfff0707f, 'rd', undefined, C.Uipi, 'Uintr', uipi),
  insn('uipi.write', 0x0400607b, 0xfff0707f, 'rs1', undefined, C.Uipi, 'Uintr', uipi),
  insn('uipi.activate', 0x0600607b, 0xfff0707f, '', undefined, C.Uipi, 'Uintr', uipi),
  insn('uipi.deactivate', 0x0800607b, 0xfff0707f, '', undefined, C.Uipi, 'Uintr', uipi),
] as const;

/** Any other word with the uipi opcode/funct3: "does nothing, rd ← 0" (uintr.md §2). */
export const UIPI_FALLBACK = insn('uipi', 0x0000607b, 0x0000707f, 'rd,rs1', undefined, C.Uipi, 'Uintr', uipi);

/** Not an instruction (or one of an extension the hart lacks): illegal-instruction trap. */
export const ILLEGAL_INSN = insn('illegal', 0, 0, '', undefined, C.Illegal, 'I', 'FAULT(h.illegal(WORD));');
