// Bundles the CLI into one file, dist/bundle/cli.js (and the writer thread beside it), for start-up:
// Node resolves and links about 400 module files for the unbundled build, which cost 0.4–0.8 s of every
// run (more with a cold disk); one file costs a few tens of milliseconds. esbuild-wasm: no native binary.
// Packages stay outside the bundle when they cannot move: resvg (a native addon) and the DejaVu fonts
// (files found next to their package).
//
// Then the start-up snapshot (src/speed/startup-snapshot.ts): the same code bundled as one CommonJS
// script, which Node 20 requires of a snapshot, evaluated once by `node --build-snapshot` into
// dist/bundle/cli.blob, which the npm scripts start from. A blob belongs to one Node binary and one
// folder: dist/bundle/cli.blob.json records both, and --if-stale builds again when either changed.
import { build } from 'esbuild-wasm';
import { spawnSync } from 'node:child_process';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
const STAMP = `${outdir}/cli.blob.json`;
const stamp = { node: process.version, execPath: process.execPath, folder: outdir };

/** With --if-stale (npm run build, dev, check, new): nothing to do when no source is newer than the bundle. */
async function isFresh() {
  const built = await stat(`${outdir}/cli.blob`).then((s) => s.mtimeMs, () => 0);
  if (built === 0) return false;
  if ((await readFile(STAMP, 'utf8').catch(() => '')) !== JSON.stringify(stamp)) return false;
  const sources = (await readdir(`${root}src`, { recursive: true })).map((f) => path.join(root, 'src', f));
  const times = await Promise.all([...sources, `${root}package-lock.json`].map((f) => stat(f).then((s) => s.mtimeMs, () => Infinity)));
  return times.every((t) => t <= built);
}
if (process.argv.includes('--if-stale') && (await isFresh())) process.exit(0);

await rm(outdir, { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['@resvg/resvg-js', 'dejavu-fonts-ttf', 'fsevents'],
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  metafile: true,
};
const [result, snapshotScript] = await Promise.all([
  build({
    ...common,
    entryPoints: { cli: 'src/cli.ts', 'writer-thread': 'src/speed/writer-thread.ts' },
    format: 'esm',
    // CommonJS packages (nunjucks, gray-matter) call require(); ESM output needs one made for it.
    banner: { js: "import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: { 'cli-snapshot': 'src/cli.ts' },
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    // The script's own address, where the ES module asks import.meta.url.
    define: { 'import.meta.url': '__lgScriptUrl' },
    banner: { js: "const __lgScriptUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
]);
// Node warns of the built-in modules the bundle loads whose snapshot support it has "not yet fully
// verified" (child_process, worker_threads, readline, module); the tests run the CLI from this blob.
const buildSnapshot = (script) =>
  spawnSync(process.execPath, ['--snapshot-blob', 'cli.blob', '--build-snapshot', script], { cwd: outdir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
const snapshot = buildSnapshot('cli-snapshot.cjs');
if (snapshot.status !== 0) {
  // A Node release that cannot snapshot the bundle must not stop a build: a blob that only starts the
  // plain bundle (one more process start) keeps the npm scripts working.
  const reason = (snapshot.stderr || snapshot.error?.message || '').trim().split('\n').slice(0, 3).join(' ');
  process.stderr.write(`warning: no start-up snapshot of the CLI with Node ${process.version} (${reason}); the npm scripts start the bundle without it\n`);
  await writeFile(
    `${outdir}/hand-over.cjs`,
    "require('node:v8').startupSnapshot.setDeserializeMainFunction(() => { process.exitCode = require('node:child_process').spawnSync(process.execPath, process.argv.slice(1), { stdio: 'inherit' }).status ?? 1; });\n",
  );
  const handOver = buildSnapshot('hand-over.cjs');
  if (handOver.status !== 0) throw new Error(`node --build-snapshot failed (exit ${handOver.status}): ${handOver.stderr}`);
}
await writeFile(STAMP, JSON.stringify(stamp));
const outputs = { ...result.metafile.outputs, ...snapshotScript.metafile.outputs, 'dist/bundle/cli.blob': { bytes: (await stat(`${outdir}/cli.blob`)).size } };
const bytes = Object.entries(outputs).map(([file, out]) => `${file.replace(/^.*dist\//, 'dist/')} ${(out.bytes / 1024).toFixed(0)} KiB`);
if (process.argv.includes('--verbose')) console.log(bytes.join('\n'));
