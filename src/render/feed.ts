import { Feed } from 'feed';
import { instantFromMillis, latest, toJSDate } from '../time.js';
import { feedDate } from './content-dates.js';
import type { RenderContext } from './context.js';
import { PUBLISH_ROUTES } from './publish-routes.js';
import { ROUTES, speakersLine, type SessionView } from './views.js';

/** How many sessions the feed carries, newest first. */
export const FEED_SESSIONS = 30;

/**
 * The Atom feed of the series (RFC 4287): one entry per session, newest season first, announcing it
 * with its time and carrying its talks in full. An entry's id is the session page's URL, so a reader
 * shows a session once, as new when it is added and as updated when its date changes.
 */
export function renderAtomFeed(ctx: RenderContext): string {
  const { model, urls, views, markdown } = ctx;
  // The newest sessions only: a reader polls for what is new, and the archive page has the rest.
  const sessions = [...model.sessions].sort((a, b) => b.season - a.season).slice(0, FEED_SESSIONS);
  const dates = sessions.map((session) => feedDate(session, model));
  const updated = dates.reduce(latest, instantFromMillis(0));
  const feed = new Feed({
    id: urls.absolute(ROUTES.webinar),
    title: model.config.plainTitle,
    description: `Sessions and talks of the webinar series ${model.config.plainTitle}.`,
    link: urls.absolute(ROUTES.webinar),
    feedLinks: { atom: urls.absolute(PUBLISH_ROUTES.feed) },
    language: 'en',
    updated: toJSDate(updated),
    generator: false,
    author: { name: model.config.organizers.map((o) => o.name).join(', ') || model.config.plainTitle, link: urls.absolute(ROUTES.webinar) },
  });
  sessions.forEach((session, i) => {
    const view = views.session(session);
    const page = urls.absolute(ROUTES.session(session));
    feed.addItem({
      title: `${session.code}${session.topic ? `: ${session.topic}` : ''} (${view.when ? view.when.text : 'date to be announced'})`,
      id: page,
      link: page,
      date: toJSDate(dates[i]!),
      description: summary(view),
      content: entryHtml(view, session.talks.map((talk) => ({
        url: urls.absolute(ROUTES.talk(talk)),
        abstractHtml: markdown.block(talk.abstract),
        speakers: speakersLine(talk.speakers),
      }))),
      author: session.talks.flatMap((talk) => talk.speakers).map((s) => ({ name: s.name, ...(s.website ? { link: s.website } : {}) })),
    });
  });
  return feed.atom1();
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

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
