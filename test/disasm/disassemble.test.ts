import { describe, expect, it } from 'vitest';
import { disassemble } from '../../src/disasm/disassemble';
import { createDisassembler } from '../../src/disasm/engine';
import { disasmCommand } from '../../src/disasm/command';
import { RvnError } from '../../src/errors';

// Expected spellings are objdump's (riscv64-unknown-elf-objdump 2.40 on the same words), except
// where marked rvnNames, whose spelling follows uintr.md.
describe('disassemble one instruction', () => {
  const opts = { aliases: true };
  it('decodes length from the low bits and ignores the upper half of a compressed word', () => {
    expect(disassemble(0x00000297, 0x80000000, opts)).toEqual({ text: 'auipc\tt0,0x0', length: 4 });
    expect(disassemble(0x8082, 0x80000000, opts)).toEqual({ text: 'ret', length: 2 });
    expect(disassemble(0x12348082, 0x80000000, opts)).toEqual({ text: 'ret', length: 2 });
    expect(disassemble(0x8082, 0x80000000, { aliases: false }).text).toBe('c.jr\tra');
  });

  it('prints targets as objdump does without symbols, or with the symbolizer', () => {
    // objdump -d of a stripped file: "8000002c: bff5  j 0x80000028"
    expect(disassemble(0xbff5, 0x8000002c, opts).text).toBe('j\t0x80000028');
    const symbolize = (a: bigint) => (a === 0x80000028n ? 'park' : undefined);
    expect(disassemble(0xbff5, 0x8000002cn, { aliases: true, symbolize }).text).toBe('j\t80000028 <park>');
    expect(disassemble(0xbff5, 0x8000002e, { aliases: true, symbolize }).text).toBe('j\t8000002a');
  });

  it('annotates zero- and tp-based addresses even for one instruction', () => {
    expect(disassemble(0x00802503, 0, opts).text).toBe('lw\ta0,8(zero) # 0x8');
  });

  it('prints uipi words as objdump does, or by name with rvnNames', () => {
    const rvn = { aliases: true, rvnNames: true };
    expect(disassemble(0x0005607b, 0, opts).text).toBe('.4byte\t0x5607b');
    expect(disassemble(0x0005607b, 0, rvn).text).toBe('uipi.send\ta0');
    expect(disassemble(0x0200657b, 0, rvn).text).toBe('uipi.read\ta0');
    expect(disassemble(0x0405607b, 0, rvn).text).toBe('uipi.write\ta0');
    expect(disassemble(0x0600607b, 0, rvn).text).toBe('uipi.activate');
    expect(disassemble(0x0800607b, 0, rvn).text).toBe('uipi.deactivate');
    // Fields an operation does not use (rs1 of READ, rd/rs1 of ACTIVATE) do not change it.
    expect(disassemble(0x0205e57b, 0, rvn).text).toBe('uipi.read\ta0');
    expect(disassemble(0x0600657b, 0, rvn).text).toBe('uipi.activate');
    expect(disassemble(0x0a05e5fb, 0, rvn).text).toBe('.insn\tr 0x7b, 0x6, 0x5, a1, a1, zero');
    expect(disassemble(0x00200073, 0, rvn).text).toBe('uret');
  });

  it('names N and UINTR CSRs with rvnNames, and 1.11 CSRs on request', () => {
    expect(disassemble(0x00002573, 0, opts).text).toBe('csrr\ta0,0x0');
    expect(disassemble(0x00002573, 0, { aliases: true, privSpec: '1.11' }).text).toBe('csrr\ta0,ustatus');
    expect(disassemble(0x00002573, 0, { aliases: true, rvnNames: true }).text).toBe('csrr\ta0,ustatus');
    expect(disassemble(0x1b051073, 0, { aliases: true, rvnNames: true }).text).toBe('csrw\tsuist,a0');
    expect(disassemble(0x1b051073, 0, opts).text).toBe('csrw\t0x1b0,a0');
    expect(disassemble(0x04402573, 0, { aliases: false, rvnNames: true }).text).toBe('csrrs\ta0,uip,zero');
  });

  it('keeps lui/auipc high parts across calls of one Disassembler, and forgets them on reset', () => {
    const d = createDisassembler({ aliases: true });
    expect(d.next(0x00001517, 0x80000000n).text).toBe('auipc\ta0,0x1');
    expect(d.next(0x01050513, 0x80000004n).text).toBe('add\ta0,a0,16 # 0x80001010');
    d.next(0x00001517, 0x80000000n);
    d.reset();
    expect(d.next(0x01050513, 0x80000004n).text).toBe('add\ta0,a0,16');
  });
});

describe('disasmCommand', () => {
  it('reports a bad file as an RvnError', () => {
    expect(() => disasmCommand(new Uint8Array([1, 2, 3, 4]))).toThrow(RvnError);
    expect(() => disasmCommand(new Uint8Array([1, 2, 3, 4]))).toThrow('ELF: not an ELF file (bad magic number)');
  });
});
