/**
 * Language identification by trigram profiles: franc's method (Cavnar & Trenkle's out-of-place
 * distance over the 300 commonest trigrams of each language), on models generated from franc-min into
 * `language-data.ts`. The script with the most characters in the text picks the candidate languages;
 * a script used by one language only decides by itself.
 */
import { collapseSpace } from '../white-space.js';
import { SCRIPT_EXPRESSIONS, TRIGRAM_MODELS } from './language-data.js';

/** Longest sample looked at. */
const MAX_LENGTH = 2048;
/** Distance added for a trigram the language's profile does not have (one more than its last rank). */
const MAX_DIFFERENCE = 300;

/** A language (ISO 639-3, or `und`) and its score, 1 for the best. */
export type LanguageScore = [code: string, score: number];

let models: Map<string, Map<string, ReadonlyMap<string, number>>> | undefined;

/** Trigram → rank for every language, built on first use. */
const getModels = (): Map<string, Map<string, ReadonlyMap<string, number>>> => {
  if (models) return models;
  models = new Map();
  for (const [script, languages] of Object.entries(TRIGRAM_MODELS)) {
    const byLanguage = new Map<string, ReadonlyMap<string, number>>();
    for (const [code, packed] of Object.entries(languages)) {
      const ranks = new Map<string, number>();
      packed.split('|').forEach((trigram, rank) => ranks.set(trigram, rank));
      byLanguage.set(code, ranks);
    }
    models.set(script, byLanguage);
  }
  return models;
};

/** The script most of the text is written in, and the share of characters in it. */
function topScript(text: string): [script: string | undefined, share: number] {
  let best: string | undefined;
  let bestShare = -1;
  for (const [script, expression] of Object.entries(SCRIPT_EXPRESSIONS)) {
    const share = (text.match(expression)?.length ?? 0) / text.length || 0;
    if (share > bestShare) {
      best = script;
      bestShare = share;
    }
  }
  return [best, bestShare];
}

/** How often each trigram occurs in the text, lowercased, with digits and ASCII punctuation as spaces. */
function trigramCounts(text: string): Map<string, number> {
  const cleaned = ` ${collapseSpace(text.replace(/[\u0021-\u0040]+/g, ' ')).toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const trigram = cleaned.slice(i, i + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}

/**
 * Scores the languages the text may be in, best first (`[['und', 1]]` when it is shorter than
 * `minLength` or in no known script). Scores are 1 for the best and fall towards 0.
 */
export function rankLanguages(value: string, minLength = 10): LanguageScore[] {
  if (!value || value.length < minLength) return [['und', 1]];
  const text = value.slice(0, MAX_LENGTH);
  const [script, share] = topScript(text);
  const languages = script === undefined ? undefined : getModels().get(script);
  if (!languages) return script === undefined || share === 0 ? [['und', 1]] : [[script, 1]];
  const counts = trigramCounts(text);
  const distances: LanguageScore[] = [];
  for (const [code, ranks] of languages) {
    let distance = 0;
    for (const [trigram, count] of counts) {
      const rank = ranks.get(trigram);
      distance += rank === undefined ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
    }
    distances.push([code, distance]);
  }
  distances.sort((a, b) => a[1] - b[1]);
  const min = distances[0]?.[1] ?? 0;
  const max = text.length * MAX_DIFFERENCE - min;
  return distances.map(([code, distance]) => [code, 1 - (distance - min) / max || 0]);
}
