// Port forwarding with real sockets: rvn runs a guest TCP echo server (examples/net/echo.ts)
// with --hostfwd, and a real host client (a Node socket) connects to the forwarded port,
// sends, gets its bytes back, and closes; Ctrl-C ends rvn with status 130.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startRvn } from '../cli/rvn-process';

function echoOnce(port: number, message: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1');
    let got = '';
    sock.setTimeout(60_000, () => reject(new Error(`no echo within 60 s (got '${got}')`)));
    sock.on('connect', () => {
      sock.write(message);
      sock.end(); // half-close: the guest echoes, then closes its side
    });
    sock.on('data', (d) => (got += d));
    sock.on('error', reject);
    sock.on('close', () => resolve(got));
  });
}

describe('--hostfwd', () => {
  it('a real client reaches the guest TCP echo server through a forwarded port', async () => {
    const rvn = startRvn(['run', 'examples/net/echo.ts', '--net', 'user', '--hostfwd', 'tcp:0:7']);
    try {
      await rvn.waitFor(() => /hostfwd tcp 127\.0\.0\.1:\d+ → guest port 7/.test(rvn.err()), 60_000, 'the forward');
      await rvn.waitFor(() => rvn.out().includes('echo: listening'), 60_000, 'the guest');
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(rvn.err())![1]);
      expect(await echoOnce(port, 'hello through the forward\n')).toBe('hello through the forward\n');
      expect(await echoOnce(port, 'and again')).toBe('and again');
      await rvn.waitFor(() => (rvn.out().match(/echo: closed/g) ?? []).length === 2, 30_000, 'the guest to see both closes');
      expect(rvn.out()).toMatch(/echo: connection from 10\.0\.2\.2:49152\n/);
    } finally {
      rvn.child.kill('SIGINT');
    }
    expect(await rvn.exited).toBe(130);
    expect(rvn.err()).toMatch(/rvn: interrupted: hart 0 pc 0x[0-9a-f]+.*; \d+ instructions/);
  }, 180_000);
});
