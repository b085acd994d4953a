/**
 * The rules of JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) that a JSON Schema of it
 * states, checked by hand: required members, types, absolute URLs, RFC 3339 dates, and the rule
 * that every item has `content_html` or `content_text`. Returns the problems, `[]` for none.
 */
export function checkJsonFeed11(feed: unknown): string[] {
  const problems: string[] = [];
  const p = (path: string, message: string): void => void problems.push(`${path}: ${message}`);
  if (!isObject(feed)) return ['(root): must be an object'];
  if (feed.version !== 'https://jsonfeed.org/version/1.1') p('version', 'must be https://jsonfeed.org/version/1.1');
  if (typeof feed.title !== 'string') p('title', 'is required text');
  for (const key of ['home_page_url', 'feed_url', 'icon', 'favicon', 'next_url']) optionalUrl(feed[key], key, p);
  for (const key of ['description', 'user_comment', 'language']) optionalString(feed[key], key, p);
  if (feed.expired !== undefined && typeof feed.expired !== 'boolean') p('expired', 'must be a boolean');
  authors(feed.authors, 'authors', p);
  if (!Array.isArray(feed.items)) return [...problems, 'items: is required (a list)'];
  const ids = new Set<string>();
  feed.items.forEach((item: unknown, i: number) => {
    const at = `items[${i}]`;
    if (!isObject(item)) return p(at, 'must be an object');
    if (typeof item.id !== 'string' || item.id === '') p(`${at}.id`, 'is required text');
    else if (ids.has(item.id)) p(`${at}.id`, 'is not unique');
    else ids.add(item.id);
    if (typeof item.content_html !== 'string' && typeof item.content_text !== 'string') p(at, 'needs content_html or content_text');
    for (const key of ['url', 'external_url', 'image', 'banner_image']) optionalUrl(item[key], `${at}.${key}`, p);
    for (const key of ['title', 'summary', 'content_html', 'content_text', 'language']) optionalString(item[key], `${at}.${key}`, p);
    for (const key of ['date_published', 'date_modified']) {
      const v = item[key];
      if (v !== undefined && (typeof v !== 'string' || !RFC3339.test(v) || Number.isNaN(Date.parse(v)))) p(`${at}.${key}`, 'must be an RFC 3339 date-time');
    }
    if (item.tags !== undefined && (!Array.isArray(item.tags) || item.tags.some((t: unknown) => typeof t !== 'string'))) p(`${at}.tags`, 'must be a list of text');
    authors(item.authors, `${at}.authors`, p);
    if (item.attachments !== undefined) {
      if (!Array.isArray(item.attachments)) p(`${at}.attachments`, 'must be a list');
      else {
        item.attachments.forEach((a: unknown, j: number) => {
          const aat = `${at}.attachments[${j}]`;
          if (!isObject(a)) return p(aat, 'must be an object');
          if (typeof a.url !== 'string' || !isAbsoluteUrl(a.url)) p(`${aat}.url`, 'is required (an absolute URL)');
          if (typeof a.mime_type !== 'string' || !/^[\w.+-]+\/[\w.+-]+/.test(a.mime_type)) p(`${aat}.mime_type`, 'is required (a MIME type)');
          optionalString(a.title, `${aat}.title`, p);
          for (const key of ['size_in_bytes', 'duration_in_seconds']) {
            const n = a[key];
            if (n !== undefined && (typeof n !== 'number' || n < 0)) p(`${aat}.${key}`, 'must be a non-negative number');
          }
        });
      }
    }
    for (const key of Object.keys(item)) if (!ITEM_KEYS.has(key) && !key.startsWith('_')) p(`${at}.${key}`, 'is not a JSON Feed 1.1 item member (extensions start with "_")');
  });
  return problems;
}

const ITEM_KEYS = new Set([
  'id',
  'url',
  'external_url',
  'title',
  'content_html',
  'content_text',
  'summary',
  'image',
  'banner_image',
  'date_published',
  'date_modified',
  'authors',
  'author',
  'tags',
  'language',
  'attachments',
]);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

type Report = (path: string, message: string) => void;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isAbsoluteUrl(v: string): boolean {
  try {
    return Boolean(new URL(v).protocol);
  } catch {
    return false;
  }
}

function optionalUrl(v: unknown, path: string, p: Report): void {
  if (v !== undefined && (typeof v !== 'string' || !isAbsoluteUrl(v))) p(path, 'must be an absolute URL');
}

function optionalString(v: unknown, path: string, p: Report): void {
  if (v !== undefined && typeof v !== 'string') p(path, 'must be text');
}

function authors(v: unknown, path: string, p: Report): void {
  if (v === undefined) return;
  if (!Array.isArray(v)) return p(path, 'must be a list');
  v.forEach((a: unknown, i: number) => {
    if (!isObject(a)) return p(`${path}[${i}]`, 'must be an object');
    if (a.name === undefined && a.url === undefined && a.avatar === undefined) p(`${path}[${i}]`, 'needs a name, url or avatar');
    optionalString(a.name, `${path}[${i}].name`, p);
    optionalUrl(a.url, `${path}[${i}].url`, p);
    optionalUrl(a.avatar, `${path}[${i}].avatar`, p);
  });
}
