# sbi_call(extension, function, arg0, arg1, arg2, out): one SBI call (SBI v1.0 §3: a7 =
# extension ID, a6 = function ID, a0..a2 arguments; the firmware returns a0 = error, a1 =
# value and preserves every other register). Stores {error, value} at out, returns error.
    .text
    .globl sbi_call
sbi_call:
    mv      t0, a5
    mv      a7, a0
    mv      a6, a1
    mv      a0, a2
    mv      a1, a3
    mv      a2, a4
    ecall
    sd      a0, 0(t0)
    sd      a1, 8(t0)
    ret
