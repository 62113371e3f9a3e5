// Start-up from a V8 snapshot (`node --snapshot-blob dist/bundle/cli.blob dist/bundle/cli.js …`, which the
// npm scripts run): the bundle is parsed and its modules evaluated once, when scripts/bundle.mjs builds
// the snapshot, not by every run. Speed only: without the blob, `node dist/bundle/cli.js` runs the same code.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startupSnapshot } from 'node:v8';

/**
 * Run `start` now, or, while scripts/bundle.mjs builds the snapshot, make it what the snapshot runs. The
 * snapshot holds the paths of the folder it was built in (the writer thread, the native image renderer,
 * the cache); run from anywhere but beside the bundle it was built from, it hands over to that bundle.
 */
export function startNowOrFromSnapshot(start: () => void): void {
  if (!startupSnapshot.isBuildingSnapshot()) return start();
  const bundle = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.js');
  startupSnapshot.setDeserializeMainFunction(() => {
    if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === bundle) return start();
    const script = process.argv[1] ?? bundle;
    const child = spawnSync(process.execPath, [script, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exitCode = child.status ?? 1;
  });
}
