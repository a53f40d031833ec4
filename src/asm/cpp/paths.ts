/** '/'-separated path helpers for #include (the library imports no node: modules). */

/** The directory part of a path ('' for a bare file name), as GCC uses it for "..." includes. */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : i === 0 ? '/' : path.slice(0, i);
}

/** `dir/name` as GCC forms it (no normalisation: `../env/p/../encoding.h` stays as written). */
export function joinPath(dir: string, name: string): string {
  if (dir === '' || dir === '.') return dir === '.' ? `./${name}` : name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** `a/b/../c/./d` -> `a/c/d`: the identity of a file for `#pragma once`. */
export function normalizePath(path: string): string {
  const abs = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || !abs) out.push(part);
  }
  return (abs ? '/' : '') + out.join('/');
}
