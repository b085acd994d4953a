import { describe, expect, it } from 'vitest';
import { isStoryfeedError, StoryfeedError } from '../../src/errors.js';
import { renderMarkdown } from '../../src/seed/markdown.js';
import { analyzeArticle } from '../../src/story/analysis/index.js';
import { buildFeedSet } from '../../src/feed/sets.js';
import { buildFeeds } from '../../src/pipeline.js';
import { readFeed, verifyDocument } from '../../src/verify/index.js';
import type { SiteConfig } from '../../src/types.js';
import { checkJsonFeed11 } from './json-feed-schema.js';

const site = { siteUrl: 'https://x.example', title: 'X' };
/** The call from the issue, exactly. */
const build = () =>
  buildFeeds(
    [
      { url: 'https://x.example/a', title: 'A', published: '2024-01-02T03:04:05Z', contentHtml: '<p>Hi</p>' },
      {
        url: 'https://x.example/ep1',
        title: 'Episode 1',
        published: new Date('2024-01-03'),
        summary: 'An episode.',
        enclosures: [{ url: 'https://x.example/ep1.mp3', type: 'audio/mpeg', length: 1234 }],
      },
    ],
    { siteUrl: 'https://x.example', title: 'X' },
  );

/** The error a call throws, or a failure when it throws none. */
function errorOf(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    if (!isStoryfeedError(error)) throw error;
    return { code: error.code, message: error.message };
  }
  throw new Error('expected an error');
}

describe('buildFeeds with plain items', () => {
  it('builds all three formats from the issue call, with the site defaults applied', () => {
    const { document, outputs, warnings } = build();
    expect(warnings).toEqual([]);
    expect(document.description).toBe('X');
    expect(document.language).toBe('en');
    expect(document.authors).toEqual([]);
    expect(document.items.map((i) => i.id)).toEqual(['https://x.example/ep1', 'https://x.example/a']);
    expect(document.items[1]!.published.toISOString()).toBe('2024-01-02T03:04:05.000Z');
    expect(outputs.rss).toContain('<rss version="2.0"');
    expect(outputs.atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  });

  it("carries the enclosure in RSS, Atom and JSON Feed, read back by the verifier's readers", async () => {
    const { outputs } = build();
    for (const format of ['rss', 'atom', 'json'] as const) {
      const feed = await readFeed(outputs[format], { format });
      const episode = feed.items.find((i) => i.id === 'https://x.example/ep1');
      expect(episode?.enclosures, format).toEqual(expect.arrayContaining([expect.objectContaining({ url: 'https://x.example/ep1.mp3', type: 'audio/mpeg', length: 1234 })]));
    }
    expect(outputs.rss).toContain('<enclosure url="https://x.example/ep1.mp3" length="1234" type="audio/mpeg"/>');
    expect(outputs.atom).toContain('<link rel="enclosure" href="https://x.example/ep1.mp3" type="audio/mpeg" length="1234"/>');
    expect(JSON.parse(outputs.json).items[0].attachments).toEqual([{ url: 'https://x.example/ep1.mp3', mime_type: 'audio/mpeg', size_in_bytes: 1234 }]);
  });

  it('passes the round trip with 0 problems: an episode with an enclosure and an image is verified in all three formats', async () => {
    const { outputs, document } = buildFeeds(
      [
        {
          url: 'https://x.example/ep1',
          title: 'Episode 1',
          published: '2024-01-03',
          summary: 'An episode.',
          image: 'https://x.example/ep1.jpg',
          enclosures: [{ url: 'https://x.example/ep1.mp3', type: 'audio/mpeg', length: 1234 }],
        },
      ],
      site,
    );
    expect((await verifyDocument(outputs, document)).problems).toEqual([]);
    // The enclosure link follows the entry's alternate link, so readers taking the first <link> get the story.
    expect(outputs.atom.indexOf('<link href="https://x.example/ep1"/>')).toBeLessThan(outputs.atom.indexOf('rel="enclosure"'));
  });

  it('reads an HTML body as its paragraphs, for the summary, the word count and analysis', () => {
    const { document } = buildFeeds(
      [{ url: '/p', title: 'P', published: '2024-01-01', contentHtml: '<p>First paragraph here.</p><p>Second one.</p><ul><li>A list item</li></ul>' }],
      site,
    );
    const item = document.items[0]!;
    expect(item.summary).toBe('First paragraph here.');
    expect(item.contentText).toBe('First paragraph here.\n\nSecond one.\n\nA list item');
  });

  it('verifies an item whose only image is an image enclosure (readers take it for the item image)', async () => {
    const { outputs, document } = buildFeeds(
      [
        {
          url: 'https://x.example/g',
          title: 'Gallery',
          published: '2024-01-03',
          summary: 'Pictures.',
          enclosures: [{ url: 'https://x.example/g.jpg', type: 'image/jpeg', length: 99 }],
        },
      ],
      site,
    );
    expect((await verifyDocument(outputs, document)).problems).toEqual([]);
  });

  it('writes JSON Feed 1.1 that passes a schema check', () => {
    expect(checkJsonFeed11(JSON.parse(build().outputs.json))).toEqual([]);
  });

  it('runs no analysis on plain items: their tags are their own', () => {
    const { document } = buildFeeds(
      [
        {
          url: '/n',
          title: 'NATO meets in Brussels',
          published: '2024-01-01',
          contentText: 'Jens Stoltenberg met Olena Marchenko in Brussels on Monday, NATO said.',
          tags: ['World'],
        },
      ],
      site,
    );
    expect(document.items[0]!.tags).toEqual(['World']);
    expect(document.items[0]!.url).toBe('https://x.example/n');
    const analyzed = buildFeeds(
      [
        {
          url: '/n',
          title: 'NATO meets in Brussels',
          published: '2024-01-01',
          contentText: 'Jens Stoltenberg met Olena Marchenko in Brussels on Monday, NATO said.',
          tags: ['World'],
        },
      ],
      { ...site, entityTags: 5 },
      { analyze: analyzeArticle },
    );
    expect(analyzed.document.items[0]!.tags.length).toBeGreaterThan(1);
  });

  it("refuses a language that is no ISO 639 code (an item's, or the site's), naming the field, as any other wrong field", () => {
    const item = { url: 'https://x.example/a', title: 'A', published: '2024-01-02' };
    for (const language of ['zz', 'english', 'xx-US']) {
      expect(
        errorOf(() => buildFeeds([{ ...item, language }], site)),
        language,
      ).toEqual({
        code: 'E_ITEM',
        message: expect.stringContaining(`items[0].language "${language}" is not a language tag starting with an ISO 639 language code`),
      });
      expect(
        errorOf(() => buildFeeds([item], { ...site, language })),
        language,
      ).toEqual({
        code: 'E_CONFIG',
        message: expect.stringContaining(`language: "${language}" is not a language tag starting with an ISO 639 language code`),
      });
    }
    for (const language of ['pt-BR', 'es-419', 'zh-Hant-TW', 'haw']) {
      expect(buildFeeds([{ ...item, language }], site).document.items[0]!.language, language).toBe(language);
      expect(buildFeeds([item], { ...site, language }).document.language, language).toBe(language);
    }
  });

  it('asks for a Markdown renderer instead of loading one into the core', () => {
    const call = () => buildFeeds([{ url: '/m', title: 'M', published: '2024-01-01', contentMarkdown: 'Some *emphasis*.' }], site);
    expect(call).toThrow(StoryfeedError);
    expect(call).toThrow(/items\[0\]\.contentMarkdown.*renderMarkdown/);
  });

  it('takes Markdown and plain-text bodies, and every JSON Feed 1.1 item field', () => {
    const { outputs, document } = buildFeeds(
      [
        {
          id: 'tag:x.example,2024:1',
          url: 'https://x.example/m',
          externalUrl: 'https://elsewhere.example/story',
          title: 'M',
          contentMarkdown: '# ignored\n\nSome *emphasis*.\n\n- one\n- two',
          published: '2024-02-01T00:00:00Z',
          updated: '2024-02-02T00:00:00Z',
          authors: ['Ann', { name: 'Bob', email: 'bob@x.example', url: 'https://x.example/bob', avatar: 'https://x.example/bob.png' }],
          image: 'https://x.example/m.jpg',
          banner: 'https://x.example/banner.png',
          language: 'uk',
        },
        { url: 'https://x.example/t', title: 'T', contentText: 'First.\n\nSecond & <third>.', published: '2024-01-01' },
      ],
      site,
      { markdown: renderMarkdown },
    );
    const json = JSON.parse(outputs.json);
    const m = json.items[0];
    expect(m).toMatchObject({
      id: 'tag:x.example,2024:1',
      external_url: 'https://elsewhere.example/story',
      banner_image: 'https://x.example/banner.png',
      image: 'https://x.example/m.jpg',
      language: 'uk',
      date_modified: '2024-02-02T00:00:00.000Z',
    });
    expect(m.content_html).toContain('<em>emphasis</em>');
    expect(m.authors).toEqual([{ name: 'Ann' }, { name: 'Bob', url: 'https://x.example/bob', avatar: 'https://x.example/bob.png' }]);
    expect(document.items[1]!.contentHtml).toBe('<p>First.</p>\n<p>Second &amp; &lt;third&gt;.</p>');
    expect(checkJsonFeed11(json)).toEqual([]);
  });

  it('reads an empty body field, as a CMS gives a cleared one, as none: the next body field, or the summary, is the body', () => {
    const body = (fields: Record<string, unknown>, options = {}) =>
      buildFeeds([{ url: '/b', title: 'B', published: '2024-01-01', ...fields } as never], site, options).document.items[0]!;
    expect(body({ contentHtml: '', contentMarkdown: 'Some *emphasis*.' }, { markdown: renderMarkdown }).contentHtml).toBe('<p>Some <em>emphasis</em>.</p>');
    expect(body({ contentHtml: ' \n', contentText: 'Plain body.' }).contentHtml).toBe('<p>Plain body.</p>');
    expect(body({ contentMarkdown: '', contentText: 'Plain body.' }).contentHtml).toBe('<p>Plain body.</p>');
    expect(body({ contentHtml: '', summary: 'Only a summary.' }).contentHtml).toBe('<p>Only a summary.</p>');
    // The `feed` package's names: an empty `content` leaves the description as the body, as `feed` would show it.
    const theirs = buildFeeds([{ link: '/f', title: 'F', date: '2024-01-01', content: '', description: '<p>Desc <b>b</b>.</p>' }], site);
    expect(theirs.document.items[0]!.contentHtml).toBe('<p>Desc <b>b</b>.</p>');
    const both = buildFeeds([{ link: '/f', title: 'F', date: '2024-01-01', contentHtml: '', content: '<p>Theirs.</p>' } as never], site);
    expect(both.document.items[0]!.contentHtml).toBe('<p>Theirs.</p>');
    expect(both.warnings).toEqual([]);
  });

  it("reads an empty summary, as a CMS gives a cleared excerpt, as none: the summary is the body's first sentences", () => {
    for (const summary of ['', ' \n ']) {
      const { document, outputs } = buildFeeds([{ url: '/s', title: 'S', published: '2024-01-01', summary, contentHtml: '<p>First sentence here. Second one.</p>' }], site);
      expect(document.items[0]!.summary, JSON.stringify(summary)).toBe('First sentence here. Second one.');
      expect(outputs.rss).not.toContain('<description></description>');
    }
    const theirs = buildFeeds([{ link: '/s', title: 'S', date: '2024-01-01', summary: '', description: '<p>Theirs.</p>', content: '<p>Body.</p>' } as never], site);
    expect(theirs.document.items[0]!.summary).toBe('Theirs.');
  });

  it('reads C1 controls (Windows-1252 text decoded as Latin-1) as the characters they stand for, with one warning', () => {
    const item = {
      url: 'https://x.example/c1',
      title: 'Don\u0092t \u0081panic',
      summary: '\u0093Quoted\u0094',
      contentHtml: '<p>Price: \u0080 5 \u0096 or \u009d less\u0085</p>',
      tags: ['Caf\u0082'],
      authors: ['Ren\u008ee'],
      published: '2024-03-05T00:00:00Z',
    };
    const { document, outputs, warnings } = buildFeeds([item], site);
    const story = document.items[0]!;
    expect(story).toMatchObject({ title: 'Don’t panic', summary: '“Quoted”', tags: ['Caf‚'], authors: [{ name: 'RenŽe' }] });
    expect(story.contentHtml).toBe('<p>Price: € 5 – or  less…</p>');
    for (const format of ['rss', 'atom', 'json'] as const) expect(outputs[format], format).not.toMatch(/[\u0080-\u009f]|\\u00[89]/i);
    expect(warnings.map((w) => [w.code, w.message])).toEqual([
      [
        'W_ILLEGAL_CHAR',
        'items[0] held C1 control characters, Windows-1252 text decoded as Latin-1 (decode it as Windows-1252): replaced U+0092 with ’, U+0093 with “, U+0094 with ”, U+0080 with €, U+0096 with –, … (8 characters); removed U+0081, U+009D (2 characters), which Windows-1252 leaves undefined',
      ],
    ]);
    // Text without them is untouched, and the characters themselves pass as they are.
    expect(buildFeeds([{ ...item, title: 'Don’t “panic”', summary: 'x', contentHtml: '<p>ÿ é</p>', tags: [], authors: [] }], site).warnings).toEqual([]);
  });

  it('reads C1 controls in enclosure titles and extension elements too, in the same one warning', () => {
    const item = {
      url: 'https://x.example/c1-files',
      title: 'Episode',
      published: '2024-03-05T00:00:00Z',
      enclosures: [{ url: 'https://x.example/e.mp3', type: 'audio/mpeg', length: 10, title: 'Don\u0092t stop' }],
      extensions: { xml: { 'media:rating': 'nonadult', 'media:keywords': ['caf\u0082', '\u0093x\u0094'] } },
    };
    const { document, outputs, warnings } = buildFeeds([item], site);
    const story = document.items[0]!;
    expect(story.enclosures?.[0]?.title).toBe('Don’t stop');
    expect(story.extensions?.xml).toEqual({ 'media:rating': 'nonadult', 'media:keywords': ['caf‚', '“x”'] });
    for (const format of ['rss', 'atom', 'json'] as const) expect(outputs[format], format).not.toMatch(/[\u0080-\u009f]|\\u00[89]/i);
    expect(warnings.map((w) => [w.code, w.message])).toEqual([
      [
        'W_ILLEGAL_CHAR',
        'items[0] held C1 control characters, Windows-1252 text decoded as Latin-1 (decode it as Windows-1252): replaced U+0092 with ’, U+0082 with ‚, U+0093 with “, U+0094 with ” (4 characters)',
      ],
    ]);
  });

  it('takes the iTunes and podcast: elements storyfeed has no field for as custom elements (itunes:block, itunes:new-feed-url, podcast:funding)', async () => {
    const show: SiteConfig = {
      ...site,
      podcast: { image: 'https://x.example/art.jpg', categories: [{ text: 'Technology' }], explicit: false, owner: { name: 'Ann', email: 'ann@x.example' } },
      extensions: { xml: { 'itunes:block': 'yes', 'itunes:new-feed-url': 'https://new.example/rss.xml', 'podcast:funding': 'Support the show' } },
    };
    const episode = {
      url: '/ep1',
      title: 'S1E1: Pilot',
      published: '2024-03-01T06:00:00Z',
      enclosures: [{ url: 'https://x.example/1.mp3', type: 'audio/mpeg', length: 1200 }],
      extensions: { xml: { 'itunes:title': 'Pilot', 'itunes:block': 'no' } },
    };
    const { outputs } = buildFeeds([episode], show);
    for (const element of [
      '<itunes:block>yes</itunes:block>',
      '<itunes:new-feed-url>https://new.example/rss.xml</itunes:new-feed-url>',
      '<podcast:funding>Support the show</podcast:funding>',
      '<itunes:title>Pilot</itunes:title>',
      '<itunes:block>no</itunes:block>',
    ])
      expect(outputs.rss.split(element).length - 1, element).toBe(1);
    expect((await readFeed(outputs.rss)).problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The ones storyfeed writes stay its own, at either level.
    expect(errorOf(() => buildFeeds([episode], { ...show, extensions: { xml: { 'itunes:category': 'News' } } })).message).toContain(
      'extensions.xml["itunes:category"]: is an element storyfeed writes itself',
    );
    expect(errorOf(() => buildFeeds([{ ...episode, extensions: { xml: { 'podcast:transcript': 'x' } } }], show)).message).toContain('is an element storyfeed writes itself');
  });

  it('leaves an embedded frame out of the text and the summary: its link is media, not the lede', () => {
    for (const frame of ['<iframe src="https://www.youtube.com/embed/x" title="YouTube video player"></iframe>', '<iframe src="https://www.youtube.com/embed/x"></iframe>']) {
      const { document } = buildFeeds([{ title: 'C', link: 'https://x.example/c', date: new Date('2024-01-01T00:00:00Z'), content: `${frame}<p>Lede C.</p>` }], site);
      const item = document.items[0]!;
      expect(item.summary).toBe('Lede C.');
      expect(item.contentText).toBe('Lede C.');
      expect(item.contentHtml).toContain('<a href="https://www.youtube.com/embed/x">');
    }
  });

  it('leaves the fallback of video and audio out of the text and the summary, and out of the HTML with an element left out', () => {
    const video = '<video controls src="https://example.org/clip.mp4">Your browser does not support the video tag. <a href="https://example.org/clip.mp4">Download</a></video>';
    const audio = '<audio controls><source src="https://example.org/a.mp3" type="audio/mpeg"><track src="a.vtt"><p>Your browser does not support the audio element.</p></audio>';
    const unplayable = '<video class="video-js" data-setup="{}"><p class="vjs-no-js">To view this video please enable JavaScript.</p></video>';
    const items = [
      { url: '/a', title: 'A', published: '2024-01-01', contentHtml: `${video}${audio}${unplayable}<p>The ferry left at noon.</p>` },
      { url: '/b', title: 'B', published: '2024-01-01', contentMarkdown: `${video}\n\n${audio}\n\nThe ferry left at noon.` },
      { title: 'C', link: 'https://x.example/c', date: new Date('2024-01-01T00:00:00Z'), description: `<p>${video} The ferry left at noon.</p>` },
    ];
    const { document } = buildFeeds(items, site, { markdown: renderMarkdown });
    for (const item of document.items) {
      expect(item.summary, item.title).toBe('The ferry left at noon.');
      expect(item.contentText, item.title).toBe('The ferry left at noon.');
      expect(item.contentHtml, item.title).toContain('<video src="https://example.org/clip.mp4" controls>Your browser does not support the video tag. <a');
      expect(item.contentHtml, item.title).not.toContain('enable JavaScript');
    }
  });

  it('removes scripts from item HTML, with a warning', () => {
    const { document, warnings } = buildFeeds([{ url: '/s', title: 'S', published: '2024-01-01', contentHtml: '<p onclick="x()">Hi<script>alert(1)</script></p>' }], site);
    expect(document.items[0]!.contentHtml).toBe('<p>Hi</p>');
    expect(warnings.map((w) => w.code)).toEqual(['W_UNSAFE_HTML']);
  });

  it('accepts plain items in feed sets too', () => {
    const set = buildFeedSet([{ url: '/a', title: 'A', published: '2024-01-01', tags: ['C#'] }], site, { tagFeeds: true });
    expect(set.map((e) => e.path)).toEqual(['', 'tags/c/']);
  });
});

describe('invalid items and sites', () => {
  const bad: [string, unknown, string][] = [
    ['a missing url', { title: 'A', published: '2024-01-01' }, 'items[0].url is required'],
    ['a javascript: url', { url: 'javascript:alert(1)', title: 'A', published: '2024-01-01' }, 'items[0].url "javascript:alert(1)" must be an http(s) URL'],
    ['a bad date string', { url: '/a', title: 'A', published: '2024-13-01' }, 'items[0].published "2024-13-01" has month 13'],
    ['an invalid Date', { url: '/a', title: 'A', published: new Date('nope') }, 'items[0].published is an invalid Date'],
    ['a number as date', { url: '/a', title: 'A', published: 1704067200000 }, 'items[0].published must be a Date or an ISO 8601 string'],
    ['no date', { url: '/a', title: 'A' }, 'items[0].published is required'],
    ['tags that are not text', { url: '/a', title: 'A', published: '2024-01-01', tags: [1] }, 'items[0].tags[0] must be text'],
    ['an author without a name', { url: '/a', title: 'A', published: '2024-01-01', authors: [{ email: 'a@b.c' }] }, 'items[0].authors[0].name is required'],
    ['an enclosure without a type', { url: '/a', title: 'A', published: '2024-01-01', enclosures: [{ url: '/a.mp3' }] }, 'items[0].enclosures[0].type is required'],
    [
      'an enclosure with a negative length',
      { url: '/a', title: 'A', published: '2024-01-01', enclosures: [{ url: '/a.mp3', type: 'audio/mpeg', length: -1 }] },
      'items[0].enclosures[0].length must be a whole number',
    ],
    [
      'a custom element in an undeclared namespace',
      { url: '/a', title: 'A', published: '2024-01-01', extensions: { xml: { 'x:y': 'z' } } },
      'uses the prefix "x", which is not declared',
    ],
    [
      'a custom element storyfeed writes itself',
      { url: '/a', title: 'A', published: '2024-01-01', extensions: { xml: { 'itunes:explicit': 'yes' } } },
      'is an element storyfeed writes itself',
    ],
    [
      'no title and a body of only an image',
      { url: '/a', published: '2024-01-01', contentHtml: '<figure><img src="/photo.jpg" alt=""></figure>' },
      'items[0].title is required: the body holds no text (only images or markup) and the item has no summary with text',
    ],
    ['no title and no body', { url: '/a', published: '2024-01-01', contentHtml: '' }, 'items[0].title is required when the item has no summary or body'],
    ['a JSON extension without an underscore', { url: '/a', title: 'A', published: '2024-01-01', extensions: { json: { ext: {} } } }, 'must start with "_"'],
    ['null', null, 'items[0] must be an object'],
    ['a string', 'https://x.example/a', 'items[0] must be an object'],
  ];
  it.each(bad)('%s is an E_ITEM error naming the item and field, not a TypeError', (_name, item, message) => {
    const e = errorOf(() => buildFeeds([item as never], site));
    expect(e.code).toBe('E_ITEM');
    expect(e.message).toContain(message);
  });

  it('names the index of the bad item', () => {
    expect(
      errorOf(() =>
        buildFeeds(
          [
            { url: '/a', title: 'A', published: '2024-01-01' },
            { url: '/b', title: 'B', published: 'yesterday' },
          ],
          site,
        ),
      ).message,
    ).toContain('items[1].published');
  });

  it('a site without siteUrl or title is an E_CONFIG error naming the fields', () => {
    const e = errorOf(() => buildFeeds([], {} as SiteConfig));
    expect(e.code).toBe('E_CONFIG');
    expect(e.message).toContain('siteUrl');
    expect(e.message).toContain('title');
    expect(errorOf(() => buildFeeds('nope' as never, site)).code).toBe('E_ITEM');
  });
});
