import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseSpace, showsNothing, withoutInvisibleEdges, withoutTrailing } from '../src/white-space.js';
import { costGrowth } from './support/linear.js';

/** Text of words and every kind of white space JavaScript's `\s` knows, in runs of any length. */
const spaced = fc.string({
  unit: fc.constantFrom('a', 'b', 'é', '—', ' ', ' ', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'),
  maxLength: 40,
});

describe('collapseSpace', () => {
  it('gives what replacing every run of white space by one space and trimming gives (property)', () => {
    fc.assert(
      fc.property(spaced, (text) => {
        expect(collapseSpace(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });

  it('returns the text itself when there is nothing to change', () => {
    const text = 'one space between words';
    expect(collapseSpace(text)).toBe(text);
    expect(collapseSpace(' \n a \t\u00a0b  ')).toBe('a b');
  });

  it('is linear on long runs of white space and of single spaces', () => {
    expect(collapseSpace(`a${' \n'.repeat(500_000)}b`)).toBe('a b');
    expect(collapseSpace(`${'w '.repeat(500_000)}\n`).length).toBe(999_999);
  });
});

describe('withoutTrailing', () => {
  it('drops what text.replace(/[…]+$/u, "") drops', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', ',', '，', '\u2028', '.', '😀', '\ud800') }), (text) => {
        expect(withoutTrailing(text, /[\s,，]/u)).toBe(text.replace(/[\s,，]+$/u, ''));
      }),
      { numRuns: 2_000 },
    );
  });

  it('costs time linear in long runs of the characters, inside the text and at its end', async () => {
    // The texts are made before timing, so only the function is timed: a run inside the text costs nothing
    // (the regular expression `/[\s,]+$/u` tried it from each of its characters), the run at the end is read once.
    const texts = new Map<number, string>();
    const text = (n: number): string => texts.get(n) ?? (texts.set(n, `said ${', '.repeat(n)}x${', '.repeat(n)}`), text(n));
    const run = (n: number): void => {
      if (withoutTrailing(text(n), /[\s,]/u).length !== 2 * n + 6) throw new Error('wrong result');
    };
    expect(await costGrowth(run, 20_000, 200_000, 3)).toBeLessThanOrEqual(3);
  });
});

describe('showsNothing and withoutInvisibleEdges', () => {
  it('tells text that shows nothing, and trims what shows and does nothing at its ends', () => {
    expect(['', ' ', '\u200b', '\u00a0\u2060\ufeff\u00ad', '\u202b\u202c', '\ufe0f'].every(showsNothing)).toBe(true);
    expect(['a', '\u200bx', '\u2764\ufe0f', '\u05d0'].some(showsNothing)).toBe(false);
    expect(withoutInvisibleEdges('\u200b\ufeff Ferry\u200b line \u2060\u200d')).toBe('Ferry\u200b line');
    // What finishes an emoji, and a mark that sets the direction, stay.
    expect(withoutInvisibleEdges('Love \u2764\ufe0f')).toBe('Love \u2764\ufe0f');
    expect(withoutInvisibleEdges('\u200f2024 \u05d0\u200f')).toBe('\u200f2024 \u05d0\u200f');
    const plain = 'Plain title';
    expect(withoutInvisibleEdges(plain)).toBe(plain);
  });
  it('keeps a joiner after a letter or mark at the end: it is part of the word (regression: Malayalam chillu lost)', () => {
    // Malayalam ന്‍ (na, virama, ZWJ), Bengali khanda ta ত্‍, a Persian ZWNJ after a letter, and one after a letter beyond U+FFFF.
    for (const word of ['അവന്\u200d', 'হঠাত্\u200d', 'می\u200c', 'x\u{1d400}\u200d']) expect(withoutInvisibleEdges(` ${word}\u200b`), word).toBe(word);
    // After white space or another invisible character, a joiner joins nothing.
    expect(withoutInvisibleEdges('Ferry \u200d')).toBe('Ferry');
    expect(withoutInvisibleEdges('Ferry\u2060\u200c')).toBe('Ferry');
  });

  it('is linear on long runs of invisible characters', () => {
    expect(withoutInvisibleEdges(`a${'\u200b'.repeat(500_000)}b${'\u2060'.repeat(500_000)}`)).toBe(`a${'\u200b'.repeat(500_000)}b`);
    expect(showsNothing(`${'\u200b'.repeat(500_000)}x`)).toBe(false);
  });
});
