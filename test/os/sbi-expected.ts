// What the SBI check payload (test/os/sbi-check) must print: the SBI specification v1.0's
// answers (error codes §3.2, HSM states §9, hart masks §3).
/** The lines every run prints, in order (harts: the number of harts of the machine). */
export function expectedSbiLines(harts: number, implId: string): string[] {
  const lines = [
    'base.get_spec_version: 0 0x1000000',
    `base.get_impl_id: 0 ${implId}`,
    'base.probe(TIME): 0 0x1',
    'base.probe(IPI): 0 0x1',
    'base.probe(RFENCE): 0 0x1',
    'base.probe(HSM): 0 0x1',
    'base.probe(SRST): 0 0x1',
    'base.probe(legacy putchar): 0 0x1',
    'base.probe(0x12345678): 0 0x0', // not an extension: probe says 0 (§4.8)
    'base.get_mvendorid: 0 0x0',
    'base.function 99: -2 0x0', // SBI_ERR_NOT_SUPPORTED
    'extension 0x12345678: -2 0x0',
    'hsm.hart_get_status(0): 0 0x0', // STARTED
    'hsm.hart_get_status(harts): -3 0x0', // SBI_ERR_INVALID_PARAM: no such hart
    'hsm.hart_start(0): -6 0x0', // SBI_ERR_ALREADY_AVAILABLE: it runs
    'hsm.hart_start(harts): -3 0x0',
  ];
  if (harts >= 2) {
    lines.push('hsm.hart_get_status(1): 0 0x1'); // STOPPED until started
    for (let i = 0; i < 2; i++) {
      lines.push(
        'hsm.hart_start(1): 0 0x0',
        'hart 1 started with a0 a1: 0x1 0x5eed', // a0 = hart id, a1 = opaque (§9.1)
        'ipi from hart 1: pending',
        'hart 1 status after hart_stop: 0x1',
      );
    }
  }
  lines.push(
    'ipi.send_ipi(self): 0 0x0',
    'ipi to self: pending', // the IPI arrives as SSIP
    'ipi.send_ipi(hart harts): -3 0x0',
    'time.set_timer(now+200): 0 0x0',
    'timer: fired after the deadline', // STIP, not before mtime reaches the deadline
    'time.set_timer(-1): 0 0x0',
    'timer: stip cleared', // set_timer clears the pending timer interrupt
    'rfence.remote_fence_i(all): 0 0x0',
    'rfence.remote_sfence_vma(all): 0 0x0',
    'srst.system_reset(type 7): -3 0x0', // reserved reset type
    'sbi-check done',
  );
  return lines;
}

/** The payload's lines: from its first line to its last, carriage returns dropped. */
export function payloadLines(stdout: string): string[] {
  const text = stdout.replace(/\r/g, '');
  return text.slice(text.indexOf('sbi-check on hart')).trim().split('\n').slice(1);
}
