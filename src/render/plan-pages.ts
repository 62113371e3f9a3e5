import { sessionLabel } from '../model/names.js';
import { nextAndLater } from '../model/split-upcoming-past.js';
import { GLOBAL, type OutputScope, type PlannedOutput } from '../outputs.js';
import { fileOfRoute, ROUTES } from '../routes.js';
import type { RenderContext } from './context.js';
import { markSafe } from './templates.js';

/**
 * From this many talks the archive lets the browser skip laying out the sessions out of view: at 4,000
 * talks it loads in a third of the time and filters four times faster (npm run bench); at 30 it would
 * only make tools that measure the page without scrolling it (Lighthouse) see talks of no size.
 */
const LONG_ARCHIVE_TALKS = 300;

/** How many of the newest recorded talks the webinar page offers first. */
const LATEST_RECORDINGS = 4;

/** The HTML pages: webinar page, archive, a page per session and per talk, content pages, redirect, 404. */
export function planPages(ctx: RenderContext): PlannedOutput[] {
  const { model, urls, views, templates, site } = ctx;
  const rendered = (path: string, template: string, context: () => Record<string, unknown>, scope: OutputScope): PlannedOutput => {
    // Made once, for whichever of render() and inputs() asks first, and let go once rendered.
    let made: Record<string, unknown> | undefined;
    const full = () => (made ??= context());
    return {
      path,
      scope,
      render: () => {
        const page = templates.render(template, full());
        made = undefined;
        return page;
      },
      // The filters read the config (URLs, the base path of links in Markdown).
      inputs: () => [templates.id, model.config, template, full()],
    };
  };
  const html = (route: string, template: string, context: () => Record<string, unknown>, scope: OutputScope) =>
    rendered(fileOfRoute(route), template, () => ({ site, canonical: urls.absolute(route), ...context() }), scope);

  const outputs: PlannedOutput[] = [
    html(ROUTES.webinar, 'webinar.njk', () => {
      const { next, calledOff, later } = nextAndLater(model.upcoming);
      // For a page read later than it was built: once the next session has ended, the one after it (or
      // none) takes its place, and so on, each from the end of the one before.
      const then: { ended: ReturnType<typeof views.session>; next: ReturnType<typeof views.session> | undefined }[] = [];
      for (let ended = next, rest = later; ended?.end; ) {
        const following = nextAndLater(rest);
        then.push({ ended: views.session(ended), next: following.next && views.session(following.next) });
        ended = following.next;
        rest = following.later;
      }
      // A later session leaves "Later webinars" when it becomes the next.
      const promotedAt = Object.fromEntries(then.flatMap((step) => (step.next ? [[step.next.code, step.ended.when!.isoEnd]] : [])));
      const past = model.past.map(views.session);
      return {
        next: next && views.session(next), then, promotedAt, calledOff: calledOff.map(views.session),
        later: later.map(views.session), past, pageTitle: 'Webinar',
        latestRecordings: past.flatMap((session) => session.talks.filter((talk) => talk.recording)).slice(0, LATEST_RECORDINGS),
      };
    }, GLOBAL),
    html(ROUTES.archive, 'archive.njk', () => {
      const pastTalks = new Set(model.past.flatMap((session) => session.talks));
      const past = model.past.map(views.session);
      return {
        past,
        // Long enough that laying out only the sessions in view pays (see .season-lazy in style.css).
        long: pastTalks.size > LONG_ARCHIVE_TALKS,
        // The archive's filters: the years and topics of its talks.
        years: [...new Set(past.flatMap((session) => session.year ?? []))],
        topics: model.topics.filter((topic) => topic.talks.some(({ talk }) => pastTalks.has(talk))).map(views.topic),
        pageTitle: 'Previous talks',
      };
    }, GLOBAL),
    html(ROUTES.speakers, 'speakers.njk', () => ({ speakers: model.speakers.map(views.speaker), pageTitle: 'Speakers' }), GLOBAL),
    html(ROUTES.topics, 'topics.njk', () => ({ topics: model.topics.map(views.topic), pageTitle: 'Topics' }), GLOBAL),
    // A speaker's or a topic's page lists talks of several sessions.
    ...model.speakers.map((speaker) =>
      html(ROUTES.speaker(speaker), 'speaker.njk', () => {
        const view = views.speaker(speaker);
        return { speaker: view, pageTitle: view.name };
      }, GLOBAL)),
    ...model.topics.map((topic) => html(ROUTES.topic(topic), 'topic.njk', () => ({ topic: views.topic(topic), pageTitle: `Topic: ${topic.label}` }), GLOBAL)),
    rendered(fileOfRoute(ROUTES.home), 'redirect.njk', () => ({ site, target: urls.path(ROUTES.webinar), canonical: urls.absolute(ROUTES.webinar) }), GLOBAL),
    html(ROUTES.notFound, '404.njk', () => ({ pageTitle: 'Page not found' }), GLOBAL),
  ];

  model.sessions.forEach((session, i) => {
    const sessionScope = { kind: 'session', season: session.season } as const;
    outputs.push(
      html(ROUTES.session(session), 'session.njk', () => {
        const view = views.session(session);
        const previous = model.sessions[i - 1];
        const next = model.sessions[i + 1];
        return {
          session: view,
          previous: previous && views.session(previous),
          next: next && views.session(next),
          pageTitle: sessionLabel(session),
        };
      }, sessionScope),
    );
    session.talks.forEach((talk, t) => {
      outputs.push(
        html(ROUTES.talk(talk), 'talk.njk', () => {
          const view = views.session(session);
          const talkView = view.talks[t]!;
          return { session: view, talk: talkView, pageTitle: `${talkView.label}: ${talkView.title}` };
        }, { kind: 'talk', season: session.season, slug: talk.slug }),
      );
    });
  });

  for (const page of model.pages) {
    outputs.push(
      html(ROUTES.page(page.permalink), 'page.njk', () => ({
        pageTitle: page.title,
        description: page.description,
        bodyHtml: markSafe(ctx.markdown.document(page.body)),
      }), GLOBAL),
    );
  }
  return outputs;
}
