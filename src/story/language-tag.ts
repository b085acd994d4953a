/** Canonicalizes a BCP 47 tag (`EN-us` → `en-US`), or returns `undefined` when it is not one. */
export function canonicalLanguage(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}
