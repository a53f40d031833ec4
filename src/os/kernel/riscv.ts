/** RISC-V privileged-architecture constants the kernel uses (priv spec 1.12, N extension). */
import { table } from '../../gtsc/guest';

// sstatus
export const SSTATUS_SIE = 1 << 1;
export const SSTATUS_SPIE = 1 << 5;
export const SSTATUS_SPP = 1 << 8;

// sie / sip bits (interrupt numbers)
export const IRQ_U_SOFT = 0;
export const IRQ_S_SOFT = 1;
export const IRQ_S_TIMER = 5;
export const IRQ_S_EXTERNAL = 9;
export const SIE_USIE = 1 << 0;
export const SIE_SSIE = 1 << 1;
export const SIE_STIE = 1 << 5;
export const SIE_SEIE = 1 << 9;

// scause exception codes
export const CAUSE_USER_ECALL = 8;
export const CAUSE_INTERRUPT = 1 << 63;

/** scounteren: cycle, time, instret and hpmcounter3..5 (the firmware's UINTR event counters). */
export const SCOUNTEREN_USER = 0x3f;

/** Exception names by scause (priv spec table 4.2). */
export const EXCEPTION_NAMES = table<string>([
  'instruction address misaligned', 'instruction access fault', 'illegal instruction', 'breakpoint',
  'load address misaligned', 'load access fault', 'store address misaligned', 'store access fault',
  'ecall from U-mode', 'ecall from S-mode', 'reserved (10)', 'ecall from M-mode',
  'instruction page fault', 'load page fault', 'reserved (14)', 'store page fault',
]);
export const EXCEPTION_NAME_COUNT = 16;

// Sv39
export const SATP_SV39 = 8 << 60;
export const PTE_V = 1 << 0;
export const PTE_R = 1 << 1;
export const PTE_W = 1 << 2;
export const PTE_X = 1 << 3;
export const PTE_U = 1 << 4;
export const PTE_G = 1 << 5;
export const PTE_A = 1 << 6;
export const PTE_D = 1 << 7;
