/**
 * The `rss-parser` wrapper: the only module that imports it. `rss-parser` is asked for the raw
 * xml2js nodes of every element we read (`customFields` with `keepArray`), because its own
 * fields are lossy: only the first author, enclosure and `atom:link`, categories as mixed strings
 * and objects, guid `isPermaLink` dropped, Atom `updated` and categories hidden. Atom `published`
 * and `updated` are renamed before it sees them: it calls `toISOString()` on them without a guard,
 * so one bad date would reject the whole feed instead of being reported.
 */
import type Parser from 'rss-parser';
import { StoryfeedError } from '../errors.js';

/** The raw xml2js value of one element: a string, or an object with text (`_`), attributes (`$`) and children. */
export type RawNode = unknown;

/** A channel/feed or item/entry as `rss-parser` returns it, with our raw fields under `sf:<element>`. */
export type RawRecord = Readonly<Record<string, unknown>>;

/** What {@link parseWithRssParser} returns. */
export interface RawXmlFeed {
  /** The channel (RSS) or feed (Atom) fields. */
  feed: RawRecord;
  /** The items (RSS) or entries (Atom), in document order. */
  items: RawRecord[];
}

const RENAMED: Readonly<Record<string, string>> = { published: 'sf-published', updated: 'sf-updated' };

const FEED_ELEMENTS = ['title', 'link', 'description', 'language', 'lastBuildDate', 'generator', 'managingEditor', 'atom:link', 'id', 'subtitle', 'sf-updated', 'author'];
const ITEM_ELEMENTS = [
  'title', 'link', 'guid', 'description', 'content:encoded', 'pubDate', 'author', 'dc:creator', 'category', 'enclosure', 'media:content',
  'id', 'sf-published', 'sf-updated', 'summary', 'content',
];

const keepRaw = (name: string): [string, string, { keepArray: boolean }] => [name, `sf:${name}`, { keepArray: true }];

/**
 * Parses RSS or Atom with `rss-parser` and returns the raw nodes. Call it only on text that
 * passed the strict XML check: `rss-parser` accepts broken XML and corrupts it silently.
 */
export async function parseWithRssParser(text: string): Promise<RawXmlFeed> {
  const RssParser = await loadRssParser();
  const parser = new RssParser<Record<string, unknown>, Record<string, unknown>>({
    // rss-parser's d.ts allows only names for feed fields; at runtime they take the same [from, to, options] form as item fields.
    customFields: { feed: FEED_ELEMENTS.map(keepRaw) as unknown as string[], item: ITEM_ELEMENTS.map(keepRaw) },
    xml2js: { tagNameProcessors: [(name: string) => RENAMED[name] ?? name] },
    // Without this, <rss> lacking version="2.0" is rejected; we report it as a spec problem instead.
    defaultRSS: 2,
  });
  let result: unknown;
  try {
    result = await parser.parseString(text);
  } catch (error) {
    throw new StoryfeedError('E_FEED', `the feed cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!isRecord(result)) throw new StoryfeedError('E_FEED', 'the feed cannot be read');
  const items = Array.isArray(result.items) ? result.items.filter(isRecord) : [];
  return { feed: result, items };
}

let rssParser: Promise<typeof Parser> | undefined;

/** rss-parser (with xml2js) loads on first use: builds whose feeds all come from the cache never need it. */
function loadRssParser(): Promise<typeof Parser> {
  rssParser ??= import('rss-parser').then((m) => m.default);
  return rssParser;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every raw node of one element name in a record (`[]` when absent). */
export function nodes(record: RawRecord, element: string): RawNode[] {
  const value = record[`sf:${element}`];
  return Array.isArray(value) ? value : [];
}

/** The text of a raw node: xml2js gives a string, or `{_: text, $: attributes}`; an element with only attributes or children has none. */
export function nodeText(node: RawNode): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return node;
  if (isRecord(node)) return typeof node._ === 'string' ? node._ : '';
  return undefined;
}

/** The attributes of a raw node. */
export function nodeAttributes(node: RawNode): Readonly<Record<string, string>> {
  if (!isRecord(node) || !isRecord(node.$)) return {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(node.$)) if (typeof value === 'string') out[key] = value;
  return out;
}

/** The raw child nodes of a raw node (e.g. `<name>` inside an Atom `<author>`). */
export function childNodes(node: RawNode, element: string): RawNode[] {
  if (!isRecord(node)) return [];
  const value = node[element];
  return Array.isArray(value) ? value : [];
}

/** The text of the first `element` in a record. */
export function firstText(record: RawRecord, element: string): string | undefined {
  return nodeText(nodes(record, element)[0]);
}
