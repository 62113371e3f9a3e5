import type { SiteModel } from '../model/types.js';
import type { PlannedOutput } from '../outputs.js';

/** A changed file, classified by what depends on it. */
export interface ChangeKind {
  kind: 'talk' | 'session' | 'template' | 'static' | 'other';
  /** Display path for talks and sessions (as in the model), absolute path otherwise. */
  file: string;
}

/**
 * The outputs a set of changes can affect. A talk: global outputs and every output of its
 * session; a session: also the neighbouring sessions (their prev/next links);
 * a template, the config or a page: everything. Both the old and the new model are asked, so a
 * talk that moved season, was added or was deleted is covered.
 */
export function selectAffected(planned: readonly PlannedOutput[], changes: readonly ChangeKind[], before: SiteModel, after: SiteModel): readonly PlannedOutput[] {
  if (changes.some((c) => c.kind === 'template' || c.kind === 'other')) return planned;
  const seasons = new Set<number>();
  const wholeSeasons = new Set<number>();
  for (const model of [before, after]) {
    model.sessions.forEach((session, i) => {
      for (const change of changes) {
        if (change.kind === 'session' && session.file === change.file) {
          for (const s of [model.sessions[i - 1], session, model.sessions[i + 1]]) if (s) seasons.add(s.season);
          wholeSeasons.add(session.season);
        }
        if (change.kind === 'talk') {
          const talk = session.talks.find((t) => t.file === change.file);
          // A talk page shows its session (calendar text lists every talk), so the whole session is redone.
          if (talk) {
            seasons.add(session.season);
            wholeSeasons.add(session.season);
          }
        }
      }
    });
  }
  if (changes.every((c) => c.kind === 'static')) return [];
  return planned.filter(({ scope }) => {
    if (scope.kind === 'global') return true;
    if (scope.kind === 'session') return seasons.has(scope.season);
    return wholeSeasons.has(scope.season);
  });
}
