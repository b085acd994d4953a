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
    } else if (kind === 1 && unit >= UNSPACED_FIRST && unit <= UNSPACED_LAST && UNSPACED_SCRIPTS.has(unit >> 7)) {
      // Thai, Lao, Khmer and Burmese write no space between words: their dictionary segmentation counts the run.
      const end = unspacedRunEnd(text, i);
      count += (inWord ? -1 : 0) + unspacedWords(text.slice(i, end), unit >> 7);
      inWord = true;
      i = end;
      continue;
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

/**
 * The 128-code-point blocks of scripts written without spaces between words, by their block number (code point >> 7),
 * with the locale whose dictionary segments them: Thai (U+0E00), Lao (U+0E80), Myanmar (U+1000) and Khmer (U+1780).
 */
const UNSPACED_SCRIPTS: ReadonlyMap<number, string> = new Map([
  [0x0e00 >> 7, 'th'],
  [0x0e80 >> 7, 'lo'],
  [0x1000 >> 7, 'my'],
  [0x1780 >> 7, 'km'],
]);
const UNSPACED_FIRST = 0x0e00;
const UNSPACED_LAST = 0x17ff;

/** Where the run of letters and marks of the unspaced script block starting at `from` ends. */
function unspacedRunEnd(text: string, from: number): number {
  const block = text.charCodeAt(from) >> 7;
  let i = from;
  while (i < text.length && text.charCodeAt(i) >> 7 === block && letterKind(text.charCodeAt(i)) !== 0) i++;
  return i;
}

/** Word segmenters by locale, made on first use; `null` where the runtime has none (the run then counts as one word). */
const segmenters = new Map<string, Intl.Segmenter | null>();

/** How many words a run of one unspaced script holds, by the runtime's dictionary segmentation (`Intl.Segmenter`). */
function unspacedWords(run: string, block: number): number {
  const locale = UNSPACED_SCRIPTS.get(block)!;
  let segmenter = segmenters.get(locale);
  if (segmenter === undefined) {
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(locale, { granularity: 'word' }) : null;
    segmenters.set(locale, segmenter);
  }
  if (segmenter === null) return 1;
  // The runtime's segmentation of one long run takes time in the square of its length (48,000 Thai characters:
  // 185 ms; a megabyte would take minutes): the run is read in pieces, each from the last word start of the one
  // before, so no word is cut and the count is the same.
  let words = 0;
  for (let at = 0; at < run.length; ) {
    const piece = run.slice(at, at + UNSPACED_PIECE);
    let counted = 0;
    let lastStart = 0;
    let lastWordLike = false;
    for (const segment of segmenter.segment(piece)) {
      if (segment.isWordLike) counted++;
      lastStart = segment.index;
      lastWordLike = segment.isWordLike === true;
    }
    if (at + piece.length >= run.length || lastStart === 0) {
      words += counted;
      at += piece.length;
    } else {
      // The piece's last word may go on in the next piece: it is counted there.
      words += counted - (lastWordLike ? 1 : 0);
      at += lastStart;
    }
  }
  return Math.max(1, words);
}

/** How many characters of an unspaced run are segmented at a time (see {@link unspacedWords}). */
const UNSPACED_PIECE = 256;

/** Whether a letter or digit starts at `i`. */
function startsWord(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  return unit < 128 ? ASCII_CLASS[unit] === 1 : isLetterOrDigit(text.codePointAt(i)!);
}
