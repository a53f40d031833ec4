/**
 * Device interrupts through the PLIC's S-mode contexts (context 2h+1 for hart h). An IRQ of
 * the system description is bound to a notification with a badge and routed to one hart; when
 * it fires the kernel claims it and signals the notification — a user interrupt if the
 * notification has a receiver. The source stays claimed (the PLIC holds it back) until the
 * driver has served the device and calls IrqAck.
 */
import { Ptr, load32, store32, u64, asm } from '../../gtsc/guest';
import { MAX_IRQS, PLIC_BASE } from './memlayout';
import { Cpu, irqs, Ntfn } from './objects';
import { signal } from './notification';
import { count } from './sched';
import { KSTAT_IRQS } from './syscalls.gen';

const PLIC_PRIORITY = PLIC_BASE;
const PLIC_ENABLE = PLIC_BASE + 0x2000;
const PLIC_CONTEXT = PLIC_BASE + 0x200000;

function context(hart: u64): u64 {
  return 2 * hart + 1;
}

function claimRegister(hart: u64): u64 {
  return PLIC_CONTEXT + 0x1000 * context(hart) + 4;
}

/**
 * Each hart sets up its own S context when it starts: threshold 0 (all priorities above it
 * pass) and the sources bound to it enabled. The boot hart must not enable sources in the
 * context of a hart it has not started yet: the firmware's start-up of that hart may reset its
 * contexts (OpenSBI's warm boot clears every enable bit of the hart's M and S contexts).
 */
export function plicInitHart(hart: u64): void {
  store32(PLIC_CONTEXT + 0x1000 * context(hart), 0);
  for (let irq = 0; irq < MAX_IRQS; irq++) {
    const b = irqs[irq];
    if (b.ntfn === 0 || b.hart !== hart) continue;
    const enable = PLIC_ENABLE + 0x80 * context(hart) + 4 * (irq >>> 5);
    store32(enable, load32(enable) | (1 << (irq & 31)));
  }
}

/** Records the binding and gives the source priority 1; the bound hart enables it (plicInitHart). */
export function irqBind(irq: u64, n: Ptr<Ntfn>, badge: u64, hart: u64): void {
  const b = irqs[irq];
  b.ntfn = n;
  b.badge = badge;
  b.hart = hart;
  store32(PLIC_PRIORITY + 4 * irq, 1);
}

export function handleExternal(cpu: Ptr<Cpu>): void {
  while (true) {
    const irq = load32(claimRegister(cpu.hart));
    if (irq === 0) return;
    count(cpu, KSTAT_IRQS);
    asm('slti x0, {0}, 0x7e5', irq); // hint: irq
    const b = irqs[irq];
    if (b.ntfn !== 0) signal(b.ntfn, b.badge);
    else store32(claimRegister(cpu.hart), irq); // not ours: complete it at once
  }
}

/** IrqAck: the driver is done; the PLIC may deliver the source again. */
export function irqAck(irq: u64): void {
  store32(claimRegister(irqs[irq].hart), irq);
}
