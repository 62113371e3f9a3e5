import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/site.js';

const run = promisify(execFile);
const SCRIPT = path.join(ROOT, 'scripts/touches-code.sh');

/** scripts/touches-code.sh, which decides in both workflows whether the test suite runs. */
describe('scripts/touches-code.sh', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const git = async (...args: string[]) => (await run('git', args, { cwd: dir })).stdout.trim();
  const touchesCode = async (base: string, head = 'HEAD') => (await run(SCRIPT, [base, head], { cwd: dir })).stdout.trim();
  /** Write files and commit them; the new commit's hash. */
  async function commit(files: Record<string, string>): Promise<string> {
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    await git('add', '-A');
    await git('-c', 'user.name=Organizer', '-c', 'user.email=organizer@example.org', 'commit', '-qm', 'edit');
    return git('rev-parse', 'HEAD');
  }

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('lg-git-'));
    await git('init', '-q');
    await commit({ 'content/seasons/s10/session.yaml': 'season: 10\n', 'src/cli.ts': '// cli\n' });
  });
  afterAll(() => cleanup());

  it('says false for a change to content/ only, such as announcing a session', async () => {
    const before = await git('rev-parse', 'HEAD');
    await commit({ 'content/seasons/s10/session.yaml': 'season: 10\nstart: "2027-01-18 16:00"\ntimezone: Europe/Copenhagen\n' });
    expect(await touchesCode(before)).toBe('false');
  });

  it('says true for a change to the generator, its templates or its packages, also beside a content change', async () => {
    for (const file of ['src/cli.ts', 'templates/base.njk', 'package.json', '.github/workflows/pages.yml']) {
      const before = await git('rev-parse', 'HEAD');
      await commit({ [file]: `changed ${file}\n`, 'content/site.yaml': `title: ${file}\n` });
      expect(await touchesCode(before), file).toBe('true');
    }
  });

  it('says true when the commit before is unknown (a new branch, a force push), and false when nothing changed', async () => {
    expect(await touchesCode('0000000000000000000000000000000000000000')).toBe('true');
    expect(await touchesCode('')).toBe('true');
    expect(await touchesCode('1234567')).toBe('true');
    expect(await touchesCode('HEAD')).toBe('false');
  });
});
