import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { buildFeedDocument } from '../../src/feed/document.js';
import { buildFeedSet, feedSetFiles } from '../../src/feed/sets.js';
import { BodyStore, bodiesInMemory, withStoredBodies } from '../../src/node/body-store.js';
import { runTask } from '../../src/node/workers.js';
import { FeedCache } from '../../src/node/feed-cache.js';
import { buildSite } from '../../src/node/build.js';
import { loadStories } from '../../src/node/load-stories.js';
import { contentHash } from '../../src/node/manifest.js';
import { renderFeeds } from '../../src/render/index.js';
import { parseSeed } from '../../src/story/normalize.js';
import type { SiteConfig, Story } from '../../src/types.js';

const site: SiteConfig = { siteUrl: 'https://news.example.com', title: 'News', authors: [{ name: 'Desk' }] };

/** Bodies with text UTF-8 and UTF-16 measure differently: Cyrillic, CJK, astral emoji, escapes. */
const BODIES = [
  'Київ, 3 листопада. Перший абзац про поромне сполучення.\n\nДругий абзац.',
  '東京 — 最初の段落。\n\n二番目の段落 & <угода>.',
  'Plain ASCII first paragraph.\n\nA second one with 🚢 and 𝕏 (astral).',
];

function story(i: number, body = BODIES[i % BODIES.length]!): Story {
  return parseSeed(`Story ${i}: ferries\n\n${body}\n`, { file: `seeds/2024-02-${String(i + 1).padStart(2, '0')}-story-${i}.txt`, site });
}

describe('BodyStore', () => {
  let store: BodyStore | undefined;
  afterEach(() => store?.close());

  it('moves bodies to disk and gives every item back the body its feed publishes', () => {
    store = new BodyStore(site, 0);
    const full = Array.from({ length: 6 }, (_, i) => story(i));
    const light = full.map((s, i) => store!.keep(s, i));
    expect(light.every((s) => s.contentHtml === '' && s.contentText === '')).toBe(true);
    expect(light.map((s) => store!.hashOf(s))).toEqual(full.map(contentHash));
    store.index(light);
    const expected = buildFeedDocument(full, site);
    const document = buildFeedDocument(light, site);
    expect(document.items.every((item) => item.contentHtml === '')).toBe(true);
    expect(store.withBodies(document)).toEqual(expected);
    // The length of each body on disk (UTF-8, HTML and text), and 0 for a body held in memory.
    expect(document.items.map((item) => store!.storedLength(item))).toEqual(expected.items.map((item) => Buffer.byteLength(item.contentHtml + item.contentText)));
    expect(store.storedLength(expected.items[0]!)).toBeGreaterThan(expected.items[0]!.contentHtml.length);
    const inMemory = new BodyStore(site, 10);
    try {
      inMemory.index(full.map((s, i) => inMemory.keep(s, i)));
      expect(inMemory.storedLength(expected.items[0]!)).toBe(0);
    } finally {
      inMemory.close();
    }
  });

  it('cuts bodies read back to `contentLimit` as the feed does', () => {
    const limited = { ...site, contentLimit: 40 };
    store = new BodyStore(limited, 0);
    const full = Array.from({ length: 3 }, (_, i) => story(i));
    const light = full.map((s, i) => store!.keep(s, i));
    store.index(light);
    const expected = buildFeedDocument(full, limited);
    expect(expected.items.some((item) => item.contentHtml.includes('Read the full story'))).toBe(true);
    expect(store.withBodies(buildFeedDocument(light, limited))).toEqual(expected);
  });

  it('keeps nothing for summary feeds, whose bodies are never published', () => {
    const summary = { ...site, content: 'summary' as const };
    store = new BodyStore(summary, 0);
    const full = [story(0), story(1)];
    const light = full.map((s, i) => store!.keep(s, i));
    expect(light.every((s) => s.contentHtml === '')).toBe(true);
    store.index(light);
    const document = buildFeedDocument(light, summary);
    expect(store.withBodies(document)).toBe(document);
    expect(document).toEqual(buildFeedDocument(full, summary));
  });

  it('leaves a body that must be cleaned on its story, so the feed cleans it and says so', () => {
    store = new BodyStore(site, 0);
    const dirty = { ...story(0), contentText: 'A bell\u0007 rings.' };
    const kept = store.keep(dirty, 0);
    expect(kept).toBe(dirty);
    expect(store.hashOf(kept)).toBeUndefined();
  });

  it('knows items by the ids of published stories only (a draft may share an id)', () => {
    store = new BodyStore(site, 0);
    const published = story(0);
    const draft = { ...story(1), id: published.id, draft: true };
    const light = [store.keep(published, 0), store.keep(draft, 1)];
    store.index(light);
    expect(store.withBodies(buildFeedDocument(light, site)).items[0]!.contentHtml).toBe(published.contentHtml);
  });

  it('cannot read bodies once closed', () => {
    store = new BodyStore(site, 0);
    const light = [store.keep(story(0), 0)];
    store.index(light);
    const document = buildFeedDocument(light, site);
    store.close();
    expect(() => store!.withBodies(document)).toThrow(/removed/);
  });
});

describe('buildSite with bodies on disk', () => {
  let dir: string;
  // Every body of these small builds goes to disk, as in a large archive.
  const defaultInMemory = bodiesInMemory.stories;
  beforeEach(() => {
    bodiesInMemory.stories = 0;
    dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-bodies-test-'));
    mkdirSync(path.join(dir, 'seeds'));
    for (let i = 0; i < 9; i++) writeFileSync(path.join(dir, 'seeds', `2024-03-${String(i + 1).padStart(2, '0')}-story-${i}.txt`), `Story ${i}\n\n${BODIES[i % BODIES.length]}\n`);
  });
  afterEach(() => {
    bodiesInMemory.stories = defaultInMemory;
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, extra] of [
    ['full bodies', {}],
    ['contentLimit', { contentLimit: 45 }],
  ] as const) {
    it(`publishes exactly the feeds of the whole stories, archive pages and tag feeds included (${name})`, async () => {
      const config = validateConfig({ ...site, entities: false, archive: true, itemLimit: 2, tagFeeds: true, stylesheet: false, indexPage: false, ...extra });
      const seeds = path.join(dir, 'seeds');
      const whole = await loadStories(seeds, { site: config, cwd: dir });
      const set = buildFeedSet(whole.stories, config, { tagFeeds: true });
      const result = await buildSite({ config, cwd: dir, seeds, cache: false });
      expect(result.feeds.length).toBe(set.length);
      expect(set.length).toBeGreaterThan(4);
      for (const entry of set) {
        const files = feedSetFiles(entry, config);
        const outputs = renderFeeds(entry.document);
        for (const format of ['rss', 'atom', 'json'] as const) expect(result.contents[files[format]]).toBe(outputs[format]);
      }
      expect(result.stories.every((s) => s.contentHtml === '' && s.contentText === '')).toBe(true);
      expect(result.document).toEqual(set[0]!.document);
    });
  }
});

describe('bodies read by a render task', () => {
  it('a feed task given where the bodies are renders exactly the feed of the whole stories', async () => {
    const store = new BodyStore(site, 0);
    try {
      const full = Array.from({ length: 4 }, (_, i) => story(i));
      const light = full.map((s, i) => store.keep(s, i));
      store.index(light);
      const document = buildFeedDocument(light, site);
      const bodies = store.storedBodies(document);
      expect(bodies?.spans.every(Boolean)).toBe(true);
      expect(withStoredBodies(document, bodies!)).toEqual(buildFeedDocument(full, site));
      const result = await runTask({ kind: 'feed', document, formats: ['rss', 'atom', 'json'], bodies: bodies! });
      expect(result.report.ok).toBe(true);
      expect(result.outputs).toEqual(renderFeeds(buildFeedDocument(full, site)));
    } finally {
      store.close();
    }
  });
});

describe('bodies of a small build', () => {
  it('stay in memory for the first stories, then go to disk, and read back the same either way', () => {
    const site = { content: 'full' } as Pick<SiteConfig, 'content' | 'contentLimit'>;
    const store = new BodyStore(site, 2);
    try {
      const stories = [0, 1, 2, 3].map((i) =>
        parseSeed(`Story ${i}\n\nThe body of story ${i}, which the feed publishes.\n`, {
          file: `seeds/s${i}.txt`,
          site: { siteUrl: 'https://news.example.com', title: 'News' } as never,
          fallbackDate: new Date('2024-01-01T00:00:00Z'),
        }),
      );
      const kept = stories.map((story, i) => store.keep(story, i));
      expect(kept.map((story) => story.contentHtml !== '')).toEqual([true, true, false, false]);
      store.index(kept);
      const doc = buildFeedDocument(kept, { siteUrl: 'https://news.example.com', title: 'News' } as never);
      expect(store.withBodies(doc)).toEqual(buildFeedDocument(stories, { siteUrl: 'https://news.example.com', title: 'News' } as never));
    } finally {
      store.close();
    }
  });
});

describe('feed cache keys from body digests', () => {
  it('key a light document as its whole one, and tell apart bodies of the same length', () => {
    const cache = new FeedCache(path.join(tmpdir(), 'storyfeed-unused-feed-cache'));
    const keyOf = (stories: Story[]): { light: string; whole: string } => {
      const store = new BodyStore(site, 0);
      try {
        const light = stories.map((s, i) => store.keep(s, i));
        store.index(light);
        const doc = buildFeedDocument(light, site);
        return { light: cache.key('items', doc, store.digests()), whole: cache.key('items', store.withBodies(doc), store.digests()) };
      } finally {
        store.close();
      }
    };
    const first = keyOf([story(0), story(1)]);
    // The light document (bodies on disk) and the same document with its bodies read back have one key.
    expect(first.light).toBe(first.whole);
    expect(keyOf([story(0), story(1)]).light).toBe(first.light);
    // One character of one body changed, its length kept: another key.
    const changed = story(1, BODIES[1]!.replace('最初', '最後'));
    expect(changed.contentText.length).toBe(story(1).contentText.length);
    expect(keyOf([story(0), changed]).light).not.toBe(first.light);
  });

  it('hashes no body where no feed cache asks for digests', () => {
    const store = new BodyStore(site, 0, false);
    try {
      const light = [story(0)].map((s, i) => store.keep(s, i));
      store.index(light);
      const doc = buildFeedDocument(light, site);
      expect(store.digests().digestOf(doc.items[0]!)).toBeUndefined();
      // The bodies still come back.
      expect(store.withBodies(doc).items[0]?.contentHtml).toContain('Київ');
    } finally {
      store.close();
    }
  });
});
