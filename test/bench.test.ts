import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateContent } from '../scripts/bench-content.mjs';
import { CLI_ARGS } from './helpers/cli.js';
import { FROZEN_CONTENT, ROOT, tempDirsPerTest } from './helpers/site.js';

// Smoke test of the benchmark's content generator only; the benchmark itself is `npm run bench`.

const run = promisify(execFile);

const freshDir = tempDirsPerTest('lg-bench-test-');

/** Every file below `dir`, relative path → bytes. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const entries = await Promise.all(
    files.map(async (e) => {
      const file = path.join(e.parentPath, e.name);
      return [path.relative(dir, file), await readFile(file)] as const;
    }),
  );
  return new Map(entries.sort(([a], [b]) => a.localeCompare(b)));
}

describe('benchmark content generator', () => {
  it('writes talks that `check` accepts', async () => {
    const content = path.join(await freshDir(), 'content');
    const generated = await generateContent(content, { talks: 6, siteFrom: FROZEN_CONTENT });
    expect(generated.talks).toBe(6);
    expect(generated.talkPaths).toHaveLength(6);

    const { stdout } = await run(process.execPath, [...CLI_ARGS, 'check', '--content', content], { cwd: ROOT, env: { ...process.env, GITHUB_ACTIONS: '' } });
    expect(stdout).toContain('6 talks');
  });

  it('is deterministic: two generations are byte-identical', async () => {
    const dir = await freshDir();
    await generateContent(path.join(dir, 'a'), { talks: 6, siteFrom: FROZEN_CONTENT });
    await generateContent(path.join(dir, 'b'), { talks: 6, siteFrom: FROZEN_CONTENT });
    const a = await snapshot(path.join(dir, 'a'));
    const b = await snapshot(path.join(dir, 'b'));
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect(a.size).toBeGreaterThan(6);
    for (const [file, bytes] of a) expect(bytes.equals(b.get(file)!), file).toBe(true);
  });
});
