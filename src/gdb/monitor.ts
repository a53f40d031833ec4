/**
 * `monitor` commands (qRcmd): rvn's own state that gdb has no command for. One table; each
 * entry returns the lines to print.
 */
import type { Machine } from '../machine/machine';
import { TIMING_EVENTS } from '../timing/events';
import { Uintc, UintcLow, UintcReg } from '../uintc/uintc';

export interface MonitorContext {
  readonly machine: Machine;
  /** Physical addressing for m/M/X (see memory.ts). */
  physical: boolean;
}

interface MonitorCommand {
  readonly name: string;
  readonly args: string;
  readonly help: string;
  run(ctx: MonitorContext, args: string[]): string[];
}

const PRIV_NAMES: Record<number, string> = { 0: 'U', 1: 'S', 3: 'M' };

const COMMANDS: readonly MonitorCommand[] = [
  {
    name: 'help', args: '', help: 'this list',
    run: () => COMMANDS.map((c) => `monitor ${(c.name + ' ' + c.args).trim().padEnd(18)} ${c.help}`),
  },
  {
    name: 'cycles', args: '', help: 'cycle and instruction counters of every hart',
    run: ({ machine }) => [
      ...machine.harts.map((h) => `hart ${h.hartId}: cycle ${h.cycle}, instret ${h.instret}, ${PRIV_NAMES[h.priv]}-mode, pc 0x${h.pcHex()}${h.sleeping ? ', waiting (wfi)' : ''}`),
      `machine: ${machine.cycles} cycles, ${machine.instret} instructions (${machine.timing.name} timing)`,
    ],
  },
  {
    name: 'events', args: '[hart]', help: "the timing model's event counts (mhpmevent numbers, docs/timing.md)",
    run: ({ machine }, args) => {
      const which = args[0] !== undefined ? [Number(args[0])] : machine.harts.map((h) => h.hartId);
      const out: string[] = [];
      for (const id of which) {
        const h = machine.harts[id];
        if (h === undefined) return [`no hart ${args[0]} (harts 0-${machine.harts.length - 1})`];
        out.push(`hart ${id}:`);
        for (const e of TIMING_EVENTS) out.push(`  ${String(e.id).padStart(2)} ${e.name.padEnd(18)} ${h.hpmEventCount(e.id)}`);
      }
      return out;
    },
  },
  {
    name: 'uintc', args: '', help: 'UINTC receivers in use (pending bits, active, hart) and each hart\'s line',
    run: ({ machine }) => {
      const u = machine.role('user-interrupts');
      if (!(u instanceof Uintc)) return ['this board has no UINTC'];
      const out = [`UINTC (${u.mode} mode, delivery latency ${u.deliveryLatency} cycles):`];
      for (let i = 0; i < UintcReg.receivers; i++) {
        if (u.low[i] === 0 && u.pendingLo[i] === 0 && u.pendingHi[i] === 0) continue;
        const pending = (BigInt(u.pendingHi[i]) << 32n) | BigInt(u.pendingLo[i]);
        const active = (u.low[i] & UintcLow.active) !== 0;
        out.push(`  receiver ${i}: hart ${u.hartOf(i)}, ${active ? 'active' : 'inactive'}, ${(u.low[i] & UintcLow.mode64) !== 0 ? '64' : '32'}-bit, pending 0x${pending.toString(16)}`);
      }
      if (out.length === 1) out.push('  no receiver in use');
      for (let h = 0; h < u.harts; h++) {
        const rise = u.riseAt[h];
        out.push(`  hart ${h} line: ${u.reported[h] !== 0 ? 'raised' : 'low'}${rise !== Infinity ? `, rises at cycle ${rise}` : ''}`);
      }
      return out;
    },
  },
  {
    name: 'phys', args: 'on|off', help: 'memory commands use physical (on) or the hart\'s virtual addresses (off, default)',
    run: (ctx, args) => {
      if (args[0] === 'on' || args[0] === 'off') ctx.physical = args[0] === 'on';
      else if (args[0] !== undefined) return ["usage: monitor phys on|off"];
      return [`memory addresses are ${ctx.physical ? 'physical' : "virtual (the selected hart's translation)"}`];
    },
  },
];

/** Runs a monitor command line; returns its output lines. */
export function runMonitor(ctx: MonitorContext, line: string): string[] {
  const [name, ...args] = line.trim().split(/\s+/);
  const cmd = COMMANDS.find((c) => c.name === name);
  if (cmd === undefined) return [`unknown monitor command '${name ?? ''}' (monitor help lists them)`];
  return cmd.run(ctx, args);
}
