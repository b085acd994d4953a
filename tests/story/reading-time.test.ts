import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/story/reading-time.js';

/** The definition countWords implements without a regex. */
const byRegex = (text: string): number => text.match(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

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
  ])('counts %j as %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
    expect(byRegex(text)).toBe(words);
  });

  it('counts what the regex counts, on any text', () => {
    const piece = fc.constantFrom('a', 'Я', '7', '٣', '𝐀', '😀', ' ', "'", '’', '.', ',', '-', '—', '\u0301', '\ud800', '\udc00', '\n', 'ß');
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.array(piece, { maxLength: 40 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, (t) => countWords(t) === byRegex(t)),
      { numRuns: 5000, seed: 17 },
    );
  });
});
