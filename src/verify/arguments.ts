/**
 * Checks of what plain JavaScript callers hand to `storyfeed/verify`'s functions: a wrong value is
 * an `E_ITEM` error naming the argument and field (`doc.items[3].published must be a valid Date`),
 * never a `TypeError` from inside a reader. Each check reads every field once, so it is linear in
 * the size of what it checks; a getter that throws is reported as a field that cannot be read.
 */
import { describeValue, errorText, isStoryfeedError, StoryfeedError } from '../errors.js';

function fail(path: string, message: string): never {
  throw new StoryfeedError('E_ITEM', `${path} ${message}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Runs `check`; anything it throws that is not a StoryfeedError (a throwing getter, a proxy) names `path`. */
function guarded(path: string, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (isStoryfeedError(error)) throw error;
    fail(path, `cannot be read (${errorText(error)})`);
  }
}

/**
 * Where a checked value is: its path, or a function that makes it. The path is built only for an
 * error: a document of 10,000 items has some 200,000 fields, and making each one's path up front
 * cost a verification more than the checks themselves.
 */
type Where = string | (() => string);

/** The path of `where`, and of its field `key` when given. */
function pathAt(where: Where, key?: string): string {
  const base = typeof where === 'string' ? where : where();
  return key === undefined ? base : `${base}.${key}`;
}

function text(value: unknown, where: Where, key?: string): void {
  if (typeof value !== 'string') fail(pathAt(where, key), `must be text, found ${describeValue(value)}`);
}

function optionalText(value: unknown, where: Where, key?: string): void {
  if (value !== undefined) text(value, where, key);
}

function date(value: unknown, where: Where, key?: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) fail(pathAt(where, key), `must be a valid Date, found ${describeValue(value)}`);
}

/** Checks that the value at `where` (its field `key`, when given) is a list, and each entry with `each`. */
function list(value: unknown, where: Where, key: string | undefined, each: (entry: unknown, at: Where) => void): void {
  if (!Array.isArray(value)) fail(pathAt(where, key), `must be a list, found ${describeValue(value)}`);
  for (let i = 0; i < value.length; i++) each(value[i], () => `${pathAt(where, key)}[${i}]`);
}

function author(value: unknown, where: Where): void {
  if (!isObject(value)) fail(pathAt(where), `must be { name, email?, url? }, found ${describeValue(value)}`);
  text(value.name, where, 'name');
  optionalText(value.email, where, 'email');
  optionalText(value.url, where, 'url');
}

function optionalObject(value: unknown, where: Where, key?: string): void {
  if (value !== undefined && !isObject(value)) fail(pathAt(where, key), `must be an object, found ${describeValue(value)}`);
}

/** A text argument (a feed's text, an HTML fragment). */
export function checkTextArgument(value: unknown, path: string): void {
  if (typeof value !== 'string') fail(path, `must be text (a string), found ${describeValue(value)}`);
}

/** A feed format: `rss`, `atom` or `json`. */
export function checkFormatArgument(value: unknown, path: string): void {
  if (value !== 'rss' && value !== 'atom' && value !== 'json') fail(path, `must be "rss", "atom" or "json", found ${describeValue(value)}`);
}

/** A bytes argument (a feed as read from a file or the network). */
export function checkBytesArgument(value: unknown, path: string): void {
  if (!(value instanceof Uint8Array)) fail(path, `must be bytes (a Uint8Array or Buffer), found ${describeValue(value)}`);
}

/** An options object that may be left out. */
export function checkOptionsArgument(value: unknown, path: string): void {
  if (value !== undefined && !isObject(value)) fail(path, `must be an object, found ${describeValue(value)}`);
}

/** The outputs to verify: `{ rss?, atom?, json? }`, each the text of a feed. */
export function checkOutputsArgument(value: unknown, path = 'outputs'): void {
  guarded(path, () => {
    if (!isObject(value)) fail(path, `must be { rss?, atom?, json? } with each feed's text, found ${describeValue(value)}`);
    for (const format of ['rss', 'atom', 'json'] as const) optionalText(value[format], path, format);
  });
}

/** A feed document as `buildFeedDocument` makes it: the fields the verifier reads, with their types. */
export function checkDocumentArgument(value: unknown, path = 'doc'): void {
  guarded(path, () => {
    if (!isObject(value)) fail(path, `must be a feed document (what buildFeedDocument returns), found ${describeValue(value)}`);
    for (const key of ['title', 'description', 'siteUrl', 'language'] as const) text(value[key], path, key);
    for (const key of ['copyright', 'icon', 'favicon', 'logo', 'hub', 'stylesheet'] as const) optionalText(value[key], path, key);
    const selfUrls = value.selfUrls;
    if (!isObject(selfUrls)) fail(`${path}.selfUrls`, `must be { rss, atom, json } with each feed's URL, found ${describeValue(selfUrls)}`);
    for (const format of ['rss', 'atom', 'json'] as const) text(selfUrls[format], `${path}.selfUrls`, format);
    date(value.updated, path, 'updated');
    list(value.authors, path, 'authors', author);
    const generator = value.generator;
    if (!isObject(generator)) fail(`${path}.generator`, `must be { name, version, url }, found ${describeValue(generator)}`);
    for (const key of ['name', 'version', 'url'] as const) text(generator[key], `${path}.generator`, key);
    list(value.items, path, 'items', (item, at) => {
      if (!isObject(item)) fail(pathAt(at), `must be a feed item, found ${describeValue(item)}`);
      for (const key of ['id', 'url', 'title', 'summary', 'contentHtml', 'contentText'] as const) text(item[key], at, key);
      date(item.published, at, 'published');
      date(item.updated, at, 'updated');
      list(item.authors, at, 'authors', author);
      list(item.tags, at, 'tags', (tag, where) => text(tag, where));
      for (const key of ['language', 'externalUrl', 'banner'] as const) optionalText(item[key], at, key);
      for (const key of ['image', 'episode', 'extensions'] as const) optionalObject(item[key], at, key);
      if (item.enclosures !== undefined)
        list(item.enclosures, at, 'enclosures', (enclosure, e) => {
          if (!isObject(enclosure)) fail(pathAt(e), `must be { url, type, length? }, found ${describeValue(enclosure)}`);
          text(enclosure.url, e, 'url');
        });
    });
  });
}

/** A feed as `readFeed` returns it: an object with its items. */
export function checkParsedFeedArgument(value: unknown, path: string): void {
  guarded(path, () => {
    if (!isObject(value)) fail(path, `must be a feed as readFeed returns it, found ${describeValue(value)}`);
    list(value.items, path, 'items', (item, at) => {
      if (!isObject(item)) fail(pathAt(at), `must be an item as readFeed returns it, found ${describeValue(item)}`);
    });
  });
}

/** A report as `verifyDocument` returns it, or one of its problems. */
export function checkReportArgument(value: unknown, path = 'report'): void {
  guarded(path, () => {
    if (!isObject(value)) fail(path, `must be a report as verifyDocument returns it, found ${describeValue(value)}`);
    list(value.problems, path, 'problems', (problem, at) => checkProblemArgument(problem, pathAt(at)));
    const formats = value.formats;
    if (!isObject(formats)) fail(`${path}.formats`, `must be an object of format summaries, found ${describeValue(formats)}`);
    for (const [format, summary] of Object.entries(formats)) {
      if (!isObject(summary)) fail(`${path}.formats.${format}`, `must be { items, expectedItems, problems }, found ${describeValue(summary)}`);
      for (const key of ['items', 'expectedItems', 'problems'] as const)
        if (typeof summary[key] !== 'number') fail(`${path}.formats.${format}.${key}`, `must be a number, found ${describeValue(summary[key])}`);
    }
  });
}

/** One problem of a report. */
export function checkProblemArgument(value: unknown, path = 'problem'): void {
  guarded(path, () => {
    if (!isObject(value)) fail(path, `must be a problem of a verify report, found ${describeValue(value)}`);
    for (const key of ['format', 'field', 'expected', 'actual'] as const) text(value[key], path, key);
    if (value.itemId !== null) text(value.itemId, path, 'itemId');
  });
}
