import type { Session, Speaker } from './types.js';

/** "Dr. Annika Reinke" */
export function displayName(speaker: Speaker): string {
  return speaker.honorific ? `${speaker.honorific} ${speaker.name}` : speaker.name;
}

/** "Zając" of "Hubert Dariusz Zając": what tells the talks without an episode number apart (their URL, their label). */
export function surname(speaker: Pick<Speaker, 'name'>): string {
  return speaker.name.split(/\s+/).at(-1) ?? speaker.name;
}

/** "DKFZ, Germany" */
export function placeOf(speaker: Speaker): string {
  return [speaker.affiliation, speaker.location].filter(Boolean).join(', ');
}

/** "Hubert Dariusz Zając and Natalia-Rozalia Avlona (University of Copenhagen, Denmark)": speakers sharing a place share the brackets. */
export function speakersLine(speakers: readonly Speaker[]): string {
  const groups: { names: string[]; place: string }[] = [];
  for (const speaker of speakers) {
    const place = placeOf(speaker);
    const last = groups.at(-1);
    if (last && last.place === place) last.names.push(displayName(speaker));
    else groups.push({ names: [displayName(speaker)], place });
  }
  return joinAnd(groups.map((g) => (g.place ? `${joinAnd(g.names)} (${g.place})` : joinAnd(g.names))));
}

/** "A", "A and B", "A, B and C" */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "S05: Dataset design and metrics", or "S05" while the topic is not announced; `separator` between the two. */
export function sessionLabel(session: Pick<Session, 'code' | 'topic'>, separator = ': '): string {
  return session.topic ? `${session.code}${separator}${session.topic}` : session.code;
}
