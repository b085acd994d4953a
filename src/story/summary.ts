import { collapseSpace, withoutTrailing } from '../white-space.js';

/** Longest summary storyfeed writes (characters). */
export const SUMMARY_MAX = 300;

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'gov',
  'sen',
  'rep',
  'pres',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'no',
  'nos',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'est',
  'approx',
  'fig',
  'vol',
  'p',
  'pp',
  'ed',
  'eds',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'u.n',
  'a.m',
  'p.m',
]);

/** Characters that end a sentence. */
const TERMINALS = new Set(['.', '!', '?', '…']);
/** Closing quotes and brackets that may follow a sentence's terminal punctuation. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']']);
/** Opening quotes and brackets that may start the next sentence. */
const OPENERS = new Set(['"', "'", '“', '‘', '«', '(', '[']);
/** How far back an abbreviation or initial before a period is looked for. */
const ABBREVIATION_WINDOW = 12;

/**
 * Ends of sentences in `text`: after `.`, `!`, `?` or `…` (and any closing quotes or brackets),
 * followed by a space and an uppercase letter, digit or opening quote, unless the period ends a
 * known abbreviation or an initial ("J.").
 *
 * One forward scan: each run of punctuation, closers and following spaces is read once, so a
 * megabyte of dots or spaces costs the same as a megabyte of prose (a backtracking pattern
 * retried at every dot of the run was quadratic).
 */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!TERMINALS.has(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && TERMINALS.has(text[i]!)) i++;
    const singlePeriod = i - start === 1 && text[start] === '.';
    while (i < n && CLOSERS.has(text[i]!)) i++;
    const end = i;
    if (startsSentence(text, end) && !(singlePeriod && end === start + 1 && endsAbbreviation(text, start))) ends.push(end);
  }
  return ends;
}

/** `true` when whitespace, an optional opening quote and an uppercase letter or digit follow `at`. */
function startsSentence(text: string, at: number): boolean {
  let j = at;
  while (j < text.length && /\s/.test(text[j]!)) j++;
  if (j === at) return false;
  if (j < text.length && OPENERS.has(text[j]!)) j++;
  const next = text.codePointAt(j);
  return next !== undefined && /[\p{Lu}\p{N}]/u.test(String.fromCodePoint(next));
}

/** `true` when the period at `dot` ends a known abbreviation ("Dr.") or an initial ("J."). */
function endsAbbreviation(text: string, dot: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - ABBREVIATION_WINDOW), dot))?.[1] ?? '';
  return ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word);
}

/**
 * The lede cut to at most {@link SUMMARY_MAX} characters at a sentence boundary; when even the first
 * sentence is longer, it is cut at a word boundary and ends with "…".
 */
export function summarize(lede: string, max = SUMMARY_MAX): string {
  const text = collapseSpace(lede);
  if (text.length <= max) return text;
  let cut = 0;
  for (const end of sentenceEnds(text)) {
    if (end > max) break;
    cut = end;
  }
  if (cut > 0) return text.slice(0, cut).trim();
  const room = text.slice(0, max);
  const space = room.lastIndexOf(' ');
  return `${withoutTrailing(room.slice(0, space > max / 2 ? space : max - 1), /[\s,;:—–-]/)}…`;
}
