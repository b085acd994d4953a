/**
 * Direct quotations and who said them. A quotation is a quoted passage of five or more words; its speaker
 * comes from the attribution after it (`"…," X said` / `"…," said X` / `«…», — сказав X`) or before it
 * (`X said: "…"` / `X called it "…"`), and is resolved to a full name: a surname to the person introduced
 * in full, a pronoun to the last speaker, a role ("the NATO PA president") to the person introduced with it.
 */
import type { Block, Doc } from './document.js';
import { clusterAt } from './entities.js';
import type { Cluster, Registry } from './entities.js';
import type { Role } from './mentions.js';
import { POSITION_SCALE, position } from './mentions.js';
import { FUNCTION, lexFlags } from './lexicon.js';
import type { Token } from './tokens.js';
import { isDemonym, isRoleNoun } from './wordclass.js';
import { ARTICLES, NAME_CONNECTORS, PHRASE_STOPS, PRONOUNS, SPEECH_VERBS, VERB_FILLERS } from './words.js';

/** A quotation found in the text. */
export interface FoundQuote {
  /** The quoted words. */
  text: string;
  /** Resolved speaker, or a descriptive phrase, or null. */
  speaker: string | null;
  /** The entity that spoke, when known. */
  cluster: Cluster | null;
  /** The body a descriptively named speaker belongs to ("analysts at Sydbank"). */
  affiliation: Cluster | null;
  /** Position in reading order. */
  pos: number;
}

/** The fewest words a quoted passage needs to count as a quotation rather than a phrase or a name, unless it is a whole attributed utterance. */
export const MIN_QUOTE_WORDS = 5;

const QUOTE_MARKS = new Set(['"', '“', '”', '«', '»', '„']);
const CLAUSE_END = new Set(['.', '!', '?', '…', ';']);
const LEADING_PUNCT = new Set([',', '—', '–', '-', ':', ')']);
const RELATIVE = new Set(['who', 'which', 'whose', 'that', 'when', 'where', 'while', 'який', 'яка', 'які', 'который', 'которая']);

/** Where the speaker phrase of an attribution lies, if there is an attribution. */
interface Attribution {
  from: number;
  to: number;
}

/** The words after a quotation up to the end of its sentence, and the speaker phrase among them. */
function attributionAfter(block: Block, last: number, endsSentence: boolean, cyrillic: boolean): Attribution | null {
  const { tokens } = block;
  let k = last;
  if (tokens[k] && QUOTE_MARKS.has(tokens[k]?.text ?? '')) k++;
  while (tokens[k] && tokens[k]?.kind === 'punct' && LEADING_PUNCT.has(tokens[k]?.text ?? '')) k++;
  const start = k;
  let end = start;
  while (end < tokens.length) {
    const t = tokens[end];
    if (!t || (t.kind === 'punct' && (CLAUSE_END.has(t.text) || QUOTE_MARKS.has(t.text)))) break;
    end++;
  }
  let verb = -1;
  for (let i = start; i < end && i < start + 12; i++) {
    const t = tokens[i];
    if (t && t.kind === 'word' && SPEECH_VERBS.has(t.lower) && tokens[i - 1]?.lower !== 'to') {
      verb = i;
      break;
    }
  }
  if (verb < 0) return null;
  // After a finished sentence, a new capitalised sentence is only an attribution if it is short ("Smith said.").
  if (endsSentence && tokens[start]?.cap && verb - start > 4) return null;
  if (verb === start) {
    let to = verb + 1;
    while (to < end) {
      const t = tokens[to];
      if (!t || t.text === ',' || (!cyrillic && to > verb + 1 && PHRASE_STOPS.has(t.lower) && !t.cap)) break;
      to++;
    }
    return { from: verb + 1, to };
  }
  // "„…“ and promised a review": a conjunction continues the sentence; it does not name a speaker.
  const lead = tokens[start];
  if (lead && lead.kind === 'word' && !lead.cap && lexFlags(lead.fold) & FUNCTION && !ARTICLES.has(lead.lower) && !PRONOUNS.has(lead.lower) && lead.lower !== 'one') return null;
  let to = verb;
  while (to > start && VERB_FILLERS.has(tokens[to - 1]?.lower ?? '')) to--;
  let from = start;
  for (let i = start; i < to; i++) {
    if (tokens[i]?.text === ',') {
      to = i;
      break;
    }
  }
  if (to - from > 10) from = to - 10;
  return to > from ? { from, to } : null;
}

/** The speaker phrase of a speech verb before a quotation in the same sentence (`X said: "…"`). */
function attributionBefore(block: Block, first: number): Attribution | null {
  const { tokens } = block;
  const openMark = first - 1;
  let begin = openMark - 1;
  while (begin >= 0) {
    const t = tokens[begin];
    if (!t || (t.kind === 'punct' && (CLAUSE_END.has(t.text) || QUOTE_MARKS.has(t.text)))) break;
    begin--;
  }
  begin++;
  for (let v = openMark - 1; v >= begin; v--) {
    const t = tokens[v];
    if (!t || t.kind !== 'word') continue;
    if (t.lower === 'to' && tokens[v - 1]?.lower === 'according') {
      let to = v + 1;
      while (to < openMark && tokens[to]?.text !== ',') to++;
      return to > v + 1 ? { from: v + 1, to } : null;
    }
    if (!SPEECH_VERBS.has(t.lower)) continue;
    // Comma-separated pieces before the verb; relative clauses ("…, who leads X,") are not the subject.
    const segments: [number, number][] = [];
    let segStart = begin;
    for (let i = begin; i <= v; i++) {
      if (i === v || tokens[i]?.text === ',') {
        if (i > segStart) segments.push([segStart, i]);
        segStart = i + 1;
      }
    }
    for (let s = segments.length - 1; s >= 0; s--) {
      const seg = segments[s];
      if (!seg) continue;
      const [a, b0] = seg;
      if (RELATIVE.has(tokens[a]?.lower ?? '')) continue;
      let b = b0;
      while (b > a && VERB_FILLERS.has(tokens[b - 1]?.lower ?? '')) b--;
      if (b > a) return { from: Math.max(a, b - 10), to: b };
    }
    return null;
  }
  return null;
}

/** Whether an acronym stands for a run of the given words ("pa" for "parliamentary assembly"). */
const acronymOf = (letters: string, words: string[]): boolean => {
  for (let i = 0; i < words.length; i++) {
    let p = 0;
    let j = i;
    while (j < words.length && p < letters.length) {
      const w = words[j] ?? '';
      if (w[0] === letters[p]) p++;
      else if (!NAME_CONNECTORS.has(w)) break;
      j++;
    }
    if (p === letters.length && j - i >= 2) return true;
  }
  return false;
};

/** The person introduced with the role a phrase names ("the NATO PA president"), most recent first. */
function personByRole(registry: Registry, phrase: Token[], head: number, pos: number): Cluster | null {
  const headWord = phrase[head]?.fold ?? '';
  let best: Cluster | null = null;
  let bestScore = -Infinity;
  for (const c of registry.clusters) {
    if (c.kind !== 'person') continue;
    for (const { role, pos: rolePos } of c.roles) {
      const score = roleScore(role, phrase, head, headWord);
      if (score === null) continue;
      // Roles introduced before the quotation, and the latest of them, win.
      const total = score + (rolePos <= pos ? 1 + rolePos / POSITION_SCALE : 0);
      if (total > bestScore) {
        bestScore = total;
        best = c;
      }
    }
  }
  return best;
}

const roleScore = (role: Role, phrase: Token[], head: number, headWord: string): number | null => {
  if (role.head !== headWord && !role.words.includes(headWord)) return null;
  let score = 1;
  for (let i = 0; i < phrase.length; i++) {
    const t = phrase[i];
    if (!t || i === head || t.kind !== 'word' || ARTICLES.has(t.lower)) continue;
    if (role.words.includes(t.fold)) score += 2;
    else if (t.caps && acronymOf(t.fold, role.words)) score += 2;
    else if (t.cap) return null;
    else score -= 0.5;
  }
  return score;
};

interface Speaker {
  speaker: string | null;
  cluster: Cluster | null;
  affiliation: Cluster | null;
}

const AFFILIATION = new Set(['at', 'for', 'from', 'of', 'with']);

/** Who "he", "she" or "they" is: the last speaker, unless a person was named outside quotations since. */
interface Antecedent {
  speaker: Cluster | null;
  pos: number;
}

/** Resolves a speaker phrase to a name, a descriptive phrase, or null. */
function resolveSpeaker(registry: Registry, block: Block, blockIndex: number, at: Attribution, pos: number, last: Antecedent): Speaker {
  const none: Speaker = { speaker: null, cluster: null, affiliation: null };
  const { tokens } = block;
  const phrase = tokens.slice(at.from, at.to);
  // "the NATO PA president" is shown as "NATO PA president"; "a senior official" keeps its article.
  let first = 0;
  while (first < phrase.length && (phrase[first]?.kind === 'punct' || phrase[first]?.lower === 'the')) first++;
  const words = phrase.slice(first).filter((t) => t.kind !== 'punct');
  if (words.length === 0) return none;
  const lead = words[0];
  // "the American said" after a quotation refers back to a person like a pronoun does.
  const anaphoric = words.length === 1 && !!lead && lead.cap && phrase[first - 1]?.lower === 'the' && isDemonym(lead.fold);
  if (lead && ((PRONOUNS.has(lead.lower) && words.length <= 2) || anaphoric)) {
    const named = lastPersonBefore(registry, pos);
    const c = named && (!last.speaker || named.pos > last.pos) ? named.cluster : last.speaker;
    return { speaker: c?.name ?? null, cluster: c, affiliation: null };
  }
  let person: Cluster | null = null;
  let org: Cluster | null = null;
  let affiliation: Cluster | null = null;
  for (let k = at.from; k < at.to; k++) {
    const c = clusterAt(registry, blockIndex, k);
    if (!c) continue;
    if (c.kind === 'person') person = c;
    else if (!org && c.kind === 'organization') org = c;
    const m = registry.tokenMention[blockIndex]?.[k];
    if (!affiliation && c.kind !== 'person' && c.kind !== 'place' && m?.first === k && AFFILIATION.has(tokens[k - 1]?.lower ?? '')) affiliation = c;
  }
  if (person) return { speaker: person.name, cluster: person, affiliation: null };
  let head = -1;
  for (let i = phrase.length - 1; i >= first; i--) {
    const t = phrase[i];
    if (t && t.kind === 'word' && !t.cap && isRoleNoun(t.fold)) {
      head = i;
      break;
    }
  }
  if (head >= 0) {
    const c = personByRole(registry, phrase.slice(first), head - first, pos);
    if (c) return { speaker: c.name, cluster: c, affiliation: null };
  }
  if (org && head < 0 && !affiliation) return { speaker: org.name, cluster: org, affiliation: null };
  if (words.length > 8) return none;
  const startTok = phrase[first];
  const endTok = phrase[phrase.length - 1];
  if (!startTok || !endTok) return none;
  const text = block.text.slice(startTok.start, endTok.end).replace(/[\s,.;:—–-]+$/u, '');
  return { speaker: text || null, cluster: null, affiliation };
}

/** The person last named outside quotations before a position. */
const lastPersonBefore = (registry: Registry, pos: number): { cluster: Cluster; pos: number } | null => {
  let best: Cluster | null = null;
  let bestPos = -1;
  for (const c of registry.clusters) {
    if (c.kind !== 'person') continue;
    for (const m of c.mentions) {
      if (m.pos < pos && m.pos > bestPos && !m.inQuote) {
        bestPos = m.pos;
        best = c;
      }
    }
  }
  return best ? { cluster: best, pos: bestPos } : null;
};

/** Finds the quotations of the body and their speakers. */
export function findQuotes(doc: Doc, registry: Registry): FoundQuote[] {
  const out: FoundQuote[] = [];
  const last: Antecedent = { speaker: null, pos: -1 };
  let previousBlockQuote: FoundQuote | null = null;
  const cyrillic = doc.profile === 'cyrillic';
  doc.blocks.forEach((block, blockIndex) => {
    if (block.kind !== 'paragraph') return;
    const found: { quote: FoundQuote; attributed: boolean; startsBlock: boolean }[] = [];
    for (const q of block.quotes) {
      const raw = block.text.slice(q.open + 1, q.close).trim();
      // A short passage is a phrase, a name or a scare quote ("an act of desperation", «Укренерго»)
      // unless it is a whole utterance: it ends with its own punctuation and someone is said to say it.
      const short = q.words < MIN_QUOTE_WORDS;
      if (short && !/[,.!?…]$/u.test(raw)) continue;
      const text = raw.replace(/[\s,，]+$/u, '');
      if (!text) continue;
      const pos = position(block, q.first);
      const endsSentence = /[.!?…]$/u.test(text);
      const at =
        doc.profile === 'other'
          ? null
          : (attributionAfter(block, q.last, endsSentence, cyrillic) ?? attributionBefore(block, q.first));
      if (short && !at) continue;
      const quote: FoundQuote = { text, speaker: null, cluster: null, affiliation: null, pos };
      if (at) {
        Object.assign(quote, resolveSpeaker(registry, block, blockIndex, at, pos, last));
        if (quote.cluster?.kind === 'person') {
          last.speaker = quote.cluster;
          last.pos = pos;
        }
      }
      found.push({ quote, attributed: !!at, startsBlock: q.open === 0 });
    }
    // One attribution covers the other quotations of its paragraph ("…," X said. "…").
    for (let i = 0; i < found.length; i++) {
      const f = found[i];
      if (!f || f.attributed) continue;
      let donor: FoundQuote | undefined;
      for (let j = i - 1; j >= 0 && !donor; j--) if (found[j]?.attributed) donor = found[j]?.quote;
      for (let j = i + 1; j < found.length && !donor; j++) if (found[j]?.attributed) donor = found[j]?.quote;
      // A paragraph that opens with an unattributed quotation continues the previous paragraph's speaker.
      if (!donor && f.startsBlock && i === 0 && previousBlockQuote) donor = previousBlockQuote;
      if (donor) {
        f.quote.speaker = donor.speaker;
        f.quote.cluster = donor.cluster;
        f.quote.affiliation = donor.affiliation;
      }
    }
    previousBlockQuote = found[found.length - 1]?.quote ?? null;
    for (const f of found) out.push(f.quote);
  });
  return out;
}
