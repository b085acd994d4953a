import { describeValue, StoryfeedError } from '../errors.js';
import { canonicalLanguage } from '../story/language-tag.js';
import type { Author, PodcastChannel, ResolvedSite, SiteConfig } from '../types.js';
import { podcastCategoryProblem } from './podcast-categories.js';

/** Default feed language when the site names none. */
export const DEFAULT_LANGUAGE = 'en';

/**
 * The site with the README's defaults applied (`description` = title, `language` = `en`, no
 * authors), checked so that plain-JS callers get an `E_CONFIG` error naming the field instead of a
 * `TypeError`. Idempotent: a resolved site comes back equal.
 */
export function resolveSite(site: SiteConfig): ResolvedSite {
  const problems: string[] = [];
  if (typeof site !== 'object' || site === null) throw new StoryfeedError('E_CONFIG', `the site must be an object with at least siteUrl and title, found ${describeValue(site)}`);
  const s = site as unknown as Record<string, unknown>;
  const siteUrl = s.siteUrl;
  if (typeof siteUrl !== 'string' || !isHttpUrl(siteUrl)) problems.push(`siteUrl: must be an absolute http(s) URL, found ${describeValue(siteUrl)}`);
  if (typeof s.title !== 'string') problems.push(`title: is required text, found ${describeValue(s.title)}`);
  for (const key of ['description', 'language', 'feedBaseUrl', 'storyPath', 'copyright', 'icon', 'favicon', 'logo', 'hub', 'stylesheet', 'defaultDate', 'timeZone'] as const) {
    if (s[key] !== undefined && typeof s[key] !== 'string') problems.push(`${key}: must be text, found ${describeValue(s[key])}`);
  }
  if (s.authors !== undefined && (!Array.isArray(s.authors) || s.authors.some((a) => typeof a !== 'object' || a === null || typeof (a as Author).name !== 'string'))) {
    problems.push('authors: must be a list of { name, email?, url? }');
  }
  if (s.content !== undefined && s.content !== 'full' && s.content !== 'summary') problems.push(`content: must be "full" or "summary", found ${describeValue(s.content)}`);
  if (s.undated !== undefined && s.undated !== 'first-published' && s.undated !== 'error')
    problems.push(`undated: must be "first-published" or "error", found ${describeValue(s.undated)}`);
  if (s.contentLimit !== undefined && (typeof s.contentLimit !== 'number' || !Number.isInteger(s.contentLimit) || s.contentLimit < 1))
    problems.push(`contentLimit: must be a whole number of characters, found ${describeValue(s.contentLimit)}`);
  if (s.namespaces !== undefined) problems.push(...namespaceProblems(s.namespaces));
  if (s.podcast !== undefined) problems.push(...podcastProblems(s.podcast));
  let language = DEFAULT_LANGUAGE;
  if (typeof s.language === 'string') {
    const tag = canonicalLanguage(s.language);
    if (tag) language = tag;
    else problems.push(`language: "${s.language}" is not a BCP 47 language tag such as en or uk`);
  }
  if (problems.length) throw new StoryfeedError('E_CONFIG', `the site settings are invalid: ${problems.join('; ')}`, { problems });
  return {
    ...site,
    description: site.description ?? site.title,
    language,
    authors: site.authors ?? [],
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

const XML_NAME = /^[A-Za-z_][\w.-]*$/;
/** Prefixes storyfeed writes itself with fixed namespaces; a site may not rebind them. */
const RESERVED_PREFIXES = new Set(['xml', 'xmlns', 'atom', 'content', 'fh']);

function namespaceProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`namespaces: must map prefixes to namespace URIs, found ${describeValue(value)}`];
  const out: string[] = [];
  for (const [prefix, uri] of Object.entries(value)) {
    if (!XML_NAME.test(prefix) || prefix.includes(':') || RESERVED_PREFIXES.has(prefix.toLowerCase())) out.push(`namespaces.${prefix}: is not a prefix a site may declare`);
    else if (typeof uri !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(uri)) out.push(`namespaces.${prefix}: must be an absolute URI, found ${describeValue(uri)}`);
  }
  return out;
}

function podcastProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [`podcast: must be an object, found ${describeValue(value)}`];
  const p = value as Partial<PodcastChannel> & Record<string, unknown>;
  const out: string[] = [];
  if (typeof p.image !== 'string' || !isHttpUrl(p.image)) out.push('podcast.image: the show artwork URL is required (Apple Podcasts requires itunes:image)');
  if (
    !Array.isArray(p.categories) ||
    p.categories.length === 0 ||
    p.categories.some((c) => typeof c !== 'object' || c === null || typeof c.text !== 'string' || !c.text || (c.subcategory !== undefined && typeof c.subcategory !== 'string'))
  ) {
    out.push('podcast.categories: at least one { text, subcategory? } is required (Apple Podcasts requires itunes:category)');
  } else {
    p.categories.forEach((c, i) => {
      const problem = podcastCategoryProblem(c.text, c.subcategory);
      if (problem) out.push(`podcast.categories[${i}]: ${problem}`);
    });
  }
  if (typeof p.explicit !== 'boolean') out.push('podcast.explicit: true or false is required (Apple Podcasts requires itunes:explicit)');
  if (p.type !== undefined && p.type !== 'episodic' && p.type !== 'serial') out.push('podcast.type: must be "episodic" or "serial"');
  if (p.owner !== undefined && (typeof p.owner !== 'object' || p.owner === null || typeof p.owner.name !== 'string' || typeof p.owner.email !== 'string'))
    out.push('podcast.owner: must be { name, email }');
  if (p.locked !== undefined && typeof p.locked !== 'boolean') out.push('podcast.locked: must be true or false');
  return out;
}
