/**
 * `import text from './file?raw'`: the file's text, embedded when the code is bundled (Vite and
 * vitest natively; esbuild through the plugin in scripts/build-cli.mjs). Used to ship the guest
 * runtime inside the package instead of reading it from the checkout at run time.
 */
declare module '*?raw' {
  const text: string;
  export default text;
}
