import { describe, expect, it } from 'vitest';
import { withoutTracking, youtubeEmbedUrl, youtubeVideoId } from '../../src/model/recordings.js';

describe('youtubeVideoId', () => {
  it.each([
    ['https://youtu.be/FQ0MpMqmwlQ', 'FQ0MpMqmwlQ'],
    ['https://youtu.be/FQ0MpMqmwlQ?si=abcdEFGH1234', 'FQ0MpMqmwlQ'],
    ['https://www.youtube.com/watch?v=hDKuw28ATe4', 'hDKuw28ATe4'],
    ['https://www.youtube.com/watch?v=qTSoF8wCbNA&list=PLWCikipQZ8HILJaadZnNVyC9cLpg7A2dy', 'qTSoF8wCbNA'],
    ['https://m.youtube.com/watch?feature=share&v=_lSc2msTMbY', '_lSc2msTMbY'],
    ['https://www.youtube.com/live/cSoYLx--2h4', 'cSoYLx--2h4'],
    ['https://www.youtube-nocookie.com/embed/ebyPOKwxr2c', 'ebyPOKwxr2c'],
  ])('finds the id in %s', (url, id) => {
    expect(youtubeVideoId(url)).toBe(id);
  });

  it.each(['https://vimeo.com/123456789', 'https://youtube.com/playlist?list=PLWCikipQZ8HILJaadZnNVyC9cLpg7A2dy', 'https://youtu.be/short', 'not a url'])(
    'finds none in %s',
    (url) => {
      expect(youtubeVideoId(url)).toBeUndefined();
    },
  );
});

describe('youtubeEmbedUrl', () => {
  it('embeds from youtube-nocookie.com and starts playing, since only a click loads it', () => {
    expect(youtubeEmbedUrl('https://youtu.be/FQ0MpMqmwlQ?si=x')).toBe('https://www.youtube-nocookie.com/embed/FQ0MpMqmwlQ?autoplay=1');
    expect(youtubeEmbedUrl('https://vimeo.com/123456789')).toBeUndefined();
  });
});

describe('withoutTracking', () => {
  it('drops si= and keeps everything else', () => {
    expect(withoutTracking('https://youtu.be/FQ0MpMqmwlQ?si=abcdEFGH1234')).toBe('https://youtu.be/FQ0MpMqmwlQ');
    expect(withoutTracking('https://www.youtube.com/watch?v=qTSoF8wCbNA&si=x&list=PL1')).toBe('https://www.youtube.com/watch?v=qTSoF8wCbNA&list=PL1');
    expect(withoutTracking('https://www.youtube.com/watch?v=hDKuw28ATe4')).toBe('https://www.youtube.com/watch?v=hDKuw28ATe4');
  });
});
