import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteModel, Speaker } from '../model/types.js';
import type { PlannedOutput } from '../outputs.js';
import { problem, type Problem, type ProblemLocation } from '../problems.js';
import { ROUTES, type Urls } from '../routes.js';
import { renderPng } from './png.js';

/**
 * Speaker photos, resized at build time to the square sizes the pages show them at, twice over for
 * high-density screens: `small` beside the name on talk cards, `large` beside the bio on a talk page.
 * The source is a JPEG or PNG in content/static/; resizing draws it into an SVG rendered with resvg
 * (already used for share images), because outputs render synchronously.
 */
export const PHOTO_SIZES = { small: 56, large: 96 } as const;

/** How many image pixels per CSS pixel. */
const DENSITY = 2;

/** The route of a photo at a size: "photos/ada-lovelace.jpg", small → "assets/photos/photos-ada-lovelace-112.png". */
export function photoRoute(photo: string, size: keyof typeof PHOTO_SIZES): string {
  return ROUTES.photo(photo, PHOTO_SIZES[size] * DENSITY);
}

/** A speaker's photo as templates see it: a URL per size, the sizes in CSS pixels, and the alt text. */
export interface PhotoView {
  small: string;
  large: string;
  sizes: typeof PHOTO_SIZES;
  alt: string;
}

/** The template view of a speaker's photo; the alt text is the speaker's name, which is what the photo shows. */
export function photoView(speaker: Pick<Speaker, 'name' | 'photo'>, urls: Urls): PhotoView | undefined {
  if (!speaker.photo) return undefined;
  return {
    small: urls.path(photoRoute(speaker.photo, 'small')),
    large: urls.path(photoRoute(speaker.photo, 'large')),
    sizes: PHOTO_SIZES,
    alt: speaker.name,
  };
}

/** The largest photo file read, and the largest side in pixels (a photo is shown at most 192 px wide). */
const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
const MAX_PHOTO_SIDE = 10_000;

/**
 * One resized image per photo and size; each photo once, however many talks show it. A photo that is
 * not a JPEG or PNG of a sensible size is a `bad-image` or `too-large` problem at its key: it is read and
 * its header checked here, before anything is rendered.
 */
export function planPhotos(model: SiteModel, contentDir: string): { outputs: PlannedOutput[]; problems: Problem[] } {
  const outputs = new Map<string, PlannedOutput>();
  const problems: Problem[] = [];
  const checked = new Map<string, boolean>();
  for (const session of model.sessions) {
    for (const talk of session.talks) {
      talk.speakers.forEach((speaker, i) => {
        const photo = speaker.photo;
        if (!photo) return;
        const source = path.join(contentDir, 'static', photo);
        let usable = checked.get(photo);
        if (usable === undefined) {
          const found = inspectPhoto(source, photo, { file: talk.file, line: talk.lineOf(['speakers', i, 'photo']) });
          if (found) problems.push(found);
          checked.set(photo, (usable = found === undefined));
        }
        if (!usable) return;
        for (const size of Object.keys(PHOTO_SIZES) as (keyof typeof PHOTO_SIZES)[]) {
          const route = photoRoute(photo, size);
          if (outputs.has(route)) continue;
          outputs.set(route, {
            path: route,
            scope: { kind: 'talk', season: talk.season, slug: talk.slug },
            render: () => resizePhoto(readFileSync(source), photo, PHOTO_SIZES[size] * DENSITY),
          });
        }
      });
    }
  }
  return { outputs: [...outputs.values()], problems };
}

/** What is wrong with a photo file, if anything: not a JPEG or PNG, or too big to draw. */
function inspectPhoto(source: string, photo: string, at: ProblemLocation): Problem | undefined {
  const bytes = readFileSync(source);
  if (bytes.length > MAX_PHOTO_BYTES) {
    return problem('too-large', at, `the speaker photo "${photo}" is ${(bytes.length / 1024 / 1024).toFixed(0)} MiB`, `a photo of at most ${MAX_PHOTO_BYTES / 1024 / 1024} MiB is plenty (it is shown 96 px wide): export a smaller JPEG`);
  }
  const size = imageSize(bytes);
  if (!size) {
    return problem('bad-image', at, `the speaker photo "${photo}" is not a JPEG or PNG image`, 'save the photo as .jpg or .png from an image editor; a file renamed to .jpg stays what it was');
  }
  if (size.width > MAX_PHOTO_SIDE || size.height > MAX_PHOTO_SIDE || size.width === 0 || size.height === 0) {
    return problem('too-large', at, `the speaker photo "${photo}" is ${size.width}×${size.height} pixels`, `at most ${MAX_PHOTO_SIDE} pixels a side are read; 400×400 is plenty`);
  }
  return undefined;
}

/** Width and height from a PNG's IHDR or a JPEG's start-of-frame marker; undefined for anything else. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 24 && png.every((b, i) => bytes[i] === b)) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
    at += 2 + view.getUint16(at + 2);
  }
  return undefined;
}

/** A square crop from the middle of the image, `pixels` wide. */
export function resizePhoto(source: Uint8Array, photo: string, pixels: number): Uint8Array {
  const type = /\.png$/i.test(photo) ? 'image/png' : 'image/jpeg';
  const href = `data:${type};base64,${Buffer.from(source).toString('base64')}`;
  return renderPng(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${pixels}" height="${pixels}" viewBox="0 0 ${pixels} ${pixels}">` +
      `<image width="${pixels}" height="${pixels}" preserveAspectRatio="xMidYMid slice" href="${href}"/></svg>`,
  );
}
