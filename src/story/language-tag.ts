import { describeValue } from '../errors.js';
import { ISO_639_1_CODES } from './iso-639-1-data.js';

/** Tags canonicalized so far (a build sees a handful of languages, each thousands of times); cleared when full. */
const canonical = new Map<string, string | undefined>();
const CANONICAL_MAX = 256;

/** ISO 639-1's codes, made into a set when a tag is first checked. */
let twoLetterCodes: ReadonlySet<string> | undefined;

/**
 * Canonicalizes a BCP 47 tag (`EN-us` → `en-US`), or returns `undefined` when it is not one a feed can carry: its
 * language must be an ISO 639 code, two letters that ISO 639-1 lists (`zz` is none) or three (ISO 639-2 and 639-3
 * share them, and are not told apart here).
 */
export function canonicalLanguage(tag: string): string | undefined {
  if (canonical.has(tag)) return canonical.get(tag);
  let result: string | undefined;
  try {
    result = Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
  } catch {
    result = undefined;
  }
  // BCP 47's syntax takes a first subtag of 5 to 8 letters ("english"), but none is registered, and feeds
  // (RSS's language, Atom's xml:lang) carry ISO 639 codes: two or three letters. Canonical tags spell a
  // language with two letters where ISO 639-1 has them (`fre` → `fr`), so two letters must be one of those.
  const language = result === undefined ? undefined : /^[a-z]{2,3}(?=-|$)/i.exec(result)?.[0];
  if (language === undefined || (language.length === 2 && !(twoLetterCodes ??= new Set(ISO_639_1_CODES.split(/\s+/))).has(language.toLowerCase()))) {
    result = undefined;
  }
  // Only short tags are kept: a hostile value must not pin a long string.
  if (tag.length <= 64) {
    if (canonical.size >= CANONICAL_MAX) canonical.clear();
    canonical.set(tag, result);
  }
  return result;
}

/** Why `tag`, which {@link canonicalLanguage} refuses, is no language tag, for a message naming the field. */
export function notALanguageTag(tag: string): string {
  return `${describeValue(tag)} is not a language tag starting with an ISO 639 language code (such as en, en-GB, pt-BR or zh-Hant-TW)`;
}
