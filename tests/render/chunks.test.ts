import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFeedDocument } from '../../src/feed/document.js';
import { buildFeedSet } from '../../src/feed/sets.js';
import { joinPieces, splitDocument } from '../../src/render/chunks.js';
import { renderFormat } from '../../src/render/index.js';
import { parseSeed } from '../../src/story/normalize.js';
import type { FeedDocument, FeedFormat, SiteConfig, Story } from '../../src/types.js';
import { makeStory, testSite } from '../support/stories.js';

const root = path.resolve(import.meta.dirname, '../..');
const FORMATS: FeedFormat[] = ['rss', 'atom', 'json'];

const fixtures: Story[] = readdirSync(path.join(root, 'tests/fixtures/articles'))
  .sort()
  .map((name, i) => {
    const file = `tests/fixtures/articles/${name}`;
    const story = parseSeed(readFileSync(path.join(root, file), 'utf8'), { file, site: { ...testSite, defaultYear: 2024 }, fallbackDate: new Date('2024-11-01T00:00:00Z') });
    return { ...story, published: new Date(Date.UTC(2024, 0, 1 + i)), updated: new Date(Date.UTC(2024, 0, 2 + i)) };
  });

const extras: Story[] = [
  makeStory({
    slug: 'img',
    image: { url: 'https://cdn.example.com/a b.jpg?x=1&y=2', type: 'image/jpeg' },
    authors: [
      { name: 'A <b>', email: 'a@example.com' },
      { name: 'B & C', url: 'https://b.example.com/' },
    ],
  }),
  makeStory({
    slug: 'cdata',
    title: 'Q&A: ]]> <item> </entry> "items": [',
    contentHtml: '<p>]]&gt; </item></entry> <![CDATA[ x ]]> \r\n y</p>',
    summary: '</item> ]]>',
    tags: ['<item>', 'a&b'],
  }),
  makeStory({ slug: 'lang', language: 'uk', id: 'urn:x:1', published: new Date('2023-05-05T10:00:00Z'), updated: new Date('2023-05-06T10:00:00Z') }),
  makeStory({ slug: 'empty', contentHtml: '', summary: '', tags: [] }),
];

function documents(site: SiteConfig): FeedDocument[] {
  const stories = [...fixtures, ...extras];
  return [buildFeedDocument(stories, site), ...buildFeedSet(stories, { ...site, archive: true, itemLimit: 4 }, { tagFeeds: true }).map((e) => e.document)];
}

const sites: [string, SiteConfig][] = [
  ['a plain site', testSite],
  [
    'a site with every option',
    {
      ...testSite,
      stylesheet: 'feed.xsl',
      hub: 'https://hub.example.com/',
      copyright: '© <Example>',
      icon: 'https://news.example.com/i.png',
      logo: 'https://news.example.com/l.png',
      favicon: 'https://news.example.com/f.ico',
      authors: [...(testSite.authors ?? []), { name: 'Second', url: 'https://s.example.com/' }],
    },
  ],
  ['a site with no authors', { ...testSite, authors: [] }],
];

describe('rendering in pieces', () => {
  it.each(sites)('joins into exactly the whole rendering, for %s', (_name, site) => {
    for (const doc of documents(site)) {
      for (const format of FORMATS) {
        const whole = renderFormat(doc, format);
        for (const size of [1, 2, 3, 5]) {
          const joined = joinPieces(
            format,
            splitDocument(doc, size).map((piece) => renderFormat(piece, format)),
          );
          expect(joined, `${format}, pieces of ${size}`).toBe(whole);
        }
      }
    }
  });

  it('refuses pieces that do not share head and tail', () => {
    const [a, b] = splitDocument(buildFeedDocument([...fixtures, ...extras], testSite), 4);
    const other = { ...b!, title: 'Another feed' };
    for (const format of FORMATS) expect(joinPieces(format, [renderFormat(a!, format), renderFormat(other, format)])).toBeUndefined();
  });
});
