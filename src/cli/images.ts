/**
 * Images by name. `npm run build` (`rvn images`) builds the firmware, the kernel and every
 * system described in src/os/systems/ into firmware/<name>.elf (rvn-fw + kernel + programs)
 * and firmware/<name>.payload.elf (kernel + programs, for OpenSBI's fw_jump); `rvn run NAME`
 * boots firmware/NAME.elf. The builds are reproducible: the same sources give the same bytes.
 * Beside each image, firmware/NAME.inputs holds the key of what it was built from
 * (imageInputsKey), so that the experiments can tell whether it is still current.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { RvnError } from '../errors';
import type { SourceTree } from '../os/system/sources';
import { writeUserFile } from './host';
import { packageRoot } from './sources';

/** Where the guest sources live, relative to the repository root. */
const GUEST_DIRS = ['firmware/src', 'src/os', 'src/gtsc/runtime'];
export const SYSTEMS_DIR = 'src/os/systems';
export const IMAGES_DIR = 'firmware';

/** Every guest source (.ts, .S) under the guest directories, by repository-relative path. */
export function readGuestSources(root = packageRoot()): SourceTree {
  const tree = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|S)$/.test(name)) tree.set(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  for (const d of GUEST_DIRS) if (existsSync(join(root, d))) walk(join(root, d));
  return tree;
}

/**
 * The systems that can be built, by name (src/os/systems/NAME.ts: NAME, as systemName of
 * src/os/system/image names them; not imported from there, which would load typescript).
 */
export function systemNames(tree: SourceTree): string[] {
  return [...tree.keys()].filter((p) => p.startsWith(`${SYSTEMS_DIR}/`) && p.endsWith('.ts')).map((p) => p.replace(/^.*\//, '').slice(0, -'.ts'.length)).sort();
}

/** firmware/NAME.elf when NAME is a system's name and its image was built, else undefined. */
export function imageByName(name: string, root = packageRoot()): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) return undefined;
  const path = join(root, IMAGES_DIR, `${name}.elf`);
  if (existsSync(path)) return path;
  if (existsSync(join(root, SYSTEMS_DIR, `${name}.ts`))) {
    throw new RvnError(`the image '${name}' has not been built yet: run npm run build (or rvn images ${name})`);
  }
  return undefined;
}

/** builderKey's result: computed once per process. */
let builderHash: string | undefined;

/**
 * A hash of the code that builds images: every file of the CLI's bundle (dist/) when this runs
 * from it, else every TypeScript file of src/ (tests run the sources). A change to the
 * compiler, assembler or linker therefore changes every image's key.
 */
function builderKey(root: string): string {
  if (builderHash !== undefined) return builderHash;
  const fromDist = fileURLToPath(import.meta.url).includes('/dist/');
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (fromDist ? name.endsWith('.mjs') : name.endsWith('.ts')) h.update(`${relative(root, path)}\0`).update(readFileSync(path)).update('\0');
    }
  };
  walk(join(root, fromDist ? 'dist' : 'src'));
  builderHash = h.digest('hex');
  return builderHash;
}

/**
 * What an image is built from, as one key: the guest sources and the builder's code
 * (builderKey). `rvn images` writes it beside each image (firmware/NAME.inputs), and an
 * image whose key still matches is the one a build from the current sources would give
 * (builds are reproducible), so the experiments take it instead of building it again.
 */
export function imageInputsKey(tree: SourceTree, root = packageRoot()): string {
  const h = createHash('sha256').update(builderKey(root));
  for (const path of [...tree.keys()].sort()) h.update(`\0${path}\0`).update(tree.get(path) as string);
  return h.digest('hex');
}

/** The file that holds the inputs key of image `name` in `dir`. */
export function inputsFile(dir: string, name: string): string {
  return join(dir, `${name}.inputs`);
}

/**
 * The image `name` from `dir` (default firmware/) when it was built from exactly `tree` and
 * the running builder (its inputs key matches), else undefined: then it must be built.
 */
export function builtImage(name: string, tree: SourceTree, dir = join(packageRoot(), IMAGES_DIR)): Uint8Array | undefined {
  const elf = join(dir, `${name}.elf`);
  const key = inputsFile(dir, name);
  try {
    if (!existsSync(elf) || !existsSync(key)) return undefined;
    if (readFileSync(key, 'utf8').trim() !== imageInputsKey(tree)) return undefined;
    return new Uint8Array(readFileSync(elf));
  } catch {
    return undefined; // unreadable: built from the sources instead, as without the file
  }
}

export function registerImages(program: Command): void {
  program
    .command('images')
    .description('build the firmware, the kernel and the systems of src/os/systems into firmware/NAME.elf (rvn-fw + kernel + programs) and firmware/NAME.payload.elf (for OpenSBI)')
    .argument('[names...]', 'systems to build (default: all)')
    .option('--out <dir>', 'where the images go', IMAGES_DIR)
    .option('--list', 'list the systems that can be built')
    .action(async (names: string[], opts: { out: string; list?: boolean }) => {
      // Loaded here, not with the CLI: the system builder pulls in the typescript package,
      // which would add half a second to every other command.
      const { buildFirmware, buildKernel, buildSystem, withGenerated } = await import('../os/system/image');
      const sources = readGuestSources();
      const tree = withGenerated(sources);
      const key = imageInputsKey(sources);
      const all = systemNames(tree);
      if (opts.list) {
        process.stdout.write(all.join('\n') + '\n');
        return;
      }
      const unknown = names.filter((n) => !all.includes(n));
      if (unknown.length > 0) throw new RvnError(`no system named ${unknown.map((n) => `'${n}'`).join(', ')} (there are: ${all.join(', ')})`, 2);
      const wanted = names.length > 0 ? names : all;
      mkdirSync(opts.out, { recursive: true });
      const parts = { kernel: buildKernel(tree), firmware: buildFirmware(tree) };
      for (const name of wanted) {
        const built = buildSystem(tree, `${SYSTEMS_DIR}/${name}.ts`, parts);
        writeUserFile(join(opts.out, `${name}.elf`), built.image);
        writeUserFile(join(opts.out, `${name}.payload.elf`), built.payload);
        writeUserFile(inputsFile(opts.out, name), `${key}\n`);
        process.stderr.write(`rvn images: ${join(opts.out, name)}.elf (${built.image.length} bytes), ${name}.payload.elf\n`);
      }
    });
}
