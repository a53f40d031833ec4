/**
 * The kernel's system calls, as one table. It generates the kernel's syscall numbers
 * (src/os/kernel/syscalls.gen.ts) and the user-side stubs (src/os/user/sys.gen.ts and
 * sys.gen.S); `test/os/syscalls.test.ts` checks the committed files match.
 *
 * Calling convention (docs/os.md): a7 = number; a0 = the capability slot (or first argument);
 * a1 = message info; a2..a5 = message registers 0..3; a6 = the reply capability of Recv,
 * NBRecv and ReplyRecv. The kernel returns a0 >= 0 on success (a badge, a word, an index or 0)
 * and a negative error code (ERRORS) otherwise; IPC returns the message in a1..a5. Every other
 * register is preserved.
 *
 * Stub kinds: 'in' sends the Msg (info, mr0..3) the stub is given; 'out' receives into it;
 * 'inout' does both (Call, ReplyRecv); 'plain' passes up to four integer arguments.
 */

export type StubKind = 'plain' | 'in' | 'out' | 'inout';

export interface SyscallDef {
  readonly name: string;
  readonly number: number;
  readonly kind: StubKind;
  /** Integer parameters of the stub before the Msg pointer (a0, then a6 when `reply`). */
  readonly params: readonly string[];
  /** The stub's second parameter goes to a6 (the reply capability). */
  readonly reply?: boolean;
  readonly doc: string;
}

export const SYSCALLS: readonly SyscallDef[] = [
  { name: 'Call', number: 1, kind: 'inout', params: ['ep'], doc: 'send a message on an endpoint and wait for the reply' },
  { name: 'ReplyRecv', number: 2, kind: 'inout', params: ['ep', 'reply'], reply: true, doc: 'reply to the caller held by a reply object, then wait on an endpoint' },
  { name: 'Send', number: 3, kind: 'in', params: ['ep'], doc: 'send a message, waiting for a receiver' },
  { name: 'NBSend', number: 4, kind: 'in', params: ['ep'], doc: 'send a message if a receiver waits (E_WOULD_BLOCK otherwise)' },
  { name: 'Recv', number: 5, kind: 'out', params: ['ep', 'reply'], reply: true, doc: 'wait for a message (or a signal of the bound notification); a Call binds its caller to the reply object' },
  { name: 'NBRecv', number: 6, kind: 'out', params: ['ep', 'reply'], reply: true, doc: 'receive a message if one waits (E_WOULD_BLOCK otherwise)' },
  { name: 'Reply', number: 7, kind: 'in', params: ['reply'], doc: 'reply to the caller held by a reply object' },
  { name: 'Yield', number: 8, kind: 'plain', params: [], doc: 'give the rest of the time slice to threads of the same priority' },
  { name: 'Signal', number: 9, kind: 'plain', params: ['ntfn'], doc: "OR the capability's badge into a notification (or the UINTC pending bits of its receiver)" },
  { name: 'Wait', number: 10, kind: 'plain', params: ['ntfn'], doc: 'wait for a notification; returns its word and clears it' },
  { name: 'Poll', number: 11, kind: 'plain', params: ['ntfn'], doc: "return a notification's word (0 if none) and clear it, without waiting" },
  { name: 'GetClock', number: 12, kind: 'plain', params: [], doc: 'the cycle counter (rdcycle) of the calling hart' },
  { name: 'DebugPutChar', number: 13, kind: 'plain', params: ['c'], doc: 'write one character to the kernel console' },
  { name: 'UintrRegisterReceiver', number: 14, kind: 'plain', params: ['ntfn'], doc: 'make the caller the user-interrupt receiver of a notification; returns its UINTC index' },
  { name: 'UintrRegisterSender', number: 15, kind: 'plain', params: ['ntfn'], doc: "give the caller a sender-table entry for a notification's receiver; returns the entry index for uipi SEND" },
  { name: 'IrqAck', number: 16, kind: 'plain', params: ['irq'], doc: 'acknowledge an IRQ delivered to the notification it is bound to (PLIC complete)' },
  { name: 'DebugWrite', number: 17, kind: 'plain', params: ['ptr', 'len'], doc: "write len bytes of the caller's memory to the kernel console" },
  { name: 'DebugHalt', number: 18, kind: 'plain', params: ['code'], doc: 'power the machine off (SBI system reset: 0 = success, otherwise system failure)' },
  { name: 'DebugStat', number: 19, kind: 'plain', params: ['which'], doc: 'a kernel counter summed over harts (KSTAT_*)' },
  { name: 'DebugSetFastpath', number: 20, kind: 'plain', params: ['on'], doc: 'switch the IPC fast path on (1) or off (0); returns the previous setting' },
  { name: 'ThreadExit', number: 21, kind: 'plain', params: [], doc: 'stop the calling thread for good' },
];

export interface ErrorDef {
  readonly name: string;
  readonly code: number;
  readonly doc: string;
}

export const ERRORS: readonly ErrorDef[] = [
  { name: 'E_INVALID_CAP', code: -1, doc: 'the slot is empty or beyond the capability table' },
  { name: 'E_WRONG_KIND', code: -2, doc: 'the capability names another kind of object' },
  { name: 'E_NO_RIGHTS', code: -3, doc: 'the capability lacks the right the call needs' },
  { name: 'E_BAD_ADDRESS', code: -4, doc: "a pointer is not the caller's own (readable) memory" },
  { name: 'E_WOULD_BLOCK', code: -5, doc: 'a non-blocking call found no partner' },
  { name: 'E_INVALID_ARG', code: -6, doc: 'an argument is out of range (message length, counter number)' },
  { name: 'E_NO_REPLY', code: -7, doc: 'the reply object holds no caller, or the receiver of a Call had none' },
  { name: 'E_BUSY', code: -8, doc: 'already bound to another thread, or the reply object still holds a caller' },
  { name: 'E_NO_UINTR', code: -9, doc: 'user interrupts are not available (no N/UINTR, or the firmware does not delegate USIP)' },
  { name: 'E_NOT_BOUND', code: -10, doc: 'the notification has no user-interrupt receiver' },
];

/** Kernel counters readable with DebugStat (summed over harts). */
export const KSTATS: readonly { name: string; doc: string }[] = [
  { name: 'KSTAT_FASTPATH_CALL', doc: 'Calls completed by the fast path' },
  { name: 'KSTAT_FASTPATH_REPLY_RECV', doc: 'ReplyRecvs completed by the fast path' },
  { name: 'KSTAT_SLOWPATH_CALL', doc: 'Calls handled by the slow path' },
  { name: 'KSTAT_SLOWPATH_REPLY_RECV', doc: 'ReplyRecvs handled by the slow path' },
  { name: 'KSTAT_CROSS_HART_WAKEUPS', doc: 'threads made ready on another hart' },
  { name: 'KSTAT_IPIS_SENT', doc: 'IPI requests sent through the firmware (each to one or more harts)' },
  { name: 'KSTAT_TIMER_TICKS', doc: 'timer interrupts' },
  { name: 'KSTAT_CONTEXT_SWITCHES', doc: 'switches from one thread (or idle) to another' },
  { name: 'KSTAT_IRQS', doc: 'device interrupts claimed' },
  { name: 'KSTAT_FAULTS', doc: 'user threads stopped by a fault' },
  { name: 'KSTAT_UINTR_SIGNALS', doc: 'signals turned into UINTC pending bits' },
  { name: 'KSTAT_UINTR_WAKEUPS', doc: 'receivers blocked in Wait woken because their UINTC entry got pending bits (a uipi SEND)' },
];

/** Message-info word: length in bits 6..0, label from bit 12 (docs/os.md). */
export const MSG_LENGTH_BITS = 7;
export const MSG_LABEL_SHIFT = 12;
/** Message registers passed in a2..a5; the rest go through the IPC buffer. */
export const REGISTER_MRS = 4;
/** Longest message, in words. */
export const MAX_MSG_WORDS = 120;
/** Label of the message info a Recv returns when it delivers a bound notification's word. */
export const NOTIFICATION_LABEL = 0xfff;

const HEADER = (what: string) =>
  `// GENERATED from src/os/system/syscalls.ts by generateSyscallFiles() — do not edit.\n// ${what}\n`;

function constants(): string[] {
  const lines: string[] = [];
  for (const s of SYSCALLS) lines.push(`export const SYS_${snake(s.name)} = ${s.number};`);
  lines.push(`export const SYSCALL_MAX = ${Math.max(...SYSCALLS.map((s) => s.number))};`, '');
  for (const e of ERRORS) lines.push(`/** ${e.doc} */`, `export const ${e.name} = ${e.code};`);
  lines.push('');
  KSTATS.forEach((k, i) => lines.push(`/** ${k.doc} */`, `export const ${k.name} = ${i};`));
  lines.push(`export const KSTAT_COUNT = ${KSTATS.length};`, '');
  lines.push(
    `export const MSG_LENGTH_MASK = ${(1 << MSG_LENGTH_BITS) - 1};`,
    `export const MSG_LABEL_SHIFT = ${MSG_LABEL_SHIFT};`,
    `export const REGISTER_MRS = ${REGISTER_MRS};`,
    `export const MAX_MSG_WORDS = ${MAX_MSG_WORDS};`,
    `export const NOTIFICATION_LABEL = ${NOTIFICATION_LABEL};`,
  );
  return lines;
}

/** "ReplyRecv" → "REPLY_RECV", "NBSend" → "NB_SEND". */
export function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toUpperCase();
}

function kernelFile(): string {
  return `${HEADER('Syscall numbers, error codes and kernel counters for the kernel.')}\n${constants().join('\n')}\n`;
}

function userTs(): string {
  const lines = [
    HEADER('User-side system call stubs: the message stubs are in sys.gen.S, the plain ones here.'),
    "import { Arr, Ptr, ecall, i64, u64 } from '../../gtsc/guest';",
    '',
    '/** A message: the badge it came with, its info word and message registers 0..3 (a0..a5). */',
    'export interface Msg {',
    '  badge: u64;',
    '  info: u64;',
    '  mr: Arr<u64, 4>;',
    '}',
    '',
    ...constants(),
    '',
  ];
  for (const s of SYSCALLS) {
    lines.push(`/** ${s.doc} */`);
    if (s.kind === 'plain') {
      const params = s.params.map((p) => `${p}: u64`).join(', ');
      const args = [`SYS_${snake(s.name)}`, ...s.params].join(', ');
      lines.push(`export function ${s.name}(${params}): i64 {`, `  return ecall(${args});`, '}');
    } else {
      const params = [...s.params.map((p) => `${p}: u64`), 'm: Ptr<Msg>'].join(', ');
      lines.push(`export declare function ${s.name}(${params}): i64;`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Assembly of one message stub: load what it sends from the Msg, ecall, store what it receives. */
function messageStub(s: SyscallDef): string[] {
  const msg = s.reply ? 'a2' : 'a1'; // the Msg pointer follows the integer parameters
  const sends = s.kind === 'in' || s.kind === 'inout';
  const receives = s.kind === 'out' || s.kind === 'inout';
  const out = [`    .globl ${s.name}`, `${s.name}:`, `    mv      t0, ${msg}`];
  if (s.reply) out.push('    mv      a6, a1');
  if (sends) {
    out.push('    ld      a1, 8(t0)');
    for (let i = 0; i < REGISTER_MRS; i++) out.push(`    ld      a${2 + i}, ${16 + 8 * i}(t0)`);
  }
  out.push(`    li      a7, ${s.number}`, '    ecall');
  if (receives) {
    out.push('    bltz    a0, 1f', '    sd      a0, 0(t0)', '    sd      a1, 8(t0)');
    for (let i = 0; i < REGISTER_MRS; i++) out.push(`    sd      a${2 + i}, ${16 + 8 * i}(t0)`);
    out.push('1:');
  }
  out.push('    ret', '');
  return out;
}

function userAsm(): string {
  const lines = [
    HEADER('Message system call stubs (the Msg layout: badge 0, info 8, mr[0..3] 16..40).').replace(/\/\//g, '#'),
    '# The kernel preserves t0 across a system call, so it keeps the Msg pointer.',
    '    .text',
  ];
  for (const s of SYSCALLS) if (s.kind !== 'plain') lines.push(...messageStub(s));
  const exit = SYSCALLS.find((s) => s.name === 'ThreadExit')!;
  lines.push(
    '# A thread whose entry function returns comes here (the kernel starts it with ra = __thread_exit).',
    '    .globl __thread_exit',
    '__thread_exit:',
    `    li      a7, ${exit.number}`,
    '    ecall',
    '    j       __thread_exit',
    '',
  );
  return lines.join('\n');
}

/** The generated files, by repository path. */
export function generateSyscallFiles(): Map<string, string> {
  return new Map([
    ['src/os/kernel/syscalls.gen.ts', kernelFile()],
    ['src/os/user/sys.gen.ts', userTs()],
    ['src/os/user/sys.gen.S', userAsm()],
  ]);
}
