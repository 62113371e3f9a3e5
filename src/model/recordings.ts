/**
 * YouTube recordings without tracking: the `si=` share parameter is dropped from links, and the
 * player is embedded from youtube-nocookie.com (Privacy-Enhanced Mode), only after a click.
 */

/** youtu.be/ID, youtube.com/watch?v=ID, /embed/ID, /live/ID, /shorts/ID: the 11-character video id. */
const VIDEO_ID = /^[\w-]{11}$/;

/** The video id of a YouTube URL, or undefined for anything else. */
export function youtubeVideoId(recording: string): string | undefined {
  let url: URL;
  try {
    url = new URL(recording);
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^(www|m)\./, '');
  const path = url.pathname.split('/').filter(Boolean);
  const id =
    host === 'youtu.be' ? path[0]
    : host === 'youtube.com' || host === 'youtube-nocookie.com'
      ? path[0] === 'watch' ? url.searchParams.get('v') ?? undefined
      : ['embed', 'live', 'shorts', 'v'].includes(path[0] ?? '') ? path[1] : undefined
    : undefined;
  return id && VIDEO_ID.test(id) ? id : undefined;
}

/** The Privacy-Enhanced Mode player of a recording, starting on load (it is only loaded by a click); undefined when it is not a YouTube video. */
export function youtubeEmbedUrl(recording: string): string | undefined {
  const id = youtubeVideoId(recording);
  return id && `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`;
}

/** The link without YouTube's `si=` share-tracking parameter; any other URL as it is. */
export function withoutTracking(recording: string): string {
  let url: URL;
  try {
    url = new URL(recording);
  } catch {
    return recording;
  }
  if (!url.searchParams.has('si')) return recording;
  url.searchParams.delete('si');
  return url.href;
}
