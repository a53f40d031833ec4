/** Constants of the flattened device tree format (Devicetree Specification v0.4, ch. 5). */
export const FDT_MAGIC = 0xd00dfeed;
export const FDT_VERSION = 17;
export const FDT_LAST_COMP_VERSION = 16;
export const FDT_HEADER_SIZE = 40;

export const FdtToken = {
  beginNode: 1,
  endNode: 2,
  prop: 3,
  nop: 4,
  end: 9,
} as const;

/** Header fields in order; each is a big-endian u32 at 4·index. */
export const FdtHeader = {
  magic: 0,
  totalsize: 4,
  offDtStruct: 8,
  offDtStrings: 12,
  offMemRsvmap: 16,
  version: 20,
  lastCompVersion: 24,
  bootCpuidPhys: 28,
  sizeDtStrings: 32,
  sizeDtStruct: 36,
} as const;
