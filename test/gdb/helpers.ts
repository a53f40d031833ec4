/** Test helpers: a gdb-like client talking to a GdbStub in memory, and a host loop. */
import { GdbStub } from '../../src/gdb/stub';
import { buildProgram } from '../../src/link/build';
import { Machine, type MachineOptions, type RunResult } from '../../src/machine/machine';
import { readElf } from '../../src/elf/reader';
import { idealProfile } from '../../src/timing/profiles/index';

/** Checksum by the protocol's definition: the sum of the data bytes modulo 256. */
export function checksum(data: string): string {
  let s = 0;
  for (const ch of data) s = (s + ch.charCodeAt(0)) % 256;
  return s.toString(16).padStart(2, '0');
}

export function frame(data: string): string {
  return `$${data}#${checksum(data)}`;
}

/** Independent reply parser: splits `+`/`-` and `$...#cc` frames, checks sums, expands run-length encoding. */
export function parseReplies(text: string): { acks: string; packets: string[] } {
  let acks = '';
  const packets: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '+' || c === '-') {
      acks += c;
      i++;
      continue;
    }
    if (c !== '$') throw new Error(`stray byte ${JSON.stringify(c)} in ${JSON.stringify(text)}`);
    const end = text.indexOf('#', i);
    const body = text.slice(i + 1, end);
    if (text.slice(end + 1, end + 3) !== checksum(body)) throw new Error(`bad checksum in ${text.slice(i, end + 3)}`);
    let out = '';
    for (let k = 0; k < body.length; k++) {
      if (body[k] === '*') {
        const n = body.charCodeAt(k + 1) - 29;
        out += out[out.length - 1].repeat(n);
        k++;
      } else out += body[k];
    }
    packets.push(out);
    i = end + 3;
  }
  return { acks, packets };
}

export interface Session {
  machine: Machine;
  stub: GdbStub;
  /** Sends one packet; returns the replies it produced (packets only). */
  ask(data: string): string[];
  /** Sends raw bytes; returns the parsed output. */
  raw(bytes: string | Uint8Array): { acks: string; packets: string[] };
  /** Runs the machine while the stub wants it to (stretches of 1000 cycles); returns the replies sent meanwhile. */
  run(): string[];
  /** The machine's last run result. */
  last: RunResult | undefined;
  symbol(name: string): number;
  output(): string;
}

export function session(source: string, options: MachineOptions = {}, stopped = true): Session {
  let out = '';
  const machine = new Machine({ timing: idealProfile(), ...options }, { console: (b) => (out += new TextDecoder().decode(b)) });
  const elf = buildProgram([{ name: 'test.S', text: source }]);
  machine.load(elf, 'test.S');
  const symbols = readElf(elf).symbols;
  let sent = '';
  const stub = new GdbStub(machine, (b) => (sent += String.fromCharCode(...b)), stopped);
  const raw = (bytes: string | Uint8Array): { acks: string; packets: string[] } => {
    sent = '';
    stub.receive(typeof bytes === 'string' ? Uint8Array.from(bytes, (c) => c.charCodeAt(0)) : bytes);
    return parseReplies(sent);
  };
  return {
    machine,
    stub,
    raw,
    ask: (data) => raw(frame(data)).packets,
    last: undefined,
    run() {
      sent = '';
      while (stub.state === 'running' || stub.state === 'detached') {
        const r = machine.run({ pauseAtCycle: machine.cycles + 1000 });
        this.last = r;
        if (stub.machineStopped(r)) break;
        if (r.reason.kind !== 'paused') break;
      }
      return parseReplies(sent).packets;
    },
    symbol: (name) => {
      const s = symbols.find((x) => x.name === name);
      if (s === undefined) throw new Error(`no symbol ${name}`);
      return Number(s.value);
    },
    output: () => out,
  };
}

/** 64-bit little-endian hex (a register in g/p/P packets). */
export function le64(v: bigint): string {
  let s = '';
  for (let i = 0n; i < 8n; i++) s += ((v >> (8n * i)) & 0xffn).toString(16).padStart(2, '0');
  return s;
}

/** Exit through the SiFive test device with a0 as the code (0 = pass). */
export const EXIT = `
exit:
    li t0, 0x100000
    beqz a0, 1f
    slli a0, a0, 16
    li t1, 0x3333
    or t1, a0, t1
    sw t1, 0(t0)
1:  li t1, 0x5555
    sw t1, 0(t0)
2:  j 2b
`;

/**
 * Hart 0 calls bump() until counter reaches 50 and exits with the number of calls (50, unless a
 * debugger interferes); it reads counter back after each store. Hart 1 (if any) counts in
 * counter1 and sums the values of counter it sees in s3 (a sum that depends on how the harts
 * interleave).
 */
export const PROGRAM = `
    .globl _start
_start:
    csrr t0, mhartid
    bnez t0, other
    la s0, counter
    li s1, 0
    li s2, 0
loop:
    mv a0, s1
    call bump
    addi s2, s2, 1
    mv s1, a0
    sd s1, 0(s0)
    ld t1, 0(s0)
    li t0, 50
    blt t1, t0, loop
    mv a0, s2
    j exit
    .globl bump
    .type bump, @function
bump:
    addi a0, a0, 1
    ret
    .size bump, .-bump
other:
    la s0, counter1
    la s2, counter
1:  ld t1, 0(s0)
    addi t1, t1, 1
    sd t1, 0(s0)
    ld t2, 0(s2)
    add s3, s3, t2
    j 1b
${EXIT}
    .data
    .align 3
    .globl counter
counter: .dword 0
counter1: .dword 0
`;
