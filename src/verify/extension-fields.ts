import type { FeedDocument, FeedItem, FeedOutputs } from '../types.js';
import type { VerifyProblem } from './types.js';
import { attribute, childElement, childElements, parseXml, textContent, type XmlElement } from './xml-check.js';
import { checkDocumentArgument, checkOutputsArgument } from './arguments.js';

/**
 * Reads back what the core comparison does not: enclosures, the iTunes and `podcast:` namespace
 * fields, custom namespaced elements and JSON Feed `_name` objects, and checks them against the
 * document; for a podcast also the tags Apple Podcasts requires. Expectations come from the specs
 * (namespace URIs, element names), not from the renderer.
 */
export function verifyExtensions(outputs: Partial<FeedOutputs>, doc: FeedDocument): VerifyProblem[] {
  checkOutputsArgument(outputs);
  checkDocumentArgument(doc);
  const problems: VerifyProblem[] = [];
  if (outputs.rss !== undefined) checkRss(outputs.rss, doc, problems);
  if (outputs.atom !== undefined) checkAtom(outputs.atom, doc, problems);
  if (outputs.json !== undefined) checkJson(outputs.json, doc, problems);
  return problems;
}

const ITUNES = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
const PODCAST = 'https://podcastindex.org/namespace/1.0';
const ATOM = 'http://www.w3.org/2005/Atom';
/** Namespaces with fixed, well-known URIs that need no declaration in the site. */
const WELL_KNOWN: Record<string, string> = { dc: 'http://purl.org/dc/elements/1.1/', media: 'http://search.yahoo.com/mrss/', itunes: ITUNES, podcast: PODCAST };
const NONE = '(none)';

type Add = (itemId: string | null, field: string, expected: string, actual: string) => void;

function adder(format: 'rss' | 'atom' | 'json', problems: VerifyProblem[]): Add {
  return (itemId, field, expected, actual) => {
    if (expected !== actual) problems.push({ format, itemId, field, expected, actual });
  };
}

function checkRss(text: string, doc: FeedDocument, problems: VerifyProblem[]): void {
  const add = adder('rss', problems);
  const channel = childElement(parseXml(text).root, 'channel');
  if (!channel) return add(null, 'channel', 'present', NONE);
  const one = (el: XmlElement, local: string, uri: string): string => {
    const found = childElement(el, local, uri);
    return found ? textContent(found).trim() : NONE;
  };
  const p = doc.podcast;
  if (p) {
    // Apple Podcasts: the channel tags it requires.
    for (const local of ['title', 'description', 'language']) add(null, `apple.${local}`, 'present', childElement(channel, local) ? 'present' : NONE);
    add(null, 'itunes:author', p.author ?? (doc.authors.map((a) => a.name).join(', ') || doc.title), one(channel, 'author', ITUNES));
    const owner = childElement(channel, 'owner', ITUNES);
    add(null, 'itunes:owner', p.owner ? `${p.owner.name} <${p.owner.email}>` : NONE, owner ? `${one(owner, 'name', ITUNES)} <${one(owner, 'email', ITUNES)}>` : NONE);
    const image = childElement(channel, 'image', ITUNES);
    add(null, 'itunes:image', p.image, image ? (attribute(image, 'href') ?? NONE) : NONE);
    const categories = childElements(channel, 'category', ITUNES).map((c) =>
      [attribute(c, 'text') ?? NONE, ...childElements(c, 'category', ITUNES).map((s) => attribute(s, 'text') ?? NONE)].join(' > '),
    );
    add(null, 'itunes:category', p.categories.map((c) => (c.subcategory ? `${c.text} > ${c.subcategory}` : c.text)).join(' | '), categories.join(' | ') || NONE);
    add(null, 'itunes:explicit', String(p.explicit), one(channel, 'explicit', ITUNES));
    add(null, 'itunes:type', p.type ?? 'episodic', one(channel, 'type', ITUNES));
    add(null, 'podcast:guid', p.guid ?? NONE, one(channel, 'guid', PODCAST));
    add(null, 'podcast:locked', p.locked === undefined ? NONE : p.locked ? 'yes' : 'no', one(channel, 'locked', PODCAST));
  }
  checkCustom(channel, doc.extensions?.xml, doc, null, add);
  const byId = new Map(childElements(channel, 'item').map((el) => [textContent(childElement(el, 'guid') ?? el).trim(), el]));
  for (const item of doc.items) {
    const el = byId.get(item.id);
    if (!el) continue; // a missing item is the core comparison's to report
    const first = item.enclosures?.[0];
    if (first) {
      const found = childElement(el, 'enclosure');
      add(
        item.id,
        'enclosure',
        describeEnclosure({ ...first, title: undefined, duration: undefined }, true),
        found ? describeEnclosure({ url: attribute(found, 'url') ?? NONE, type: attribute(found, 'type') ?? NONE, length: Number(attribute(found, 'length')) }, true) : NONE,
      );
    }
    if (p) {
      for (const local of ['title', 'enclosure', 'guid']) add(item.id, `apple.${local}`, 'present', childElement(el, local) ? 'present' : NONE);
    }
    checkEpisode(el, item, p !== undefined, add, one);
    checkCustom(el, item.extensions?.xml, doc, item.id, add);
  }
}

function checkEpisode(el: XmlElement, item: FeedItem, podcast: boolean, add: Add, one: (el: XmlElement, local: string, uri: string) => string): void {
  const e = item.episode;
  // An enclosure's duration becomes itunes:duration only in a podcast or for an item with episode fields.
  const duration = e?.duration ?? (podcast || e ? item.enclosures?.[0]?.duration : undefined);
  add(item.id, 'itunes:duration', duration === undefined ? NONE : String(duration), secondsOf(one(el, 'duration', ITUNES)));
  add(item.id, 'itunes:episode', e?.episode === undefined ? NONE : String(e.episode), one(el, 'episode', ITUNES));
  add(item.id, 'itunes:season', e?.season === undefined ? NONE : String(e.season), one(el, 'season', ITUNES));
  add(item.id, 'itunes:episodeType', e?.episodeType ?? NONE, one(el, 'episodeType', ITUNES));
  add(item.id, 'itunes:explicit', e?.explicit === undefined ? NONE : String(e.explicit), one(el, 'explicit', ITUNES));
  const image = childElement(el, 'image', ITUNES);
  add(item.id, 'itunes:image', e?.image ?? NONE, image ? (attribute(image, 'href') ?? NONE) : NONE);
  const transcripts = childElements(el, 'transcript', PODCAST).map((t) => [attribute(t, 'url'), attribute(t, 'type'), attribute(t, 'language') ?? ''].join(' '));
  add(item.id, 'podcast:transcript', (e?.transcripts ?? []).map((t) => [t.url, t.type, t.language ?? ''].join(' ')).join(' | ') || NONE, transcripts.join(' | ') || NONE);
  const chapters = childElement(el, 'chapters', PODCAST);
  add(item.id, 'podcast:chapters', e?.chapters ? `${e.chapters.url} ${e.chapters.type}` : NONE, chapters ? `${attribute(chapters, 'url')} ${attribute(chapters, 'type')}` : NONE);
}

/** Every custom element expected on `el`, by namespace URI and local name, with its texts in order. */
function checkCustom(el: XmlElement, xml: Record<string, string | string[]> | undefined, doc: FeedDocument, itemId: string | null, add: Add): void {
  for (const [name, value] of Object.entries(xml ?? {})) {
    const [prefix, local] = name.split(':') as [string, string];
    const uri = doc.namespaces?.[prefix] ?? WELL_KNOWN[prefix];
    if (!uri) {
      add(itemId, name, 'a declared namespace', NONE);
      continue;
    }
    const expected = (Array.isArray(value) ? value : [value]).join(' | ');
    add(
      itemId,
      name,
      expected,
      childElements(el, local, uri)
        .map((c) => textContent(c))
        .join(' | ') || NONE,
    );
  }
}

function checkAtom(text: string, doc: FeedDocument, problems: VerifyProblem[]): void {
  const add = adder('atom', problems);
  const root = parseXml(text).root;
  checkCustom(root, doc.extensions?.xml, doc, null, add);
  const byId = new Map(childElements(root, 'entry', ATOM).map((el) => [textContent(childElement(el, 'id', ATOM) ?? el).trim(), el]));
  for (const item of doc.items) {
    const el = byId.get(item.id);
    if (!el) continue;
    if (item.enclosures?.length) {
      const image = item.image ? new URL(item.image.url).href : undefined;
      const links = childElements(el, 'link', ATOM).filter((l) => attribute(l, 'rel') === 'enclosure' && attribute(l, 'href') !== image);
      const found = links.map((l) =>
        describeEnclosure(
          { url: attribute(l, 'href') ?? NONE, type: attribute(l, 'type') ?? NONE, length: numberOrUndefined(attribute(l, 'length')), title: attribute(l, 'title') },
          false,
        ),
      );
      add(item.id, 'enclosures', item.enclosures.map((e) => describeEnclosure({ ...e, duration: undefined }, false)).join(' | '), found.join(' | ') || NONE);
    }
    checkCustom(el, item.extensions?.xml, doc, item.id, add);
  }
}

function checkJson(text: string, doc: FeedDocument, problems: VerifyProblem[]): void {
  const add = adder('json', problems);
  let feed: Record<string, unknown>;
  try {
    feed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return; // unreadable JSON is the core reader's to report
  }
  for (const [name, value] of Object.entries(doc.extensions?.json ?? {})) add(null, name, JSON.stringify(value), JSON.stringify(feed[name]) ?? NONE);
  const items = Array.isArray(feed.items) ? (feed.items as Record<string, unknown>[]) : [];
  const byId = new Map(items.filter((i) => typeof i === 'object' && i !== null).map((i) => [String(i.id), i]));
  for (const item of doc.items) {
    const found = byId.get(item.id);
    if (!found) continue;
    const attachments = Array.isArray(found.attachments) ? (found.attachments as Record<string, unknown>[]) : [];
    const expected = (item.enclosures ?? []).map((e) => describeEnclosure(e, false)).join(' | ') || NONE;
    const actual =
      attachments
        .map((a) =>
          describeEnclosure(
            {
              url: String(a.url),
              type: String(a.mime_type),
              length: numberOrUndefined(a.size_in_bytes),
              title: typeof a.title === 'string' ? a.title : undefined,
              duration: numberOrUndefined(a.duration_in_seconds),
            },
            false,
          ),
        )
        .join(' | ') || NONE;
    add(item.id, 'attachments', expected, actual);
    add(item.id, 'external_url', item.externalUrl ?? NONE, typeof found.external_url === 'string' ? found.external_url : NONE);
    add(item.id, 'banner_image', item.banner ?? NONE, typeof found.banner_image === 'string' ? found.banner_image : NONE);
    for (const [name, value] of Object.entries(item.extensions?.json ?? {})) add(item.id, name, JSON.stringify(value), JSON.stringify(found[name]) ?? NONE);
  }
}

/** `itunes:duration` in seconds: Apple allows `HH:MM:SS`, `MM:SS` or whole seconds. */
function secondsOf(value: string): string {
  if (!/^\d+(?::\d{1,2}){0,2}$/.test(value)) return value;
  return String(value.split(':').reduce((total, part) => total * 60 + Number(part), 0));
}

function numberOrUndefined(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** One comparable line for an enclosure; RSS writes a length of 0 when it is unknown. */
function describeEnclosure(e: { url: string; type: string; length?: number | undefined; title?: string | undefined; duration?: number | undefined }, zeroLength: boolean): string {
  const length = e.length ?? (zeroLength ? 0 : undefined);
  return [e.url, e.type, length === undefined ? '' : `${length} bytes`, e.title ?? '', e.duration === undefined ? '' : `${e.duration} s`].join(' ').trim();
}
