// Packet framing against the GDB manual's definitions (checksums, escapes, run-length encoding).
import { describe, expect, it } from 'vitest';
import { framePacket, MAX_PACKET, PacketReader } from '../../src/gdb/packet';
import { checksum, parseReplies } from './helpers';

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (b: Uint8Array): string => String.fromCharCode(...b);

describe('gdb packet framing', () => {
  it('frames a reply with the checksum the manual defines ("OK" sums to 0x9a)', () => {
    expect(text(framePacket(bytes('OK')))).toBe('$OK#9a');
    expect(text(framePacket(bytes('')))).toBe('$#00');
  });

  it('run-length encodes runs of four or more (the manual: "0* " is four zeros), never with # or $ as the count', () => {
    expect(text(framePacket(bytes('0000')))).toBe(`$0* #${checksum('0* ')}`);
    // Seven zeros would need count '#' (6 extra); eight would need '$' (7 extra).
    for (let n = 1; n <= 200; n++) {
      const framed = text(framePacket(bytes('a' + '0'.repeat(n) + 'b')));
      expect(framed.slice(1, framed.indexOf('#'))).not.toMatch(/\*[#$]/);
      expect(parseReplies(framed).packets).toEqual(['a' + '0'.repeat(n) + 'b']);
    }
  });

  it('escapes $ # } * in binary replies (byte ^ 0x20 after })', () => {
    const framed = text(framePacket(bytes('a$#}*b'), true));
    expect(framed).toBe(`$a}\x04}\x03}]}\x0ab#${checksum('a}\x04}\x03}]}\x0ab')}`);
  });

  it('reads packets split anywhere, with acks and noise between them', () => {
    const r = new PacketReader();
    const stream = `+noise$qC#${checksum('qC')}-+$m1000,4#${checksum('m1000,4')}`;
    const events = [...stream].flatMap((c) => r.push(bytes(c)));
    expect(events.map((e) => (e.kind === 'packet' ? text(e.data) : e.kind))).toEqual(['qC', 'm1000,4']);
  });

  it('unescapes binary data; the checksum covers the escaped bytes', () => {
    const body = 'X0,2:}\x03}]';
    const [ev] = new PacketReader().push(bytes(`$${body}#${checksum(body)}`));
    expect(ev.kind === 'packet' && [...ev.data.subarray(5)]).toEqual([0x23, 0x7d]);
  });

  it('reports a wrong or malformed checksum, a bare Ctrl-C, and an overlong packet', () => {
    const r = new PacketReader();
    expect(r.push(bytes('$qC#00'))).toEqual([{ kind: 'bad-checksum' }]);
    expect(r.push(bytes('$qC#zz'))).toEqual([{ kind: 'bad-checksum' }]);
    expect(r.push(bytes('\x03'))).toEqual([{ kind: 'interrupt' }]);
    expect(r.push(bytes(`$${'m'.repeat(MAX_PACKET + 1)}#00`))).toEqual([{ kind: 'overlong' }]);
    // And it still reads the next good packet.
    expect(r.push(bytes(`$g#${checksum('g')}`)).map((e) => e.kind)).toEqual(['packet']);
  });

  it('never throws on random input (fuzz)', () => {
    let seed = 12345;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    const r = new PacketReader();
    for (let i = 0; i < 2000; i++) {
      const chunk = new Uint8Array(1 + (rnd() % 64));
      // Bias toward the protocol's special bytes.
      const special = [0x24, 0x23, 0x7d, 0x2a, 0x03, 0x2b, 0x2d, 0x30, 0x61];
      for (let k = 0; k < chunk.length; k++) chunk[k] = rnd() < 128 ? special[rnd() % special.length] : rnd();
      expect(() => r.push(chunk)).not.toThrow();
    }
  });
});
