/**
 * The real-news development corpus (`tests/fixtures/news`): loads its Markdown seeds with storyfeed's
 * own seed reader, turns them into analysis input the way story normalisation does, pairs them with
 * their hand labels, and checks corpus and labels for well-formedness. Shared by the corpus test and
 * `bench/news-eval.ts`; scoring itself is `scoreArticles` from `eval-helpers.ts`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { splitFrontMatter } from '../../../src/seed/front-matter.js';
import { readMarkdownSeed } from '../../../src/seed/markdown.js';
import type { AnalysisInput } from '../../../src/story/analysis/index.js';
import { norm } from './eval-helpers.js';
import type { EvalArticle, GoldName, Labels } from './eval-helpers.js';

/** Where the corpus lives: `tune/` and `heldout/` folders, `SPLIT.md`, `README.md`, `LICENSE.md`. */
export const NEWS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'news');

/** The two parts of the corpus: rules are tuned on `tune`; `heldout` is only scored. */
export type NewsSplit = 'tune' | 'heldout';

/** Both splits, in reporting order. */
export const NEWS_SPLITS: readonly NewsSplit[] = ['tune', 'heldout'];

/** Front-matter fields every corpus article must carry (provenance and licence). */
export const REQUIRED_FIELDS = ['title', 'date', 'language', 'url', 'license', 'attribution'] as const;

/** One corpus article with its labels and provenance. */
export interface NewsArticle extends EvalArticle {
  /** The folder it was found in. */
  split: NewsSplit;
  /** File name without the `.md` extension. */
  file: string;
  /** The raw front matter, for provenance checks. */
  frontMatter: Record<string, unknown>;
  /** What the split rule hashes: `split_key`, else `url`. */
  splitKey: string;
  /** Collection batch (`batch` front-matter field; 1 when absent): each batch is split by its own rule. */
  batch: number;
}

/** The split folder's path. */
export const splitDir = (split: NewsSplit, root = NEWS_DIR): string => join(root, split);

/** Reads one seed into analysis input exactly as `normalizeStory` feeds `analyzeArticle`. */
export function readNewsSeed(raw: string, file: string): { input: AnalysisInput; frontMatter: Record<string, unknown> } {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fm = splitFrontMatter(text, file);
  const parsed: unknown = fm.yaml === null ? {} : parseYaml(fm.yaml);
  const frontMatter = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  const seed = readMarkdownSeed(text, { file });
  const paragraphs = seed.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'list' ? b.items : b.kind === 'code' ? [] : [b.text])));
  const headings = seed.sections.flatMap((s) => (s.heading === null ? [] : [s.heading]));
  const title = (seed.meta.title ?? seed.title).replace(/\s+/g, ' ').trim();
  const language = (seed.meta.language ?? 'en').split('-')[0] ?? 'en';
  return { input: { title, headings, paragraphs, language }, frontMatter };
}

/** Every article of a split, sorted by file name; a split whose folder is absent is empty. */
export function loadNewsSplit(split: NewsSplit, root = NEWS_DIR): NewsArticle[] {
  const dir = splitDir(split, root);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const file = f.replace(/\.md$/, '');
      const { input, frontMatter } = readNewsSeed(readFileSync(join(dir, f), 'utf8'), join(dir, f));
      const labelPath = join(dir, `${file}.labels.json`);
      const labels = existsSync(labelPath) ? (JSON.parse(readFileSync(labelPath, 'utf8')) as Labels) : { language: input.language, quotes: [], sources: [] };
      const key = typeof frontMatter.split_key === 'string' ? frontMatter.split_key : String(frontMatter.url ?? '');
      const batch = typeof frontMatter.batch === 'number' ? frontMatter.batch : 1;
      return { name: `${split}/${file}`, split, file, input, labels, frontMatter, splitKey: key, batch };
    });
}

/** Hex SHA-256 of a split key's UTF-8 bytes. */
export const splitHash = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/**
 * How many articles of one language a batch holds out, given the number `n` of that language's articles
 * in the batch (see `SPLIT.md`). Every batch but batch 2: floor((2n + 4) / 5) for n ≥ 2 (about 40 %). Batch 2:
 * floor((n + 1) / 3) for n ≥ 2 (about a third, so that the tune split reaches 25 articles). A language with a
 * single article in a batch holds none out.
 */
export function heldOutCount(batch: number, n: number): number {
  if (n < 2) return 0;
  return batch === 2 ? Math.floor((n + 1) / 3) : Math.floor((2 * n + 4) / 5);
}

/**
 * The split rule of `SPLIT.md`, applied to each batch on its own: per batch and language, keys in SHA-256
 * order; the first `heldOutCount(batch, n)` articles are held out (articles sharing a key stay together).
 * Adding a batch therefore never moves an article of an earlier batch.
 */
export function expectedSplits(articles: readonly NewsArticle[]): Map<string, NewsSplit> {
  const groups = new Map<string, NewsArticle[]>();
  for (const a of articles) {
    const group = `${a.batch}\u0000${a.input.language}`;
    const list = groups.get(group) ?? [];
    list.push(a);
    groups.set(group, list);
  }
  const out = new Map<string, NewsSplit>();
  for (const list of groups.values()) {
    const wanted = heldOutCount(list[0]?.batch ?? 1, list.length);
    const keys = [...new Set(list.map((a) => a.splitKey))].sort((x, y) => (splitHash(x) < splitHash(y) ? -1 : 1));
    let taken = 0;
    for (const key of keys) {
      const members = list.filter((a) => a.splitKey === key);
      const split: NewsSplit = taken < wanted ? 'heldout' : 'tune';
      if (split === 'heldout') taken += members.length;
      for (const m of members) out.set(m.file, split);
    }
  }
  return out;
}

const variantsOf = (g: GoldName): string[] => (Array.isArray(g) ? g : [g]);

/**
 * Problems with one article's provenance or labels: missing front-matter fields, a labels file for the
 * wrong language, empty names, and any quotation, name or source that does not occur in the text
 * (case-, accent- and punctuation-insensitive). An empty list means well-formed.
 */
export function labelProblems(article: NewsArticle, hasLabelsFile: boolean): string[] {
  const problems: string[] = [];
  const where = article.name;
  for (const field of REQUIRED_FIELDS) {
    const v = article.frontMatter[field];
    if (typeof v !== 'string' && !(v instanceof Date)) problems.push(`${where}: front matter lacks \`${field}\``);
  }
  if (!hasLabelsFile) problems.push(`${where}: no labels file`);
  const { labels, input } = article;
  if (labels.language !== input.language) problems.push(`${where}: labels say language "${labels.language}", the seed says "${input.language}"`);
  const text = ` ${norm([input.title, ...input.headings, ...input.paragraphs].join('\n'))} `;
  // A name may follow an elided article ("l’Union européenne", "d’Interpol"): accept it after an apostrophe too.
  const occurs = (s: string): boolean => norm(s) !== '' && (text.includes(` ${norm(s)} `) || text.includes(`'${norm(s)} `));
  const checkNames = (kind: string, names: GoldName[] | undefined): void => {
    if (!Array.isArray(names)) {
      problems.push(`${where}: \`${kind}\` is not a list`);
      return;
    }
    for (const g of names) {
      const vs = variantsOf(g);
      if (vs.length === 0 || vs.some((v) => typeof v !== 'string' || v.trim() === '')) problems.push(`${where}: empty name in \`${kind}\``);
      else if (!vs.some(occurs)) problems.push(`${where}: ${kind} "${vs[0]}" does not occur in the text`);
    }
  };
  checkNames('people', labels.people ?? []);
  checkNames('organizations', labels.organizations ?? []);
  checkNames('places', labels.places ?? []);
  checkNames('sources', labels.sources);
  if (!Array.isArray(labels.quotes)) problems.push(`${where}: \`quotes\` is not a list`);
  else
    for (const q of labels.quotes) {
      if (typeof q.text !== 'string' || norm(q.text) === '') problems.push(`${where}: a quotation without text`);
      else if (!text.includes(` ${norm(q.text)} `)) problems.push(`${where}: quotation "${q.text.slice(0, 40)}…" does not occur in the text`);
      if (q.speaker !== null && (variantsOf(q.speaker).length === 0 || variantsOf(q.speaker).some((v) => typeof v !== 'string' || v.trim() === '')))
        problems.push(`${where}: quotation "${String(q.text).slice(0, 40)}…" has an empty speaker`);
    }
  return problems;
}

/** True when the labels file of an article exists (the loader substitutes empty labels otherwise). */
export const hasLabels = (article: NewsArticle, root = NEWS_DIR): boolean => existsSync(join(splitDir(article.split, root), `${article.file}.labels.json`));
