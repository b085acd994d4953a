/** Tags canonicalized so far (a build sees a handful of languages, each thousands of times); cleared when full. */
const canonical = new Map<string, string | undefined>();
const CANONICAL_MAX = 256;

/** Canonicalizes a BCP 47 tag (`EN-us` → `en-US`), or returns `undefined` when it is not one. */
export function canonicalLanguage(tag: string): string | undefined {
  if (canonical.has(tag)) return canonical.get(tag);
  let result: string | undefined;
  try {
    result = Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
  } catch {
    result = undefined;
  }
  // BCP 47's syntax takes a first subtag of 5 to 8 letters ("english"), but none is registered, and feeds
  // (RSS's language, Atom's xml:lang) carry ISO 639 codes: two or three letters.
  if (result !== undefined && !/^[a-z]{2,3}(?:-|$)/i.test(result)) result = undefined;
  // Only short tags are kept: a hostile value must not pin a long string.
  if (tag.length <= 64) {
    if (canonical.size >= CANONICAL_MAX) canonical.clear();
    canonical.set(tag, result);
  }
  return result;
}
