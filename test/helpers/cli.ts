import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './site.js';

const run = promisify(execFile);

/** The bundled CLI (npm test compiles and bundles first)… */
export const CLI = path.join(ROOT, 'dist/bundle/cli.js');
/** …and Node's arguments to run it as the npm scripts do: started from its snapshot. */
export const CLI_ARGS = ['--snapshot-blob', path.join(ROOT, 'dist/bundle/cli.blob'), CLI];

/** Run the compiled CLI in `cwd` without a terminal; resolves with the exit code instead of throwing. */
export async function runCli(args: string[], cwd: string = ROOT, env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [...CLI_ARGS, ...args], { cwd, env: { ...process.env, GITHUB_ACTIONS: '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
