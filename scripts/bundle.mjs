// Bundles the CLI into one file, dist/bundle/cli.js (and the writer thread beside it), for start-up:
// Node resolves and links about 400 module files for the unbundled build, which cost 0.4–0.8 s of every
// run (more with a cold disk); one file costs a few tens of milliseconds. esbuild-wasm: no native binary.
// Packages stay outside the bundle when they cannot move: resvg (a native addon) and the DejaVu fonts
// (files found next to their package).
import { build } from 'esbuild-wasm';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;

/** With --if-stale (npm run build, dev, check, new): nothing to do when no source is newer than the bundle. */
async function isFresh() {
  const built = await stat(`${outdir}/cli.js`).then((s) => s.mtimeMs, () => 0);
  if (built === 0) return false;
  const sources = (await readdir(`${root}src`, { recursive: true })).map((f) => path.join(root, 'src', f));
  const times = await Promise.all([...sources, `${root}package-lock.json`].map((f) => stat(f).then((s) => s.mtimeMs, () => Infinity)));
  return times.every((t) => t <= built);
}
if (process.argv.includes('--if-stale') && (await isFresh())) process.exit(0);

await rm(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', 'writer-thread': 'src/speed/writer-thread.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: ['@resvg/resvg-js', 'dejavu-fonts-ttf', 'fsevents'],
  // CommonJS packages (nunjucks, gray-matter) call require(); ESM output needs one made for it.
  banner: { js: "import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);" },
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.entries(result.metafile.outputs).map(([file, out]) => `${file.replace(/^.*dist\//, 'dist/')} ${(out.bytes / 1024).toFixed(0)} KiB`);
if (process.argv.includes('--verbose')) console.log(bytes.join('\n'));
