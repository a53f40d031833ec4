import { describe, expect, it } from 'vitest';
import { parseAddress, parseCount, parseIntIn, parseLoadSpec, parseSize } from '../../src/cli/parse';

describe('command-line value parsers', () => {
  it('sizes', () => {
    expect(parseSize('--mem', '128M')).toBe(134217728);
    expect(parseSize('--mem', '1G')).toBe(1073741824);
    expect(parseSize('--mem', '64MiB')).toBe(67108864);
    expect(parseSize('--mem', '4096')).toBe(4096);
    expect(() => parseSize('--mem', 'lots')).toThrow(/--mem: 'lots' is not a size/);
    expect(() => parseSize('--mem', '0')).toThrow(/positive/);
  });
  it('addresses', () => {
    expect(parseAddress('--text', '0x80200000')).toBe(0x80200000);
    expect(parseAddress('--text', '0x8000_0000')).toBe(0x80000000);
    expect(parseAddress('--text', '4096')).toBe(4096);
    expect(() => parseAddress('--text', '0xZZ')).toThrow(/not an address/);
    expect(() => parseAddress('--text', '-5')).toThrow(/not an address/);
  });
  it('counts', () => {
    expect(parseCount('--max-insns', '1000')).toBe(1000);
    expect(parseCount('--max-insns', '10M')).toBe(10_000_000);
    expect(parseCount('--max-insns', '1e6')).toBe(1_000_000);
    expect(() => parseCount('--max-insns', '-3')).toThrow(/positive whole number/);
    expect(() => parseCount('--max-insns', '1.5')).toThrow(/positive whole number/);
  });
  it('ranges', () => {
    expect(parseIntIn('--harts', '4', 1, 8)).toBe(4);
    expect(() => parseIntIn('--harts', '9', 1, 8)).toThrow(/from 1 to 8/);
  });
  it('load specs', () => {
    expect(parseLoadSpec('payload.bin@0x80200000')).toEqual({ file: 'payload.bin', addr: 0x80200000 });
    expect(parseLoadSpec('a@b.bin@0x1000')).toEqual({ file: 'a@b.bin', addr: 0x1000 });
    expect(() => parseLoadSpec('payload.bin')).toThrow(/FILE@ADDR/);
  });
});
