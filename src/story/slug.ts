import anyAscii from 'any-ascii';

/**
 * Makes an ASCII, URL-safe slug: transliterates any script (Cyrillic, Greek, CJK, …), lowercases,
 * and joins words with single hyphens. Path tricks such as `../../x` cannot survive it.
 */
export function slugify(text: string, maxLength = 80): string {
  const ascii = anyAscii(text.normalize('NFC'))
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength + 1);
  const at = cut.lastIndexOf('-');
  return (at > maxLength / 2 ? cut.slice(0, at) : ascii.slice(0, maxLength)).replace(/-+$/, '');
}

/** A Jekyll-style date prefix in a file name: `2024-10-21-some-story` → date and rest. */
export function splitDatedName(name: string): { date: string; rest: string } | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[-_](.+)$/.exec(name);
  return m ? { date: m[1]!, rest: m[2]! } : undefined;
}
