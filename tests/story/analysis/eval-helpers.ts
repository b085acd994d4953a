/**
 * Loads the labelled evaluation articles and scores an analysis against their labels: precision, recall
 * and F1 of entities (per kind and overall), quotation recall with speaker accuracy, and source
 * precision/recall. Shared by the evaluation test and the benchmark.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalysisInput } from '../../../src/story/analysis/index.js';
import type { Entities, Quote } from '../../../src/types.js';

/** Where the labelled articles live. */
export const EVAL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'analysis');

/** A gold name: one string, or acceptable variants. */
export type GoldName = string | string[];

/** Hand labels of one article. */
export interface Labels {
  language: string;
  /** "A": written before the method was implemented; "B": written after, first scored before any fix. */
  batch?: string;
  people?: GoldName[];
  organizations?: GoldName[];
  places?: GoldName[];
  quotes: { text: string; speaker: GoldName | null }[];
  sources: GoldName[];
}

/** One labelled article. */
export interface EvalArticle {
  name: string;
  input: AnalysisInput;
  labels: Labels;
}

/** Reads an article file: line 1 is the title, lines starting "## " are subheadings, the rest paragraphs. */
export function readArticle(text: string, language: string): AnalysisInput {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const [title = '', ...rest] = lines;
  return {
    title,
    headings: rest.filter((l) => l.startsWith('## ')).map((l) => l.slice(3)),
    paragraphs: rest.filter((l) => !l.startsWith('## ')),
    language,
  };
}

/** All labelled articles in a folder, sorted by name. */
export function loadEvalArticles(dir = EVAL_DIR): EvalArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const labels = JSON.parse(readFileSync(join(dir, f.replace(/\.txt$/, '.labels.json')), 'utf8')) as Labels;
      return { name: f.replace(/\.txt$/, ''), input: readArticle(readFileSync(join(dir, f), 'utf8'), labels.language), labels };
    });
}

/** Case-, accent- and punctuation-insensitive form used to compare names and quotations. */
export const norm = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const variants = (g: GoldName): string[] => (Array.isArray(g) ? g : [g]).map(norm);

/** True/false positives and false negatives. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision, recall and F1 of counts. */
export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Matches predicted names to gold names (each used once). */
export function matchNames(predicted: string[], gold: GoldName[]): Counts & { falsePositives: string[]; falseNegatives: string[] } {
  const goldSets = gold.map(variants);
  const used = new Set<number>();
  const falsePositives: string[] = [];
  for (const p of new Set(predicted.map(norm))) {
    const i = goldSets.findIndex((g, k) => !used.has(k) && g.includes(p));
    if (i >= 0) used.add(i);
    else falsePositives.push(p);
  }
  const falseNegatives = goldSets.filter((_, k) => !used.has(k)).map((g) => g[0] ?? '');
  return { tp: used.size, fp: falsePositives.length, fn: falseNegatives.length, falsePositives, falseNegatives };
}

/** Everything scored for a set of articles. */
export interface Score {
  entities: Record<'people' | 'organizations' | 'places' | 'all', Counts>;
  quotes: Counts & { speakersRight: number };
  sources: Counts;
  errors: string[];
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const addTo = (a: Counts, b: Counts): void => {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
};

/** Scores predictions (entities and, when given, quotes and sources) against the labels. */
export function scoreArticles(items: { article: EvalArticle; entities: Entities; quotes?: Quote[]; sources?: string[] }[]): Score {
  const score: Score = {
    entities: { people: zero(), organizations: zero(), places: zero(), all: zero() },
    quotes: { ...zero(), speakersRight: 0 },
    sources: zero(),
    errors: [],
  };
  for (const { article, entities, quotes, sources } of items) {
    const { labels } = article;
    for (const kind of ['people', 'organizations', 'places'] as const) {
      const gold = labels[kind];
      if (!gold) continue;
      const m = matchNames(entities[kind], gold);
      addTo(score.entities[kind], m);
      addTo(score.entities.all, m);
      for (const fp of m.falsePositives) score.errors.push(`${article.name}: extra ${kind} "${fp}"`);
      for (const fn of m.falseNegatives) score.errors.push(`${article.name}: missed ${kind} "${fn}"`);
    }
    if (quotes) {
      const found = new Set<number>();
      for (const q of labels.quotes) {
        const i = quotes.findIndex((p, k) => !found.has(k) && norm(p.text) === norm(q.text));
        if (i < 0) {
          score.quotes.fn++;
          score.errors.push(`${article.name}: missed quote "${q.text.slice(0, 40)}…"`);
          continue;
        }
        found.add(i);
        score.quotes.tp++;
        const said = quotes[i]?.speaker ?? null;
        const ok = q.speaker === null ? said === null : said !== null && variants(q.speaker).includes(norm(said));
        if (ok) score.quotes.speakersRight++;
        else score.errors.push(`${article.name}: quote "${q.text.slice(0, 30)}…" by ${JSON.stringify(said)}, expected ${JSON.stringify(q.speaker)}`);
      }
      score.quotes.fp += quotes.length - found.size;
    }
    if (sources) {
      const m = matchNames(sources, labels.sources);
      addTo(score.sources, m);
      for (const fp of m.falsePositives) score.errors.push(`${article.name}: extra source "${fp}"`);
      for (const fn of m.falseNegatives) score.errors.push(`${article.name}: missed source "${fn}"`);
    }
  }
  return score;
}
