// `npm ci` prints no install-scripts warning: npm 11 blocks dependency install scripts unless
// package.json's allowScripts decides about them, and warns about each package it has not.
// esbuild's postinstall only re-checks and re-links its native binary, which the
// @esbuild/<platform> package already provides, so it is denied.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

function installedPackages(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) out.push(...readdirSync(join(dir, name)).map((n) => join(name, n)));
    else out.push(name);
  }
  return out;
}

describe('npm install', () => {
  it('every installed package with an install script is decided in allowScripts', () => {
    const allow = (JSON.parse(readFileSync('package.json', 'utf8')) as { allowScripts?: Record<string, boolean> }).allowScripts ?? {};
    const withScripts = installedPackages('node_modules').filter((p) => {
      const file = join('node_modules', p, 'package.json');
      if (!existsSync(file)) return false;
      const scripts = (JSON.parse(readFileSync(file, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
      return INSTALL_SCRIPTS.some((s) => s in scripts);
    });
    expect(withScripts).toContain('esbuild');
    for (const p of withScripts) expect(allow, p).toHaveProperty([p]);
  });
});
