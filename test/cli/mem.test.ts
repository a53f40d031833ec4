// RAM sizes: K/M/G/T suffixes (powers of 1024), the limits of src/hw/limits.ts named in one
// line, for the CLI and the library alike.
import { describe, expect, it } from 'vitest';
import { parseSize } from '../../src/cli/parse';
import { MachineLimits, checkRamSize, formatSize } from '../../src/hw/limits';
import { Machine } from '../../src/machine/machine';
import { rvn } from './rvn';

describe('RAM size', () => {
  it('understands T as 2^40 bytes and the other suffixes as powers of 1024', () => {
    expect(parseSize('--mem', '1T')).toBe(1_099_511_627_776);
    expect(parseSize('--mem', '16G')).toBe(17_179_869_184);
    expect(parseSize('--mem', '2k')).toBe(2048);
    expect(formatSize(256 * 2 ** 30)).toBe('256G');
    expect(formatSize(2 ** 40)).toBe('1T');
    expect(formatSize(1536)).toBe('1536');
  });

  it('the limit is 256 GiB, and the checks name it', () => {
    expect(MachineLimits.ram.max).toBe(274_877_906_944);
    expect(checkRamSize(256 * 2 ** 30)).toBe(256 * 2 ** 30);
    expect(() => checkRamSize(2 ** 40, '--mem')).toThrow('--mem: 1T is more than the largest RAM, 256G');
    expect(() => checkRamSize(512 * 1024, '--mem')).toThrow('--mem: 512K is less than the smallest RAM, 1M');
    expect(() => checkRamSize(2 ** 20 + 1, '--mem')).toThrow('--mem: 1048577 bytes is not a multiple of 4K');
    expect(() => new Machine({ memBytes: 300 * 2 ** 30 }, { console: () => undefined })).toThrow('RAM size: 300G is more than the largest RAM, 256G');
  });

  it('rvn run refuses sizes out of bounds with one line and status 2, before building anything', () => {
    for (const [size, message] of [
      ['1T', 'rvn: --mem: 1T is more than the largest RAM, 256G'],
      ['1000G', 'rvn: --mem: 1000G is more than the largest RAM, 256G'],
      ['512K', 'rvn: --mem: 512K is less than the smallest RAM, 1M'],
      ['1048577', 'rvn: --mem: 1048577 bytes is not a multiple of 4K'],
    ]) {
      const r = rvn(['run', 'examples/asm-hello/hello.S', '--mem', size]);
      expect(r.status, size).toBe(2);
      expect(r.stderr.replace(/\x1b\[[0-9;]*m/g, '')).toBe(`${message}\n`);
    }
  });

  it('states the bounds in the help text', () => {
    expect(rvn(['run', '--help']).stdout.replace(/\s+/g, ' ')).toContain('--mem <size> RAM size in bytes or with a K, M, G or T suffix (1M to 256G, a multiple of 4K)');
  });
});
