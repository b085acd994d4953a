/**
 * Scores the current article analysis on the real-news corpus (tests/fixtures/news): per language and
 * overall, speaker accuracy, quotation recall, entity precision/recall per kind, source recall, and
 * analysis speed in articles per second.
 *
 * Run from the repository root (Node 20 cannot run TypeScript directly, so it is bundled first):
 *
 *   npm run bench:news -- --split tune        # the split rules may be tuned on (default)
 *   npm run bench:news -- --split heldout     # the held-out split: numbers only, never its errors
 *   npm run bench:news -- --split tune --errors
 *   npm run bench:news -- --split heldout --batch 9   # one collection batch only (numbers only for held-out)
 *
 * Options: --split tune|heldout|all, --batch N (only the articles of collection batch N, the `batch`
 * front-matter field), --errors (list every miss; refused for held-out articles, so that nobody tuning
 * rules reads them), --ms N (time budget of the speed measurement, default 1500).
 */
import { join } from 'node:path';
import { analyzeArticle, warmLexicon } from '../src/story/analysis/index.js';
import type { AnalysisInput } from '../src/story/analysis/index.js';
import { prf, scoreArticles } from '../tests/story/analysis/eval-helpers.js';
import type { Counts, Score } from '../tests/story/analysis/eval-helpers.js';
import { NEWS_SPLITS, loadNewsSplit } from '../tests/story/analysis/news-helpers.js';
import type { NewsArticle, NewsSplit } from '../tests/story/analysis/news-helpers.js';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const splitArg = option('--split') ?? 'tune';
if (splitArg !== 'tune' && splitArg !== 'heldout' && splitArg !== 'all') {
  console.error(`--split must be tune, heldout or all, not "${splitArg}"`);
  process.exit(2);
}
const splits: NewsSplit[] = splitArg === 'all' ? [...NEWS_SPLITS] : [splitArg];
const showErrors = argv.includes('--errors');
if (showErrors && splits.includes('heldout')) {
  console.error("--errors lists the held-out articles' contents; it is only allowed with --split tune");
  process.exit(2);
}
/** Default time budget of the speed measurement: long enough to average out JIT warm-up on a busy machine. */
const DEFAULT_TIMING_MS = 1500;
const timingMs = Number(option('--ms') ?? DEFAULT_TIMING_MS);

// The bundle runs from node_modules/.cache, so the corpus is found from the working directory (the repository root).
const corpusDir = join(process.cwd(), 'tests', 'fixtures', 'news');
const batchArg = option('--batch');
const batch = batchArg === undefined ? undefined : Number(batchArg);
if (batch !== undefined && !(Number.isInteger(batch) && batch >= 1)) {
  console.error(`--batch must be a batch number (1, 2, …), not "${batchArg}"`);
  process.exit(2);
}
const articles: NewsArticle[] = splits.flatMap((s) => loadNewsSplit(s, corpusDir)).filter((a) => batch === undefined || a.batch === batch);
const scope = `${splits.join(' + ')}${batch === undefined ? '' : `, batch ${batch}`}`;
if (articles.length === 0) {
  console.error(`no articles in ${scope}`);
  process.exit(1);
}

const f3 = (n: number): string => n.toFixed(3);
const ratio = (a: number, b: number): string => (b === 0 ? '  n/a' : f3(a / b));
const prfCells = (c: Counts): string => {
  const { precision, recall } = prf(c);
  return `P ${f3(precision)} R ${f3(recall)} (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
};

const scoreOf = (list: NewsArticle[]): Score => scoreArticles(list.map((article) => ({ article, ...analyzeArticle(article.input) })));

const printScore = (label: string, list: NewsArticle[]): Score => {
  const s = scoreOf(list);
  const gold = s.quotes.tp + s.quotes.fn;
  console.log(`\n== ${label}: ${list.length} article${list.length === 1 ? '' : 's'}, ${gold} labelled quotation${gold === 1 ? '' : 's'}`);
  console.log(
    `  speakers right      ${ratio(s.quotes.speakersRight, gold)} of labelled quotations (${s.quotes.speakersRight}/${gold}); ${ratio(s.quotes.speakersRight, s.quotes.tp)} of those found`,
  );
  console.log(`  quotation recall    ${ratio(s.quotes.tp, gold)} (${s.quotes.tp}/${gold}); extra quotations found: ${s.quotes.fp}`);
  for (const kind of ['people', 'organizations', 'places', 'all'] as const) console.log(`  ${(kind === 'all' ? 'all entities' : kind).padEnd(19)} ${prfCells(s.entities[kind])}`);
  console.log(`  sources             recall ${ratio(s.sources.tp, s.sources.tp + s.sources.fn)}; ${prfCells(s.sources)}`);
  return s;
};

/** Runs `fn` over the inputs round after round for at least `ms` milliseconds; returns articles per second. */
function articlesPerSecond(inputs: AnalysisInput[], ms: number): number {
  for (let i = 0; i < 20; i++) for (const input of inputs) analyzeArticle(input);
  let runs = 0;
  const started = performance.now();
  let now = started;
  while (now - started < ms) {
    for (const input of inputs) analyzeArticle(input);
    runs += inputs.length;
    now = performance.now();
  }
  return (runs * 1000) / (now - started);
}

warmLexicon();
console.log(`storyfeed analysis on the real-news corpus, split: ${scope}`);
const languages = [...new Set(articles.map((a) => a.input.language))].sort();
for (const lang of languages)
  printScore(
    `language ${lang}`,
    articles.filter((a) => a.input.language === lang),
  );
const overall = printScore('overall', articles);
const speed = articlesPerSecond(
  articles.map((a) => a.input),
  timingMs,
);
console.log(`\nspeed: ${Math.round(speed)} articles/s on one core (${articles.length} articles, ${timingMs} ms budget)`);

if (showErrors) {
  console.log('\nmisses (tune split only):');
  for (const e of overall.errors) console.log(`  ${e}`);
}
