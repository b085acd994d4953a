/**
 * The one check for URLs storyfeed publishes from configuration and front matter: absolute
 * http(s) only (no `javascript:`, `data:` or `file:`), and no `user:password@` (credentials in a
 * site URL would be copied into every link of every feed).
 */

/** A parsed http(s) URL, or why `value` is not one. */
export type HttpUrlResult = { ok: true; url: URL } | { ok: false; reason: string };

/** Parses `value` (against `base` when given) as an http(s) URL without credentials. */
export function parseHttpUrl(value: string, base?: string): HttpUrlResult {
  let url: URL;
  try {
    url = base === undefined ? new URL(value) : new URL(value, base);
  } catch {
    return { ok: false, reason: base === undefined ? 'is not an absolute URL' : 'is not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: `must be an http(s) URL, not ${url.protocol}` };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'must not contain a user name or password' };
  return { ok: true, url };
}

/**
 * `url` written as feeds carry it: its `href`, with `[` and `]` after the host percent-encoded
 * (`?size[w]=100` → `?size%5Bw%5D=100`). RFC 3986 lets them stand only around an IPv6 host, and the
 * W3C feed validator refuses a link, enclosure or image holding them elsewhere, where the URL parser
 * keeps them as written; servers read both spellings alike.
 */
export function feedHref(url: URL): string {
  const href = url.href;
  if (!href.includes('[') && !href.includes(']')) return href;
  // The path starts at the first `/` after `scheme://` (the host and user name hold none); a URL without one (`mailto:`) has no host.
  const authority = url.host === '' ? url.protocol.length : href.indexOf('/', url.protocol.length + 2);
  const start = authority < 0 ? href.length : authority;
  return href.slice(0, start) + href.slice(start).replaceAll('[', '%5B').replaceAll(']', '%5D');
}
