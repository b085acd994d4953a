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
