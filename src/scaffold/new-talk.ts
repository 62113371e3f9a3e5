import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_LAYOUT, readContent, type RawYamlFile } from '../load/read-content.js';
import { seasonSlug } from '../model/codes.js';
import { formatSessionFile, formatTalkFile, formatTalkFileName } from './format-files.js';

/** What `new` was asked for; missing parts are asked for in a terminal. */
export interface NewTalkRequest {
  season?: number;
  /** Defaults to the next free episode number of the season. */
  episode?: number;
  title?: string;
  speakers: string[];
}

/** What the content folder already holds, as `new` needs it. */
export interface ExistingContent {
  /** The highest season with a session file, the default for a new talk. */
  latestSeason: number | undefined;
  /** Folder (absolute) of each season's session file. */
  sessionFolders: Map<number, string>;
  /** Episode numbers in use, by season, and the file using each. */
  episodes: Map<number, Map<number, string>>;
}

/** Read seasons and episodes from the content folder, even from files with mistakes elsewhere. */
export async function readExisting(contentDir: string): Promise<ExistingContent> {
  const raw = await readContent(contentDir, contentDir);
  const sessionFolders = new Map<number, string>();
  for (const file of raw.sessions) {
    const season = numberAt(file, 'season');
    if (season !== undefined) sessionFolders.set(season, path.dirname(path.join(contentDir, file.file)));
  }
  const episodes = new Map<number, Map<number, string>>();
  for (const file of raw.talks) {
    const [season, episode] = [numberAt(file, 'season'), numberAt(file, 'episode')];
    if (season === undefined || episode === undefined) continue;
    if (!episodes.has(season)) episodes.set(season, new Map());
    episodes.get(season)!.set(episode, file.file);
  }
  const seasons = [...sessionFolders.keys()];
  return { latestSeason: seasons.length ? Math.max(...seasons) : undefined, sessionFolders, episodes };
}

/** The next episode number of a season: one after the highest in use. */
export function findNextEpisode(existing: ExistingContent, season: number): number {
  const used = [...(existing.episodes.get(season)?.keys() ?? [])];
  return used.length ? Math.max(...used) + 1 : 1;
}

/**
 * Write the talk file (and the season's session file if it has none yet). Never overwrites:
 * an existing file, or an episode number already in use, is an error and nothing is written.
 */
export async function writeNewTalk(
  request: Required<NewTalkRequest>,
  existing: ExistingContent,
  contentDir: string,
  display: (absolute: string) => string,
): Promise<{ ok: true; written: string[] } | { ok: false; message: string }> {
  const taken = existing.episodes.get(request.season)?.get(request.episode);
  if (taken) return { ok: false, message: `episode ${request.episode} of season ${request.season} is already used by ${display(path.join(contentDir, taken))}; leave out --episode to take the next free one` };
  const knownFolder = existing.sessionFolders.get(request.season);
  const folder = knownFolder ?? path.join(contentDir, CONTENT_LAYOUT.seasonsDir, seasonSlug(request.season));
  const talkPath = path.join(folder, formatTalkFileName(request));
  const sessionPath = path.join(folder, CONTENT_LAYOUT.sessionFile);
  await mkdir(folder, { recursive: true });
  try {
    // "wx": fail if the file exists, in the same step as creating it.
    await writeFile(talkPath, formatTalkFile(request), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { ok: false, message: `${display(talkPath)} already exists; it was left as it is` };
    throw error;
  }
  if (knownFolder) return { ok: true, written: [talkPath] };
  try {
    await writeFile(sessionPath, formatSessionFile(request.season), { flag: 'wx' });
  } catch (error) {
    // A session file that exists but could not be read is the organizer's to fix, never to replace.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { ok: true, written: [talkPath] };
    throw error;
  }
  return { ok: true, written: [talkPath, sessionPath] };
}

function numberAt(file: RawYamlFile, key: string): number | undefined {
  const value = (file.yaml.data as Record<string, unknown> | null | undefined)?.[key];
  return Number.isInteger(value) ? (value as number) : undefined;
}
