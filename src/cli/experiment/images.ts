/**
 * Boot images that point runners ask for by name (PointContext.image): each name maps to the
 * sources it is built from, relative to the repository. Built once per process, on first use.
 * The kernel and benchmark images join this table when they exist (issues 15 and 17).
 */
import { join } from 'node:path';
import { RvnError } from '../../errors';
import { buildSources, packageRoot } from '../sources';

const IMAGE_SOURCES: Readonly<Record<string, readonly string[]>> = {};

export interface ImageProvider {
  image(name: string): Promise<Uint8Array>;
}

export function imageProvider(table: Readonly<Record<string, readonly string[]>> = IMAGE_SOURCES): ImageProvider {
  const built = new Map<string, Promise<Uint8Array>>();
  return {
    image(name) {
      const sources = table[name];
      if (sources === undefined) {
        const known = Object.keys(table);
        return Promise.reject(new RvnError(`no boot image named '${name}' (known: ${known.length > 0 ? known.join(', ') : 'none yet'})`));
      }
      let p = built.get(name);
      if (p === undefined) {
        p = buildSources(sources.map((s) => join(packageRoot(), s))).then((b) => b.elf);
        built.set(name, p);
      }
      return p;
    },
  };
}
