import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { scoreArticles } from './eval-helpers.js';
import { NEWS_DIR, expectedSplits, hasLabels, heldOutCount, labelProblems, loadNewsSplit, splitDir, splitHash } from './news-helpers.js';

// The real-news corpus: this test checks that it loads and that its labels are well-formed, and runs the
// scoring on the tune split. It sets no score thresholds; bench/news-eval.ts prints the numbers.

const tune = loadNewsSplit('tune');
const heldout = loadNewsSplit('heldout');
const all = [...tune, ...heldout];

/** Rows of the tables in SPLIT.md: batch (the batch-1 table has no batch column), split, language, file, sha256 prefix. */
const splitTable = readFileSync(join(NEWS_DIR, 'SPLIT.md'), 'utf8')
  .split('\n')
  .map((line) => /^\| (?:(\d+) \| )?(tune|heldout) \| (\w+) \| ([\w.-]+)\.md \| ([0-9a-f]{12}) \|$/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ batch: Number(m[1] ?? '1'), split: m[2]!, language: m[3]!, file: m[4]!, hash: m[5]! }));

describe('real-news corpus', () => {
  it('loads every tune article through the Markdown seed reader, with a title and a body', () => {
    expect(tune.length).toBeGreaterThan(0);
    for (const a of all) {
      expect(a.input.title, a.name).not.toBe('');
      expect(a.input.paragraphs.length, a.name).toBeGreaterThan(0);
    }
  });

  it('has a well-formed labels file and provenance for every article', () => {
    const problems = all.flatMap((a) => labelProblems(a, hasLabels(a)));
    expect(problems).toEqual([]);
  });

  it('keeps every article in the split SPLIT.md assigns, with the key hash it records', () => {
    expect(splitTable.length).toBeGreaterThan(0);
    for (const a of all) {
      const row = splitTable.find((r) => r.file === a.file);
      expect(row, `${a.name} is not listed in SPLIT.md`).toBeDefined();
      expect(row?.split, a.name).toBe(a.split);
      expect(row?.batch, a.name).toBe(a.batch);
      expect(row?.language, a.name).toBe(a.input.language);
      expect(splitHash(a.splitKey).slice(0, 12), a.name).toBe(row?.hash);
    }
  });

  it('follows the split rule of SPLIT.md once both splits are present', () => {
    if (!existsSync(splitDir('heldout')) || heldout.length === 0) return;
    expect(all.length).toBe(splitTable.length);
    const expected = expectedSplits(all);
    for (const a of all) expect(expected.get(a.file), a.name).toBe(a.split);
  });

  it('splits each batch by its own rule, so that adding a batch moved no article of an earlier one', () => {
    const batches = [...new Set(all.map((a) => a.batch))].sort((x, y) => x - y);
    expect(batches.at(-1), 'the latest batch').toBeGreaterThanOrEqual(10);
    for (const last of batches) {
      const earlier = all.filter((a) => a.batch <= last);
      const alone = expectedSplits(earlier);
      for (const a of earlier) expect(alone.get(a.file), a.name).toBe(a.split);
    }
    expect(heldOutCount(1, 16), 'batch-1 rule').toBe(7);
    expect(heldOutCount(2, 5), 'batch-2 rule').toBe(2);
    expect(heldOutCount(3, 4), 'batch-3 rule').toBe(2);
    expect(heldOutCount(7, 11), 'batch-7 rule').toBe(5);
    expect(heldOutCount(8, 5), 'batch-8 rule (that of batch 6)').toBe(2);
    expect(heldOutCount(8, 1), 'a single batch-8 article of a language is tuned on').toBe(0);
    expect(heldOutCount(9, 6), 'batch-9 rule (that of batch 6)').toBe(3);
    expect(heldOutCount(9, 1), 'a single batch-9 article of a language is tuned on').toBe(0);
    expect(heldOutCount(10, 6), 'batch-10 rule (that of batch 6)').toBe(3);
    expect(heldOutCount(10, 3), 'batch-10 rule, three articles of a language').toBe(2);
    expect(heldOutCount(10, 1), 'a single batch-10 article of a language is tuned on').toBe(0);
    expect(heldOutCount(2, 1), 'a single article of a language is tuned on').toBe(0);
  });

  it('meets the size the issue asks for: at least 25 tune and 15 held-out articles in at least 4 languages', () => {
    if (heldout.length === 0) return;
    expect(tune.length).toBeGreaterThanOrEqual(25);
    expect(heldout.length).toBeGreaterThanOrEqual(15);
    expect(new Set(all.map((a) => a.input.language)).size).toBeGreaterThanOrEqual(4);
  });

  it('scores the tune split: every labelled quotation is counted once, found or missed', () => {
    const score = scoreArticles(tune.map((article) => ({ article, ...analyzeArticle(article.input) })));
    const gold = tune.reduce((n, a) => n + a.labels.quotes.length, 0);
    expect(score.quotes.tp + score.quotes.fn).toBe(gold);
    expect(score.quotes.speakersRight).toBeLessThanOrEqual(score.quotes.tp);
    const goldSources = tune.reduce((n, a) => n + a.labels.sources.length, 0);
    expect(score.sources.tp + score.sources.fn).toBe(goldSources);
    for (const kind of ['people', 'organizations', 'places'] as const) {
      const goldNames = tune.reduce((n, a) => n + (a.labels[kind]?.length ?? 0), 0);
      expect(score.entities[kind].tp + score.entities[kind].fn, kind).toBe(goldNames);
    }
  });
});
