/**
 * The boot ROM at 0x1000: QEMU virt's reset vector (hw/riscv/boot.c, riscv_setup_rom_reset_vec)
 * followed, as there, by OpenSBI's fw_dynamic_info block at +40.
 *
 *   +0   auipc t0, 0          t0 ← 0x1000 (address of this instruction)
 *   +4   addi  a2, t0, 40     a2 ← &fw_dynamic_info
 *   +8   csrr  a0, mhartid    a0 ← hart id
 *   +12  ld    a1, 32(t0)     a1 ← DTB address
 *   +16  ld    t0, 24(t0)     t0 ← entry
 *   +20  jr    t0
 *   +24  u64 entry
 *   +32  u64 DTB address
 *   +40  fw_dynamic_info { magic, version, next_addr, next_mode, options, boot_hart } (u64 each)
 */
import { RvnError } from '../errors';
import { MemoryMap } from '../hw/memmap';

// Each word encoded by hand (RISC-V unprivileged spec, ch. 2 and 34); registers t0 = x5,
// a0 = x10, a1 = x11, a2 = x12.
const RESET_VECTOR = [
  // U-type auipc: imm[31:12]=0 | rd=5 (<<7 = 0x280) | opcode 0010111 (0x17)
  0x0000_0297,
  // I-type addi: imm=40 (<<20 = 0x0280_0000) | rs1=5 (<<15 = 0x28000) | funct3=000 |
  // rd=12 (<<7 = 0x600) | opcode 0010011 (0x13)
  0x0282_8613,
  // csrrs a0, mhartid, x0: csr=0xF14 (<<20 = 0xF140_0000) | rs1=0 | funct3=010 (<<12 = 0x2000) |
  // rd=10 (<<7 = 0x500) | opcode 1110011 (0x73)
  0xf140_2573,
  // I-type ld: imm=32 (0x0200_0000) | rs1=5 (0x28000) | funct3=011 (0x3000) | rd=11 (0x580) |
  // opcode 0000011 (0x03)
  0x0202_b583,
  // ld t0, 24(t0): imm=24 (0x0180_0000) | rs1=5 (0x28000) | funct3=011 (0x3000) | rd=5 (0x280) | 0x03
  0x0182_b283,
  // jalr x0, 0(t0): imm=0 | rs1=5 (0x28000) | funct3=000 | rd=0 | opcode 1100111 (0x67)
  0x0002_8067,
] as const;

const ENTRY_OFFSET = 24;
const DTB_OFFSET = 32;
const DYNAMIC_INFO_OFFSET = 40;
/** "OSBI" (OpenSBI include/sbi/fw_dynamic.h). */
const FW_DYNAMIC_INFO_MAGIC = 0x4942534f;
const FW_DYNAMIC_INFO_VERSION = 2;

/** Privilege mode the firmware should enter the next stage in (fw_dynamic next_mode). */
export const NextMode = { user: 0, supervisor: 1, machine: 3 } as const;

/** OpenSBI fw_dynamic_info contents; only used when the image is fw_dynamic. */
export interface FwDynamicInfo {
  nextAddr: number;
  nextMode: number;
  options?: number;
  bootHart?: number;
}

function putU64(view: DataView, at: number, value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RvnError(`boot ROM: invalid ${what} ${value}`);
  view.setUint32(at, value % 0x1_0000_0000, true);
  view.setUint32(at + 4, Math.floor(value / 0x1_0000_0000), true);
}

/** The ROM image (MemoryMap.bootRom.size bytes, little-endian). */
export function buildBootRom(entry: number, dtbAddr: number, dynamicInfo?: FwDynamicInfo): Uint8Array {
  const rom = new Uint8Array(MemoryMap.bootRom.size);
  const view = new DataView(rom.buffer);
  RESET_VECTOR.forEach((word, i) => view.setUint32(4 * i, word, true));
  putU64(view, ENTRY_OFFSET, entry, 'entry address');
  putU64(view, DTB_OFFSET, dtbAddr, 'DTB address');
  if (dynamicInfo) {
    const fields = [
      FW_DYNAMIC_INFO_MAGIC,
      FW_DYNAMIC_INFO_VERSION,
      dynamicInfo.nextAddr,
      dynamicInfo.nextMode,
      dynamicInfo.options ?? 0,
      dynamicInfo.bootHart ?? 0,
    ];
    fields.forEach((v, i) => putU64(view, DYNAMIC_INFO_OFFSET + 8 * i, v, 'fw_dynamic_info field'));
  }
  return rom;
}

const TWO_MIB = 2 * 1024 * 1024;

/**
 * Where QEMU puts the DTB on an RV64 board (riscv_compute_fdt_addr): as high as possible,
 * aligned down to 2 MiB, so that it ends below the end of RAM.
 */
export function dtbAddress(ramBase: number, ramSize: number, dtbSize: number): number {
  const addr = Math.floor((ramBase + ramSize - dtbSize) / TWO_MIB) * TWO_MIB;
  if (dtbSize <= 0 || addr < ramBase) {
    throw new RvnError(`device tree of ${dtbSize} bytes does not fit in RAM`);
  }
  return addr;
}
