// Calendars and the feed take their revisions from the content's git history: a temporary repository
// with commits at known times, built through the CLI as CI builds it.
import { execFileSync } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { ROOT, tempDir } from './helpers/site.js';

const SESSION = 'content/seasons/s01/session.yaml';
const NOW = '2024-03-01T12:00:00+01:00';
const COMMITS = ['2024-01-10T09:00:00Z', '2024-01-20T10:30:00Z', '2024-02-05T08:15:00Z'];

describe('calendar revisions from the content history', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  const commit = async (when: string, message: string) => {
    git('add', '-A');
    execFileSync('git', ['-c', 'user.name=Organizer', '-c', 'user.email=organizer@example.org', 'commit', '-q', '-m', message], {
      cwd: dir, env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
    });
  };
  const edit = async (from: string, to: string) => {
    const file = path.join(dir, SESSION);
    const text = await readFile(file, 'utf8');
    if (!text.includes(from)) throw new Error(`${from} not in ${SESSION}`);
    await writeFile(file, text.replace(from, to));
  };
  /** The session's event in its own calendar file after a build at NOW. */
  const built = async (...flags: string[]) => {
    const { code, stderr } = await runCli(['build', '--templates', path.join(ROOT, 'templates'), '--now', NOW, ...flags], dir);
    expect(code, stderr).toBe(0);
    const ics = await readFile(path.join(dir, 'public/webinar/s01/s01.ics'), 'utf8');
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    return {
      sequence: vevent.getFirstPropertyValue('sequence'),
      stamp: String(vevent.getFirstPropertyValue('dtstamp')),
      modified: String(vevent.getFirstPropertyValue('last-modified')),
      start: String(vevent.getFirstPropertyValue('dtstart')),
      feed: await readFile(path.join(dir, 'public/webinar/feed.xml'), 'utf8'),
    };
  };

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('lg-history-'));
    await cp(path.join(ROOT, 'test/fixtures/site-basic'), path.join(dir, 'content'), { recursive: true });
    git('init', '-q');
    await commit(COMMITS[0]!, 'S01 announced');
  });
  afterAll(() => cleanup());

  it('counts every move of a session in SEQUENCE and dates DTSTAMP and LAST-MODIFIED at the commit that made it', async () => {
    const first = await built();
    expect([first.sequence, first.stamp, first.modified]).toEqual([0, '2024-01-10T09:00:00Z', '2024-01-10T09:00:00Z']);

    await edit('"2024-03-25 16:00"', '"2024-03-26 16:00"');
    await commit(COMMITS[1]!, 'S01 moves a day');
    const moved = await built();
    expect([moved.sequence, moved.stamp, moved.modified, moved.start]).toEqual([1, '2024-01-20T10:30:00Z', '2024-01-20T10:30:00Z', '2024-03-26T15:00:00Z']);

    // Across the change to summer time: the same local hour is an hour earlier in UTC.
    await edit('"2024-03-26 16:00"', '"2024-04-02 16:00"');
    await commit(COMMITS[2]!, 'S01 moves again');
    const again = await built();
    expect([again.sequence, again.stamp, again.modified, again.start]).toEqual([2, '2024-02-05T08:15:00Z', '2024-02-05T08:15:00Z', '2024-04-02T14:00:00Z']);
    expect(again.feed).toContain(`<updated>2024-02-05T08:15:00Z</updated>`);
  });

  it('gives two builds of one commit the same bytes, and ignores edits that leave the start as it was', async () => {
    const once = await built();
    expect(await built()).toEqual(once);
    await edit('"2024-04-02 16:00"', '"2024-04-02T16:00"');
    await commit('2024-02-10T12:00:00Z', 'the same time, written another way');
    const rewritten = await built();
    expect([rewritten.sequence, rewritten.stamp, rewritten.start]).toEqual([once.sequence, once.stamp, once.start]);
    // The feed entry still tells readers the session's file changed.
    expect(rewritten.feed).toContain('<updated>2024-02-10T12:00:00Z</updated>');
  });

  it('counts a change not committed yet as made at the build\u2019s now', async () => {
    await edit('"2024-04-02T16:00"', '"2024-04-03 16:00"');
    const local = await built();
    expect([local.sequence, local.stamp]).toEqual([3, '2024-03-01T11:00:00Z']);
    git('checkout', '-q', '--', SESSION);
  });

  it('without a history (--no-history, or a copy outside git) takes SEQUENCE from the status and DTSTAMP from the start', async () => {
    const alone = await built('--no-history');
    expect([alone.sequence, alone.stamp]).toEqual([0, alone.start]);
  });
});
