import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isXmlClean, publishedBody } from '../feed/document.js';
import type { FeedDocument, SiteConfig, Story } from '../types.js';
import { contentHash } from './manifest.js';

/** Where one story's body sits in the spill file: its offset and the UTF-8 length of each part. */
interface Span {
  offset: number;
  html: number;
  text: number;
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
  const fd = openSync(stored.file, 'r');
  try {
    return {
      ...doc,
      items: doc.items.map((item, i) => {
        const span = stored.spans[i];
        return span ? { ...item, ...publishedBody({ url: item.url, summary: item.summary, ...readSpan(fd, span) }, stored.site) } : item;
      }),
    };
  } finally {
    closeSync(fd);
  }
}

/** Only the settings that shape a published body (the site config may hold much more). */
function bodySettings(site: Pick<SiteConfig, 'content' | 'contentLimit'>): Pick<SiteConfig, 'content' | 'contentLimit'> {
  return { ...(site.content !== undefined ? { content: site.content } : {}), ...(site.contentLimit !== undefined ? { contentLimit: site.contentLimit } : {}) };
}

function readSpan(fd: number, span: Span): { contentHtml: string; contentText: string } {
  const bytes = Buffer.allocUnsafe(span.html + span.text);
  for (let read = 0; read < bytes.length; ) {
    const n = readSync(fd, bytes, read, bytes.length - read, span.offset + read);
    if (n === 0) throw new Error('the story bodies of this build are cut off');
    read += n;
  }
  return { contentHtml: bytes.toString('utf8', 0, span.html), contentText: bytes.toString('utf8', span.html) };
}

const BODIES_FILE = 'bodies';

/**
 * Bodies of this many stories stay in memory before the store starts moving bodies to disk: a small
 * build (a few MB of bodies) gains nothing from the round trip through the spill file, which costs a
 * warm 1,000-article build about a fifth of its time; a large one holds at most this many bodies.
 */
export const bodiesInMemory = { stories: 2000 };

/**
 * The spans of the bodies written, numbered in the order written, three numbers each in one growing
 * array: a build holds one per story, and an object per span would cost several times as much.
 */
class SpanTable {
  private numbers = new Float64Array(3 * 1024);
  private count = 0;

  /** Adds a span; gives its number. */
  add(span: Span): number {
    if (3 * (this.count + 1) > this.numbers.length) {
      const grown = new Float64Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers.set([span.offset, span.html, span.text], 3 * this.count);
    return this.count++;
  }

  /** The span numbered `n`. */
  get(n: number): Span {
    const at = 3 * n;
    return { offset: this.numbers[at] ?? 0, html: this.numbers[at + 1] ?? 0, text: this.numbers[at + 2] ?? 0 };
  }
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
  private readonly spans = new SpanTable();
  /** Span numbers by seed file, then (once indexed) by item id. */
  private readonly byFile = new Map<string, number>();
  private readonly hashes = new Map<string, string>();
  private byId = new Map<string, number>();
  private readonly removeOnExit = (): void => this.close();

  constructor(
    /** How the feeds publish bodies: with `content: 'summary'` the bodies are never published, so none is kept. */
    private readonly site: Pick<SiteConfig, 'content' | 'contentLimit'>,
    /** Bodies of the first this many stories (in file order) stay in memory (see {@link bodiesInMemory}). */
    private readonly inMemory = bodiesInMemory.stories,
  ) {}

  /**
   * The story as the build holds it: its body moved to disk (`contentHtml` and `contentText` empty),
   * or the story itself when its body stays in memory (one of the first stories of a build in file order, no seed
   * file, or text that must be cleaned).
   */
  keep(story: Story, place: number): Story {
    if (place < this.inMemory) return story;
    if (story.file === undefined || this.hashes.has(story.file) || !isXmlClean(story.contentHtml) || !isXmlClean(story.contentText)) return story;
    this.hashes.set(story.file, contentHash(story));
    if (this.site.content !== 'summary') this.byFile.set(story.file, this.spans.add(this.write(story.contentHtml, story.contentText)));
    return { ...story, contentHtml: '', contentText: '' };
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
      const span = !story.draft && story.file !== undefined ? this.byFile.get(story.file) : undefined;
      if (span !== undefined) this.byId.set(story.id, span);
    }
    this.byFile.clear();
  }

  /** The document with its items' bodies read back, as {@link publishedBody} publishes them (a copy: `doc` stays light). */
  withBodies(doc: FeedDocument): FeedDocument {
    const stored = this.storedBodies(doc);
    return stored ? withStoredBodies(doc, stored) : doc;
  }

  /** Where the bodies of the document's items are, for {@link withStoredBodies}; `undefined` when its items carry their bodies. */
  storedBodies(doc: FeedDocument): StoredBodies | undefined {
    if (this.byId.size === 0) return undefined;
    if (this.dir === undefined) throw new Error('the story bodies of this build were removed');
    const spans = doc.items.map((item) => {
      const span = this.byId.get(item.id);
      return span === undefined ? null : this.spans.get(span);
    });
    return spans.some(Boolean) ? { file: path.join(this.dir, BODIES_FILE), site: bodySettings(this.site), spans } : undefined;
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
