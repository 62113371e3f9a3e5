import { z } from 'zod';

/**
 * The runtime schemas of every content file: the single source of truth for what a file may say.
 * TypeScript types are inferred from them. Unknown keys are errors (strict objects).
 */

/** An http(s) URL; `javascript:` and friends are refused. Problem code `bad-url`. */
const httpUrl = z.string().meta({ kind: 'web address (https://…)' }).superRefine((value, ctx) => {
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
const text = z.string().trim().min(1, { message: 'must not be empty' }).meta({ kind: 'text' });

/** "Dr." or "Prof.", typed with or without the dot, in any case ("dr", "PROF."). */
const honorific = z
  .string()
  .regex(/^\s*(dr|prof)\.?\s*$/i, { message: 'must be "Dr." or "Prof." (the dot is optional), or left out' })
  .transform((value) => (/^\s*dr/i.test(value) ? 'Dr.' : 'Prof.') as 'Dr.' | 'Prof.')
  .meta({ kind: '"Dr." or "Prof."' });

/**
 * A local date and time, parsed later in the session's zone. Both YAML readers use the core schema, so an
 * unquoted `2024-03-25 16:00` stays a string.
 */
const dateTime = z.string({ message: 'must be a date and time such as "2024-03-25 16:00"' }).meta({ kind: 'local date and time, "2024-03-25 16:00"' });

/** A person giving (part of) a talk. */
export const speakerSchema = z.strictObject({
  name: text.describe('Full name as printed, e.g. "Annika Reinke".'),
  honorific: honorific.optional().describe('"Dr." or "Prof."; omit for none.'),
  affiliation: text.optional().describe('University, company or lab.'),
  location: text.optional().describe('Country (or city, country).'),
  website: httpUrl.optional().describe('Personal or lab homepage.'),
  bio: text.optional().describe('Short biography, Markdown.'),
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
    .meta({ kind: 'path of a .jpg or .png in content/static/' })
    .optional()
    .describe('A photo of the speaker, e.g. "photos/reinke.jpg" for content/static/photos/reinke.jpg; shown square, with the name as alt text.'),
});

/** Front matter of one talk file; the Markdown body is the abstract. */
export const talkSchema = z.strictObject({
  season: z.number().int().min(1).describe('The season (session) the talk belongs to: `5` for seasons/s05/session.yaml.'),
  episode: z.number().int().min(1).optional().describe('Episode number within the season (S05E02 → 2); omit for a talk without a number.'),
  slot: z.number().int().min(1).optional().describe('Position in the session\'s running order, when it differs from the episode number.'),
  title: text.describe('Talk title.'),
  // At most 20: every speaker's page shows the talk with all its speakers, so the work grows with their square.
  speakers: z.array(speakerSchema).min(1, { message: 'needs at least one speaker' }).max(20).describe('One to twenty speakers, in the order they are credited.'),
  joint_bio: text.optional().describe('One biography written for several speakers together, Markdown.'),
  recording: httpUrl.optional().describe('YouTube URL of the recording, once there is one.'),
  topics: z
    .array(text)
    .max(12)
    .optional()
    .describe('What the talk is about, e.g. ["fairness", "segmentation"]: each topic gets a page, and the archive filters by them. Write a topic the way other talks already do (the build warns about near-misses).'),
  links: z
    .strictObject({
      slides: httpUrl.optional().describe('The slides.'),
      website: httpUrl.optional().describe('The talk\'s or project\'s own website.'),
    })
    .optional()
    .describe('Further links.'),
  extra: z.record(z.string(), z.unknown()).optional().describe('Free-form data for custom templates.'),
});

/** A session's status; anything but `scheduled` is shown on the page and in calendars. */
export const sessionStatuses = ['scheduled', 'cancelled', 'postponed', 'rescheduled'] as const;

/** `seasons/sNN/session.yaml`: the facts shared by a session's talks. */
export const sessionSchema = z.strictObject({
  season: z.number().int().min(1).describe('Season number; must match the folder\'s talks.'),
  topic: text.optional().describe('The session\'s topic, e.g. "Dataset design and metrics"; omit while TBA.'),
  start: dateTime.optional().describe('Local start, "2024-03-25 16:00", in `timezone`; omit while the date is TBA.'),
  timezone: z.string().meta({ kind: 'IANA time zone, "Europe/Copenhagen"' }).optional().describe('IANA zone of `start`, e.g. Europe/Copenhagen.'),
  duration: z.number().int().min(1).max(24 * 60).optional().describe('Length in minutes; the site\'s `default_duration` when omitted.'),
  registration: httpUrl.optional().describe('Zoom registration form.'),
  join: httpUrl.optional().describe('Direct Zoom join link, where one was published instead of a form.'),
  status: z.enum(sessionStatuses).optional().describe('scheduled (default), cancelled, postponed or rescheduled.'),
  previous_start: dateTime.optional().describe('For a rescheduled session: the start it had before, in the same form as `start`.'),
});

/** An organizer of the series. */
const organizerSchema = z.strictObject({
  name: text.describe('Full name.'),
  website: httpUrl.optional().describe('Homepage.'),
  affiliation: text.optional().describe('"IT University of Copenhagen (Denmark)".'),
});

/**
 * The series title is on every page: a long one multiplies into the whole site (a 900 KB title made
 * an 869 MB site of the real content). Problem code `too-large`.
 */
const LONGEST_SITE_TITLE = 200;
const siteTitle = text.superRefine((value, ctx) => {
  if (value.length <= LONGEST_SITE_TITLE) return;
  ctx.addIssue({
    code: 'custom',
    message: `${value.length.toLocaleString('en')} characters, more than the ${LONGEST_SITE_TITLE} a series title may have`,
    params: { problem: 'too-large', hint: 'the title is on every page: keep it to a line, and say more in description' },
  });
});

/** `content/site.yaml`: facts about the whole series. */
export const siteConfigSchema = z.strictObject({
  title: siteTitle.meta({ kind: `text of up to ${LONGEST_SITE_TITLE} characters` }).describe('Series title; may contain the 👀.'),
  description: text.describe('What the series is about, Markdown.'),
  url: httpUrl.describe('The public address of the site, e.g. https://medical-datasets.github.io (no path).'),
  base_path: z.string().regex(/^\/(.*\/)?$/, { message: 'must start and end with "/"' }).meta({ kind: 'path between slashes, "/" or "/repo/"' }).optional().describe('Path prefix the site is served under, "/" for a user site, "/repo/" for a project site.'),
  playlist: httpUrl.optional().describe('YouTube playlist of all recordings.'),
  organizers: z.array(organizerSchema).optional().describe('The organizers, in the order they are credited.'),
  funding: text.optional().describe('Funding acknowledgement, Markdown.'),
  newsletter: z
    .strictObject({
      form: httpUrl.describe('The hosted sign-up form.'),
      text: text.optional().describe('Text shown above it, Markdown.'),
    })
    .optional()
    .describe('Newsletter sign-up.'),
  default_duration: z.number().int().min(1).max(24 * 60).optional().describe('Session length in minutes when a session does not say.'),
});

/**
 * A content page's URL path, "/privacy-notice/": lowercase segments of letters, digits, ".", "_" and
 * "-", each ending in "/". A segment "." or ".." would point outside the output folder: problem code
 * `unsafe-path`.
 */
const permalink = z.string().meta({ kind: 'URL path, "/privacy-notice/"' }).superRefine((value, ctx) => {
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
  title: text.describe('Page title.'),
  permalink: permalink.describe('Output URL path, e.g. /privacy-notice/.'),
  description: text.optional().describe('Meta description.'),
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

/** One key of a content file, as the content-key reference lists it. */
export interface ContentKey {
  /** "speakers[].name", "links.slides". */
  key: string;
  /** What kind of value: "text", "whole number, at least 1", "one of scheduled, cancelled". */
  kind: string;
  required: boolean;
  description: string;
}

/** Every key of every content file, from the schemas and their descriptions (for docs/content-keys.md). */
export function describeContentFiles(): { file: string; keys: ContentKey[] }[] {
  const files: [string, z.ZodType][] = [
    ['A talk: front matter of content/seasons/sNN/*.md (the Markdown below it is the abstract)', talkSchema],
    ['A session: content/seasons/sNN/session.yaml', sessionSchema],
    ['The site: content/site.yaml', siteConfigSchema],
    ['A page: front matter of content/pages/*.md', pageSchema],
  ];
  return files.map(([file, schema]) => ({ file, keys: describeObject(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema, '') }));
}

interface JsonSchema {
  type?: string;
  kind?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
}

function describeObject(schema: JsonSchema, prefix: string): ContentKey[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const key = prefix + name;
    const entry: ContentKey = { key, kind: kindOf(property), required: schema.required?.includes(name) ?? false, description: property.description ?? '' };
    if (property.type === 'array' && property.items?.properties) return [entry, ...describeObject(property.items, `${key}[].`)];
    if (property.properties) return [entry, ...describeObject(property, `${key}.`)];
    return [entry];
  });
}

function kindOf(schema: JsonSchema): string {
  if (schema.kind) return schema.kind;
  if (schema.enum) return `one of ${schema.enum.join(', ')}`;
  if (schema.type === 'integer') {
    const max = schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER ? ` to ${schema.maximum}` : '';
    return schema.minimum !== undefined ? `whole number, ${schema.minimum}${max || ' or more'}` : 'whole number';
  }
  if (schema.type === 'array') return schema.items?.properties ? `list (${schema.minItems ? `at least ${schema.minItems}` : 'any number'}) of groups of keys` : 'list';
  if (schema.properties) return 'group of keys';
  if (schema.type === 'object') return 'any keys and values';
  return schema.type ?? 'any';
}
