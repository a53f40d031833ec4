/**
 * The machine's limits, checked in one place: the Machine constructor, the CLI's option
 * parsing and the help texts all use these bounds and these checks.
 */
import { RvnError } from '../errors';
import { MemoryMap } from './memmap';

export const MachineLimits = {
  harts: { min: 1, max: 64 },
  ram: { min: 1 << 20, max: MemoryMap.ram.maxSize, align: 4096 },
  quantum: { min: 1, max: 10_000 },
} as const;

const UNITS: readonly (readonly [string, number])[] = [
  ['T', 2 ** 40],
  ['G', 2 ** 30],
  ['M', 2 ** 20],
  ['K', 2 ** 10],
];

/** Bytes in the largest binary unit that divides them exactly: 268435456 → "256M", 1536 → "1536". */
export function formatSize(bytes: number): string {
  for (const [unit, scale] of UNITS) if (bytes >= scale && bytes % scale === 0) return `${bytes / scale}${unit}`;
  return String(bytes);
}

/** A whole number within [min, max], or a usage error naming `label` and the bounds. */
function checkRange(label: string, value: number, range: { readonly min: number; readonly max: number }): number {
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new RvnError(`${label}: ${value} is not a whole number from ${range.min} to ${range.max}`, 2);
  }
  return value;
}

export function checkHartCount(harts: number, label = 'harts'): number {
  return checkRange(label, harts, MachineLimits.harts);
}

export function checkQuantum(quantum: number, label = 'quantum'): number {
  return checkRange(label, quantum, MachineLimits.quantum);
}

/** RAM sizes: from 1M to 256G, a multiple of 4K. */
export function checkRamSize(bytes: number, label = 'RAM size'): number {
  const { min, max, align } = MachineLimits.ram;
  if (!Number.isSafeInteger(bytes) || bytes > max) {
    throw new RvnError(`${label}: ${formatSize(bytes)} is more than the largest RAM, ${formatSize(max)}`, 2);
  }
  if (bytes < min) throw new RvnError(`${label}: ${formatSize(bytes)} is less than the smallest RAM, ${formatSize(min)}`, 2);
  if (bytes % align !== 0) throw new RvnError(`${label}: ${bytes} bytes is not a multiple of ${formatSize(align)}`, 2);
  return bytes;
}

/** The RAM bounds as help text: "1M to 256G, a multiple of 4K". */
export function ramSizeRange(): string {
  const { min, max, align } = MachineLimits.ram;
  return `${formatSize(min)} to ${formatSize(max)}, a multiple of ${formatSize(align)}`;
}
