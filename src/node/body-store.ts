import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isXmlClean, publishedBody } from '../feed/document.js';
import type { FeedDocument, FeedItem, SiteConfig, Story } from '../types.js';
import { contentHash } from './manifest.js';
import { bodyDigest, readIndexedBody, type IndexedBody } from './indexed-body.js';
import { readAtSync } from './read-bounded.js';

/**
 * Where one story's body sits: in the spill file, at `offset`, with the UTF-8 length of each part;
 * or, with `fd`, in the story cache's index open as `fd`, as the JSON array `[contentHtml, contentText]`
 * of `html` bytes at `offset` (see `story-cache.ts`).
 */
interface Span {
  offset: number;
  html: number;
  text: number;
  fd?: number;
}

/**
 * Where the bodies of one document's items are, for a task that reads them itself (a worker thread):
 * the main thread then never holds them, nor copies them into a message.
 */
export interface StoredBodies {
  /** The spill file. */
  file: string;
  /** How the feeds publish bodies (see {@link publishedBody}). */
  site: Pick<SiteConfig, 'content' | 'contentLimit'>;
  /** The span of each item's body, by item index; `null` for an item that carries its body. */
  spans: (Span | null)[];
}

/** The document with its items' bodies read from the spill file (see {@link BodyStore.storedBodies}). */
export function withStoredBodies(doc: FeedDocument, stored: StoredBodies): FeedDocument {
  const fd = stored.spans.some((span) => span && span.fd === undefined) ? openSync(stored.file, 'r') : -1;
  try {
    return {
      ...doc,
      items: doc.items.map((item, i) => {
        const span = stored.spans[i];
        return span ? { ...item, ...publishedBody({ url: item.url, summary: item.summary, ...readSpan(fd, span) }, stored.site) } : item;
      }),
    };
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/** Only the settings that shape a published body (the site config may hold much more). */
function bodySettings(site: Pick<SiteConfig, 'content' | 'contentLimit'>): Pick<SiteConfig, 'content' | 'contentLimit'> {
  return { ...(site.content !== undefined ? { content: site.content } : {}), ...(site.contentLimit !== undefined ? { contentLimit: site.contentLimit } : {}) };
}

function readSpan(spill: number, span: Span): { contentHtml: string; contentText: string } {
  if (span.fd !== undefined) return readIndexedBody({ fd: span.fd, offset: span.offset, length: span.html });
  const bytes = readAtSync(spill, span.html + span.text, span.offset, 'the story bodies of this build are cut off');
  return { contentHtml: bytes.toString('utf8', 0, span.html), contentText: bytes.toString('utf8', span.html) };
}

const BODIES_FILE = 'bodies';

/**
 * Bodies of this many stories stay in memory before the store starts moving bodies to disk: a small
 * build (a few MB of bodies) gains nothing from the round trip through the spill file, which costs a
 * warm 1,000-article build about a fifth of its time; a large one holds at most this many bodies.
 */
export const bodiesInMemory = { stories: 2000 };

/** Bytes of a body digest kept per story (128 bits of SHA-256). */
const DIGEST_BYTES = 16;
/** What a store that is not keyed keeps for a digest. */
const NO_DIGEST = Buffer.alloc(DIGEST_BYTES);

/**
 * One entry per story kept: where its body was written (offset `-1` when it stayed in memory) and
 * the digest of its body, numbered in the order kept, in two growing typed arrays: a build holds one
 * per story, and an object per entry would cost several times as much.
 */
class EntryTable {
  private numbers = new Float64Array(4 * 1024);
  private digests = Buffer.alloc(DIGEST_BYTES * 1024);
  private count = 0;

  /** Adds an entry; gives its number. */
  add(span: Span | undefined, digest: Buffer): number {
    if (4 * (this.count + 1) > this.numbers.length) {
      const grown = new Float64Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
      const more = Buffer.alloc(this.digests.length * 2);
      this.digests.copy(more);
      this.digests = more;
    }
    this.numbers.set(span ? [span.offset, span.html, span.text, span.fd ?? -1] : [-1, 0, 0, -1], 4 * this.count);
    digest.copy(this.digests, DIGEST_BYTES * this.count, 0, DIGEST_BYTES);
    return this.count++;
  }

  /** The span of entry `n`, or `undefined` when its body stayed in memory. */
  span(n: number): Span | undefined {
    const at = 4 * n;
    const offset = this.numbers[at] ?? -1;
    if (offset < 0) return undefined;
    const fd = this.numbers[at + 3] ?? -1;
    return { offset, html: this.numbers[at + 1] ?? 0, text: this.numbers[at + 2] ?? 0, ...(fd >= 0 ? { fd } : {}) };
  }

  /** The body digest of entry `n` (hex). */
  digest(n: number): string {
    return this.digests.toString('hex', DIGEST_BYTES * n, DIGEST_BYTES * (n + 1));
  }
}

/**
 * What a feed cache key reads of an item's body when the body store knows it: the digest of its
 * story's body and the settings that make the published body of it (see {@link publishedBody}),
 * so a key never needs the body itself (see `feed-cache.ts`).
 */
export interface BodyDigests {
  /** The settings that shape a published body, as JSON. */
  settings: string;
  /** The digest of the body of the item's story, when known. */
  digestOf(item: FeedItem): string | undefined;
}

/**
 * Story bodies (HTML and plain text, the bulk of a story) kept on disk while a build runs, so the
 * build holds light records and memory does not grow with the archive. A body is written once, when
 * its story is read, to a temporary file the build owns (never in the output folder); a feed being
 * rendered reads its items' bodies back ({@link BodyStore.withBodies}) and lets them go after.
 *
 * A body goes to disk only when it comes back exactly: text with characters XML forbids (or lone
 * surrogates, which UTF-8 cannot carry) stays on its story, to be cleaned and reported with its feed.
 * Stories are known by their seed file (unique in a build); items by their id (unique in a feed set).
 */
export class BodyStore {
  private fd: number | undefined;
  private dir: string | undefined;
  private size = 0;
  /** Bodies kept where the story cache's index holds them. */
  private indexed = 0;
  private readonly entries = new EntryTable();
  /** Entry numbers by seed file, then (once indexed) by item id. */
  private readonly byFile = new Map<string, number>();
  private readonly hashes = new Map<string, string>();
  private byId = new Map<string, number>();
  private readonly removeOnExit = (): void => this.close();

  constructor(
    /** How the feeds publish bodies: with `content: 'summary'` the bodies are never published, so none is kept. */
    private readonly site: Pick<SiteConfig, 'content' | 'contentLimit'>,
    /** Bodies of the first this many stories (in file order) stay in memory (see {@link bodiesInMemory}). */
    private readonly inMemory = bodiesInMemory.stories,
    /** Whether feed cache keys will ask for body digests ({@link BodyStore.digests}); without a feed cache no body is hashed. */
    private readonly keyed = true,
  ) {}

  /**
   * The story as the build holds it: its body moved to disk (`contentHtml` and `contentText` empty),
   * or the story itself when its body stays in memory (one of the first stories of a build in file order, no seed
   * file, or text that must be cleaned).
   */
  keep(story: Story, place: number, indexed?: IndexedBody): Story {
    if (indexed && story.file !== undefined && !this.byFile.has(story.file)) {
      // The story cache's index holds the body: nothing to write, nothing to hash. A body read anyway
      // (a story just normalized) stays in memory when the story is one of the first.
      const digest = Buffer.from(indexed.digest, 'hex');
      if (place < this.inMemory && (story.contentHtml !== '' || story.contentText !== '')) {
        this.byFile.set(story.file, this.entries.add(undefined, digest));
        return story;
      }
      this.hashes.set(story.file, indexed.hash);
      const span = this.site.content === 'summary' ? undefined : { offset: indexed.offset, html: indexed.length, text: 0, fd: indexed.fd };
      this.byFile.set(story.file, this.entries.add(span, digest));
      this.indexed++;
      return story.contentHtml === '' && story.contentText === '' ? story : { ...story, contentHtml: '', contentText: '' };
    }
    if (story.file === undefined || this.byFile.has(story.file) || !isXmlClean(story.contentHtml) || !isXmlClean(story.contentText)) return story;
    const digest = this.keyed ? bodyDigest(story) : NO_DIGEST;
    if (place < this.inMemory) {
      this.byFile.set(story.file, this.entries.add(undefined, digest));
      return story;
    }
    this.hashes.set(story.file, contentHash(story));
    // A summary feed never publishes the body: it is dropped, not written.
    const span = this.site.content === 'summary' ? undefined : this.write(story.contentHtml, story.contentText);
    this.byFile.set(story.file, this.entries.add(span, digest));
    return { ...story, contentHtml: '', contentText: '' };
  }

  /** The body digests of the stories kept, for feed cache keys (valid once {@link BodyStore.index} has named the items). */
  digests(): BodyDigests {
    return {
      settings: JSON.stringify(bodySettings(this.site)),
      digestOf: (item) => {
        const n = this.keyed ? this.byId.get(item.id) : undefined;
        return n === undefined ? undefined : this.entries.digest(n);
      },
    };
  }

  /** The {@link contentHash} of the story as it was read (with its body), when its body was moved. */
  hashOf(story: Story): string | undefined {
    return story.file === undefined ? undefined : this.hashes.get(story.file);
  }

  /**
   * Names the published stories whose bodies are on disk by their item id (call it once the stories
   * are final, before {@link withBodies}). Drafts are left out: they publish no item.
   */
  index(stories: readonly Story[]): void {
    this.byId = new Map();
    this.hashes.clear();
    for (const story of stories) {
      const entry = !story.draft && story.file !== undefined ? this.byFile.get(story.file) : undefined;
      if (entry !== undefined) this.byId.set(story.id, entry);
    }
    this.byFile.clear();
  }

  /** The document with its items' bodies read back, as {@link publishedBody} publishes them (a copy: `doc` stays light). */
  withBodies(doc: FeedDocument): FeedDocument {
    const stored = this.storedBodies(doc);
    return stored ? withStoredBodies(doc, stored) : doc;
  }

  /**
   * The UTF-8 length of the body the store keeps on disk for `item` (HTML and text together), 0 when
   * the item carries its body or has none (valid once {@link BodyStore.index} has named the items).
   */
  storedLength(item: FeedItem): number {
    const entry = this.byId.get(item.id);
    const span = entry === undefined ? undefined : this.entries.span(entry);
    return span ? span.html + span.text : 0;
  }

  /** Where the bodies of the document's items are, for {@link withStoredBodies}; `undefined` when its items carry their bodies. */
  storedBodies(doc: FeedDocument): StoredBodies | undefined {
    if (this.byId.size === 0 || (this.size === 0 && this.indexed === 0)) return undefined;
    if (this.dir === undefined && this.size > 0) throw new Error('the story bodies of this build were removed');
    const spans = doc.items.map((item) => {
      const entry = this.byId.get(item.id);
      return (entry === undefined ? undefined : this.entries.span(entry)) ?? null;
    });
    return spans.some(Boolean) ? { file: this.dir === undefined ? '' : path.join(this.dir, BODIES_FILE), site: bodySettings(this.site), spans } : undefined;
  }

  /** Removes the spill file (the build calls it when done; it also goes when the process exits). */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
    process.removeListener('exit', this.removeOnExit);
  }

  private write(html: string, text: string): Span {
    if (this.fd === undefined) {
      this.dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-bodies-'));
      this.fd = openSync(path.join(this.dir, BODIES_FILE), 'w+');
      process.once('exit', this.removeOnExit);
    }
    const bytes = Buffer.from(html + text, 'utf8');
    const span = { offset: this.size, html: Buffer.byteLength(html, 'utf8'), text: bytes.length - Buffer.byteLength(html, 'utf8') };
    for (let written = 0; written < bytes.length; ) written += writeSync(this.fd, bytes, written, bytes.length - written, this.size + written);
    this.size += bytes.length;
    return span;
  }
}
