/**
 * The second, independent reading of RSS and Atom: `rss-parser`, the round-trip reader the design
 * names. This is the only module that imports it. Whatever `rss-parser` (or the xml2js under it)
 * throws or rejects with is caught here and returned as a failed reading; it never escapes.
 *
 * It is used only where the text is known to be well-formed (after the strict reader accepted it):
 * `rss-parser` accepts broken XML and corrupts it silently, matches elements by prefix instead of
 * namespace and drops unescaped markup, so it is a cross-check of our strict reader, never the
 * authority on what a feed says. It reads only our own outputs (the round trip, verifyDocument),
 * never arbitrary feeds given to `storyfeed verify`: why is said where those are read
 * (src/node/verify-sources.ts).
 */
import type Parser from 'rss-parser';

/** One item (RSS `<item>`) or entry (Atom `<entry>`) as `rss-parser` reads it. */
export interface RssParserItem {
  /**
   * The title text as `rss-parser` gives it (entities decoded by XML, HTML left as written);
   * `null` when it gives a tree instead of text (an Atom `type="xhtml"` title).
   */
  title?: string | null;
  /** RSS `<link>`; Atom: the `rel="alternate"` link's href, else the first link's. */
  link?: string;
  /** RSS `<guid>` text, Atom `<id>`, as written. */
  id?: string;
  /** RSS `<pubDate>` as written; Atom `published` (else `updated`) as an ISO string. */
  pubDate?: string;
  /** `pubDate` as an ISO instant, when JavaScript's `Date` can read it. */
  isoDate?: string;
  /** RSS `<description>`, Atom `<content>` (markup serialised back by xml2js). */
  content?: string;
  /** `content` reduced to text by `rss-parser`. */
  contentSnippet?: string;
  /** Atom `<summary>`. */
  summary?: string;
  /** RSS `dc:creator`, else `<author>` (as `rss-parser` copies them; Atom has none). */
  creator?: string;
  /** RSS `<author>`; Atom: the first author's `<name>`. */
  author?: string;
  /** RSS `<category>` texts (Atom categories are not read by `rss-parser`). */
  categories: string[];
  /** The first RSS `<enclosure>` (Atom enclosure links are not read by `rss-parser`). */
  enclosure?: { url?: string; type?: string; length?: string };
}

/** What {@link readWithRssParser} returns: the items, or why `rss-parser` could not read the text. */
export type RssParserReading =
  | {
      /** `rss-parser` read the feed. */
      ok: true;
      /** The items in document order. */
      items: RssParserItem[];
    }
  | {
      /** `rss-parser` threw or rejected. */
      ok: false;
      /** Its message, e.g. `Cannot read properties of undefined (reading '$')`. */
      message: string;
    };

/**
 * Reads an RSS or Atom document with `rss-parser` (`parseString`). Never throws and never
 * rejects: any exception becomes `{ ok: false, message }`. Call it only on text the strict reader
 * has accepted as well-formed XML.
 */
export async function readWithRssParser(text: string): Promise<RssParserReading> {
  try {
    const RssParser = await loadRssParser();
    // Without defaultRSS, <rss> lacking version="2.0" is rejected; the strict reader reports that.
    const parser = new RssParser({ defaultRSS: 2 });
    const result: unknown = await parser.parseString(text);
    if (!isRecord(result)) return { ok: false, message: 'it returned no feed' };
    const raw = Array.isArray(result.items) ? result.items : [];
    const items: RssParserItem[] = [];
    for (const entry of raw) items.push(itemFrom(entry));
    return { ok: true, items };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

let rssParser: Promise<typeof Parser> | undefined;

/** rss-parser (with xml2js) loads on first use: builds whose feeds all come from the cache never need it. */
function loadRssParser(): Promise<typeof Parser> {
  rssParser ??= import('rss-parser').then((m) => m.default);
  return rssParser;
}

function itemFrom(entry: unknown): RssParserItem {
  const item: RssParserItem = { categories: [] };
  if (!isRecord(entry)) return item;
  if (entry.title !== undefined) item.title = typeof entry.title === 'string' ? entry.title : (textOf(entry.title) ?? null);
  const link = textOf(entry.link);
  if (link !== undefined) item.link = link;
  // rss-parser gives RSS guids as `guid` and Atom ids as `id`.
  const id = textOf(entry.guid) ?? textOf(entry.id);
  if (id !== undefined) item.id = id;
  for (const field of ['pubDate', 'isoDate', 'content', 'contentSnippet', 'summary', 'creator', 'author'] as const) {
    const value = textOf(entry[field]);
    if (value !== undefined) item[field] = value;
  }
  if (Array.isArray(entry.categories)) {
    for (const category of entry.categories) {
      const term = textOf(category);
      if (term !== undefined) item.categories.push(term);
    }
  }
  if (isRecord(entry.enclosure)) {
    const enclosure: NonNullable<RssParserItem['enclosure']> = {};
    for (const field of ['url', 'type', 'length'] as const) {
      const value = entry.enclosure[field];
      if (typeof value === 'string') enclosure[field] = value;
    }
    item.enclosure = enclosure;
  }
  return item;
}

/** A string, or the text (`_`) of an xml2js node with attributes; undefined for anything else. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value._ === 'string') return value._;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
