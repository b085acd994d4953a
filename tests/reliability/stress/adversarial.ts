/**
 * Generated adversarial seeds, one per class the hostile-input review found (or the text passes
 * treat specially): long runs of every character the sentence splitter, whitespace handling,
 * quote and dash analysis look at, deep nesting, huge key counts and many lines. Each case says
 * what a correct reading gives: a story, or one error code. Sizes are in bytes of UTF-8.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStoryfeedError, type ProblemCode } from '../../../src/errors.js';
import { MAX_YAML_CHARS } from '../../../src/seed/front-matter.js';
import { parseSeed } from '../../../src/story/normalize.js';

/** The repository root; a bundled child process is told it in `STORYFEED_REPO` (this file does not import `../support.js`, which needs vitest). */
const root = fileURLToPath(new URL('../../..', import.meta.url));

/** One adversarial input class. */
export interface AdversarialCase {
  /** Class name, used in test names and reports. */
  name: string;
  /** File name (its extension picks the seed format). */
  file: string;
  /** A seed of about `bytes` bytes. */
  make: (bytes: number) => string;
  /** `ok` when the seed must become a story, else the error code it must be refused with (by size, when it depends on it). */
  expect: 'ok' | ProblemCode | ((bytes: number) => 'ok' | ProblemCode);
  /**
   * Time per MB allowed in the full stress run, as a multiple of a plain article's, when not the
   * default 2×: a class that is linear but dearer per byte says so here, with the reason.
   */
  perMbBound?: number;
}

/** `unit` repeated to about `bytes` bytes of UTF-8. */
function run(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(unit))));
}

/** YAML lines `kN: v` with distinct keys, about `bytes` bytes. */
function yamlKeys(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `k${i}: v\n`;
    lines.push(line);
    size += line.length;
  }
  return lines.join('');
}

/** A made-up word of `length` letters, different for each `i` (names no lexicon knows). */
function word(i: number, length = 6): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let out = '';
  for (let k = 0, x = i + 7; k < length; k++, x = Math.floor(x / 26) + k * 7 + 3) out += letters[x % 26];
  return out;
}

/** {@link word}, capitalised. */
function capWord(i: number): string {
  const w = word(i);
  return w[0]!.toUpperCase() + w.slice(1);
}

/** A text seed of paragraphs `unit(0)`, `unit(1)`, … of about `bytes` bytes. */
function entityParagraphs(unit: (i: number) => string, bytes: number): string {
  const count = Math.max(1, Math.floor(bytes / Buffer.byteLength(unit(0))));
  return `Hostile input\n\nThe ferry left Izmail on Monday.\n\n${Array.from({ length: count }, (_, i) => unit(i)).join('\n\n')}\n`;
}

/** A text seed: a headline, one short paragraph, then `body`, then a closing sentence. */
function textSeed(body: string): string {
  return `Hostile input\n\nThe ferry left Izmail on Monday.\n\nA ${body} b.\n\nIt arrived on time.\n`;
}

let plainSource: string | undefined;

/** A plain article of about `bytes` bytes: real reporting from the analysis fixtures, repeated. */
export function plainArticle(bytes: number): string {
  // A bundled child process cannot find the repository from its own location; the parent passes it.
  plainSource ??= readFileSync(path.join(process.env.STORYFEED_REPO ?? root, 'tests/fixtures/analysis/hamburg-election.txt'), 'utf8')
    .split('\n')
    .slice(1)
    .join('\n');
  const body = `${plainSource.trim()}\n\n`;
  return `A plain article\n\n${body.repeat(Math.max(1, Math.ceil(bytes / Buffer.byteLength(body))))}`.slice(0, Math.max(bytes, 200));
}

/** Every adversarial class. */
export const ADVERSARIAL_CASES: readonly AdversarialCase[] = [
  // Sentence ends: runs the splitter's punctuation, closer and opener sets treat specially.
  { name: 'run of periods', file: 'dots.txt', make: (n) => textSeed(run('.', n)), expect: 'ok' },
  { name: 'run of !?', file: 'bang.txt', make: (n) => textSeed(run('!?', n)), expect: 'ok' },
  { name: 'run of ellipses', file: 'ellipsis.txt', make: (n) => textSeed(run('…', n)), expect: 'ok' },
  { name: 'run of ". "', file: 'dot-space.txt', make: (n) => textSeed(run('. ', n)), expect: 'ok' },
  { name: 'run of ".) "', file: 'dot-closer.txt', make: (n) => textSeed(run('.)” ', n)), expect: 'ok' },
  // Whitespace normalisation: runs before a letter, not at a line end.
  { name: 'run of spaces', file: 'spaces.txt', make: (n) => textSeed(run(' ', n)), expect: 'ok' },
  { name: 'run of tabs', file: 'tabs.txt', make: (n) => textSeed(run('\t', n)), expect: 'ok' },
  { name: 'run of NBSP', file: 'nbsp.txt', make: (n) => textSeed(run('\u00a0', n)), expect: 'ok' },
  { name: 'run of mixed horizontal spaces', file: 'mixed-spaces.txt', make: (n) => textSeed(run(' \t\u00a0\u2009\u3000', n)), expect: 'ok' },
  // Quotes and dashes: what quote attribution and datelines look for.
  { name: 'run of straight quotes', file: 'quotes.txt', make: (n) => textSeed(run('"', n)), expect: 'ok' },
  { name: 'run of curly quotes', file: 'curly.txt', make: (n) => textSeed(run('“”', n)), expect: 'ok' },
  { name: 'run of unclosed quotes with words', file: 'open-quotes.txt', make: (n) => textSeed(run('“Yes, ', n)), expect: 'ok' },
  // Quotations of several marks nested in one paragraph, none attributed: each looked for a speaker's quotation back and forth.
  { name: 'run of nested quotations', file: 'nested-quotes.txt', make: (n) => textSeed(run('«Dijo “que ‘no’ y «sí» ” luego» ', n)), expect: 'ok' },
  // Quotations attributed to a described speaker in one paragraph: each description was located by a search of the whole paragraph.
  {
    name: 'run of quotations of a described speaker',
    file: 'described-speakers.txt',
    make: (n) => textSeed(run('"It is early," said a senior official of the ministry. ', n)),
    expect: 'ok',
  },
  { name: 'run of em dashes', file: 'dashes.txt', make: (n) => textSeed(run('—', n)), expect: 'ok' },
  { name: 'run of hyphens', file: 'hyphens.txt', make: (n) => textSeed(run('-', n)), expect: 'ok' },
  { name: 'capitals before a dash (dateline)', file: 'dateline.txt', make: (n) => `Hostile input\n\n${run('AB ', n)}— x.\n`, expect: 'ok' },
  // Lines: many short lines, blank lines after the text, one block of many lines.
  { name: 'many short lines', file: 'lines.txt', make: (n) => `Hostile input\n${run('A b.\n', n)}`, expect: 'ok' },
  { name: 'many blank lines at the end', file: 'blank-lines.txt', make: (n) => `Hostile input\nFirst line.\nSecond line.${run('\n', n)}`, expect: 'ok' },
  { name: 'run of newlines inside', file: 'newlines.txt', make: (n) => `Hostile input\n\nA${run('\n', n)}b.\n`, expect: 'ok' },
  { name: 'one block of many lines (heading check)', file: 'block.txt', make: (n) => `Hostile input\n\nShort\n${run('a b c.\n', n)}`, expect: 'ok' },
  { name: 'run of CRLF and CR', file: 'crlf.txt', make: (n) => `Hostile input\r\n\r\nA b.${run('\r\n\r', n)}c.\r\n`, expect: 'ok' },
  // Keys and nesting.
  // Front matter over 64 KB is refused by size; below that, many keys must still parse in linear time.
  {
    name: 'YAML front matter with many keys',
    file: 'keys.md',
    make: (n) => `---\ntitle: Many keys\n${yamlKeys(n)}---\nBody text.\n`,
    expect: (n) => (n > MAX_YAML_CHARS ? 'E_FRONT_MATTER' : 'ok'),
  },
  {
    name: 'YAML front matter with as many keys as fit, then text',
    file: 'keys-capped.md',
    make: (n) => `---\ntitle: Many keys\n${yamlKeys(Math.min(n / 2, MAX_YAML_CHARS - 1_000))}---\nBody text.\n\n${plainArticle(n / 2)}\n`,
    expect: 'ok',
  },
  {
    name: 'YAML front matter nested deeply',
    file: 'yaml-deep.md',
    make: (n) => `---\ntitle: Deep\nx: ${run('[', n / 2)}${run(']', n / 2)}\n---\nBody text.\n`,
    expect: 'E_FRONT_MATTER',
  },
  {
    name: 'JSON seed with many keys',
    file: 'keys.json',
    make: (n) =>
      `{"title":"Many keys","body":"Body text.",${run('"k":1,', n)
        .split(',')
        .filter(Boolean)
        .map((_, i) => `"k${i}":1`)
        .join(',')}}`,
    expect: 'ok',
  },
  { name: 'JSON seed nested deeply', file: 'json-deep.json', make: (n) => `{"title":"Deep","body":"Body text.","x":${run('[', n / 2)}${run(']', n / 2)}}`, expect: 'ok' },
  { name: 'Markdown with unclosed inline HTML nested deeply', file: 'html-inline.md', make: (n) => `# Deep\n\nSome <i>${run('<b>', n)}x\n`, expect: 'E_TOO_DEEP' },
  { name: 'Markdown with an HTML block nested deeply', file: 'html-block.md', make: (n) => `# Deep\n\n${run('<div>', n / 2)}x${run('</div>', n / 2)}\n`, expect: 'E_TOO_DEEP' },
  { name: 'JSON contentHtml nested deeply', file: 'html.json', make: (n) => JSON.stringify({ title: 'Deep', contentHtml: `<p>${run('<span>', n)}x</p>` }), expect: 'E_TOO_DEEP' },
  // Past the Markdown parser's nesting limit, where it would lose what follows without a word.
  { name: 'Markdown blockquotes nested deeply', file: 'quotes-deep.md', make: (n) => `# Deep\n\nText.\n\n${run('>', n)} x\n`, expect: 'E_TOO_DEEP' },
  { name: 'Markdown list nested deeply', file: 'list-deep.md', make: (n) => `# Deep\n\nText.\n\n${run('- ', n)}x\n`, expect: 'E_TOO_DEEP' },
  // White space normalizing keeps (U+1680, line separators), runs the patterns of a seed's edges see.
  { name: 'a run of spaces after href= (unsafe-HTML hint)', file: 'href-spaces.md', make: (n) => `# Spaces\n\nSee href=${run(' ', n)}x.\n`, expect: 'ok' },
  { name: 'JSON author of many @', file: 'author-at.json', make: (n) => JSON.stringify({ title: 'At', author: run('@', n), body: 'Body text.' }), expect: 'ok' },
  {
    name: 'JSON author of a name, spaces and a word',
    file: 'author-spaces.json',
    make: (n) => JSON.stringify({ title: 'Spaces', author: `a${run(' ', n)}x`, body: 'Body text.' }),
    expect: 'ok',
  },
  {
    name: 'a lede of a comma and odd spaces before a parenthesis (agency dateline)',
    file: 'dateline-spaces.txt',
    make: (n) => `Hostile input\n\nA,${run(' \u1680', n)}x( b.\n\nIt arrived on time.\n`,
    expect: 'ok',
  },
  {
    name: 'a list marker, odd spaces and a line separator',
    file: 'bullet-spaces.txt',
    make: (n) => `Hostile input\n\nThe ferry left.\n\n-${run(' \u1680', n)}a\u2028b\n`,
    expect: 'ok',
  },
  // The body's analysis: long words in the profiles that test word endings, runs inside quotations and names.
  { name: 'one long Ukrainian word before a verb', file: 'uk-long-word.txt', make: (n) => `Новини\n\nУряд зібрався вранці.\n\nА${run('а', n / 2)}б Київ сказав.\n`, expect: 'ok' },
  {
    name: 'one long word in a Spanish body’s name',
    file: 'es-long-word.txt',
    make: (n) => `Noticias\n\nEl gobierno se reunió por la mañana.\n\nLa Comisión de la ${run('a', n)}x dijo que sí.\n`,
    expect: 'ok',
  },
  { name: 'a run of commas inside a quotation', file: 'quote-commas.txt', make: (n) => `Hostile input\n\nThe minister said "${run(', ', n)}x" on Monday.\n`, expect: 'ok' },
  { name: 'possessives in one capitalised run', file: 'possessives.txt', make: (n) => `Hostile input\n\nThe ferry left.\n\n${run("Zork's ", n)}Ministry said so.\n`, expect: 'ok' },
  // Many distinct names: each is compared with up to 800 others to be joined (a surname to its person,
  // an acronym to its body), linear but dearer per byte than prose.
  {
    name: 'many distinct capitalised names',
    file: 'names.txt',
    make: (n) => entityParagraphs((i) => `They met ${capWord(i)} officials today.`, n),
    expect: 'ok',
    perMbBound: 12,
  },
  {
    name: 'many distinct acronyms',
    file: 'acronyms.txt',
    make: (n) => entityParagraphs((i) => `The ${word(i, 4).toUpperCase()} said the plan works.`, n),
    expect: 'ok',
    perMbBound: 12,
  },
  {
    name: 'many bodies with a name in another language',
    file: 'aliases.txt',
    make: (n) => entityParagraphs((i) => `Doctors ${capWord(i)} Borders (Médecins ${capWord(i)} Frontières) said it will act.`, n),
    expect: 'ok',
    perMbBound: 12,
  },
  {
    name: 'many people named by one role, each then quoted by it',
    file: 'roles.txt',
    make: (n) => entityParagraphs((i) => `Health Minister ${capWord(i)} ${capWord(i + 99_991)} visited. "We will rebuild the bridge," said the minister.`, n),
    expect: 'ok',
    perMbBound: 12,
  },
  { name: 'images without a source, many times over', file: 'img-nosrc.md', make: (n) => `# Images\n\nText.\n\n<p>${run('ab<img alt=x>', n)}</p>\n`, expect: 'ok' },
  {
    name: 'HTML nested at the limit, many times over',
    file: 'html-wide.md',
    make: (n) => `# Wide\n\nText.\n\n${run(`<div>${'<span>'.repeat(400)}x${'</span>'.repeat(400)}</div>\n`, n)}`,
    expect: 'ok',
  },
];

/** What happened to one seed: how long it took and what it became. */
export interface Outcome {
  /** Milliseconds. */
  ms: number;
  /** `ok`, the StoryfeedError code, or `E_INTERNAL` for anything else thrown. */
  result: 'ok' | ProblemCode;
  /** The message of an unexpected error. */
  detail?: string;
}

/** Reads and normalizes one seed, as a build does (entity analysis on), timing it. */
/** The size cap the classes run under: its structure limit (one unit per 25 bytes) is 4,000,000 units. */
export const STRESS_MAX_SEED_BYTES = 100_000_000;

/** Normalizes one generated seed, timing it; the outcome is `ok` or the error's code. */
export function runSeed(file: string, text: string): Outcome {
  const started = performance.now();
  try {
    // A size cap far above the largest size measured: its structure limit (see `seed/structure-limit.ts`) would
    // refuse the densest classes before their parsers run, and these classes measure the parsers.
    parseSeed(text, { file, site: { siteUrl: 'https://news.example.com/' }, fallbackDate: new Date(0), maxSeedBytes: STRESS_MAX_SEED_BYTES });
    return { ms: performance.now() - started, result: 'ok' };
  } catch (error) {
    const ms = performance.now() - started;
    if (isStoryfeedError(error)) return { ms, result: error.code };
    return { ms, result: 'E_INTERNAL', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** The median of `values`. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median milliseconds per MB of `runs` readings of the seed `make(bytes)`, and the last outcome. */
export function msPerMb(file: string, make: (bytes: number) => string, bytes: number, runs: number): { msPerMb: number; outcome: Outcome } {
  const text = make(bytes);
  const mb = Buffer.byteLength(text) / 1e6;
  const times: number[] = [];
  let outcome: Outcome = { ms: 0, result: 'ok' };
  for (let i = 0; i < runs; i++) {
    outcome = runSeed(file, text);
    times.push(outcome.ms / mb);
  }
  return { msPerMb: median(times), outcome };
}

/** The outcome a case must have at `bytes`. */
export function expectedAt(c: AdversarialCase, bytes: number): 'ok' | ProblemCode {
  return typeof c.expect === 'function' ? c.expect(bytes) : c.expect;
}

/** One size of one class, measured. */
export interface SizeReading {
  /** Seed size asked for, in bytes. */
  bytes: number;
  /** Median milliseconds per MB. */
  msPerMb: number;
  /** Its ratio to the plain article's milliseconds per MB. */
  ratio: number;
  /** What the seed became. */
  outcome: Outcome;
}

/**
 * Measures one class at each size against `plain(bytes)`, a plain article's milliseconds per MB
 * for that size; a ratio over `bound` is measured twice more (each time against a plain article
 * measured just before) and the median of the three kept, so one slow moment does not fail it.
 */
export function measureClass(c: AdversarialCase, sizes: readonly number[], plain: (bytes: number) => number, bound: number): SizeReading[] {
  const readings: SizeReading[] = [];
  for (const bytes of sizes) {
    const first = msPerMb(c.file, c.make, bytes, 1);
    let ratio = first.msPerMb / plain(bytes);
    if (ratio > bound) {
      // Re-measured in pairs with a plain article of the same size now: a long run's heap makes everything slower.
      const ratios = [ratio];
      for (let i = 0; i < 2; i++) {
        const now = Math.max(plain(bytes), msPerMb('plain.txt', plainArticle, bytes, 1).msPerMb);
        ratios.push(msPerMb(c.file, c.make, bytes, 1).msPerMb / now);
      }
      ratio = median(ratios);
    }
    readings.push({ bytes, msPerMb: first.msPerMb, ratio, outcome: first.outcome });
  }
  return readings;
}

/**
 * A plain article's median milliseconds per MB at each size (after one warm-up), as the yardstick:
 * `baseline` bytes or the size itself, whichever is slower per MB, so a small seed's fixed costs
 * (which a plain seed of that size has too) are not counted against it.
 */
export function plainYardstick(sizes: readonly number[], baseline: number, runs: number): (bytes: number) => number {
  runSeed('plain.txt', plainArticle(50_000));
  const at = new Map<number, number>();
  for (const bytes of new Set([...sizes, baseline])) at.set(bytes, msPerMb('plain.txt', plainArticle, bytes, runs).msPerMb);
  const base = at.get(baseline)!;
  return (bytes) => Math.max(base, at.get(bytes) ?? base);
}
