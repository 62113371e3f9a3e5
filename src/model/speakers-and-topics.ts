import { createHash } from 'node:crypto';
import { problem, type Problem } from '../problems.js';
import { didYouMean } from '../validate/did-you-mean.js';
import { toSlug } from './slug.js';
import type { Session, SpeakerProfile, Talk, TalkInSession, Topic } from './types.js';

/**
 * A speaker is one person across talks when their names write the same in ASCII ("Hubert Dariusz
 * Zając" in S05 and S09 is one page); two spellings of one name ("Zając", "Zajac") are still one person,
 * and the build asks for one spelling. A name without an ASCII reading (王伟) gets a segment from its hash.
 */
export function speakerSlug(name: string): string {
  return slugOrHash(name, 'speaker');
}

/** A topic is its slug: "Fairness" and "fairness" are one. */
export function topicSlug(label: string): string {
  return slugOrHash(label, 'topic');
}

function slugOrHash(text: string, kind: string): string {
  return toSlug(text) || `${kind}-${createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 10)}`;
}

/** Sessions newest first, talks in running order: the order of every list of talks below. */
function talksNewestFirst(sessions: readonly Session[]): TalkInSession[] {
  return [...sessions].sort((a, b) => b.season - a.season).flatMap((session) => session.talks.map((talk) => ({ talk, session })));
}

/** Everyone who spoke, by name, each with their talks; a problem where one name is spelt two ways. */
export function indexSpeakers(sessions: readonly Session[]): { speakers: SpeakerProfile[]; problems: Problem[] } {
  const bySlug = new Map<string, SpeakerProfile>();
  const problems: Problem[] = [];
  for (const { talk, session } of talksNewestFirst(sessions)) {
    talk.speakers.forEach((speaker, i) => {
      const slug = speakerSlug(speaker.name);
      const profile = bySlug.get(slug);
      if (!profile) {
        bySlug.set(slug, { slug, name: speaker.name, talks: [{ talk, session, as: speaker }] });
        return;
      }
      if (profile.talks.some((t) => t.talk === talk)) return;
      if (speaker.name !== profile.name) {
        const other = profile.talks[0]!.talk;
        problems.push(problem(
          'speaker-spelling', { file: talk.file, line: talk.lineOf(['speakers', i, 'name']) ?? talk.lineOf(['speakers', i]) },
          `speaker "${speaker.name}" is written "${profile.name}" in ${other.file}: one person, two spellings`,
          `write the name the same way in every talk ("${profile.name}", or change the other file); the speaker's page lists both talks either way`,
        ));
      }
      profile.talks.push({ talk, session, as: speaker });
    });
  }
  const speakers = [...bySlug.values()].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.slug.localeCompare(b.slug));
  return { speakers, problems };
}

/**
 * Every topic, by label, with its talks; a topic is its slug ("Fairness" and "fairness" are one). A
 * problem where a talk spells a topic otherwise than the others do, or writes a topic no other talk has
 * that is a near-miss of one more talks have, or an older talk has ("segmentaton").
 */
export function indexTopics(sessions: readonly Session[]): { topics: Topic[]; problems: Problem[] } {
  const spellings = new Map<string, Map<string, TalkInSession[]>>();
  const talks = talksNewestFirst(sessions);
  for (const entry of talks) {
    for (const label of new Set(entry.talk.topics)) {
      const slug = topicSlug(label);
      const forms = spellings.get(slug) ?? new Map<string, TalkInSession[]>();
      forms.set(label, [...(forms.get(label) ?? []), entry]);
      spellings.set(slug, forms);
    }
  }
  const topics: Topic[] = [...spellings].map(([slug, forms]) => {
    // The spelling most talks use; on a tie, the one of the newest talk.
    const label = [...forms].sort((a, b) => b[1].length - a[1].length)[0]![0];
    const tagged = new Set([...forms.values()].flat().map((entry) => entry.talk));
    return { slug, label, talks: talks.filter((entry) => tagged.has(entry.talk)) };
  });
  topics.sort((a, b) => a.label.localeCompare(b.label, 'en') || a.slug.localeCompare(b.slug));

  const problems: Problem[] = [];
  const bySlug = new Map(topics.map((topic) => [topic.slug, topic]));
  /** Later in the series is larger. */
  const age = (talk: Talk) => talk.season * 10_000 + talk.slot;
  for (const { talk } of talks) {
    talk.topics.forEach((label, i) => {
      const slug = topicSlug(label);
      // Asked for only when there is a warning: a line takes a second parse of the file, with positions.
      const at = () => ({ file: talk.file, line: talk.lineOf(['topics', i]) ?? talk.lineOf(['topics']) });
      const topic = bySlug.get(slug)!;
      const usual = topic.label;
      if (label !== usual) {
        problems.push(problem('topic-spelling', at(), `topic "${label}" is written "${usual}" in the other talks`, `write "${usual}", so that the topic reads the same everywhere`));
        return;
      }
      if (topic.talks.length > 1) return;
      // A near-miss of a topic more talks have, or one an older talk already had: the newer spelling is the odd one.
      const others = topics.filter((t) => t.talks.length > 1 || age(t.talks[0]!.talk) < age(talk)).map((t) => t.label);
      const guess = didYouMean(label, others);
      if (guess) {
        problems.push(problem('topic-spelling', at(), `topic "${label}" is on no other talk (did you mean "${guess}"?)`, `write "${guess}" if it is that topic; a new topic is fine otherwise`));
      }
    });
  }
  return { topics, problems };
}
