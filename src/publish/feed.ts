import { escapeHtml, escapeXml } from '../escape.js';
import { displayName, joinAnd, sessionLabel, speakersLine } from '../model/names.js';
import type { Session } from '../model/types.js';
import { whenOf } from '../model/when.js';
import { ROUTES } from '../routes.js';
import { instantFromMillis, isoUtc, latest, toMillis, type Instant } from '../time.js';
import { feedDate } from './content-dates.js';
import type { PublishContext } from './context.js';

/** How many sessions the feed carries, newest first. */
export const FEED_SESSIONS = 30;

/**
 * The Atom feed of the series (RFC 4287): one entry per session, newest season first, announcing it
 * with its time and carrying its talks in full. An entry's id is the session page's URL, so a reader
 * shows a session once, as new when it is added and as updated when its date changes. Titles and
 * summaries are plain text (readers show them as they are); the content is HTML, escaped into the XML.
 */
export function renderAtomFeed(ctx: PublishContext): string {
  const { model, urls } = ctx;
  // The newest sessions only: a reader polls for what is new, and the archive page has the rest.
  const sessions = [...model.sessions].sort((a, b) => b.season - a.season).slice(0, FEED_SESSIONS);
  const dated = sessions.map((session) => feedDate(session, model));
  const dates = sessions.some((session) => session.changedAt) ? distinct(dated) : dated;
  const updated = dates.reduce(latest, instantFromMillis(0));
  const webinar = urls.absolute(ROUTES.webinar);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    element('id', webinar),
    element('title', model.config.plainTitle),
    element('subtitle', `Sessions and talks of the webinar series ${model.config.plainTitle}.`),
    link('alternate', webinar, 'text/html'),
    link('self', urls.absolute(ROUTES.feed), 'application/atom+xml'),
    element('updated', isoUtc(updated)),
    person(model.config.organizers.map((o) => o.name).join(', ') || model.config.plainTitle, webinar),
  ];
  sessions.forEach((session, i) => {
    const page = urls.absolute(ROUTES.session(session));
    lines.push(
      '<entry>',
      element('id', page),
      element('title', `${sessionLabel(session)} (${whenText(session)})`),
      link('alternate', page, 'text/html'),
      element('updated', isoUtc(dates[i]!)),
      element('summary', summary(session)),
      `<content type="html">${escapeXml(entryHtml(session, ctx))}</content>`,
      ...session.talks.flatMap((talk) => talk.speakers).map((s) => person(s.name, s.website)),
      '</entry>',
    );
  });
  lines.push('</feed>', '');
  return lines.join('\n');
}

function element(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

function link(rel: string, href: string, type: string): string {
  return `<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`;
}

function person(name: string, uri: string | undefined): string {
  return `<author>${element('name', name)}${uri ? element('uri', uri) : ''}</author>`;
}

function whenText(session: Session): string {
  return whenOf(session)?.text ?? 'date to be announced';
}

function summary(session: Session): string {
  const status = session.status === 'scheduled' ? '' : ` (${session.status})`;
  return `${session.code}${status}, ${whenText(session)}: ${session.talks.map((t) => `“${t.title}” by ${joinAnd(t.speakers.map(displayName))}`).join('; ')}.`;
}

function entryHtml(session: Session, { urls, markdown }: PublishContext): string {
  const parts = [`<p>${escapeHtml(summary(session))}</p>`];
  if (session.registration) parts.push(`<p><a href="${escapeHtml(session.registration)}">Register on Zoom for ${session.code}</a></p>`);
  for (const talk of session.talks) {
    parts.push(`<h2><a href="${escapeHtml(urls.absolute(ROUTES.talk(talk)))}">${escapeHtml(`${talk.code} ${talk.title}`)}</a></h2>`, `<p>${escapeHtml(speakersLine(talk.speakers))}</p>`, markdown.block(talk.abstract));
    if (talk.recording) parts.push(`<p><a href="${escapeHtml(talk.recording)}">Watch the recording of ${escapeHtml(talk.episode !== undefined ? talk.code : talk.title)}</a></p>`);
  }
  return parts.join('\n');
}

/**
 * The dates with none twice (one commit often changes several sessions): a later duplicate moves a
 * second earlier, until it is free, so each entry has its own `updated` and none moves into the future.
 */
function distinct(dates: Instant[]): Instant[] {
  const taken = new Set<number>();
  return dates.map((date) => {
    let millis = toMillis(date);
    while (taken.has(millis)) millis -= 1000;
    taken.add(millis);
    return instantFromMillis(millis);
  });
}
