/**
 * Groups mentions into entities: the same name, a surname or given name of a person introduced in full,
 * an acronym of a longer name, or a nationality-prefixed variant of an organisation. Decides each entity's
 * kind from the summed evidence of its mentions and picks the fullest name.
 */
import { casedLike, cyrillicPersonNominative } from './cyrillic-names.js';
import type { Block, Doc } from './document.js';
import { markedGender } from './gender.js';
import { ANY_PLACE, FIRST_NAME, FUNCTION, LAST_NAME, foldKey, wikipediaPersonBySurname } from './lexicon.js';
import { POSITION_SCALE, cyrillicPlaceNominative, expandedAcronym, isCyrillicPlace } from './mentions.js';
import { flags, isDemonym } from './wordclass.js';
import type { Cues, Kind, Mention, Role } from './mentions.js';
import { FOREIGN_PLACE_NAMES, GENERIC_BODY_NOUNS, INDEX_HEADS, NAME_CONNECTORS, NATIONAL_WORDS, ORG_HEADS, TIME_HEADS, TIME_ZONES, TITLE_WORDS } from './words.js';
import { partitionPoint } from './sorted.js';

/** Added to the position of entities named only in headings, so that they sort after the body's. */
export const HEADLINE_ONLY = 1e14;

/** A set of mentions of one entity. */
export interface Cluster {
  /** Index in {@link Registry.clusters}. */
  id: number;
  /** Its mentions, in reading order. */
  mentions: Mention[];
  /** Summed evidence. */
  cues: Cues;
  /** What it is, or null when the evidence is too thin to say. */
  kind: Kind | null;
  /** Fullest name. */
  name: string;
  /** Roles the person was introduced with, with where. */
  roles: { role: Role; pos: number }[];
  /** Position of the first mention in the body (title-only entities come last). */
  firstPos: number;
  /** Mentioned in the headline. */
  inTitle: boolean;
  /** Mentioned in a subheading. */
  inHeading: boolean;
  /** Cited as a source of information. */
  cited: boolean;
}

/** Entities and a way back from tokens to them. */
export interface Registry {
  /** All entities (including those of unknown kind, which are not reported). */
  clusters: Cluster[];
  /** For each block, the entity id each token belongs to, or -1. */
  tokenCluster: Int32Array[];
  /** For each block, the mention each token belongs to. */
  tokenMention: (Mention | undefined)[][];
}

const nameWords = (m: { words: string[] }): string[] => m.words.filter((w) => !NAME_CONNECTORS.has(w));

const LEGAL_SUFFIXES = new Set(['limited', 'ltd', 'inc', 'plc', 'llc', 'corp', 'corporation', 'company', 'co', 'group', 'holdings', 'sa', 'ag', 'se', 'nv']);

/** Small words an acronym may leave out ("Centers for Disease Control" → "CDC"). */
const ACRONYM_GAPS = new Set([...NAME_CONNECTORS, 'of', 'for', 'and', '&', 'the', 'on', 'in', 'to']);

const isSuffix = (short: string[], long: string[]): boolean => {
  if (short.length >= long.length) return false;
  const offset = long.length - short.length;
  return short.every((w, i) => long[offset + i] === w);
};

/** Case endings of Ukrainian and Russian adjectives, longest first. */
// Folded keys write "й" as "и" and "ї" as "і" ("Зеленський" is "зеленськии"): those endings are listed folded too.
const CYRILLIC_ADJECTIVE_ENDING = /(?:ого|ому|ими|ої|оі|ою|ій|іи|ий|ии|их|им|ім|ая|ое|ые|ей|ом|ьому|ього|е|є|а|я|у|ю|і)$/u;

/** The stem of a Cyrillic adjective of five letters or more without its case ending, or null. */
export const adjectiveStem = (word: string): string | null => {
  if (word.length < 5 || !/^[\u0400-\u04ff'ʼ’-]+$/u.test(word)) return null;
  const stem = word.replace(CYRILLIC_ADJECTIVE_ENDING, '');
  return stem.length >= 4 && stem !== word && /н$|ськ$|цьк$|зьк$/u.test(stem) ? stem : null;
};

/** How many forms of one name are compared for inflection (a bound against hostile input). */
const INFLECTION_BUCKET_LIMIT = 64;

/**
 * How many groups on each side of a group, in the order they are first named, it is compared with
 * when names are joined (a surname to its person, an acronym or a short form to its body). A long
 * article names a few hundred at most, so each is compared with every other; the bound keeps a
 * hostile list of thousands of distinct names linear (comparing all pairs took 15 s at 1 MB).
 */
const MERGE_WINDOW = 400;

/**
 * The members of `sorted` (sorted by `indexOf`) whose index is within {@link MERGE_WINDOW} of
 * `index`, in their order: `sorted` itself when all of them are.
 */
function near<T>(sorted: readonly T[], indexOf: (t: T) => number, index: number): readonly T[] {
  const from = partitionPoint(sorted, (t) => indexOf(t) < index - MERGE_WINDOW);
  const to = partitionPoint(sorted, (t) => indexOf(t) <= index + MERGE_WINDOW);
  return from === 0 && to === sorted.length ? sorted : sorted.slice(from, to);
}

/** Whether `short` is `long` with its middle names left out or cut to initials ("richard k guy", "richard kenneth guy"). */
const sameFirstAndLast = (short: string[], long: string[]): boolean => {
  if (short.length > long.length || short.length < 2 || short[0] !== long[0] || short[short.length - 1] !== long[long.length - 1]) return false;
  let j = 1;
  let cut = short.length < long.length;
  for (let i = 1; i < short.length - 1; i++) {
    const w = short[i] ?? '';
    while (j < long.length - 1 && !(long[j] === w || (w.length === 1 && long[j]?.[0] === w))) j++;
    if (j >= long.length - 1) return false;
    if (long[j] !== w) cut = true;
    j++;
  }
  return cut;
};

/** Whether two words are forms of one word: the same but for an ending of up to two letters ("Терехов", "Терехова"). */
export const sameStem = (a: string, b: string): boolean => {
  if (a === b) return true;
  // "Суспільне", "Суспільного": an adjective (or a noun declined like one) with its case ending removed.
  const sa = adjectiveStem(a);
  if (sa && sa === adjectiveStem(b)) return true;
  const n = Math.min(a.length, b.length);
  if (n < 4 || Math.abs(a.length - b.length) > 2) return false;
  let common = 0;
  while (common < n && a[common] === b[common]) common++;
  return common >= n - 1 && common >= Math.max(a.length, b.length) - 2;
};

/** Whether a folded Cyrillic word ("украіни", "ї" folded to "і") is a place's name in some case. */
const foldedCyrillicPlace = (word: string): boolean => {
  if (isCyrillicPlace(word)) return true;
  for (let k = word.indexOf('і'); k >= 0; k = word.indexOf('і', k + 1)) if (isCyrillicPlace(`${word.slice(0, k)}ї${word.slice(k + 1)}`)) return true;
  return false;
};

/** Whether `short` (with acronyms) abbreviates `long`: "NATO PA" → "NATO Parliamentary Assembly", "BOJ" → "Bank of Japan". */
export function abbreviates(short: { words: string[]; caps: boolean[] }, long: { words: string[] }): boolean {
  if (!short.caps.some(Boolean) || long.words.length <= short.words.length) return false;
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    // "CDC" for "Centers for Disease Control and Prevention": a lone acronym may leave an "and …" tail.
    if (i === short.words.length) {
      if (j === long.words.length) return true;
      // A lone acronym may leave out an "and …" tail or a legal suffix ("NNPC" for "… Petroleum Company Limited").
      if (short.words.length !== 1 || j < 3) return false;
      // "МЗС" for "Міністерство закордонних справ України": also the country the body belongs to.
      const country = j === long.words.length - 1 && foldedCyrillicPlace(long.words[j] ?? '');
      return country || long.words[j] === 'and' || long.words[j] === '&' || long.words.slice(j).every((w) => LEGAL_SUFFIXES.has(w));
    }
    if (j >= long.words.length) return false;
    const key = i * (long.words.length + 1) + j;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    const w = short.words[i] ?? '';
    let ok = w === long.words[j] && go(i + 1, j + 1);
    if (!ok && short.caps[i]) ok = initials(w, 0, j, j, i);
    memo.set(key, ok);
    return ok;
  };
  const initials = (letters: string, p: number, j: number, start: number, i: number): boolean => {
    if (p === letters.length) return j - start >= 2 && go(i + 1, j);
    const word = long.words[j];
    if (word === undefined) return false;
    if (ACRONYM_GAPS.has(word) && initials(letters, p, j + 1, start, i)) return true;
    return word[0] === letters[p] && initials(letters, p + 1, j + 1, start, i);
  };
  return go(0, 0);
}

/**
 * "VOA" and "Voz de América": an acronym of a name in another language keeps the shape of the translated name, one
 * letter per word, with the same first and last initials.
 */
const translatedAcronym = (short: { words: string[]; caps: boolean[] }, long: { words: string[]; cues: Cues }): boolean => {
  const acronym = short.words[0] ?? '';
  if (short.words.length !== 1 || !short.caps[0] || acronym.length < 3 || acronym.length !== long.words.length) return false;
  if (long.cues.organization <= Math.max(long.cues.person, long.cues.place)) return false;
  const first = long.words[0]?.[0];
  const last = long.words[long.words.length - 1]?.[0];
  return acronym[0] === first && acronym[acronym.length - 1] === last && NAME_CONNECTORS.has(long.words[1] ?? '');
};

/** Most words a clipped compound is read from ("Держдеп" from two, "Мінфін" from two). */
const MAX_CLIPPED_PARTS = 3;

/**
 * Whether `word` joins the starts of `long`'s first `parts` words ("держдеп" for "державнии департамент", "нацбанк"
 * for "національнии банк"): each piece is a start of at least three letters of its word, and the last piece may also
 * be the whole word in another case ("держдепартаменту").
 */
const clippedParts = (word: string, long: readonly string[], parts: number): boolean => {
  const go = (p: number, i: number): boolean => {
    const w = long[i] ?? '';
    if (i === parts - 1) {
      // The last piece may carry a case ending of up to two letters ("Мінфіну", "Держдепу").
      const rest = word.slice(p);
      for (let cut = 0; cut <= 2 && rest.length - cut >= 3; cut++) if (w.startsWith(rest.slice(0, rest.length - cut))) return true;
      return sameStem(rest, w);
    }
    for (let n = Math.min(w.length, word.length - p - 3); n >= 3; n--) if (word.startsWith(w.slice(0, n), p) && go(p + n, i + 1)) return true;
    return false;
  };
  return go(0, 0);
};

/**
 * Whether `short` is `long` with its first words clipped into one ("Держдеп США" for "Державний департамент США"): the
 * clipped word reads two or three of `long`'s first words, and the words after it are forms of the rest.
 */
export function clippedCompound(short: readonly string[], long: readonly string[]): boolean {
  const word = short[0] ?? '';
  if (word.length < 6) return false;
  for (let parts = 2; parts <= MAX_CLIPPED_PARTS; parts++) {
    if (long.length - parts !== short.length - 1) continue;
    if (!short.slice(1).every((w, i) => sameStem(w, long[parts + i] ?? ''))) continue;
    if (clippedParts(word, long, parts)) return true;
  }
  return false;
}

// A loop, not Math.min(...list): a huge article must not overflow the argument stack.
const minPos = (ms: Mention[]): number => ms.reduce((min, m) => Math.min(min, m.pos), Infinity);

const titleCaseName = (lower: string): string => lower.replace(/(^|\s)\p{L}/gu, (s) => s.toUpperCase());

const add = (a: Cues, b: Cues): void => {
  a.person += b.person;
  a.organization += b.organization;
  a.place += b.place;
  if (b.support) a.support = (a.support ?? 0) + b.support;
};

const bestKind = (c: Cues): Kind | null => {
  const max = Math.max(c.person, c.organization, c.place);
  if (max < 1) return null;
  if (c.person === max) return 'person';
  if (c.organization === max) return 'organization';
  return 'place';
};

/** Prepositions before a website a text was posted on ("on", "en", "sur", "auf", "на"). */
const POSTED_ON = new Set(['on', 'via', 'en', 'sur', 'auf', 'на']);

/** Whether a one-word mention names a website where something was posted ("on Twitter", "Twitter-сторінці"). */
const postedOn = (doc: Doc, m: Mention): boolean => {
  if (m.last - m.first !== 1) return false;
  const tokens = doc.blocks[m.block]?.tokens;
  const t = tokens?.[m.first];
  if (!tokens || !t) return false;
  // A hyphenated compound with a lowercase word ("Twitter-сторінці", "Facebook-Seite" is capitalised in German, so only the former).
  if (/^[^-]+-\p{Ll}/u.test(t.text) && !/^\p{Lu}+-/u.test(t.text)) return true;
  let p = m.first - 1;
  if (tokens[p]?.lower === 'the') return false;
  if (tokens[p]?.lower === 'her' || tokens[p]?.lower === 'his' || tokens[p]?.lower === 'their' || tokens[p]?.lower === 'its') p--;
  const prev = tokens[p];
  return !!prev && prev.kind === 'word' && !prev.cap && POSTED_ON.has(prev.lower) && (t.caps ? false : t.cap);
};

/**
 * Whether a mention names a market index: its last word is a capitalised index head ("Dow Jones Industrial
 * Average", "Nasdaq Composite") or a lowercase "index" follows it, after a number if any ("the KOSPI index",
 * "the FTSE 100 index"). An index is neither a person nor a body.
 */
const marketIndex = (doc: Doc, m: Mention): boolean => {
  const tokens = doc.blocks[m.block]?.tokens;
  const end = tokens?.[m.last - 1];
  if (m.words.length >= 2 && end?.cap && !end.caps && INDEX_HEADS.has(end.lower)) return true;
  let k = m.last;
  if (tokens?.[k]?.kind === 'num') k++;
  const next = tokens?.[k];
  return !!next && next.kind === 'word' && !next.cap && INDEX_HEADS.has(next.lower) && next.lower !== 'average' && next.lower !== 'composite';
};

/** The new year's names in Spanish and French ("Año Nuevo", "Nouvel An"). */
const NEW_YEAR = new Set(['ano nuevo', 'nouvel an', 'bonne annee', 'feliz ano']);

/** "Feliz Año Nuevo", "Bonne Année", "Nouvel An": the new year, in Spanish and French, head first. */
const newYear = (m: Mention): boolean => {
  for (let i = 0; i + 1 < m.words.length; i++) if (NEW_YEAR.has(`${m.words[i]} ${m.words[i + 1]}`)) return true;
  return false;
};

/** Whether a mention is a time zone's abbreviation ("EDT", "GMT") or the name of a time or an occasion ("New Year"). */
const timeName = (m: Mention): boolean => {
  const last = (m.words[m.words.length - 1] ?? '').toLowerCase();
  if (m.words.length === 1) return TIME_ZONES.has(last) && m.caps[0] === true;
  if (newYear(m)) return true;
  return TIME_HEADS.has(last);
};

/** Whether `short` is `long` with one plural word in the singular ("dama de blanco", "damas de blanco"). */
const singularOf = (short: readonly string[], long: readonly string[]): boolean => {
  if (short.length !== long.length || short.length < 2) return false;
  let plural = 0;
  for (let i = 0; i < short.length; i++) {
    const s = short[i] ?? '';
    const l = long[i] ?? '';
    if (s === l) continue;
    if (s.length < 3 || !(l === `${s}s` || l === `${s}es`)) return false;
    plural++;
  }
  return plural === 1;
};

/** Longest alias read in parentheses after a body's name, in tokens. */
const MAX_ALIAS_TOKENS = 8;

/** A name in another language given in parentheses right after a body's name. */
interface Alias {
  /** Folded words, lowercase connectors included ("medecins sans frontieres"). */
  words: string[];
  /** Index of the group of the body's name. */
  owner: number;
}

/**
 * Names in parentheses right after a body's name that are not acronyms: two to eight words starting with a
 * capital, no punctuation inside ("Reporters Without Borders (Reporters sans Frontières)").
 */
function parenthesisedAliases(doc: Doc, mentions: Mention[], ownerOf: (m: Mention) => number): Alias[] {
  const out: Alias[] = [];
  for (const m of mentions) {
    const tokens = doc.blocks[m.block]?.tokens;
    if (!tokens || tokens[m.last]?.text !== '(' || m.words.length < 2) continue;
    const words: string[] = [];
    let k = m.last + 1;
    while (k < tokens.length && k - m.last <= MAX_ALIAS_TOKENS && tokens[k]?.kind === 'word') words.push(tokens[k++]?.fold ?? '');
    if (tokens[k]?.text !== ')' || words.length < 2 || !tokens[m.last + 1]?.cap || tokens[m.last + 1]?.caps) continue;
    const owner = ownerOf(m);
    if (owner >= 0) out.push({ words, owner });
  }
  return out;
}

/** English prepositions, which open no name ("Against", "Without", "Within"). */
const PREPOSITIONS = new Set([
  'against',
  'without',
  'within',
  'with',
  'for',
  'from',
  'into',
  'over',
  'under',
  'by',
  'of',
  'in',
  'on',
  'at',
  'to',
  'about',
  'after',
  'before',
  'between',
  'through',
  'across',
  'beyond',
]);

/** Words that coordinate two names; a person's name has none between its words. */
const NAME_COORDINATORS = new Set(['and', 'und', 'et', 'та', 'і']);

/**
 * Whether a mention cannot be a person's name: it opens with a function word that is no name particle ("editor In
 * chief", "Youth Against Settlements"), or joins two names with "and" ("Middle East and North Africa").
 */
const notPersonName = (m: Mention): boolean => {
  const first = m.words[0] ?? '';
  if ((flags(first) & FUNCTION || PREPOSITIONS.has(first)) && !NAME_CONNECTORS.has(first) && !m.caps[0]) return true;
  return m.words.length >= 3 && m.words.slice(1, -1).some((w) => NAME_COORDINATORS.has(w));
};

/** Groups mentions into entities. */
export function buildRegistry(doc: Doc, mentions: Mention[]): Registry {
  const groups = new Map<string, Mention[]>();
  const late: Mention[] = [];
  for (const m of mentions) {
    if (m.titleCase) {
      late.push(m);
      continue;
    }
    const list = groups.get(m.key);
    if (list) list.push(m);
    else groups.set(m.key, [m]);
  }

  interface Group {
    key: string;
    words: string[];
    names: string[];
    caps: boolean[];
    mentions: Mention[];
    cues: Cues;
    parent: number;
    index: number;
    firstPos: number;
  }
  const list: Group[] = [];
  for (const [key, ms] of groups) {
    const cues: Cues = { person: 0, organization: 0, place: 0 };
    for (const m of ms) add(cues, m.cues);
    const head = ms[0];
    if (!head) continue;
    list.push({ key, words: head.words, names: nameWords(head), caps: head.caps, mentions: ms, cues, parent: list.length, index: list.length, firstPos: minPos(ms) });
  }
  const root = (i: number): number => {
    let r = i;
    while (list[r] && list[r]?.parent !== r) r = list[r]?.parent ?? r;
    return r;
  };
  const isPersonish = (g: Group): boolean => g.cues.person > 0 && g.cues.person >= Math.max(g.cues.organization, g.cues.place);

  // "Apple" after "Apple Inc.", "Nordvik" after "Nordvik Systems": a company's first word alone is that company,
  // not the given name of someone whose name starts the same way.
  const companyFirstWords = new Map<string, Group>();
  for (const g of list) {
    if (g.words.length >= 2 && g.cues.organization > g.cues.person && g.words.slice(1).every((w) => LEGAL_SUFFIXES.has(w))) companyFirstWords.set(g.words[0] ?? '', g);
  }
  for (const g of list) {
    const company = g.words.length === 1 && g.cues.place < 3 ? companyFirstWords.get(g.words[0] ?? '') : undefined;
    if (company && company !== g) g.parent = company.index;
  }
  // Surnames and given names join the person introduced in full.
  const persons = list.filter((g) => g.names.length >= 2 && isPersonish(g));
  for (const g of list) {
    if (g.names.length === 0 || g.caps.every(Boolean)) continue;
    if (g.parent !== g.index) continue;
    if (!isPersonish(g) && (g.cues.organization >= 3 || g.cues.place >= 3)) continue;
    let best: Group | undefined;
    let bestScore = 0;
    for (const p of near(persons, (q) => q.index, g.index)) {
      // "Richard Guy", "Richard K. Guy" and "Richard Kenneth Guy": the same given name and surname, with the middle
      // names left out or cut to their initials.
      // "Daniel Alfaro" and "Daniel Alfaro Frías": Spanish and Portuguese names drop the second surname.
      const secondSurname = doc.profile === 'romance' && g.names.length >= 2 && p.names.length === g.names.length + 1 && g.names.every((w, i) => p.names[i] === w);
      // "Felipe Octavio" and "Felipe Octavio Correa Martínez": the given names alone, before two surnames.
      const givenNames = doc.profile === 'romance' && g.names.length >= 2 && p.names.length >= g.names.length + 2 && g.names.every((w, i) => p.names[i] === w);
      // "Denis Hernández" and then "Hernández Ramírez": the first surname and the second, without the given name.
      const bothSurnames =
        doc.profile === 'romance' &&
        g.names.length === 2 &&
        p.names.length === 2 &&
        g.names[0] === p.names[1] &&
        g.names[1] !== p.names[0] &&
        !(flags(g.names[0] ?? '') & FIRST_NAME) &&
        !g.mentions.some((m) => m.role) &&
        p.firstPos < g.firstPos;
      const middle = p !== g && g.names.length >= 2 && isPersonish(g) && (sameFirstAndLast(g.names, p.names) || secondSurname || givenNames || bothSurnames);
      if (p === g || (p.names.length <= g.names.length && !middle)) continue;
      let score = 0;
      if (isSuffix(g.names, p.names) || middle) score = 3;
      // "Оксана Гнатова", then "за словами Гнатової": a Cyrillic surname alone in another case.
      else if (doc.profile === 'cyrillic' && g.names.length === 1 && sameStem(g.names[0] ?? '', p.names.at(-1) ?? '')) score = 3;
      else if (g.names.length === 1 && p.names[0] === g.names[0]) score = 2;
      else if (g.names.length === 1 && p.names.includes(g.names[0] ?? '')) score = 1;
      if (score === 0) continue;
      // Prefer the person introduced most recently before this mention.
      const recency = p.firstPos <= g.firstPos ? 0.5 - (g.firstPos - p.firstPos) / POSITION_SCALE : 0;
      if (score + recency > bestScore) {
        bestScore = score + recency;
        best = p;
      }
    }
    if (best) g.parent = best.index;
  }

  // "Doctors Without Borders (Médecins Sans Frontières)": a body's name in another language, in parentheses right after
  // it, is an alias whose acronym ("MSF") names the same body.
  const groupOfKey = new Map(list.map((g) => [g.key, g] as const));
  const aliases = parenthesisedAliases(doc, mentions, (m) => {
    const g = groupOfKey.get(m.key);
    return g && !isPersonish(g) && g.cues.organization > g.cues.place ? g.index : -1;
  });

  // "una Dama de Blanco" of the "Damas de Blanco": one member of a group named in the plural is no person; the name is
  // the group's. Buckets by word count keep this linear in practice.
  const bodiesBySize = new Map<number, Group[]>();
  for (const g of list) {
    if (g.words.length < 2 || !(g.cues.organization > Math.max(g.cues.person, g.cues.place))) continue;
    const size = bodiesBySize.get(g.words.length);
    if (size) size.push(g);
    else bodiesBySize.set(g.words.length, [g]);
  }
  for (const g of list) {
    if (g.parent !== g.index || g.words.length < 2 || g.cues.person >= 3) continue;
    const bodies = bodiesBySize.get(g.words.length);
    const body = bodies && near(bodies, (o) => o.index, g.index).find((o) => o !== g && singularOf(g.words, o.words));
    if (body) g.parent = root(body.index);
  }

  // The alias itself, where it was read as a name, is the body too.
  for (const a of aliases) {
    const g = groupOfKey.get(a.words.join(' '));
    if (g && !isPersonish(g) && root(g.index) !== root(a.owner)) g.parent = root(a.owner);
  }

  // Acronyms join the name they abbreviate; "Indian Supreme Court" and "Supreme Court" are one body.
  // (Aliases come in the order they are read; only a hostile number of them is sorted by owner to be windowed.)
  const aliasesByOwner = aliases.length > 2 * MERGE_WINDOW ? [...aliases].sort((a, b) => a.owner - b.owner) : undefined;
  const aliasesNear = (index: number): readonly Alias[] => (aliasesByOwner ? near(aliasesByOwner, (a) => a.owner, index) : aliases);
  for (const g of list) {
    if (g.parent !== g.index || isPersonish(g)) continue;
    if (g.words.length === 1 && g.caps[0]) {
      const alias = aliasesNear(g.index).find((a) => abbreviates(g, a) && root(a.owner) !== root(g.index));
      if (alias) {
        g.parent = root(alias.owner);
        continue;
      }
    }
    for (const other of near(list, (o) => o.index, g.index)) {
      if (other === g || isPersonish(other) || root(other.index) === root(g.index)) continue;
      // "US and Ukrainian officials": a country's abbreviation abbreviates no body ("Ukrainian Service").
      const countryCode = g.words.length === 1 && g.cues.place > g.cues.organization;
      const clipped = !g.caps[0] && other.cues.organization > Math.max(other.cues.person, other.cues.place) && clippedCompound(g.words, other.words);
      if (!countryCode && (abbreviates(g, other) || translatedAcronym(g, other) || clipped)) {
        g.parent = root(other.index);
        break;
      }
      // "Barrier Reef" at a sentence start lost its "Great": the tail of a longer name is that name.
      // A name the gazetteer knows as a place ("У США" at a sentence start) is that place, not a tail.
      const knownPlace = g.cues.place >= 4 && g.cues.place > g.cues.organization;
      if (!knownPlace && g.mentions.every((m) => m.stripped) && other.words.length > g.words.length && isSuffix(g.words, other.words) && !isPersonish(other)) {
        g.parent = root(other.index);
        break;
      }
      // "the Patriots" and "New England Patriots", "the Times" and "New York Times": a body named by its place and a
      // name is known by the name alone.
      if (
        !knownPlace &&
        other.words.length > g.words.length &&
        isSuffix(g.words, other.words) &&
        other.cues.organization > Math.max(other.cues.person, other.cues.place) &&
        g.cues.person < 3 &&
        flags(other.words.slice(0, other.words.length - g.words.length).join(' ')) & ANY_PLACE
      ) {
        g.parent = root(other.index);
        break;
      }
      // "Nordvik" and "Nordvik Systems": a company named without its generic suffix.
      if (
        g.words.length === 1 &&
        other.words.length >= 2 &&
        other.words[0] === g.words[0] &&
        other.cues.organization > 0 &&
        g.cues.place < 3 &&
        other.words.slice(1).every((w) => ORG_HEADS.has(w) || ORG_HEADS.has(w.replace(/s$/, '')))
      ) {
        g.parent = root(other.index);
        break;
      }
      // "Генштабу" and "Генштаб ЗСУ": a Cyrillic body's first word alone, in any case, is that body.
      if (
        doc.profile === 'cyrillic' &&
        g.words.length === 1 &&
        other.words.length >= 2 &&
        other.cues.organization > Math.max(other.cues.person, other.cues.place) &&
        g.cues.person === 0 &&
        g.cues.place < 3 &&
        !g.caps[0] &&
        sameStem(g.words[0] ?? '', other.words[0] ?? '')
      ) {
        g.parent = root(other.index);
        break;
      }
      // "Національний банк" and "Національний банк України": a body named without the country it belongs to.
      if (
        doc.profile === 'cyrillic' &&
        g.words.length >= 2 &&
        other.words.length === g.words.length + 1 &&
        other.cues.organization > 0 &&
        g.cues.organization > 0 &&
        g.words.every((w, i) => other.words[i] === w) &&
        (isCyrillicPlace((other.mentions[0]?.display.split(' ')[g.words.length] ?? '').toLowerCase()) || other.caps[g.words.length])
      ) {
        g.parent = root(other.index);
        break;
      }
      // "Freie Wähler" and "Freie Wähler Hessen", "Green Party" and "Green Party Ontario": a body named without the
      // region or country of its branch.
      if (
        doc.profile !== 'cyrillic' &&
        g.words.length >= 2 &&
        other.words.length === g.words.length + 1 &&
        other.cues.organization > Math.max(other.cues.person, other.cues.place) &&
        g.cues.organization > Math.max(g.cues.person, g.cues.place) &&
        g.words.every((w, i) => other.words[i] === w) &&
        ((flags(other.words[g.words.length] ?? '') & ANY_PLACE) !== 0 || FOREIGN_PLACE_NAMES.has(other.words[g.words.length] ?? ''))
      ) {
        g.parent = root(other.index);
        break;
      }
      // "la Policía de Nicaragua" … "la Policía Nacional": one country's body, named by its country and as the national one.
      if (
        g.words.length === 2 &&
        other.words.length === 3 &&
        other.words[0] === g.words[0] &&
        GENERIC_BODY_NOUNS.has(g.words[0] ?? '') &&
        NATIONAL_WORDS.has(g.words[1] ?? '') &&
        (other.words[1] === 'de' || other.words[1] === 'of') &&
        other.cues.organization > 0
      ) {
        g.parent = root(other.index);
        break;
      }
      if (other.words.length === g.words.length + 1 && other.cues.organization > 0 && g.words.every((w, i) => other.words[i + 1] === w) && isDemonym(other.words[0] ?? '')) {
        g.parent = root(other.index);
        break;
      }
    }
  }

  // Cyrillic names inflect: "Ігоря Терехова" (genitive) is "Ігор Терехов". Forms whose words differ only
  // in their endings are one entity; buckets by the first letters keep this linear in practice.
  if (doc.profile === 'cyrillic') {
    const buckets = new Map<string, Group[]>();
    for (const g of list) {
      const bucket = `${g.words.length}:${(g.words[0] ?? '').slice(0, 3)}`;
      const members = buckets.get(bucket);
      if (members) members.push(g);
      else buckets.set(bucket, [g]);
    }
    for (const members of buckets.values()) {
      for (let i = 1; i < members.length && i < INFLECTION_BUCKET_LIMIT; i++) {
        const g = members[i];
        if (!g) continue;
        for (let j = 0; j < i; j++) {
          const o = members[j];
          if (!o || root(o.index) === root(g.index) || !g.words.every((w, k) => sameStem(w, o.words[k] ?? ''))) continue;
          const gr = list[root(g.index)];
          if (gr) gr.parent = root(o.index);
          break;
        }
      }
    }
  }

  // "Sozialliberale Union (USL)": an acronym in parentheses right after a body's name is that body.
  const byKeyGroup = new Map(list.map((g) => [g.key, g] as const));
  const starts = new Map<string, Mention>();
  for (const m of mentions) starts.set(`${m.block}:${m.last}`, m);
  for (const m of mentions) {
    if (m.words.length !== 1) continue;
    const tokens = doc.blocks[m.block]?.tokens;
    // "la Unión Patriótica de Cuba, UNPACU.": an acronym set off by a comma right after a body's name, ending the
    // clause, that starts with the name's first letter, is that body too.
    if (tokens?.[m.first - 1]?.text === ',' && m.caps.every(Boolean) && (tokens[m.last] === undefined || tokens[m.last]?.kind === 'punct')) {
      const owner = starts.get(`${m.block}:${m.first - 1}`);
      const g = byKeyGroup.get(m.key);
      const o = owner ? byKeyGroup.get(owner.key) : undefined;
      if (
        owner &&
        g &&
        o &&
        g !== o &&
        owner.words.length >= 2 &&
        owner.words[0]?.[0] === m.words[0]?.[0] &&
        !isPersonish(o) &&
        o.cues.organization > o.cues.place &&
        root(g.index) !== root(o.index)
      ) {
        const gr = list[root(g.index)];
        if (gr) gr.parent = root(o.index);
      }
      continue;
    }
    if (tokens?.[m.first - 1]?.text !== '(' || tokens[m.last]?.text !== ')') continue;
    const owner = starts.get(`${m.block}:${m.first - 1}`);
    // "Alto Comisionado … para los Derechos Humanos (Acnudh)": a word not in capitals counts when it spells the initials.
    if (!m.caps.every(Boolean) && !(owner && expandedAcronym(tokens, owner.first, owner.last))) continue;
    const g = byKeyGroup.get(m.key);
    const o = owner ? byKeyGroup.get(owner.key) : undefined;
    if (!g || !o || g === o || isPersonish(o) || root(g.index) === root(o.index)) continue;
    // "KYIV (AP) —", "MADRID (EFE).-": an agency after a dateline's place is who filed the story, not the place's acronym.
    if (o.cues.place > o.cues.organization && !abbreviates(g, o)) continue;
    const gr = list[root(g.index)];
    if (gr) gr.parent = root(o.index);
  }

  // Collect groups into clusters.
  const byRoot = new Map<number, Group[]>();
  list.forEach((g, i) => {
    const r = root(i);
    const members = byRoot.get(r);
    if (members) members.push(g);
    else byRoot.set(r, [g]);
  });

  const clusters: Cluster[] = [];
  for (const [r, members] of byRoot) {
    const main = list[r];
    if (!main) continue;
    const ms = members.length === 1 ? main.mentions : members.flatMap((g) => g.mentions).sort((a, b) => a.pos - b.pos);
    // A lone capitalised word at a sentence start, with nothing else behind it, is just a capital letter.
    if (members.length === 1 && ms.every((m) => m.weak)) continue;
    const cues: Cues = { person: 0, organization: 0, place: 0 };
    for (const g of members) add(cues, g.cues);
    // Evidence that only confirms a body ("the curator of the Jazz Bowl", a quoted title) names none alone.
    if (cues.support && cues.organization <= cues.support) cues.organization = 0;
    // Being referred to by the last name alone ("Sabalenka" after "Aryna Sabalenka") is what people are.
    if (main.names.length >= 2 && members.some((g) => g !== main && g.names.length === 1 && g.names[0] === main.names[main.names.length - 1])) cues.person += 1;
    const roles = ms.filter((m) => m.role).map((m) => ({ role: m.role as Role, pos: m.pos }));
    const body = ms.filter((m) => doc.blocks[m.block]?.kind === 'paragraph');
    // A name only in the headline ("… as AI spending rises") needs more than an acronym's evidence.
    // "on Twitter", "en Facebook", "Twitter-сторінка": a name only ever used as the place where something was
    // posted is a website, which is neither a body nor a place of the story.
    const best = bestKind(cues);
    const website = best === 'organization' && body.length > 0 && body.every((m) => postedOn(doc, m));
    // A market index ("the Dow Jones index") is a figure, not a body; a time zone ("EDT") or a time's name
    // ("New Year", "Independence Day") is neither a body nor a place.
    const figure = body.some((m) => marketIndex(doc, m));
    const time = best !== 'person' ? ms.every(timeName) : ms.every((m) => (m.words.length === 1 && timeName(m)) || newYear(m));
    // Words that cannot make a person's name are no person, whatever a role before them said.
    const unnamed = best === 'person' && ms.every(notPersonName);
    const kind = website || figure || time || unnamed ? null : best;
    const headlineOnly = body.length === 0;
    clusters.push({
      id: clusters.length,
      mentions: ms,
      cues,
      kind: headlineOnly && Math.max(cues.person, cues.organization, cues.place) < 3 ? null : kind,
      name: '',
      roles,
      firstPos: body.length ? minPos(body) : HEADLINE_ONLY + minPos(ms),
      inTitle: false,
      inHeading: false,
      cited: false,
    });
  }

  // Headline-style blocks only add mentions of entities found elsewhere.
  const byKey = new Map<string, Cluster>();
  for (const c of clusters) {
    for (const m of c.mentions) if (!byKey.has(m.key)) byKey.set(m.key, c);
  }
  for (const m of late) {
    const c = byKey.get(m.key);
    if (c) c.mentions.push(m);
  }

  const tokenCluster = doc.blocks.map((b) => new Int32Array(b.tokens.length).fill(-1));
  const tokenMention: (Mention | undefined)[][] = doc.blocks.map((b) => new Array<Mention | undefined>(b.tokens.length));
  for (const c of clusters) {
    for (const m of c.mentions) {
      const kind = doc.blocks[m.block]?.kind;
      if (kind === 'title') c.inTitle = true;
      if (kind === 'heading') c.inHeading = true;
      const tc = tokenCluster[m.block];
      const tm = tokenMention[m.block];
      if (!tc || !tm) continue;
      for (let k = m.first; k < m.last; k++) {
        tc[k] = c.id;
        tm[k] = m;
      }
    }
  }
  const registry: Registry = { clusters, tokenCluster, tokenMention };
  for (const c of clusters) nameCluster(c, doc.blocks);
  return registry;
}

/**
 * Picks the fullest written name of an entity; with the blocks it was read from, a Ukrainian person or
 * place written only in another case is named in the nominative.
 */
export function nameCluster(c: Cluster, blocks?: readonly Block[]): void {
  let best: Mention | undefined;
  let bestScore = -Infinity;
  // Cyrillic names inflect: among forms of one length, the one written most often, then the shortest (the
  // nominative of a masculine noun, "Голос" before "Голосу"), is the name.
  const cyrillic = c.mentions.some((m) => /^[\u0400-\u04ff]/u.test(m.display));
  const counts = new Map<string, number>();
  if (cyrillic) for (const m of c.mentions) counts.set(m.display, (counts.get(m.display) ?? 0) + 1);
  for (const m of c.mentions) {
    const allCaps = m.caps.every(Boolean);
    const words = m.words.length;
    let score = words * 10 - (allCaps ? 15 : 0) - (m.titleCase ? 1 : 0) - m.pos / POSITION_SCALE;
    if (cyrillic) score += (counts.get(m.display) ?? 0) * 0.5 - m.display.length * 0.01;
    // "Європа" and "Європи": a feminine noun's nominative in "-а"/"-я" before its genitive in "-и"/"-і", however often each is written.
    if (cyrillic && words === 1 && /[ая]$/u.test(m.display) && (counts.has(`${m.display.slice(0, -1)}и`) || counts.has(`${m.display.slice(0, -1)}і`))) score += 1;
    if (c.kind === 'place' && allCaps && words === 1 && m.display.length <= 4) score += 20;
    if (score > bestScore) {
      bestScore = score;
      best = m;
    }
  }
  c.name = best?.display ?? '';
  if (!cyrillic || !best) return;
  // "у Києві", "до Одеси": a place written only in another case is named by its nominative, when the gazetteer knows it.
  if (c.kind === 'place' && best.words.length === 1) {
    const nominative = cyrillicPlaceNominative(best.display.toLowerCase().replace(/[’ʼ]/gu, "'"));
    if (nominative !== null) c.name = casedLike(nominative, best.display);
  }
  // "за словами Андрія Коваленка": a person written only in another case, in the nominative (see cyrillic-names.ts).
  if (c.kind === 'person' && blocks) {
    const marked = markedGender(c, blocks, 'cyrillic');
    c.name = cyrillicPersonNominative(best.display.split(' '), marked === 'f' ? 'feminine' : marked === 'm' ? 'masculine' : null) ?? c.name;
  }
}

/** Expands a person known only by a surname to the unique well-known full name, when there is one. */
export function expandSurnames(registry: Registry): void {
  const taken = new Set(registry.clusters.map((c) => c.name.toLowerCase()));
  for (const c of registry.clusters) {
    if (c.kind !== 'person' || c.name.includes(' ') || c.name.length < 3 || TITLE_WORDS.has(c.name.toLowerCase())) continue;
    if (c.name === c.name.toUpperCase()) continue;
    // "President Obama": an office holder named by title and surname is a public figure the list of popular articles
    // may know only a relative of; the surname stays as written.
    if (c.roles.some((r) => TITLE_WORDS.has(r.role.head))) continue;
    // A word the lexicon knows as a given name and no family name ("la reine Elizabeth": not Shannon Elizabeth), or as
    // a place ("a Milano": not Alyssa Milano), names no one by a surname: it stays as written.
    const known = flags(foldKey(c.name));
    if ((known & FIRST_NAME && !(known & LAST_NAME)) || known & ANY_PLACE) continue;
    const full = wikipediaPersonBySurname(c.name.toLowerCase());
    if (full && !taken.has(full)) {
      c.name = titleCaseName(full);
      taken.add(full);
    }
  }
}

/** The entity a token belongs to. */
export function clusterAt(registry: Registry, block: number, token: number): Cluster | undefined {
  const id = registry.tokenCluster[block]?.[token] ?? -1;
  return id >= 0 ? registry.clusters[id] : undefined;
}
