/**
 * A post's media folder, as Jekyll's Chirpy theme reads it from the post's front matter: `media_subpath` (before
 * Chirpy 7.0, `img_path`). Chirpy writes the folder before the address of each of the post's images that has neither
 * a scheme nor a host (`photo.png` and `/photo.png` are both `[baseurl]/media_subpath/photo.png`), in the body and in
 * front matter `image`; a link, or an address such as `https://…` or `//cdn…`, is left as it is.
 */
import { feedHref, type HttpUrlResult, parseHttpUrl } from './http-url.js';

/** An address with a scheme (`https:`, `data:`) or a host (`//cdn.example.com/…`): Chirpy writes no folder before it. */
const SCHEME_OR_HOST = /^(?:[a-z][a-z0-9+.-]*:|[\\/]{2})/i;

/**
 * The folder `subpath` names as an http(s) URL ending in `/`: an http(s) URL as it is, and a path (from the root or
 * not) from the site's address `siteBase` (ending in `/`), as Chirpy writes it after the site's `baseurl`.
 */
export function mediaFolderUrl(subpath: string, siteBase: string): HttpUrlResult {
  const written = subpath.trim();
  const parsed = parseHttpUrl(SCHEME_OR_HOST.test(written) ? written : written.replace(/^[\\/]+/, ''), siteBase);
  if (parsed.ok && !parsed.url.pathname.endsWith('/')) parsed.url.pathname = `${parsed.url.pathname}/`;
  return parsed;
}

/**
 * The address an image's file written as `address` has under the media folder `folder` (see {@link mediaFolderUrl}):
 * a path, relative or from the root, is read within the folder; `undefined` for an address Chirpy leaves as it is
 * (with a scheme or a host), or none.
 */
export function underMediaFolder(address: string, folder: string): string | undefined {
  const written = address.trim();
  if (written === '' || SCHEME_OR_HOST.test(written)) return undefined;
  try {
    return feedHref(new URL(written.replace(/^[\\/]+/, ''), folder));
  } catch {
    return undefined;
  }
}
