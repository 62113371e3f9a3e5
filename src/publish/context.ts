import type { MarkdownRenderer } from '../markdown.js';
import type { Session, SiteModel } from '../model/types.js';
import type { Urls } from '../routes.js';
import type { CalendarEvent } from './calendar-events.js';

/** What the machine-readable outputs are made from: the model, its URLs, and what is derived from it once. */
export interface PublishContext {
  model: SiteModel;
  urls: Urls;
  /** The build's Markdown renderer, whose results the pages share. */
  markdown: MarkdownRenderer;
  /** Each session's calendar event (deriveCalendarEvents). */
  events: ReadonlyMap<Session, CalendarEvent>;
  /** The content folder, whose static/ holds the speaker photos. */
  contentDir: string;
}
