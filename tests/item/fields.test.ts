/**
 * The readers of a plain item's fields, one rule each where the item tests do not pin it.
 */
import { describe, expect, it } from 'vitest';
import { episode } from '../../src/item/fields.js';
import { buildFeeds } from '../../src/pipeline.js';
import { readSeed } from '../../src/seed/index.js';

const base = 'https://pod.example/1';
const transcript = (language: string) => ({ transcripts: [{ url: '/1.vtt', type: 'text/vtt', language }] });

describe("an episode's transcripts", () => {
  it('carry a language as feeds write languages: canonical, and refused (E_ITEM) when it is no language tag', () => {
    expect(episode(transcript('pt-br'), 'episode', base)?.transcripts).toEqual([{ url: 'https://pod.example/1.vtt', type: 'text/vtt', language: 'pt-BR' }]);
    expect(episode(transcript(' en '), 'episode', base)?.transcripts?.[0]?.language).toBe('en');
    expect(episode(transcript(''), 'episode', base)?.transcripts?.[0]).not.toHaveProperty('language');
    for (const name of ['English', 'zz', 'en_US!']) {
      expect(() => episode(transcript(name), 'episode', base)).toThrow(
        expect.objectContaining({ code: 'E_ITEM', message: expect.stringContaining('episode.transcripts[0].language') }),
      );
    }
  });

  it('reach podcast:transcript with that language', () => {
    const show = { siteUrl: 'https://pod.example', title: 'Pod', podcast: { image: 'https://pod.example/art.jpg', categories: [{ text: 'History' }], explicit: false } };
    const { outputs } = buildFeeds(
      [{ url: '/1', title: 'One', published: '2024-01-01T00:00:00Z', enclosures: [{ url: '/1.mp3', type: 'audio/mpeg', length: 1 }], episode: transcript('es-mx') }],
      show,
    );
    expect(outputs.rss).toContain('<podcast:transcript url="https://pod.example/1.vtt" type="text/vtt" language="es-MX"/>');
  });
});

describe("an episode's and a show's explicit flag", () => {
  it("reads the words podcast tools write (yes, no, clean, in any case) as Apple's true and false", () => {
    for (const [word, flag] of [
      ['yes', true],
      ['Explicit', true],
      ['true', true],
      ['no', false],
      [' clean ', false],
      ['FALSE', false],
    ] as const)
      expect(episode({ explicit: word }, 'episode', base)?.explicit, word).toBe(flag);
    expect(episode({ explicit: false }, 'episode', base)?.explicit).toBe(false);
    for (const explicit of ['maybe', '', 1, 0])
      expect(() => episode({ explicit }, 'episode', base), String(explicit)).toThrow(
        expect.objectContaining({ code: 'E_ITEM', message: expect.stringContaining('episode.explicit') }),
      );
  });

  it('publishes a show and an episode set by those words as true and false', () => {
    const show = { siteUrl: 'https://pod.example', title: 'Pod', podcast: { image: 'https://pod.example/art.jpg', categories: [{ text: 'History' }], explicit: 'clean' } };
    const { outputs } = buildFeeds(
      // Words where the types say true or false: what a config file or a CMS's JSON hands over.
      [
        { url: '/1', title: 'One', published: '2024-01-01T00:00:00Z', enclosures: [{ url: '/1.mp3', type: 'audio/mpeg', length: 1 }], episode: { explicit: 'yes' } },
      ] as unknown as Parameters<typeof buildFeeds>[0],
      show as unknown as Parameters<typeof buildFeeds>[1],
    );
    const flags = [...outputs.rss.matchAll(/<itunes:explicit>([^<]*)<\/itunes:explicit>/g)].map((m) => m[1]);
    expect(flags).toEqual(['false', 'true']);
    for (const explicit of ['maybe', 2, undefined])
      expect(() => buildFeeds([], { ...show, podcast: { ...show.podcast, explicit } } as unknown as Parameters<typeof buildFeeds>[1]), String(explicit)).toThrow(
        expect.objectContaining({ code: 'E_CONFIG', message: expect.stringContaining('podcast.explicit') }),
      );
  });
});

describe("an episode's and a file's duration", () => {
  it('is read as itunes:duration writes it (HH:MM:SS, MM:SS, seconds as text), as podcast themes write it in front matter', () => {
    expect(episode({ duration: '01:02:03' }, 'episode', base)?.duration).toBe(3723);
    expect(episode({ duration: '45:12' }, 'episode', base)?.duration).toBe(2712);
    expect(episode({ duration: ' 2712 ' }, 'episode', base)?.duration).toBe(2712);
    expect(episode({ duration: 2712 }, 'episode', base)?.duration).toBe(2712);
    const feeds = buildFeeds(
      [
        {
          title: 'Ep',
          link: 'https://pod.example/1',
          date: new Date('2024-01-01'),
          content: 'Notes',
          enclosure: { url: 'https://pod.example/1.mp3', type: 'audio/mpeg', length: 9, duration: '3:05' },
        },
      ],
      {
        siteUrl: 'https://pod.example',
        title: 'Pod',
      },
    );
    expect(feeds.outputs.json).toContain('"duration_in_seconds": 185');
  });

  it('is refused (E_ITEM naming the field) in any other form', () => {
    for (const duration of ['1h 2m', '61:00', '1:2:3', '-5', 1.5])
      expect(() => episode({ duration }, 'episode', base), String(duration)).toThrow(
        expect.objectContaining({ code: 'E_ITEM', message: expect.stringContaining('episode.duration') }),
      );
  });
});

describe("an item's date", () => {
  it("names the date field it did not read on an item of storyfeed's own shape (a CMS's `date` beside `url`)", () => {
    expect(() =>
      buildFeeds([{ title: 'Post', url: 'https://pod.example/1', date: '2024-01-01', contentHtml: '<p>Hi</p>' } as never], { siteUrl: 'https://pod.example', title: 'Pod' }),
    ).toThrow(
      expect.objectContaining({ code: 'E_ITEM', message: expect.stringContaining('items[0].date is read only on an item written for another library (with `link`, not `url`)') }),
    );
  });
});

describe("an episode's transcripts and chapters", () => {
  const https = { transcripts: [{ url: 'https://pod.example/1.vtt', type: 'text/vtt' }], chapters: { url: '/1.json', type: 'application/json+chapters' } };

  it('are https URLs, as the podcast namespace requires of every file it links: an http one is refused (E_ITEM) naming the field', () => {
    expect(episode(https, 'episode', base)).toEqual({
      transcripts: [{ url: 'https://pod.example/1.vtt', type: 'text/vtt' }],
      chapters: { url: 'https://pod.example/1.json', type: 'application/json+chapters' },
    });
    const transcript = { ...https, transcripts: [https.transcripts[0], { url: 'HTTP://pod.example/1.srt', type: 'application/x-subrip' }] };
    expect(() => episode(transcript, 'episode', base)).toThrow(
      expect.objectContaining({ code: 'E_ITEM', message: expect.stringMatching(/^episode\.transcripts\[1\]\.url must be an https URL, found "HTTP:\/\/pod\.example\/1\.srt"/) }),
    );
    expect(() => episode({ chapters: { url: 'http://pod.example/1.json', type: 'application/json+chapters' } }, 'episode', base)).toThrow(
      expect.objectContaining({ code: 'E_ITEM', message: expect.stringContaining('episode.chapters.url must be an https URL') }),
    );
    // A path takes the scheme of the story's address: on a site served over http (a local preview) it is an http URL, which the site decides.
    expect(episode(https, 'episode', 'http://localhost:1313/1')?.chapters?.url).toBe('http://localhost:1313/1.json');
  });

  it("are, in a seed's front matter, E_FIELD errors on the key's line", () => {
    const seed =
      '---\ntitle: One\nenclosure: {url: /1.mp3, type: audio/mpeg, length: 100}\nepisode:\n  chapters: {url: "http://pod.example/1.json", type: application/json+chapters}\n---\nText.\n';
    expect(() => readSeed(seed, { file: 'one.md' })).toThrow(
      expect.objectContaining({ code: 'E_FIELD', line: 4, message: expect.stringContaining('front matter `episode.chapters.url`: must be an https URL') }),
    );
  });
});

describe("a plain item's date that was never set", () => {
  const site = { siteUrl: 'https://x.example', title: 'X' };

  it("is refused as the zero value of Go's, .NET's and Python's date types, as text or a Date, in any time zone", () => {
    for (const published of ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00', '0001-01-01', new Date(-62_135_596_800_000)]) {
      expect(() => buildFeeds([{ url: '/a', title: 'A', published }], site), String(published)).toThrow(/^items\[0\]\.published is 0001-01-01T00:00:00\.000Z, the zero value/);
    }
    expect(() => buildFeeds([{ url: '/a', title: 'A', published: '0001-01-01T00:00:00' }], { ...site, timeZone: 'Asia/Tokyo' })).toThrow(
      /^items\[0\]\.published is 0000-12-31T\S+, the zero value/,
    );
    expect(() => buildFeeds([{ url: '/a', title: 'A', published: '2024-03-05', updated: '0001-01-01T00:00:00Z' }], site)).toThrow(/^items\[0\]\.updated is 0001-/);
    expect(() => buildFeeds([{ link: '/a', title: 'A', date: '0001-01-01T00:00:00Z' }], site)).toThrow(/^items\[0\]\.date is 0001-/);
    expect(() => buildFeeds([{ url: '/a', title: 'A' }], site, { fallbackDate: new Date('0001-01-01T00:00:00Z') })).toThrow(/^options\.fallbackDate is 0001-/);
  });

  it('leaves other early dates as they are: an archive of old texts may hold them', () => {
    for (const published of ['0001-01-03T00:00:00Z', '0100-06-01', '1066-10-14', '0000-06-01T00:00:00Z']) {
      expect(
        buildFeeds([{ url: '/a', title: 'A', published }], site)
          .document.items[0]?.published.toISOString()
          .slice(0, 10),
      ).toBe(published.slice(0, 10));
    }
  });
});

describe("a plain item's URLs with [ and ]", () => {
  it('are published percent-encoded (a CMS image ?size[w]=100), and an id holding them is refused, named', () => {
    const site = { siteUrl: 'https://news.example', title: 'News' };
    const { outputs } = buildFeeds(
      [{ url: '/a?tag[]=x', title: 'One', published: '2024-01-01T00:00:00Z', content: '<p>Text.</p>', image: 'https://cdn.example/a.jpg?size[w]=100' }],
      site,
    );
    for (const text of [outputs.rss, outputs.atom, outputs.json]) {
      expect(text).toContain('https://cdn.example/a.jpg?size%5Bw%5D=100');
      expect(text).toContain('https://news.example/a?tag%5B%5D=x');
      expect(text).not.toMatch(/size\[w\]|tag\[\]/);
    }
    expect(() => buildFeeds([{ id: 'https://news.example/?p=[1]', url: '/a', title: 'One', published: '2024-01-01T00:00:00Z', content: '<p>Text.</p>' }], site)).toThrow(
      expect.objectContaining({ code: 'E_ITEM', message: expect.stringContaining('contains "[", which must be percent-encoded') }),
    );
  });
});
