/** Words per minute used for `readingMinutes`. */
export const WORDS_PER_MINUTE = 230;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Letter-or-digit answers for the Basic Multilingual Plane, filled on first sight: 0 unknown, 1 yes, 2 no. */
const bmpClass = new Uint8Array(0x10000);

function isLetterOrDigit(cp: number): boolean {
  if (cp < 0x80) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  if (cp > 0xffff) return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
  let known = bmpClass[cp] ?? 0;
  if (known === 0) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(cp)) ? 1 : 2;
    bmpClass[cp] = known;
  }
  return known === 1;
}

/** `'`, `’`, `.`, `,` and `-`: they join letters and digits into one word ("it's", "10,000", "well-known"). */
const isJoiner = (c: number): boolean => c === 39 || c === 0x2019 || c === 46 || c === 44 || c === 45;

/**
 * Counts words: runs of letters or digits, with inner apostrophes and hyphens (what
 * `/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*\/gu` matches, counted in one pass without a regex).
 */
export function countWords(text: string): number {
  let count = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const cp = text.codePointAt(i) ?? 0;
    if (!isLetterOrDigit(cp)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    count++;
    // Past this word: letters and digits, and joiners that have one after them.
    i += cp > 0xffff ? 2 : 1;
    while (i < n) {
      const c = text.codePointAt(i) ?? 0;
      if (isLetterOrDigit(c)) {
        i += c > 0xffff ? 2 : 1;
      } else if (isJoiner(c) && i + 1 < n && isLetterOrDigit(text.codePointAt(i + 1) ?? 0)) {
        i++;
      } else break;
    }
  }
  return count;
}
