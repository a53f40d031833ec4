  .text
  .globl helper
  .type helper, @function
helper:
  addi a0, a0, 1
  ret
  .size helper, . - helper

  .data
  .globl counter, table
  .align 3
counter:
  .dword 0x1122334455667788
  .dword helper
table:
  .dword table, message_ref
  .word helper
message_ref:
  .byte 1
