import { collapseSpace } from '../white-space.js';

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

/**
 * A character that ends a sentence: `.`, `!`, `?`, `…`, and other scripts' sentence ends (Unicode's
 * Sentence_Terminal: `。`, `！`, `？`, `．`, `︒`, `।`, `؟`, `۔`, `։`, `።` …), but not the marks of the General and
 * Supplemental Punctuation blocks (`‼`, `‽`, `⁇`, `․`), which never ended a sentence here.
 *
 * (The next one from `lastIndex`.)
 */
const NEXT_TERMINAL = /…|(?![\u2000-\u206F\u2E00-\u2E7F])\p{Sentence_Terminal}/gu;
/** A run of sentence ends at `lastIndex`. */
const TERMINAL_RUN = /(?:…|(?![\u2000-\u206F\u2E00-\u2E7F])\p{Sentence_Terminal})+/uy;
/**
 * Full-width (CJK) sentence ends: no space follows them, so a sentence ends after them (and any
 * closing quotes or brackets) whatever comes next.
 */
const WIDE_TERMINALS = new Set(['。', '｡', '！', '？', '．', '︒', '︕', '︖', '﹒', '﹖', '﹗']);
/** Wide full stops that are also a decimal point between two digits (`３．５`). */
const WIDE_POINTS = new Set(['．', '﹒']);
/** A run of closing quotes and brackets (CJK ones too) at `lastIndex`: they may follow a sentence's terminal punctuation. */
const CLOSER_RUN = /["')\]”’»」』）】〉》〕〗〙〛］｝｣＂＇]*/y;
/** Opening quotes and brackets that may start the next sentence. */
const OPENERS = new Set(['"', "'", '“', '‘', '«', '(', '[']);
/** How far back an abbreviation or initial before a period is looked for. */
const ABBREVIATION_WINDOW = 12;

/**
 * Ends of sentences in `text`: after a sentence end (`.`, `!`, `?`, `…`, `।`, `؟` …, see {@link NEXT_TERMINAL})
 * and any closing quotes or brackets, followed by a space and an uppercase letter, a letter of a script
 * without case, a digit or an opening quote, unless the period ends a known abbreviation or an initial
 * ("J."); after a full-width one (`。`, `！`, `？`), whatever follows, except a `．` between digits.
 *
 * One forward scan: each run of punctuation, closers and following spaces is read once, so a
 * megabyte of dots or spaces costs the same as a megabyte of prose (a backtracking pattern
 * retried at every dot of the run was quadratic).
 */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const n = text.length;
  NEXT_TERMINAL.lastIndex = 0;
  for (let found = NEXT_TERMINAL.exec(text); found !== null; found = NEXT_TERMINAL.exec(text)) {
    const start = found.index;
    TERMINAL_RUN.lastIndex = start;
    const run = TERMINAL_RUN.exec(text)![0];
    CLOSER_RUN.lastIndex = start + run.length;
    const end = start + run.length + CLOSER_RUN.exec(text)![0].length;
    NEXT_TERMINAL.lastIndex = end;
    const last = run[run.length - 1]!;
    if (WIDE_TERMINALS.has(last)) {
      const point = run.length === 1 && WIDE_POINTS.has(last) && isDigit(text, start - 1) && isDigit(text, start + 1);
      if (end < n && !point) ends.push(end);
      continue;
    }
    const singlePeriod = run === '.';
    if (startsSentence(text, end) && !(singlePeriod && end === start + 1 && endsAbbreviation(text, start))) ends.push(end);
  }
  return ends;
}

/** `true` when the character at `at` is a digit (any script's). */
function isDigit(text: string, at: number): boolean {
  return at >= 0 && at < text.length && /\p{N}/u.test(text[at]!);
}

/**
 * `true` when whitespace, an optional opening quote and an uppercase letter, a letter without case
 * (Arabic, Devanagari, Hebrew, CJK …) or a digit follow `at`.
 */
function startsSentence(text: string, at: number): boolean {
  let j = at;
  while (j < text.length && /\s/.test(text[j]!)) j++;
  if (j === at) return false;
  if (j < text.length && OPENERS.has(text[j]!)) j++;
  const next = text.codePointAt(j);
  return next !== undefined && /[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u.test(String.fromCodePoint(next));
}

/** `true` when the period at `dot` ends a known abbreviation ("Dr.") or an initial ("J."). */
function endsAbbreviation(text: string, dot: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - ABBREVIATION_WINDOW), dot))?.[1] ?? '';
  return ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word);
}

/** A grapheme of nothing but white space and the punctuation a cut summary does not end with. */
const TRAILING = /^[\s,;:—–-]+$/;

/**
 * The lede cut to at most {@link SUMMARY_MAX} characters (UTF-16 code units) at a sentence boundary;
 * when even the first sentence is longer, it is cut at a word boundary and ends with "…". A cut is
 * always between two graphemes (user-perceived characters), never inside a surrogate pair, a flag or
 * a letter with its accents.
 */
export function summarize(lede: string, max = SUMMARY_MAX): string {
  const text = collapseSpace(lede);
  if (text.length <= max) return text;
  let starts: Set<number> | undefined;
  let cut = 0;
  for (const end of sentenceEnds(text)) {
    if (end > max) break;
    // A space follows every sentence end but a full-width one, and starts a grapheme; whatever else follows (a
    // combining mark, a variation selector) may not.
    if (text.charCodeAt(end) === 0x20 || (starts ??= new Set(graphemeStarts(text, max))).has(end)) cut = end;
  }
  if (cut > 0) return text.slice(0, cut).trim();
  const bounds = graphemeStarts(text, max - 1);
  const space = text.lastIndexOf(' ', max - 1);
  const at = space > max / 2 ? space : max - 1;
  let k = bounds.length - 1;
  while (k > 0 && bounds[k]! > at) k--;
  while (k > 0 && TRAILING.test(text.slice(bounds[k - 1], bounds[k]))) k--;
  return `${text.slice(0, bounds[k])}…`;
}

/** The longest prefix of `text` of at most `max` UTF-16 code units that ends between two graphemes. */
export function graphemePrefix(text: string, max: number): string {
  if (text.length <= max) return text;
  const starts = graphemeStarts(text, max);
  return text.slice(0, starts[starts.length - 1]);
}

/** Lazily made: a grapheme segmenter (the same for every language). */
let graphemes: Intl.Segmenter | undefined;

/**
 * Where graphemes of `text` start, in order, up to `last` (0 always; `last` itself when a grapheme
 * starts there). Only the text up to `last` is segmented, and the code point at `last`: a boundary
 * depends on nothing after it.
 */
function graphemeStarts(text: string, last: number): number[] {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const starts: number[] = [];
  for (const { index } of graphemes.segment(text.slice(0, last + 2))) {
    if (index > last) break;
    starts.push(index);
  }
  if (last >= text.length) starts.push(text.length);
  return starts;
}
