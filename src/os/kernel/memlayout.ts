/**
 * The memory layout, physical and virtual (Sv39). Every address space has the same kernel part
 * (the root page table's entries 0, 2, 3, ... are shared, S-only, global) and its own user
 * window; the kernel runs at its physical addresses, so kernel pointers are physical and
 * profiles name kernel functions by their link addresses.
 *
 *   physical / kernel virtual (identity)             user virtual (space k)
 *   0x0000_0000 ┬──────────────────────┐            0x4000_0000 + k·64 MiB ┬────────────────────┐
 *               │ devices (S only):    │                                    │ boot info page (R) │
 *               │ 0x0010_0000 test dev │            + 0x1000                 │ program .text      │
 *               │ 0x0200_0000 CLINT    │                                    │ .rodata            │
 *               │ 0x02F1_0000 UINTC    │                                    │ .data .bss         │
 *               │ 0x0C00_0000 PLIC     │                                    │ per thread: guard, │
 *               │ 0x1000_0000 UART     │                                    │  stack, IPC buffer │
 *   0x4000_0000 ├──────────────────────┤ user      ─────────────────────────│ shared regions,    │
 *               │ (user windows,       │ windows                            │ device mappings    │
 *               │  16 × 64 MiB)        │                                    └────────────────────┘
 *   0x8000_0000 ├──────────────────────┤
 *               │ firmware (rvn-fw or  │ 2 MiB, never touched by the kernel
 *               │ OpenSBI)             │
 *   0x8020_0000 ├──────────────────────┤
 *               │ kernel .text .rodata │
 *               │ .data .bss (objects, │
 *               │ per-hart stacks)     │
 *               ├──────────────────────┤ page aligned
 *               │ user program frames  │ loaded from the ELF
 *               ├──────────────────────┤
 *               │ zero frames (boot-   │ zeroed by the kernel at boot
 *               │ info page, stacks,   │
 *               │ IPC buffers, shared  │
 *               │ regions)             │
 *               ├──────────────────────┤
 *               │ boot info (system    │ written by the image builder (src/os/system)
 *               │ description)         │
 *               ├──────────────────────┤ boot info freeStart
 *               │ free: page tables,   │ the frame allocator (skips the device tree)
 *               │ sender tables        │
 *   RAM end     └──────────────────────┘
 */

export const PAGE_SIZE = 4096;
export const PAGE_SHIFT = 12;

/** Where the firmware jumps (fw_jump's FW_JUMP_ADDR): the kernel's first instruction. */
export const KERNEL_BASE = 0x80200000;
/** Start of RAM on the virt board. */
export const RAM_BASE = 0x80000000;

export const USER_BASE = 0x40000000;
export const USER_WINDOW = 0x4000000; // 64 MiB
export const MAX_SPACES = 16;

// devices the kernel drives itself (QEMU virt / rvn board addresses)
export const UINTC_BASE = 0x02f10000;
export const UINTC_STRIDE = 0x20;
export const UINTC_RECEIVERS = 512;
export const PLIC_BASE = 0x0c000000;

export const MAX_HARTS = 8;
export const KERNEL_STACK_SHIFT = 14; // 16 KiB per hart
export const MAX_THREADS = 64;
export const MAX_ENDPOINTS = 64;
export const MAX_NOTIFICATIONS = 64;
export const MAX_REPLIES = 64;
export const MAX_CAPS = 1024;
export const MAX_IRQS = 96;

/** The periodic tick while a hart runs threads, and the time slice in ticks. */
export const TICK_US = 1000;
export const TIMESLICE_TICKS = 1;
export const PRIORITIES = 256;
