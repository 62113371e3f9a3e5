import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Speaker } from '../model/types.js';
import { SiteError } from '../problems.js';
import type { PlannedOutput, RenderContext } from './context.js';
import { renderPng } from './og-image.js';
import type { Urls } from './views.js';

/**
 * Speaker photos, resized at build time to the square sizes the pages show them at, twice over for
 * high-density screens: `small` beside the name on talk cards, `large` beside the bio on a talk page.
 * The source is a JPEG or PNG in content/static/; resizing draws it into an SVG rendered with resvg
 * (already used for share images), because outputs render synchronously.
 */
export const PHOTO_SIZES = { small: 56, large: 96 } as const;

/** How many image pixels per CSS pixel. */
const DENSITY = 2;

/** Folder of the resized photos in the output. */
const PHOTO_DIR = 'assets/photos/';

/** A speaker's photo as templates see it: a URL per size, the sizes in CSS pixels, and the alt text. */
export interface PhotoView {
  small: string;
  large: string;
  sizes: typeof PHOTO_SIZES;
  alt: string;
}

/** "photos/ada-lovelace.jpg" at size small → "assets/photos/photos-ada-lovelace-112.png". */
export function photoRoute(photo: string, size: keyof typeof PHOTO_SIZES): string {
  const name = photo.replace(/\.[^./]+$/, '').replace(/[^A-Za-z0-9_-]+/g, '-');
  return `${PHOTO_DIR}${name}-${PHOTO_SIZES[size] * DENSITY}.png`;
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

/** One resized image per photo and size; each photo once, however many talks show it. */
export function planPhotos(ctx: RenderContext, contentDir: string): PlannedOutput[] {
  const outputs = new Map<string, PlannedOutput>();
  for (const session of ctx.model.sessions) {
    for (const talk of session.talks) {
      for (const speaker of talk.speakers) {
        const photo = speaker.photo;
        if (!photo) continue;
        for (const size of Object.keys(PHOTO_SIZES) as (keyof typeof PHOTO_SIZES)[]) {
          const route = photoRoute(photo, size);
          if (outputs.has(route)) continue;
          const source = sourceOf(contentDir, photo, talk.file);
          outputs.set(route, {
            path: route,
            scope: { kind: 'talk', season: talk.season, slug: talk.slug },
            render: () => resizePhoto(readFileSync(source), photo, PHOTO_SIZES[size] * DENSITY),
          });
        }
      }
    }
  }
  return [...outputs.values()];
}

/** The photo's file, checked while planning, so a missing one stops the build before anything is written. */
function sourceOf(contentDir: string, photo: string, talkFile: string): string {
  const file = path.join(contentDir, 'static', photo);
  if (!existsSync(file)) throw new SiteError(`${talkFile}: the speaker photo "${photo}" is not in ${path.basename(contentDir)}/static/`);
  return file;
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
