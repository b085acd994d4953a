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
import type { XmlElement } from './xml-check.js';
import { errorText } from '../errors.js';
import { isBlank } from './xml-rules.js';

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
    // A new parser each time: xml2js's parser is left in a broken state by a document it fails on.
    const RssParser = await loadRssParser();
    return readingOf(await new RssParser(PARSER_OPTIONS).parseString(text));
  } catch (error) {
    return failed(error);
  }
}

/**
 * `rss-parser`'s reading of a document whose XML the strict reader has already parsed: the tree is
 * handed to `rss-parser` in the object form its XML layer (xml2js 0.5, `rss-parser`'s options)
 * builds, through the same events in the same order, and `rss-parser`'s own feed builders read the
 * feed from it, exactly as `parseString` does after parsing. The text is parsed once.
 *
 * The bodies of items and entries ({@link ITEM_BODIES}) are left out: the round trip compares
 * `rss-parser`'s ids, titles, links, dates and enclosures with the strict reading, never its
 * bodies (the strict reader's bodies are compared with the document), and turning every body into
 * text snippets was most of the cost of this reading. So the items read here are `parseString`'s
 * without `content`, `contentSnippet` and `summary`; every other field, and every failure, is the
 * same. Falls back to {@link readWithRssParser} on the text when the installed `rss-parser` has no
 * builders to call. Never throws and never rejects.
 */
export async function readTreeWithRssParser(root: XmlElement, text: string): Promise<RssParserReading> {
  try {
    const parser = await rssParserInstance();
    if (!hasFeedBuilders(parser)) return await readWithRssParser(text);
    return readingOf(buildFeed(parser, xml2jsObject(root)));
  } catch (error) {
    return failed(error);
  }
}

function readingOf(result: unknown): RssParserReading {
  if (!isRecord(result)) return { ok: false, message: 'it returned no feed' };
  const raw = Array.isArray(result.items) ? result.items : [];
  const items: RssParserItem[] = [];
  for (const entry of raw) items.push(itemFrom(entry));
  return { ok: true, items };
}

function failed(error: unknown): RssParserReading {
  return { ok: false, message: errorText(error) };
}

/** Without defaultRSS, <rss> lacking version="2.0" is rejected; the strict reader reports that. */
const PARSER_OPTIONS = { defaultRSS: 2 };

let rssParser: Promise<typeof Parser> | undefined;
let builders: Promise<Parser> | undefined;

/** rss-parser (with xml2js) loads on first use: builds whose feeds all come from the cache never need it. */
function loadRssParser(): Promise<typeof Parser> {
  rssParser ??= import('rss-parser').then((m) => m.default);
  return rssParser;
}

/** One `rss-parser` for every reading of a tree: its feed builders keep no state between documents. */
function rssParserInstance(): Promise<Parser> {
  builders ??= loadRssParser().then((RssParser) => new RssParser(PARSER_OPTIONS));
  return builders;
}

/** The feed builders `rss-parser` 3.x calls on xml2js's object once its `parseString` has parsed the text. */
interface FeedBuilders {
  buildAtomFeed(xml: Xml2jsObject): unknown;
  buildRSS2(xml: Xml2jsObject): unknown;
  buildRSS1(xml: Xml2jsObject): unknown;
  buildRSS0_9(xml: Xml2jsObject): unknown;
}

function hasFeedBuilders(parser: object): parser is FeedBuilders {
  const candidate = parser as Partial<Record<keyof FeedBuilders, unknown>>;
  return (
    typeof candidate.buildAtomFeed === 'function' &&
    typeof candidate.buildRSS2 === 'function' &&
    typeof candidate.buildRSS1 === 'function' &&
    typeof candidate.buildRSS0_9 === 'function'
  );
}

/** `rss-parser` 3.13's `parseString` dispatch on the parsed object (with `defaultRSS: 2`). */
function buildFeed(parser: FeedBuilders, result: Xml2jsObject): unknown {
  const rss = result.rss;
  const version = isRecord(rss) && isRecord(rss.$) && typeof rss.$.version === 'string' ? rss.$.version : undefined;
  if (result.feed) return parser.buildAtomFeed(result);
  if (rss && version !== undefined && /^2/.test(version)) return parser.buildRSS2(result);
  if (result['rdf:RDF']) return parser.buildRSS1(result);
  if (rss && version !== undefined && /0\.9/.test(version)) return parser.buildRSS0_9(result);
  if (rss) return parser.buildRSS2(result);
  throw new Error('Feed not recognized as RSS 1 or 2.');
}

/** An object as xml2js builds it: children by qualified name in arrays, attributes under `$`, text under `_`. */
type Xml2jsObject = Record<string, unknown>;

/**
 * The children of an RSS `<item>` or Atom `<entry>` (by qualified name, as `rss-parser` matches
 * them) that only give `rss-parser`'s `content`, `contentSnippet` and `summary`: the bodies, which
 * the round trip never takes from its reading. None of them gives an id, title, link, date or enclosure.
 */
export const ITEM_BODIES: ReadonlySet<string> = new Set(['description', 'content:encoded', 'content', 'summary']);

/** The elements whose children include bodies, by qualified name (`rss-parser` reads `channel.item` and `feed.entry`). */
const ITEM_ELEMENTS = new Set(['item', 'entry']);

/**
 * The prototype of the objects built here: it has no properties and no prototype, so the objects
 * inherit no keys (`key in obj` is an own key, `__proto__` is a plain key), as with
 * `Object.create(null)`. Unlike `Object.create(null)`, whose objects V8 keeps as hash tables (a few
 * hundred bytes each, tens of thousands per feed), objects with a prototype keep fast properties.
 */
const NO_KEYS: object = Object.freeze(Object.create(null) as object);

function bareObject<T>(): T {
  return Object.create(NO_KEYS) as T;
}

/**
 * An element being read: its object (made when it gets a key: an element of text alone becomes its
 * text), its text (xml2js's `_`) and how far its children have been read. One per depth of the
 * tree, reused for each element at that depth.
 */
class Open {
  element!: XmlElement;
  obj: Xml2jsObject | undefined;
  /** xml2js's `obj._`: the element's text so far (an array once a child named `_` was added to it). */
  text: unknown = '';
  /** Whether every text chunk so far was white space. */
  blank = true;
  /** Whether a child element named `_` was added to the text (whose blankness is then judged as a whole). */
  underscore = false;
  next = 0;
  /** How many keys the object has (counted: `Object.keys` twice per element was much of this walk's cost). */
  keys = 0;
  /** Whether a body was left out of this element. */
  bodyLeftOut = false;
  /** Whether the element is an item or an entry ({@link ITEM_ELEMENTS}), whose bodies are left out. */
  item = false;

  /** Starts reading `element`. */
  open(element: XmlElement): void {
    this.element = element;
    this.obj = undefined;
    this.text = '';
    this.blank = true;
    this.underscore = false;
    this.next = 0;
    this.keys = 0;
    this.bodyLeftOut = false;
    this.item = ITEM_ELEMENTS.has(element.name);
    if (element.attributes.length) {
      const attributes = bareObject<Record<string, string>>();
      for (const a of element.attributes) attributes[a.name] = a.value;
      const obj = bareObject<Xml2jsObject>();
      obj.$ = attributes;
      this.obj = obj;
      this.keys++;
    }
  }
}

/** xml2js's test for white space (`isBlank` for the chunks of text: `\s` is what `trim` removes). */
/** xml2js's test for white space; chunks of text are tested with isBlank (`\s` is what `trim` removes). */
const BLANK = /^\s*$/;

/**
 * The object xml2js 0.5 builds for `root` with the options `rss-parser` gives it (the defaults:
 * `explicitArray`, `explicitRoot`, no trimming or normalizing, `$` and `_` keys, xmlns off). The
 * tree is walked as the SAX events xml2js listens to (open tag, text, close tag) and each event
 * does what xml2js's handler does, so edge cases come out as xml2js makes them. One difference:
 * the tree does not tell CDATA from text, so a CDATA section of whitespace alone is dropped like
 * whitespace (xml2js keeps it). Bodies of items ({@link ITEM_BODIES}) are left out, and an item that
 * had one stays an object, as it would with its body. Iterative: any depth.
 *
 * xml2js sets `_` when an element opens and deletes it when it closes if the text is white space;
 * here it is kept aside and set when the element closes, only if it stays. So `_` comes after the
 * other keys: `rss-parser` reads keys by name, never in order (its one reader that walks an object's
 * keys, xml2js's Builder in `getContent`, is given bodies, which are left out).
 */
function xml2jsObject(root: XmlElement): Xml2jsObject {
  const stack: Open[] = [new Open()];
  stack[0]!.open(root);
  let depth = 1;
  let result: Xml2jsObject | undefined;
  while (depth > 0) {
    const top = stack[depth - 1]!;
    const child = top.element.children[top.next++];
    if (child?.kind === 'text') {
      // xml2js appends every text event to the open element's text (`s[charkey] += text`).
      const text = top.text;
      top.text = typeof text === 'string' ? text + child.text : `${String(text)}${child.text}`;
      if (top.blank && !isBlank(child.text)) top.blank = false;
      continue;
    }
    if (child) {
      if (top.item && ITEM_BODIES.has(child.name)) top.bodyLeftOut = true;
      else (stack[depth++] ??= new Open()).open(child);
      continue;
    }
    depth--;
    const value = closed(top);
    const parent = depth > 0 ? stack[depth - 1] : undefined;
    if (parent) addChild(parent, top.element.name, value);
    else {
      const document = bareObject<Xml2jsObject>();
      document[top.element.name] = value;
      result = document;
    }
  }
  return result!;
}

/**
 * xml2js's close-tag step: whitespace-only text dropped, a text-only element becomes its text, an
 * empty one its whitespace. An element whose body was left out (`bodyLeftOut`) had a child more, so
 * it is neither.
 */
function closed(open: Open): unknown {
  const text = open.text;
  // A child element named `_` turned the text into an array: xml2js fails here, with this message.
  if (typeof text !== 'string') throw new TypeError('obj[charkey].match is not a function');
  // With no key but `_`, the element is its text (whitespace included: an empty element is its whitespace).
  if (!open.bodyLeftOut && open.keys === 0) return text;
  const obj = open.obj ?? bareObject<Xml2jsObject>();
  if (open.underscore ? !BLANK.test(text) : !open.blank) obj._ = text;
  return obj;
}

/**
 * xml2js's `assignOrPush` with `explicitArray`. A child named `_` meets the text xml2js keeps under
 * that key (always there while the element is open): the two become an array.
 */
function addChild(parent: Open, key: string, value: unknown): void {
  if (key === '_') {
    const text = parent.text;
    if (Array.isArray(text)) text.push(value);
    else parent.text = [text, value];
    parent.underscore = true;
    return;
  }
  const obj = (parent.obj ??= bareObject<Xml2jsObject>());
  const current = obj[key];
  if (current === undefined) {
    obj[key] = [value];
    parent.keys++;
  } else if (Array.isArray(current)) current.push(value);
  else obj[key] = [current, value];
}

/** The text fields of an rss-parser item, taken as they are. */
const TEXT_FIELDS = ['pubDate', 'isoDate', 'content', 'contentSnippet', 'summary', 'creator', 'author'] as const;
const ENCLOSURE_FIELDS = ['url', 'type', 'length'] as const;

function itemFrom(entry: unknown): RssParserItem {
  const item: RssParserItem = { categories: [] };
  if (!isRecord(entry)) return item;
  if (entry.title !== undefined) item.title = typeof entry.title === 'string' ? entry.title : (textOf(entry.title) ?? null);
  const link = textOf(entry.link);
  if (link !== undefined) item.link = link;
  // rss-parser gives RSS guids as `guid` and Atom ids as `id`.
  const id = textOf(entry.guid) ?? textOf(entry.id);
  if (id !== undefined) item.id = id;
  for (const field of TEXT_FIELDS) {
    const value = textOf(entry[field]);
    if (value !== undefined) item[field] = value;
  }
  if (Array.isArray(entry.categories)) {
    const terms: string[] = [];
    for (const category of entry.categories) {
      const term = textOf(category);
      if (term !== undefined) terms.push(term);
    }
    // An array of its size: the readings are kept to the end of a verification.
    item.categories = terms.slice();
  }
  if (isRecord(entry.enclosure)) {
    const enclosure: NonNullable<RssParserItem['enclosure']> = {};
    for (const field of ENCLOSURE_FIELDS) {
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
