/**
 * Just enough decoding of a committed instruction word for the observers: jumps (call/return
 * classification), CSR accesses, xRET, WFI, uipi.send and AMOs. Pure functions on the word.
 */

/** What a jump means for a shadow call stack. */
export const JumpKind = { None: 0, Call: 1, Return: 2, ReturnCall: 3 } as const;
export type JumpKind = (typeof JumpKind)[keyof typeof JumpKind];

const isLink = (r: number): boolean => r === 1 || r === 5;

/**
 * The unprivileged spec's return-address-stack hints (table "Return-address stack prediction
 * hints encoded in the register operands of a JALR instruction"): link registers are ra and t0.
 * jal rd=link: push. jalr: rd link, rs1 not: push; rd not, rs1 link: pop; both link and
 * different: pop then push; both the same link: push.
 */
function jalrKind(rd: number, rs1: number): JumpKind {
  if (isLink(rd)) return isLink(rs1) && rs1 !== rd ? JumpKind.ReturnCall : JumpKind.Call;
  return isLink(rs1) ? JumpKind.Return : JumpKind.None;
}

export function jumpKind(word: number, len: number): JumpKind {
  if (len === 2) {
    // c.jr / c.jalr: quadrant 2, funct3 100, rs2 = 0, rs1 != 0 (bit 12: 0 jr, 1 jalr).
    if ((word & 0xe07f) !== 0x8002) return JumpKind.None;
    const rs1 = (word >>> 7) & 31;
    if (rs1 === 0) return JumpKind.None;
    return (word & 0x1000) !== 0 ? jalrKind(1, rs1) : jalrKind(0, rs1);
  }
  const opcode = word & 0x7f;
  const rd = (word >>> 7) & 31;
  if (opcode === 0x6f) return isLink(rd) ? JumpKind.Call : JumpKind.None;
  if (opcode === 0x67 && ((word >>> 12) & 7) === 0) return jalrKind(rd, (word >>> 15) & 31);
  return JumpKind.None;
}

/** Zicsr: the CSR number if this is a CSR instruction that writes its CSR, else -1. */
export function csrWritten(word: number, len: number): number {
  if (len !== 4 || (word & 0x7f) !== 0x73) return -1;
  const f3 = (word >>> 12) & 7;
  if (f3 === 0 || f3 === 4) return -1;
  const src = (word >>> 15) & 31;
  const kind = f3 & 3; // 1 write, 2 set, 3 clear
  if (kind !== 1 && src === 0) return -1;
  return word >>> 20;
}

/** 3 mret, 1 sret, 0 uret, -1 not an xRET. */
export function xretLevel(word: number): number {
  switch (word >>> 0) {
    case 0x30200073: return 3;
    case 0x10200073: return 1;
    case 0x00200073: return 0;
    default: return -1;
  }
}

export const isWfi = (word: number): boolean => word >>> 0 === 0x10500073;
export const isUipiSend = (word: number): boolean => (word & 0xfff0707f) >>> 0 === 0x0000607b;
/** uipi.send's source register. */
export const rs1Of = (word: number): number => (word >>> 15) & 31;

/** A: 0 not an A instruction, 1 LR, 2 SC, 3 AMO read-modify-write. */
export function atomicKind(word: number, len: number): number {
  if (len !== 4 || (word & 0x7f) !== 0x2f) return 0;
  const f5 = word >>> 27;
  return f5 === 2 ? 1 : f5 === 3 ? 2 : 3;
}
