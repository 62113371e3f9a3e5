// Speed only: luxon asks a zone for its offset whenever it makes or changes a date-time (a formatToParts
// call each time: a third of the time luxon took in a build of 4,000 talks); the answer for an instant
// never changes. Without this, src/time.ts hands luxon its own zones.
import type { Zone, ZoneOffsetFormat, ZoneOffsetOptions } from 'luxon';

/** The zone, remembering its offset at each instant (luxon takes any object shaped as a zone). */
export function rememberOffsets(zone: Zone): Zone {
  const offsets = new Map<number, number>();
  const remembering: Pick<Zone, keyof Zone> & { ianaName: string } = {
    get type() { return zone.type; },
    get name() { return zone.name; },
    get ianaName() { return zone.name; },
    get isUniversal() { return zone.isUniversal; },
    get isValid() { return zone.isValid; },
    offsetName: (ts: number, options: ZoneOffsetOptions) => zone.offsetName(ts, options),
    formatOffset: (ts: number, format: ZoneOffsetFormat) => zone.formatOffset(ts, format),
    equals: (other: Zone) => other.type === zone.type && other.name === zone.name,
    offset: (ts: number) => {
      let offset = offsets.get(ts);
      if (offset === undefined) offsets.set(ts, (offset = zone.offset(ts)));
      return offset;
    },
  };
  return remembering as Zone;
}
