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
  if (!url || !/^https?:$/.test(url.protocol) || !url.hostname.includes('.') || /\s/.test(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a valid http(s) URL`,
      params: { problem: 'bad-url', hint: 'write the full address, starting with https://' },
    });
  }
});

/** Markdown text that must say something. */
const text = z.string().trim().min(1, { message: 'must not be empty' });

/** "Dr." or "Prof." (the dot is optional when typing). */
const honorific = z
  .enum(['Dr.', 'Dr', 'Prof.', 'Prof'])
  .transform((value) => (value.endsWith('.') ? value : `${value}.`) as 'Dr.' | 'Prof.');

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
  start: z.union([z.string(), z.date()]).optional(),
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
  previous_start: z.union([z.string(), z.date()]).optional(),
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

/** Front matter of a content page such as the privacy notice. */
export const pageSchema = z.strictObject({
  /** Page title. */
  title: text,
  /** Output URL path, e.g. /privacy-notice/. */
  permalink: z.string().regex(/^\/([a-z0-9._-]+\/)*$/, { message: 'must look like /privacy-notice/' }),
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

/** One schema issue, in the terms the problem report needs. */
export interface SchemaIssue {
  /** Key path of the offending value. */
  path: (string | number)[];
  kind: 'unknown-key' | 'missing' | 'wrong-type' | 'bad-url' | 'invalid';
  message: string;
  hint?: string;
  /** For unknown keys: the key and the keys allowed there. */
  key?: string;
  allowed?: string[];
}

/** Run a schema; on failure translate zod's issues into SchemaIssues. */
export function checkSchema<T extends z.ZodType>(
  schema: T,
  data: unknown,
): { ok: true; value: z.output<T> } | { ok: false; issues: SchemaIssue[] } {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const issues: SchemaIssue[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
    if (issue.code === 'unrecognized_keys') {
      const allowed = keysAt(schema, path);
      for (const key of issue.keys) issues.push({ path: [...path, key], kind: 'unknown-key', message: '', key, allowed });
    } else if (issue.code === 'invalid_type' && valueAt(data, path) === undefined) {
      issues.push({ path, kind: 'missing', message: `required field "${path.join('.')}" is missing` });
    } else if (issue.code === 'invalid_type') {
      issues.push({ path, kind: 'wrong-type', message: `"${path.join('.')}" should be ${article(issue.expected)}, not ${describe(valueAt(data, path))}` });
    } else if (issue.code === 'custom' && issue.params?.problem === 'bad-url') {
      issues.push({ path, kind: 'bad-url', message: issue.message, hint: String(issue.params.hint) });
    } else if (issue.code === 'invalid_value') {
      const options = issue.values.map((v) => JSON.stringify(v)).join(', ');
      issues.push({ path, kind: 'invalid', message: `"${path.join('.')}" must be one of ${options}` });
    } else {
      issues.push({ path, kind: 'invalid', message: `"${path.join('.')}" ${issue.message}` });
    }
  }
  return { ok: false, issues };
}

/** The keys a strict object at `path` allows, for "did you mean". */
function keysAt(schema: z.ZodType, path: (string | number)[]): string[] {
  let current: unknown = schema;
  for (const part of [...path, null]) {
    current = unwrap(current);
    const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return [];
    if (part === null) return def.type === 'object' ? Object.keys(def.shape as object) : [];
    if (def.type === 'object') current = (def.shape as Record<string, unknown>)[String(part)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return [];
  }
  return [];
}

function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def = (current as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    if (!def) return current;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else return current;
  }
  return current;
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
