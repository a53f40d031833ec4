// The experiments' image provider (src/cli/experiment/images.ts) takes a system's image from
// the images directory only when the inputs key written beside it (rvn images) matches the
// current guest sources and builder; otherwise it builds the image from the sources. The key
// must change with any guest source, and a built image must equal what `rvn images` writes
// (builds are reproducible), or taking the file would change what the experiments run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { imageProvider } from '../../src/cli/experiment/images';
import { SYSTEMS_DIR, imageInputsKey, inputsFile, readGuestSources } from '../../src/cli/images';
import { buildFirmware, buildKernel, buildSystem, withGenerated } from '../../src/os/system/image';

const dir = mkdtempSync(join(tmpdir(), 'rvn-images-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('experiment images', () => {
  const sources = readGuestSources();

  it('the inputs key changes with any guest source and only with the sources', () => {
    const key = imageInputsKey(sources);
    expect(imageInputsKey(new Map(sources))).toBe(key);
    const path = `${SYSTEMS_DIR}/hello.ts`;
    const edited = new Map(sources);
    edited.set(path, `${sources.get(path)}\n// an edit\n`);
    expect(imageInputsKey(edited)).not.toBe(key);
    const extra = new Map(sources);
    extra.set('src/os/new-file.ts', '');
    expect(imageInputsKey(extra)).not.toBe(key);
  });

  it('takes the images directory\'s file only while its key matches, else builds the same bytes rvn images writes', async () => {
    // What rvn images writes for 'hello' (kernel and firmware built once for all systems).
    const tree = withGenerated(sources);
    const fromImages = buildSystem(tree, `${SYSTEMS_DIR}/hello.ts`, { kernel: buildKernel(tree), firmware: buildFirmware(tree) }).image;
    // A stand-in file: if the provider returns it, it took the file rather than building.
    const standIn = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 1, 2, 3]);
    writeFileSync(join(dir, 'hello.elf'), standIn);

    writeFileSync(inputsFile(dir, 'hello'), `${imageInputsKey(sources)}\n`);
    expect(await imageProvider({}, dir).image('hello')).toEqual(standIn);

    writeFileSync(inputsFile(dir, 'hello'), `${'0'.repeat(64)}\n`);
    const rebuilt = await imageProvider({}, dir).image('hello');
    expect(rebuilt).not.toEqual(standIn);
    expect(rebuilt).toEqual(fromImages);

    // No key file at all (images from before keys existed): built too.
    rmSync(inputsFile(dir, 'hello'));
    expect(await imageProvider({}, dir).image('hello')).toEqual(fromImages);
  }, 120_000);
});
