import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { parse } from 'yaml';
import { FROZEN_CONTENT } from '../helpers/site.js';

/** A session as its files say, read without the site's own loader: the oracle the outputs are checked against. */
export interface OracleSession {
  season: number;
  code: string;
  topic?: string;
  /** Start and end in the session's zone, or undefined while TBA. */
  start?: DateTime;
  end?: DateTime;
  registration?: string;
  join?: string;
  status: string;
  talks: { file: string; slug: string; title: string; recording?: string; speakers: { name: string; affiliation?: string; website?: string }[] }[];
}

/** Every session of the real content, by season, with its talks. */
export async function readOracleSessions(defaultDuration = 90): Promise<OracleSession[]> {
  const root = path.join(FROZEN_CONTENT, 'seasons');
  const sessions: OracleSession[] = [];
  for (const dir of (await readdir(root)).sort()) {
    const data = parse(await readFile(path.join(root, dir, 'session.yaml'), 'utf8')) as Record<string, string | number | undefined>;
    const start = data.start ? DateTime.fromFormat(String(data.start), 'yyyy-MM-dd HH:mm', { zone: String(data.timezone) }) : undefined;
    const talkFiles = (await readdir(path.join(root, dir))).filter((f) => f.endsWith('.md')).sort();
    const talks = await Promise.all(
      talkFiles.map(async (file) => {
        const text = await readFile(path.join(root, dir, file), 'utf8');
        const front = parse(text.split(/^---$/m)[1]!) as { title: string; recording?: string; speakers: OracleSession['talks'][number]['speakers'] };
        return { file, slug: file.replace(/^(s\d\de\d\d)-.*\.md$/, '$1').replace(/\.md$/, ''), title: front.title, recording: front.recording, speakers: front.speakers };
      }),
    );
    sessions.push({
      season: Number(data.season),
      code: `S${String(data.season).padStart(2, '0')}`,
      topic: data.topic as string | undefined,
      start,
      end: start?.plus({ minutes: Number(data.duration ?? defaultDuration) }),
      registration: data.registration as string | undefined,
      join: data.join as string | undefined,
      status: String(data.status ?? 'scheduled'),
      talks,
    });
  }
  return sessions.sort((a, b) => a.season - b.season);
}

/** "2024-03-25T16:00:00+01:00" */
export function isoOffset(at: DateTime): string {
  return at.toISO({ suppressMilliseconds: true })!;
}
