import { instantFromMillis, isoUtc, latest } from '../time.js';
import { feedDate } from './content-dates.js';
import type { RenderContext } from './context.js';
import { PUBLISH_ROUTES } from './publish-routes.js';
import { escapeHtml, escapeXml } from './escape.js';
import { ROUTES, speakersLine, type SessionView } from './views.js';

/** How many sessions the feed carries, newest first. */
export const FEED_SESSIONS = 30;

/**
 * The Atom feed of the series (RFC 4287): one entry per session, newest season first, announcing it
 * with its time and carrying its talks in full. An entry's id is the session page's URL, so a reader
 * shows a session once, as new when it is added and as updated when its date changes. Titles and
 * summaries are plain text (readers show them as they are); the content is HTML, escaped into the XML.
 */
export function renderAtomFeed(ctx: RenderContext): string {
  const { model, urls, views, markdown } = ctx;
  // The newest sessions only: a reader polls for what is new, and the archive page has the rest.
  const sessions = [...model.sessions].sort((a, b) => b.season - a.season).slice(0, FEED_SESSIONS);
  const dates = sessions.map((session) => feedDate(session, model));
  const updated = dates.reduce(latest, instantFromMillis(0));
  const webinar = urls.absolute(ROUTES.webinar);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    element('id', webinar),
    element('title', model.config.plainTitle),
    element('subtitle', `Sessions and talks of the webinar series ${model.config.plainTitle}.`),
    link('alternate', webinar, 'text/html'),
    link('self', urls.absolute(PUBLISH_ROUTES.feed), 'application/atom+xml'),
    element('updated', isoUtc(updated)),
    person(model.config.organizers.map((o) => o.name).join(', ') || model.config.plainTitle, webinar),
  ];
  sessions.forEach((session, i) => {
    const view = views.session(session);
    const page = urls.absolute(ROUTES.session(session));
    const talks = session.talks.map((talk) => ({ url: urls.absolute(ROUTES.talk(talk)), abstractHtml: markdown.block(talk.abstract), speakers: speakersLine(talk.speakers) }));
    lines.push(
      '<entry>',
      element('id', page),
      element('title', `${session.code}${session.topic ? `: ${session.topic}` : ''} (${view.when ? view.when.text : 'date to be announced'})`),
      link('alternate', page, 'text/html'),
      element('updated', isoUtc(dates[i]!)),
      element('summary', summary(view)),
      `<content type="html">${escapeXml(entryHtml(view, talks))}</content>`,
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

function summary(view: SessionView): string {
  const status = view.status === 'scheduled' ? '' : ` (${view.status})`;
  return `${view.code}${status}, ${view.when ? view.when.text : 'date to be announced'}: ${view.talks.map((t) => `“${t.title}” by ${t.speakerNames}`).join('; ')}.`;
}

function entryHtml(view: SessionView, talks: { url: string; abstractHtml: string; speakers: string }[]): string {
  const parts = [`<p>${escapeHtml(summary(view))}</p>`];
  if (view.registration) parts.push(`<p><a href="${escapeHtml(view.registration)}">Register on Zoom for ${view.code}</a></p>`);
  view.talks.forEach((talk, i) => {
    const { url, abstractHtml, speakers } = talks[i]!;
    parts.push(`<h2><a href="${escapeHtml(url)}">${escapeHtml(`${talk.code} ${talk.title}`)}</a></h2>`, `<p>${escapeHtml(speakers)}</p>`, abstractHtml);
    if (talk.recording) parts.push(`<p><a href="${escapeHtml(talk.recording)}">Watch the recording of ${escapeHtml(talk.numbered ? talk.code : talk.title)}</a></p>`);
  });
  return parts.join('\n');
}
