/**
 * tshark (Wireshark's command-line reader) as an independent judge of pcap files: every
 * frame must be decoded, with the IP, UDP and TCP checksums checked, and no malformed or
 * bad-checksum mark and no expert warning or error anywhere. Used by the external tests.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { expect } from 'vitest';

const CHECKSUMS = ['-o', 'ip.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE'];

export function tsharkInstalled(): boolean {
  return spawnSync('tshark', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Decodes `file`; returns one line per frame: "number<TAB>protocols<TAB>info". */
export function tsharkFrames(file: string): string[] {
  const out = execFileSync('tshark', ['-r', file, ...CHECKSUMS, '-T', 'fields', '-E', 'separator=/t', '-e', 'frame.number', '-e', 'frame.protocols', '-e', '_ws.col.Info'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return out.trimEnd().split('\n').filter((l) => l.length > 0);
}

/** Fails the test on anything tshark marks as malformed, a bad checksum, or an expert warning/error. */
export function expectCleanDecode(file: string): void {
  const verbose = execFileSync('tshark', ['-r', file, ...CHECKSUMS, '-V'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  expect(verbose).not.toMatch(/Malformed/i);
  expect(verbose).not.toMatch(/Checksum Status: Bad|\[Bad|incorrect/i);
  expect(verbose).not.toMatch(/Expert Info \((Warning|Error)/);
  const expert = execFileSync('tshark', ['-r', file, ...CHECKSUMS, '-q', '-z', 'expert,warn'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  expect(expert).not.toMatch(/\b(Warn|Error)s? \(\d+\)/);
}
