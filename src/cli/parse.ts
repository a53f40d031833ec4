/**
 * Parsers for command-line values. Each returns a number or throws a usage RvnError (exit 2)
 * naming the option and the bad value.
 */
import { RvnError } from '../errors';

const SizeUnits: Record<string, number> = { '': 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };

/** "128M", "64MiB", "1G", "1T", "4096", "0x1000" → bytes (K, M, G, T are powers of 1024). */
export function parseSize(option: string, text: string): number {
  const m = /^(0x[0-9a-f]+|\d+)\s*([KMGT]?)(i?B)?$/i.exec(text.trim());
  if (!m) throw new RvnError(`${option}: '${text}' is not a size (examples: 128M, 1G, 65536)`, 2);
  const value = Number(m[1]) * SizeUnits[m[2].toUpperCase()];
  if (!Number.isSafeInteger(value) || value <= 0) throw new RvnError(`${option}: '${text}' is not a positive size`, 2);
  return value;
}

/** "0x80200000", "2149580800" → address (must be a safe non-negative integer). */
export function parseAddress(option: string, text: string): number {
  const t = text.trim().replace(/_/g, '');
  const value = /^0x[0-9a-f]+$/i.test(t) ? Number.parseInt(t.slice(2), 16) : /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isSafeInteger(value) || value < 0) throw new RvnError(`${option}: '${text}' is not an address (example: 0x80200000)`, 2);
  return value;
}

/** A positive count such as "1000000", "1e6" or "10M" (decimal suffixes K/M/G = 10^3/6/9). */
export function parseCount(option: string, text: string): number {
  const m = /^(\d+(?:\.\d+)?(?:e\d+)?)\s*([KMG]?)$/i.exec(text.trim());
  const scale = m ? ({ '': 1, K: 1e3, M: 1e6, G: 1e9 } as Record<string, number>)[m[2].toUpperCase()] : NaN;
  const value = m ? Number(m[1]) * scale : NaN;
  if (!Number.isSafeInteger(value) || value <= 0) throw new RvnError(`${option}: '${text}' is not a positive whole number`, 2);
  return value;
}

/** An integer within [min, max]. */
export function parseIntIn(option: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RvnError(`${option}: '${text}' must be a whole number from ${min} to ${max}`, 2);
  }
  return value;
}

/** "FILE@ADDR" (for --load). The file part may itself contain '@': the last one separates. */
export function parseLoadSpec(text: string): { file: string; addr: number } {
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) throw new RvnError(`--load: '${text}' must be FILE@ADDR (example: payload.bin@0x80200000)`, 2);
  return { file: text.slice(0, at), addr: parseAddress('--load', text.slice(at + 1)) };
}
