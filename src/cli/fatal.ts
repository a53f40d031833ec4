/**
 * The message for a hart that cannot go on (every trap traps again): what happened, where, the
 * faulting value (*tval), the function the pc is in when the images have symbols, and the
 * registers, so that a user can find the bug without a debugger.
 */
import type { FatalTrap, Hart } from '../cpu/hart';
import { causeName } from '../cpu/hart';
import { ABI_NAMES } from '../disasm/names';
import type { LoadedImage } from '../machine/loader';
import { Symbolizer } from '../trace/symbols';

const hex64 = (v: number): string => BigInt.asUintN(64, BigInt(v)).toString(16).padStart(16, '0');

/** " <fn+0x10>" when the images name the address. */
function symbolOf(symbols: Symbolizer, addr: number): string {
  const name = addr >= 0 ? symbols.label(BigInt(addr)) : undefined;
  return name !== undefined ? ` <${name}>` : '';
}

/** The first line (the error) and the register dump after it. */
export function describeFatalTrap(hart: Hart, trap: FatalTrap, images: readonly LoadedImage[]): string[] {
  const symbols = new Symbolizer(images);
  const what = `${trap.isInterrupt ? 'interrupt' : 'exception'} ${trap.cause} (${causeName(trap.isInterrupt, trap.cause)})`;
  const fetch = trap.handlerCause === 12 ? 'instruction page fault' : 'instruction access fault';
  const head =
    `hart ${hart.hartId}: ${what} at pc 0x${hex64(trap.epc)}${symbolOf(symbols, trap.epc)}, tval 0x${hex64(trap.tval)}; ` +
    `its handler at 0x${hex64(trap.handler)} cannot be fetched (${fetch}), so every trap traps again`;
  const regs: string[] = [];
  for (let r = 1; r < 32; r += 4) {
    const row = [];
    for (let k = r; k < Math.min(r + 4, 32); k++) row.push(`${ABI_NAMES[k].padStart(4)} 0x${hex64(hart.getX(k))}`);
    regs.push(`  ${row.join('  ')}`);
  }
  return [head, ...regs];
}
