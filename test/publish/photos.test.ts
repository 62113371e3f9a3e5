import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photoRoute } from '../../src/publish/photos.js';
import { buildAt, ROOT, tempDir, type BuiltSite } from '../helpers/site.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/site-photo');

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('speaker photos (test/fixtures/site-photo)', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildAt('2024-03-20T12:00:00+01:00', { contentDir: FIXTURE });
  });
  afterAll(() => site.cleanup());

  it('resizes the photo to square PNGs at twice the sizes the pages show it at', async () => {
    expect(site.result.ok).toBe(true);
    expect(pngSize(await readFile(path.join(site.out, 'assets/photos/photos-ada-lovelace-112.png')))).toEqual({ width: 112, height: 112 });
    expect(pngSize(await readFile(path.join(site.out, 'assets/photos/photos-ada-lovelace-192.png')))).toEqual({ width: 192, height: 192 });
    expect(photoRoute('photos/ada-lovelace.jpg', 'small')).toBe('assets/photos/photos-ada-lovelace-112.png');
  });

  it('shows it with the speaker’s name as alt text, width and height, on talk cards and the talk page; nothing for a speaker without one', async () => {
    const card = (await site.html('webinar/index.html')).querySelector('#s01e01 .speakers')!;
    const small = card.querySelectorAll('img');
    expect(small.map((img) => [img.getAttribute('src'), img.getAttribute('alt'), img.getAttribute('width'), img.getAttribute('height')])).toEqual([
      ['/assets/photos/photos-ada-lovelace-112.png', 'Ada Lovelace', '56', '56'],
    ]);
    const large = (await site.html('webinar/s01e01/index.html')).querySelectorAll('.speaker-bio img');
    expect(large.map((img) => [img.getAttribute('src'), img.getAttribute('alt'), img.getAttribute('width')])).toEqual([
      ['/assets/photos/photos-ada-lovelace-192.png', 'Ada Lovelace', '96'],
    ]);
  });

  it('stops the build with a problem at the photo line of the talk file when the photo is missing', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await cp(FIXTURE, dir, { recursive: true });
      const talk = path.join(dir, 'seasons/s01/s01e01-lovelace-babbage.md');
      const text = await readFile(talk, 'utf8');
      await writeFile(talk, text.replace('photos/ada-lovelace.jpg', 'photos/ada.jpg'));
      const built = await buildAt('2024-03-20T12:00:00+01:00', { contentDir: dir, displayRoot: dir });
      expect(built.result.ok).toBe(false);
      const line = text.split('\n').findIndex((l) => l.includes('photo:')) + 1;
      expect(built.result.problems.map((p) => `${p.code} ${p.file}:${p.line}`)).toEqual([`missing-file seasons/s01/s01e01-lovelace-babbage.md:${line}`]);
      expect(built.result.problems[0]!.message).toContain('photos/ada.jpg');
    } finally {
      await cleanup();
    }
  });
});
