import { describeValue, errorText, StoryfeedError } from '../errors.js';
import { dateTime } from '../item/fields.js';
import { isFeedDate } from '../seed/dates.js';
import type { FeedDocument } from '../types.js';

/**
 * A feed document handed to a renderer (`renderFeeds`, `renderRss`, …), checked before anything is written:
 * one edited by hand, or read back from JSON (a cached document, whose dates came back as text), is an
 * `E_ITEM` error naming the field (`doc.items[3].published must be a Date …`), never a `TypeError` or
 * `RangeError` from inside a renderer. Each field is read once, so the check is linear in the document's
 * size; paths are made only for a problem (a document of 10,000 items has some 200,000 fields).
 */
export function checkFeedDocument(value: unknown, path = 'doc'): asserts value is FeedDocument {
  const doc = object(value, () => path, 'a feed document (what buildFeedDocument returns)');
  readable(
    () => path,
    () => {
      const at = (key: string) => () => `${path}.${key}`;
      for (const key of ['title', 'description', 'language'] as const) text(doc[key], at(key));
      absoluteUrl(doc.siteUrl, at('siteUrl'));
      const selfUrls = object(doc.selfUrls, at('selfUrls'), "{ rss, atom, json } with each feed's URL");
      for (const format of ['rss', 'atom', 'json'] as const) absoluteUrl(selfUrls[format], () => `${path}.selfUrls.${format}`);
      feedDate(doc.updated, at('updated'));
      list(doc.authors, at('authors'), author);
      const generator = object(doc.generator, at('generator'), '{ name, version, url }');
      for (const key of ['name', 'version', 'url'] as const) text(generator[key], () => `${path}.generator.${key}`);
      for (const key of ['copyright', 'icon', 'favicon', 'logo', 'hub', 'stylesheet'] as const) optional(doc[key], at(key), text);
      if (doc.content !== undefined && doc.content !== 'full' && doc.content !== 'summary')
        fail(at('content')(), `must be "full" or "summary", found ${describeValue(doc.content)}`);
      optional(doc.namespaces, at('namespaces'), (v, where) => textRecord(v, where, text));
      optional(doc.extensions, at('extensions'), extensions);
      optional(doc.history, at('history'), history);
      optional(doc.podcast, at('podcast'), podcast);
    },
  );
  readable(
    () => `${path}.items`,
    () =>
      list(
        doc.items,
        () => `${path}.items`,
        (entry, where) => readable(where, () => item(entry, where)),
      ),
  );
}

/** Where a value is, made only for a problem. */
type Where = () => string;

function fail(path: string, message: string): never {
  throw new StoryfeedError('E_ITEM', `${path} ${message}`);
}

/** Runs `check`; what a getter or proxy of the caller's throws names `where`, as any other problem does. */
function readable(where: Where, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof StoryfeedError) throw error;
    fail(where(), `cannot be read: ${errorText(error)} (a getter or proxy behind it throws; pass plain values)`);
  }
}

function object(value: unknown, where: Where, expected: string): Record<string, unknown> {
  let ok = false;
  readable(where, () => {
    ok = typeof value === 'object' && value !== null && !Array.isArray(value);
  });
  if (!ok) fail(where(), `must be ${expected}, found ${describeValue(value)}`);
  return value as Record<string, unknown>;
}

function text(value: unknown, where: Where): void {
  if (typeof value !== 'string') fail(where(), `must be text, found ${describeValue(value)}`);
}

function flag(value: unknown, where: Where): void {
  if (typeof value !== 'boolean') fail(where(), `must be true or false, found ${describeValue(value)}`);
}

function wholeNumber(value: unknown, where: Where): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) fail(where(), `must be a whole number of 0 or more, found ${describeValue(value)}`);
}

function optional(value: unknown, where: Where, check: (value: unknown, where: Where) => void): void {
  if (value !== undefined) check(value, where);
}

/** An absolute URL, as the renderers write (and `feed` parses) it. */
function absoluteUrl(value: unknown, where: Where): void {
  text(value, where);
  try {
    new URL(value as string);
  } catch {
    fail(where(), `must be an absolute URL, found ${describeValue(value)}`);
  }
}

/** A valid Date every format can write (years 0000 to 9999); one from another realm (a `vm` context) too. */
function feedDate(value: unknown, where: Where): void {
  const time = dateTime(value);
  if (time === undefined) {
    const why = typeof value === 'string' ? ' (a document read back from JSON holds its dates as text: make each a Date again)' : '';
    fail(where(), `must be a Date, found ${describeValue(value)}${why}`);
  }
  if (Number.isNaN(time) || !isFeedDate(new Date(time)))
    fail(where(), `must be a valid Date from year 0000 to 9999, found ${Number.isNaN(time) ? 'an invalid Date' : new Date(time).toISOString()}`);
}

function list(value: unknown, where: Where, each: (entry: unknown, where: Where) => void): void {
  if (!Array.isArray(value)) fail(where(), `must be a list, found ${describeValue(value)}`);
  for (let i = 0; i < value.length; i++) each(value[i], () => `${where()}[${i}]`);
}

/** A record of values each checked by `each` (namespaces, custom elements). */
function textRecord(value: unknown, where: Where, each: (value: unknown, where: Where) => void): void {
  const record = object(value, where, 'a mapping');
  for (const key of Object.keys(record)) each(record[key], () => `${where()}[${JSON.stringify(key)}]`);
}

function author(value: unknown, where: Where): void {
  const a = object(value, where, '{ name, email?, url?, avatar? }');
  text(a.name, () => `${where()}.name`);
  optional(a.email, () => `${where()}.email`, text);
  optional(a.url, () => `${where()}.url`, absoluteUrl);
  optional(a.avatar, () => `${where()}.avatar`, text);
}

function extensions(value: unknown, where: Where): void {
  const e = object(value, where, '{ xml?, json? }');
  optional(
    e.xml,
    () => `${where()}.xml`,
    (xml, at) => textRecord(xml, at, (v, w) => (Array.isArray(v) ? list(v, w, text) : text(v, w))),
  );
  optional(
    e.json,
    () => `${where()}.json`,
    (json, at) => textRecord(json, at, (v, w) => object(v, w, 'an object')),
  );
}

function formatUrls(value: unknown, where: Where): void {
  const urls = object(value, where, "{ rss, atom, json } with each feed's URL");
  for (const format of ['rss', 'atom', 'json'] as const) text(urls[format], () => `${where()}.${format}`);
}

function history(value: unknown, where: Where): void {
  const h = object(value, where, '{ archive, prevArchive?, nextArchive?, current? }');
  flag(h.archive, () => `${where()}.archive`);
  for (const key of ['prevArchive', 'nextArchive', 'current'] as const) optional(h[key], () => `${where()}.${key}`, formatUrls);
}

function podcast(value: unknown, where: Where): void {
  const p = object(value, where, 'podcast settings');
  const at = (key: string) => () => `${where()}.${key}`;
  text(p.image, at('image'));
  list(p.categories, at('categories'), (entry, w) => {
    const c = object(entry, w, '{ text, subcategory? }');
    text(c.text, () => `${w()}.text`);
    optional(c.subcategory, () => `${w()}.subcategory`, text);
  });
  flag(p.explicit, at('explicit'));
  for (const key of ['author', 'type', 'guid', 'lockedOwner'] as const) optional(p[key], at(key), text);
  optional(p.locked, at('locked'), flag);
  optional(p.owner, at('owner'), (owner, w) => {
    const o = object(owner, w, '{ name, email }');
    text(o.name, () => `${w()}.name`);
    text(o.email, () => `${w()}.email`);
  });
}

function fileLink(value: unknown, where: Where): void {
  const link = object(value, where, '{ url, type }');
  text(link.url, () => `${where()}.url`);
  text(link.type, () => `${where()}.type`);
  optional(link.language, () => `${where()}.language`, text);
}

function episode(value: unknown, where: Where): void {
  const e = object(value, where, 'episode fields');
  const at = (key: string) => () => `${where()}.${key}`;
  for (const key of ['duration', 'episode', 'season'] as const) optional(e[key], at(key), wholeNumber);
  for (const key of ['episodeType', 'image'] as const) optional(e[key], at(key), text);
  optional(e.explicit, at('explicit'), flag);
  optional(e.transcripts, at('transcripts'), (v, w) => list(v, w, fileLink));
  optional(e.chapters, at('chapters'), fileLink);
}

function item(value: unknown, where: Where): void {
  const i = object(value, where, 'a feed item');
  const at = (key: string) => () => `${where()}.${key}`;
  for (const key of ['id', 'title', 'summary', 'contentHtml', 'contentText'] as const) text(i[key], at(key));
  absoluteUrl(i.url, at('url'));
  feedDate(i.published, at('published'));
  feedDate(i.updated, at('updated'));
  list(i.authors, at('authors'), author);
  list(i.tags, at('tags'), text);
  for (const key of ['language', 'externalUrl', 'banner'] as const) optional(i[key], at(key), text);
  optional(i.image, at('image'), (image, w) => {
    const img = object(image, w, '{ url, type? }');
    absoluteUrl(img.url, () => `${w()}.url`);
    optional(img.type, () => `${w()}.type`, text);
  });
  optional(i.enclosures, at('enclosures'), (v, w) =>
    list(v, w, (entry, e) => {
      const enclosure = object(entry, e, '{ url, type, length?, title?, duration? }');
      text(enclosure.url, () => `${e()}.url`);
      text(enclosure.type, () => `${e()}.type`);
      optional(enclosure.title, () => `${e()}.title`, text);
      for (const key of ['length', 'duration'] as const) optional(enclosure[key], () => `${e()}.${key}`, wholeNumber);
    }),
  );
  optional(i.episode, at('episode'), episode);
  optional(i.extensions, at('extensions'), extensions);
}
