import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runNewTalk, type NewTalkIo } from '../src/scaffold/run-new.js';
import { sessionSchema, speakerSchema, talkSchema } from '../src/validate/schema.js';
import { runCli as cli } from './helpers/cli.js';

const ROOT = path.resolve(import.meta.dirname, '..');


let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lg-new-'));
  await cp(path.join(ROOT, 'test/fixtures/site-basic'), path.join(dir, 'content'), { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The front matter of a file as data. */
async function frontMatter(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(path.join(dir, file), 'utf8');
  return parse(text.split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, unknown>;
}

/** Do what the organizer does next: write the abstract. */
async function writeAbstract(file: string): Promise<void> {
  await writeFile(path.join(dir, file), `${await readFile(path.join(dir, file), 'utf8')}How data shapes what models learn.\n`);
}

const keysOf = (schema: { shape: object }) => Object.keys(schema.shape).sort();

describe('npm run new, with flags', () => {
  it('writes the talk with the next free episode and every key present, and prints its path', async () => {
    const { code, stdout } = await cli(['new', '--season', '1', '--speaker', 'Ada Lovelace', '--speaker', 'Charles Babbage', '--title', 'Engines: "analytical" \\ différence'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('Wrote content/seasons/s01/s01e02-lovelace-babbage.md');
    const data = await frontMatter('content/seasons/s01/s01e02-lovelace-babbage.md');
    expect(Object.keys(data).sort()).toEqual(keysOf(talkSchema));
    expect(data).toMatchObject({ season: 1, episode: 2, title: 'Engines: "analytical" \\ différence' });
    const speakers = data.speakers as Record<string, unknown>[];
    expect(speakers.map((s) => s.name)).toEqual(['Ada Lovelace', 'Charles Babbage']);
    expect(Object.keys(speakers[0]!).sort()).toEqual(keysOf(speakerSchema));
  });

  it('writes a talk that check accepts once its abstract is written', async () => {
    expect((await cli(['new', '--season', '1', '--speaker', 'Ada Lovelace', '--title', 'Engines'], dir)).code).toBe(0);
    const before = await cli(['check'], dir);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain('content/seasons/s01/s01e02-lovelace.md:');
    await writeAbstract('content/seasons/s01/s01e02-lovelace.md');
    const after = await cli(['check'], dir);
    expect(after.code).toBe(0);
    expect(after.stderr).toMatch(/^0 errors, \d warnings?$/m);
    expect(after.stderr).toContain('[speaker-without-affiliation]');
  });

  it('starts a new season with its session file, date to be announced, which check accepts', async () => {
    const { code, stdout } = await cli(['new', '--season', '11', '--speaker', 'Zoë Ab', '--title', 'Zero'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('Wrote content/seasons/s11/s11e01-ab.md');
    expect(stdout).toContain('Wrote content/seasons/s11/session.yaml');
    const session = parse(await readFile(path.join(dir, 'content/seasons/s11/session.yaml'), 'utf8')) as object;
    expect(Object.keys(session).sort()).toEqual(keysOf(sessionSchema));
    await writeAbstract('content/seasons/s11/s11e01-ab.md');
    expect((await cli(['check'], dir)).code).toBe(0);
  });

  it('refuses to overwrite a file, and leaves it as it was', async () => {
    const existing = path.join(dir, 'content/seasons/s01/s01e02-lovelace.md');
    await writeFile(existing, 'half-written, no front matter yet\n');
    const { code, stderr } = await cli(['new', '--season', '1', '--speaker', 'Ada Lovelace', '--title', 'Engines'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('content/seasons/s01/s01e02-lovelace.md already exists');
    expect(await readFile(existing, 'utf8')).toBe('half-written, no front matter yet\n');
  });

  it('refuses an episode number already in use', async () => {
    const { code, stderr } = await cli(['new', '--season', '1', '--episode', '1', '--speaker', 'Ada Lovelace', '--title', 'Engines'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('content/seasons/s01/s01e01-zajac.md');
    expect(await readdir(path.join(dir, 'content/seasons/s01'))).toEqual(['s01e01-zajac.md', 'session.yaml']);
  });

  it('asks for the missing flags by name when not run in a terminal, and writes nothing', async () => {
    const { code, stderr } = await cli(['new', '--title', 'Engines'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('--season, --speaker');
    expect(await readdir(path.join(dir, 'content/seasons'))).toEqual(['s01']);
  });
});

describe('npm run new, in a terminal', () => {
  it('asks for season (the latest by default), title and speakers', async () => {
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    const io: NewTalkIo = { input: Readable.from(['\n', 'Engines: analytical\n', 'Ada Lovelace\n', 'Charles Babbage\n', '\n']), output, errors: output, interactive: true };
    const code = await runNewTalk({ speakers: [] }, path.join(dir, 'content'), dir, io);
    expect(code).toBe(0);
    expect(shown).toContain('Season number [1]: ');
    expect(shown).toContain('Wrote content/seasons/s01/s01e02-lovelace-babbage.md');
    expect(await frontMatter('content/seasons/s01/s01e02-lovelace-babbage.md')).toMatchObject({ season: 1, episode: 2, title: 'Engines: analytical' });
  });

  it('asks only for what the flags leave out', async () => {
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    const io: NewTalkIo = { input: Readable.from(['Ada Lovelace\n', '\n']), output, errors: output, interactive: true };
    expect(await runNewTalk({ season: 2, title: 'Engines', speakers: [] }, path.join(dir, 'content'), dir, io)).toBe(0);
    expect(shown).not.toContain('Season number');
    expect(shown).not.toContain('Talk title');
    expect(shown).toContain('Wrote content/seasons/s02/s02e01-lovelace.md');
  });
});
