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
