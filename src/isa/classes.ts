/**
 * The timing class of an instruction: what a cycle model needs to know of it beyond its
 * operands. Every row of the instruction table names its class (src/isa/insns); the timing
 * models (src/timing) write their cost per class, once, for both execution paths.
 */
export const enum InsnClass {
  Alu = 0, // integer ALU op, LUI, AUIPC, shifts, compares
  Load = 1, // LB/LH/LW/LD/LBU/LHU/LWU (width in memWidth)
  Store = 2,
  Branch = 3, // conditional branches
  Jal = 4,
  Jalr = 5,
  Mul = 6, // MUL, MULH, MULHSU, MULHU (64-bit)
  MulW = 7,
  Div = 8, // DIV, DIVU, REM, REMU
  DivW = 9,
  Csr = 10, // CSRRW/S/C(I)
  Amo = 11,
  Lr = 12,
  Sc = 13,
  Fence = 14,
  FenceI = 15,
  SfenceVma = 16,
  Ecall = 17,
  Ebreak = 18,
  Xret = 19, // MRET, SRET, URET
  Wfi = 20,
  Uipi = 21, // the UINTR uipi instruction (SEND/READ/WRITE/ACTIVATE/DEACTIVATE)
  Illegal = 22, // an encoding that is not an instruction (or of a missing extension): traps
}

export const InsnClassCount = 23;
