/**
 * Measures the article analysis: one-time lexicon loading, speed (entities on and off) on the seed and on
 * the labelled evaluation set, and entity precision/recall/F1 on that set — against compromise's full NLP
 * pipeline (`nlp(text).people() / .places() / .organizations()`) as the baseline.
 *
 * Run from the repository root (Node 20 cannot run TypeScript directly, so bundle it first):
 *
 *   npx esbuild bench/analysis.ts --bundle --platform=node --format=esm --packages=external \
 *     --outfile=node_modules/.cache/storyfeed-bench/analysis.mjs && node node_modules/.cache/storyfeed-bench/analysis.mjs
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArticle, warmLexicon } from '../src/story/analysis/index.js';
import type { AnalysisInput, AnalysisOptions } from '../src/story/analysis/index.js';
import type { Entities } from '../src/types.js';
import { loadEvalArticles, norm, prf, readArticle, scoreArticles } from '../tests/story/analysis/eval-helpers.js';
import type { Counts, EvalArticle, Score } from '../tests/story/analysis/eval-helpers.js';

const root = process.cwd();
const SEED_SUBHEADING = 'North Korean troops in Ukraine';

const seed = ((): AnalysisInput => {
  const input = readArticle(readFileSync(join(root, 'seeds', 'nato-north-korea-troops.txt'), 'utf8'), 'en');
  return {
    ...input,
    headings: input.paragraphs.filter((p) => p === SEED_SUBHEADING),
    paragraphs: input.paragraphs.filter((p) => p !== SEED_SUBHEADING),
  };
})();

const bytes = (input: AnalysisInput): number => Buffer.byteLength([input.title, ...input.headings, ...input.paragraphs].join('\n'), 'utf8');

/** Runs `fn` over the inputs round after round for at least `ms` milliseconds; returns ms per input. */
function timeIt(inputs: AnalysisInput[], fn: (input: AnalysisInput) => unknown, ms = 1500): number {
  let runs = 0;
  const started = performance.now();
  let now = started;
  while (now - started < ms) {
    for (const input of inputs) fn(input);
    runs += inputs.length;
    now = performance.now();
  }
  return (now - started) / runs;
}

const f3 = (n: number): string => n.toFixed(3);
const row = (label: string, msPerArticle: number): string =>
  `${label.padEnd(48)} ${f3(msPerArticle).padStart(9)} ms/article ${Math.round(1000 / msPerArticle)
    .toString()
    .padStart(8)} articles/s`;
const prfRow = (label: string, c: Counts): string => {
  const { precision, recall, f1 } = prf(c);
  return `  ${label.padEnd(14)} P ${f3(precision)}  R ${f3(recall)}  F1 ${f3(f1)}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
};
const printScore = (title: string, score: Score, withQuotes: boolean): void => {
  console.log(title);
  for (const kind of ['people', 'organizations', 'places', 'all'] as const) console.log(prfRow(kind === 'all' ? 'all entities' : kind, score.entities[kind]));
  if (withQuotes) {
    console.log(prfRow('quotes', score.quotes));
    console.log(`  speaker accuracy ${f3(score.quotes.tp ? score.quotes.speakersRight / score.quotes.tp : 0)} (${score.quotes.speakersRight}/${score.quotes.tp})`);
    console.log(prfRow('sources', score.sources));
  }
};

// 1. One-time loading: the first call pays for the lexicon and the Wikipedia titles.
{
  const started = performance.now();
  analyzeArticle(seed);
  const first = performance.now() - started;
  const again = performance.now();
  warmLexicon();
  console.log(`first analyzeArticle call (lexicon + gazetteer load): ${first.toFixed(1)} ms; warmLexicon afterwards: ${(performance.now() - again).toFixed(2)} ms`);
}

const articles = loadEvalArticles(join(root, 'tests', 'fixtures', 'analysis'));
const english = articles.filter((a) => a.labels.language === 'en');
const evalInputs = articles.map((a) => a.input);
const avgBytes = (inputs: AnalysisInput[]): number => Math.round(inputs.reduce((n, i) => n + bytes(i), 0) / inputs.length);

// 2. Speed of our analysis, after warm-up.
const on: AnalysisOptions = { entities: true };
const off: AnalysisOptions = { entities: false };
for (let i = 0; i < 200; i++) for (const input of [seed, ...evalInputs]) analyzeArticle(input, i % 2 ? on : off);
console.log(`\nseed: ${bytes(seed)} bytes; evaluation set: ${articles.length} articles, ${avgBytes(evalInputs)} bytes on average`);
console.log(
  row(
    'analyzeArticle, entities on, seed',
    timeIt([seed], (i) => analyzeArticle(i, on)),
  ),
);
console.log(
  row(
    'analyzeArticle, entities off, seed',
    timeIt([seed], (i) => analyzeArticle(i, off)),
  ),
);
console.log(
  row(
    'analyzeArticle, entities on, evaluation set',
    timeIt(evalInputs, (i) => analyzeArticle(i, on)),
  ),
);
console.log(
  row(
    'analyzeArticle, entities off, evaluation set',
    timeIt(evalInputs, (i) => analyzeArticle(i, off)),
  ),
);

// 3. Baseline: compromise's full pipeline.
const { default: nlp } = await import('compromise');
const clean = (names: string[]): string[] => [
  ...new Set(
    names
      .map((n) =>
        n
          .replace(/['’]s\b/g, '')
          .replace(/^[\s"“”'‘’«»(]+|[\s"“”'‘’«»).,;:!?]+$/g, '')
          .trim(),
      )
      .filter(Boolean),
  ),
];
const compromiseEntities = (input: AnalysisInput): Entities => {
  const doc = nlp([input.title, ...input.headings, ...input.paragraphs].join('\n\n'));
  return {
    people: clean(doc.people().out('array') as string[]),
    organizations: clean(doc.organizations().out('array') as string[]),
    places: clean(doc.places().out('array') as string[]),
  };
};
for (let i = 0; i < 5; i++) for (const input of [seed, ...evalInputs]) compromiseEntities(input);
console.log(row('compromise nlp(text).people/places/organizations, seed', timeIt([seed], compromiseEntities, 3000)));
console.log(row('compromise nlp(text).people/places/organizations, eval set', timeIt(evalInputs, compromiseEntities, 3000)));

// 4. Quality on the labelled set (entities for English articles; quotes and sources for all).
const ours = (list: EvalArticle[]): Score => scoreArticles(list.map((article) => ({ article, ...analyzeArticle(article.input) })));
const theirs = (list: EvalArticle[]): Score => scoreArticles(list.map((article) => ({ article, entities: compromiseEntities(article.input) })));
// See tests/fixtures/analysis/README.md for how each batch was written and its first, untuned scores.
const batches: [string, EvalArticle[]][] = [
  ['all English articles', english],
  ['batch A (written before implementing; used while developing)', english.filter((a) => a.labels.batch === 'A')],
  ['batch B (written after implementing; fixes followed its first run)', english.filter((a) => a.labels.batch === 'B')],
  ['batch C (written last; fixes followed its first run)', english.filter((a) => a.labels.batch === 'C')],
];
for (const [label, list] of batches) {
  if (list.length === 0) continue;
  console.log(`\n== ${label}: ${list.length} articles`);
  printScore('analyzeArticle:', ours(list), true);
  printScore('compromise baseline:', theirs(list), false);
}
const cyrillic = articles.filter((a) => a.labels.language !== 'en');
if (cyrillic.length) {
  const s = ours(cyrillic);
  console.log(`\n== non-English articles (quotes and sources only): ${cyrillic.length}`);
  console.log(prfRow('quotes', s.quotes));
  console.log(`  speaker accuracy ${f3(s.quotes.tp ? s.quotes.speakersRight / s.quotes.tp : 0)}`);
  console.log(prfRow('sources', s.sources));
}
const seedNames = compromiseEntities(seed);
console.log(`\ncompromise on the seed: people ${JSON.stringify(seedNames.people)}`);
console.log(`ours on the seed:       people ${JSON.stringify(analyzeArticle(seed).entities.people)}`);
console.log(`(names compared with ${JSON.stringify(norm("Russia's"))}-style normalisation: case, accents, possessives, punctuation)`);
