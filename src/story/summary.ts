/** Longest summary storyfeed writes (characters). */
export const SUMMARY_MAX = 300;

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'gov', 'sen', 'rep', 'pres',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'nos', 'vs', 'etc', 'inc', 'ltd',
  'co', 'corp', 'dept', 'est', 'approx', 'fig', 'vol', 'p', 'pp', 'ed', 'eds', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'a.m', 'p.m',
]);

/**
 * Ends of sentences in `text`: after `.`, `!`, `?` or `…` (and any closing quotes or brackets),
 * followed by a space and an uppercase letter, digit or opening quote, unless the period ends a
 * known abbreviation or an initial ("J.").
 */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const re = /[.!?…]+["'”’»)\]]*(?=\s+["'“‘«(\[]?[\p{Lu}\p{N}])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1) {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? '';
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) continue;
    }
    ends.push(end);
  }
  return ends;
}

/**
 * The lede cut to at most {@link SUMMARY_MAX} characters at a sentence boundary; when even the first
 * sentence is longer, it is cut at a word boundary and ends with "…".
 */
export function summarize(lede: string, max = SUMMARY_MAX): string {
  const text = lede.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  let cut = 0;
  for (const end of sentenceEnds(text)) {
    if (end > max) break;
    cut = end;
  }
  if (cut > 0) return text.slice(0, cut).trim();
  const room = text.slice(0, max);
  const space = room.lastIndexOf(' ');
  return `${room.slice(0, space > max / 2 ? space : max - 1).replace(/[\s,;:—–-]+$/u, '')}…`;
}
