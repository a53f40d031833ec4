// The device tree of a board with a device added as one entry, read by dtc: the new node is
// there with its window and its interrupt, parented to the PLIC.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RVN_BOARD } from '../../src/machine/board';
import { Machine } from '../../src/machine/machine';
import { scratchEntry } from './scratch-device';

describe('board description vs dtc', () => {
  it('dtc -I dtb reads the added device with its reg, interrupt and interrupt parent', () => {
    const m = new Machine({ harts: 2, devices: [...RVN_BOARD.devices, scratchEntry] }, { console: () => undefined });
    const file = join(mkdtempSync(join(tmpdir(), 'rvn-board-')), 'board.dtb');
    writeFileSync(file, m.dtb);
    const dts = execFileSync('dtc', ['-I', 'dtb', '-O', 'dts', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const node = /scratch@10100000 \{([^}]*)\}/.exec(dts);
    expect(node, dts).not.toBeNull();
    const body = node![1];
    expect(body).toContain('reg = <0x00 0x10100000 0x00 0x1000>;');
    expect(body).toContain('interrupts = <0x2a>;');
    expect(body).toContain('compatible = "rvn,scratch";');
    const parent = /interrupt-parent = <(0x[0-9a-f]+)>;/.exec(body)![1];
    const plic = /plic@c000000 \{[^}]*phandle = <(0x[0-9a-f]+)>;/.exec(dts)![1];
    expect(parent).toBe(plic);
  });
});
