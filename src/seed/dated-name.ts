/**
 * A Jekyll-style date prefix in a file name: `2024-10-21-some-story` → date (ISO 8601's, `2024-10-21`) and rest. A month
 * or day of one digit is read too (`2017-2-5-some-story`), as Jekyll and Docusaurus read a post's name.
 */
export function splitDatedName(name: string): { date: string; rest: string } | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})[-_](.+)$/.exec(name);
  return m ? { date: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`, rest: m[4]! } : undefined;
}

/**
 * The date the folders a file lies in write, year, month and day, as Docusaurus dates a post (`2021/04/15/blog-post.md`,
 * or a bundle, `2021/04/15/blog-post/index.md`): ISO 8601's (`2021-04-15`), or `undefined` for any other path.
 */
export function folderDate(file: string): string | undefined {
  const m = /(?:^|[\\/])(\d{4})[\\/](\d{1,2})[\\/](\d{1,2})[\\/][^\\/]+(?:[\\/]index\.[^\\/]+)?$/.exec(file);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : undefined;
}

/** The Markdown extensions a Jekyll post is read with (`.md`, `.markdown`, `.mdown`, `.mkd`), as `seedFormatOf` reads them. */
const MARKDOWN_NAME = /^(.+)\.(?:md|markdown|mdown|mkd)$/i;

/**
 * The name of a Jekyll post after its date (`storm-hits-coast` for `_posts/2024-01-02-storm-hits-coast.md`), else
 * `undefined`: a Markdown file in a `_posts` folder (at any depth; `inPosts` says so when given), named with its date first as Jekyll requires of a
 * post. Jekyll reads such a post's fields its own way (a string of categories or tags is split at white space, and the
 * title defaults to the file's name), unlike Hugo, Eleventy, Astro and storyfeed's own seeds, whose names may be dated too.
 */
export function jekyllPostName(file: string | undefined, inPosts?: boolean): string | undefined {
  if (file === undefined) return undefined;
  const parts = file.split(/[\\/]/);
  const stem = MARKDOWN_NAME.exec(parts.pop() ?? '')?.[1];
  // `inPosts`, when given, says where the file really is (its name for messages may be relative to any folder).
  if (stem === undefined || !(inPosts ?? parts.includes('_posts'))) return undefined;
  return splitDatedName(stem)?.rest;
}

/**
 * Jekyll's own test of a file name in `_posts` (its `DATE_FILENAME_MATCHER`): a date first (`2024-01-02-`, or as short as
 * `24-1-2-`), then a title and an extension. Jekyll publishes only the files so named; it ignores any other file there.
 */
const JEKYLL_DATED_NAME = /^\d{2,4}-\d{1,2}-\d{1,2}-[^/\\]*\.[^./\\]+$/;

/** Whether Jekyll takes a file of this name (no folder) in a `_posts` folder for a post: see {@link JEKYLL_DATED_NAME}. */
export function isJekyllPostName(name: string): boolean {
  return JEKYLL_DATED_NAME.test(name);
}
