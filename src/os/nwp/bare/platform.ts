/**
 * The stack on bare metal (M-mode, one hart, rvn's and QEMU's virt board): the card at
 * 0x1000_8000 with its buffers in a static area, time from `rdtime`, and waiting for the card
 * or a deadline in WFI, with the card's IRQ enabled at the PLIC for hart 0's M-mode context
 * and the CLINT's mtimecmp as the alarm (interrupts stay masked in mstatus: WFI wakes on a
 * pending enabled interrupt without taking it). With `polling` the platform spins instead.
 */
import { Arr, Ptr, csr_set, load32, rdtime, store32, store64, u64, u8, wfi, zeroed } from '../../../gtsc/guest';
import { netConfigDefaults } from '../config';
import type { NetConfig } from '../config';
import { ifaceInit } from '../iface';
import { VNET_DMA_BYTES, vnetArm, vnetDevice, vnetDisarm, vnetInit, vnetInterrupt, vnetRxPending } from '../driver/virtio-net';
import type { VnetConfig } from '../driver/virtio-net';

const VIRTIO_NET_MMIO = 0x10008000;
const VIRTIO_NET_IRQ = 8;
const PLIC = 0x0c000000;
const PLIC_ENABLE_CTX0 = PLIC + 0x2000;
const PLIC_THRESHOLD_CTX0 = PLIC + 0x200000;
const PLIC_CLAIM_CTX0 = PLIC + 0x200004;
const CLINT_MTIMECMP0 = 0x02004000;
const MIE_MTIE = 1 << 7;
const MIE_MEIE = 1 << 11;
/** rvn's (and QEMU virt's) timebase: 10 MHz. */
export const BARE_TICKS_PER_MS = 10000;

const dma = zeroed<Arr<u8, 208896>>(); // VNET_DMA_BYTES + 4 KiB for alignment
const vcfg = zeroed<VnetConfig>();
export const netConfig = zeroed<NetConfig>();
let polling: u64 = 0;

/**
 * Starts the card and the stack: `ip` 0 = DHCP, else a static address with `mask` and
 * `gateway`; `poll` 1 = never sleep (no interrupts). Returns the driver's status (0 = VNET_OK).
 */
export function bareNetInit(ip: u64, mask: u64, gateway: u64, poll: u64, eventIdx: u64): u64 {
  const base = (dma + 4095) & ~4095;
  if (base + VNET_DMA_BYTES > dma + 208896) return 99;
  vcfg.mmio = VIRTIO_NET_MMIO;
  vcfg.dmaVirt = base;
  vcfg.dmaPhys = base;
  vcfg.eventIdx = eventIdx;
  const st = vnetInit(vcfg);
  if (st !== 0) return st;
  netConfigDefaults(netConfig, BARE_TICKS_PER_MS);
  ifaceInit(vnetDevice, netConfig, ip, mask, gateway, rdtime());
  polling = poll;
  if (poll === 0) {
    store32(PLIC + 4 * VIRTIO_NET_IRQ, 1); // priority 1 (0 = never)
    store32(PLIC_ENABLE_CTX0, load32(PLIC_ENABLE_CTX0) | (1 << VIRTIO_NET_IRQ));
    store32(PLIC_THRESHOLD_CTX0, 0);
    store64(CLINT_MTIMECMP0, 0xffffffffffffffff);
    csr_set('mie', MIE_MEIE | MIE_MTIE);
  }
  return 0;
}

export function bareNow(): u64 {
  return rdtime();
}

/** Waits until the card has received a frame or `deadline` (a tick; 0 = no deadline) passed. */
export function bareWait(deadline: u64): void {
  if (polling !== 0) {
    while (vnetRxPending() === 0 && (deadline === 0 || rdtime() < deadline)) {}
    return;
  }
  if (vnetArm() !== 0) return;
  store64(CLINT_MTIMECMP0, deadline !== 0 ? deadline : 0xffffffffffffffff);
  wfi();
  store64(CLINT_MTIMECMP0, 0xffffffffffffffff);
  const irq = load32(PLIC_CLAIM_CTX0);
  if (irq !== 0) {
    if (irq === VIRTIO_NET_IRQ) vnetInterrupt();
    store32(PLIC_CLAIM_CTX0, irq);
  }
  vnetDisarm();
}
