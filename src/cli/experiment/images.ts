/**
 * Boot images that point runners ask for by name (PointContext.image): each name maps to the
 * sources it is built from, relative to the repository, or is a system of src/os/systems (the
 * kernel and its programs, built from the checkout's guest sources as `rvn images` does).
 * Built once per process, on first use.
 */
import { join } from 'node:path';
import { RvnError } from '../../errors';
import { SYSTEMS_DIR, readGuestSources, systemNames } from '../images';
import { buildSources, packageRoot } from '../sources';

const IMAGE_SOURCES: Readonly<Record<string, readonly string[]>> = {};

export interface ImageProvider {
  image(name: string): Promise<Uint8Array>;
}

export function imageProvider(table: Readonly<Record<string, readonly string[]>> = IMAGE_SOURCES): ImageProvider {
  const built = new Map<string, Promise<Uint8Array>>();
  return {
    image(name) {
      let p = built.get(name);
      if (p !== undefined) return p;
      const sources = table[name];
      if (sources !== undefined) p = buildSources(sources.map((s) => join(packageRoot(), s))).then((b) => b.elf);
      else {
        const tree = readGuestSources();
        const systems = systemNames(tree);
        if (!systems.includes(name)) {
          const known = [...Object.keys(table), ...systems];
          return Promise.reject(new RvnError(`no boot image named '${name}' (known: ${known.length > 0 ? known.join(', ') : 'none yet'})`));
        }
        // Loaded on first use: the system builder pulls in typescript, which rvn loads only when needed.
        p = import('../../os/system/image').then(({ buildSystem }) => buildSystem(tree, `${SYSTEMS_DIR}/${name}.ts`).image);
      }
      built.set(name, p);
      return p;
    },
  };
}
