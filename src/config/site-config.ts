import { describeValue, didYouMean, errorText, StoryfeedError } from '../errors.js';
import { isKnownTimeZone, lostDateReason, parseIsoDate } from '../seed/dates.js';
import { parseAuthorString } from '../seed/author-string.js';
import { feedHref, parseHttpUrl } from '../seed/http-url.js';
import { canonicalLanguage, notALanguageTag } from '../story/language-tag.js';
import { STYLESHEET_FILE } from '../site/stylesheet.js';
import { validateDeployConfig, type DeployConfig } from './deploy-config.js';
import { copySetting, resolveSite } from '../feed/site.js';
import type { Author, FeedFormat, SiteConfig } from '../types.js';
import { NOT_A_FEED_EMAIL, feedEmailAddress } from '../email-address.js';

/** A storyfeed configuration: the site plus where the CLI reads seeds and writes feeds. */
export interface StoryfeedConfig extends SiteConfig {
  /** Seeds folder, relative to the config file. Default `seeds`. */
  seeds?: string;
  /** Output folder, relative to the config file. Default `public`. */
  out?: string;
  /** Publish one feed per tag (`tags/<slug>/`); `{minItems}` skips rare tags. */
  tagFeeds?: boolean | TagFeedOptions;
  /** Publish one feed per author (`authors/<slug>/`). */
  authorFeeds?: boolean;
  /** Write the bundled XSL stylesheet (`feed.xsl`) next to the feeds; set when `stylesheet` is `true` (the default). */
  bundleStylesheet?: boolean;
  /** Write an `index.html` listing the feeds and stories (default `true`). */
  indexPage?: boolean;
  /** Largest seed file read, in bytes (default 5,000,000). */
  maxSeedBytes?: number;
  /**
   * Stories dated after the build's time (the clock's, not `SOURCE_DATE_EPOCH`), such as a scheduled post: left out of the
   * feeds until a build after their date (default, as Hugo and Jekyll do, with a `W_FUTURE` warning), or, with
   * `true`, published now.
   */
  future?: boolean;
  /** Where `storyfeed deploy` publishes the output folder (bucket, prefix, endpoint, cache headers). */
  deploy?: DeployConfig;
}

/** Options of per-tag feeds. */
export interface TagFeedOptions {
  /** Publish a tag's feed only when at least this many stories carry the tag (default 1). */
  minItems?: number;
}

/** One thing wrong with a configuration: where, what, and how to fix it. */
export interface ConfigProblem {
  /** Dotted path of the field, e.g. `authors[0].email`. */
  path: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint?: string;
}

const FIELDS = [
  'siteUrl',
  'title',
  'description',
  'language',
  'authors',
  'author',
  'feedBaseUrl',
  'storyPath',
  'outputs',
  'itemLimit',
  'copyright',
  'icon',
  'favicon',
  'logo',
  'hub',
  'stylesheet',
  'entityTags',
  'entities',
  'defaultYear',
  'defaultDate',
  'timeZone',
  'seeds',
  'out',
  'maxSeedBytes',
  'archive',
  'tagFeeds',
  'authorFeeds',
  'indexPage',
  'bundleStylesheet',
  'deploy',
  '$schema',
  'undated',
  'future',
  'content',
  'contentLimit',
  'podcast',
  'namespaces',
  'extensions',
] as const;

/**
 * Validates a configuration object and reports every problem at once (path + hint) in one
 * `E_CONFIG` error. Returns a config with defaults filled in.
 */
export function validateConfig(value: unknown, source = 'configuration'): StoryfeedConfig {
  const problems: ConfigProblem[] = [];
  const add = (path: string, message: string, hint?: string): void => {
    problems.push(hint === undefined ? { path, message } : { path, message, hint });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw configError(source, [{ path: '(root)', message: 'must be an object of settings', hint: 'See "Configuration" in the README.' }]);
  }
  // A JavaScript config can hold getters and proxies that throw: read every field once, here, so a
  // throwing field is a config problem that names it (not a crash), and later reads are plain data.
  const v = plainCopy(value, '', SNAPSHOT_DEPTH, add) as Record<string, unknown>;
  const str = (key: string, required = false): string | undefined => {
    const x = v[key];
    if (x === undefined || x === null) {
      if (required) add(key, 'is required');
      return undefined;
    }
    if (typeof x !== 'string' || (required && x.trim() === '')) {
      add(key, `must be ${required ? 'non-empty ' : ''}text, found ${describeValue(x)}`);
      return undefined;
    }
    return x.trim();
  };
  const url = (key: string, required = false, allowRelative = false): string | undefined => {
    const x = str(key, required);
    if (x === undefined) return undefined;
    const parsed = parseHttpUrl(x, allowRelative ? RELATIVE_BASE : undefined);
    if (!parsed.ok) {
      add(key, `"${x}" ${parsed.reason}`, allowRelative ? 'Write a path, or a URL like https://news.example.com/…' : 'Write it like https://news.example.com/…');
      return undefined;
    }
    return allowRelative && parsed.url.origin === new URL(RELATIVE_BASE).origin ? x : feedHref(parsed.url);
  };
  const int = (key: string, min: number, max: number): number | undefined => {
    const x = v[key];
    if (x === undefined || x === null) return undefined;
    if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) {
      add(key, `must be a whole number from ${min} to ${max}, found ${describeValue(x)}`);
      return undefined;
    }
    return x;
  };

  const siteUrl = url('siteUrl', true);
  const title = str('title', true);
  const config: StoryfeedConfig = {
    siteUrl: siteUrl ?? 'https://invalid.invalid/',
    title: title ?? '',
    description: str('description') ?? title ?? '',
    language: 'en',
    authors: [],
  };
  const language = str('language');
  if (language !== undefined) {
    const tag = canonicalLanguage(language);
    if (tag) config.language = tag;
    else
      add(
        'language',
        notALanguageTag(language),
        "Use the two- or three-letter ISO 639 code of the site's language (fr, not french), with a region or script after it if it matters (fr-CA).",
      );
  }
  config.authors = authors(v.authors ?? v.author, v.authors !== undefined ? 'authors' : 'author', add);

  const feedBaseUrl = url('feedBaseUrl');
  if (feedBaseUrl) config.feedBaseUrl = feedBaseUrl;
  const storyPath = str('storyPath');
  if (storyPath !== undefined) {
    if (!storyPath.includes('{slug}')) add('storyPath', `"${storyPath}" must contain {slug}`, 'For example "news/{slug}/".');
    else if (!storyPathStaysOnSite(storyPath, config.siteUrl))
      add('storyPath', `"${storyPath}" must give a path on the site, not another scheme or host`, 'For example "news/{slug}/".');
    else config.storyPath = storyPath;
  }
  if (v.outputs !== undefined) config.outputs = outputs(v.outputs, add);
  const itemLimit = int('itemLimit', 1, 1_000_000_000);
  if (itemLimit !== undefined) config.itemLimit = itemLimit;
  const copyright = str('copyright');
  if (copyright !== undefined) config.copyright = copyright;
  for (const key of ['icon', 'favicon', 'logo', 'hub'] as const) {
    const u = url(key);
    if (u !== undefined) config[key] = u;
  }
  if (v.stylesheet === undefined || v.stylesheet === true || (v.bundleStylesheet === true && v.stylesheet === STYLESHEET_FILE)) {
    config.stylesheet = STYLESHEET_FILE;
    config.bundleStylesheet = true;
  } else if (v.stylesheet !== false && v.stylesheet !== null) {
    const stylesheet = url('stylesheet', false, true);
    if (stylesheet !== undefined) config.stylesheet = stylesheet;
  }
  const flag = (key: 'archive' | 'authorFeeds' | 'indexPage' | 'future'): void => {
    if (v[key] === undefined) return;
    if (typeof v[key] === 'boolean') config[key] = v[key];
    else add(key, `must be true or false, found ${describeValue(v[key])}`);
  };
  flag('archive');
  flag('authorFeeds');
  flag('indexPage');
  flag('future');
  if (v.tagFeeds !== undefined) {
    const t = v.tagFeeds;
    // Only true, false or { minItems }: 0, "no" or a misspelt key turned tag feeds on without a word.
    const object = typeof t === 'object' && t !== null && !Array.isArray(t) && Object.keys(t).every((key) => key === 'minItems');
    const minItems = object ? (t as { minItems?: unknown }).minItems : undefined;
    if (typeof t === 'boolean') config.tagFeeds = t;
    else if (object && (minItems === undefined || (typeof minItems === 'number' && Number.isInteger(minItems) && minItems >= 1)))
      config.tagFeeds = minItems === undefined ? true : { minItems: minItems as number };
    else add('tagFeeds', `must be true, false or {"minItems": N} (N a whole number from 1), found ${describeValue(t)}`);
  }
  const entityTags = int('entityTags', 0, 100);
  if (entityTags !== undefined) config.entityTags = entityTags;
  if (v.entities !== undefined) {
    if (typeof v.entities === 'boolean') config.entities = v.entities;
    else add('entities', `must be true or false, found ${describeValue(v.entities)}`);
  }
  const maxSeedBytes = int('maxSeedBytes', 1_000, 2_000_000_000);
  if (maxSeedBytes !== undefined) config.maxSeedBytes = maxSeedBytes;
  const defaultYear = int('defaultYear', 1, 9999);
  if (defaultYear !== undefined) config.defaultYear = defaultYear;
  const timeZone = str('timeZone');
  if (timeZone !== undefined) {
    if (isKnownTimeZone(timeZone)) config.timeZone = timeZone;
    else add('timeZone', `"${timeZone}" is not an IANA time zone`, 'Use e.g. UTC, Europe/Kyiv, America/New_York.');
  }
  const defaultDate = str('defaultDate');
  if (defaultDate !== undefined) {
    const parsed = parseIsoDate(defaultDate, config.timeZone);
    if (!parsed.ok) add('defaultDate', parsed.reason);
    else if (lostDateReason(parsed.date)) add('defaultDate', `"${defaultDate}" ${lostDateReason(parsed.date)}`);
    else config.defaultDate = defaultDate;
  }
  for (const key of ['seeds', 'out'] as const) {
    const p = str(key);
    if (p !== undefined) config[key] = p;
  }
  if (v.deploy !== undefined && v.deploy !== null) config.deploy = validateDeployConfig(v.deploy, add);
  const choice = <T extends string>(key: 'undated' | 'content', allowed: readonly T[]): T | undefined => {
    const x = v[key];
    if (x === undefined || x === null) return undefined;
    if (typeof x === 'string' && (allowed as readonly string[]).includes(x)) return x as T;
    add(key, `must be ${allowed.map((a) => `"${a}"`).join(' or ')}, found ${describeValue(x)}`);
    return undefined;
  };
  const undated = choice('undated', ['first-published', 'error'] as const);
  if (undated) config.undated = undated;
  const content = choice('content', ['full', 'summary'] as const);
  if (content) config.content = content;
  const contentLimit = int('contentLimit', 1, 100_000_000);
  if (contentLimit !== undefined) config.contentLimit = contentLimit;
  // Podcast, namespaces and extensions are checked in full where the feed is built (resolveSite, the item stage).
  let unreadable = false;
  for (const key of ['podcast', 'namespaces', 'extensions'] as const) {
    const x = v[key];
    if (x === undefined || x === null) continue;
    if (typeof x === 'object' && !Array.isArray(x)) {
      // A copy of plain data (not structuredClone: a function, a symbol, a getter that throws or
      // 100,000 levels of nesting is a problem naming its path, not a crash).
      const copy = copySetting(x, key);
      if (copy.problems.length) unreadable = true;
      for (const problem of copy.problems) {
        const at = problem.indexOf(': ');
        add(problem.slice(0, at), problem.slice(at + 2));
      }
      (config as unknown as Record<string, unknown>)[key] = copy.value;
    } else add(key, `must be an object, found ${describeValue(x)}`);
  }
  if (!unreadable && (config.podcast !== undefined || config.namespaces !== undefined || config.extensions !== undefined)) {
    try {
      resolveSite(config);
    } catch (error) {
      if (!(error instanceof StoryfeedError)) throw error;
      for (const problem of error.problems) {
        const at = problem.indexOf(': ');
        add(problem.slice(0, at), problem.slice(at + 2));
      }
    }
  }
  for (const key of Object.keys(v)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      const near = didYouMean(key, FIELDS);
      add(key, 'is not a storyfeed setting', near ? `Did you mean "${near}"?` : 'Remove it, or check the README for the setting you meant.');
    }
  }
  if (problems.length) throw configError(source, problems);
  return config;
}

/** Base used to tell a relative stylesheet path from an absolute URL. */
const RELATIVE_BASE = 'https://relative.invalid/';

/** `true` when every story URL made from `storyPath` is an http(s) URL on `siteUrl`'s origin. */
function storyPathStaysOnSite(storyPath: string, siteUrl: string): boolean {
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  const parsed = parseHttpUrl(storyPath.replaceAll('{slug}', 'slug').replace(/^\/+/, ''), base);
  return parsed.ok && parsed.url.origin === new URL(base).origin;
}

/** Levels of the configuration storyfeed reads (root → `authors` → an author → its fields). */
const SNAPSHOT_DEPTH = 3;

/** Most items read from one list in the configuration. */
const MAX_LIST_ITEMS = 10_000;

/**
 * A plain copy of `value`, `depth` levels deep, each own field read once; a field whose read
 * throws (a getter, a proxy) is reported at its path and left out. Deeper values are kept as is.
 */
function plainCopy(value: unknown, path: string, depth: number, add: (path: string, message: string, hint?: string) => void): unknown {
  if (depth === 0 || typeof value !== 'object' || value === null) return value;
  const at = (key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);
  const fail = (where: string, cause: unknown): void => {
    add(where || '(root)', `cannot be read: ${errorText(cause)}`, 'Make it a plain value (the getter or proxy behind it throws).');
  };
  try {
    if (Array.isArray(value)) {
      const length = Math.min(value.length, MAX_LIST_ITEMS);
      if (value.length > MAX_LIST_ITEMS) add(path, `has ${value.length} items; at most ${MAX_LIST_ITEMS} are read`);
      const out: unknown[] = [];
      for (let i = 0; i < length; i++) {
        try {
          out.push(plainCopy(value[i], at(i), depth - 1, add));
        } catch (cause) {
          fail(at(i), cause);
        }
      }
      return out;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value; // a Date, a URL…: reported by the field's own check
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      try {
        Object.defineProperty(out, key, {
          value: plainCopy((value as Record<string, unknown>)[key], at(key), depth - 1, add),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } catch (cause) {
        fail(at(key), cause);
      }
    }
    return out;
  } catch (cause) {
    fail(path, cause);
    return {};
  }
}

function configError(source: string, problems: ConfigProblem[]): StoryfeedError {
  const lines = problems.map((p) => `${p.path}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`);
  // Command-line flags (`--site/--title`) are no file: they are named in the message, where a file is named before it.
  const flags = source.startsWith('--');
  const file = source === 'configuration' || flags ? undefined : source;
  // The file is named once: messages are shown after it (`storyfeed.config.json: 1 problem in the settings:`).
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  const where = flags ? source : file === undefined ? 'the configuration' : 'the settings';
  return new StoryfeedError('E_CONFIG', `${count} in ${where}:\n  ${lines.join('\n  ')}`, {
    file,
    problems: lines,
  });
}

function authors(value: unknown, key: string, add: (path: string, message: string, hint?: string) => void): Author[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: Author[] = [];
  list.forEach((a, i) => {
    const path = Array.isArray(value) ? `${key}[${i}]` : key;
    if (typeof a === 'string' && a.trim()) {
      const author = parseAuthorString(a);
      if (author.email !== undefined) {
        const email = feedEmailAddress(author.email);
        if (email === undefined) {
          add(path, `"${author.email}" ${NOT_A_FEED_EMAIL}`);
          return;
        }
        author.email = email;
      }
      out.push(author);
      return;
    }
    if (typeof a !== 'object' || a === null || Array.isArray(a)) {
      add(path, `must be a name or {name, email, url}, found ${describeValue(a)}`);
      return;
    }
    const o = a as Record<string, unknown>;
    if (typeof o.name !== 'string' || !o.name.trim()) {
      add(`${path}.name`, 'is required');
      return;
    }
    const author: Author = { name: o.name.trim() };
    if (o.email !== undefined) {
      const email = typeof o.email === 'string' ? feedEmailAddress(o.email) : undefined;
      if (email !== undefined) author.email = email;
      else add(`${path}.email`, `${NOT_A_FEED_EMAIL}: ${describeValue(o.email)}`);
    }
    if (o.url !== undefined) {
      const parsed = typeof o.url === 'string' ? parseHttpUrl(o.url) : ({ ok: false, reason: 'is not text' } as const);
      if (parsed.ok) author.url = feedHref(parsed.url);
      else add(`${path}.url`, `${typeof o.url === 'string' ? `"${o.url}"` : describeValue(o.url)} ${parsed.reason}`, 'Write it like https://example.com/about/…');
    }
    out.push(author);
  });
  return out;
}

/** Files and folders a build writes in the output folder besides the feeds, lower-cased. */
const BUILD_NAMES = new Set([STYLESHEET_FILE, 'index.html', 'archive', 'tags', 'authors']);

function outputs(value: unknown, add: (path: string, message: string, hint?: string) => void): Partial<Record<FeedFormat, string>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    add('outputs', `must be an object like {"rss": "rss.xml"}, found ${describeValue(value)}`);
    return {};
  }
  const out: Partial<Record<FeedFormat, string>> = {};
  for (const [key, name] of Object.entries(value)) {
    if (key !== 'rss' && key !== 'atom' && key !== 'json') {
      add(`outputs.${key}`, 'is not a format', 'The formats are rss, atom and json.');
      continue;
    }
    if (typeof name !== 'string' || !/^[\w][\w.-]*$/.test(name)) {
      add(`outputs.${key}`, `must be a plain file name such as ${key === 'json' ? 'feed.json' : `${key}.xml`}, found ${describeValue(name)}`);
      continue;
    }
    // A feed written under one of these names would replace, or be replaced by, what the build writes there
    // (on a file system that ignores case too): subscribers would get a stylesheet or a page, not a feed.
    if (BUILD_NAMES.has(name.toLowerCase())) {
      add(`outputs.${key}`, `"${name}" is a name the build writes itself (the stylesheet, the index page, the archive, tag and author folders); choose another`);
      continue;
    }
    out[key] = name;
  }
  // A format whose name was refused above is left out: its default was never asked for.
  const given = value as Record<string, unknown>;
  const names = Object.entries({ rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json', ...out })
    .filter(([key]) => out[key as FeedFormat] !== undefined || !Object.hasOwn(given, key))
    .map(([, name]) => name);
  // Compared without case, as the build names above: on a file system that ignores case (macOS, Windows),
  // RSS.xml and rss.xml are one file, and the second format written would replace the first.
  const seen = new Map<string, string>();
  for (const name of names) {
    const earlier = seen.get(name.toLowerCase());
    if (earlier === undefined) seen.set(name.toLowerCase(), name);
    else if (earlier === name) add('outputs', `two formats would be written to the same file ${name}`);
    else add('outputs', `two formats would be written to the same file ${name} (as ${earlier}, on a file system that ignores case); choose names that differ in more than case`);
  }
  return out;
}
