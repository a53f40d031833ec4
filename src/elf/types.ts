/**
 * ELF64 constants shared by the ELF reader and writer (System V gABI, and the RISC-V psABI for
 * the machine-specific values). Plain data: no code here.
 */

export const ELFMAG = [0x7f, 0x45, 0x4c, 0x46] as const; // "\x7fELF"
export const ELFCLASS64 = 2;
export const ELFDATA2LSB = 1;
export const EV_CURRENT = 1;
export const ELFOSABI_SYSV = 0;

/** e_type */
export const ET_REL = 1;
export const ET_EXEC = 2;
export const ET_DYN = 3;

/** e_machine */
export const EM_RISCV = 243;

/** e_flags (RISC-V psABI) */
export const EF_RISCV_RVC = 0x0001;
export const EF_RISCV_FLOAT_ABI_SOFT = 0x0000;
export const EF_RISCV_FLOAT_ABI_SINGLE = 0x0002;
export const EF_RISCV_FLOAT_ABI_DOUBLE = 0x0004;
/** p_type of the segment that points at .riscv.attributes (RISC-V psABI). */
export const PT_RISCV_ATTRIBUTES = 0x70000003;

/** Sizes of the fixed-size records. */
export const EHDR_SIZE = 64;
export const PHDR_SIZE = 56;
export const SHDR_SIZE = 64;
export const SYM_SIZE = 24;

/** p_type */
export const PT_NULL = 0;
export const PT_LOAD = 1;

/** p_flags */
export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;

/** sh_type */
export const SHT_NULL = 0;
export const SHT_PROGBITS = 1;
export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_NOBITS = 8;

/** sh_flags */
export const SHF_WRITE = 0x1;
export const SHF_ALLOC = 0x2;
export const SHF_EXECINSTR = 0x4;

/** Special section index */
export const SHN_UNDEF = 0;
export const SHN_ABS = 0xfff1;

/** Symbol binding (st_info >> 4) and type (st_info & 15). */
export const STB_LOCAL = 0;
export const STB_GLOBAL = 1;
export const STB_WEAK = 2;
export const STT_NOTYPE = 0;
export const STT_OBJECT = 1;
export const STT_FUNC = 2;
export const STT_SECTION = 3;
export const STT_FILE = 4;

/** RISC-V relocation types (psABI), as used by the in-memory object format. */
export const R_RISCV_NONE = 0;
export const R_RISCV_32 = 1;
export const R_RISCV_64 = 2;
export const R_RISCV_BRANCH = 16;
export const R_RISCV_JAL = 17;
export const R_RISCV_CALL = 18;
export const R_RISCV_CALL_PLT = 19;
export const R_RISCV_PCREL_HI20 = 23;
export const R_RISCV_PCREL_LO12_I = 24;
export const R_RISCV_PCREL_LO12_S = 25;
export const R_RISCV_HI20 = 26;
export const R_RISCV_LO12_I = 27;
export const R_RISCV_LO12_S = 28;
export const R_RISCV_ADD32 = 35;
export const R_RISCV_SUB32 = 39;
export const R_RISCV_RVC_BRANCH = 44;
export const R_RISCV_RVC_JUMP = 45;

// Added for the ELF reader (src/elf/reader.ts): values it must recognise to reject or parse.
export const ELFCLASS32 = 1;
export const ELFDATA2MSB = 2;
export const ET_NONE = 0;
export const ET_CORE = 4;
/** Reserved section indices at or above this are not real sections (ABS, COMMON, XINDEX). */
export const SHN_LORESERVE = 0xff00;
export const SHN_COMMON = 0xfff2;
export const SHN_XINDEX = 0xffff;
/** RISC-V psABI: the .riscv.attributes section (arch string, privileged spec version). */
export const SHT_RISCV_ATTRIBUTES = 0x70000003;
export const Tag_File = 1;
export const Tag_RISCV_arch = 5;
export const Tag_RISCV_priv_spec = 8;
export const Tag_RISCV_priv_spec_minor = 10;
export const Tag_RISCV_priv_spec_revision = 12;
