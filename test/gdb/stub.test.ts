// The stub against the protocol (GDB manual "Remote Protocol"), driving real guest programs.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/machine/machine';
import { buildProgram } from '../../src/link/build';
import { idealProfile, rocketProfile } from '../../src/timing/profiles/index';
import { frame, le64, PROGRAM, session } from './helpers';

const hex = (n: number): string => n.toString(16);

describe('gdb stub', () => {
  it('describes the RV64 registers: x0-x31 and pc in the cpu feature, CSRs named as rvn names them', () => {
    const s = session(PROGRAM);
    const [supported] = s.ask('qSupported:multiprocess+;swbreak+;xmlRegisters=i386');
    expect(supported).toContain('qXfer:features:read+');
    let xml = '';
    for (let more = true; more;) {
      const [part] = s.ask(`qXfer:features:read:target.xml:${xml.length.toString(16)},1000`);
      expect(part[0]).toMatch(/[lm]/);
      more = part[0] === 'm';
      xml += part.slice(1);
    }
    expect(xml.startsWith('<?xml')).toBe(true);
    expect(xml.endsWith('</target>\n')).toBe(true);
    expect(xml).toContain('<architecture>riscv:rv64</architecture>');
    expect(xml).toContain('<feature name="org.gnu.gdb.riscv.cpu">');
    expect(xml).toContain('<reg name="zero" bitsize="64" type="int" regnum="0"/>');
    expect(xml).toContain('<reg name="pc" bitsize="64" type="code_ptr" regnum="32"/>');
    for (const csr of ['mstatus', 'satp', 'utvec', 'uepc', 'suist', 'suirs', 'suicfg']) expect(xml).toMatch(new RegExp(`<reg name="${csr}" `));
  });

  it('stops before the first instruction: pc is the boot ROM (0x1000), registers zero', () => {
    const s = session(PROGRAM);
    expect(s.ask('?')).toEqual(['T05thread:1;']);
    const [g] = s.ask('g');
    expect(g).toHaveLength(33 * 16);
    expect(g.slice(32 * 16)).toBe(le64(0x1000n));
    expect(s.ask('p20')).toEqual([le64(0x1000n)]);
  });

  it('breaks on a symbol, reads registers and memory, steps into a function, and the guest ends as without gdb', () => {
    const s = session(PROGRAM);
    const bump = s.symbol('bump');
    expect(s.ask(`Z0,${hex(bump)},4`)).toEqual(['OK']);
    expect(s.ask('c')).toEqual([]);
    expect(s.run()).toEqual(['T05thread:1;']);
    expect(s.ask('p20')).toEqual([le64(BigInt(bump))]);
    // First call: a0 = 0; counter still 0.
    expect(s.ask('pa')).toEqual([le64(0n)]);
    expect(s.ask(`m${hex(s.symbol('counter'))},8`)).toEqual([le64(0n)]);
    s.ask(`z0,${hex(bump)},4`);
    // Step over the breakpoint address, then twice more (into `ret`, back to the caller).
    expect(s.ask('s')).toEqual([]);
    expect(s.run()).toEqual(['T05thread:1;']);
    // `addi a0, a0, 1` assembles to c.addi (2 bytes).
    expect(s.ask('p20')).toEqual([le64(BigInt(bump + 2))]);
    expect(s.ask('pa')).toEqual([le64(1n)]);
    s.ask('c');
    expect(s.run()).toEqual(['W32']);
    expect(s.last?.reason).toEqual({ kind: 'exit', code: 50, source: 'test-device' });
  });

  it('writing a register changes the result: a0 = 10 at bump makes the program finish after 40 calls, not 50', () => {
    const s = session(PROGRAM);
    const bump = s.symbol('bump');
    s.ask(`Z0,${hex(bump)},4`);
    s.ask('c');
    s.run();
    s.ask(`z0,${hex(bump)},4`);
    expect(s.ask(`Pa=${le64(10n)}`)).toEqual(['OK']);
    s.ask('c');
    // Bump returns 11 to the first call, 10 + k to call k: call 40 brings the counter to 50.
    expect(s.run()).toEqual(['W28']);
    expect(s.ask(`m${hex(s.symbol('counter'))},8`)).toEqual([le64(50n)]);
  });

  it('writes memory with M and X (binary, escaped) and reads it back', () => {
    const s = session(PROGRAM);
    const c = s.symbol('counter');
    expect(s.ask(`M${hex(c)},4:01020304`)).toEqual(['OK']);
    expect(s.ask(`m${hex(c)},4`)).toEqual(['01020304']);
    expect(s.raw(frame(`X${hex(c)},2:}\x03}]`)).packets).toEqual(['OK']);
    expect(s.ask(`m${hex(c)},4`)).toEqual(['237d0304']);
  });

  it('a write watchpoint stops after the store that changes the word', () => {
    const s = session(PROGRAM);
    const c = s.symbol('counter');
    expect(s.ask(`Z2,${hex(c)},8`)).toEqual(['OK']);
    s.ask('c');
    expect(s.run()).toEqual([`T05thread:1;watch:${hex(c)};`]);
    expect(s.ask(`m${hex(c)},8`)).toEqual([le64(1n)]);
    s.ask('c');
    expect(s.run()).toEqual([`T05thread:1;watch:${hex(c)};`]);
    expect(s.ask(`m${hex(c)},8`)).toEqual([le64(2n)]);
    // A read watchpoint fires after the `ld t1, 0(s0)` that reads the 2 back.
    s.ask(`z2,${hex(c)},8`);
    s.ask(`Z3,${hex(c)},8`);
    s.ask('c');
    expect(s.run()).toEqual([`T05thread:1;rwatch:${hex(c)};`]);
    expect(s.ask('p6')).toEqual([le64(2n)]);
  });

  it('one thread per hart: thread list, switching the register thread, a stop names its hart', () => {
    const s = session(PROGRAM, { harts: 2 });
    expect(s.ask('qfThreadInfo')).toEqual(['m1,2']);
    expect(s.ask('qsThreadInfo')).toEqual(['l']);
    expect(s.ask('T2')).toEqual(['OK']);
    expect(s.ask('T3')).toEqual(['E02']);
    const c1 = s.symbol('counter1');
    s.ask(`Z2,${hex(c1)},8`);
    s.ask('c');
    expect(s.run()).toEqual([`T05thread:2;watch:${hex(c1)};`]);
    expect(s.ask('qC')).toEqual(['QC2']);
    // s0 (x8) is &counter on hart 0 and &counter1 on hart 1.
    expect(s.ask('Hg1')).toEqual(['OK']);
    expect(s.ask('p8')).toEqual([le64(BigInt(s.symbol('counter')))]);
    expect(s.ask('Hg2')).toEqual(['OK']);
    expect(s.ask('p8')).toEqual([le64(BigInt(c1))]);
  });

  it('vCont with a thread resumes that hart alone; the others stay where they are', () => {
    const s = session(PROGRAM, { harts: 2 });
    const c = s.symbol('counter');
    s.ask(`Z2,${hex(c)},8`);
    const stop = `T05thread:1;watch:${hex(c)};`;
    s.ask('c');
    expect(s.run()).toEqual([stop]);
    const hart0 = s.machine.harts[0];
    const hart1 = s.machine.harts[1];
    const [cycle1, instret0, instret1] = [hart1.cycle, hart0.instret, hart1.instret];
    s.ask('vCont;c:1');
    expect(s.run()).toEqual([stop]);
    expect(hart0.instret).toBeGreaterThan(instret0);
    expect([hart1.cycle, hart1.instret]).toEqual([cycle1, instret1]);
    s.ask('vCont;c');
    expect(s.run()).toEqual([stop]);
    expect(hart1.instret).toBeGreaterThan(instret1);
  });

  it('stops and continues change neither results nor cycles (2 harts, rocket timing, breakpoints every iteration)', () => {
    const plain = new Machine({ harts: 2, timing: rocketProfile() }, { console: () => {} });
    plain.load(buildProgram([{ name: 'test.S', text: PROGRAM }]), 'test.S');
    const expected = plain.run({ maxCycles: 1e6 });
    const s = session(PROGRAM, { harts: 2, timing: rocketProfile() });
    const bump = s.symbol('bump');
    s.ask(`Z0,${hex(bump)},2`);
    let stops = 0;
    for (;;) {
      s.ask(`z0,${hex(bump)},2`);
      s.ask('vCont;s:1;c');
      s.run();
      s.ask(`Z0,${hex(bump)},2`);
      s.ask('c');
      const r = s.run();
      if (r[0]?.startsWith('W')) break;
      stops++;
    }
    expect(stops).toBe(50);
    expect(s.last?.reason.kind).toBe('exit');
    expect(s.machine.cycles).toBe(expected.cycles);
    expect(s.machine.instret).toBe(expected.instret);
    // Hart 1's count when hart 0 ended depends on how the harts interleaved.
    const regs = (m: Machine): number[][] => m.harts.map((h) => [...Array(32).keys()].map((r) => h.getX(r)));
    expect(regs(s.machine)).toEqual(regs(plain));
    expect(s.machine.harts.map((h) => h.cycle)).toEqual(plain.harts.map((h) => h.cycle));
  });

  it('Ctrl-C stops a running machine (SIGINT); detach lets it run to its end; kill ends it', () => {
    const spin = '    .globl _start\n_start:\n1:  j 1b\n';
    const s = session(spin);
    s.ask('c');
    // The host loop runs a stretch, then sees the interrupt gdb sent meanwhile.
    s.machine.run({ pauseAtCycle: 5000 });
    s.raw('\x03');
    expect(s.run()).toEqual(['T02thread:1;']);
    expect(s.stub.state).toBe('stopped');
    expect(s.ask('D')).toEqual(['OK']);
    expect(s.stub.state).toBe('detached');
    const d = session(PROGRAM);
    d.ask(`Z0,${hex(d.symbol('bump'))},2`);
    d.ask('D');
    d.run();
    // Detached: the breakpoint is gone and the program ran to its end.
    expect(d.last?.reason).toEqual({ kind: 'exit', code: 50, source: 'test-device' });
    const k = session(PROGRAM);
    expect(k.raw(frame('k')).packets).toEqual([]);
    expect(k.stub.state).toBe('killed');
  });

  it('monitor commands print rvn state as O packets', () => {
    const s = session(PROGRAM, { timing: idealProfile() });
    const out = s.ask(`qRcmd,${Buffer.from('cycles').toString('hex')}`);
    expect(out[out.length - 1]).toBe('OK');
    const textOut = out.slice(0, -1).map((p) => Buffer.from(p.slice(1), 'hex').toString()).join('');
    expect(textOut).toContain('hart 0: cycle 0, instret 0, M-mode, pc 0x0000000000001000');
    const uintc = s.ask(`qRcmd,${Buffer.from('uintc').toString('hex')}`);
    expect(uintc.slice(0, -1).map((p) => Buffer.from(p.slice(1), 'hex').toString()).join('')).toContain('no receiver in use');
  });

  it('bad packets get the protocol\'s replies and never throw', () => {
    const s = session(PROGRAM);
    expect(s.raw('$g#00')).toEqual({ acks: '-', packets: [] });
    expect(s.ask('Ysomething')).toEqual(['']);
    expect(s.ask('qNoSuchQuery')).toEqual(['']);
    expect(s.ask('m1000')).toEqual(['E01']);
    expect(s.ask('mzz,4')).toEqual(['E01']);
    expect(s.ask('m1000,ffffffff')).toEqual(['E16']);
    expect(s.ask('m1000,ffffffffffffffff')).toEqual(['E16']);
    expect(s.ask('m0,4')).toEqual(['E0e']);
    expect(s.ask('M80000000,4:0102')).toEqual(['E01']);
    expect(s.ask('pffff')).toEqual(['E01']);
    expect(s.ask('P0=12')).toEqual(['E01']);
    expect(s.ask('Hgff')).toEqual(['E02']);
    expect(s.ask('Z9,1000,4')).toEqual(['E01']);
    expect(s.ask('vCont;x')).toEqual(['E01']);
    expect(s.ask('qXfer:features:read:other.xml:0,100')).toEqual(['E26']);
    const huge = s.raw(frame('M80000000,10000:' + '00'.repeat(0x10000)));
    expect(huge).toEqual({ acks: '+', packets: ['E16'] });
    // Still answering.
    expect(s.ask('qC')).toEqual(['QC1']);
  });

  it('fuzz: random packets never throw and always get a well-formed reply', () => {
    const s = session(PROGRAM, { harts: 2 });
    let seed = 99;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
    const heads = ['m', 'M', 'X', 'g', 'G', 'p', 'P', 'H', 'T', 'Z', 'z', 'q', 'Q', 'v', '?', 'qXfer:features:read:', 'vCont;', 'qRcmd,', 'Hg', 'Hc'];
    const alphabet = '0123456789abcdefABCDEF,:;=-xyz#$}*';
    for (let i = 0; i < 3000; i++) {
      let p = heads[rnd(heads.length)];
      const n = rnd(24);
      for (let k = 0; k < n; k++) p += alphabet[rnd(alphabet.length)];
      // Escape what framing would (the stub then sees the original bytes).
      const body = p.replace(/[#$}*]/g, (c) => '}' + String.fromCharCode(c.charCodeAt(0) ^ 0x20));
      const r = s.raw(`$${body}#${[...body].reduce((a, c) => (a + c.charCodeAt(0)) & 255, 0).toString(16).padStart(2, '0')}`);
      expect(r.acks).toBe('+');
      if (s.stub.state !== 'stopped') {
        // A resume or detach: put the stub back in the stopped state through a Ctrl-C.
        if (s.stub.state === 'killed' || s.stub.state === 'detached') break;
        s.raw('\x03');
        s.run();
      }
    }
  });
});
