/**
 * Word knowledge from compromise's lexicon and from compromise-wikipedia's list of popular Wikipedia
 * article titles (the 21k shaped like a person's name), generated at build time into our own data module (`lexicon-data.ts`, see
 * scripts/generate-data.mjs); neither package is needed at run time. The lexicon is built lazily on first
 * use, because `analyzeArticle` is synchronous and most programs importing the library never analyse
 * anything.
 *
 * The data stays in efrt's packed trie format, read by a small reader of that format (checked against
 * efrt's own `unpack` in the tests) that parses in one pass without substrings: the Wikipedia titles are
 * queried in place (unpacking all of them would cost ~200 ms).
 */
import { LEXICON_EXTRAS, LEXICON_PACKED, WIKIPEDIA_TITLES_PACKED } from './lexicon-data.js';

/** Lexicon flag: a given name ("gerry", "maria"). */
export const FIRST_NAME = 1 << 0;
/** Lexicon flag: a family name ("putin", "smith"). */
export const LAST_NAME = 1 << 1;
/** Lexicon flag: a well-known person ("barack obama"). */
export const PERSON = 1 << 2;
/** Lexicon flag: a noun for a person's role ("president", "farmer"). */
export const ACTOR = 1 << 3;
/** Lexicon flag: a country. */
export const COUNTRY = 1 << 4;
/** Lexicon flag: a city. */
export const CITY = 1 << 5;
/** Lexicon flag: a region, state or province. */
export const REGION = 1 << 6;
/** Lexicon flag: another named place (continent, river, landmark). */
export const PLACE = 1 << 7;
/** Lexicon flag: an organisation or sports team. */
export const ORGANIZATION = 1 << 8;
/** Lexicon flag: a nationality adjective ("russian"). */
export const DEMONYM = 1 << 9;
/** Lexicon flag: a date word (month, weekday, holiday). */
export const DATE = 1 << 10;
/** Lexicon flag: a function word (determiner, preposition, pronoun, conjunction, modal…). */
export const FUNCTION = 1 << 11;
/** Lexicon flag: another common word (noun, verb, adjective, adverb…). */
export const COMMON = 1 << 12;
/** Lexicon flag: an honorific ("director general"). */
export const HONORIFIC = 1 << 13;

/** Lexicon flag: a woman's given name ("maria", "kate"). */
export const FEMALE_NAME = 1 << 14;
/** Lexicon flag: a man's given name ("john", "pablo"). */
export const MALE_NAME = 1 << 15;

/** Any place flag. */
export const ANY_PLACE = COUNTRY | CITY | REGION | PLACE;
/** Any flag that can start a person's name. */
export const NAME_LIKE = FIRST_NAME | LAST_NAME | PERSON;

const TAG_FLAGS: Record<string, number> = {
  FirstName: FIRST_NAME,
  MaleName: FIRST_NAME | MALE_NAME,
  FemaleName: FIRST_NAME | FEMALE_NAME,
  LastName: LAST_NAME,
  Person: PERSON,
  Actor: ACTOR,
  Country: COUNTRY,
  City: CITY,
  Region: REGION,
  Place: PLACE,
  Organization: ORGANIZATION,
  SportsTeam: ORGANIZATION,
  Demonym: DEMONYM,
  Month: DATE,
  WeekDay: DATE,
  Date: DATE,
  Holiday: DATE,
  Duration: DATE,
  Determiner: FUNCTION,
  Preposition: FUNCTION,
  Conjunction: FUNCTION,
  Pronoun: FUNCTION,
  Possessive: FUNCTION,
  QuestionWord: FUNCTION,
  Modal: FUNCTION,
  Copula: FUNCTION,
  Negative: FUNCTION,
  Reflexive: FUNCTION,
  Condition: FUNCTION,
  Honorific: HONORIFIC,
};

const tagFlags = (tag: string): number => {
  let flags = 0;
  const parts = tag.split('|');
  // "Person|Verb", "Person|Noun": given names that are also common words ("mark", "rose", "bill").
  if (parts.length > 1 && parts.includes('Person')) flags |= FIRST_NAME;
  for (const part of parts) {
    // Tags that name no entity class (Noun, Verb, Adjective, Gerund, Plural…) all mean "a common word".
    flags |= TAG_FLAGS[part] ?? (part === 'ProperNoun' || part === 'Abbreviation' ? 0 : COMMON);
  }
  return flags;
};

interface Lexicon {
  words: Map<string, number>;
  /** The most words in any multi-word entry, to bound phrase look-ups. */
  maxWords: number;
  firstNames: string[];
}

const isPlainKey = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || c === 32 || c === 39 || (c >= 48 && c <= 57))) return false;
  }
  return true;
};

const addWord = (words: Map<string, number>, word: string, flags: number): void => {
  const key = isPlainKey(word) ? word : foldKey(word);
  if (key) words.set(key, (words.get(key) ?? 0) | flags);
};

// ---- entity additions: gaps of the generated lexicon that entity recognition needs ----

/** "Britain" alone is missing from the lexicon (it has "Great Britain"), and so are former states ("the Soviet Union"). */
const EXTRA_COUNTRIES = ['britain', 'soviet union', 'ussr', 'yugoslavia', 'czechoslovakia', 'east germany', 'west germany'];

/**
 * Common Ukrainian and Russian given names in their usual English transliterations (national and
 * BGN/PCGN spellings), which the English-centred lexicon lacks ("Vitaliy Kim said").
 */
const EXTRA_GIVEN_NAMES = `
  oleksandr oleksiy oleksii andriy andrii anatoliy anatolii bohdan borys vadym valeriy valerii vasyl viktor
  vitaliy vitalii volodymyr vyacheslav viacheslav hennadiy hennadii heorhiy heorhii hryhoriy hryhorii danylo
  dmytro yevhen yevgeny yevgeniy ihor illia yosyp kyrylo kostiantyn kostyantyn leonid maksym mykola mykhailo
  mykhaylo nazar oleh ostap pavlo petro ruslan serhiy serhii stanislav stepan taras tymofiy fedir yuriy yurii
  yaroslav olena olha oksana iryna nataliya nataliia tetiana tetyana svitlana liudmyla lyudmyla halyna hanna
  yuliia yuliya kateryna viktoriya viktoriia nadiya lesya larysa solomiya khrystyna daryna alina ulyana yaryna
  myroslava dmitry dmitri sergei sergey vladimir alexei alexey yevgenia yekaterina anastasiya anastasiia
`
  .split(/\s+/)
  .filter(Boolean);

const addEntityAdditions = (words: Map<string, number>): void => {
  for (const w of EXTRA_COUNTRIES) addWord(words, w, COUNTRY);
  for (const w of EXTRA_GIVEN_NAMES) addWord(words, w, FIRST_NAME);
};

// ---- end of entity additions ----

const buildLexicon = (): Lexicon => {
  const words = new Map<string, number>();
  for (const [tag, packed] of Object.entries(LEXICON_PACKED)) {
    const flags = tagFlags(tag);
    new EfrtTrie(packed).forEach((word) => addWord(words, word, flags));
  }
  for (const [word, tags] of Object.entries(LEXICON_EXTRAS)) {
    for (const tag of tags) addWord(words, word, tagFlags(tag));
  }
  addEntityAdditions(words);
  let maxWords = 1;
  const firstNames: string[] = [];
  for (const [word, flags] of words) {
    if (word.includes(' ')) maxWords = Math.max(maxWords, word.split(' ').length);
    else if (flags & FIRST_NAME) firstNames.push(word);
  }
  return { words, maxWords: Math.min(maxWords, 5), firstNames };
};

let lexicon: Lexicon | undefined;
const getLexicon = (): Lexicon => (lexicon ??= buildLexicon());

/** Lowercases, removes diacritics and unifies apostrophes and hyphens, as lexicon keys are written. */
export function foldKey(text: string): string {
  let s = text.toLowerCase();
  // Only pay for Unicode decomposition when there is something to decompose.
  // Ukrainian writes its apostrophe as U+02BC ("Мінʼюст") as often as "'" or "’": all three are one.
  if (/[^\u0000-\u007f]/.test(s))
    s = s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[’‘`\u02bc]/g, "'");
  return s.replace(/[-‐‑]/g, ' ');
}

/** The lexicon flags of a folded word or phrase (0 when unknown). */
export function lexFlags(key: string): number {
  return getLexicon().words.get(key) ?? 0;
}

/** The whole lexicon, folded word or phrase → flags (for hot loops). */
export function lexWords(): ReadonlyMap<string, number> {
  return getLexicon().words;
}

/** The most words in a multi-word lexicon entry. */
export function lexMaxWords(): number {
  return getLexicon().maxWords;
}

/** Forces the lexicon to load (for warm-up and measurement). */
export function warmLexicon(): void {
  getLexicon();
  getAnchors();
}

// ---------------------------------------------------------------------------------------------------------
// Wikipedia titles

/** Decodes efrt's base-36 reference numbers, whose numbering skips all shorter codes first. */
const fromAlphaCode = (s: string, from: number, to: number): number => {
  let n = 0;
  let places = 1;
  let range = 36;
  for (; places < to - from; n += range, places++, range *= 36);
  let pow = 1;
  for (let i = to - 1; i >= from; i--, pow *= 36) {
    let d = s.charCodeAt(i) - 48;
    if (d > 10) d -= 7;
    n += d * pow;
  }
  return n;
};

const isRefChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90);

/** A position in the trie after some prefix: a node, or `matched` characters into one of its edges. */
interface TrieAnchor {
  node: number;
  edge: number;
  matched: number;
}

/**
 * Reads efrt's packed trie format in place (with the same result as efrt's `unpack`, which the tests
 * check). One pass records where each node's edges lie in the packed string, so a look-up compares
 * characters without allocating.
 */
export class EfrtTrie {
  private readonly text: string;
  private readonly firstEdge: Int32Array;
  private readonly terminal: Uint8Array;
  private readonly edgeStart: Int32Array;
  private readonly edgeEnd: Int32Array;
  private readonly edgeTarget: Int32Array;

  constructor(packed: string) {
    const text = packed.slice(packed.indexOf('¦') + 1);
    this.text = text;
    // Leading "A:B;" entries map short reference codes to far nodes.
    const symbols: number[] = [];
    let pos = 0;
    for (;;) {
      const semi = text.indexOf(';', pos);
      const colon = text.indexOf(':', pos);
      if (colon < 0 || semi < 0 || colon > semi) break;
      let ok = colon > pos;
      for (let i = pos; i < semi && ok; i++) ok = i === colon || isRefChar(text.charCodeAt(i));
      if (!ok) break;
      symbols[fromAlphaCode(text, pos, colon)] = fromAlphaCode(text, colon + 1, semi);
      pos = semi + 1;
    }
    const symbolCount = symbols.length;
    let nodes = 1;
    let commas = 0;
    for (let i = pos; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 59) nodes++;
      else if (c === 44 || isRefChar(c)) commas++;
    }
    this.firstEdge = new Int32Array(nodes + 1);
    this.terminal = new Uint8Array(nodes);
    const maxEdges = commas + nodes;
    this.edgeStart = new Int32Array(maxEdges);
    this.edgeEnd = new Int32Array(maxEdges);
    this.edgeTarget = new Int32Array(maxEdges);
    let node = 0;
    let edges = 0;
    let i = pos;
    while (node < nodes) {
      this.firstEdge[node] = edges;
      if (text.charCodeAt(i) === 33) {
        this.terminal[node] = 1;
        i++;
      }
      while (i < text.length && text.charCodeAt(i) !== 59) {
        const strStart = i;
        while (i < text.length && !isRefChar(text.charCodeAt(i)) && text.charCodeAt(i) !== 44 && text.charCodeAt(i) !== 59) i++;
        const strEnd = i;
        const refStart = i;
        while (i < text.length && isRefChar(text.charCodeAt(i))) i++;
        const refEnd = i;
        if (text.charCodeAt(i) === 44) i++;
        if (strEnd === strStart) continue;
        this.edgeStart[edges] = strStart;
        this.edgeEnd[edges] = strEnd;
        if (refEnd === refStart) {
          this.edgeTarget[edges] = -1;
        } else {
          const d = fromAlphaCode(text, refStart, refEnd);
          this.edgeTarget[edges] = d < symbolCount ? (symbols[d] ?? -1) : node + d + 1 - symbolCount;
        }
        edges++;
      }
      i++;
      node++;
    }
    this.firstEdge[nodes] = edges;
  }

  /** Follows `word` from `start`; returns where it ends, or null if it leaves the trie. */
  private follow(start: TrieAnchor, word: string): TrieAnchor | null {
    const t = this.text;
    let { node, edge, matched } = start;
    let p = 0;
    while (p < word.length) {
      if (edge < 0) {
        const c = word.charCodeAt(p);
        const last = this.firstEdge[node + 1] ?? 0;
        edge = -1;
        // Edges leaving one node start with distinct characters, so at most one can match.
        for (let e = this.firstEdge[node] ?? 0; e < last; e++) {
          if (t.charCodeAt(this.edgeStart[e] ?? 0) === c) {
            edge = e;
            break;
          }
        }
        if (edge < 0) return null;
        matched = 0;
      }
      const from = this.edgeStart[edge] ?? 0;
      const length = (this.edgeEnd[edge] ?? 0) - from;
      while (matched < length && p < word.length) {
        if (t.charCodeAt(from + matched) !== word.charCodeAt(p)) return null;
        matched++;
        p++;
      }
      if (matched === length) {
        const target = this.edgeTarget[edge] ?? -1;
        if (target < 0) return p === word.length ? { node, edge, matched } : null;
        node = target;
        edge = -1;
        matched = 0;
      }
    }
    return { node, edge, matched };
  }

  private ends(at: TrieAnchor | null): boolean {
    if (!at) return false;
    if (at.edge < 0) return this.terminal[at.node] === 1;
    const length = (this.edgeEnd[at.edge] ?? 0) - (this.edgeStart[at.edge] ?? 0);
    return at.matched === length && (this.edgeTarget[at.edge] ?? -1) < 0;
  }

  /** Calls `visit` with every word in the trie. */
  forEach(visit: (word: string) => void): void {
    const t = this.text;
    const crawl = (node: number, prefix: string, depth: number): void => {
      if (depth > 100) return;
      if (this.terminal[node] === 1 && prefix) visit(prefix);
      const last = this.firstEdge[node + 1] ?? 0;
      for (let e = this.firstEdge[node] ?? 0; e < last; e++) {
        const word = prefix + t.slice(this.edgeStart[e] ?? 0, this.edgeEnd[e] ?? 0);
        const target = this.edgeTarget[e] ?? -1;
        if (target < 0) visit(word);
        else crawl(target, word, depth + 1);
      }
    };
    crawl(0, '', 0);
  }

  /** Where the walk for `prefix` ends, or null when no word starts with it. */
  anchor(prefix: string): TrieAnchor | null {
    return this.follow({ node: 0, edge: -1, matched: 0 }, prefix);
  }

  /** Whether the word continuing from an anchor with `rest` is in the trie. */
  hasFrom(anchor: TrieAnchor, rest: string): boolean {
    return this.ends(this.follow(anchor, rest));
  }

  /** Whether the word is in the trie. */
  has(word: string): boolean {
    return this.ends(this.follow({ node: 0, edge: -1, matched: 0 }, word));
  }
}

let wikiTrie: EfrtTrie | undefined;
const getWikiTrie = (): EfrtTrie => (wikiTrie ??= new EfrtTrie(WIKIPEDIA_TITLES_PACKED));

interface GivenNameAnchor {
  name: string;
  /** Where "<name> " ends in the packed titles. */
  anchor: TrieAnchor;
}

let givenNameAnchors: GivenNameAnchor[] | undefined;

/**
 * Walks "<given name> " once for every given name the lexicon knows (keeping those some title starts
 * with), so that looking up a surname only has to walk the surname from each of those places.
 */
const getAnchors = (): GivenNameAnchor[] => {
  if (givenNameAnchors) return givenNameAnchors;
  const trie = getWikiTrie();
  const anchors: GivenNameAnchor[] = [];
  for (const name of getLexicon().firstNames) {
    const anchor = trie.anchor(`${name} `);
    if (anchor) anchors.push({ name, anchor });
  }
  return (givenNameAnchors = anchors);
};

const surnameCache = new Map<string, string[]>();

/**
 * Popular Wikipedia articles titled "<given name> <surname>" for a lowercase surname, as lowercase titles
 * (at most two: enough to tell "none", "exactly one" and "several").
 */
export function wikipediaPeopleBySurname(surname: string): string[] {
  const cached = surnameCache.get(surname);
  if (cached !== undefined) return cached;
  const found: string[] = [];
  if (surname.length >= 3 && !surname.includes(' ')) {
    const trie = getWikiTrie();
    for (const { name, anchor } of getAnchors()) {
      if (trie.hasFrom(anchor, surname)) {
        found.push(`${name} ${surname}`);
        if (found.length > 1) break;
      }
    }
  }
  if (surnameCache.size > 10_000) surnameCache.clear();
  surnameCache.set(surname, found);
  return found;
}

/** The unique popular Wikipedia article titled "<given name> <surname>", or null when there is none or several. */
export function wikipediaPersonBySurname(surname: string): string | null {
  const found = wikipediaPeopleBySurname(surname);
  return found.length === 1 ? (found[0] ?? null) : null;
}
