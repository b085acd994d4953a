import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUMMARY_MAX, sentenceEnds, summarize } from '../../src/story/summary.js';
import { costGrowth } from '../support/linear.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Where the graphemes of `text` start, and its end. */
function graphemeBoundaries(text: string): Set<number> {
  const starts = new Set([...segmenter.segment(text)].map((s) => s.index));
  starts.add(text.length);
  return starts;
}

/** `true` when `text` has no lone surrogate. */
const wellFormed = (text: string): boolean => !/\p{Cs}/u.test(text);

/** The summary without the "…" a cut within a sentence adds, when it is one. */
function summaryText(summary: string, text: string): string {
  return summary.endsWith('…') && !text.startsWith(summary) ? summary.slice(0, -1) : summary;
}

const s1 = '吉野川の花火大会は三年ぶりに開かれ、川沿いの会場には朝早くから多くの家族連れや観光客が集まりました。';
const s2 = '実行委員会によりますと、今年は昨年の二倍にあたるおよそ二万発の花火が打ち上げられる予定で、地元の商店街も特別な割引を用意しています。';

describe('sentence ends of other scripts', () => {
  it('counts 。！？ and the other full-width ends, which no space follows, closing brackets included', () => {
    expect(sentenceEnds('晴れました。明日は雨です！本当？「はい。」と言った。')).toEqual([6, 13, 16, 21]);
    expect(sentenceEnds('今日は晴れ．明日は雨︒以上')).toEqual([6, 11]);
    // The end of the text ends no sentence (there is nothing to cut before), as with a period.
    expect(sentenceEnds('終わり。')).toEqual([]);
  });

  it('does not end a sentence at a full-width point between digits', () => {
    expect(sentenceEnds('売上は３．５％増えた。次')).toEqual([11]);
  });

  it('counts the ends of scripts without case, followed by a space: । ؟ ۔', () => {
    expect(sentenceEnds('मौसम अच्छा है। कल बारिश होगी।')).toEqual([14]);
    expect(sentenceEnds('هل أنت بخير؟ نعم')).toEqual([12]);
    expect(sentenceEnds('یہ اچھا ہے۔ کل بارش')).toEqual([11]);
  });

  it('reads Latin punctuation as before: ‼ and ‽ end nothing, nor a period before a lowercase word', () => {
    expect(sentenceEnds('It sank‼ Then it rose‽ Why? Nobody… Knew.')).toEqual([27, 35]);
    expect(sentenceEnds('Mr. Smith met Gen. Jones in the U.S. Army base. then J. Doe left.')).toEqual([]);
  });
});

describe('summarize across scripts', () => {
  it('cuts a Japanese lede after its last 。 that fits, not mid-sentence', () => {
    const lede = (s1 + s2).repeat(3);
    const summary = summarize(lede);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(summary.endsWith('。')).toBe(true);
    expect(summary).toBe(lede.slice(0, summary.length));
    expect(summary.length).toBe(lede.lastIndexOf('。', SUMMARY_MAX - 1) + 1);
  });

  it('never leaves half of a surrogate pair (𠮷 at code units 298-299)', () => {
    const lede = `${'吉'.repeat(SUMMARY_MAX - 2)}𠮷野家の店長は話していました`;
    const summary = summarize(lede);
    expect(wellFormed(summary)).toBe(true);
    expect(summary).toBe(`${'吉'.repeat(SUMMARY_MAX - 2)}…`);
  });

  it('cuts a run of flags between two flags, not inside one', () => {
    const lede = '🇺🇦🇵🇱🇩🇪'.repeat(60);
    const summary = summarize(lede);
    expect(summary).toBe(`${'🇺🇦🇵🇱🇩🇪'.repeat(24)}🇺🇦🇵🇱…`);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX);
  });

  it('keeps a letter with its combining accents, an emoji with its skin tone', () => {
    const accented = summarize('e\u0301'.repeat(200));
    expect(accented).toBe(`${'e\u0301'.repeat(149)}…`);
    const hands = summarize('👋🏽'.repeat(100));
    expect(hands).toBe(`${'👋🏽'.repeat(74)}…`);
  });

  it('does not cut at a full-width sentence end that a combining mark follows', () => {
    const lede = `${'あ'.repeat(100)}。${'い'.repeat(100)}。\u20dd${'う'.repeat(200)}`;
    expect(summarize(lede)).toBe(`${'あ'.repeat(100)}。`);
  });

  it('gives a prefix of the text ending between two graphemes, well-formed, at most the length asked', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 3 }),
      fc.constantFrom(
        'a',
        'Z',
        ' ',
        '.',
        '. A',
        ',',
        '—',
        '。',
        '！',
        '」',
        '．',
        '５',
        '𠮷',
        '🇺🇦',
        '🇵',
        '👋🏽',
        '👩‍👩‍👧',
        '\u0301',
        '\u20dd',
        '\u200d',
        '\ufe0f',
        '\u0600',
        'क्ष',
        '।',
        '؟ ب',
        '각',
        '\u1100\u1161',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.integer({ min: 1, max: 60 }), (pieces, max) => {
        const text = pieces.join('').replace(/\s+/g, ' ').trim();
        const summary = summarize(text, max);
        expect(summary.length).toBeLessThanOrEqual(max);
        expect(wellFormed(summary)).toBe(true);
        const kept = summaryText(summary, text);
        expect(text.startsWith(kept)).toBe(true);
        expect(graphemeBoundaries(text).has(kept.length)).toBe(true);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
  });

  it('takes time linear in the length of a long lede of full-width sentences', async () => {
    const growth = await costGrowth((n) => summarize('𠮷野家の店長は話していました。'.repeat(n)), 2000, 20000, 4);
    expect(growth).toBeLessThan(4);
  });
});
