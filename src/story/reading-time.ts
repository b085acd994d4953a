/** Words per minute used for `readingMinutes`. */
export const WORDS_PER_MINUTE = 230;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/**
 * A combining mark: Devanagari's vowel signs and virama (`ि`, `्`), Thai's vowels and tones, Arabic's and Hebrew's
 * vowel points, an accent written after its letter (`e` + U+0301). It belongs to the letter before it.
 */
const MARK = /^\p{M}$/u;
/** Han ideographs and kana: Chinese and Japanese put no space between words, and each counts as a word. */
const IDEOGRAPH = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;

/** Letter or digit (1), ideograph or kana (3), combining mark (4), none of them (2), for the Basic Multilingual Plane, filled on first sight (0 unknown). */
const bmpClass = new Uint8Array(0x10000);

/** 1 for a letter or digit, 3 for an ideograph or kana (a word by itself), 4 for a combining mark, 0 for none of them. */
function letterKind(cp: number): number {
  if (cp < 0x80) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57) ? 1 : 0;
  if (cp > 0xffff) return kindOf(String.fromCodePoint(cp));
  let known = bmpClass[cp] ?? 0;
  if (known === 0) {
    known = kindOf(String.fromCharCode(cp)) || 2;
    bmpClass[cp] = known;
  }
  return known === 2 ? 0 : known;
}

/** {@link letterKind} of one character, by its Unicode properties. */
function kindOf(c: string): number {
  return IDEOGRAPH.test(c) ? 3 : LETTER_OR_DIGIT.test(c) ? 1 : MARK.test(c) ? 4 : 0;
}

function isLetterOrDigit(cp: number): boolean {
  const kind = letterKind(cp);
  return kind === 1 || kind === 3;
}

/**
 * `'`, `’`, `.`, `,` and `-`: they join letters and digits into one word ("it's", "10,000", "well-known"); and the
 * zero-width non-joiner and joiner, which Persian writes inside a word (`می‌شود`) and Indic scripts between its letters.
 */
const isJoiner = (c: number): boolean => c === 39 || c === 0x2019 || c === 46 || c === 44 || c === 45 || c === 0x200c || c === 0x200d;

/** Classes of the ASCII characters: 1 a letter or digit, 2 a joiner, 0 neither. */
const ASCII_CLASS = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) table[c] = isLetterOrDigit(c) ? 1 : isJoiner(c) ? 2 : 0;
  return table;
})();

/**
 * Counts words: runs of letters or digits and the combining marks after them, with inner apostrophes, hyphens and
 * zero-width (non-)joiners (what `/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.,\u200C\u200D-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*\/gu`
 * matches, counted in one pass without a regex), and each Han
 * ideograph or kana as a word of its own, as word processors count Chinese and Japanese (a Chinese article of 3,500
 * characters counted 240 "words", the runs between its commas and full stops). Chinese readers read about 255
 * characters a minute (IReST), near {@link WORDS_PER_MINUTE}. ASCII is looked up in a table; other characters are
 * read as code points.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const unit = text.charCodeAt(i);
    let kind: number;
    let width = 1;
    if (unit < 128) kind = ASCII_CLASS[unit]!;
    else {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) width = 2;
      kind = letterKind(cp) || (isJoiner(cp) ? 2 : 0);
    }
    if (kind === 3) {
      count++;
      inWord = false;
    } else if (kind === 1) {
      if (!inWord) count++;
      inWord = true;
    } else if (kind === 2 && inWord && i + 1 < n && startsWord(text, i + 1)) {
      // A joiner between two letters or digits keeps the word going ("it's", "10,000").
    } else if (kind === 4) {
      // A combining mark neither starts nor ends a word: it is part of the letter before it ("हिन्दी" is one word, not four).
    } else inWord = false;
    i += width;
  }
  return count;
}

/** Whether a letter or digit starts at `i`. */
function startsWord(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  return unit < 128 ? ASCII_CLASS[unit] === 1 : isLetterOrDigit(text.codePointAt(i)!);
}
