/**
 * Boot images that point runners ask for by name (PointContext.image): each name maps to the
 * sources it is built from, relative to the repository, or is a system of src/os/systems
 * (firmware + kernel + programs, built from the guest sources as `rvn images` builds it).
 * Built once per process, on first use, from the sources as they are (never a stale image):
 * a system's image from `npm run build` (firmware/NAME.elf) is taken as it is when its inputs
 * key shows it was built from these sources by this builder (builtImage), which saves each
 * worker process the seconds of compiling the kernel and programs.
 */
import { join } from 'node:path';
import { RvnError } from '../../errors';
import { SYSTEMS_DIR, builtImage, readGuestSources, systemNames } from '../images';
import { buildSources, packageRoot } from '../sources';

const IMAGE_SOURCES: Readonly<Record<string, readonly string[]>> = {};

/** A system image by name (src/os/systems/NAME.ts), or undefined when there is no such system. */
function systemImage(name: string, imagesDir: string | undefined): Promise<Uint8Array> | undefined {
  const tree = readGuestSources();
  if (!systemNames(tree).includes(name)) return undefined;
  const current = builtImage(name, tree, imagesDir);
  if (current !== undefined) return Promise.resolve(current);
  // Loaded on first use: the system builder pulls in typescript, which rvn loads only when needed.
  return import('../../os/system/image').then(({ buildSystem }) => buildSystem(tree, `${SYSTEMS_DIR}/${name}.ts`).image);
}

export interface ImageProvider {
  image(name: string): Promise<Uint8Array>;
}

/**
 * `table`: images built from listed sources; `imagesDir`: where built system images are looked
 * for (default firmware/ of the package).
 */
export function imageProvider(table: Readonly<Record<string, readonly string[]>> = IMAGE_SOURCES, imagesDir?: string): ImageProvider {
  const built = new Map<string, Promise<Uint8Array>>();
  return {
    image(name) {
      let p = built.get(name);
      if (p !== undefined) return p;
      const sources = table[name];
      p = sources !== undefined ? buildSources(sources.map((s) => join(packageRoot(), s))).then((b) => b.elf) : systemImage(name, imagesDir);
      if (p === undefined) {
        const known = [...Object.keys(table), ...systemNames(readGuestSources())];
        return Promise.reject(new RvnError(`no boot image named '${name}' (known: ${known.join(', ')})`));
      }
      built.set(name, p);
      return p;
    },
  };
}
