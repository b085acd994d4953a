/**
 * Our strict JSON Feed reader (https://www.jsonfeed.org/version/1.1/, and 1.0 with its single
 * `author`). Every rule broken is reported with its path, what was expected and what was found,
 * e.g. `items[3].date_published: expected an RFC 3339 date, found "yesterday"`; the feed is still
 * read as far as it can be. Only text that is not a JSON Feed at all throws.
 */
import { errorText, StoryfeedError } from '../errors.js';
import { parseRfc3339 } from './dates.js';
import { collapseWhitespace, trimWhitespace } from './html-canon.js';
import { findDuplicateJsonKey, type DuplicateJsonKey } from '../json-keys.js';
import { scanJson } from './json-scan.js';
import { ProblemList } from './problem-list.js';
import { isWellFormedUtf16 } from './xml-fast.js';
import type { FeedProblem, ParsedAuthor, ParsedEnclosure, ParsedFeed, ParsedItem } from './types.js';
import { LineIndex } from './lines.js';
import { isLanguageTag } from './uri.js';
import { lineAndColumn } from './xml-check.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The `version` URLs this reader accepts, with the version they name. */
export const JSON_FEED_VERSIONS: Readonly<Record<string, '1.0' | '1.1'>> = {
  'https://jsonfeed.org/version/1': '1.0',
  'https://jsonfeed.org/version/1.1': '1.1',
};

/** Reads a JSON Feed 1.0 or 1.1; throws `E_FEED` when `text` is not JSON or not a JSON Feed. */
export function readJsonFeed(text: string): ParsedFeed {
  let data: Json;
  try {
    data = JSON.parse(text) as Json;
  } catch (error) {
    throw jsonSyntaxError(text, error);
  }
  // A lone surrogate can only come from a `\uD800`-style escape (or a JavaScript string given to readFeed).
  if (LONE_SURROGATE_ESCAPE.test(text) || !isWellFormedUtf16(text)) {
    const problem = scanJson(text, { surrogates: true }).error;
    // Deeper than the scan goes, the parsed values are looked through instead (a pair of escapes, as
    // in "\ud83d\ude00", is one character and fine).
    if (problem?.tooDeep ? holdsLoneSurrogate(data) : problem) {
      const { line, column } = lineAndColumn(text, problem!.offset);
      const what = problem!.tooDeep
        ? `a string holding half of a surrogate pair, past line ${line}, column ${column}, where ${problem!.message.replace(/^the JSON is /, 'it is ')}`
        : `at line ${line}, column ${column}: ${problem!.message}`;
      throw new StoryfeedError('E_FEED', `the JSON is not valid Unicode${problem!.tooDeep ? ': ' : ' '}${what}`, { line });
    }
  }
  if (!isObject(data)) {
    throw new StoryfeedError('E_FEED', `this is JSON but not a JSON Feed: the top level is ${describe(data)}, not an object with "version", "title" and "items"`, { line: 1 });
  }
  const version = data.version;
  if (typeof version !== 'string' || !/^https?:\/\/jsonfeed\.org\/version\//.test(version)) {
    const hint = version === undefined ? 'it has no "version"' : `"version" is ${describe(version)}`;
    throw new StoryfeedError('E_FEED', `this is JSON but not a JSON Feed: ${hint} (expected "https://jsonfeed.org/version/1.1")`, { line: 1 });
  }
  const reader = new JsonFeedReader(JSON_FEED_VERSIONS[version] ?? '1.1');
  const feed = reader.feed(data);
  const duplicate = findDuplicateJsonKey(text);
  if (duplicate) feed.problems.push(duplicateNameWarning(text, duplicate));
  if (feed.problems.length) addLines(text, feed);
  return feed;
}

/**
 * A name given twice in one object (RFC 8259 §4: names SHOULD be unique): `JSON.parse` and this reader
 * keep the last value, other readers the first. Named by the path of the repeated value.
 */
function duplicateNameWarning(text: string, duplicate: DuplicateJsonKey): FeedProblem {
  const path = scanJson(text, { pathAt: duplicate.valueOffset }).path ?? JSON.stringify(duplicate.key);
  return {
    path,
    message: `${JSON.stringify(duplicate.key)} is given twice in one object: readers disagree on which value counts (this reader takes the last)`,
    severity: 'warning',
  };
}

/** Whether any string in `value` (names too) holds a lone surrogate; iterative, for values nested thousands deep. */
function holdsLoneSurrogate(value: Json): boolean {
  const stack: Json[] = [value];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next === 'string') {
      if (!isWellFormedUtf16(next)) return true;
    } else if (Array.isArray(next)) {
      for (const item of next) stack.push(item);
    } else if (next !== null && typeof next === 'object') {
      for (const [key, item] of Object.entries(next)) stack.push(key, item);
    }
  }
  return false;
}

/** A `\u` escape of a surrogate (high or low): the text needs a closer look only when it has one. */
const LONE_SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

function jsonSyntaxError(text: string, error: unknown): StoryfeedError {
  const scan = scanJson(text);
  const problem = scan.error;
  if (!problem) return new StoryfeedError('E_FEED', `the JSON cannot be parsed: ${errorText(error)}`, { cause: error });
  if (problem.tooDeep) {
    // The error lies deeper than the scan goes: JSON.parse's words say what it is (a document cut
    // off inside deep nesting was called "nested too deeply", which JSON.parse reads).
    const reason = errorText(error);
    if (/unexpected end of JSON input/i.test(reason)) {
      const { line } = lineAndColumn(text, text.length);
      return new StoryfeedError('E_FEED', `the JSON ends too early (truncated?) at line ${line}`, { line, cause: error });
    }
    const { line, column } = lineAndColumn(text, problem.offset);
    return new StoryfeedError('E_FEED', `the JSON cannot be parsed: ${reason} (past line ${line}, column ${column}, where ${problem.message.replace(/^the JSON is /, 'it is ')})`, {
      line,
      cause: error,
    });
  }
  const { line, column } = lineAndColumn(text, problem.offset);
  const detail = problem.truncated ? `the JSON ends too early (truncated?) at line ${line}` : `the JSON cannot be parsed at line ${line}, column ${column}: ${problem.message}`;
  return new StoryfeedError('E_FEED', detail, { line, cause: error });
}

/** Spec problems get the line and column of the value their path names (or of its nearest parent). */
function addLines(text: string, feed: ParsedFeed): void {
  // Only the paths looked up below, and the paths leading to them, are recorded.
  const paths = new Set<string>();
  const want = (path: string): void => {
    for (let p = path; p && !paths.has(p); p = parentPath(p)) paths.add(p);
  };
  for (const problem of feed.problems) want(problem.path);
  feed.items.forEach((_, index) => want(`items[${index}]`));
  const { positions } = scanJson(text, { paths });
  // One index of line starts for every lookup: a lookup from the start of the text per problem is quadratic.
  const lines = new LineIndex(text);
  const positionOf = (path: string): { line: number; column: number } | undefined => {
    for (let p = path; p; p = parentPath(p)) {
      const offset = positions.get(p);
      if (offset !== undefined) return lines.at(offset);
    }
    return undefined;
  };
  for (const problem of feed.problems) {
    const position = positionOf(problem.path);
    if (position !== undefined) Object.assign(problem, position);
  }
  feed.items.forEach((item, index) => {
    const position = positionOf(`items[${index}]`);
    if (position !== undefined) item.line = position.line;
  });
}

/** `items[3].author.name` → `items[3].author` → `items[3]` → `items` → `''`; sliced, not matched by a regular expression. */
function parentPath(path: string): string {
  const dot = path.lastIndexOf('.');
  const bracket = path.lastIndexOf('[');
  return path.slice(0, Math.max(dot, bracket, 0));
}

class JsonFeedReader {
  readonly problems: FeedProblem[] = [];
  private readonly list = new ProblemList(this.problems);

  constructor(private readonly version: '1.0' | '1.1') {}

  feed(data: JsonObject): ParsedFeed {
    const out: ParsedFeed = { format: 'json', version: this.version, authors: [], items: [], problems: this.problems, history: { archive: false } };
    if (JSON_FEED_VERSIONS[data.version as string] === undefined) {
      this.problem('version', '"https://jsonfeed.org/version/1.1" or "https://jsonfeed.org/version/1"', data.version);
    }
    const title = this.string(data, 'title', 'title', true);
    if (title !== undefined) out.title = collapseWhitespace(title);
    const description = this.string(data, 'description', 'description');
    if (description !== undefined) out.description = trimWhitespace(description);
    this.string(data, 'user_comment', 'user_comment');
    const home = this.url(data, 'home_page_url', 'home_page_url');
    if (home !== undefined) out.siteUrl = home;
    const self = this.url(data, 'feed_url', 'feed_url');
    if (self !== undefined) out.selfUrl = self;
    const next = this.url(data, 'next_url', 'next_url');
    if (next !== undefined) out.history.prevArchive = next;
    for (const key of ['icon', 'favicon']) this.url(data, key, key);
    const language = this.language(data, 'language', 'language');
    if (language !== undefined) out.language = language;
    if (data.expired !== undefined && typeof data.expired !== 'boolean') this.problem('expired', 'true or false', data.expired);
    out.authors = this.authors(data, '');
    const hub = this.hubs(data.hubs);
    if (hub !== undefined) out.hub = hub;
    if (!Array.isArray(data.items)) {
      this.problem('items', 'an array of items', data.items);
      this.list.finish();
      return out;
    }
    const seen = new Map<string, number>();
    data.items.forEach((item, index) => {
      const path = `items[${index}]`;
      if (!isObject(item)) {
        this.problem(path, 'an item object', item);
        return;
      }
      const parsed = this.item(item, path);
      // JSON Feed 1.1: ids are unique within the feed; readers use them to tell new items from seen ones.
      if (parsed.id !== undefined && parsed.id !== '') {
        const first = seen.get(parsed.id);
        if (first === undefined) seen.set(parsed.id, index);
        else this.list.add({ path: `${path}.id`, message: `the same id as items[${first}] (${JSON.stringify(parsed.id)}); ids must be unique`, severity: 'error' });
      }
      out.items.push(parsed);
    });
    this.list.finish();
    return out;
  }

  private item(data: JsonObject, path: string): ParsedItem {
    const item: ParsedItem = { authors: [], tags: [], enclosures: [] };
    const id = data.id;
    if (typeof id === 'string') {
      if (trimWhitespace(id) === '') this.problem(`${path}.id`, 'a non-empty string', id);
      item.id = trimWhitespace(id);
    } else if (typeof id === 'number') {
      // JSON Feed 1.0 readers must coerce numeric ids; 1.1 says ids are strings.
      this.problem(`${path}.id`, 'a string', id, this.version === '1.0' ? 'warning' : 'error');
      item.id = String(id);
    } else {
      this.problem(`${path}.id`, 'a string', id);
    }
    const url = this.url(data, 'url', `${path}.url`);
    if (url !== undefined) item.url = url;
    this.url(data, 'external_url', `${path}.external_url`);
    const title = this.string(data, 'title', `${path}.title`);
    if (title !== undefined) item.title = collapseWhitespace(title);
    const html = this.string(data, 'content_html', `${path}.content_html`);
    if (html !== undefined) item.contentHtml = html;
    const text = this.string(data, 'content_text', `${path}.content_text`);
    if (text !== undefined) item.contentText = text;
    if (data.content_html === undefined && data.content_text === undefined) {
      this.list.add({ path, message: 'expected at least one of content_html or content_text, found neither', severity: 'error' });
    }
    const summary = this.string(data, 'summary', `${path}.summary`);
    if (summary !== undefined) item.summary = trimWhitespace(summary);
    const image = this.url(data, 'image', `${path}.image`);
    if (image !== undefined) item.image = { url: image };
    this.url(data, 'banner_image', `${path}.banner_image`);
    const published = this.date(data, 'date_published', `${path}.date_published`);
    if (published) item.published = published;
    const modified = this.date(data, 'date_modified', `${path}.date_modified`);
    if (modified) item.updated = modified;
    item.authors = this.authors(data, `${path}.`);
    if (data.tags !== undefined) {
      if (!Array.isArray(data.tags)) this.problem(`${path}.tags`, 'an array of strings', data.tags);
      else {
        data.tags.forEach((tag, i) => {
          if (typeof tag === 'string') item.tags.push(trimWhitespace(tag));
          else this.problem(`${path}.tags[${i}]`, 'a string', tag);
        });
      }
    }
    const language = this.language(data, 'language', `${path}.language`);
    if (language !== undefined) item.language = language;
    if (data.attachments !== undefined) {
      if (!Array.isArray(data.attachments)) this.problem(`${path}.attachments`, 'an array of attachment objects', data.attachments);
      else
        data.attachments.forEach((a, i) => {
          const enclosure = this.attachment(a, `${path}.attachments[${i}]`);
          if (enclosure) item.enclosures.push(enclosure);
        });
    }
    return item;
  }

  private attachment(data: Json, path: string): ParsedEnclosure | undefined {
    if (!isObject(data)) {
      this.problem(path, 'an attachment object', data);
      return undefined;
    }
    const url = this.url(data, 'url', `${path}.url`, true);
    const type = this.string(data, 'mime_type', `${path}.mime_type`, true);
    const title = this.string(data, 'title', `${path}.title`);
    for (const key of ['size_in_bytes', 'duration_in_seconds']) {
      const value = data[key];
      // A number too large for a double (1e400) reads as Infinity: no size or duration.
      if (value !== undefined && (typeof value !== 'number' || value < 0 || !Number.isFinite(value))) this.problem(`${path}.${key}`, 'a non-negative number', value);
    }
    if (url === undefined) return undefined;
    const out: ParsedEnclosure = { url };
    if (type !== undefined) out.type = type;
    if (typeof data.size_in_bytes === 'number' && Number.isFinite(data.size_in_bytes)) out.length = data.size_in_bytes;
    if (title !== undefined) out.title = title;
    return out;
  }

  /** 1.1 `authors`, falling back to the 1.0 `author` (deprecated in 1.1 but still allowed). */
  private authors(data: JsonObject, prefix: string): ParsedAuthor[] {
    if (data.authors !== undefined) {
      if (!Array.isArray(data.authors)) {
        this.problem(`${prefix}authors`, 'an array of author objects', data.authors);
        return [];
      }
      const authors = data.authors.flatMap((a, i) => this.author(a, `${prefix}authors[${i}]`) ?? []);
      // 1.1 feeds may keep the deprecated `author` for old readers; it must then be the first of `authors`.
      if (data.author !== undefined && !sameAuthor(data.author, data.authors[0])) {
        this.problem(`${prefix}author`, `the same value as ${prefix}authors[0] (author is its deprecated 1.0 form)`, data.author, 'warning');
      }
      return authors;
    }
    if (data.author !== undefined) return [this.author(data.author, `${prefix}author`)].flatMap((a) => a ?? []);
    return [];
  }

  private author(data: Json, path: string): ParsedAuthor | undefined {
    if (!isObject(data)) {
      this.problem(path, 'an author object', data);
      return undefined;
    }
    const author: ParsedAuthor = {};
    const name = this.string(data, 'name', `${path}.name`);
    if (name !== undefined) author.name = collapseWhitespace(name);
    const url = this.url(data, 'url', `${path}.url`);
    if (url !== undefined) author.url = url;
    const avatar = this.url(data, 'avatar', `${path}.avatar`);
    if (avatar !== undefined) author.avatar = avatar;
    if (name === undefined && url === undefined && avatar === undefined) {
      this.list.add({ path, message: 'expected at least one of name, url or avatar, found none', severity: 'error' });
    }
    return author;
  }

  private hubs(data: Json | undefined): string | undefined {
    if (data === undefined) return undefined;
    if (!Array.isArray(data)) {
      this.problem('hubs', 'an array of hub objects', data);
      return undefined;
    }
    let first: string | undefined;
    data.forEach((hub, i) => {
      const path = `hubs[${i}]`;
      if (!isObject(hub)) {
        this.problem(path, 'a hub object with "type" and "url"', hub);
        return;
      }
      this.string(hub, 'type', `${path}.type`, true);
      const url = this.url(hub, 'url', `${path}.url`, true);
      first ??= url;
    });
    return first;
  }

  private string(data: JsonObject, key: string, path: string, required = false): string | undefined {
    const value = data[key];
    if (typeof value === 'string') return value;
    if (value !== undefined || required) this.problem(path, 'a string', value);
    return undefined;
  }

  private url(data: JsonObject, key: string, path: string, required = false): string | undefined {
    const value = this.string(data, key, path, required);
    if (value === undefined) return undefined;
    if (!URL.canParse(value.trim())) this.problem(path, 'an absolute URL', value, 'warning');
    return value.trim();
  }

  private date(data: JsonObject, key: string, path: string): Date | undefined {
    const value = data[key];
    if (value === undefined) return undefined;
    const date = typeof value === 'string' ? parseRfc3339(value) : undefined;
    if (!date) this.problem(path, 'an RFC 3339 date', value);
    return date;
  }

  private language(data: JsonObject, key: string, path: string): string | undefined {
    const value = this.string(data, key, path);
    if (value !== undefined && !isLanguageTag(value)) this.problem(path, 'a language tag such as "en" or "pt-BR"', value, 'warning');
    return value;
  }

  private problem(path: string, expected: string, value: Json | undefined, severity: FeedProblem['severity'] = 'error'): void {
    this.list.add({ path, message: `expected ${expected}, found ${describe(value)}`, severity });
  }
}

function sameAuthor(a: Json | undefined, b: Json | undefined): boolean {
  if (!isObject(a) || !isObject(b)) return false;
  return a.name === b.name && a.url === b.url && a.avatar === b.avatar;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a found value is shown in a message: strings quoted (and shortened), other types named. */
function describe(value: Json | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isFinite(value)) return `a number too large for any reader (read as ${value})`;
  return String(value);
}
