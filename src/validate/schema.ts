import { z } from 'zod';

/**
 * The runtime schemas of every content file: the single source of truth for what a file may say.
 * TypeScript types are inferred from them. Unknown keys are errors (strict objects).
 */

/** An http(s) URL; `javascript:` and friends are refused. Problem code `bad-url`. */
const httpUrl = z.string().superRefine((value, ctx) => {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url && /^https?:$/.test(url.protocol) && url.hostname.includes('.') && !/\s/.test(value)) return;
  const bare = /^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(value);
  ctx.addIssue({
    code: 'custom',
    message: `"${value}" is not a web address`,
    params: {
      problem: 'bad-url',
      hint: bare
        ? `write the full address: https://${value}`
        : url && !/^https?:$/.test(url.protocol)
          ? `only addresses starting with https:// (or http://) are allowed here, not "${url.protocol}"`
          : 'write the full address as the browser shows it, starting with https://, without spaces',
    },
  });
});

/** Markdown text that must say something. */
const text = z.string().trim().min(1, { message: 'must not be empty' });

/** "Dr." or "Prof.", typed with or without the dot, in any case ("dr", "PROF."). */
const honorific = z
  .string()
  .regex(/^\s*(dr|prof)\.?\s*$/i, { message: 'must be "Dr." or "Prof." (the dot is optional), or left out' })
  .transform((value) => (/^\s*dr/i.test(value) ? 'Dr.' : 'Prof.') as 'Dr.' | 'Prof.');

/**
 * A local date and time, parsed later in the session's zone. Both YAML readers use the core schema, so an
 * unquoted `2024-03-25 16:00` stays a string.
 */
const dateTime = z.string({ message: 'must be a date and time such as "2024-03-25 16:00"' });

/** A person giving (part of) a talk. */
export const speakerSchema = z.strictObject({
  /** Full name as printed, e.g. "Annika Reinke". */
  name: text,
  /** "Dr." or "Prof."; omit for none. */
  honorific: honorific.optional(),
  /** University, company or lab. */
  affiliation: text.optional(),
  /** Country (or city, country). */
  location: text.optional(),
  /** Personal or lab homepage. */
  website: httpUrl.optional(),
  /** Short biography, Markdown. */
  bio: text.optional(),
  /** A photo: a JPEG or PNG inside content/static/, e.g. "photos/reinke.jpg"; shown square, with the name as alt text. */
  photo: z
    .string()
    .superRefine((value, ctx) => {
      if (value.startsWith('/') || value.includes('\\') || value.split('/').some((s) => s === '..')) {
        ctx.addIssue({
          code: 'custom',
          message: `"${value}" leads out of content/static/`,
          params: { problem: 'unsafe-path', hint: 'write the path inside content/static/, e.g. photos/reinke.jpg for content/static/photos/reinke.jpg' },
        });
      } else if (!/\.(jpe?g|png)$/i.test(value)) {
        ctx.addIssue({ code: 'custom', message: 'must be a .jpg or .png path inside content/static/, such as "photos/reinke.jpg"' });
      }
    })
    .optional(),
});

/** Front matter of one talk file; the Markdown body is the abstract. */
export const talkSchema = z.strictObject({
  /** The season (session) the talk belongs to: `5` for seasons/s05/session.yaml. */
  season: z.number().int().min(1),
  /** Episode number within the season (S05E02 → 2); omit for a talk without a number. */
  episode: z.number().int().min(1).optional(),
  /** Position in the session's running order, when it differs from the episode number. */
  slot: z.number().int().min(1).optional(),
  /** Talk title. */
  title: text,
  /** One or more speakers, in the order they are credited. */
  speakers: z.array(speakerSchema).min(1, { message: 'needs at least one speaker' }),
  /** One biography written for several speakers together, Markdown. */
  joint_bio: text.optional(),
  /** YouTube URL of the recording, once there is one. */
  recording: httpUrl.optional(),
  /** Further links. */
  links: z
    .strictObject({
      /** The slides. */
      slides: httpUrl.optional(),
      /** The talk's or project's own website. */
      website: httpUrl.optional(),
    })
    .optional(),
  /** Free-form data for custom templates. */
  extra: z.record(z.string(), z.unknown()).optional(),
});

/** A session's status; anything but `scheduled` is shown on the page and in calendars. */
export const sessionStatuses = ['scheduled', 'cancelled', 'postponed', 'rescheduled'] as const;

/** `seasons/sNN/session.yaml`: the facts shared by a session's talks. */
export const sessionSchema = z.strictObject({
  /** Season number; must match the folder's talks. */
  season: z.number().int().min(1),
  /** The session's topic, e.g. "Dataset design and metrics"; omit while TBA. */
  topic: text.optional(),
  /** Local start, "2024-03-25 16:00", in `timezone`; omit while the date is TBA. */
  start: dateTime.optional(),
  /** IANA zone of `start`, e.g. Europe/Copenhagen. */
  timezone: z.string().optional(),
  /** Length in minutes; the site's `default_duration` when omitted. */
  duration: z.number().int().min(1).max(24 * 60).optional(),
  /** Zoom registration form. */
  registration: httpUrl.optional(),
  /** Direct Zoom join link, where one was published instead of a form. */
  join: httpUrl.optional(),
  /** scheduled (default), cancelled, postponed or rescheduled. */
  status: z.enum(sessionStatuses).optional(),
  /** For a rescheduled session: the start it had before, in the same form as `start`. */
  previous_start: dateTime.optional(),
});

/** An organizer of the series. */
const organizerSchema = z.strictObject({
  /** Full name. */
  name: text,
  /** Homepage. */
  website: httpUrl.optional(),
  /** "IT University of Copenhagen (Denmark)". */
  affiliation: text.optional(),
});

/** `content/site.yaml`: facts about the whole series. */
export const siteConfigSchema = z.strictObject({
  /** Series title; may contain the 👀. */
  title: text,
  /** What the series is about, Markdown. */
  description: text,
  /** The public address of the site, e.g. https://medical-datasets.github.io (no path). */
  url: httpUrl,
  /** Path prefix the site is served under, "/" for a user site, "/repo/" for a project site. */
  base_path: z.string().regex(/^\/(.*\/)?$/, { message: 'must start and end with "/"' }).optional(),
  /** YouTube playlist of all recordings. */
  playlist: httpUrl.optional(),
  /** The organizers, in the order they are credited. */
  organizers: z.array(organizerSchema).optional(),
  /** Funding acknowledgement, Markdown. */
  funding: text.optional(),
  /** Newsletter sign-up. */
  newsletter: z
    .strictObject({
      /** The hosted sign-up form. */
      form: httpUrl,
      /** Text shown above it, Markdown. */
      text: text.optional(),
    })
    .optional(),
  /** Session length in minutes when a session does not say. */
  default_duration: z.number().int().min(1).max(24 * 60).optional(),
});

/**
 * A content page's URL path, "/privacy-notice/": lowercase segments of letters, digits, ".", "_" and
 * "-", each ending in "/". A segment "." or ".." would point outside the output folder: problem code
 * `unsafe-path`.
 */
const permalink = z.string().superRefine((value, ctx) => {
  const segments = value.split('/').slice(1, -1);
  if (value.startsWith('/') && value.endsWith('/') && segments.every((s) => /^[a-z0-9._-]+$/.test(s))) {
    if (!segments.some((s) => /^\.+$/.test(s))) return;
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" leads out of the site's folder`,
      params: { problem: 'unsafe-path', hint: 'a permalink names a place inside the site, e.g. /privacy-notice/ or /about/team/; "." and ".." are not allowed' },
    });
    return;
  }
  ctx.addIssue({ code: 'custom', message: 'must look like /privacy-notice/: lowercase letters, digits, ".", "_" and "-", between slashes' });
});

/** Front matter of a content page such as the privacy notice. */
export const pageSchema = z.strictObject({
  /** Page title. */
  title: text,
  /** Output URL path, e.g. /privacy-notice/. */
  permalink,
  /** Meta description. */
  description: text.optional(),
});

/** Validated talk front matter. */
export type TalkFrontMatter = z.output<typeof talkSchema>;
/** Validated speaker. */
export type SpeakerData = z.output<typeof speakerSchema>;
/** Validated session file. */
export type SessionData = z.output<typeof sessionSchema>;
/** Validated site config. */
export type SiteConfigData = z.output<typeof siteConfigSchema>;
/** Validated page front matter. */
export type PageFrontMatter = z.output<typeof pageSchema>;
/** A session status. */
export type SessionStatus = (typeof sessionStatuses)[number];
