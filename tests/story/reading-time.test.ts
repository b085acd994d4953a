import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/story/reading-time.js';
import { costGrowth } from '../support/linear.js';

/** Han ideographs and kana, each a word of its own. */
const IDEOGRAPHS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
/** A letter or digit that is not one of them. */
const LETTER = `(?:(?![${IDEOGRAPHS}])[\\p{L}\\p{N}])`;
/** A letter or digit and the combining marks after it (Devanagari's vowel signs, an accent written after its letter). */
const SPELLED = `${LETTER}(?:${LETTER}|\\p{M})*`;
/** The definition countWords implements without a regex. */
const WORDS = new RegExp(`[${IDEOGRAPHS}]|${SPELLED}(?:['’.,\u200C\u200D-]${SPELLED})*`, 'gu');
const byRegex = (text: string): number => text.match(WORDS)?.length ?? 0;

describe('countWords', () => {
  it.each([
    ["It's a well-known fact — 10,000 people.", 6],
    ['', 0],
    ['-- ,. ’', 0],
    ['a-', 1],
    ['a--b', 2],
    ['𝐀𝐁 𝟏', 2],
    ['Київ, Україна', 2],
    ['\ud800a', 1],
    // Chinese and Japanese: each ideograph or kana is a word, as word processors count them.
    ['北京市政府，周三。', 7],
    ['東京でコーヒー', 7],
    ['a-中b', 3],
    ['𠀀𠀁', 2],
    // A combining mark belongs to its letter: Devanagari's vowel signs and virama, an accent written after its letter.
    ['नई दिल्ली में शुक्रवार को मानसून की पहली बारिश हुई।', 10],
    ['re\u0301sume\u0301 of 2024', 3],
    // Persian writes a zero-width non-joiner inside a word.
    ['نمایشگاه بین\u200cالمللی کتاب برگزار می\u200cشود', 5],
    ['か\u3099き', 2],
  ])('counts %j as %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
    expect(byRegex(text)).toBe(words);
  });

  it('counts what the regex counts, on any text', () => {
    const piece = fc.constantFrom(
      'a',
      'Я',
      '7',
      '٣',
      '𝐀',
      '😀',
      ' ',
      "'",
      '’',
      '.',
      ',',
      '-',
      '—',
      '\u0301',
      'क',
      'ि',
      '्',
      '\u200c',
      '\u200d',
      '\u3099',
      '\ud800',
      '\udc00',
      '\n',
      'ß',
      '中',
      'の',
      'カ',
      'ー',
      '々',
      '𠀀',
      '。',
    );
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.array(piece, { maxLength: 40 }).map((p) => p.join('')),
    );
    // Thai, Lao, Burmese and Khmer runs are counted by dictionary segmentation (below), which no regex models.
    const UNSPACED = /[\u0e00-\u0eff\u1000-\u107f\u1780-\u17ff]/u;
    fc.assert(
      fc.property(text, (t) => UNSPACED.test(t) || countWords(t) === byRegex(t)),
      { numRuns: 5000, seed: 17 },
    );
  });

  it('counts the words of Thai, Lao, Burmese and Khmer, written without spaces, by dictionary segmentation (a Thai phrase was one word)', () => {
    // กรุงเทพมหานคร|เปิด|ห้อง|สมุด|ใหม่|ใน|วัน|อาทิตย์: the dictionary's cut may move between runtime versions, the count barely.
    const thai = countWords('กรุงเทพมหานครเปิดห้องสมุดใหม่ในวันอาทิตย์');
    expect(thai).toBeGreaterThanOrEqual(6);
    expect(thai).toBeLessThanOrEqual(10);
    expect(countWords('ក្រសួងវប្បធម៌បានបើកបណ្ណាល័យថ្មី')).toBeGreaterThanOrEqual(3);
    // Spaces and other scripts around a run count as before; a Latin word joined to the run is one of its words.
    expect(countWords('Bangkok: กรุงเทพมหานคร เปิด, 2024')).toBe(1 + countWords('กรุงเทพมหานคร') + 1 + 1);
  });

  it('counts unspaced runs in time linear in their length', async () => {
    // Each size's text is made once: the pass alone is timed.
    const texts = new Map<number, string>();
    const run = (n: number): string => texts.get(n) ?? (texts.set(n, 'ห้องสมุดใหม่'.repeat(n)), texts.get(n)!);
    expect(await costGrowth((n) => countWords(run(n)), 2_000, 20_000, 4)).toBeLessThanOrEqual(4);
  });
});
