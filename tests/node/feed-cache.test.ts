import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { codeIdentity } from '../../src/node/code-identity.js';
import { FeedCache, lazyOutputs, readText, readTexts, writeTexts } from '../../src/node/feed-cache.js';
import { sampleDocument } from '../verify/fixtures.js';

const work = mkdtempSync(path.join(tmpdir(), 'storyfeed-feed-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('feed cache entries', () => {
  const texts = { rss: '<rss>é — ]]> \u{1F600}</rss>\n', atom: '', json: '{"title": "Ω"}\n' };

  it('give back each text, alone or all together', async () => {
    const file = path.join(work, 'a');
    await writeTexts(file, texts);
    expect(readTexts(file)).toEqual(texts);
    for (const format of ['rss', 'atom', 'json'] as const) expect(readText(file, format)).toBe(texts[format]);
  });

  it('are a miss when missing or cut off', async () => {
    const file = path.join(work, 'b');
    expect(readTexts(file)).toBeUndefined();
    await writeTexts(file, texts);
    writeFileSync(file, 'sf2 10 0 3\nshort');
    expect(readTexts(file)).toBeUndefined();
  });

  it('read lazily, from the entry and then from the published files', async () => {
    const file = path.join(work, 'c');
    await writeTexts(file, texts);
    const lazy = lazyOutputs(file);
    expect({ ...lazy.outputs }).toEqual(texts);
    const published = { rss: path.join(work, 'rss.xml'), atom: path.join(work, 'atom.xml'), json: path.join(work, 'feed.json') };
    for (const format of ['rss', 'atom', 'json'] as const) writeFileSync(published[format], `${format}!`);
    lazy.moveTo(published);
    rmSync(file);
    expect(lazy.outputs.rss).toBe('rss!');
    expect(JSON.parse(JSON.stringify(lazy.outputs))).toEqual({ rss: 'rss!', atom: 'atom!', json: 'json!' });
  });
});

describe('feed cache keys', () => {
  const cache = new FeedCache(work);
  // Lone surrogates, NUL, U+FFFD (what UTF-8 would turn a lone surrogate into) and astral characters.
  const unit = fc.constantFrom('a', '\0', '\ud800', '\udc00', '\ufffd', '\u{1F600}', '"', '\\', 'é');
  // Two texts that differ in one character.
  const pair = fc.tuple(fc.array(unit, { minLength: 1, maxLength: 6 }), fc.nat(), unit).map(([units, at, other]) => {
    const changed = [...units];
    changed[at % units.length] = other;
    return [units.join(''), changed.join('')] as const;
  });

  it('differ whenever a title or a body differs, whatever the characters (property)', () => {
    fc.assert(
      fc.property(pair, fc.constantFrom('title', 'summary', 'contentHtml', 'contentText'), ([a, b], field) => {
        fc.pre(a !== b);
        const keyWith = (value: string): string => {
          const doc = sampleDocument();
          doc.items[0] = { ...doc.items[0]!, [field]: value };
          return cache.key('feed', doc);
        };
        expect(keyWith(a)).not.toBe(keyWith(b));
      }),
      { numRuns: 400 },
    );
  });

  it('differ whenever the body digest of an item differs, or an item is keyed by its body instead of its digest', () => {
    const doc = sampleDocument();
    const digests = (digestOf: (index: number) => string | undefined) => ({ settings: 's', digestOf: (item: (typeof doc.items)[number]) => digestOf(doc.items.indexOf(item)) });
    const keys = [
      cache.key('items', doc),
      cache.key(
        'items',
        doc,
        digests(() => undefined),
      ),
      cache.key(
        'items',
        doc,
        digests((i) => `d${i}`),
      ),
      cache.key(
        'items',
        doc,
        digests((i) => (i === 0 ? 'd0' : undefined)),
      ),
      cache.key(
        'items',
        doc,
        digests((i) => (i === 1 ? 'd1' : undefined)),
      ),
      cache.key(
        'items',
        doc,
        digests((i) => (i === 0 ? 'dX' : `d${i}`)),
      ),
    ];
    expect(new Set(keys.slice(1)).size).toBe(keys.length - 1);
    // Without a digest for any item, the settings alone are what a digest-less key adds.
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('hash, item after item, the JSON of its fields and then its digest or its body (the bytes of the plain definition)', () => {
    const plainKey = (kind: 'feed' | 'items', doc: ReturnType<typeof sampleDocument>, digestOf?: (item: (typeof doc.items)[number]) => string | undefined): string => {
      const { items, ...head } = doc;
      const hash = createHash('sha256')
        .update(`${codeIdentity()}\0${kind}\0`)
        .update(JSON.stringify(kind === 'items' ? { ...head, updated: null } : head), 'utf8')
        .update(`\0${digestOf ? 's' : ''}`, 'utf8');
      for (const item of items) {
        const { contentHtml, contentText, ...rest } = item;
        hash.update(`\0${JSON.stringify(rest)}\0`, 'utf8');
        const digest = digestOf?.(item);
        if (digest !== undefined) hash.update(`d${digest}`, 'utf8');
        else hash.update(`${contentHtml.length}\0`, 'utf8').update(contentHtml, 'utf16le').update(`\0${contentText.length}\0`, 'utf8').update(contentText, 'utf16le');
      }
      return hash.digest('hex');
    };
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), fc.constantFrom('feed' as const, 'items' as const), fc.boolean(), (withDigest, kind, given) => {
        const doc = sampleDocument();
        const digestOf = (item: (typeof doc.items)[number]): string | undefined => (withDigest[doc.items.indexOf(item)] ? `digest-${doc.items.indexOf(item)}` : undefined);
        expect(cache.key(kind, doc, given ? { settings: 's', digestOf } : undefined)).toBe(plainKey(kind, doc, given ? digestOf : undefined));
      }),
    );
  });

  it('differ when a body moves from one item to the next', () => {
    const doc = sampleDocument();
    const moved = sampleDocument();
    moved.items[0] = { ...moved.items[0]!, contentText: `${moved.items[0]!.contentText}\0` };
    moved.items[1] = { ...moved.items[1]!, contentHtml: moved.items[1]!.contentHtml.slice(0, -1) };
    expect(cache.key('items', moved)).not.toBe(cache.key('items', doc));
  });
});

describe('pruning', () => {
  it('is best effort: an entry that cannot be removed (another user’s, or not a file) is left, and the build goes on', async () => {
    const dir = path.join(work, 'prune');
    mkdirSync(dir, { recursive: true });
    const stale = path.join(dir, 'a'.repeat(64));
    writeFileSync(stale, 'old entry');
    // A folder where an entry should be: rm without `recursive` refuses it, as it refuses a file another user owns.
    const stuck = path.join(dir, 'b'.repeat(64));
    mkdirSync(stuck);
    writeFileSync(path.join(stuck, 'x'), 'x');
    await expect(new FeedCache(dir).prune()).resolves.toBeUndefined();
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(stuck)).toBe(true);
  });
});
