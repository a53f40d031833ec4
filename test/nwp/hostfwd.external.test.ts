// Real Linux TCP against the NWP: `rvn run nwp-up-sync --net user --hostfwd` (and
// nwp-up-async: the TCP server's 32 coroutines over the async channel) and 32 Node sockets connecting at once to the forwarded port; each sends bytes the guest's TCP server
// answers one by one through the NWP (the call service), gets every byte back, sends '.', and
// sees the server close. tshark then decodes the wire's capture: every frame, checksums
// checked, nothing malformed. Needs tshark (and the images of `npm run build`).
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startRvn } from '../cli/rvn-process';
import { tsharkFrames, tsharkInstalled } from '../net/tshark';
import { execFileSync } from 'node:child_process';

/** A client: sends `text` (no '.'), waits for it to come back, sends '.', waits for the close. */
function client(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1');
    let got = '';
    sock.setNoDelay(true);
    sock.setTimeout(120_000, () => reject(new Error(`no answer within 120 s (got '${got}')`)));
    sock.on('connect', () => sock.write(text));
    sock.on('data', (d) => {
      got += d;
      if (got.length === text.length) sock.write('.');
    });
    sock.on('error', reject);
    sock.on('close', () => resolve(got));
  });
}

describe.each(['nwp-up-sync', 'nwp-up-async'])('real TCP clients through --hostfwd to the NWP (%s)', (image) => {
  it('32 concurrent connections each get their bytes answered, and the capture decodes cleanly', async () => {
    expect(tsharkInstalled(), 'tshark must be installed (apt-get install tshark)').toBe(true);
    const pcap = join(mkdtempSync(join(tmpdir(), 'rvn-nwp-')), 'nwp.pcap');
    const rvn = startRvn(['run', image, '--net', 'user', '--hostfwd', 'tcp:0:80', '--pcap', pcap]);
    try {
      await rvn.waitFor(() => /hostfwd tcp 127\.0\.0\.1:\d+ → guest port 80/.test(rvn.err()), 60_000, 'the forward');
      await rvn.waitFor(() => rvn.out().includes('tcp-server: 32 handlers on port 80'), 60_000, 'the guest');
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(rvn.err())![1]);
      const texts = Array.from({ length: 32 }, (_, i) => `connection ${i} says: ${'abcdefghijklmnopqrstuvwxyz'.slice(0, 5 + i % 20)}\n`);
      const answers = await Promise.all(texts.map((t) => client(port, t)));
      expect(answers).toEqual(texts);
    } finally {
      rvn.child.kill('SIGINT');
    }
    expect(await rvn.exited).toBe(130);
    const frames = tsharkFrames(pcap);
    expect(frames.length).toBeGreaterThan(32 * 10);
    const verbose = execFileSync('tshark', ['-r', pcap, '-o', 'ip.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE', '-V'], { encoding: 'utf8', maxBuffer: 256 << 20 });
    expect(verbose).not.toMatch(/Malformed/i);
    expect(verbose).not.toMatch(/Checksum Status: Bad|\[Bad/i);
    // Every connection opened, and every one was closed by the server (its FIN) after the '.'.
    const portsWith = (flags: string) => new Set(frames.map((f) => new RegExp(`(?:^|\\s)80 → (\\d+) \\[${flags}\\]`).exec(f)?.[1]).filter((p) => p !== undefined));
    expect(portsWith('SYN, ACK').size).toBe(32);
    expect(portsWith('FIN, ACK').size).toBe(32);
  }, 600_000); // real time on a loaded 2-core VM: 200–250 s each measured
});
