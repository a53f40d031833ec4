// Every bad input is an RvnError "file:line: message" (never a JavaScript TypeError etc.).
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assembler';
import { RvnError } from '../../src/errors';
import { buildImage } from '../../src/link/build';

function asmError(src: string): string {
  try {
    assemble(src, 't.S');
  } catch (e) {
    expect(e).toBeInstanceOf(RvnError);
    return (e as Error).message;
  }
  throw new Error('no error');
}

function linkError(files: { name: string; text: string }[], opts = {}): string {
  try {
    buildImage(files, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(RvnError);
    return (e as Error).message;
  }
  throw new Error('no error');
}

describe('assembler errors', () => {
  const cases: [string, string][] = [
    ['_start:\n  frob a0, a1', "t.S:2:3: unknown instruction 'frob'"],
    ['  addi a0, a1', "t.S:1:3: 'addi' takes operands rd,rs1,imm"],
    ['  addi a0, a1, 2048', 't.S:1:3: immediate 2048 out of range (-2048..2047)'],
    ['  slli a0, a1, 64', 't.S:1:3: immediate 64 out of range (0..63)'],
    ['\n\n  lw a0, 4096(sp)', 't.S:3:3: immediate 4096 out of range (-2048..2047)'],
    ['  add a0, a1, q9', "t.S:1:15: 'q9' is not a constant"],
    ['  lui a0, 0x100000', 't.S:1:3: lui/auipc immediate 1048576 out of range (0..1048575)'],
    ['  csrr a0, nosuchcsr', "t.S:1:12: bad CSR 'nosuchcsr'"],
    ['  csrrwi a0, mstatus, 32', 't.S:1:3: CSR immediate 32 out of range (0..31)'],
    ['  beq a0, a1', "t.S:1:3: 'beq' takes 3 operands"],
    ['  j 1b', "t.S:1:5: no previous definition of local label '1'"],
    ['x:\nx:', "t.S:2:1: symbol 'x' is already defined"],
    ['  .frob 1', "t.S:1:3: unknown directive '.frob'"],
    ['  .option pop', 't.S:1:3: .option pop without .option push'],
    ['  .align 3\n  .balign 3', 't.S:2:3: alignment 3 is not a power of 2'],
    ['  .ascii abc', "t.S:1:10: expected a string, got 'abc'"],
    ['  li a0, undefined_sym', "t.S:1:10: li: 'undefined_sym' is not a constant (use la/lla for addresses)"],
    ['  .word 1 +', 't.S:1:3: missing operand in expression'],
    ['  .word (1', 't.S:1:3: missing )'],
    ['  .word 1/0', 't.S:1:3: division by zero'],
    ['  lr.w a0, 4(a1)', 't.S:1:3: lr.w: address offset must be 0'],
    ['  fence rw, x', "t.S:1:13: bad fence operand 'x'"],
    ['  lw a0, %hi(x)(a1)', "t.S:1:3: %hi is not allowed in this operand of 'lw'"],
    ['  .word a - b', "t.S:1:3: can't subtract symbol 'b' here (not a label in the same section)"],
  ];
  for (const [src, msg] of cases) it(msg, () => expect(asmError(src)).toBe(msg));

  it('never throws anything but RvnError on garbage', () => {
    const junk = ['addi', 'addi ,,,', 'lw a0, (', 'lw a0, )(', '.byte', '.section', 'li', 'la a0', 'call',
      '.insn r 1', '.insn i 0x13, 0, a0, a1', 'jalr 1, 2, 3', 'sw a0', "li a0, 'a", '.equ', '%hi(', 'beqz a0, %lo(x)',
      'csrw', 'sfence.vma 1', '.option', '.set x', '.type', 'j', 'amoadd.w.aq a0', '.zero -1', 'ld a0, 0(q)'];
    for (const j of junk) {
      try {
        assemble(`_start:\n  ${j}\n`, 'j.S');
      } catch (e) {
        expect(e, j).toBeInstanceOf(RvnError);
        expect((e as Error).message, j).toMatch(/^j\.S:2:\d+: /);
      }
    }
  });
});

describe('linker errors', () => {
  it('undefined symbol names the symbol and the line', () => {
    expect(linkError([{ name: 'a.S', text: '_start:\n  nop\n  call missing\n' }])).toBe("a.S:3:3: undefined symbol 'missing'");
  });
  it('missing _start', () => {
    expect(linkError([{ name: 'a.S', text: 'main:\n  ret\n' }])).toBe("entry symbol '_start' is not defined");
  });
  it('duplicate global symbols name both places', () => {
    const a = { name: 'a.S', text: '  .globl f\n_start:\nf:\n  ret\n' };
    const b = { name: 'b.S', text: '\n  .globl f\nf:\n  ret\n' };
    expect(linkError([a, b])).toBe("b.S:3:1: duplicate symbol 'f' (first defined at a.S:3:1)");
  });
  it('a %hi of an address above 2 GiB is out of range (as GNU ld: relocation truncated)', () => {
    const msg = linkError([{ name: 'a.S', text: '_start:\n  lui a0, %hi(v)\n  .data\nv: .word 0\n' }]);
    expect(msg).toMatch(/^a\.S:2:3: relocation R_RISCV_HI20 out of range for 'v'/);
  });
  it('a jal more than 1 MiB away is out of range', () => {
    const msg = linkError([{ name: 'a.S', text: '_start:\n  jal v\n  .data\nv: .word 0\n' }], { data: 0x80200000 });
    expect(msg).toMatch(/^a\.S:2:3: relocation R_RISCV_JAL out of range for 'v'/);
  });
  it('a %pcrel_lo must name the label of its %pcrel_hi', () => {
    const msg = linkError([{ name: 'a.S', text: '_start:\n  addi a0, a0, %pcrel_lo(_start)\n' }]);
    expect(msg).toBe("a.S:2:3: %pcrel_lo('_start') does not point at a %pcrel_hi");
  });
});

describe('more assembler errors', () => {
  it('non-zero data in .bss', () => {
    expect(asmError('_start: nop\n  .bss\n  .word 1\n')).toBe('t.S:3:3: .bss: only zero-filled space may be placed in a bss section');
  });
  it('a branch to a constant', () => {
    expect(asmError('_start:\n  beqz a0, 16\n')).toBe('t.S:2:3: branch target must be a label');
  });
});

describe('directive operand errors', () => {
  it('.section without a name', () => expect(asmError('  .section\n')).toBe("t.S:1:3: .section: bad section name ''"));
  it('.type without a type', () => expect(asmError('  .type f\n')).toBe('t.S:1:3: .type takes a symbol and a type'));
});
