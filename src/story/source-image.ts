/**
 * Images a story names by a source file's path, not by an address readers can load. Astro reads
 * `![A starry night sky.](../../assets/stars.png)` from the Markdown file's folder and publishes the picture under a
 * name of its own (`/_astro/stars.a1b2c3.webp`); a bundler reads `~/assets/x.png` through an import alias. Resolved
 * against the story's address, such a path climbs above the site's root, where URL resolution stops, and names a
 * file no site publishes: a broken picture in every reader. Such an image is left out with a warning.
 */

/** A path through a bundler's import alias: `~/`, `@/`, `@assets/`. */
const IMPORT_ALIAS = /^(?:~|@[a-z][\w.-]*|@)[\\/]/i;

/** An address with a scheme (`https:`, `data:`), or one from the host's root or another host (`/x`, `//cdn`, `\x`). */
const NOT_RELATIVE = /^(?:[a-z][a-z0-9+.-]*:|[\\/])/i;

/** The dot segments of a URL path as the URL standard reads them (`%2e` is a dot). */
const PARENT_SEGMENT = /^(?:\.|%2e){2}$/i;
const SAME_SEGMENT = /^(?:\.|%2e)$/i;

/**
 * Why `address` (an image's file, as written) is a source file's path and no address on the site, or `undefined`
 * when it may be one: it goes through an import alias, or, a relative path, it climbs above the site's root
 * (`siteBase`) from the address it is read against (`base`: the story's, or its page bundle's folder). One pass
 * over the path's segments; a base outside the site is not judged.
 */
export function sourceImagePath(address: string, base: string, siteBase: string): string | undefined {
  const written = address.trim();
  if (importAliasOf(written) !== undefined) return 'a path through an import alias';
  if (written === '' || !isPagePath(written) || !base.startsWith(siteBase)) return undefined;
  // The folders the base lies in below the site's root: `https://x.com/blog/` and `…/blog/post` none, `…/blog/trip/` one.
  const below = base.slice(siteBase.length).replace(/[?#].*$/s, '');
  let depth = below.split('/').length - 1;
  // Each segment, the file's name last (`..` there, as in `../..`, names a folder above too).
  for (const segment of written.replace(/[?#].*$/s, '').split(/[\\/]/)) {
    if (PARENT_SEGMENT.test(segment)) depth--;
    else if (segment !== '' && !SAME_SEGMENT.test(segment)) depth++;
    if (depth < 0) return "a path climbing above the site's root";
  }
  return undefined;
}

/** The import alias a path goes through (`~/`, `@/`, `@assets/`, as written), or `undefined`. */
export function importAliasOf(address: string): string | undefined {
  return IMPORT_ALIAS.exec(address.trim())?.[0];
}

/** Whether an address is a path read against the page it is on: no scheme, not from a host's root or another host. */
export function isPagePath(address: string): boolean {
  return !NOT_RELATIVE.test(address.trim());
}
