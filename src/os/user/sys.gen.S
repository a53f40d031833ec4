# GENERATED from src/os/system/syscalls.ts by generateSyscallFiles() — do not edit.
# Message system call stubs (the Msg layout: badge 0, info 8, mr[0..3] 16..40).

# The kernel preserves t0 across a system call, so it keeps the Msg pointer.
    .text
    .globl Call
Call:
    mv      t0, a1
    ld      a1, 8(t0)
    ld      a2, 16(t0)
    ld      a3, 24(t0)
    ld      a4, 32(t0)
    ld      a5, 40(t0)
    li      a7, 1
    ecall
    bltz    a0, 1f
    sd      a0, 0(t0)
    sd      a1, 8(t0)
    sd      a2, 16(t0)
    sd      a3, 24(t0)
    sd      a4, 32(t0)
    sd      a5, 40(t0)
1:
    ret

    .globl ReplyRecv
ReplyRecv:
    mv      t0, a2
    mv      a6, a1
    ld      a1, 8(t0)
    ld      a2, 16(t0)
    ld      a3, 24(t0)
    ld      a4, 32(t0)
    ld      a5, 40(t0)
    li      a7, 2
    ecall
    bltz    a0, 1f
    sd      a0, 0(t0)
    sd      a1, 8(t0)
    sd      a2, 16(t0)
    sd      a3, 24(t0)
    sd      a4, 32(t0)
    sd      a5, 40(t0)
1:
    ret

    .globl Send
Send:
    mv      t0, a1
    ld      a1, 8(t0)
    ld      a2, 16(t0)
    ld      a3, 24(t0)
    ld      a4, 32(t0)
    ld      a5, 40(t0)
    li      a7, 3
    ecall
    ret

    .globl NBSend
NBSend:
    mv      t0, a1
    ld      a1, 8(t0)
    ld      a2, 16(t0)
    ld      a3, 24(t0)
    ld      a4, 32(t0)
    ld      a5, 40(t0)
    li      a7, 4
    ecall
    ret

    .globl Recv
Recv:
    mv      t0, a2
    mv      a6, a1
    li      a7, 5
    ecall
    bltz    a0, 1f
    sd      a0, 0(t0)
    sd      a1, 8(t0)
    sd      a2, 16(t0)
    sd      a3, 24(t0)
    sd      a4, 32(t0)
    sd      a5, 40(t0)
1:
    ret

    .globl NBRecv
NBRecv:
    mv      t0, a2
    mv      a6, a1
    li      a7, 6
    ecall
    bltz    a0, 1f
    sd      a0, 0(t0)
    sd      a1, 8(t0)
    sd      a2, 16(t0)
    sd      a3, 24(t0)
    sd      a4, 32(t0)
    sd      a5, 40(t0)
1:
    ret

    .globl Reply
Reply:
    mv      t0, a1
    ld      a1, 8(t0)
    ld      a2, 16(t0)
    ld      a3, 24(t0)
    ld      a4, 32(t0)
    ld      a5, 40(t0)
    li      a7, 7
    ecall
    ret

# A thread whose entry function returns comes here (the kernel starts it with ra = __thread_exit).
    .globl __thread_exit
__thread_exit:
    li      a7, 21
    ecall
    j       __thread_exit
