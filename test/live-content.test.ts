import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { ROOT, tempDir } from './helpers/site.js';

/**
 * The live content changes every few weeks, so this is the one test that reads it, and it asserts
 * only what the Pages workflow needs: that `check` and `build` succeed on it today. Every fact of the
 * real site is asserted on the frozen copy in test/fixtures/real-2026-11/ instead.
 */
describe('the live content/ folder', () => {
  let out: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const made = await tempDir('lg-live-');
    out = path.join(made.dir, 'public');
    cleanup = made.cleanup;
  });
  afterAll(() => cleanup());

  it('passes check and builds with no errors, as of now', async () => {
    const check = await runCli(['check'], ROOT);
    expect(check.code, check.stderr).toBe(0);
    const build = await runCli(['build', '--out', out], ROOT);
    expect(build.code, build.stderr).toBe(0);
  });
});
