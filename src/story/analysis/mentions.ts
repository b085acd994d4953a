import { withoutTrailing } from '../../white-space.js';
/**
 * Finds name mentions: runs of capitalised words, cut into the organisation, role and person they combine
 * ("NATO Parliamentary Assembly President Gerry Connolly"), each with the evidence for what it names.
 */
import { readsWords, type Block, type Doc, type Profile } from './document.js';
import {
  ANY_PLACE,
  COMMON,
  CITY,
  COUNTRY,
  DATE,
  DEMONYM,
  FIRST_NAME,
  FUNCTION,
  LAST_NAME,
  NAME_LIKE,
  ORGANIZATION,
  PERSON,
  PLACE,
  REGION,
  wikipediaPeopleBySurname,
  foldKey,
  lexMaxWords,
} from './lexicon.js';
import { COMPASS_POINTS, rawSpans } from './spans.js';
import type { Token } from './tokens.js';
import { flags, isAcronym, isCommonWord, isCyrillicGivenName, isDemonym, isOrgDescriptor, isOrgHead, isRoleNoun } from './wordclass.js';
import {
  CELESTIAL_BODIES,
  COUNTRY_ABBREVIATIONS,
  CYRILLIC_EVENT_WORDS,
  CYRILLIC_PLACE_NAMES,
  CYRILLIC_PLACE_STEM_NOMINATIVES,
  DIRECTION_WORDS,
  EVENT_FIRST,
  EVENT_HEADS,
  FOREIGN_FUNCTION_WORDS,
  FOREIGN_LEADING_WORDS,
  FOREIGN_ORG_FIRST,
  FOREIGN_PLACE_NAMES,
  FOREIGN_PLACE_NOUNS,
  GENERIC_BODY_NOUNS,
  GERMAN_BARE_NOUNS,
  GERMAN_ORG_DESCRIPTOR_HEADS,
  INTERNATIONAL_HEADS,
  NON_ENTITY_WORDS,
  LEADING_FUNCTION_WORDS,
  MONTHS,
  NAME_CONNECTORS,
  ORG_DESCRIPTORS,
  ORG_FIRST,
  ORG_HEADS,
  ORG_FIRST_OF,
  PLACE_FIRST,
  PLACE_HEADS,
  PLACE_NOUNS,
  PHRASE_STOPS,
  PLACE_PREPOSITIONS,
  PRESS_WORDS,
  PORTFOLIO_WORDS,
  REPORT_VERBS,
  ROMAN_NUMERALS,
  ROMANCE_ORG_DESCRIPTORS,
  ROMANCE_PLACE_FIRST,
  SOURCE_LEADS_CYRILLIC,
  SPEECH_VERBS,
  STAFF_NOUNS,
  STATEMENT_NOUNS,
  TITLE_WORDS,
  WEEKDAYS,
} from './words.js';

const PERSON_NOUNS = new Set(['man', 'woman', 'men', 'women', 'people', 'boy', 'girl', 'child', 'children', 'resident', 'residents', 'native', 'natives']);

const FOREIGN_DEFINITE_ARTICLES = new Set(['el', 'la', 'los', 'las', 'le', 'les', 'il', 'lo', 'gli', 'i', 'o', 'os', 'a', 'as', "l'", 'l’', 'del', 'des', 'du', 'au', 'aux']);

const COMPASS =
  /^(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:-(?:north|south|east|west|northeast|northwest|southeast|southwest))?$|(?:^|-)(?:north|south|east|west)(?:east|west)?$/u;

const GERMAN_ARTICLES = new Set(['der', 'die', 'das', 'den', 'dem', 'des']);

const NAME_CONNECTORS_AND_OF = new Set([...NAME_CONNECTORS, 'of', 'for']);

/** What an entity is. */
export type Kind = 'person' | 'organization' | 'place';

/** Evidence for each kind; the largest sum over a name's mentions wins. */
export interface Cues {
  person: number;
  organization: number;
  place: number;
  /**
   * The part of `organization` from evidence that only confirms a body named by other evidence: the name of an
   * employer ("the curator of the Jazz Bowl"), a name in quotation marks (titles of works are quoted as often).
   */
  support?: number;
}

/** A role a person is introduced with ("NATO Parliamentary Assembly President"). */
export interface Role {
  /** Folded words of the role and its modifiers. */
  words: string[];
  /** The role noun itself ("president"). */
  head: string;
}

/** One mention of a name. */
export interface Mention {
  /** Index of the block in the document. */
  block: number;
  /** First token. */
  first: number;
  /** Token after the last. */
  last: number;
  /** The name as written. */
  display: string;
  /** Folded words joined by spaces. */
  key: string;
  /** Folded words. */
  words: string[];
  /** Which words are written in capitals (acronyms). */
  caps: boolean[];
  /** Evidence. */
  cues: Cues;
  /** Role the mention introduces a person with. */
  role: Role | null;
  /** A lone unknown word at a sentence start: kept only if something else backs it. */
  weak: boolean;
  /** Position in reading order. */
  pos: number;
  /** In a headline-style block, where only names known from elsewhere count. */
  titleCase: boolean;
  /** Introduced by a locative preposition ("in X"), which coordinated names share ("in X and Y"). */
  prep: boolean;
  /** Inside a quotation. */
  inQuote: boolean;
  /** A sentence-initial word was removed from its start, so it may be the tail of a longer name. */
  stripped: boolean;
}

/** How far apart blocks are in {@link position} (more tokens than any block has). */
export const POSITION_STRIDE = 1_000_000;

/** Position of a token in reading order across blocks. */
export const position = (block: Block, token: number): number => block.order * POSITION_STRIDE + token;

/** Positions are below this; tie-breaks divide by it to stay under 1. */
export const POSITION_SCALE = 1e15;

// ---------------------------------------------------------------------------------------------------------
// mention building

interface Builder {
  /** Where the span being decomposed starts after losing a sentence-initial word ("Great" of "Great Barrier Reef"), or -1. */
  strippedAt: number;
  /** Folded names read as the titles of works in this document; their other mentions name no entity either. */
  works: Set<string>;
  doc: Doc;
  block: Block;
  blockIndex: number;
  tokens: Token[];
  out: Mention[];
  profile: Profile;
  /** How deep {@link classifyPart} calls itself now (a rule narrowing a span and one widening it must not loop). */
  depth: number;
}

/**
 * How deep {@link classifyPart} may call itself: each rule hands a narrower or wider span on, and a
 * name that two rules pass back and forth ("el gobierno de Chile") must end as no mention, not as a
 * stack overflow that loses the whole article's analysis.
 */
const MAX_CLASSIFY_DEPTH = 24;

const emptyCues = (): Cues => ({ person: 0, organization: 0, place: 0 });

/** Nouns for a website: what they describe is a site, not a body. */
const WEBSITE_DESCRIPTORS = new Set(['site', 'website', 'sites', 'websites', 'portal', 'blog']);

/**
 * Whether the capitals at `k` are a code or a piece of a longer written form rather than a body's initials: next to a
 * figure ("GEL 20,000", "7,300 USD", "the FTSE 100", "CAC-40", "F-16"; "TOP09" and "G7" stay), a doubled letter pair of an abbreviated plural
 * ("EE. UU.", "FF. AA."), or joined to the word before by a full stop without a space ("Цензор.НЕТ", an address).
 */
function codeOrPiece(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!t) return false;
  if (/-\p{N}/u.test(t.text) || tokens[k + 1]?.kind === 'num') return true;
  // "7,300 USD", but not "5 CDU deputies", where the capitals modify what is counted.
  if (tokens[k - 1]?.kind === 'num' && tokens[k + 1]?.kind !== 'word') return true;
  const letters = [...t.text];
  if (letters.length === 2 && letters[0] === letters[1]) return true;
  const dot = tokens[k - 1];
  const word = tokens[k - 2];
  return !!dot && !!word && dot.text === '.' && word.kind === 'word' && dot.start === word.end && t.start === dot.end;
}

/** Longest lexicon entry starting at token `from` within [from, to). */
const lexiconRun = (tokens: Token[], from: number, to: number): { end: number; flags: number } => {
  const max = Math.min(to - from, lexMaxWords());
  for (let n = max; n >= 1; n--) {
    let key = '';
    for (let k = from; k < from + n; k++) key += (k > from ? ' ' : '') + (tokens[k]?.fold ?? '');
    const f = flags(key);
    if (f) return { end: from + n, flags: f };
  }
  return { end: from, flags: 0 };
};

const spanKey = (tokens: Token[], a: number, b: number): string => {
  let key = '';
  for (let k = a; k < b; k++) key += (k > a ? ' ' : '') + (tokens[k]?.fold ?? '');
  return key;
};

/** Whether tokens [a, b) are only words that describe a role (portfolio, nationality, compass, common words). */
const isRoleModifierRun = (tokens: Token[], a: number, b: number): boolean => {
  for (let k = a; k < b; k++) {
    const t = tokens[k];
    if (!t) continue;
    const f = flags(t.fold);
    // "European Central Bank": a head word at the end of two or more words makes a body, not a role.
    if (k === b - 1 && b - a >= 2 && isOrgHead(t.fold)) return false;
    if (PORTFOLIO_WORDS.has(t.fold) || isDemonym(t.fold) || DIRECTION_WORDS.has(t.fold) || TITLE_WORDS.has(t.fold)) continue;
    if (f & (ANY_PLACE | ORGANIZATION) || isAcronym(t)) return false;
    if (isCommonWord(t.fold) && !(f & NAME_LIKE)) continue;
    return false;
  }
  return true;
};

/** Whether [a, b) ends in an organisation head word, starts "X of", or is a known organisation. */
const orgShape = (tokens: Token[], a: number, b: number): boolean => {
  const lastTok = tokens[b - 1];
  if (!lastTok) return false;
  if (b - a >= 2 && isOrgHead(lastTok.fold)) return true;
  for (let k = a; k < b - 1; k++) if (ORG_FIRST_OF.has(tokens[k]?.fold ?? '') && tokens[k + 1]?.lower === 'of') return true;
  if (flags(spanKey(tokens, a, b)) & ORGANIZATION) return true;
  return b - a === 1 && isAcronym(lastTok) && !COUNTRY_ABBREVIATIONS.has(lastTok.fold);
};

/** Inflected Ukrainian and Russian nouns of events and prizes ("Революції Гідності", "Другої світової війни", "премії"). */
const CYRILLIC_EVENT_STEM =
  /^(?:революці[яїюєй]\p{L}*|революци[яиюей]\p{L}*|війн[аиіуою]\p{L}*|войн[аыеуой]\p{L}*|конференці\p{L}*|фестивал\p{L}*|чемпіонат\p{L}*|саміт\p{L}*|олімпіад\p{L}*|премі[яїюй]\p{L}*|преми[яиюей]\p{L}*)$/u;

const isEvent = (tokens: Token[], a: number, b: number): boolean => {
  let lastTok = tokens[b - 1];
  if (lastTok && ROMAN_NUMERALS.has(lastTok.fold) && b - a >= 2) lastTok = tokens[b - 2];
  const firstTok = tokens[a];
  if (!lastTok || !firstTok) return false;
  if (b - a >= 2 && EVENT_FIRST.has(firstTok.fold)) return true;
  if (b - a >= 2) for (let k = a; k < b; k++) if (CYRILLIC_EVENT_WORDS.has(tokens[k]?.lower ?? '') || CYRILLIC_EVENT_STEM.test(tokens[k]?.lower ?? '')) return true;
  if (!EVENT_HEADS.has(lastTok.fold)) return false;
  // "Doris Day" is a person: a given name first keeps the person reading; a plural head ("Emmy Awards") is no surname.
  if (b - a === 2 && flags(firstTok.fold) & FIRST_NAME && !isDemonym(firstTok.fold) && !(lastTok.fold.endsWith('s') && EVENT_HEADS.has(lastTok.fold.slice(0, -1)))) return false;
  return b - a >= 2 || flags(lastTok.fold) === 0;
};

/**
 * "AfD", "PiS", "TfL": a short word with two or more capitals around a lowercase letter, ending in a capital, is an
 * abbreviation written in mixed case, as parties and public bodies are ("SoMa", a neighbourhood's, ends in lowercase).
 */
export const isMixedAcronym = (t: Token | undefined): boolean =>
  !!t &&
  t.kind === 'word' &&
  !t.caps &&
  !t.dotted &&
  t.text.length >= 3 &&
  t.text.length <= 5 &&
  /^\p{Lu}\p{Ll}?\p{Lu}+(?:\p{Ll}\p{Lu}+)?$/u.test(t.text) &&
  !NON_ENTITY_WORDS.has(t.fold);

/** "U.S.-Iranian", "Iranian-American", "franco-allemand": a compound whose last part is a nationality is an adjective. */
const isDemonymCompound = (t: Token): boolean => {
  if (!t.text.includes('-')) return false;
  const last = t.fold.split(/[-\s]/u).pop() ?? '';
  return last.length >= 4 && last !== t.fold && isDemonym(last);
};

/** Whether every word of [a, b) is a nationality or compass word, with at least one nationality. */
const isDemonymPhrase = (tokens: Token[], a: number, b: number): boolean => {
  let demonyms = 0;
  for (let k = a; k < b; k++) {
    const t = tokens[k];
    if (!t) continue;
    if (isDemonym(t.fold) || isDemonymCompound(t)) demonyms++;
    // "U.S-Iranian": initials before a compound nationality belong to it.
    else if (t.dotted && t.text.length <= 3 && isDemonymCompound(tokens[b - 1] as Token)) continue;
    else if (!DIRECTION_WORDS.has(t.fold)) return false;
  }
  return demonyms > 0 && !(flags(spanKey(tokens, a, b)) & (ANY_PLACE | ORGANIZATION));
};

/** The word before token `i`, skipping one article. */
const wordBefore = (tokens: Token[], i: number): { tok: Token | undefined; index: number } => {
  let k = i - 1;
  const t = tokens[k];
  if (t && (t.lower === 'the' || t.lower === 'a' || t.lower === 'an')) k--;
  return { tok: tokens[k], index: k };
};

const addMention = (b: Builder, a: number, end: number, cues: Cues, role: Role | null, weak = false): Mention | null => {
  const { tokens, block } = b;
  // Trim punctuation-only edges left by the decomposition.
  while (a < end && tokens[a]?.kind !== 'word') a++;
  while (end > a && tokens[end - 1]?.kind !== 'word') end--;
  if (end <= a) return null;
  const firstTok = tokens[a];
  const lastTok = tokens[end - 1];
  if (!firstTok || !lastTok) return null;
  const words: string[] = [];
  const caps: boolean[] = [];
  for (let k = a; k < end; k++) {
    const t = tokens[k];
    if (!t) continue;
    words.push(t.fold);
    caps.push(isAcronym(t));
  }
  let display = lastTok.dotted ? block.text.slice(firstTok.start, lastTok.end) : withoutTrailing(block.text.slice(firstTok.start, lastTok.end), /[.,;:]/);
  // "L'UEFA", "d'EDF": an elided article before an acronym is grammar, not part of the name.
  // "l'Organisation …" inside a sentence, "L'Organisation …" opening one: the article is grammar too; a capital
  // "L'" inside a sentence belongs to the name ("L'Équipe").
  const elided = /^([LlDd]['’])(\p{Lu}\p{L}*)$/u.exec(firstTok.text);
  const acronymAfter = !!elided?.[2] && /^\p{Lu}{2,}$/u.test(elided[2]);
  if (elided?.[2] && b.profile === 'romance' && (acronymAfter || firstTok.initial || /^[ld]/u.test(elided[1] ?? ''))) {
    display = display.slice(2);
    words[0] = foldKey(elided[2]);
    if (acronymAfter) caps[0] = true;
  }
  // "Міністерства оборони", "Генерального штабу": a Cyrillic body's name is kept in the nominative, so that its forms are one name.
  if (b.profile === 'cyrillic' && cues.organization > cues.person && end - a <= 6) {
    const lowers = tokens.slice(a, end).map((t) => t.lower);
    const lemma = cyrillicBodyLemma(lowers);
    const shown = display.split(' ');
    if (lemma && shown.length === lowers.length) {
      const upper = (w: string): string => w.replace(/^\p{L}/u, (c) => c.toUpperCase());
      display = shown.map((w, i) => (lemma[i] === lowers[i] ? w : w[0] !== w[0]?.toLowerCase() ? upper(lemma[i] ?? '') : (lemma[i] ?? ''))).join(' ');
      for (let i = 0; i < words.length; i++) if (lemma[i] !== lowers[i]) words[i] = foldKey(lemma[i] ?? '');
    }
  }
  // "Großbritanniens", "Bayerns": a German place's name in the nominative.
  if (b.profile === 'de' && end - a === 1 && cues.place > Math.max(cues.person, cues.organization)) {
    const stem = germanGenitivePlace(firstTok);
    if (stem) {
      display = display.slice(0, -1);
      words[0] = stem;
    }
  }
  // "Харківській області" → "Харківська область", "Бучанського району" → "Бучанський район".
  if (b.profile === 'cyrillic' && end - a === 2 && cues.place > cues.organization && !lastTok.cap) {
    const lemma = cyrillicRegionLemma(firstTok.lower, lastTok.lower);
    if (lemma) {
      const upper = lemma[0].replace(/^\p{L}/u, (c) => c.toUpperCase());
      display = `${upper} ${lemma[1]}`;
      words[0] = foldKey(lemma[0]);
      words[1] = foldKey(lemma[1]);
    }
  }
  // "des Bundesamtes für Statistik", "dem Statistischen Bundesamt": a German body's name in the nominative.
  if (b.profile === 'de' && cues.organization > cues.person && end - a <= 6) {
    const shown = display.split(' ');
    const lemma = shown.length === words.length ? germanBodyLemma(shown, words) : null;
    if (lemma) {
      display = lemma.join(' ');
      for (let i = 0; i < words.length; i++) if (lemma[i] !== shown[i]) words[i] = foldKey(lemma[i] ?? '');
    }
  }
  const mention: Mention = {
    block: b.blockIndex,
    first: a,
    last: end,
    display,
    key: words.join(' '),
    words,
    caps,
    cues,
    role,
    weak,
    pos: position(block, a),
    titleCase: block.titleCase,
    prep: false,
    inQuote: firstTok.quote >= 0,
    stripped: false,
  };
  b.out.push(mention);
  return mention;
};

/** Evidence from the words around a name part [a, b); returns how much of it came from the word after. */
function contextCues(b: Builder, a: number, end: number, cues: Cues): { fromNext: number; prep: boolean } {
  const { tokens } = b;
  const before = wordBefore(tokens, a);
  const prev = before.tok;
  const next = tokens[end];
  const firstTok = tokens[a];
  const startsWithGivenName = !!firstTok && (flags(firstTok.fold) & FIRST_NAME) !== 0 && end - a >= 2;
  let prep = false;

  // "the NGO B'Tselem", "la ONG Prisoners Defenders": a generic abbreviation for a body describes the name after it.
  if (prev?.caps && GENERIC_BODY_ACRONYMS.has(prev.fold) && before.index === a - 1 && !startsWithGivenName) cues.organization += 3;
  // A capitalised preposition only counts at a sentence start ("In Porto Alegre, …").
  if (prev && prev.kind === 'word' && (!prev.cap || prev.initial)) {
    const cited = prev.lower === 'to' && tokens[before.index - 1]?.lower === 'according';
    if (PLACE_PREPOSITIONS.has(prev.lower) && !cited) {
      cues.place += 1;
      prep = true;
    }
    // "a sister of Kyaw Soe Oo", "la madre de Ana Gil": a kinship noun's "of" takes a person.
    if (prev.lower === 'of' || prev.lower === 'de' || prev.lower === 'du') {
      const noun = wordBefore(tokens, before.index).tok;
      if (noun && !noun.cap && KIN_NOUNS.has(noun.lower)) cues.person += 3;
    }
    if (prev.lower === 'of') {
      const noun = wordBefore(tokens, before.index).tok;
      if (noun && PLACE_NOUNS.has(noun.lower)) cues.place += 3;
      // "240 kilometres north-northwest of Qamdo", "south of X": a bearing is taken from a place.
      else if (noun && !noun.cap && COMPASS.test(noun.lower)) {
        cues.place += 3;
        prep = true;
      }
    }
    if (!prev.cap) {
      if (ORG_DESCRIPTORS.has(prev.lower) && !startsWithGivenName) cues.organization += 3;
      // Cyrillic "посолка Японії" is "the ambassador of Japan" (a genitive), not a name: want two words there.
      else if (isRoleNoun(prev.lower) && before.index === a - 1 && (b.profile !== 'cyrillic' || end - a >= 2)) cues.person += 3;
    }
    // "shares in Morgan Stanley", "a stake in X", "owned by X Holding": a company, whatever its name looks like.
    if (
      (prev.lower === 'in' || prev.lower === 'of') &&
      ['shares', 'stake', 'stakes', 'stock', 'stocks', 'shareholders', 'subsidiary', 'acquisition', 'takeover'].includes(tokens[before.index - 1]?.lower ?? '')
    )
      cues.organization += 5;
    // "Peter Lindqvist of DNB Markets", "an analyst at Sea-Intelligence": a person's employer.
    if ((prev.lower === 'of' || prev.lower === 'at' || prev.lower === 'for') && !startsWithGivenName) {
      let k = before.index - 1;
      if (tokens[k]?.text === ',') k--;
      const owner = tokens[k];
      const key = spanKey(tokens, a, end);
      if (owner && owner.kind === 'word' && !(flags(key) & ANY_PLACE) && ((owner.cap && !isCommonWord(owner.fold)) || (!owner.cap && isRoleNoun(owner.fold)))) {
        cues.organization += 1.5;
        // After a name rather than a role ("Francis of Assisi", "the BMC for P1.6 billion") it may be a place or a
        // figure: that confirms a body other evidence names, and names none alone.
        if (owner.cap) cues.support = (cues.support ?? 0) + 1.5;
      }
    }
  }
  // "he founded NeXT", "bought Pixar", "fundó la empresa": what is founded, bought or taken over is a body.
  const acquirer = tokens[a - 1];
  if (acquirer && acquirer.kind === 'word' && !acquirer.cap && CORPORATE_ACTS.has(acquirer.lower) && !(flags(spanKey(tokens, a, end)) & (ANY_PLACE | PERSON)))
    cues.organization += 2;
  // "worked for Borgland", "employed at Nordvik": an employer.
  const employer = wordBefore(tokens, a);
  const work = tokens[employer.index - 1];
  if (
    b.profile === 'en' &&
    (employer.tok?.lower === 'for' || employer.tok?.lower === 'at' || employer.tok?.lower === 'by') &&
    work &&
    !work.cap &&
    EMPLOYMENT_WORDS.has(work.lower) &&
    !(flags(spanKey(tokens, a, end)) & (ANY_PLACE | PERSON))
  )
    cues.organization += 2;
  // "el partido Nueva Alianza", "la empresa X", "de l'entreprise X": a noun describing a body right before the name.
  if (b.profile === 'romance' && romanceOrgDescriptor(tokens[a - 1])) cues.organization += 4;
  // "el medio independiente La Hora de Cuba", "el diario digital Global Post": one adjective may stand between.
  else if (b.profile === 'romance' && isLowercaseModifier(tokens[a - 1]) && romanceOrgDescriptor(tokens[a - 2])) cues.organization += 4;
  // "la agencia de prensa independiente Palenque Visión", "l'agence de presse X": the descriptor's own complement may stand between.
  else if (b.profile === 'romance' && describedWithComplement(tokens, a)) cues.organization += 4;
  // "el comunicado de la Casa Blanca", "a statement from the Foreign Office", "die Mitteilung der Stadtwerke": who issues a
  // statement is a body, though its name is made of common words; "a statement from the Trump administration" is the
  // administration's, the name only modifying it.
  if (statementAuthor(tokens, a, end)) cues.organization += 3;
  // "presentó un Habeas Corpus", "an Airbus": a name after an indefinite article is a thing's or a body's, not a person's.
  if (prev && before.index === a - 1 && !prev.cap && INDEFINITE_ARTICLES.has(prev.lower)) cues.person -= 2;
  // "la mer Méditerranée", "la ciudad de Gaza", "die Stadt Köln": a place noun before the name.
  if (b.profile === 'romance' || b.profile === 'de') {
    const p1 = tokens[a - 1];
    const p2 = tokens[a - 2];
    // "la prisión provincial X", "el municipio habanero de X": one lowercase adjective may follow the place noun.
    const noun = (t: Token | undefined): boolean => !!t && !t.cap && FOREIGN_PLACE_NOUNS.has(t.fold);
    const modified = (k: number): boolean => isLowercaseModifier(tokens[k]) && noun(tokens[k - 1]);
    const link = !!p1 && ['de', 'di', 'du'].includes(p1.lower);
    if (noun(p1) || (link && noun(p2)) || (b.profile === 'romance' && (modified(a - 1) || (link && modified(a - 2))))) {
      cues.place += 3;
      prep = true;
    }
  }
  // "Pfizer's chief scientific officer, Mikael Dolsten, said": a name set off after a role.
  if (prev?.text === ',' && before.index === a - 1) {
    const role = tokens[a - 2];
    // "local official, Huang Limin was quoted": the comma may be left out after the name.
    const after = tokens[end];
    if (role && role.kind === 'word' && !role.cap && isRoleNoun(role.fold) && (after?.text === ',' || (after?.kind === 'word' && !after.cap))) cues.person += 2.5;
  }
  // "in nearby Delray Beach": one lowercase adjective may separate the preposition from the place.
  const gap = tokens[before.index - 1];
  if (
    !prep &&
    prev &&
    prev.kind === 'word' &&
    !prev.cap &&
    !PLACE_PREPOSITIONS.has(prev.lower) &&
    gap &&
    gap.kind === 'word' &&
    !gap.cap &&
    PLACE_PREPOSITIONS.has(gap.lower) &&
    flags(prev.fold) & COMMON &&
    !isRoleNoun(prev.fold) &&
    !ORG_DESCRIPTORS.has(prev.lower)
  ) {
    cues.place += 0.8;
    prep = true;
  }
  const atStart = before.index === 0 || (before.index === 1 && tokens[0]?.kind === 'punct');
  if (prev?.lower === 'by' && atStart) cues.person += 2;

  // Cues from the word after are kept apart: after a sentence-initial adjective they mislead ("Local farmer").
  let fromNext = 0;
  if (next && next.kind === 'word' && !next.cap) {
    const key = spanKey(tokens, a, end);
    if (PLACE_NOUNS.has(next.lower) && !isRoleNoun(next.lower)) {
      cues.place += 3;
      fromNext = 3;
    } else if (
      isOrgDescriptor(next.lower) &&
      !startsWithGivenName &&
      !(flags(key) & ANY_PLACE) &&
      // "other Western companies", "Leading firms", "Urdu newspapers": one capitalised word before a plural describes
      // several bodies.
      !(end - a === 1 && firstTok && /[^s]s$/u.test(next.lower))
    ) {
      cues.organization += 3;
      // "the Cryptome site", "the Drudge website": a website, which is no body unless other evidence names one.
      if (WEBSITE_DESCRIPTORS.has(next.lower)) cues.support = (cues.support ?? 0) + 3;
      fromNext = 3;
    } else if (
      isRoleNoun(next.lower) &&
      // "a Luritja man", "Yushu people": a person's origin, not a body's staff.
      !PERSON_NOUNS.has(next.lower) &&
      !(flags(key) & ANY_PLACE) &&
      !isDemonymPhrase(tokens, a, end) &&
      !(end - a === 1 && firstTok && (isCommonWord(firstTok.fold) || flags(firstTok.fold) & NAME_LIKE))
    ) {
      // "Rosenborg chairman", "Kremlin spokesman": the body a role belongs to.
      cues.organization += 2.5;
      fromNext = 2.5;
    }
  }
  if (next?.text === ',') {
    const n2 = tokens[end + 1];
    const n3 = tokens[end + 2];
    // "NetChoice, a trade group whose …": an appositive that describes a body.
    if (n2 && (n2.lower === 'a' || n2.lower === 'an' || n2.lower === 'the')) {
      for (let k = end + 2; k < end + 6; k++) {
        const t = tokens[k];
        if (t?.kind !== 'word' || t.cap) break;
        if (isOrgDescriptor(t.lower)) {
          cues.organization += 2.5;
          break;
        }
      }
    }
    // "Russie Unie, le parti au pouvoir", "Cubalex, una organización independiente": the same in French and Spanish.
    if (b.profile === 'romance' && n2 && (FOREIGN_DEFINITE_ARTICLES.has(n2.lower) || ['un', 'une', 'una', 'uno'].includes(n2.lower))) {
      for (let k = end + 2; k < end + 5; k++) {
        const t = tokens[k];
        if (t?.kind !== 'word' || t.cap) break;
        if (romanceOrgDescriptor(t)) {
          cues.organization += 2.5;
          break;
        }
      }
    }
    if (n2?.kind === 'num' && n3?.text === ',') cues.person += 2;
    if (n2?.lower === 'who') cues.person += 1.5;
    // "Greenpeace, which has campaigned …": "which" takes up a thing or a body; a place after "in" keeps its own reading.
    if (n2?.lower === 'which' && b.profile === 'en' && !prep && !(flags(spanKey(tokens, a, end)) & (ANY_PLACE | NAME_LIKE))) cues.organization += 1.5;
    // "Darmstadt, Germany": a place followed by the country or region it lies in.
    if (n2?.cap && flags(n2.fold) & (COUNTRY | REGION) && (n3 === undefined || n3.kind === 'punct')) cues.place += 2;
  }
  // "Keo Vy is the spokesman of …", "Northwind was a small airline": what a copula says the name is, a role or a body
  // (a few adjectives may stand before the noun: "is the new deputy director").
  if (b.profile === 'en' && next?.kind === 'word' && COPULA_IS.has(next.lower) && ARTICLE_WORDS.has(tokens[end + 1]?.lower ?? '')) {
    for (let k = end + 2; k < end + 2 + COPULA_NOUN_REACH; k++) {
      const t = tokens[k];
      if (t?.kind !== 'word' || t.cap || t.quote >= 0) break;
      if (isOrgDescriptor(t.lower)) {
        cues.organization += 2.5;
        break;
      }
      if (isRoleNoun(t.fold) || PERSON_NOUNS.has(t.lower)) {
        // A role with "of" after it names whose role it is ("the head of …"); so does one ending the clause.
        cues.person += 2.5;
        break;
      }
    }
  }
  // "Tesla announced its plans", "Volvo reported its results": one word whose verb is followed by "its" is a body
  // (a person's own would be "his" or "her").
  const n1 = tokens[end];
  const n2 = tokens[end + 1];
  if (
    b.profile === 'en' &&
    end - a === 1 &&
    firstTok &&
    !(flags(firstTok.fold) & (FIRST_NAME | ANY_PLACE)) &&
    n1?.kind === 'word' &&
    !n1.cap &&
    (SPEECH_VERBS.has(n1.lower) || REPORT_VERBS.has(n1.lower)) &&
    n2?.lower === 'its'
  )
    cues.organization += 2 + cues.person;
  return { fromNext, prep };
}

/** "is" and "was", which say what the name before them is ("X is the spokesman"). */
const COPULA_IS = new Set(['is', 'was']);

/** The articles after "is" that introduce what a name is ("is the", "is a", "was an"). */
const ARTICLE_WORDS = new Set(['the', 'a', 'an']);

/** How many words after "is the" the noun saying what a name is may stand ("is the new deputy director"). */
const COPULA_NOUN_REACH = 4;

/** Verbs whose object is a company or a body: founding, buying, taking over ("founded", "acquired", "fundó", "racheté", "übernahm"). */
const CORPORATE_ACTS = new Set([
  'founded',
  'co-founded',
  'cofounded',
  'acquired',
  'bought',
  'purchased',
  'fundó',
  'cofundó',
  'adquirió',
  'compró',
  'fondé',
  'cofondé',
  'racheté',
  'gründete',
  'kaufte',
  'übernahm',
]);

/** Words before "for"/"at"/"by" that make what follows an employer ("worked for", "employed by"). */
const EMPLOYMENT_WORDS = new Set(['worked', 'works', 'working', 'work', 'employed', 'hired', 'job', 'jobs', 'career', 'internship', 'intern']);

/** Nouns of kinship, whose "of"/"de" takes a person ("sister of", "madre de", "fils de"). */
const KIN_NOUNS = new Set([
  'sister',
  'brother',
  'wife',
  'husband',
  'son',
  'daughter',
  'mother',
  'father',
  'widow',
  'widower',
  'cousin',
  'niece',
  'nephew',
  'grandson',
  'granddaughter',
  'hermana',
  'hermano',
  'esposa',
  'esposo',
  'hijo',
  'hija',
  'madre',
  'padre',
  'viuda',
  'viudo',
  'prima',
  'primo',
  'sobrina',
  'sobrino',
  'nieto',
  'nieta',
  'soeur',
  'sœur',
  'frere',
  'frère',
  'epouse',
  'épouse',
  'epoux',
  'époux',
  'fils',
  'fille',
  'mere',
  'mère',
  'pere',
  'père',
  'veuve',
  'veuf',
]);

/** Indefinite articles, which no person's name follows. */
const INDEFINITE_ARTICLES = new Set(['a', 'an', 'un', 'una', 'une', 'ein', 'eine', 'einen', 'einem', 'einer']);

/** Most lowercase words between a body's descriptor and its name ("agencia | de prensa independiente | X"). */
const MAX_DESCRIPTOR_COMPLEMENT = 4;

/**
 * Whether a French or Spanish descriptor of a body and its complement stand right before the name at `a` ("la agencia
 * de prensa independiente X", "l'agence de presse X"): "de" and lowercase content words, no verb in the past tense.
 */
function describedWithComplement(tokens: Token[], a: number): boolean {
  let sawLink = false;
  for (let k = a - 1; k >= 0 && k >= a - 1 - MAX_DESCRIPTOR_COMPLEMENT; k--) {
    const t = tokens[k];
    if (!t || t.kind !== 'word' || t.cap) return false;
    if (t.lower === 'de' || t.lower === 'del' || t.lower === 'du') {
      // "la emisora de Miami": a name right after "de" is the descriptor's complement, not what it describes.
      if (k === a - 1) return false;
      sawLink = true;
      continue;
    }
    if (sawLink && romanceOrgDescriptor(t)) return true;
    if (t.lower.length < 4 || flags(t.fold) & FUNCTION || /ó$/u.test(t.lower)) return false;
  }
  return false;
}

/** Whether a token is a lowercase content word that may qualify a noun ("independiente", "digital"), not a function word. */
const isLowercaseModifier = (t: Token | undefined): boolean => !!t && t.kind === 'word' && !t.cap && t.lower.length >= MIN_ROMANCE_ADJECTIVE_LENGTH && !(flags(t.fold) & FUNCTION);

/** Whether a token is a lowercase Spanish or French noun describing a body, perhaps elided ("partido", "l'entreprise"). */
const romanceOrgDescriptor = (t: Token | undefined): boolean => !!t && t.kind === 'word' && !t.cap && ROMANCE_ORG_DESCRIPTORS.has(t.lower.replace(/^[ld]['’]/u, ''));

/** Whether a German word is a body's head, alone or as the head of a compound ("Bundesministerium", "Landgericht", "Partei"). */
const isGermanBodyHead = (fold: string): boolean =>
  FOREIGN_ORG_FIRST.has(fold) ||
  FOREIGN_ORG_FIRST.has(fold.replace(/e?s$/u, '')) ||
  (fold.length >= 7 && /(?:ministerium|amt|gericht|gerichtshof|bank|agentur|anstalt|behorde|institut|verband|kommission|partei)(?:e?s)?$/u.test(fold));

/** Grammatical gender of German body heads, by the head of the compound. */
const GERMAN_HEAD_GENDER: readonly [RegExp, 'masculine' | 'feminine' | 'neuter'][] = [
  [/(?:ministerium|amt|institut|gericht|parlament|komitee|zentrum|buro|büro|kabinett)$/u, 'neuter'],
  [/(?:bank|partei|agentur|kommission|anstalt|behörde|behorde|polizei|regierung|union|gesellschaft|stiftung|versammlung|gewerkschaft|zeitung)$/u, 'feminine'],
  [/(?:rat|tag|verband|gerichtshof|bund|konzern|verein|senat|sender|dienst)$/u, 'masculine'],
];

/** Nominative adjective endings after the definite article is dropped ("Statistisches Bundesamt", "Deutsche Bank", "Deutscher Bundestag"). */
const GERMAN_ADJECTIVE_NOMINATIVE = { masculine: 'er', feminine: 'e', neuter: 'es' } as const;

/**
 * The nominative of a German body's name written in another case, or null when nothing changes: the head
 * loses a genitive "-s"/"-es" and adjectives before it take the nominative ending of its gender
 * ("Bundesamtes für Statistik" → "Bundesamt für Statistik", "Statistischem Bundesamt" → "Statistisches Bundesamt").
 */
export function germanBodyLemma(shown: readonly string[], folds: readonly string[]): string[] | null {
  let h = 0;
  while (h < shown.length - 1 && GERMAN_NAME_ADJECTIVE.test(folds[h] ?? '')) h++;
  const head = shown[h] ?? '';
  const fold = folds[h] ?? '';
  const bare = head.length > 6 && /e?s$/u.test(fold) && isGermanBodyHead(fold.replace(/e?s$/u, '')) ? head.replace(/e?s$/u, '') : head;
  const gender = GERMAN_HEAD_GENDER.find(([re]) => re.test(bare.toLowerCase()))?.[1];
  if (!gender) return null;
  const out = [...shown];
  out[h] = bare;
  for (let k = 0; k < h; k++) out[k] = (out[k] ?? '').replace(/(?:e|en|er|es|em)$/u, GERMAN_ADJECTIVE_NOMINATIVE[gender]);
  return out.every((w, i) => w === shown[i]) ? null : out;
}

/** German genitive articles and prepositions that continue a body's name ("Ministerium der Finanzen", "Bundesamt für Statistik"). */
const GERMAN_BODY_LINKS = new Set(['der', 'des', 'für', 'fur']);

/**
 * The end of a German body's name after its head at `end - 1`: "der"/"des"/"für" and one capitalised
 * noun, perhaps "und" another ("Bundesamt für Migration und Flüchtlinge"), or `end` when it does not continue.
 */
function germanBodyTail(tokens: Token[], end: number): number {
  const head = tokens[end - 1];
  const link = tokens[end];
  const noun = tokens[end + 1];
  if (!head || !isGermanBodyHead(head.fold) || link?.kind !== 'word' || link.cap || !GERMAN_BODY_LINKS.has(link.lower)) return end;
  if (noun?.kind !== 'word' || !noun.cap || noun.caps || flags(noun.fold) & ANY_PLACE || FOREIGN_PLACE_NAMES.has(noun.fold)) return end;
  // "die Organisation der Freien Wähler Hessen": a run of names after the link is a name of its own, which the
  // head only describes.
  const more = tokens[end + 2];
  if (more?.kind === 'word' && more.cap) return end;
  let stop = end + 2;
  const and = tokens[stop];
  const second = tokens[stop + 1];
  if (and?.lower === 'und' && second?.kind === 'word' && second.cap && !second.caps && !tokens[stop + 2]?.cap) stop += 2;
  return stop;
}

/** Endings of English nouns for a trade or its goods, which the lexicon may lack ("Bakery", "Brewery", "Electronics", "Ironworks"). */
const BUSINESS_ENDING = /(?:ery|eries|ics|works|ware|wares)$/u;

/** Whether a capitalised German noun describes a company, party or outlet ("Autobauer", "Partei", "Mobilfunkkonzern"). */
const isGermanOrgDescriptor = (fold: string): boolean => GERMAN_ORG_DESCRIPTOR_HEADS.some((h) => fold === h || (fold.endsWith(h) && fold.length >= h.length + 3));

/** A role appositive after a name: "Carole Mundell, the agency's director of science". */
const appositiveRole = (tokens: Token[], end: number): Role | null => {
  if (tokens[end]?.text !== ',') return null;
  const words: string[] = [];
  let head = '';
  for (let k = end + 1; k < tokens.length && k < end + 10; k++) {
    const t = tokens[k];
    if (!t || t.kind === 'punct' || t.lower === 'who' || t.lower === 'which') break;
    if (t.lower === 'the' || t.lower === 'a' || t.lower === 'an') continue;
    words.push(t.fold);
    if (!head && isRoleNoun(t.fold)) head = t.fold;
  }
  return head ? { words, head } : null;
};

/** Lowercase role words right before a name ("operator spokesman", "left-wing congressman"). */
const roleBefore = (tokens: Token[], a: number): Role | null => {
  if (tokens[a - 1]?.text === ',' && tokens[a - 2]?.kind === 'word' && !tokens[a - 2]?.cap) a -= 1;
  const prev = tokens[a - 1];
  if (prev?.kind !== 'word' || prev.cap || !isRoleNoun(prev.fold)) return null;
  const words = [prev.fold];
  for (let k = a - 2; k >= 0 && k >= a - 4; k--) {
    const t = tokens[k];
    if (t?.kind !== 'word' || t.lower === 'the' || t.lower === 'a' || t.lower === 'an' || flags(t.fold) & FUNCTION) break;
    if (REPORT_VERBS.has(t.lower)) break;
    words.unshift(t.fold);
  }
  return { words, head: prev.fold };
};

/** The words of other languages that tie a title to what it governs ("Bürgermeister von Passau", "maire de Lyon"). */
const TITLE_OF = new Set(['von', 'de', 'du', 'des', 'del', 'della', 'di']);

/** Titles of address that stand before a surname, particles included ("Frau von der Leyen", "Monsieur de Villepin"). */
const HONORIFICS = new Set(['herr', 'frau', 'mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'lord', 'lady', 'senor', 'senora', 'monsieur', 'madame', 'mme', 'mlle', 'prof', 'professor']);

/**
 * "M. Paul Renard", "MM. Dupont et Durand": in French the abbreviated "Monsieur" opens a name like "Mr." in English, so it
 * is a title, not the initial of a first name. Only in the Romance profile and only before another capitalised word: an
 * English "M." opening a name ("M. Night …") is an initial.
 */
function frenchCourtesyTitle(b: Builder, k: number, end: number): boolean {
  const t = b.tokens[k];
  return b.profile === 'romance' && !!t && t.dotted && (t.fold === 'm' || t.fold === 'mm') && k + 1 < end && !!b.tokens[k + 1]?.cap;
}

/** Titles of a government's ministers, which a portfolio rather than a body may precede ("Emergency Situations Minister"). */
const MINISTERIAL_TITLES = new Set(['minister', 'ministers', 'secretary', 'ministre', 'ministro', 'ministra', 'ministerin']);

/** Splits a span into the part before a title, the title, and the name after it, and records each part. */
/** Plurals for the members of a party or a movement ("Democrats", "Republicans", "Socialists", "Conservatives"). */
const PARTY_MEMBERS = /(?:crats|icans|ists|ives)$/u;

/** Number words, which label speakers in scripts ("VOICE ONE", "VOICE TWO"). */
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six']);

/** Plural nouns for people whose possessive opens a unit's description ("Men's", "Women's"). */
const PLURAL_PERSON_NOUNS = new Set(['men', 'women', 'children', 'boys', 'girls']);

/** Adverbs that make superlatives ("Most Valuable Player", "Least Developed Countries"). */
const SUPERLATIVE_ADVERBS = new Set(['most', 'least']);

/** An English pronoun with a contracted verb ("I’m", "We've", "It's"): grammar, never part of a name. */
const PRONOUN_CONTRACTION = /^(?:i|we|you|they|he|she|it|that|there|let)['’](?:m|ve|d|ll|re|s)$/u;

function decompose(b: Builder, a: number, end: number): void {
  const { tokens } = b;
  const start = a;
  // Sentence-initial words, articles and pronouns are grammar, not names.
  while (a < end) {
    const t = tokens[a];
    if (!t) break;
    const f = flags(t.fold);
    const single = t.text.length === 1 && !t.dotted;
    if (single && end - a === 1) return;
    // "WASHINGTON — The Senate", "KYIV (Reuters) — The ministry": after a dateline a sentence begins.
    const dash = tokens[a - 1];
    const beforeDash = tokens[a - 2];
    const afterDateline = !!dash && (dash.text === '—' || dash.text === '–' || dash.text === '-') && !!beforeDash && (beforeDash.caps || beforeDash.text === ')');
    if (
      single ||
      PRONOUN_CONTRACTION.test(t.lower) ||
      (LEADING_FUNCTION_WORDS.has(t.lower) && (t.initial || t.lower !== 'the' || afterDateline)) ||
      (t.initial && FOREIGN_LEADING_WORDS.has(t.lower) && b.profile !== 'en' && !(flags(spanKey(tokens, a, end)) & (ANY_PLACE | ORGANIZATION)))
    ) {
      a++;
      continue;
    }
    if (!t.initial) break;
    // "Former CBS anchor Dan Rather": a title's time modifier with no title after it in the run is grammar.
    if (TITLE_TIME_MODIFIERS.has(t.fold) && end - a >= 2 && !tokens.slice(a + 1, end).some((u) => TITLE_WORDS.has(u.fold) || PORTFOLIO_WORDS.has(u.fold))) {
      a++;
      continue;
    }
    if (isAcronym(t) || isMixedAcronym(t) || f & (NAME_LIKE | ANY_PLACE | ORGANIZATION | DEMONYM)) break;
    if (TITLE_WORDS.has(t.fold) || PORTFOLIO_WORDS.has(t.fold)) break;
    // "Jailed Khmer Rouge leader …", "Plucking DNA samples …": an English sentence-initial word the lexicon does not know,
    // shaped as a past participle, or as a gerund before an acronym, is grammar before the name, not its first word.
    // Names so shaped are many ("Ealing Council", "Kettering General Hospital", "Manning Ruiz"): never before a body's
    // head word, and a word in "-ing" only before an acronym.
    const nextWord = tokens[a + 1];
    if (
      b.profile === 'en' &&
      f === 0 &&
      a + 1 < end &&
      t.fold.length >= 6 &&
      !!nextWord &&
      !isOrgHead(nextWord.fold) &&
      ((t.fold.endsWith('ed') && !(flags(nextWord.fold) & NAME_LIKE)) || (t.fold.endsWith('ing') && isAcronym(nextWord)))
    ) {
      a++;
      continue;
    }
    if (DIRECTION_WORDS.has(t.fold) && a + 1 < end) break;
    // "St. Anthony Foundation", "Mt. Everest": an abbreviated saint's or mountain's title opens the name.
    if (t.dotted && (t.fold === 'st' || t.fold === 'mt' || t.fold === 'ft') && a + 1 < end) break;
    // "Human Rights Watch", "Doctors Without Borders": a sentence-initial common word before two or more capitalised
    // common words is the first word of a body's name made of common words, not grammar.
    if (!(f & FUNCTION) && isCommonWord(t.fold) && b.profile === 'en' && end - a >= 3 && commonWordName(tokens, a + 1, end)) break;
    // "White House spokeswoman …", "Supreme Court justices …", "State Department official …": a sentence-initial word
    // before a body's capitalised head word is the first word of the body's name.
    const head = tokens[a + 1];
    const staff = a + 2 < end ? tokens[a + 2] : tokens[end];
    if (!(f & FUNCTION) && b.profile === 'en' && head?.cap && !head.caps && isOrgHead(head.fold) && a + 1 < end && staff && staff.kind === 'word' && isRoleNoun(staff.fold)) break;
    // "Amnesty International said", "Transparency International's report": "International" ends a body's name.
    if (!(f & FUNCTION) && head?.cap && a + 2 === end && INTERNATIONAL_HEADS.has(head.fold)) break;
    // "Doctors Without Borders": a name cannot start with the capitalised function word after the first word.
    const after = tokens[a + 1];
    if (!(f & FUNCTION) && b.profile === 'en' && end - a >= 3 && after?.cap && !after.caps && flags(after.fold) & FUNCTION && !LEADING_FUNCTION_WORDS.has(after.lower)) break;
    if (f & FUNCTION || isCommonWord(t.fold)) {
      a++;
      continue;
    }
    // "Following Barack Obama's announcement": an unknown sentence-initial word before a given name and a
    // surname is grammar, not the start of the name.
    const next = tokens[a + 1];
    const personAfter =
      end - a >= 3 && (flags(next?.fold ?? '') & FIRST_NAME || flags(spanKey(tokens, a + 1, Math.min(end, a + 3))) & PERSON || flags(spanKey(tokens, a + 1, end)) & PERSON);
    if (next && personAfter && !(f & NAME_LIKE) && !isDemonym(t.fold)) {
      a++;
      continue;
    }
    break;
  }
  // "el programa de Radio Sur Las Voces del Barrio": a capitalised article right after a capitalised word (no "de" before
  // it) starts a second name, the title of something the first name makes (a programme, a column); only the first is a
  // name.
  if (b.profile === 'romance') {
    for (let k = a + 2; k < end - 1; k++) {
      const t = tokens[k];
      if (t?.cap && !t.initial && ROMANCE_DEFINITE_ARTICLES.has(t.lower) && tokens[k - 1]?.cap && tokens[k - 1]?.kind === 'word') {
        b.works.add(spanKey(tokens, k, end));
        decompose(b, a, k);
        return;
      }
    }
  }
  // "the University of Maryland's Men's Football team": a unit of the body named before it is a description.
  if (b.profile === 'en' && tokens[a]?.poss && PLURAL_PERSON_NOUNS.has(tokens[a]?.fold ?? '') && tokens[a - 1]?.poss && tokens[a - 1]?.cap) return;
  // "the Most Valuable Player": a superlative opens the name of an honour, not a body's or a person's.
  if (b.profile === 'en' && end - a >= 2 && SUPERLATIVE_ADVERBS.has(tokens[a]?.fold ?? '') && tokens[a]?.cap) {
    b.works.add(spanKey(tokens, a, end));
    return;
  }
  // "Santa Fe, Capital of New Mexico": a capital "of" a place describes the city; the place is the name.
  if (b.profile === 'en' && end - a >= 3 && tokens[a]?.fold === 'capital' && tokens[a + 1]?.lower === 'of') {
    decompose(b, a + 2, end);
    return;
  }
  // "VOICE ONE: …", "THIS IS AMERICA": capitals throughout over common words are a speaker's label or a programme's
  // shouted title, not a name.
  if (b.profile === 'en' && end - start >= 2 && tokens.slice(start, end).every((t) => t.kind !== 'word' || t.caps || NAME_CONNECTORS.has(t.lower))) {
    const words = tokens.slice(start, end).filter((t) => t.kind === 'word' && t.caps);
    const grammar = words.some((t) => flags(t.fold) & FUNCTION && !NAME_CONNECTORS.has(t.fold));
    const label = tokens[end]?.text === ':' && words.every((t) => isCommonWord(t.fold) || NUMBER_WORDS.has(t.fold));
    if (grammar || label) return;
  }
  // "університету імені Тараса Шевченка": the person a body is named after is part of its name, not a person of the story.
  if (b.profile === 'cyrillic' && /^(?:імені|имени|ім)$/u.test(tokens[a - 1]?.lower ?? '') && !tokens[a - 1]?.cap) return;
  // "Players I've met": a pronoun with a contracted verb ends the name before it.
  while (end - a >= 2 && PRONOUN_CONTRACTION.test(tokens[end - 1]?.lower ?? '')) end--;
  // "Hong Kong's Court of Appeal": a known place's possessive owns the name after it; they are two names.
  for (let k = a + 1; k < end - 1; k++) {
    if (!tokens[k]?.poss) continue;
    if (flags(spanKey(tokens, a, k + 1)) & ANY_PLACE && tokens[k + 1]?.cap) {
      const placeCues = emptyCues();
      placeCues.place += 2;
      classifyPart(b, a, k + 1, null, placeCues);
      decompose(b, k + 1, end);
      return;
    }
    break;
  }
  // "la ONG Prisoners Defenders": a generic abbreviation ("ONG", "NGO") before a name describes what the body is.
  while (end - a >= 2 && tokens[a]?.caps && GENERIC_BODY_ACRONYMS.has(tokens[a]?.fold ?? '')) a++;
  // "the Israeli NGO B'Tselem", "la ONG cubana …": a nationality before such an abbreviation describes the body too.
  if (end - a >= 3 && isDemonym(tokens[a]?.fold ?? '') && tokens[a + 1]?.caps && GENERIC_BODY_ACRONYMS.has(tokens[a + 1]?.fold ?? '')) a += 2;
  // "arrived in Berlin Monday": a weekday after a name dates the sentence; it is not part of the name.
  while (end - a >= 2 && WEEKDAYS.has(tokens[end - 1]?.fold ?? '')) end--;
  // "L'entreprise Corvel": a sentence-initial elided article and a noun describing a body before its name.
  const elided = tokens[a];
  if (b.profile === 'romance' && end - a >= 2 && elided?.initial && /^[LD]['’]/u.test(elided.text) && ROMANCE_ORG_DESCRIPTORS.has(elided.lower.slice(2))) {
    const cues = emptyCues();
    cues.organization += 4;
    classifyPart(b, a + 1, end, null, cues);
    return;
  }
  // "the Australian Aboriginal Flag for A$20 million": a single letter after "of"/"for" is not a name part.
  while (end - a >= 3 && tokens[end - 1]?.text.length === 1 && !tokens[end - 1]?.dotted && NAME_CONNECTORS_AND_OF.has(tokens[end - 2]?.lower ?? '')) end -= 2;
  // "Представники Верховної Ради": a sentence-initial noun governing an inflected body is not part of it.
  if (
    b.profile === 'cyrillic' &&
    end - a >= 3 &&
    tokens[a]?.initial &&
    !TITLE_WORDS.has(tokens[a]?.fold ?? '') &&
    tokens[a + 1]?.cap &&
    !cyrillicHeadNominative(tokens[a]?.lower ?? '') &&
    CYRILLIC_CASE_ENDING.test(tokens[a + 1]?.lower ?? '')
  )
    a++;
  // "Представники Міністерства закордонних справ": likewise before a body's capitalised head.
  else if (
    b.profile === 'cyrillic' &&
    end - a >= 3 &&
    tokens[a]?.initial &&
    !cyrillicHeadNominative(tokens[a]?.lower ?? '') &&
    !CYRILLIC_ADJECTIVE.test(tokens[a]?.lower ?? '') &&
    cyrillicHeadNominative(tokens[a + 1]?.lower ?? '') &&
    tokens[a + 1]?.cap
  )
    a++;
  // "кореспонденці ТСН Ользі Кошеленко": an outlet's acronym before a person's given name and surname is two names.
  if (b.profile === 'cyrillic' && end - a >= 3 && tokens[a]?.caps && isCyrillicGivenName(tokens[a + 1]?.lower ?? '') && tokens.slice(a + 2, end).every((t) => t.cap && !t.caps)) {
    const bodyCues = emptyCues();
    bodyCues.organization += 2;
    classifyPart(b, a, a + 1, null, bodyCues);
    const personCues = emptyCues();
    personCues.person += 3;
    classifyPart(b, a + 1, end, null, personCues);
    return;
  }
  // Stripping "Shares" from "Shares of Japan" leaves "of": connectors cannot start a name.
  while (a < end && !tokens[a]?.cap) a++;
  // Only a capitalised word directly before ("Great" Barrier Reef) may have been part of the name.
  b.strippedAt = a > start && tokens[a - 1]?.cap ? a : -1;
  if (a >= end) return;
  const firstTok = tokens[a];
  if (!firstTok) return;

  if (end - a === 1 && (MONTHS.has(firstTok.fold) || WEEKDAYS.has(firstTok.fold) || (flags(firstTok.fold) & DATE && !(flags(firstTok.fold) & NAME_LIKE)))) return;
  if (end - a === 1 && ROMAN_NUMERALS.has(firstTok.fold)) return;
  // "Українці", "українців": the people of a country are no place.
  if (end - a === 1 && b.profile === 'cyrillic') {
    const people = /^(.{3,})(?:ці|ців|цям|цями|цях|ець|ця|цю|цем|ка|ки|ок)$/u.exec(firstTok.lower);
    if (people?.[1] && (CYRILLIC_PLACE_NAMES.has(`${people[1]}а`) || CYRILLIC_PLACE_NAMES.has(`${people[1]}ія`))) return;
  }
  // "Las noticias …", "Der Bericht …": an article alone is grammar, whatever the lexicon says of the word.
  if (end - a === 1 && (b.profile === 'de' || b.profile === 'romance') && FOREIGN_LEADING_WORDS.has(firstTok.lower)) return;
  // Seasons, diseases and technical abbreviations are terms, not entities ("In Spring", "COVID", "GDP"); a
  // language's name in one language may be a country's in German ("italien", "Italien").
  if (
    end - a === 1 &&
    !(b.profile === 'de' && FOREIGN_PLACE_NAMES.has(firstTok.fold)) &&
    (NON_ENTITY_WORDS.has(firstTok.fold) || NON_ENTITY_WORDS.has(firstTok.fold.replace(/[-+ ]?\d+$/u, '')) || NON_ENTITY_WORDS.has(firstTok.lower.replace(/[-+−]?\d+$/u, '')))
  )
    return;
  // "на Різдво", "до Великодня": the feasts of the year are dates, not names.
  if (end - a === 1 && b.profile === 'cyrillic' && CYRILLIC_FEAST.test(firstTok.lower)) return;
  // "захищати Батьківщину": the homeland, capitalised out of respect, is no place's name.
  if (end - a === 1 && b.profile === 'cyrillic' && CYRILLIC_HOMELAND.test(firstTok.lower)) return;
  if (isEvent(tokens, a, end)) return;
  // "la región Latinoamericana", "la côte Méditerranéenne": an adjective formed from a place's name is no place.
  if (end - a === 1 && (b.profile === 'romance' || b.profile === 'en') && isPlaceAdjective(firstTok.fold)) return;
  if ((b.profile === 'de' || b.profile === 'romance') && FOREIGN_PLACE_NAMES.has(spanKey(tokens, a, end))) {
    classifyPart(b, a, end, null, emptyCues());
    return;
  }
  if (isDemonymPhrase(tokens, a, end)) return;
  // "US and Ukrainian officials", "British and US troops": a country's abbreviation coordinated with a nationality is one too.
  if (
    end - a === 1 &&
    firstTok.caps &&
    COUNTRY_ABBREVIATIONS.has(firstTok.fold) &&
    ((COORDINATING.has(tokens[end]?.lower ?? '') && isDemonym(tokens[end + 1]?.fold ?? '')) ||
      (COORDINATING.has(tokens[a - 1]?.lower ?? '') && isDemonym(tokens[a - 2]?.fold ?? '')))
  )
    return;
  // "U.S.-Iranian relations": a country's abbreviation joined by a hyphen to a nationality is an adjective.
  if (end - a === 1 && firstTok.caps && tokens[end]?.text === '-' && tokens[end + 1] && isDemonym(tokens[end + 1]?.fold ?? '')) return;
  // "the Chinese Xinhua news service": a nationality before a one-word name is a description, unless the
  // two make a known name or a body's name ("Russian Foreign Ministry").
  if (
    end - a === 2 &&
    isDemonym(firstTok.fold) &&
    !(flags(spanKey(tokens, a, end)) & (ANY_PLACE | ORGANIZATION | PERSON)) &&
    !isOrgHead(tokens[a + 1]?.fold ?? '') &&
    !PLACE_HEADS.has(tokens[a + 1]?.fold ?? '') &&
    !TITLE_WORDS.has(tokens[a + 1]?.fold ?? '') &&
    !isCommonWord(tokens[a + 1]?.fold ?? '')
  ) {
    a += 1;
  }

  const whole = flags(spanKey(tokens, a, end));
  if (whole & (ANY_PLACE | ORGANIZATION) && !(whole & PERSON)) {
    classifyPart(b, a, end, null, emptyCues());
    return;
  }

  // "Deputy Chief of Police of the Harwick Police Department": a title's body after its last "of the" is a name
  // of its own, and the title before it is no name at all.
  if (TITLE_WORDS.has(tokens[a]?.fold ?? '') && isOrgHead(tokens[end - 1]?.fold ?? '')) {
    let of = -1;
    for (let k = end - 2; k > a; k--) {
      if (tokens[k]?.lower === 'of' && tokens[k + 1]?.lower === 'the') {
        of = k;
        break;
      }
    }
    if (of > a && end - (of + 2) >= 2) {
      const cues = emptyCues();
      cues.organization += 3;
      classifyPart(b, of + 2, end, null, cues);
      return;
    }
  }
  // Titles: the last title word separates the role (and a body before it) from the name after it.
  let firstTitle = -1;
  let lastTitle = -1;
  for (let k = a; k < end; k++) {
    const t = tokens[k];
    // "Analyst Peter Lindqvist", "Farmer Jane Doe": any role noun opening a span works like a title.
    // Cyrillic titles are inflected ("Держсекретаря США …", "Міністра оборони …"): the stem counts.
    const cyrillicTitle = !!t && b.profile === 'cyrillic' && t.cap && !t.caps && TITLE_WORDS.has(t.lower.replace(/(?:ові|еві|єві|ом|ем|єм|ою|ею|а|я|у|ю)$/u, ''));
    const title =
      !!t && (TITLE_WORDS.has(t.fold) || cyrillicTitle || frenchCourtesyTitle(b, k, end) || (k === a && isRoleNoun(t.fold) && end - a >= 2 && !commonWordName(tokens, a + 1, end)));
    if (t && title && (t.cap || t.caps)) {
      if (firstTitle < 0) firstTitle = k;
      lastTitle = k;
    } else if (
      firstTitle >= 0 &&
      !(t && (PORTFOLIO_WORDS.has(t.fold) || NAME_CONNECTORS.has(t.lower) || (isDemonym(t.fold) && k + 1 < end && TITLE_WORDS.has(tokens[k + 1]?.fold ?? ''))))
    ) {
      break;
    }
  }
  if (firstTitle >= 0) {
    let nameStart = lastTitle + 1;
    // "Secretary of State Antony Blinken": the body after "of" belongs to the role.
    if (tokens[nameStart]?.lower === 'of') {
      const run = lexiconRun(tokens, nameStart + 1, end);
      nameStart = run.end > nameStart + 1 ? run.end : Math.max(nameStart + 2, end - 2);
    }
    while (nameStart < end && NAME_CONNECTORS.has(tokens[nameStart]?.lower ?? '') && !tokens[nameStart]?.cap) nameStart++;
    // "Deputy Chief of Police of the Knoxville police department": after "of", what follows is the body, not a name.
    // "Bürgermeister von Passau", "maire de Lyon": a title's "of" in other languages, unless an honorific opens a
    // surname with a particle ("Frau von der Leyen").
    const link = tokens[lastTitle + 1]?.lower ?? '';
    const afterOf = link === 'of' || (TITLE_OF.has(link) && !HONORIFICS.has(tokens[lastTitle]?.fold ?? ''));
    while (nameStart < end && !tokens[nameStart]?.cap) nameStart++;
    if (afterOf && end - nameStart < 2) {
      // The one word after it is what the title governs: a place or a body, never the person.
      if (link !== 'of' && nameStart < end) classifyPart(b, nameStart, end, null, emptyCues(), true);
      nameStart = end;
    }
    // "Голова Верховної Ради Руслан Стефанчук": the inflected body after a Cyrillic title belongs to the
    // role; the person is the last two words (three with a patronymic).
    let governed = -1;
    if (b.profile === 'cyrillic' && end - nameStart >= 3) {
      const patronymic = /(?:ович|евич|йович|івна|ївна|івни|овна|евна)$/u.test(tokens[end - 2]?.lower ?? '');
      // "Суддя Емі Берман Джексон": three names right after the title, the first neither a body, a place nor an
      // inflected adjective, are one person's (a given name, a middle name and a surname).
      const first = tokens[nameStart];
      const threeNames =
        end - nameStart === 3 &&
        nameStart === lastTitle + 1 &&
        !!first &&
        !first.caps &&
        !cyrillicOrgStem(first.lower) &&
        !isCyrillicPlace(first.lower) &&
        !CYRILLIC_PLACE_NAMES.has(first.lower) &&
        !CYRILLIC_CASE_ENDING.test(first.lower) &&
        tokens.slice(nameStart, end).every((t) => t.cap && !t.caps && !isCyrillicPlace(t.lower));
      if (nameStart === lastTitle + 1 && !threeNames) governed = nameStart;
      if (!threeNames) nameStart = Math.max(nameStart, end - (patronymic ? 3 : 2));
    }
    // "Мер Миколаєва Сєнкевич": a mayor's or a governor's title governs the place; with no given name after it, the
    // person is the surname alone.
    if (
      b.profile === 'cyrillic' &&
      end - nameStart === 2 &&
      nameStart === lastTitle + 1 &&
      PLACE_TITLES.has(tokens[lastTitle]?.fold ?? '') &&
      !isCyrillicGivenName(tokens[nameStart]?.lower ?? '') &&
      /[аяуюі]$/u.test(tokens[nameStart]?.lower ?? '')
    ) {
      const cues = emptyCues();
      cues.place += 3;
      classifyPart(b, nameStart, nameStart + 1, null, cues, true);
      nameStart++;
    }
    // "Уповноважений Президента України": a second title, in the genitive, governs the country after it; no one is named.
    const genitiveTitle = b.profile === 'cyrillic' && end - nameStart >= 2 ? (tokens[nameStart]?.fold ?? '').replace(/(?:а|у|ові|ом|ем|ою|і)$/u, '') : '';
    if (genitiveTitle && genitiveTitle !== tokens[nameStart]?.fold && TITLE_WORDS.has(genitiveTitle)) {
      classifyPart(b, nameStart + 1, end, null, emptyCues(), true);
      return;
    }
    // "Chief Operations Officer of Delta TV": a second title word after other words of the role makes them all the role;
    // the body after its "of" is the name.
    if (b.profile !== 'cyrillic') {
      for (let k = nameStart + 1; k < end - 2; k++) {
        if (!tokens[k]?.cap || !TITLE_WORDS.has(tokens[k]?.fold ?? '') || tokens[k + 1]?.lower !== 'of') continue;
        let owner = k + 2;
        if (tokens[owner]?.lower === 'the') owner++;
        if (owner < end) classifyPart(b, owner, end, null, emptyCues(), true);
        return;
      }
    }
    const nameTokens = end - nameStart;
    const nameLast = tokens[end - 1];
    const nameFirst = tokens[nameStart];
    const validName =
      nameTokens >= 1 &&
      nameTokens <= 5 &&
      !!nameLast &&
      !!nameFirst &&
      !isOrgHead(nameLast.fold) &&
      !PLACE_HEADS.has(nameLast.fold) &&
      // "Major League Soccer", "General Assembly Hall": a body's head word inside the rest makes the title word the
      // first word of a body's name, not a rank before a person's.
      !(latinTitleOpensBody(tokens, a, firstTitle, nameStart, end) && b.profile !== 'cyrillic') &&
      !isDemonymPhrase(tokens, nameStart, end) &&
      !(nameTokens === 1 && isCommonWord(nameFirst.fold) && !(flags(nameFirst.fold) & NAME_LIKE)) &&
      // "Голова Служби безпеки": an inflected body after a Cyrillic title is not a name.
      !(b.profile === 'cyrillic' && nameTokens <= 2 && tokens.slice(nameStart, end).some((t) => cyrillicOrgStem(t.lower) || CYRILLIC_CASE_ENDING.test(t.lower))) &&
      // "Vice Presidential running mate": an adjective after a title is not a name.
      !(nameTokens === 1 && /(?:ial|ical)$/.test(nameFirst.fold) && !(flags(nameFirst.fold) & NAME_LIKE)) &&
      !(nameTokens === 1 && isAcronym(nameFirst)) &&
      !(flags(spanKey(tokens, nameStart, end)) & (ANY_PLACE | ORGANIZATION) && !(flags(spanKey(tokens, nameStart, end)) & NAME_LIKE));
    // "Голова Національного банку": a Cyrillic title governing a body (in the genitive) and no name after it.
    if (!validName && b.profile === 'cyrillic' && nameStart === lastTitle + 1 && nameTokens >= 2 && cyrillicHeadAt(tokens, nameStart, end)) {
      const cues = emptyCues();
      cues.organization += 3;
      classifyPart(b, nameStart, end, null, cues, true);
      return;
    }
    // "Держсекретаря США", "Президента Франції": a title governing a known place or body names no one; the place stays.
    const restFlags = flags(spanKey(tokens, nameStart, end));
    if (
      !validName &&
      nameTokens >= 1 &&
      nameTokens <= 3 &&
      firstTitle === a &&
      (restFlags & (ANY_PLACE | ORGANIZATION) ||
        // "Речниця МЗС": a title and a body's acronym.
        (nameTokens === 1 && !!nameFirst && isAcronym(nameFirst)) ||
        (b.profile === 'cyrillic' && nameTokens === 1 && (isCyrillicPlace(nameFirst?.lower ?? '') || CYRILLIC_PLACE_NAMES.has(nameFirst?.lower ?? ''))))
    ) {
      classifyPart(b, nameStart, end, null, emptyCues(), true);
      return;
    }
    if (validName || nameTokens === 0) {
      let prefixEnd = firstTitle;
      // "Pentagon Press Secretary John Kirby": "press" belongs to a press secretary's or officer's title.
      if (prefixEnd - 1 > a && tokens[prefixEnd - 1]?.fold === 'press' && PRESS_TITLES.has(tokens[firstTitle]?.fold ?? '')) prefixEnd--;
      while (prefixEnd > a && PORTFOLIO_WORDS.has(tokens[prefixEnd - 1]?.fold ?? '') && !isAcronym(tokens[prefixEnd - 1] as Token)) prefixEnd--;
      const roleWords: string[] = [];
      for (let k = a; k < nameStart; k++) {
        const t = tokens[k];
        if (t && t.kind === 'word' && t.lower !== 'of' && t.lower !== 'the') {
          roleWords.push(t.fold);
        }
      }
      // "Amnesty International's Asia director …": a possessive ends the owner's name; what follows qualifies the role.
      for (let k = prefixEnd - 2; k >= a; k--) {
        if (!tokens[k]?.poss) continue;
        if (!isRoleModifierRun(tokens, k + 1, prefixEnd) && !(flags(spanKey(tokens, k + 1, prefixEnd)) & ANY_PLACE)) break;
        prefixEnd = k + 1;
        break;
      }
      // "International Monetary Fund Managing Director …": the body ends at its last head word or acronym.
      if (prefixEnd > a && !isRoleModifierRun(tokens, a, prefixEnd)) {
        let bodyEnd = prefixEnd;
        while (bodyEnd > a + 1 && !isOrgHead(tokens[bodyEnd - 1]?.fold ?? '') && !isAcronym(tokens[bodyEnd - 1] as Token)) bodyEnd--;
        if (bodyEnd > a + 1 || isOrgHead(tokens[a]?.fold ?? '') || isAcronym(tokens[a] as Token)) prefixEnd = bodyEnd;
      }
      // "Emergency Situations Minister …", "Homeland Security Secretary …": before a minister's title, two or more words
      // that are no body's name (no head word, acronym or known name) name the portfolio, not a body ("Pentagon Press
      // Secretary" keeps its body).
      const portfolio =
        prefixEnd - a >= 2 &&
        MINISTERIAL_TITLES.has(tokens[firstTitle]?.fold ?? '') &&
        !(flags(spanKey(tokens, a, prefixEnd)) & (ANY_PLACE | ORGANIZATION)) &&
        !tokens.slice(a, prefixEnd).some((t) => isOrgHead(t.fold) || isAcronym(t) || t.poss);
      if (prefixEnd > a && !portfolio && !isRoleModifierRun(tokens, a, prefixEnd)) {
        const cues = emptyCues();
        const prefixFlags = flags(spanKey(tokens, a, prefixEnd));
        if (orgShape(tokens, a, prefixEnd)) cues.organization += 3;
        else if (prefixFlags & ANY_PLACE || (DIRECTION_WORDS.has(tokens[a]?.fold ?? '') && flags(spanKey(tokens, a + 1, prefixEnd)) & ANY_PLACE)) cues.place += 3;
        else cues.organization += 2.5;
        classifyPart(b, a, prefixEnd, null, cues, true);
      }
      // "Речник Пентагону Джон Кірбі", "Голова Верховної Ради Руслан Стефанчук": the body (or place) a Cyrillic title
      // governs stands between it and the name; a spokesperson's is a body.
      if (governed >= 0 && governed < nameStart && tokens.slice(governed, nameStart).every((t) => t.kind === 'word' && (t.cap || NAME_CONNECTORS.has(t.lower)))) {
        const cues = emptyCues();
        if (STAFF_NOUNS.has(tokens[lastTitle]?.fold ?? '')) cues.organization += 2;
        classifyPart(b, governed, nameStart, null, cues, true);
      }
      if (nameTokens > 0) {
        const cues = emptyCues();
        cues.person += 3;
        const head = tokens[lastTitle]?.fold ?? '';
        classifyPart(b, nameStart, end, { words: roleWords, head }, cues);
      }
      return;
    }
  }
  classifyPart(b, a, end, null, emptyCues());
}

/**
 * Whether a title word opening a run ("Major", "General") is the first word of a body's name rather than a rank before
 * a person's: a body's head word stands inside the rest ("Major League Soccer") and no given name does.
 */
function latinTitleOpensBody(tokens: Token[], a: number, firstTitle: number, nameStart: number, end: number): boolean {
  if (firstTitle !== a || end - nameStart < 2) return false;
  let head = false;
  for (let k = nameStart; k < end; k++) {
    const t = tokens[k];
    if (!t || flags(t.fold) & FIRST_NAME) return false;
    if (k < end - 1 && t.cap && isOrgHead(t.fold)) head = true;
  }
  return head;
}

/** Nouns for a government's view, which a capital's name may qualify ("the Washington perspective", "the Moscow line"). */
const STANCE_NOUNS = new Set(['perspective', 'view', 'views', 'position', 'stance', 'line', 'narrative', 'policy', 'approach', 'establishment', 'consensus']);

/** Academic disciplines, which a university's department or faculty is named by ("Department of Mathematics and Statistics"). */
const DISCIPLINES = new Set([
  'mathematics',
  'statistics',
  'physics',
  'chemistry',
  'biology',
  'geology',
  'astronomy',
  'economics',
  'history',
  'philosophy',
  'psychology',
  'sociology',
  'linguistics',
  'anthropology',
  'engineering',
  'medicine',
  'computer',
  'science',
  'sciences',
  'informatics',
  'literature',
  'music',
  'architecture',
  'biochemistry',
  'neuroscience',
  'and',
  '&',
]);

/** Spanish and French nouns of public bodies and powers that refer to one without naming it ("la Fiscalía", "el Régimen"). */
const ROMANCE_GENERIC_BODIES = new Set(['fiscalia', 'regimen', 'regime', 'estado', 'etat', 'revolucion', 'revolution', 'administracion', 'administration', 'justicia', 'justice']);

/** Ukrainian and Russian compounds shortened from a body's name ("Мінʼюст", "Міноборони", "Держдеп", "Нацбанк"). */
const CYRILLIC_BODY_COMPOUND =
  /^(?:мін(?:[ʼ'’]юст|юст|фін|економ|оборон|здоров|здрав|культ|цифр|соцполіт|агро|інфраструктур|ветеран|реінтеграц|природ|регіон|енерго|освіт|закордон)|держдеп|держдепартамент|держприкордонслужб|держслужб|нацполіці|нацбанк|генпрокуратур|минобороны|минфин|минюст|госдеп)\p{L}*$/u;

/** Ukrainian and Russian bodies known by their head noun alone: legislatures, the General Staff. */
const CYRILLIC_PROPER_BODY = /^(?:конгрес|сенат|парламент|рад[аиіуо]|радою|дум[аиіуо]|думою|сейм|кнесет|бундестаг|генштаб|кабмін|кабмин)\p{L}*$/u;

/** Ukrainian and Russian titles of an office held over a place ("мер Одеси", "губернатор області"). */
const PLACE_TITLES = new Set(['мер', 'мэр', 'губернатор']);

/** Abbreviations of what kind of body a name is ("ONG", "NGO"), which describe it. */
const GENERIC_BODY_ACRONYMS = new Set(['ong', 'ongs', 'ngo', 'ngos', 'nro']);

/** Titles that "press" may open ("Press Secretary", "Press Officer"). */
const PRESS_TITLES = new Set(['secretary', 'officer', 'attache', 'spokesman', 'spokeswoman', 'spokesperson', 'aide', 'director']);

/** Adjective endings that Spanish, French and English form from a place's name ("latinoamericana", "européenne", "aboriginal"). */
const PLACE_ADJECTIVE_ENDING = /^(.{4,}?)(?:na|no|nas|nos|nne|ne|n|ense|enses|al)$/u;

/** Whether a word is an adjective formed from a known place's name ("Latinoamericana" from "Latinoamérica"). */
const isPlaceAdjective = (fold: string): boolean => {
  const m = PLACE_ADJECTIVE_ENDING.exec(fold);
  const stem = m?.[1];
  if (!stem || flags(fold) & (ANY_PLACE | NAME_LIKE | ORGANIZATION) || FOREIGN_PLACE_NAMES.has(fold)) return false;
  return (
    FOREIGN_PLACE_NAMES.has(stem) ||
    FOREIGN_PLACE_NAMES.has(`${stem}a`) ||
    (flags(stem) & (COUNTRY | REGION | PLACE)) !== 0 ||
    (flags(`${stem}a`) & (COUNTRY | REGION | PLACE)) !== 0
  );
};

/** Whether [a, end) are capitalised common words (connectors aside), none a name, a place or a role. */
const commonWordName = (tokens: Token[], a: number, end: number): boolean => {
  let words = 0;
  for (let k = a; k < end; k++) {
    const t = tokens[k];
    if (!t) return false;
    if (!t.cap && NAME_CONNECTORS_AND_OF.has(t.lower)) continue;
    // "Doctors Without Borders": a capitalised function word inside the name.
    if (t.cap && k > a && k < end - 1 && flags(t.fold) & FUNCTION) continue;
    if (!t.cap || t.caps || !isCommonWord(t.fold) || flags(t.fold) & (NAME_LIKE | ANY_PLACE | FUNCTION) || isRoleNoun(t.fold) || TITLE_WORDS.has(t.fold)) return false;
    words++;
  }
  return words >= 2;
};

/** Whether a word of [a, end) is a place's name on its own (lexicon or gazetteer). */
const hasPlaceWord = (tokens: Token[], a: number, end: number): boolean => {
  for (let k = a; k < end; k++) {
    const t = tokens[k];
    if (t && (flags(t.fold) & ANY_PLACE || FOREIGN_PLACE_NAMES.has(t.fold))) return true;
  }
  return false;
};

/** Forms of "play" before "for" and the team a player plays for. */
const PLAY_VERBS = new Set(['play', 'plays', 'played', 'playing']);

/** Whether "play(s|ed) for (the)" stands right before the name at `a`. */
const playsFor = (tokens: Token[], a: number): boolean => {
  let k = a - 1;
  if (tokens[k]?.lower === 'the') k--;
  return tokens[k]?.lower === 'for' && PLAY_VERBS.has(tokens[k - 1]?.lower ?? '');
};

/** A capitalised plural of a word that is no name ("Patriots", "Gigantes"): a group's or a team's noun. */
const capitalisedPlural = (t: Token | undefined): boolean =>
  !!t && t.kind === 'word' && t.cap && !t.caps && t.fold.length >= 5 && /[^s]s$/u.test(t.fold) && !(flags(t.fold) & (NAME_LIKE | ANY_PLACE));

/**
 * "New England Patriots", "Cincinnati Bengals": in English, a known place's name followed by capitalised words ending in
 * a plural; "Gigantes de San Francisco", "Medias Blancas de Chicago": in Spanish and French, capitalised words ending in
 * a plural, "de" and a known place. Either is a team's or a body's name, not a person's or a place's.
 */
function placeTeamName(tokens: Token[], a: number, end: number, whole: number, profile: Profile): boolean {
  const n = end - a;
  if (n < 2 || n > 6 || whole & (ANY_PLACE | PERSON | ORGANIZATION)) return false;
  const nameWord = (t: Token | undefined): boolean =>
    !!t && t.kind === 'word' && t.cap && !isOrgHead(t.fold) && !PLACE_HEADS.has(t.fold) && !EVENT_HEADS.has(t.fold) && !isDemonym(t.fold) && !isRoleNoun(t.fold);
  if (profile === 'en') {
    if (!capitalisedPlural(tokens[end - 1])) return false;
    for (let k = end - 1; k > a; k--) {
      const f = flags(spanKey(tokens, a, k));
      if (f & (COUNTRY | REGION | CITY) && !(f & NAME_LIKE)) return tokens.slice(k, end).every(nameWord);
    }
    return false;
  }
  if (profile !== 'romance') return false;
  let de = a + 1;
  while (de < end && tokens[de]?.cap) de++;
  if (de >= end - 1 || !['de', 'del'].includes(tokens[de]?.lower ?? '') || !capitalisedPlural(tokens[de - 1])) return false;
  if (!tokens.slice(a, de).every(nameWord) || FOREIGN_PLACE_NOUNS.has(tokens[a]?.fold ?? '') || ROMANCE_PLACE_FIRST.has(tokens[a]?.fold ?? '')) return false;
  // "Embajadores de Estados Unidos", "Ministros de Francia": people's roles in the plural, not a team.
  const plural = tokens[de - 1]?.fold ?? '';
  if ([plural.replace(/es$/u, ''), plural.replace(/s$/u, '')].some((w) => isRoleNoun(w) || TITLE_WORDS.has(w) || ROMANCE_OFFICE_NOUNS.has(w))) return false;
  const place = spanKey(tokens, de + 1, end);
  return !!(flags(place) & (COUNTRY | REGION | CITY)) || FOREIGN_PLACE_NAMES.has(place);
}

/** Whether a word is an adjective of nationality ("Turkish", "nicaragüense"), not of a continent ("European", "europeo"). */
const isNationalityAdjective = (fold: string): boolean => !fold.startsWith('europ') && (isDemonym(fold) || isPlaceAdjective(fold));

/** A day's noun that opens an occasion's name in Ukrainian, Russian, Spanish and French ("Дня Європи", "Día de …"). */
const DAY_NOUN = /^(?:день|дня|дню|днем|дні|день|дня|днём|día|dia|journée|journee|jour)$/u;

/** Nouns for a country's government, which its country's name describes ("Gobierno de Cuba", "Government of Canada"). */
const GOVERNMENT_NOUNS = new Set(['government', 'gobierno', 'gouvernement', 'regierung', 'regime', 'regimen']);
/** Words linking such a noun to the country. */
const COUNTRY_LINKS = new Set(['of', 'de', 'del', 'du', 'des', 'von', "d'", 'd’']);

/** Lowercase nouns for a body's local unit or station ("unidad", "estación", "commissariat"). */
const UNIT_NOUNS = new Set([
  'unidad',
  'estacion',
  'cuartel',
  'comisaria',
  'delegacion',
  'sede',
  'estación',
  'comisaría',
  'delegación',
  'commissariat',
  'poste',
  'caserne',
  'brigade',
]);

/** Whether the generic body noun at `a` follows "<unit noun> de" ("la unidad de Policía …"). */
const unitOfBody = (tokens: Token[], a: number): boolean => {
  const head = tokens[a];
  if (!head || !(GENERIC_BODY_NOUNS.has(head.fold) || FOREIGN_ORG_FIRST.has(head.fold))) return false;
  const link = tokens[a - 1];
  const unit = tokens[a - 2];
  return !!link && !!unit && (link.lower === 'de' || link.lower === 'del') && unit.kind === 'word' && !unit.cap && UNIT_NOUNS.has(unit.lower);
};

/** Lowercase adjectives of a body's reach, which describe a body rather than name it ("el Gobierno local", "la Policía provincial"). */
const SCOPE_ADJECTIVES = new Set([
  'local',
  'locales',
  'provincial',
  'provinciales',
  'municipal',
  'municipales',
  'regional',
  'regionales',
  'estatal',
  'estatales',
  'departamental',
  'comunal',
  'territorial',
  'régional',
  'départemental',
  'departemental',
]);

/**
 * "the Turkish Parliament", "la Policía nicaragüense", "el Gobierno de Ortega": a generic body noun with only a
 * nationality, or "of" and a name that is no place, describes the body rather than naming it.
 */
function describedPublicBody(tokens: Token[], a: number, end: number): boolean {
  const first = tokens[a];
  const last = tokens[end - 1];
  if (!first || !last) return false;
  if (end - a === 2)
    return (
      (GENERIC_BODY_NOUNS.has(first.fold) && (isNationalityAdjective(last.fold) || (!last.cap && SCOPE_ADJECTIVES.has(last.fold)))) ||
      (GENERIC_BODY_NOUNS.has(last.fold) && isNationalityAdjective(first.fold))
    );
  if (end - a !== 3 || !GENERIC_BODY_NOUNS.has(first.fold)) return false;
  const link = tokens[a + 1]?.lower;
  if (link !== 'de' && link !== 'of') return false;
  const f = flags(last.fold);
  return last.cap && !last.caps && !(f & (ANY_PLACE | ORGANIZATION)) && !FOREIGN_PLACE_NAMES.has(last.fold) && (f & NAME_LIKE) !== 0;
}

/** Nouns for devices and software, after which a name is a product's ("the Mac OS X operating system", "the Lumen smartphone"). */
const PRODUCT_NOUNS = new Set([
  'operating',
  'software',
  'app',
  'apps',
  'browser',
  'smartphone',
  'smartphones',
  'handset',
  'handsets',
  'tablet',
  'tablets',
  'laptop',
  'laptops',
  'console',
  'consoles',
  'processor',
  'processors',
  'smartwatch',
]);

/** Nouns after which an acronym names a notation, a standard or a format ("the GBR code", "the ISO standard" aside). */
const TECHNICAL_NOUNS = new Set([
  'code',
  'codes',
  'system',
  'notation',
  'format',
  'formats',
  'protocol',
  'file',
  'files',
  'key',
  'keys',
  'algorithm',
  'encoding',
  'chip',
  'chips',
  'gene',
  'genes',
  'variant',
  'virus',
  'score',
  'scale',
  'rating',
  'ratings',
]);

/** Endings of Ukrainian and Russian infinitives ("захищати", "повернутися", "защищать"). */
const CYRILLIC_INFINITIVE = /\p{L}{3}(?:ти|тися|тись|ть|ться)$/u;

/** "The State" in Spanish and French, which a body's name may end with ("Seguridad del Estado"). */
const STATE_WORDS = new Set(['estado', 'etat']);

/** Words that tie a document's name to the body it is of ("de", "of"). */
const DOCUMENT_OWNER_LINKS = new Set(['de', 'del', 'du', 'des', 'of', "d'", 'd’']);

/** First words of a document's name: a law, a treaty, a report or a set of principles ("Ley NICA", "Loi Evin", "Informe Anual"), not a body. */
const LAW_FIRST = new Set(['ley', 'loi', 'decreto', 'decret', 'tratado', 'traite', 'informe', 'rapport', 'principios', 'principes', 'protocolo', 'protocole']);

/** Whether "(ACRONYM)" right after [a, end) spells the initials of its capitalised words: "Alto Comisionado … (Acnudh)". */
export function expandedAcronym(tokens: Token[], a: number, end: number): boolean {
  const inside = tokens[end + 1];
  if (tokens[end]?.text !== '(' || tokens[end + 2]?.text !== ')' || inside?.kind !== 'word' || inside.text.length < 2) return false;
  let initials = '';
  for (let k = a; k < end; k++) {
    const t = tokens[k];
    if (t?.kind === 'word' && t.cap) initials += t.fold.charAt(0);
  }
  return initials.length >= 2 && initials === inside.fold;
}

/** Adds the evidence of the part's own words and its context, then records it. */
function classifyPart(b: Builder, a: number, end: number, role: Role | null, cues: Cues, prefixOfTitle = false): void {
  if (b.depth >= MAX_CLASSIFY_DEPTH) return;
  b.depth++;
  try {
    classifyPartOnce(b, a, end, role, cues, prefixOfTitle);
  } finally {
    b.depth--;
  }
}

function classifyPartOnce(b: Builder, a: number, end: number, role: Role | null, cues: Cues, prefixOfTitle: boolean): void {
  const { tokens, profile } = b;
  const firstTok = tokens[a];
  const lastTok = tokens[end - 1];
  if (!firstTok || !lastTok) return;
  const n = end - a;
  const key = spanKey(tokens, a, end);
  const whole = flags(key);
  const latin = profile !== 'cyrillic';
  if (latin && n >= 2 && n <= 3 && describedPublicBody(tokens, a, end)) return;
  // "the Arab Spring", "the Prague Spring": a name before an event's capitalised head qualifies the event.
  const eventAfter = tokens[end];
  if (latin && n <= 2 && eventAfter?.kind === 'word' && eventAfter.cap && !eventAfter.initial && EVENT_HEADS.has(eventAfter.fold) && !(whole & (PERSON | ORGANIZATION))) return;
  // "el Gobierno de Estados Unidos", "the Government of Canada": a country's government is described by its country,
  // which is the name.
  if (latin && n >= 3 && GOVERNMENT_NOUNS.has(firstTok.fold) && COUNTRY_LINKS.has(tokens[a + 1]?.lower ?? '')) {
    let k = a + 2;
    if (ROMANCE_DEFINITE_ARTICLES.has(tokens[k]?.lower ?? '') || tokens[k]?.lower === 'the') k++;
    const country = spanKey(tokens, k, end);
    if (k < end && (flags(country) & (COUNTRY | REGION) || FOREIGN_PLACE_NAMES.has(country))) {
      classifyPart(b, k, end, null, emptyCues());
      return;
    }
  }
  // "Дня Європи", "el Día de Europa", "la Journée de l'Afrique": a day named after a place or a body is an occasion; the
  // name it is of still counts.
  if (n >= 2 && DAY_NOUN.test(firstTok.lower)) {
    let k = a + 1;
    while (k < end && !tokens[k]?.cap) k++;
    const known = k < end && (flags(spanKey(tokens, k, end)) & (ANY_PLACE | ORGANIZATION) || (!latin && isCyrillicPlace(tokens[k]?.lower ?? '')));
    if (known) classifyPart(b, k, end, null, emptyCues());
    return;
  }
  // "la unidad de Policía de Guanabacoa", "le commissariat de Police de Nanterre": a body's local unit, named by the
  // place it serves, is a site; the place is the name.
  if (profile === 'romance' && n >= 3 && tokens[a + 1]?.lower === 'de' && tokens[a + 2]?.cap && unitOfBody(tokens, a)) {
    const placeCues = emptyCues();
    placeCues.place += 3;
    classifyPart(b, a + 2, end, null, placeCues);
    return;
  }
  // "el Gobierno dijo", "la Fiscalía pidió", "le Ministère a confirmé": a generic body noun capitalised alone refers to
  // a body; it names none.
  if (
    profile === 'romance' &&
    n === 1 &&
    !firstTok.caps &&
    (GENERIC_BODY_NOUNS.has(firstTok.fold) || FOREIGN_ORG_FIRST.has(firstTok.fold) || ROMANCE_GENERIC_BODIES.has(firstTok.fold)) &&
    !LEGISLATURE_NOUNS.has(firstTok.fold) &&
    !(whole & (ANY_PLACE | PERSON))
  )
    return;
  // "the University said", "la Fundación": a body's head noun alone refers back to a body; it names none
  // (a legislature or a chamber, "Congress", "the House", is the exception).
  if (
    (profile === 'en' || profile === 'romance') &&
    n === 1 &&
    !firstTok.caps &&
    isOrgHead(firstTok.fold) &&
    !(whole & (ORGANIZATION | ANY_PLACE | NAME_LIKE)) &&
    !LEGISLATURE_NOUNS.has(firstTok.fold) &&
    !LEGISLATURE_NAMES.has(firstTok.fold) &&
    !CHAMBER_NOUNS.has(firstTok.fold)
  )
    return;
  // "the Mac OS X operating system", "the Zune player app": a name before a noun for a device or software is a product's.
  if (
    latin &&
    PRODUCT_NOUNS.has(tokens[end]?.lower ?? '') &&
    !tokens[end]?.cap &&
    !(whole & (ORGANIZATION | ANY_PLACE | PERSON)) &&
    !tokens.slice(a, end).some((t) => isOrgHead(t.fold))
  )
    return;
  // "the GBR code", "an RSA key": an acronym before a technical noun names a notation or a standard, not a body.
  if (n === 1 && (firstTok.caps || isMixedAcronym(firstTok)) && TECHNICAL_NOUNS.has(tokens[end]?.lower ?? '')) return;
  if (latin && n >= 2 && LAW_FIRST.has(firstTok.fold)) {
    // "el Informe Anual de Amnistía Internacional": the body whose document it is still counts.
    for (let k = a + 1; k < end - 1; k++) {
      if (!DOCUMENT_OWNER_LINKS.has(tokens[k]?.lower ?? '')) continue;
      let owner = k + 1;
      if (ROMANCE_DEFINITE_ARTICLES.has(tokens[owner]?.lower ?? '') || tokens[owner]?.lower === 'the') owner++;
      const head = tokens[owner];
      const body = tokens.slice(owner, end).some((t) => isOrgHead(t.fold) || FOREIGN_ORG_FIRST.has(t.fold) || INTERNATIONAL_HEADS.has(t.fold) || isAcronym(t));
      if (owner < end && head?.cap && (body || flags(spanKey(tokens, owner, end)) & ORGANIZATION)) classifyPart(b, owner, end, null, emptyCues());
      break;
    }
    return;
  }
  // "the XC40 SUV", "its A320 jets": a product's model code with a common word is a product, not a body.
  if (
    latin &&
    n >= 2 &&
    tokens.slice(a, end).some((t) => /\p{L}\d|\d\p{L}/u.test(t.text)) &&
    !isOrgHead(lastTok.fold) &&
    (NON_ENTITY_WORDS.has(lastTok.fold) || isCommonWord(lastTok.fold))
  )
    return;
  // "Agentes de la Seguridad del Estado", "Membres du Parti vert": the staff or members of a body are people; the
  // body is the name after "de".
  if (profile === 'romance' && n >= 3 && MEMBERS_OF_BODY.has(firstTok.fold)) {
    let k = a + 1;
    while (k < end && !tokens[k]?.cap && (ROMANCE_LINKS.has(tokens[k]?.lower ?? '') || tokens[k]?.lower === "d'" || tokens[k]?.lower === 'd’')) k++;
    if (k > a + 1 && k < end) {
      classifyPart(b, k, end, role, cues, prefixOfTitle);
      return;
    }
  }
  // "Damas de Blanco", "Médicos Sin Fronteras", "Reporteros sin Fronteras": a name opening with a plural noun and
  // a preposition is a group's or a body's, not a person's.
  const groupName =
    profile === 'romance' &&
    n >= 3 &&
    /(?:os|as|es|s)$/u.test(firstTok.fold) &&
    firstTok.fold.length >= 5 &&
    !(flags(firstTok.fold) & (NAME_LIKE | ANY_PLACE | ORGANIZATION)) &&
    !isDemonym(firstTok.fold) &&
    GROUP_PREPOSITIONS.has(tokens[a + 1]?.lower ?? '') &&
    // "Embajadores de Estados Unidos", "Ministros de Francia": people's roles, or a place's people.
    ![firstTok.fold.replace(/es$/u, ''), firstTok.fold.replace(/s$/u, '')].some((w) => isRoleNoun(w) || TITLE_WORDS.has(w) || ROMANCE_OFFICE_NOUNS.has(w)) &&
    tokens[a + 2]?.text !== 'EE' &&
    !hasPlaceWord(tokens, a + 2, end) &&
    !(flags(spanKey(tokens, a + 2, end)) & ANY_PLACE) &&
    !FOREIGN_PLACE_NAMES.has(spanKey(tokens, a + 2, end)) &&
    // "el Día Nacional de las Víctimas del Comunismo": after a capitalised word and "de las" the words end a longer
    // name (a day's, a prize's), not a group's own.
    !(['las', 'los', 'les'].includes(tokens[a - 1]?.lower ?? '') && ['de', 'des'].includes(tokens[a - 2]?.lower ?? '') && !!tokens[a - 3]?.cap);
  // "die Französische Revolution", "der Zweite Weltkrieg": an event, however its words were read.
  if (latin && n >= 2 && isEvent(tokens, a, end)) return;
  // "MV Ocean Explorer", "HMS Victory", "USS Cole": a ship, named after its prefix, is neither a body nor a place.
  if (latin && n >= 2 && firstTok.caps && SHIP_PREFIXES.has(firstTok.fold) && !isOrgHead(lastTok.fold) && !(whole & ORGANIZATION)) return;
  // "Bundestagswahl", "Oktoberfest", "Weltmeisterschaft": a German compound headed by an event's noun.
  if (profile === 'de' && n === 1 && !firstTok.caps && GERMAN_EVENT_COMPOUND.test(firstTok.fold) && !(whole & (ANY_PLACE | ORGANIZATION))) return;
  // "пісню «Серце матері»", "le film « Les Misérables »", "die Sendung „Tagesthemen“": a work's or a campaign's
  // title in quotation marks after the noun for what it is names no body, place or person.
  if (quotedWorkTitle(tokens, a)) return;
  // "a police show, NYPD Blue, had …", "As It Is, a daily magazine show": a name in apposition to a noun for a work
  // is that work's title; so are its other mentions.
  if (latin && (bareWorkTitle(tokens, a, whole) || appositiveWork(tokens, a, end) || workByHead(tokens, a, end, whole))) {
    b.works.add(key);
    return;
  }
  // "his novel The Long Road", "the film Harbor Lights", "l'album Nuit blanche": a work's title right after the noun for
  // what it is, without quotation marks.
  // "la Embajada americana", "le gouvernement français": a body's generic noun and a nationality describe a body, not name it.
  if (profile === 'romance' && n === 2 && FOREIGN_ORG_FIRST.has(firstTok.fold) && !lastTok.caps && isNationalityAdjective(lastTok.fold)) return;
  // "Захищати Батьківщину разом з братом, …": a sentence that opens with an infinitive opens with a verb, not a name.
  if (profile === 'cyrillic' && n >= 2 && firstTok.initial && CYRILLIC_INFINITIVE.test(firstTok.lower)) return;
  if (latin && n >= 2 && expandedAcronym(tokens, a, end)) cues.organization += 3;
  // "Seguridad del Estado", "Consejo de Estado", "Conseil d'État": an organ of the state, named by what it does for it.
  if (profile === 'romance' && n >= 3 && STATE_WORDS.has(lastTok.fold) && ['de', 'del', "d'", 'd’'].includes(tokens[end - 2]?.lower ?? '')) cues.organization += 3;
  // "Благодійний фонд "Спасемо дітей"": a body's generic description before its quoted name is no name itself.
  if (profile === 'cyrillic' && n <= 2 && !lastTok.cap && cyrillicHeadNominative(lastTok.lower) && QUOTE_OPENERS.has(tokens[end]?.text ?? '') && tokens[end + 1]?.cap) return;
  if (!latin && n >= 2 && tokens.slice(a, end).every((t) => /^[\p{Script=Latin}'’.-]+$/u.test(t.text))) {
    // "Joe Biden" written in Latin letters in a Cyrillic text is a person: a known given name opens it and no body's
    // head ends it.
    const person = n <= 3 && flags(firstTok.fold) & FIRST_NAME && !(flags(firstTok.fold) & (ANY_PLACE | ORGANIZATION)) && !isOrgHead(lastTok.fold) && !(whole & ORGANIZATION);
    if (person) cues.person += 2;
    // "New York", "Kyiv" in Latin letters: a place the lexicon knows stays a place.
    else if (whole & ANY_PLACE && !(whole & ORGANIZATION)) cues.place += 4;
    else cues.organization += 1.5;
    addMention(b, a, end, cues, role);
    return;
  }

  // "the Washington perspective", "Moscow said": a capital standing for its government is neither a place nor a body.
  if (profile === 'en' && n === 1 && whole & (CITY | REGION) && !(whole & (COUNTRY | PERSON | ORGANIZATION))) {
    const next = tokens[end];
    const stance = tokens[a - 1]?.lower === 'the' && !!next && next.kind === 'word' && !next.cap && STANCE_NOUNS.has(next.lower);
    const prep = tokens[a - 1];
    const located = !!prep && prep.kind === 'word' && !prep.cap && PLACE_PREPOSITIONS.has(prep.lower);
    const speaks = !located && !!next && next.kind === 'word' && !next.cap && SPEECH_VERBS.has(next.lower) && !firstTok.poss;
    if (stance || speaks) return;
  }
  // "the Department of Mathematics and Statistics": a university's department named by its disciplines is a description.
  if (
    profile === 'en' &&
    n >= 3 &&
    ['department', 'faculty', 'dept'].includes(firstTok.fold) &&
    tokens[a + 1]?.lower === 'of' &&
    tokens.slice(a + 2, end).every((t) => DISCIPLINES.has(t.fold))
  )
    return;
  // "Ayer, …", "Además, …": a lone word opening a Spanish, French or German sentence before a comma is an adverb,
  // whatever company bears the same name.
  if (profile !== 'en' && latin && n === 1 && firstTok.initial && !firstTok.caps && tokens[end]?.text === ',' && whole & ORGANIZATION && !(whole & (ANY_PLACE | PERSON))) return;
  if (whole & ORGANIZATION) cues.organization += 4;
  if (profile === 'de' && n === 1 && GERMAN_PARTY_ADJECTIVES.has(firstTok.fold) && GERMAN_ARTICLES.has(tokens[a - 1]?.lower ?? '')) cues.organization += 3;
  if (n === 1 && !firstTok.initial && CELESTIAL_BODIES.has(key)) cues.place += 3;
  // "the Greens", "the Social Democrats", "the Conservatives": a capitalised plural of an ordinary word
  // after "the" names a party or a group.
  if (profile === 'en' && tokens[a - 1]?.lower === 'the' && !firstTok.initial && lastTok.fold.length > 4 && lastTok.fold.endsWith('s') && !(whole & (ANY_PLACE | PERSON))) {
    const singular = lastTok.fold.endsWith('ies') ? `${lastTok.fold.slice(0, -3)}y` : lastTok.fold.slice(0, -1);
    if (flags(singular) & COMMON && !(flags(singular) & (NAME_LIKE | ANY_PLACE))) cues.organization += 3;
  }
  if (profile === 'de' || profile === 'romance') {
    if (FOREIGN_PLACE_NAMES.has(key)) cues.place += 4;
    if (n >= 2 && FOREIGN_ORG_FIRST.has(firstTok.fold)) cues.organization += 3;
  }
  if (whole & ANY_PLACE) cues.place += 4;
  if (whole & PERSON && n >= 2) cues.person += 3;
  if (n === 1 && firstTok.caps && COUNTRY_ABBREVIATIONS.has(firstTok.fold)) cues.place += 4;
  // "США", "Україні", "Харкова": the gazetteer, in any case; "Велика Британія", "Сполучені Штати" by their last word.
  if (profile === 'cyrillic' && !firstTok.caps && (n === 1 || (n === 2 && CYRILLIC_ADJECTIVE.test(firstTok.lower))) && isCyrillicPlace(lastTok.lower)) cues.place += 4;
  if (profile === 'cyrillic' && n === 1 && firstTok.caps && CYRILLIC_PLACE_NAMES.has(firstTok.lower)) cues.place += 4;
  // "Кремль заявив", "речник Пентагону": a seat of government that speaks or employs is its body; elsewhere ("покарання
  // Кремля") it stands for a government, which is neither a body's name nor a place.
  if (profile === 'cyrillic' && n === 1 && CYRILLIC_SEAT_BODY.test(firstTok.lower)) {
    const verb = tokens[end];
    const title = tokens[a - 1];
    const acts = !!verb && verb.kind === 'word' && !verb.cap && (SPEECH_VERBS.has(verb.lower) || REPORT_VERBS.has(verb.lower) || CYRILLIC_VERB_ENDING.test(verb.lower));
    const employs = !!title && title.kind === 'word' && (TITLE_WORDS.has(title.fold) || STAFF_NOUNS.has(title.fold) || isRoleNoun(title.fold));
    if (!acts && !employs) return;
    cues.organization += 3;
    cues.person = 0;
    const m = addMention(b, a, end, cues, null);
    if (m) {
      m.display = /^кремл/u.test(firstTok.lower) ? 'Кремль' : 'Пентагон';
      m.words = [foldKey(m.display)];
      m.key = m.words[0] ?? '';
    }
    return;
  }
  if (profile === 'cyrillic' && n === 2 && WHITE_HOUSE_FIRST.test(firstTok.lower) && WHITE_HOUSE_SECOND.test(lastTok.lower)) {
    cues.organization += 4;
    const m = addMention(b, a, end, cues, role);
    if (m) {
      m.display = /^бел/u.test(firstTok.lower) ? 'Белый дом' : 'Білий дім';
      m.words = m.display.split(' ').map((w) => foldKey(w));
      m.key = m.words.join(' ');
    }
    return;
  }
  // "у Конгрес", "Сенат ухвалив": a body's head noun standing alone and capitalised mid-sentence names that body.
  // "Мінʼюст", "Міноборони", "Держдеп", "Нацполіція": a compound shortened from a body's name is that body.
  if (profile === 'cyrillic' && n <= 2 && !firstTok.caps && CYRILLIC_BODY_COMPOUND.test(firstTok.lower)) cues.organization += 3;
  // A generic body ("Поліція", "Уряд", "Міністерство") capitalised alone only refers to one; a legislature or the
  // General Staff is known by that word.
  if (profile === 'cyrillic' && n === 1 && !firstTok.initial && !firstTok.caps && cyrillicOrgStem(firstTok.lower)) {
    if (!CYRILLIC_PROPER_BODY.test(firstTok.lower)) return;
    cues.organization += 3;
  }
  // "Харківській області", "Бучанського району": a region's adjective and its noun.
  if (profile === 'cyrillic' && n === 2 && !lastTok.cap && CYRILLIC_REGION_NOUN.test(lastTok.lower)) cues.place += 4;
  if (n >= 2 && (isOrgHead(lastTok.fold) || INTERNATIONAL_HEADS.has(lastTok.fold))) cues.organization += 3;
  // "Міністерство оборони України", "Службі безпеки": a capitalised body head (in any case) governing the rest.
  else if (profile === 'cyrillic' && n >= 2 && cyrillicHeadAt(tokens, a, Math.min(end, a + 2))) cues.organization += 3;
  // "Нью Йорк", "Нью Джерсі": the transliterated "New" opens a place's name (a body's, with a body's head).
  if (profile === 'cyrillic' && n >= 2 && /^(?:нью|нью-)$/u.test(firstTok.lower) && !tokens.slice(a, end).some((t) => cyrillicOrgStem(t.lower))) {
    cues.place += 3;
    cues.person = 0;
  }
  // "у місті Пасадена", "у передмісті Лос-Анджелеса", "штат Каліфорнія": a noun for a place before the name.
  if (profile === 'cyrillic' && CYRILLIC_PLACE_NOUN.test(tokens[a - 1]?.lower ?? '') && !tokens[a - 1]?.cap) cues.place += 3;
  // "Стівен Міллер, радник президента, …": two capitalised words set off by a comma before a role noun are a person.
  if (
    profile === 'cyrillic' &&
    n === 2 &&
    tokens[end]?.text === ',' &&
    CYRILLIC_ROLE_STEM.test(tokens[end + 1]?.lower ?? '') &&
    !tokens[end + 1]?.cap &&
    tokens.slice(a, end).every((t) => t.cap && !t.caps && !isCyrillicPlace(t.lower) && !cyrillicOrgStem(t.lower))
  )
    cues.person += 3;
  // "Поліція Харківщини", "Прокуратура Києва": a body's head before a place's genitive names the body, not the place.
  if (profile === 'cyrillic' && n >= 2 && !firstTok.caps && cyrillicHeadAt(tokens, a, a + 1) && isCyrillicPlace(lastTok.lower)) cues.organization += 2;
  if (n >= 2 && ORG_FIRST.has(firstTok.fold)) cues.organization += 3;
  // "Superior Court of the District of Columbia": the head before the first "of" governs; what follows it is its complement.
  for (let k = a; k < end - 1; k++) {
    if (tokens[k + 1]?.lower !== 'of') continue;
    if (ORG_FIRST_OF.has(tokens[k]?.fold ?? '')) cues.organization += 3;
    else if (PLACE_FIRST.has(tokens[k]?.fold ?? '')) cues.place += 3;
    else continue;
    break;
  }
  if (n >= 2 && PLACE_HEADS.has(lastTok.fold)) cues.place += 3;
  // "Forrest City", "Dodge City": a name ending in a capitalised "City" is a town's.
  if (profile === 'en' && n === 2 && lastTok.fold === 'city' && lastTok.cap && !(whole & ORGANIZATION) && !isOrgHead(firstTok.fold)) {
    cues.place += 3;
    cues.person = 0;
  }
  // "Quebec City", "Mexico City": a place's name and "City" is that city.
  if (n === 2 && lastTok.fold === 'city' && flags(firstTok.fold) & ANY_PLACE && !(flags(firstTok.fold) & NAME_LIKE)) cues.place += 3;
  if (n >= 2 && PLACE_FIRST.has(firstTok.fold) && tokens[a + 1]?.lower !== 'of') cues.place += 2;
  if (n >= 2 && DIRECTION_WORDS.has(firstTok.fold)) {
    let k = a + 1;
    while (k < end - 1 && DIRECTION_WORDS.has(tokens[k]?.fold ?? '')) k++;
    if (flags(spanKey(tokens, k, end)) & ANY_PLACE) cues.place += 3;
  }
  if (n === 1 && (isAcronym(firstTok) || isMixedAcronym(firstTok)) && !COUNTRY_ABBREVIATIONS.has(firstTok.fold) && !codeOrPiece(tokens, a)) {
    // "a NUL", "an RPG": after an indefinite article an acronym is a term, not a body.
    const before = tokens[a - 1]?.lower;
    cues.organization += before === 'a' || before === 'an' ? 0 : 2.5;
  } else if (n >= 2 && tokens.slice(a, end).some((t) => isAcronym(t) && !COUNTRY_ABBREVIATIONS.has(t.fold))) cues.organization += 1.5;
  // "Twitter user …", "on Instagram", "a Facebook page": social networks and websites are no bodies, unless the company
  // speaks or is acted on as one ("Meta said", "bought Instagram"); in any script ("у Twitter", "в Facebook").
  if (n === 1 && WEBSITE_NAMES.has(firstTok.fold)) {
    const verb = tokens[end];
    const speaks = !!verb && verb.kind === 'word' && !verb.cap && (SPEECH_VERBS.has(verb.lower) || REPORT_VERBS.has(verb.lower));
    const acted = !!tokens[a - 1] && CORPORATE_ACTS.has(tokens[a - 1]?.lower ?? '');
    if (!speaks && !acted) return;
  }
  // "Committee to Protect Journalists": a body's head and its aim.
  if (n >= 3 && tokens[a + 1]?.lower === 'to' && (isOrgHead(firstTok.fold) || AIM_HEADS.has(firstTok.fold))) cues.organization += 3;
  // "Alternative for Germany", "Centers for Disease Control", "Friends of the Earth": a common noun with "for", or a
  // plural one with "of", names a body ("Game of Life", "Order of Merit" name a work or an honour).
  const second = tokens[a + 1]?.lower;
  if (
    n >= 3 &&
    (second === 'for' || (second === 'of' && firstTok.fold.length > 4 && /[^s]s$/u.test(firstTok.fold))) &&
    !PLACE_FIRST.has(firstTok.fold) &&
    !(whole & ANY_PLACE) &&
    isCommonWord(firstTok.fold) &&
    !(flags(firstTok.fold) & NAME_LIKE)
  ) {
    cues.organization += 1.5;
  }

  const firstFlags = flags(firstTok.fold);
  const lastFlags = flags(lastTok.fold);
  if (latin) {
    // "Roman Britain", "Kherson Oblast", "Lagos State": a country's, region's or city's own name (that no person bears) in
    // the run makes it a place's or a body's name, not a person's, whatever given name stands first.
    let placeWord = false;
    for (let k = a; k < end && n >= 2 && n <= 3; k++) {
      const f = flags(tokens[k]?.fold ?? '');
      if (f & (COUNTRY | REGION | CITY) && !(f & NAME_LIKE)) placeWord = true;
    }
    if (
      !placeWord &&
      n >= 2 &&
      firstFlags & FIRST_NAME &&
      !(whole & (ANY_PLACE | ORGANIZATION)) &&
      !isOrgHead(lastTok.fold) &&
      !PLACE_HEADS.has(lastTok.fold) &&
      lastTok.fold !== 'city'
    )
      cues.person += 3;
    // "New England Patriots", "Portland Timbers", "Gigantes de San Francisco": a team or a body named by a place and a
    // plural; people's names do not open or end with a place's.
    if (placeTeamName(tokens, a, end, whole, profile)) {
      cues.organization += 3;
      cues.person = 0;
    }
    // "played for the Los Angeles Galaxy": what a player plays for is a team.
    if (profile === 'en' && playsFor(tokens, a) && !(whole & (ANY_PLACE | PERSON))) {
      cues.organization += 3;
      cues.person = 0;
    }
    // "Vitaliy Kim said": two or three capitalised words with no lexicon meaning before a verb of saying are a person's name.
    const verb = tokens[end];
    if (
      profile !== 'de' &&
      cues.organization === 0 &&
      n >= 2 &&
      n <= 3 &&
      verb?.kind === 'word' &&
      !verb.cap &&
      SPEECH_VERBS.has(verb.lower) &&
      !placeWord &&
      tokens.slice(a, end).every((t) => !t.caps && !(flags(t.fold) & (ANY_PLACE | ORGANIZATION | COMMON)) && !isOrgHead(t.fold))
    )
      cues.person += 1.5;
    if (n >= 2 && firstTok.dotted) cues.person += 2;
    if (n >= 2 && lastFlags & LAST_NAME && !(lastFlags & (ANY_PLACE | ORGANIZATION))) cues.person += 1;
    if (n === 1 && (lastFlags & LAST_NAME || whole & PERSON) && !(lastFlags & (ANY_PLACE | ORGANIZATION))) cues.person += 1.5;
    // "Adela, vecina del barrio, contó…", "Miguel trabaja en el puerto": a given name standing alone is a person
    // named as people in features and interviews are, unless the word is also a place, a body, a date or a common word.
    // English capitalises adjectives of peoples and places ("Roman gold coins"): there the name must stand
    // before punctuation or a verb of saying.
    const nextTok = tokens[end];
    // A possessive ("Lloyd's List") starts a longer name as often as it marks a person's.
    const afterPlacePreposition = !!tokens[a - 1] && !tokens[a - 1]?.cap && PLACE_PREPOSITIONS.has(tokens[a - 1]?.lower ?? '');
    const standsAlone =
      !afterPlacePreposition &&
      !firstTok.poss &&
      (profile !== 'en' || !nextTok || (nextTok.kind === 'punct' && nextTok.text !== "'" && nextTok.text !== '’') || SPEECH_VERBS.has(nextTok.lower));
    if (
      n === 1 &&
      standsAlone &&
      !firstTok.caps &&
      firstFlags & FIRST_NAME &&
      !(firstFlags & (ANY_PLACE | ORGANIZATION | DATE | COMMON | FUNCTION | DEMONYM)) &&
      !(whole & (ANY_PLACE | ORGANIZATION))
    )
      cues.person += 1.5;
  } else if (
    profile === 'cyrillic' &&
    n === 1 &&
    !firstTok.caps &&
    isCyrillicGivenName(firstTok.lower) &&
    !isCyrillicPlace(firstTok.lower) &&
    !cyrillicOrgStem(firstTok.lower) &&
    !(firstTok.initial && /^(?:віра|віри|вірою|надія|надії|надію|любов|слава|слави|мир)$/u.test(firstTok.lower))
  ) {
    // "Наталка вийшла заміж", "Михайло та Володимир вірять": a common given name standing alone is a person, as in features.
    cues.person += 1.5;
  } else if (
    profile === 'cyrillic' &&
    n >= 2 &&
    n <= 3 &&
    !firstTok.caps &&
    // At a sentence start capitals say nothing, unless a surname ending or a role after the name does ("Ярина Матвійчук, Голос Америки:").
    (!firstTok.initial ||
      CYRILLIC_SURNAME.test(lastTok.lower) ||
      isCyrillicGivenName(firstTok.lower) ||
      (tokens[end]?.text === ',' && !!appositiveRole(tokens, end)) ||
      // "Голос Америки поговорив": a place's name in the genitive inside the run makes it a body's, at a sentence start too.
      tokens.slice(a + 1, end).some((t) => !t.caps && isCyrillicPlace(t.lower)))
  ) {
    // "Верховної Ради", "Міністерства охорони": inflected bodies, not a given name and a surname.
    // "Олена Петренко", "Ірини Бойко": a surname ending (in any case) or a title just before makes it a person's name;
    // a given name may end like an adjective ("Андрій", "Юрій"), so the adjective endings count only without them.
    // "Миколою Кулебою", "Андрієм Мельником": a given name and a surname agree in case, with the same ending.
    const agree =
      n === 2 &&
      !cyrillicOrgStem(firstTok.lower) &&
      !cyrillicOrgStem(lastTok.lower) &&
      /(?:ою|ем|єм|ом|ові|еві)$/u.test(lastTok.lower) &&
      firstTok.lower.slice(-2) === lastTok.lower.slice(-2);
    const surname = agree || CYRILLIC_SURNAME.test(lastTok.lower);
    const titled = cyrillicTitleBefore(tokens, a);
    const stem = tokens.slice(a, end).some((t) => cyrillicOrgStem(t.lower));
    // "Голос Америки", "Посольство США": a place named inside the run makes it a body's name, not a person's.
    const ofPlace = tokens.slice(a + 1, end).some((t) => isCyrillicPlace(t.lower) || (t.caps && CYRILLIC_PLACE_NAMES.has(t.lower)));
    // "Віталій Кличко", "Олені Ковальчук": a common given name first is a person's name, whatever the endings say.
    const given = isCyrillicGivenName(firstTok.lower) && !isCyrillicGivenName(lastTok.lower);
    // "Українська правда", "Слуга народу": a lowercase word inside the name makes it a body's or an outlet's; people's names are all capitals.
    // A quoted phrase ("тема Євробачення «Разом з музикою»") may be a slogan or a work's title as well: there the lowercase
    // word says nothing without a body's noun before it, which is counted elsewhere.
    const lowerInside = tokens.slice(a + 1, end).some((t) => t.kind === 'word' && !t.cap);
    const quotedPhrase = lowerInside && QUOTE_OPENERS.has(tokens[a - 1]?.text ?? '');
    const body = stem || ofPlace || (!quotedPhrase && (lowerInside || (!surname && !titled && !given && tokens.slice(a, end).some((t) => CYRILLIC_CASE_ENDING.test(t.lower)))));
    if (body) cues.organization += 2;
    else if (!quotedPhrase) {
      cues.person += 1;
      if (surname) cues.person += 1.5;
      if (titled) cues.person += 2;
      if (given) cues.person += 2;
    }
  }
  // Spanish and French capitalise little but names: two or three unknown capitalised words inside a
  // sentence are a person's name more often than not ("le chanteur Conchita Wurst").
  // After an article ("los Derechos Humanos", "la Douma") a capitalised run names a thing or a body, not a person.
  // "República Dominicana", "San José", "Île Maurice": a place's first word.
  if (profile === 'romance' && n >= 2 && ROMANCE_PLACE_FIRST.has(firstTok.fold) && !(whole & (PERSON | ORGANIZATION))) cues.place += 3;
  if (
    profile === 'romance' &&
    n >= 2 &&
    n <= 3 &&
    !firstTok.caps &&
    !FOREIGN_ORG_FIRST.has(firstTok.fold) &&
    // "La Habana", "Le Havre": a name that starts with an article is a place's or a body's, not a person's.
    !FOREIGN_DEFINITE_ARTICLES.has(firstTok.lower) &&
    !ROMANCE_PLACE_FIRST.has(firstTok.fold) &&
    !hasPlaceWord(tokens, a, end) &&
    !FOREIGN_DEFINITE_ARTICLES.has(tokens[a - 1]?.lower ?? '') &&
    tokens.slice(a, end).every((t) => t.cap && flags(t.fold) === 0)
  )
    cues.person += 0.6;
  // "a member of Congress", "le Parlement a voté": a legislature's common noun capitalised alone inside a
  // sentence names the country's body (German capitalises every noun, so there it says nothing).
  if (latin && profile !== 'de' && n === 1 && !firstTok.initial && !firstTok.caps && LEGISLATURE_NOUNS.has(firstTok.fold)) cues.organization += 3;
  else if (latin && n === 1 && !firstTok.caps && LEGISLATURE_NAMES.has(firstTok.fold)) cues.organization += 3;
  // "goes to the House", "the Court ruled": a chamber or a court capitalised alone after "the" names that body
  // (and is not the surname of someone famous).
  else if (profile === 'en' && n === 1 && !firstTok.initial && !firstTok.caps && tokens[a - 1]?.lower === 'the' && CHAMBER_NOUNS.has(firstTok.fold)) cues.organization += 3;
  // "le ministère de la Santé", "el ministerio del Interior": the capitalised portfolio after a body's lowercase
  // noun names the body with that noun, not a person.
  // A person's name after the noun is the body's head, not its portfolio ("el gobierno de Fidel Castro").
  if (
    profile === 'romance' &&
    n <= 3 &&
    firstTok.cap &&
    !(firstFlags & FIRST_NAME) &&
    !(whole & PERSON) &&
    // A country is no portfolio: "el gobierno de Chile" is Chile's government (see the government rule above).
    !(whole & (COUNTRY | REGION)) &&
    !FOREIGN_PLACE_NAMES.has(key) &&
    !(n === 1 && firstFlags & LAST_NAME && wikipediaPeopleBySurname(firstTok.lower).length > 0)
  ) {
    let k = a - 1;
    while (k >= a - 3 && k >= 0 && !tokens[k]?.cap && (NAME_CONNECTORS_AND_OF.has(tokens[k]?.lower ?? '') || tokens[k]?.lower === "l'" || tokens[k]?.lower === 'l’')) k--;
    const body = tokens[k];
    // "el programa de Radio Sur": a name that is a body's by its own first word is named, not a portfolio.
    const named = ORG_FIRST.has(firstTok.fold) || FOREIGN_ORG_FIRST.has(firstTok.fold) || isOrgHead(firstTok.fold) || firstTok.caps;
    if (k < a - 1 && body && body.kind === 'word' && !body.cap && !named && FOREIGN_ORG_FIRST.has(body.fold)) {
      const bodyCues = emptyCues();
      bodyCues.organization += 3;
      classifyPart(b, k, end, null, bodyCues);
      return;
    }
  }
  // "Novaya Gazeta", "Nizhny Novgorod", "Krasnaya Ploshchad": a transliterated Russian adjective first makes the
  // run a thing's or a place's name; Russian given names do not take adjective endings.
  if (latin && n >= 2 && n <= 3 && !(firstFlags & NAME_LIKE) && firstTok.lower.length >= 5 && /(?:aya|oye|yy|skoe|skoye|nyi|ny)$/u.test(firstTok.lower)) cues.person -= 3;
  // "Global Voices", "Human Rights Watch" in a Spanish or French text: a run of English common words, none a
  // name, is the English name of a body or a publication, not a person's name.
  if (
    profile === 'romance' &&
    n >= 2 &&
    n <= 4 &&
    !hasPlaceWord(tokens, a, end) &&
    tokens.slice(a, end).every((t) => t.cap && !t.caps && isCommonWord(t.fold) && !(flags(t.fold) & (NAME_LIKE | ANY_PLACE)) && !FOREIGN_DEFINITE_ARTICLES.has(t.lower))
  )
    cues.organization += 2;
  // Two or three unknown capitalised words are most often a person's name.
  if (latin && n >= 2 && n <= 4) {
    let unknown = 0;
    for (let k = a; k < end; k++) {
      const t = tokens[k];
      if (t && !t.caps && (flags(t.fold) === 0 || flags(t.fold) & NAME_LIKE) && !isOrgHead(t.fold) && !PLACE_HEADS.has(t.fold)) unknown++;
      else if (t && NAME_CONNECTORS.has(t.lower) && !t.cap) unknown++;
    }
    // "Russie Unie", "Nizhny Novgorod": a run holding a place's name is a place's or a body's, not a person's.
    // "llegó a La Habana", "en El Cotorro": a name opening with a capitalised article inside a sentence is a place's or
    // a body's; people's names take no article.
    const article = profile === 'romance' && !firstTok.initial && ROMANCE_DEFINITE_ARTICLES.has(firstTok.lower);
    if (unknown === n && !article && !hasPlaceWord(tokens, a, end)) cues.person += 0.5;
  }
  // "Ortiz Bakery", "Brandt Foods", "Hollis Pharmaceuticals": a name ending in a common noun is a business named
  // after its owner, unless a given name opens it ("Emma Stone" keeps her surname that is also a noun).
  if (
    profile === 'en' &&
    n >= 2 &&
    n <= 4 &&
    // "Secretary of State Condoleezza Rice": a name a title introduces is a person's, whatever its last word means.
    role === null &&
    lastTok.cap &&
    !lastTok.caps &&
    !(lastFlags & FUNCTION) &&
    !isDemonym(lastTok.fold) &&
    !(firstFlags & FIRST_NAME) &&
    !(lastFlags & (NAME_LIKE | DEMONYM)) &&
    !(whole & (PERSON | ANY_PLACE)) &&
    !PLACE_HEADS.has(lastTok.fold) &&
    !isRoleNoun(lastTok.fold) &&
    !TITLE_WORDS.has(lastTok.fold) &&
    (isCommonWord(lastTok.fold) || BUSINESS_ENDING.test(lastTok.fold))
  ) {
    cues.person = Math.min(cues.person, 0);
    // Only a trade's noun or a plural ("Bakery", "Foods", "Motors") says business; "Dining Room", "Jazz Bowl" or
    // "Civic Center" name a room, a work or a site as often.
    if (BUSINESS_ENDING.test(lastTok.fold) || (lastTok.fold.length > 4 && /[^s]s$/u.test(lastTok.fold))) cues.organization += 1.5;
  }

  const context = contextCues(b, a, end, cues);
  // "told Sky Sports": common words that name no one in the lexicon are an outlet's or a thing's name, not a person's.
  if (profile === 'en' && n >= 2 && cues.person > 0 && tokens.slice(a, end).every((t) => !t.caps && isCommonWord(t.fold) && !(flags(t.fold) & NAME_LIKE))) cues.person = 0;
  // "published in The Astrophysical Journal", "a fan of The Night Owls": a capitalised article inside a sentence opens a
  // title; places take none (those that do, "The Hague", are known).
  if (profile === 'en' && n >= 2 && firstTok.lower === 'the' && firstTok.cap && !firstTok.initial && !(whole & ANY_PLACE)) cues.place = 0;
  // "between Republicans and Democrats": members of a party or a movement are people, not a place.
  if (profile === 'en' && n === 1 && PARTY_MEMBERS.test(firstTok.fold) && !(whole & ANY_PLACE)) cues.place = 0;
  // "to the Arab uprisings": a preposition alone makes no place of a common word.
  if (
    profile === 'en' &&
    cues.place > 0 &&
    cues.place <= 1 &&
    !(whole & ANY_PLACE) &&
    tokens.slice(a, end).every((t) => !t.caps && isCommonWord(t.fold) && !(flags(t.fold) & NAME_LIKE))
  )
    cues.place = 0;
  // "the Dean of …", "the Hilton": English puts no article before a person's name, so one word after "the" is no person.
  if (profile === 'en' && n === 1 && tokens[a - 1]?.lower === 'the' && cues.person > 0) cues.person = 0;
  // A lone unknown word that is the surname of well-known people ("Merkel", "Trump") is a person.
  // A body's or a place's head word ("Group", "Park") is no surname.
  if (
    latin &&
    n === 1 &&
    !firstTok.initial &&
    !firstTok.caps &&
    whole === 0 &&
    cues.person + cues.organization + cues.place === 0 &&
    firstTok.lower.length >= 4 &&
    !isOrgHead(firstTok.fold) &&
    !PLACE_HEADS.has(firstTok.fold)
  ) {
    // Weaker than a lexicon surname: outlets and companies are named after people too ("Bloomberg").
    // A title ("Dean", "Marshal") is no surname, whoever bears it as one.
    if (wikipediaPeopleBySurname(firstTok.lower).length > 0 && !TITLE_WORDS.has(firstTok.fold) && !isRoleNoun(firstTok.fold)) cues.person += 1.2;
  }
  // "La Coupe du monde", "le Kremlin", "el Mundial": Spanish and French news put no article before a person's
  // name either, so one word after a definite article is no person.
  if (profile === 'romance' && n <= 3 && ROMANCE_DEFINITE_ARTICLES.has(tokens[a - 1]?.lower ?? '') && cues.person > 0 && cues.person < 3) cues.person = 0;
  // "la Voz de América", "el Banco de España", "la Embajada de Cuba": after an article, a capitalised noun "de" a country
  // names that country's institution (unless the noun is a place's or an event's: "la Costa de Marfil", "la Copa de …").
  if (profile === 'romance' && n >= 3 && n <= 5 && ROMANCE_DEFINITE_ARTICLES.has(tokens[a - 1]?.lower ?? '') && tokens[a + 1]?.lower === 'de' && !firstTok.caps) {
    const country = spanKey(tokens, a + 2, end);
    const first = firstTok.fold;
    if (
      (flags(country) & (COUNTRY | REGION) || FOREIGN_PLACE_NAMES.has(country)) &&
      !ROMANCE_PLACE_FIRST.has(first) &&
      !FOREIGN_PLACE_NOUNS.has(first) &&
      !PLACE_HEADS.has(first) &&
      !EVENT_FIRST.has(first) &&
      !isRoleNoun(first) &&
      !ROMANCE_OFFICE_NOUNS.has(first) &&
      !(flags(first) & (ANY_PLACE | NAME_LIKE))
    )
      cues.organization += 2;
  }
  // "le Kremlin a dénoncé", "el Pentágono dijo": one unknown word after an article that speaks is a body.
  if (profile === 'romance' && n <= 3 && ROMANCE_DEFINITE_ARTICLES.has(tokens[a - 1]?.lower ?? '') && cues.place === 0 && !firstTok.caps && !(whole & (ANY_PLACE | PERSON))) {
    let v = end;
    if (ROMANCE_CLAUSE_OPENERS.has(tokens[v]?.lower ?? '') || /^n['’](?:a|ont|avait|est)?$/u.test(tokens[v]?.lower ?? '') || tokens[v]?.lower === 'no') v++;
    if (ROMANCE_CLAUSE_OPENERS.has(tokens[v]?.lower ?? '')) v++;
    if (tokens[v]?.lower === 'pas') v++;
    const verb = tokens[v];
    if (verb && verb.kind === 'word' && !verb.cap && (SPEECH_VERBS.has(verb.lower) || REPORT_VERBS.has(verb.lower) || ROMANCE_SAYING.test(verb.lower))) cues.organization += 1.5;
  }
  if (!prefixOfTitle) {
    const before = roleBefore(tokens, a);
    const after = appositiveRole(tokens, end);
    if (after && cues.organization < 3 && cues.place < 3) cues.person += 1;
    // The role is kept for resolving "the spokesman said" later; its evidence is counted in the context cues.
    role ??= before ?? after;
    if (!role && profile === 'cyrillic' && n >= 2) {
      const title = cyrillicTitleWord(tokens, a, 5);
      if (title) role = { words: [title], head: title };
    }
  }
  // "in eastern Chad", "across northern Jordan": what a lowercase compass adjective stands before is a region of a place,
  // never a person, though the place's name is a given name too.
  if (n <= 2 && tokens[a - 1]?.kind === 'word' && !tokens[a - 1]?.cap && COMPASS_ADJECTIVES.has(tokens[a - 1]?.lower ?? '')) {
    cues.person = 0;
    cues.place += 3;
  }
  // "le dossier de la Somalie, le président …", "au Darfour", "del Chocó": one word after an article or its contraction
  // is never a person's name, whatever the comma and title after it suggest (the title is the subject's: "de la Somalie,
  // le président …").
  if (
    profile === 'romance' &&
    n === 1 &&
    (ROMANCE_DEFINITE_ARTICLES.has(tokens[a - 1]?.lower ?? '') || ROMANCE_ARTICLE_CONTRACTIONS.has(tokens[a - 1]?.lower ?? '')) &&
    !tokens[a - 1]?.cap
  ) {
    // The evidence of a name it had as a person it keeps as a place, where nothing says it is a body: "hommes au Darfour,
    // le leader …" is where they are, "de la Somalie, le président …" where something comes from.
    const evidence = cues.person;
    cues.person = 0;
    if (evidence > 0 && cues.organization === 0) cues.place += ROMANCE_LOCATIVE_CONTRACTIONS.has(tokens[a - 1]?.lower ?? '') ? 2 : 1;
  }
  // "Благодійний фонд "Спасемо дітей"", "компанія «Нафтогаз»": a body's head noun before a quoted name makes it that body.
  if (profile === 'cyrillic' && QUOTE_OPENERS.has(tokens[a - 1]?.text ?? '') && cyrillicHeadNominative(tokens[a - 2]?.lower ?? '')) cues.organization += 3;
  // A guillemet-quoted short name («Укренерго») is often a company or body, but as often the title of a programme,
  // a book or a film («Завтра»): the marks confirm a body other evidence names, and name none alone.
  const open = tokens[a - 1];
  const close = tokens[end];
  if (open && close && (open.text === '«' || open.text === '„') && (close.text === '»' || close.text === '“') && (n === 1 || tokens.slice(a, end).every((t) => t.cap))) {
    cues.organization += 2;
    cues.support = (cues.support ?? 0) + 2;
  }

  // "Стівен Міллер, Голос Америки: …", "Ana Ruiz: …": a name opening a paragraph before a colon labels who speaks
  // in an interview.
  if (b.block.kind === 'paragraph' && a === 0 && n >= 2 && n <= 3 && cues.organization < 1 && cues.place < 1 && tokens.slice(a, end).every((t) => t.cap && !t.caps)) {
    let k = end;
    if (tokens[k]?.text === ',') while (k < end + 6 && tokens[k] && tokens[k]?.text !== ':' && tokens[k]?.text !== '.') k++;
    if (tokens[k]?.text === ':') cues.person += 2;
  }
  if (groupName) {
    cues.person = 0;
    cues.organization += 3;
  }
  // "las Grandes Ligas", "los Derechos Humanos": Spanish and French plurals throughout name a group or a thing; people's
  // names are not inflected for number.
  if (
    profile === 'romance' &&
    n >= 2 &&
    n <= 3 &&
    role === null &&
    tokens.slice(a, end).every((t) => !t.caps && /(?:as|os|es)$/u.test(t.fold) && t.fold.length >= 5 && !(flags(t.fold) & NAME_LIKE))
  ) {
    cues.person = 0;
    // "jugar en Grandes Ligas": nor does a preposition alone make them a place.
    if (cues.place <= 1 && !(whole & ANY_PLACE)) cues.place = 0;
  }
  // A lone unknown word at a sentence start may be an adjective ("Local farmer …"); the word after it is
  // not enough to make it a name unless the name also appears elsewhere.
  const total = cues.person + cues.organization + cues.place - context.fromNext;
  const weak = firstTok.initial && n === 1 && whole === 0 && total <= 0 && !prefixOfTitle;
  const m = addMention(b, a, end, cues, role, weak);
  if (m) {
    m.prep = context.prep;
    m.stripped = a === b.strippedAt;
  }
}

/**
 * Where a body's name ends and a person's begins inside one capitalised run, or -1: the run must start like
 * a body (an acronym, or "Radio …"/"Partido …") or end its first part with a body's head word, and the
 * rest must be a given name and one or two capitalised words.
 */
function bodyThenPerson(tokens: Token[], a: number, end: number): number {
  // "le député de Saint-Pétersbourg Vitali Milonov", "the mayor of Springfield John Smith": an office "of" a place
  // runs into its holder's name; the place is one word, the name two or three.
  const of = tokens[a - 1];
  const office = tokens[a - 2];
  if (
    end - a >= 3 &&
    end - a <= 4 &&
    of &&
    !of.cap &&
    TITLE_OF_PLACE.has(of.lower) &&
    office &&
    office.kind === 'word' &&
    !office.cap &&
    (TITLE_WORDS.has(office.fold) || isRoleNoun(office.fold)) &&
    // "a sister of Zaw Min Htet": a kinship noun holds no office; its "of" takes the person alone.
    !KIN_NOUNS.has(office.lower) &&
    tokens.slice(a, end).every((t) => t.kind === 'word' && t.cap && !t.caps) &&
    !(flags(tokens[a]?.fold ?? '') & FIRST_NAME)
  )
    return a + 1;
  // Latest split first: "Radio Martí Tomás Cardoso" is the station "Radio Martí" and "Tomás Cardoso", not "Radio"
  // and "Martí Tomás Cardoso"; a body's first word alone ("Radio", "Partido") names nothing.
  for (let k = end - 2; k >= Math.max(a + 1, end - 3); k--) {
    if (k === a + 1 && (ORG_FIRST.has(tokens[a]?.fold ?? '') || FOREIGN_ORG_FIRST.has(tokens[a]?.fold ?? ''))) continue;
    const given = tokens[k];
    if (!given || given.caps || !(flags(given.fold) & FIRST_NAME) || flags(given.fold) & (COMMON | ANY_PLACE | ORGANIZATION)) continue;
    // "NATO PA President Gerry Connolly": a title before the given name makes the run one person's name.
    const before = tokens[k - 1]?.fold ?? '';
    if (TITLE_WORDS.has(before) || isRoleNoun(before) || PORTFOLIO_WORDS.has(before)) continue;
    const rest = tokens.slice(k + 1, end);
    if (!rest.every((t) => t.kind === 'word' && t.cap && !t.caps && !isOrgHead(t.fold))) continue;
    const first = tokens[a];
    const bodyLike = !!first && (isAcronym(first) || ORG_FIRST.has(first.fold) || FOREIGN_ORG_FIRST.has(first.fold) || isOrgHead(tokens[k - 1]?.fold ?? ''));
    if (bodyLike) return k;
    // "le député de Saint-Pétersbourg Vitali Milonov", "in Kyiv Olena Petrenko": a place before a person's name.
    const place = spanKey(tokens, a, k);
    const prep = tokens[a - 1];
    const named = tokens.slice(a, k).some((t) => flags(t.fold) & NAME_LIKE);
    if (flags(place) & ANY_PLACE || FOREIGN_PLACE_NAMES.has(place)) return k;
    if (k - a <= 2 && !named && prep && prep.kind === 'word' && !prep.cap && PLACE_RUN_PREPOSITIONS.has(prep.lower)) return k;
  }
  return -1;
}

/** Prepositions after which a capitalised word that is no name is where someone is from or works ("de", "of", "von"). */
const PLACE_RUN_PREPOSITIONS = new Set(['de', "d'", 'd’', 'of', 'von', 'aus', 'in', 'en', 'à', 'a', 'from']);

/** Words that tie an office to the place it is held in ("maire de Lyon", "mayor of Leeds"). */
const TITLE_OF_PLACE = new Set(['de', 'of', 'von', 'di', 'do', 'da']);

/** Common nouns for a legislature, which capitalised alone name one ("Congress", "le Parlement", "el Senado"). */
const LEGISLATURE_NOUNS = new Set(['congress', 'parliament', 'senate', 'congres', 'parlement', 'senat', 'congreso', 'senado', 'parlamento']);
/** Legislatures' own one-word names, bodies wherever they stand mid-sentence ("la Douma", "the Knesset"). */
const LEGISLATURE_NAMES = new Set(['duma', 'douma', 'knesset', 'sejm', 'storting', 'riksdag', 'folketing', 'eduskunta', 'althing', 'majlis', 'seimas', 'saeima']);

/** Chambers and courts, which "the" and a capital alone name ("the House", "the Court"). */
const CHAMBER_NOUNS = new Set(['house', 'court', 'assembly', 'chamber']);

/** Datelines ("IZMAIL, Ukraine, Nov. 3 —", "KYIV (Reuters) -") name the place a story was filed from. */
function datelinePlace(b: Builder): number {
  const { tokens } = b;
  let k = 0;
  while (k < tokens.length && tokens[k]?.kind === 'word' && tokens[k]?.caps && (tokens[k]?.text.length ?? 0) >= 3) k++;
  const next = tokens[k];
  const after = tokens[k + 1];
  if (k === 0 || !next || !after) return 0;
  // "IZMAIL, Ukraine, Nov. 3 —", "KYIV (Reuters) —", "KYIV —"; not "NATO, the alliance, said".
  const dateline =
    (next.text === ',' && (after.cap || after.kind === 'num')) ||
    (next.text === '(' && after.cap) ||
    ((next.text === '—' || next.text === '–' || next.text === '-') && after.kind === 'word');
  if (!dateline || flags(spanKey(tokens, 0, k)) & ORGANIZATION) return 0;
  const cues = emptyCues();
  cues.place += 3;
  const m = addMention(b, 0, k, cues, null);
  if (m) {
    // Display the name as a name, not as the dateline's capitals.
    m.display = m.display.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (s) => s.toUpperCase());
  }
  return k;
}

/** A broadcast script's cue line: capitals in double brackets ("((VO))", "((SOT FULL))"), bounded so any text is read once. */
const SCRIPT_CUE = /^\s*\(\(\s*[\p{Lu}\d][\p{Lu}\d /&-]{0,40}\)\)\s*$/u;

/** Finds all name mentions in the document. */
export function findMentions(doc: Doc): Mention[] {
  const out: Mention[] = [];
  const germanSurnames = doc.profile === 'de' ? surnamesOfGivenNames(doc) : new Set<string>();
  const works = new Set<string>();
  doc.blocks.forEach((block, blockIndex) => {
    // "((VO))", "((SOT))", "((STANDUP))": a broadcast script's cue on a line of its own names nothing.
    if (SCRIPT_CUE.test(block.text)) return;
    const b: Builder = { doc, block, blockIndex, tokens: block.tokens, out, profile: doc.profile, strippedAt: -1, works, depth: 0 };
    const firstOfBlock = out.length;
    let romanceSkip = -1;
    const skip = block.kind === 'paragraph' && readsWords(doc.profile) ? datelinePlace(b) : 0;
    const raw = rawSpans(block.tokens);
    const spans = joinNameParts(block.tokens, splitCoordinated(block.tokens, doc.profile === 'en' ? joinCoordinatedBody(block.tokens, raw) : raw, doc.profile), doc.profile);
    // A Cyrillic body's name may run over the next span ("Служба безпеки України"): that span is inside it.
    let covered = 0;
    for (const [a, end0] of doc.profile === 'cyrillic' ? spans.map((sp) => cyrillicBodySpan(block.tokens, sp)) : spans) {
      let end = end0;
      // "Ursula von der Leyen", "Rafael van der Vaart": a particle and an article before a capitalised surname.
      const t = block.tokens;
      if (
        doc.profile !== 'cyrillic' &&
        ['von', 'van', 'vom'].includes(t[end - 1]?.lower ?? '') &&
        flags(t[end - 2]?.fold ?? '') & FIRST_NAME &&
        ['der', 'den', 'dem'].includes(t[end]?.lower ?? '') &&
        t[end + 1]?.cap &&
        t[end + 1]?.kind === 'word'
      ) {
        end += 2;
        while (t[end]?.cap && t[end]?.kind === 'word' && end - a < 6) end++;
      }
      // "Alaa Abd el Fatah", "Mohamed el Baradei": in English text, a lowercase Arabic "el" between capitalised words is
      // a particle inside one name (Spanish and French "el", "le" are articles, and stay out).
      if (doc.profile === 'en' && end - a >= 1 && t[end]?.lower === 'el' && !t[end]?.cap && t[end + 1]?.cap && t[end + 1]?.kind === 'word' && !t[end + 1]?.initial) {
        end += 2;
        while (t[end]?.cap && t[end]?.kind === 'word' && end - a < 6) end++;
      }
      // "Ban Ki-moon", "Moon Jae-in": a hyphen written against a name's last word and a lowercase syllable continue it;
      // so does a hyphen a copy left before a space ("Díaz- Canel").
      const hyphen = t[end];
      const after = t[end + 1];
      const last = t[end - 1];
      if (doc.profile !== 'cyrillic' && end - a >= 2 && hyphen?.text === '-' && last && hyphen.start === last.end && after?.kind === 'word' && !after.initial) {
        const syllable = !after.cap && after.start === hyphen.end && after.lower.length >= 2 && /^\p{Ll}+$/u.test(after.text);
        const broken = after.cap && !after.caps && after.start === hyphen.end + 1 && !(flags(after.fold) & FUNCTION);
        if (syllable || broken) end += 2;
      }
      if (end <= covered) continue;
      covered = end;
      // "Marcy Kaptur (D-OH)", "(R-Texas)": a party letter and a state in brackets after a name label the person.
      if (
        block.tokens[a - 1]?.text === '(' &&
        block.tokens[end]?.text === ')' &&
        /^\p{Lu}-\p{Lu}[\p{L}.]*$/u.test(block.text.slice(block.tokens[a]?.start ?? 0, block.tokens[end - 1]?.end ?? 0))
      )
        continue;
      // "US$49 million", "HK$ 3 billion", "NZ$": letters written against a currency sign name a currency, not a place.
      const sign = block.tokens[end];
      const code = block.tokens[end - 1];
      if (end - a === 1 && code?.caps && sign && CURRENCY_SIGNS.has(sign.text) && sign.start === code.end) continue;
      if (doc.profile === 'en' && end - a === 1 && code?.caps && !(flags(code.fold) & ORGANIZATION) && lowercaseListItem(block.tokens, a)) continue;
      // "the West's response", "the South said": a compass point alone is a bloc or a country left unnamed, no entity.
      // Only after "the": "West said" may be a person named West.
      const alone = (end - a === 1 && block.tokens[a - 1]?.lower === 'the') || (end - a === 2 && block.tokens[a]?.lower === 'the');
      if (doc.profile === 'en' && alone && code && COMPASS_POINTS.has(code.fold)) continue;
      if (end <= skip) continue;
      const from = Math.max(a, skip);
      if (!readsWords(doc.profile)) {
        // Unknown languages: only names the lexicon knows and acronyms; capitals mean too little otherwise.
        const key = spanKey(block.tokens, from, end);
        const only = block.tokens[from];
        if (flags(key) & (ANY_PLACE | ORGANIZATION) || (end - from === 1 && only && isAcronym(only))) classifyPart(b, from, end, null, emptyCues());
        continue;
      }
      if (doc.profile === 'romance' && end <= romanceSkip) continue;
      // "президент Росії Путін", "Прем’єр Польщі Туск": a country in the genitive after a title, then a lone surname, is
      // the country the title belongs to and the person who holds it: two names, not one.
      if (doc.profile === 'cyrillic') {
        const t = block.tokens;
        const k = isCyrillicRoleNoun(t[from]) ? from + 1 : from;
        const place = t[k];
        const person = t[k + 1];
        if (
          end - k === 2 &&
          place &&
          person &&
          !CYRILLIC_PLACE_NAMES.has(place.lower) &&
          isCyrillicPlace(place.lower) &&
          (k === from ? !!t[from - 1] && t[from - 1]?.kind === 'word' && !t[from - 1]?.cap && cyrillicTitle(t[from - 1]?.fold ?? '') : true) &&
          person.cap &&
          !person.caps &&
          !isCyrillicPlace(person.lower) &&
          !cyrillicHeadNominative(person.lower)
        ) {
          const placeCues = emptyCues();
          placeCues.place += 3;
          classifyPart(b, k, k + 1, null, placeCues);
          const personCues = emptyCues();
          personCues.person += 2;
          classifyPart(b, k + 1, k + 2, null, personCues);
          continue;
        }
      }
      // "EE. UU.", "EE.UU.": Spanish abbreviates the United States by doubling each initial, around full stops.
      if (doc.profile === 'romance' && end - from === 1 && block.tokens[from]?.text === 'EE' && block.tokens[end]?.text === '.' && block.tokens[end + 1]?.text === 'UU') {
        romanceSkip = end + 2;
        const cues = emptyCues();
        cues.place += 4;
        classifyPart(b, from, end + 2, null, cues);
        continue;
      }
      if (doc.profile === 'romance') {
        const longer = romanceBodyEnd(block.tokens, from, end);
        if (longer > end) {
          romanceSkip = longer;
          const cues = emptyCues();
          cues.organization += 3;
          // "Le Parlement européen a réagi": a sentence's article is no part of the name.
          const start = block.tokens[from]?.initial && FOREIGN_DEFINITE_ARTICLES.has(block.tokens[from]?.lower ?? '') ? from + 1 : from;
          classifyPart(b, start, longer, null, cues);
          continue;
        }
      }
      if (doc.profile === 'de') {
        // "das Bundesministerium der Finanzen", "das Bundesamt für Statistik": a body's head governs the noun after it.
        const tail = germanBodyTail(block.tokens, end);
        if (tail > end) {
          covered = tail;
          let start = from;
          while (start < end - 1 && FOREIGN_LEADING_WORDS.has(block.tokens[start]?.lower ?? '')) start++;
          const cues = emptyCues();
          cues.organization += 4;
          classifyPart(b, start, tail, null, cues);
          continue;
        }
        // "nach Angaben der „Netzeitung“", "die „Rheinpost“ berichtete": one to three capitalised words quoted
        // whole after an article are the name of a paper, a company or a group.
        const openMark = block.tokens[from - 1];
        const closeMark = block.tokens[end];
        if (
          end - from <= 3 &&
          (openMark?.text === '„' || openMark?.text === '»') &&
          (closeMark?.text === '“' || closeMark?.text === '«') &&
          GERMAN_ARTICLES.has(block.tokens[from - 2]?.lower ?? '') &&
          block.tokens.slice(from, end).every((t) => t.kind === 'word' && t.cap)
        ) {
          const cues = emptyCues();
          cues.organization += 3;
          classifyPart(b, from, end, null, cues);
          continue;
        }
        // "Bürgermeister von Hamm", "Landrat von Soest": an office "von" one capitalised word is held in a place.
        const office = block.tokens[end - 3];
        if (
          end - from >= 3 &&
          block.tokens[end - 2]?.lower === 'von' &&
          office?.cap &&
          (isGermanTitle(office.fold) || TITLE_WORDS.has(office.fold)) &&
          !(flags(block.tokens[end - 1]?.fold ?? '') & FIRST_NAME)
        ) {
          const cues = emptyCues();
          cues.place += 3;
          classifyPart(b, end - 1, end, null, cues);
          continue;
        }
        // "Großbritanniens", "Münchens Oberbürgermeister …": a known place in the genitive names that place.
        let lead = from;
        while (lead < end && FOREIGN_LEADING_WORDS.has(block.tokens[lead]?.lower ?? '')) lead++;
        let genitive = lead;
        while (genitive < end && !germanGenitivePlace(block.tokens[genitive])) genitive++;
        // "Partei Böhmens", "Nationalbank Österreichs": a place's genitive after a body's head belongs to its name.
        const governor = block.tokens[genitive - 1];
        const ofBody = genitive > lead && !!governor && (isGermanBodyHead(governor.fold) || isOrgHead(governor.fold) || isGermanOrgDescriptor(governor.fold));
        if (genitive < end && !ofBody) {
          // "Kommunistische Partei Böhmens und Mährens": a second genitive after "und" continues a body's name.
          const previous = b.out[b.out.length - 1];
          if (
            genitive === from &&
            end - from === 1 &&
            previous &&
            previous.block === b.blockIndex &&
            previous.last === from - 1 &&
            block.tokens[from - 1]?.lower === 'und' &&
            previous.cues.organization > Math.max(previous.cues.person, previous.cues.place)
          ) {
            const t = block.tokens[from];
            const firstTok = block.tokens[previous.first];
            if (t && firstTok) {
              previous.last = end;
              previous.words.push('und', t.fold);
              previous.caps.push(false, false);
              previous.key = previous.words.join(' ');
              previous.display = `${previous.display} und ${t.text}`;
            }
            continue;
          }
          if (genitive > lead) {
            const before = germanName(block.tokens, lead, genitive, germanSurnames);
            if (before) decompose(b, before[0], before[1]);
          }
          const cues = emptyCues();
          cues.place += 3;
          classifyPart(b, genitive, genitive + 1, null, cues);
          if (genitive + 1 < end) {
            const rest = germanName(block.tokens, genitive + 1, end, germanSurnames);
            if (rest) decompose(b, rest[0], rest[1]);
          }
          continue;
        }
        // "der Autobauer Velmora", "die Partei Neue Mitte": a noun describing a body before one to three
        // capitalised words that are no common nouns names that body.
        let head = from;
        while (head < end && FOREIGN_LEADING_WORDS.has(block.tokens[head]?.lower ?? '')) head++;
        const described = block.tokens[head];
        if (described && end - head >= 2 && end - head <= 4 && isGermanOrgDescriptor(described.fold) && GERMAN_ARTICLES.has(block.tokens[head - 1]?.lower ?? '')) {
          const cues = emptyCues();
          cues.organization += 4;
          classifyPart(b, head + 1, end, null, cues);
          continue;
        }
        const name = germanName(block.tokens, from, end, germanSurnames);
        const title = name ? block.tokens[name[0] - 1] : undefined;
        if (name && title?.cap && name[0] > from && isGermanTitle(title.fold) && !TITLE_WORDS.has(title.fold)) {
          // "Finanzminister Evangelos Venizelos": the compound title makes the name a person's.
          const cues = emptyCues();
          cues.person += 3;
          classifyPart(b, name[0], name[1], { words: [title.fold], head: title.fold }, cues);
        } else if (name) decompose(b, name[0], name[1]);
        else if (germanNamedBody(block.tokens, from, end)) {
          // "der Bundesrat", "der Deutschen Bahn": a federal body's compound, or a capitalised adjective inside a sentence.
          const cues = emptyCues();
          cues.organization += 3;
          const start = FOREIGN_LEADING_WORDS.has(block.tokens[from]?.lower ?? '') ? from + 1 : from;
          classifyPart(b, start, end, null, cues);
        } else if (germanBareName(block.tokens, from, end)) {
          // ", Jürgen Dupper,", "sagte Lena Vogt.": two or three capitalised words with no article, set off by
          // commas or a verb of saying, are a person's name, whether or not the lexicon knows the given name.
          const cues = emptyCues();
          cues.person += 2;
          classifyPart(b, from, end, null, cues);
        }
        continue;
      }
      // "в Україні Анжела Грабовська": a place (or a body's head) running into a name is two names.
      const rest = block.tokens.slice(from + 1, end);
      const personRest = rest.length >= 2 && rest.length <= 3 && rest.every((t) => t.cap && !isCyrillicPlace(t.lower) && !cyrillicOrgStem(t.lower) && !t.caps);
      if (doc.profile === 'cyrillic' && personRest && (isCyrillicPlace(block.tokens[from]?.lower ?? '') || cyrillicOrgStem(block.tokens[from]?.lower ?? ''))) {
        classifyPart(b, from, from + 1, null, emptyCues());
        decompose(b, from + 1, end);
        continue;
      }
      // "Мер Одеси Віталій Гнатюк": a common given name inside a run starts a person's name of two or three words.
      if (doc.profile === 'cyrillic' && end - from >= 3) {
        let given = -1;
        for (let k = end - 2; k >= end - 3 && k > from; k--) if (isCyrillicGivenName(block.tokens[k]?.lower ?? '') && !block.tokens[k]?.caps) given = k;
        if (given > from && block.tokens.slice(given, end).every((t) => t.cap && !t.caps && !isCyrillicPlace(t.lower))) {
          decompose(b, from, given);
          const cues = emptyCues();
          cues.person += 2;
          classifyPart(b, given, end, null, cues);
          continue;
        }
      }
      // "Мінʼюсту США Ілай Розенбаум": a body's acronym running into a name ends the body.
      if (doc.profile === 'cyrillic' && end - from >= 4) {
        const acronym = block.tokens[end - 3]?.caps ? end - 3 : block.tokens[end - 4]?.caps && end - from >= 5 ? end - 4 : -1;
        const after = acronym >= 0 ? block.tokens.slice(acronym + 1, end) : [];
        if (acronym > from && after.every((t) => !t.caps && !isCyrillicPlace(t.lower) && !cyrillicOrgStem(t.lower))) {
          decompose(b, from, acronym + 1);
          decompose(b, acronym + 1, end);
          continue;
        }
      }
      // "comentó a Radio Sur Pedro Gómez", "told BBC Mundo Ana Ruiz": a body's name running into a given name
      // and a surname is two names.
      const split = doc.profile === 'cyrillic' ? -1 : bodyThenPerson(block.tokens, from, end);
      if (split > 0) {
        const office = block.tokens[from - 2];
        if (split === from + 1 && TITLE_OF_PLACE.has(block.tokens[from - 1]?.lower ?? '') && office && !office.cap && (TITLE_WORDS.has(office.fold) || isRoleNoun(office.fold))) {
          // The place an office is held in ("député de Saint-Pétersbourg").
          const cues = emptyCues();
          if (!isOrgHead(block.tokens[from]?.fold ?? '')) cues.place += 2;
          classifyPart(b, from, split, null, cues);
        } else decompose(b, from, split);
        decompose(b, split, end);
        continue;
      }
      decompose(b, from, end);
    }
    if (doc.profile === 'en') localBodies(b, firstOfBlock);
    if (doc.profile === 'romance' || doc.profile === 'en' || doc.profile === 'de') definedAcronymNames(b, firstOfBlock);
    if (doc.profile === 'cyrillic') cyrillicQuotedNames(b);
    shareCoordinatedPrepositions(b, firstOfBlock);
    listOfBodies(b, firstOfBlock);
    if (doc.profile === 'en') namedMembersOfBodies(b, firstOfBlock);
    bracketedListPlaces(b, firstOfBlock);
  });
  if (works.size === 0) return out;
  const known = workForms(works);
  return out.filter((m) => !namesWork(m, known));
}

/** The titles of works in a document, their initials and their one- and two-word tails (each title counted once). */
interface WorkForms {
  titles: ReadonlySet<string>;
  initials: ReadonlySet<string>;
  tails: ReadonlySet<string>;
}

/** Collects {@link WorkForms} in one pass over the titles' words. */
function workForms(works: ReadonlySet<string>): WorkForms {
  const initials = new Set<string>();
  const tails = new Set<string>();
  for (const w of works) {
    const words = w.split(' ');
    initials.add(
      words
        .filter((x) => !NAME_CONNECTORS_AND_OF.has(x) && x !== 'the' && x !== 'and')
        .map((x) => x[0])
        .join(''),
    );
    // A tail of one or two words, shorter than the title by two words or more ("… of Thrones").
    for (let n = 1; n <= 2 && words.length >= n + 2; n++) tails.add(words.slice(words.length - n).join(' '));
  }
  return { titles: works, initials, tails };
}

/**
 * Whether a mention names a work the document introduces as one elsewhere ("the series Game of Thrones", then
 * "Game of Thrones set new highs"), is the tail a sentence start left of that title ("… of Thrones"), or its initials
 * ("Most Valuable Player, or MVP").
 */
function namesWork(m: Mention, works: WorkForms): boolean {
  if (works.titles.has(m.key) || (m.words.length <= 2 && works.tails.has(m.key))) return true;
  const last = m.words[m.words.length - 1] ?? '';
  return !!m.caps[m.caps.length - 1] && last.length >= 2 && works.initials.has(last);
}

/**
 * "cannabis, cocaine, and MDMA", "flu, measles or HIV": an acronym that ends a list of lowercase nouns names a thing
 * of their kind (a substance, a disease), not a body. Whether the item before the token at `a` is a lowercase word
 * that itself follows a comma.
 */
function lowercaseListItem(tokens: Token[], a: number): boolean {
  let k = a - 1;
  if (COORDINATING.has(tokens[k]?.lower ?? '')) k--;
  if (tokens[k]?.text === ',') k--;
  if (k === a - 1) return false;
  const item = tokens[k];
  return !!item && item.kind === 'word' && !item.cap && !(flags(item.fold) & FUNCTION) && tokens[k - 1]?.text === ',';
}

/** A capitalised Cyrillic title at a sentence start ("Прем’єр", "Президент"), which describes the name after it. */
const isCyrillicRoleNoun = (t: Token | undefined): boolean => !!t && t.kind === 'word' && t.cap && !t.caps && cyrillicTitle(t.fold);

/** A Cyrillic title in any case ("президент", "президентом", "президенту", "прем'єра"). */
const cyrillicTitle = (fold: string): boolean => {
  if (isRoleNoun(fold) || fold === "прем'єр") return true;
  for (const ending of ['ові', 'ом', 'ем', 'у', 'а', 'і'])
    if (fold.endsWith(ending) && fold.length - ending.length >= 4 && cyrillicTitle(fold.slice(0, -ending.length))) return true;
  return false;
};

/** Currency signs a country's letters are written against ("US$", "HK$", "NZ$"). */
const CURRENCY_SIGNS = new Set(['$', '£', '€', '¥']);

/**
 * "candidates from Liberals, Greens, the Unity Party and Freedom": in a list of three or more names joined by
 * commas and "and" that holds a named body and no name with real evidence of a place, a name whose only sign of
 * a place is the preposition before the list is one more body, not a place; it keeps no place evidence. A
 * lowercase word right after an item ("Unity Party members, …") does not break the list.
 */
function listOfBodies(b: Builder, from: number): void {
  const { tokens } = b;
  const list = b.out.slice(from).sort((x, y) => x.first - y.first);
  let start = 0;
  for (let i = 1; i <= list.length; i++) {
    const prev = list[i - 1];
    const cur = list[i];
    let linked = !!prev && !!cur && cur.first > prev.last;
    if (prev && cur && linked) {
      let k = prev.last;
      // "Unity Party members, Greens": one lowercase word may follow an item before the comma.
      if (tokens[k]?.kind === 'word' && !tokens[k]?.cap && tokens[k + 1]?.text === ',') k++;
      for (; k < cur.first && linked; k++) {
        const t = tokens[k];
        linked = !!t && (t.text === ',' || COORDINATING.has(t.lower));
      }
    }
    if (linked) continue;
    const chain = list.slice(start, i);
    start = i;
    if (chain.length < 3) continue;
    const body = chain.some((m) => m.cues.organization >= 3 && m.cues.organization > Math.max(m.cues.place, m.cues.person));
    const place = chain.some((m) => m.cues.place >= 2 || (flags(m.key) & ANY_PLACE) !== 0);
    if (!body || place) continue;
    for (const m of chain) if (m.prep && m.cues.place <= 1 && m.cues.organization === 0 && m.cues.person < 1) m.cues.place = 0;
  }
}

/** Plural generic nouns for bodies that introduce examples of their kind ("universities including …"). */
const isPluralBodyNoun = (t: Token | undefined): boolean =>
  !!t &&
  t.kind === 'word' &&
  t.fold.length > 4 &&
  /(?:s|ies)$/u.test(t.fold) &&
  (isOrgHead(t.fold) || isOrgDescriptor(t.lower) || (t.fold.endsWith('ies') && ORG_HEADS.has(`${t.fold.slice(0, -3)}y`)));

/**
 * "Universities including Rutgers, Brown and Cornell", "companies such as Nordvik and Lumo": names listed as examples
 * after a plural noun for bodies are bodies of that kind (one-word names that are also surnames included).
 */
function namedMembersOfBodies(b: Builder, from: number): void {
  const { tokens } = b;
  const list = b.out.slice(from).sort((x, y) => x.first - y.first);
  for (let i = 0; i < list.length; i++) {
    const first = list[i];
    if (!first) continue;
    let k = first.first - 1;
    if (tokens[k]?.lower === 'as' && tokens[k - 1]?.lower === 'such') k--;
    else if (tokens[k]?.lower !== 'including' && tokens[k]?.lower !== 'like') continue;
    if (!isPluralBodyNoun(tokens[k - 1])) continue;
    for (let j = i; j < list.length; j++) {
      const m = list[j];
      if (!m) break;
      if (j > i) {
        const prev = list[j - 1];
        let linked = !!prev && m.first > prev.last;
        for (let t = prev?.last ?? m.first; t < m.first && linked; t++) linked = tokens[t]?.text === ',' || COORDINATING.has(tokens[t]?.lower ?? '');
        if (!linked) break;
      }
      if (m.cues.place >= 3 || flags(m.key) & ANY_PLACE) continue;
      m.cues.organization += 3;
      m.cues.person = 0;
      m.weak = false;
    }
  }
}

/**
 * "John Creamer (Bolivia), Heather Hodges (Ecuador), Tom Pierce (Granada)": the names in brackets after each item of
 * one list are of one kind; where most of them are places, an unknown one is a place too.
 */
function bracketedListPlaces(b: Builder, from: number): void {
  const { tokens } = b;
  const bracketed: Mention[] = [];
  for (let i = from; i < b.out.length; i++) {
    const m = b.out[i];
    if (m && tokens[m.first - 1]?.text === '(' && tokens[m.last]?.text === ')') bracketed.push(m);
  }
  if (bracketed.length < 3) return;
  const places = bracketed.filter((m) => m.cues.place >= 3 && m.cues.place > Math.max(m.cues.person, m.cues.organization)).length;
  if (places * 2 < bracketed.length) return;
  for (const m of bracketed) if (m.cues.person + m.cues.organization + m.cues.place === 0 && !m.caps.some(Boolean)) m.cues.place += 3;
}

/**
 * German capitalises every noun, so a capitalised run is a name only when something else says so: the
 * lexicon knows it, it is an acronym, or it starts (after sentence-initial grammar words) with a given name
 * or a title followed by another capitalised word ("Angela Merkel", "Ministerin Lisa Paus"). Returns the
 * name's token range, or null.
 */
function germanName(tokens: Token[], a: number, end: number, surnames: ReadonlySet<string>): [number, number] | null {
  while (a < end && FOREIGN_LEADING_WORDS.has(tokens[a]?.lower ?? '')) a++;
  // Lowercase articles join names elsewhere ("Vasco da Gama", "dos Santos"); in German they start a new phrase.
  for (let k = a; k < end; k++) {
    const t = tokens[k];
    // "Ursula von der Leyen", "Hans van den Berg": an article after a name's particle is part of the name.
    const particle = k > a && ['von', 'van', 'vom'].includes(tokens[k - 1]?.lower ?? '') && tokens[k - 2]?.cap && tokens[k + 1]?.cap;
    if (t && !t.cap && GERMAN_ARTICLES.has(t.lower) && !particle) {
      end = k;
      break;
    }
  }
  const first = tokens[a];
  if (!first || a >= end) return null;
  if (flags(spanKey(tokens, a, end)) & (ANY_PLACE | ORGANIZATION)) return [a, end];
  if (FOREIGN_PLACE_NAMES.has(spanKey(tokens, a, end))) return [a, end];
  // A lone word is a name when it is an acronym or the surname of a person named in full elsewhere.
  if (end - a === 1 && (isAcronym(first) || isMixedAcronym(first) || surnames.has(first.fold))) return [a, end];
  // "die Grünen", "die Linke": parties named by a capitalised adjective alone after the article.
  if (end - a === 1 && GERMAN_PARTY_ADJECTIVES.has(first.fold) && GERMAN_ARTICLES.has(tokens[a - 1]?.lower ?? '')) return [a, end];
  // "FC Bayern München", "VfB Stuttgart": a sports club's abbreviation opens the club's whole name.
  if (end - a >= 2 && end - a <= 4 && CLUB_PREFIXES.has(first.fold)) return [a, end];
  // "in Tottenham", "nach Bukarest": a bare capitalised word after a place preposition, without the article
  // a German common noun would take and without a common noun's ending, names a place.
  if (end - a === 1 && isGermanBarePlace(tokens, a)) return [a, end];
  if (end - a === 1) return null;
  // "Partei ANO", "Gewerkschaft GDL": a generic noun before an acronym; the acronym is the name.
  const second = tokens[a + 1];
  if (end - a === 2 && FOREIGN_ORG_FIRST.has(first.fold) && second && isAcronym(second)) return [a + 1, end];
  if (end - a <= 5 && FOREIGN_ORG_FIRST.has(first.fold)) return [a, end];
  // "der Wikimedia Foundation": an English body's name keeps its English head word.
  if (end - a <= 5 && isOrgHead(tokens[end - 1]?.fold ?? '') && !isCommonGermanNoun(tokens, a, end)) return [a, end];
  // "laut Amnesty International": "International" ends a body's name in German too.
  if (end - a <= 4 && INTERNATIONAL_HEADS.has(tokens[end - 1]?.fold ?? '')) return [a, end];
  // "Präsidenten Emmanuel Macron": an inflected noun before a given name is not part of the name.
  for (let k = a; k < end - 1 && k < a + 3; k++) {
    const t = tokens[k];
    if (!t) continue;
    // A given name that is also a month ("August", "April") starts a date, not a name, in German.
    if (flags(t.fold) & FIRST_NAME && !(flags(t.fold) & DATE) && end - k <= 4) return [k, end];
    // "Finanzminister Evangelos Venizelos": a (compound) title before a name of two to three words.
    if (isGermanTitle(t.fold) && end - k >= 3 && end - k <= 4) return TITLE_WORDS.has(t.fold) ? [k, end] : [k + 1, end];
  }
  // "PASOK Fraktionsmitglieder": the acronym is the name; the nouns around it are ordinary nouns.
  for (let k = a; k < end; k++) {
    const t = tokens[k];
    if (t && isAcronym(t)) return [k, k + 1];
  }
  return null;
}

/** German parties named by a capitalised adjective alone ("die Grünen", "die Linke"). */
const GERMAN_PARTY_ADJECTIVES = new Set(['grunen', 'grune', 'linke', 'linken', 'liberalen', 'piraten']);

/** Abbreviations that open a sports club's name ("FC", "SV", "VfB"). */
const CLUB_PREFIXES = new Set(['fc', 'sc', 'sv', 'tsv', 'vfb', 'vfl', 'tsg', 'bv', 'bsc', 'spvgg', 'rb', 'cf', 'ac', 'as', 'ud', 'cd', 'afc']);

/** Head nouns of compounds that name a federal body ("Bundesrat", "Bundestag", "Bundesbank", "Bundesverfassungsgericht"). */
const FEDERAL_BODY_HEADS = ['rat', 'tag', 'bank', 'wehr', 'gericht', 'gerichtshof', 'amt', 'agentur', 'polizei', 'ministerium', 'kanzleramt', 'anstalt', 'behorde', 'versammlung'];

/** A capitalised German adjective, which only a name capitalises inside a sentence ("Deutsche Bahn", "Europäische Zentralbank"). */
const GERMAN_NAME_ADJECTIVE =
  /^(?:\p{L}*deutsch|europaisch|international|national|frei|christlich|sozial|demokratisch|statistisch|vereint|vereinigt|rot|grun|zentral|allgemein|\p{L}+isch)(?:e|en|er|es|em)$/u;

/**
 * Whether [a, end) names a body by German word formation alone: a one-word compound of "Bundes-" and a
 * body's head ("Bundesrat"), or a capitalised adjective followed by a capitalised noun inside a sentence
 * ("der Deutschen Bahn"), since German writes adjectives in lowercase unless they belong to a name.
 */
function germanNamedBody(tokens: Token[], a: number, end: number): boolean {
  if (FOREIGN_LEADING_WORDS.has(tokens[a]?.lower ?? '') && end - a >= 2) a++;
  const first = tokens[a];
  if (first?.kind !== 'word') return false;
  if (end - a === 1) return first.fold.startsWith('bundes') && FEDERAL_BODY_HEADS.some((h) => first.fold.endsWith(h) && first.fold.length > 6 + h.length - 1);
  if (end - a > 4 || first.initial) return false;
  const last = tokens[end - 1];
  // "Frankfurter Allgemeine Zeitung", "Berliner Verkehrsbetriebe": a city's adjective in "-er" before a body's or an outlet's noun.
  if (end - a >= 2 && /er$/u.test(first.fold) && last && (isGermanBodyHead(last.fold) || isGermanOrgDescriptor(last.fold))) {
    const stem = first.fold.slice(0, -2);
    if (stem.length >= 3 && (flags(stem) & ANY_PLACE || FOREIGN_PLACE_NAMES.has(stem))) return true;
  }
  return GERMAN_NAME_ADJECTIVE.test(first.fold) && !!last && !PLACE_HEADS.has(last.fold) && !isDemonym(last.fold) && !(flags(spanKey(tokens, a, end)) & ANY_PLACE);
}

/** Tokens after which a bare German name may stand: a comma, an opening bracket, a verb of saying ("sagte", "so"). */
const germanNameOpener = (t: Token | undefined): boolean =>
  !t ||
  (t.kind === 'punct' && (t.text === ',' || t.text === '(' || t.text === '–' || t.text === '—')) ||
  (t.kind === 'word' && !t.cap && (SPEECH_VERBS.has(t.lower) || t.lower === 'so'));

/**
 * Whether [a, end) is a person's name by its place in the sentence alone: German capitalises every noun,
 * but a noun takes an article or a determiner, while a name of two or three words set off by commas (an
 * apposition) or standing after a verb of saying does not ("Der Bürgermeister, Jürgen Dupper, sagte",
 * "„…“, sagte Lena Vogt."). Bodies, places, titles, acronyms and nationality adjectives are excluded.
 */
function germanBareName(tokens: Token[], a: number, end: number): boolean {
  if (end - a < 2 || end - a > 3) return false;
  // "Die Opposition kritisierte": a sentence-initial article starts a noun phrase, not a name.
  if (GERMAN_ARTICLES.has(tokens[a]?.lower ?? '') || FOREIGN_LEADING_WORDS.has(tokens[a]?.lower ?? '')) return false;
  for (let k = a; k < end; k++) {
    const t = tokens[k];
    if (t?.kind !== 'word' || !t.cap || t.caps || t.dotted || t.quote >= 0) return false;
    if (
      isGermanTitle(t.fold) ||
      isOrgHead(t.fold) ||
      PLACE_HEADS.has(t.fold) ||
      FOREIGN_ORG_FIRST.has(t.fold) ||
      isDemonym(t.fold) ||
      flags(t.fold) & (ANY_PLACE | ORGANIZATION | DATE)
    )
      return false;
  }
  const before = tokens[a - 1];
  const after = tokens[end];
  // "Partidul Poporului (PP-DD)": an acronym in brackets that abbreviates the run names a body, unlike "Jürgen Dupper (SPD)".
  const bracketed = after?.text === '(' ? tokens[end + 1] : undefined;
  if (bracketed && isAcronym(bracketed)) {
    let initials = '';
    for (let k = a; k < end; k++) initials += tokens[k]?.fold[0] ?? '';
    if (bracketed.fold.replace(/[^\p{L}]/gu, '').startsWith(initials)) return false;
  }
  const speaks = !!after && after.kind === 'word' && !after.cap && SPEECH_VERBS.has(after.lower);
  const closes = !after || (after.kind === 'punct' && after.text !== '-') || speaks;
  // At a sentence start only a verb of saying right after vouches for the name ("Lena Vogt sagte").
  const sentenceStart = !!before && before.kind === 'punct' && (before.text === '.' || before.text === '!' || before.text === '?');
  return (germanNameOpener(before) && closes) || ((sentenceStart || !before) && speaks);
}

/** Oblique-case adjective endings (genitive, dative, instrumental) that a name in the nominative lacks. */
const CYRILLIC_CASE_ENDING = /(?:ої|ого|ому|ими|ій|ою|ых|ой|ому)$/u;

/**
 * Ukrainian writes only the first word of a body's name in capitals: "Республіканська партія", "Палата
 * представників США". A capitalised run followed by a lowercase body head, or a capitalised body head
 * followed by a lowercase genitive plural (and an acronym), is extended to the whole name.
 */
function cyrillicBodySpan(tokens: Token[], span: [number, number]): [number, number] {
  const [a, end] = span;
  const next = tokens[end];
  if (next?.kind !== 'word' || next.cap || next.quote !== tokens[a]?.quote) return span;
  const lastTok = tokens[end - 1];
  // «Українська правда», «Слуга народу»: a name in guillemets runs to the closing mark, lowercase words included.
  if (QUOTE_OPENERS.has(tokens[a - 1]?.text ?? '')) {
    let close = end;
    while (close < tokens.length && close - a < MAX_QUOTED_NAME_WORDS && tokens[close]?.kind === 'word') close++;
    if (QUOTE_CLOSERS.has(tokens[close]?.text ?? '')) return [a, close];
  }
  // "повідомляє Українська правда": an outlet's name after a report verb, an adjective and a lowercase noun.
  const verb = tokens[a - 1];
  if (
    end - a === 1 &&
    lastTok &&
    verb?.kind === 'word' &&
    REPORT_VERBS.has(verb.lower) &&
    /(?:а|ий|е|і)$/u.test(lastTok.lower) &&
    !CYRILLIC_VERB_ENDING.test(next.lower) &&
    !tokens[end + 1]?.cap
  )
    return [a, end + 1];
  // "у Харківській області", "Бучанського району": a region's adjective and its lowercase noun are one name.
  // "Джерсі сіті", "Мехіко-сіті": a transliterated "City" written in lowercase ends the city's name.
  if (next.lower === 'сіті' || next.lower === 'сити') return [a, end + 1];
  // "Білий дім", "Білого дому": the White House, named in Ukrainian with a lowercase noun.
  if (end - a === 1 && lastTok && WHITE_HOUSE_FIRST.test(lastTok.lower) && WHITE_HOUSE_SECOND.test(next.lower)) return [a, end + 1];
  const lone = end - a === 1 || (end - a === 2 && FOREIGN_LEADING_WORDS.has(tokens[a]?.lower ?? ''));
  if (lone && lastTok && CYRILLIC_ADJECTIVE.test(lastTok.lower) && CYRILLIC_REGION_NOUN.test(next.lower)) return [a, end + 1];
  // An acronym ("у США радіо …") is no adjective, whatever its last letter.
  if (cyrillicOrgStem(next.lower) && lastTok && !lastTok.caps && CYRILLIC_ADJECTIVE.test(lastTok.lower)) return [a, cyrillicGenitiveTail(tokens, end + 1)];
  // "Міністерство оборони України", "Служби безпеки", "Міністерства закордонних справ": a capitalised body head
  // governs lowercase genitives (and perhaps the country's name after them).
  if (end - a <= 2 && lastTok && lastTok.cap && !lastTok.caps && cyrillicHeadNominative(lastTok.lower)) {
    const tail = cyrillicGenitiveTail(tokens, end);
    if (tail > end) return [a, tail];
  }
  if (end - a === 1 && lastTok && cyrillicOrgStem(lastTok.lower) && /(?:ів|их|ей)$/u.test(next.lower)) {
    const tail = tokens[end + 1];
    return tail?.kind === 'word' && tail.caps ? [a, end + 2] : [a, end + 1];
  }
  return span;
}

/** The White House in Ukrainian and Russian, in any case ("Білий дім", "Білого дому", "Белый дом"). */
const WHITE_HOUSE_FIRST = /^(?:біл(?:ий|ого|ому|им)|бел(?:ый|ого|ому|ым))$/u;
const WHITE_HOUSE_SECOND = /^(?:дім|дому|домі|домом|дом|доме)$/u;

/** Seats of government named for the body that sits there, in any case ("Кремль", "Кремля", "Пентагону"). */
const CYRILLIC_SEAT_BODY = /^(?:кремл(?:ь|я|ю|і|ем|е)|пентагон(?:у|і|ом|а|е)?)$/u;

/** Marks that open a quoted name. */
const QUOTE_OPENERS = new Set(['«', '„', '"', '“']);
/** Marks that close a quoted name. */
const QUOTE_CLOSERS = new Set(['»', '“', '"', '”']);

/** The most words read as one name inside guillemets. */
const MAX_QUOTED_NAME_WORDS = 5;

/** Past-tense and present-tense verb endings, which a genitive after a body's head never has ("повідомила", "заявили", "вважає"). */
const CYRILLIC_VERB_ENDING = /(?:[аеєиіїоуюя]л[аио]?|[аеиіоя]в|ть|ться|ся|сь|є|ють|ять|ує|име)$/u;
/** Genitive endings of nouns (singular and plural) and of adjectives. */
const CYRILLIC_GENITIVE_NOUN = /(?:[иіїуюаяь]|ів|їв|ей|ь)$/u;
const CYRILLIC_GENITIVE_ADJECTIVE = /(?:их|іх|ої|ого|ьої|ього)$/u;
/** The most lowercase genitive words a body's name is extended with ("Служба зовнішньої розвідки"). */
const MAX_GENITIVE_WORDS = 3;

/**
 * The end of a Cyrillic body's name after its head at `from`: up to three lowercase genitives ("оборони",
 * "закордонних справ", "безпеки і оборони"), then a capitalised country or acronym they govern ("України", "США").
 */
/** Plural participles and adjectives of state ("занепокоєні", "зацікавлені", "згодні"), which follow a body as predicates. */
const CYRILLIC_PLURAL_PARTICIPLE = /\p{L}{3}(?:ен|єн|ан|ян)і$/u;

function cyrillicGenitiveTail(tokens: Token[], from: number): number {
  const quote = tokens[from - 1]?.quote;
  let k = from;
  let safe = from;
  let words = 0;
  let adjective = false;
  while (words < MAX_GENITIVE_WORDS) {
    const t = tokens[k];
    if (t?.kind !== 'word' || t.cap || t.quote !== quote) break;
    if (t.lower.length < 3 && t.lower !== 'і' && t.lower !== 'та') break;
    if (t.lower === 'і' || t.lower === 'та') {
      // "Міністерство освіти і науки": a conjunction joins two genitives; right after the head ("Сенату та Палати") it
      // joins two bodies, and ends this one.
      if (safe !== k || k === from) break;
      k++;
      continue;
    }
    if (CYRILLIC_VERB_ENDING.test(t.lower) && !adjective && !/[іїи]в$/u.test(t.lower)) break;
    // "у Конгресі занепокоєні": a participle in the plural says what the body is; it is no genitive of its name.
    if (CYRILLIC_PLURAL_PARTICIPLE.test(t.lower)) break;
    if (CYRILLIC_GENITIVE_ADJECTIVE.test(t.lower)) adjective = true;
    else if (adjective || CYRILLIC_GENITIVE_NOUN.test(t.lower)) {
      adjective = false;
      safe = k + 1;
    } else break;
    k++;
    words++;
  }
  const country = tokens[safe];
  if (country?.kind === 'word' && country.quote === quote && (country.caps || (country.cap && isCyrillicPlace(country.lower)))) return safe + 1;
  return safe;
}

/** Endings of East Slavic surnames, in the nominative and the oblique cases ("Петренко", "Бойка", "Ковальчука", "Шевченкові", "Левицької"). */
const CYRILLIC_SURNAME =
  /(?:енк[оауі]|енкові|[юу]к[аиуі]?|чук[аиуі]?|[оеє]вич[аеу]?|[сц]ьк(?:ий|а|ого|ої|ому|ій|ою)|[оеє]в(?:а|ої|ій|у|ою|им|ого|ому)?|[іи]н(?:а|ої|ій|у|ою|им)?|ишин[аиу]?|[ая]к[аиу]?)$/u;

/** Whether a title or role noun stands just before a Cyrillic name, perhaps with one lowercase word between ("Міністр енергетики Андрій Мельник", "речника поліції Ірини Бойко"). */
const cyrillicTitleBefore = (tokens: Token[], a: number): boolean => cyrillicTitleWord(tokens, a, 2) !== null;

/**
 * The title or role noun (its stem) before a Cyrillic name, over at most `reach` words: lowercase words,
 * and places or acronyms the title governs ("Посол України в Перу Ігор Ткаченко"), may stand between.
 */
const cyrillicTitleWord = (tokens: Token[], a: number, reach: number): string | null => {
  for (let k = a - 1; k >= 0 && k >= a - reach; k--) {
    const t = tokens[k];
    if (t?.kind !== 'word') return null;
    // Titles are inflected too ("речника", "міністра"): compare the stem.
    const stem = t.lower.replace(/(?:а|у|ові|ом|ем|ою|ці|ки|і|ї)$/u, '');
    if (TITLE_WORDS.has(t.fold) || isRoleNoun(t.fold)) return t.fold;
    if (TITLE_WORDS.has(stem) || isRoleNoun(stem)) return stem;
    if (t.cap && !(reach > 2 && (isCyrillicPlace(t.lower) || t.caps))) return null;
  }
  return null;
};

/** Adjective endings, in any case, of the first word of a two-word place ("Велика Британія", "Сполучених Штатах"). */
const CYRILLIC_ADJECTIVE = /(?:[аяі]|ий|ій|ої|ій|ою|ому|ого|их|ими|ая|ые)$/u;

/** Case endings of Ukrainian and Russian nouns, longest first, removed to find a place name's stem. */
const CYRILLIC_NOUN_ENDINGS = ['ами', 'ями', 'ою', 'ею', 'єю', 'ом', 'ем', 'єм', 'ах', 'ях', 'ів', 'ії', 'ія', 'ію', 'ї', 'і', 'у', 'ю', 'а', 'я', 'и', 'е', 'й', 'ь', 'о'];

/** Whether a Cyrillic word is a form of a place name in the gazetteer ("Україні", "Харкова", "Херсонщину"). */
export const isCyrillicPlace = (lower: string): boolean => {
  if (CYRILLIC_PLACE_NAMES.has(lower)) return true;
  // "Київщина", "Херсонщині", "Донеччину": the suffix of a region named after its city.
  if (/(?:щин|ччин)[аиіуою]{1,2}$/u.test(lower) && lower.length >= 7) return true;
  for (const ending of CYRILLIC_NOUN_ENDINGS) {
    if (!lower.endsWith(ending) || lower.length - ending.length < 3) continue;
    const stem = lower.slice(0, -ending.length);
    if (CYRILLIC_PLACE_NAMES.has(stem)) return true;
    for (const nominative of ['а', 'я', 'ія', 'і', 'и', 'й', 'ь', 'о']) if (CYRILLIC_PLACE_NAMES.has(stem + nominative)) return true;
  }
  return false;
};

/** The endings a Cyrillic place's nominative may have after the stem its case forms share ("Одес|а", "Брюссел|ь"). */
const CYRILLIC_NOMINATIVE_ENDINGS = ['', 'а', 'я', 'ія', 'і', 'и', 'й', 'ь', 'о'];

/**
 * The gazetteer's nominative (lowercase) of a one-word Cyrillic place name written in another case
 * ("києві" → "київ", "одесі" → "одеса", "нью-йорку" → "нью-йорк"), or of a region named after its city
 * ("полтавщині" → "полтавщина"); null when the word is a nominative
 * itself, is no form of a gazetteer name, or could be a form of two.
 */
export const cyrillicPlaceNominative = (lower: string): string | null => {
  if (CYRILLIC_PLACE_NAMES.has(lower) && !CYRILLIC_PLACE_STEM_NOMINATIVES.has(lower)) return null;
  // "Полтавщині", "Донеччину": a region named after its city, a feminine noun in "-щина"/"-ччина".
  const region = /(?:щин|ччин)(?:і|и|у|ою)$/u.exec(lower);
  if (region && lower.length >= 7) return `${lower.slice(0, region.index)}${region[0].startsWith('щ') ? 'щина' : 'ччина'}`;
  let found: string | null = null;
  for (const ending of CYRILLIC_NOUN_ENDINGS) {
    if (!lower.endsWith(ending) || lower.length - ending.length < 3) continue;
    const stem = lower.slice(0, -ending.length);
    for (const nominativeEnding of CYRILLIC_NOMINATIVE_ENDINGS) {
      const candidate = stem + nominativeEnding;
      const nominative = CYRILLIC_PLACE_STEM_NOMINATIVES.get(candidate) ?? (CYRILLIC_PLACE_NAMES.has(candidate) ? candidate : null);
      if (nominative === null || nominative === found) continue;
      if (found !== null) return null;
      found = nominative;
    }
  }
  return found;
};

/** The nominative of a Cyrillic body's head noun in any case ("Міністерстві" → "міністерство", "Радою" → "рада"), or null. */
const cyrillicHeadNominative = (word: string): string | null => {
  let best: string | null = null;
  for (const [stem, head] of cyrillicHeadStems()) {
    if (word.startsWith(stem) && CYRILLIC_NOUN_ENDING.test(word.slice(stem.length)) && (!best || head.length > best.length)) best = head;
  }
  return best;
};

let headStems: [string, string][] | undefined;

/** What a Ukrainian or Russian noun's case adds to its stem ("Рад|і", "Служб|ою", "Конгрес|ові"); "Радіо" is no form of "Рада". */
const CYRILLIC_NOUN_ENDING = /^(?:[аяоеєіїуюиыь]?|ою|ею|єю|ой|ей|ої|єї|ам|ах|ям|ях|ами|ями|ові|еві|єві|ом|ем|єм|ів|їв|ов|ев)$/u;

/** Stems of the Cyrillic body heads (a final vowel or soft sign dropped: "служба" → "служб", "штаб" stays), with the head. */
const cyrillicHeadStems = (): [string, string][] =>
  (headStems ??= [...ORG_HEADS].filter((h) => /^[\u0400-\u04ff]/u.test(h) && h.length >= 3).map((h) => [h.replace(/[аяоеіїйиь]$/u, ''), h]));

/** Oblique endings of Ukrainian adjectives, and the nominative ending for each gender of the noun they agree with. */
const ADJECTIVE_NOMINATIVE: readonly [RegExp, { masculine: string; feminine: string; neuter: string }][] = [
  [/(?:ого|ому|им|ім|ої|ою|ій|у)$/u, { masculine: 'ий', feminine: 'а', neuter: 'е' }],
];

/**
 * The nominative of a Cyrillic body's name (folded words), or null when it has no body head in its first
 * three words: the head noun is put in the nominative, adjectives before it agree with its gender, and the
 * genitives after it stay ("Міністерства закордонних справ" → "міністерство закордонних справ",
 * "Генерального штабу" → "генеральний штаб", "Верховною Радою" → "верховна рада").
 */
export function cyrillicBodyLemma(words: readonly string[]): string[] | null {
  for (let h = 0; h < words.length && h < 3; h++) {
    const word = words[h] ?? '';
    if (!/^[\u0400-\u04ff]/u.test(word) || isCyrillicGivenName(word) || (h > 0 && !CYRILLIC_ADJECTIVE.test(words[h - 1] ?? ''))) continue;
    const head = cyrillicHeadNominative(word);
    if (!head) continue;
    const gender = /(?:ння|ття|о|е)$/u.test(head) ? 'neuter' : /[ая]$/u.test(head) ? 'feminine' : 'masculine';
    const out = [...words];
    out[h] = head;
    for (let k = 0; k < h; k++) {
      const adjective = out[k] ?? '';
      for (const [ending, forms] of ADJECTIVE_NOMINATIVE) {
        if (!ending.test(adjective)) continue;
        out[k] = adjective.replace(ending, forms[gender]);
        break;
      }
    }
    return out;
  }
  return null;
}

/** Whether one of tokens [a, end) is a body's head noun in any case, not a given name ("Служба", "банку"). */
const cyrillicHeadAt = (tokens: Token[], a: number, end: number): boolean => {
  for (let k = a; k < end; k++) {
    const t = tokens[k];
    if (t && !t.caps && cyrillicHeadNominative(t.lower) && !isCyrillicGivenName(t.lower)) return true;
  }
  return false;
};

/** Whether a Cyrillic word is an inflected form of a body's head noun ("Ради", "Міністерства", "Служби"). */
const cyrillicOrgStem = (lower: string): boolean => {
  if (lower.length < 4) return false;
  for (const [stem, longest] of cyrillicOrgStems()) if (lower.length <= longest && lower.startsWith(stem)) return true;
  return false;
};

let orgStems: [string, number][] | undefined;

/** The Cyrillic body heads of four letters or more as (stem, longest inflected length), computed once. */
const cyrillicOrgStems = (): [string, number][] =>
  // A verbal noun keeps its double "нн" in every case ("об'єднання", "об'єднанні"), unlike the participle ("об'єднані").
  (orgStems ??= [...ORG_HEADS]
    .filter((h) => /^[\u0400-\u04ff]/u.test(h) && h.length >= 4)
    .map((h) => [h.slice(0, Math.max(3, h.length - (h.endsWith('ння') ? 1 : 2))), h.length + 2]));

const GERMAN_TITLE_ENDINGS = [
  'minister',
  'ministerin',
  'prasident',
  'prasidentin',
  'kanzler',
  'kanzlerin',
  'sprecher',
  'sprecherin',
  'direktor',
  'direktorin',
  'burgermeister',
  'burgermeisterin',
  'vorsitzender',
  'vorsitzende',
  'chef',
  'chefin',
  'botschafter',
  'botschafterin',
];

/** A German title, also as the head of a compound ("Finanzminister", "Regierungssprecherin"). */
const isGermanTitle = (fold: string): boolean => TITLE_WORDS.has(fold) || GERMAN_TITLE_ENDINGS.some((e) => fold.endsWith(e));

/** Whether a run has a word that only German would capitalise (a lowercase word elsewhere in English): "Bank" alone is German too. */
const isCommonGermanNoun = (tokens: Token[], a: number, end: number): boolean => end - a < 2 || tokens.slice(a, end - 1).every((t) => isCommonWord(t.fold));

const GERMAN_PLACE_PREPOSITIONS = new Set(['in', 'nach', 'aus', 'bei', 'nahe']);
const GERMAN_NOUN_ENDING = /(?:ung|heit|keit|schaft|tion|tät|tat|ei|nis|tum|ismus|ment|enz|anz|ik|ur|e|er|el|en|ling|chen|lein|sal|sel|ität|ie)$/u;

/** Whether a lone German capitalised word right after "in"/"nach"/"aus" is a place name. */
const isGermanBarePlace = (tokens: Token[], a: number): boolean => {
  const t = tokens[a];
  let prev = tokens[a - 1];
  // "nach Enfield und Brixton": the preposition covers coordinated names.
  if (prev && (prev.lower === 'und' || prev.lower === 'oder' || prev.text === ',') && tokens[a - 2]?.cap) prev = tokens[a - 3];
  if (!t || !prev || prev.kind !== 'word' || !GERMAN_PLACE_PREPOSITIONS.has(prev.lower) || t.text.length < 4) return false;
  if (GERMAN_BARE_NOUNS.has(t.fold) || t.initial) return false;
  if (flags(t.fold) & ANY_PLACE) return true;
  return !GERMAN_NOUN_ENDING.test(t.lower);
};

/** The nominative of a known place's name in the German genitive ("Großbritanniens" → "großbritannien"), or null. */
export const germanGenitivePlace = (t: Token | undefined): string | null => {
  if (t?.kind !== 'word' || !t.cap || t.caps || t.fold.length < 5 || !t.fold.endsWith('s') || t.fold.endsWith('ss')) return null;
  const stem = t.fold.slice(0, -1);
  if (flags(t.fold) & (ANY_PLACE | NAME_LIKE | ORGANIZATION) || FOREIGN_PLACE_NAMES.has(t.fold)) return null;
  return flags(stem) & ANY_PLACE || FOREIGN_PLACE_NAMES.has(stem) ? stem : null;
};

/** Forms of the Ukrainian and Russian names of Christmas and Easter. */
const CYRILLIC_FEAST = /^(?:різдв|рождеств|великдень|великодн|великдн|пасх)\p{L}*$/u;

/** The homeland in Ukrainian and Russian, in any case ("Батьківщина", "Вітчизну", "Родины"). */
const CYRILLIC_HOMELAND = /^(?:батьківщин|вітчизн|отчизн|родин)\p{L}{0,3}$/u;

/** Nouns for works, shows, campaigns and operations in each language, by stem (so that Ukrainian cases match). */
const WORK_NOUN =
  /^(?:song|film|movie|book|album|novel|show|series|campaign|operation|exhibition|slogan|festival|programme|program|programa|chanson|livre|opération|operation|campagne|émission|emission|série|serie|roman|spectacle|exposition|película|pelicula|canción|cancion|libro|álbum|operación|campaña|campana|novela|exposición|lema|lied|buch|kampagne|sendung|ausstellung|motto|article|artículo|articulo|artikel|статт|стаття|пісн|фільм|книг|книжк|альбом|кампані|операці|фестивал|вистав|серіал|шоу|акці|марафон|роман|вірш|гасл|слоган|кліп|мультфільм|передач|програм|телешоу|песн)\p{L}*$/u;

/** Whether a lowercase word is a noun for a work, a show, a campaign or an operation, in any case form ("статті", "película"). */
export const isWorkNoun = (lower: string): boolean => WORK_NOUN.test(lower);

/** Nouns for works after which a capitalised title stands without quotation marks ("the novel …", "la película …"). */
const BARE_WORK_NOUNS = new Set([
  'novel',
  'book',
  'film',
  'movie',
  'album',
  'song',
  'opera',
  'documentary',
  'sitcom',
  'series',
  'show',
  'drama',
  'musical',
  'serie',
  'série',
  'memoir',
  'poem',
  'painting',
  'novela',
  'libro',
  'película',
  'canción',
  'documental',
  'roman',
  'livre',
  'chanson',
  'documentaire',
  'pièce',
]);

/** Whether a noun for a work stands right before the name at `a` ("his novel The Long Road", "the series Mad Men"). */
const bareWorkTitle = (tokens: Token[], a: number, whole: number): boolean => {
  const noun = tokens[a - 1];
  return !!noun && noun.kind === 'word' && !noun.cap && BARE_WORK_NOUNS.has(noun.lower.replace(/^[ld]['’]/u, '')) && !(whole & (PERSON | ORGANIZATION));
};

/** Most lowercase words between an article and the noun for a work in an apposition ("a daily magazine show"). */
const MAX_WORK_MODIFIERS = 3;

/** Whether `k` ends a lowercase noun phrase headed by a noun for a work, read backwards from `k` ("a police show"). */
const workPhraseEndsAt = (tokens: Token[], k: number): boolean => {
  const noun = tokens[k];
  if (!noun || noun.kind !== 'word' || noun.cap || !WORK_NOUN.test(noun.lower)) return false;
  for (let j = k - 1; j >= 0 && k - j <= MAX_WORK_MODIFIERS + 1; j--) {
    const t = tokens[j];
    if (!t || t.kind !== 'word') return false;
    if (INDEFINITE_ARTICLES.has(t.lower) || t.lower === 'the') return true;
    if (t.cap && !t.initial) return false;
  }
  return false;
};

/**
 * "A police show, NYPD Blue, had the record", "As It Is, a daily magazine show from VOA": a name set off by commas right
 * after or right before an article's noun phrase headed by a noun for a work (show, series, programme, campaign …).
 */
const appositiveWork = (tokens: Token[], a: number, end: number): boolean => {
  if (tokens[a - 1]?.text === ',' && workPhraseEndsAt(tokens, a - 2)) return true;
  if (tokens[end]?.text !== ',') return false;
  const article = tokens[end + 1];
  if (!article || !(INDEFINITE_ARTICLES.has(article.lower) || article.lower === 'the')) return false;
  for (let k = end + 2; k <= end + 2 + MAX_WORK_MODIFIERS; k++) {
    const t = tokens[k];
    if (!t || t.kind !== 'word' || t.cap) return false;
    if (WORK_NOUN.test(t.lower)) return true;
  }
  return false;
};

/** Last words of the names of studies, reports and lists, which are works, not bodies or people. */
const WORK_HEADS = new Set(['study', 'report', 'survey', 'list', 'letters']);

/** "the Twins Study", "the Economics Report", "the Johnny Bench Watch List": a name headed by a noun for a work. */
const workByHead = (tokens: Token[], a: number, end: number, whole: number): boolean => {
  if (end - a < 2 || whole & (ORGANIZATION | ANY_PLACE)) return false;
  if (!WORK_HEADS.has(tokens[end - 1]?.fold ?? '')) return false;
  return !tokens.slice(a, end - 1).some((t) => isOrgHead(t.fold));
};

/** Whether the name at `a` opens with a quotation mark right after a noun for a work ("пісню «…»", "le film « … »"). */
const quotedWorkTitle = (tokens: Token[], a: number): boolean => {
  let k = a - 1;
  if (!QUOTE_OPENERS.has(tokens[k]?.text ?? '') && tokens[k]?.text !== '‹') return false;
  k--;
  const noun = tokens[k];
  return !!noun && noun.kind === 'word' && !noun.caps && WORK_NOUN.test(noun.lower.replace(/^[ld]['’]/u, ''));
};

/**
 * The start of a body's name of capitalised words and small words that ends right before the bracket at `p` and
 * opens with a body's generic noun ("Office for the Coordination of Humanitarian Affairs (OCHA)", "Organización de
 * las Naciones Unidas para la Alimentación y la Agricultura (FAO)"), or -1. An acronym in another language
 * need not spell it.
 */
function capitalisedBodyRun(tokens: Token[], p: number): number {
  let start = -1;
  let small = false;
  for (let k = p - 1; k >= 0 && p - k <= MAX_DEFINED_WORDS + 2; k--) {
    const t = tokens[k];
    if (t?.kind !== 'word' || t.caps) break;
    if (!t.cap) {
      if (!ACRONYM_SKIPS.has(t.lower)) break;
      small = true;
      continue;
    }
    const head = t.fold.replace(/^[ld]['’]/u, '');
    if (isOrgHead(head) || FOREIGN_ORG_FIRST.has(head) || ORG_FIRST.has(head)) start = k;
  }
  // "the National Office for …": capitalised words before the head belong to the name, articles aside.
  while (
    start > 0 &&
    tokens[start - 1]?.cap &&
    tokens[start - 1]?.kind === 'word' &&
    !tokens[start - 1]?.caps &&
    !LEADING_FUNCTION_WORDS.has(tokens[start - 1]?.lower ?? '') &&
    !FOREIGN_LEADING_WORDS.has(tokens[start - 1]?.lower ?? '')
  )
    start--;
  // The name must run on past its head through small words ("… for the …"), and end in a capitalised word.
  return start >= 0 && small && start < p - 2 && tokens[p - 1]?.cap ? start : -1;
}

/** Small words a defined acronym leaves out ("Organisation internationale pour les migrations (OIM)"). */
const ACRONYM_SKIPS = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  "l'",
  'l’',
  "d'",
  'd’',
  'pour',
  'et',
  'y',
  'el',
  'los',
  'las',
  'del',
  'para',
  'en',
  'of',
  'the',
  'for',
  'and',
  'on',
  'in',
  'to',
  'für',
  'der',
  'die',
  'das',
  'und',
  'à',
  'a',
  'au',
  'aux',
]);

/** The longest run of words a defined acronym may spell. */
const MAX_DEFINED_WORDS = 10;

/**
 * "la Fédération internationale de football association (FIFA)", "Organisation internationale pour les migrations
 * (OIM)": a name written with lowercase words, defined by the acronym in brackets after it. The acronym must
 * spell the initials of the name's words (small words aside), which fixes where the name starts; the run then
 * replaces the shorter names found inside it.
 */
function definedAcronymNames(b: Builder, firstOfBlock: number): void {
  const { tokens } = b;
  for (let p = 1; p + 2 < tokens.length; p++) {
    if (tokens[p]?.text !== '(' || tokens[p + 2]?.text !== ')') continue;
    const acro = tokens[p + 1];
    if (acro?.kind !== 'word' || !acro.caps || acro.text.length < 2 || acro.text.length > 8) continue;
    const letters = foldKey(acro.text).replace(/[^a-z]/gu, '');
    if (letters.length < 2) continue;
    // Walk back from the bracket, matching the acronym's letters from its end; small words may be skipped.
    let li = letters.length - 1;
    let k = p - 1;
    let start = -1;
    let lower = false;
    while (k >= 0 && p - k <= MAX_DEFINED_WORDS) {
      const t = tokens[k];
      if (t?.kind !== 'word') break;
      const w = t.fold.replace(/^[ld]['’]/u, '');
      if (ACRONYM_SKIPS.has(t.lower) && !t.cap) {
        k--;
        continue;
      }
      if (w[0] !== letters[li]) break;
      if (!t.cap) lower = true;
      li--;
      if (li < 0) {
        start = k;
        break;
      }
      k--;
    }
    if (start < 0 || !lower || !tokens[start]?.cap) start = b.profile === 'de' ? -1 : capitalisedBodyRun(tokens, p);
    if (start < 0) continue;
    const from = start;
    // Replace the names found inside the run by the whole name.
    // The run holds at most a dozen words, so only the last few mentions can lie inside it (a bound against
    // hostile input with many brackets).
    for (let m = b.out.length - 1; m >= Math.max(firstOfBlock, b.out.length - MAX_DEFINED_WORDS - 4); m--) {
      const x = b.out[m];
      if (x && x.block === b.blockIndex && x.first < p && x.last > from) b.out.splice(m, 1);
    }
    const cues = emptyCues();
    cues.organization += 4;
    addMention(b, from, p, cues, null);
  }
}

/** Spanish and French articles after "de" inside a place's name ("San José de las Lajas", "Saint-Martin-de-la-Mer"). */
const PARTICLE_ARTICLES = new Set(['la', 'las', 'los', 'el', 'le', 'les']);

/** Social networks and websites, which the labels treat as places to post, not as bodies. */
const WEBSITE_NAMES = new Set([
  'twitter',
  'facebook',
  'instagram',
  'youtube',
  'tiktok',
  'whatsapp',
  'snapchat',
  'linkedin',
  'reddit',
  'tumblr',
  'weibo',
  'wechat',
  'flickr',
  'telegram',
  'viber',
  'телеграм',
  'телеграмм',
  'фейсбук',
  'ютуб',
  'вайбер',
  'твітер',
  'твиттер',
  'інстаграм',
  'инстаграм',
]);

/** Heads of a campaign's or a group's name followed by its aim ("Campaign to Stop …", "Alliance to End …"). */
/** The prefixes of ships' names ("MV Ocean Explorer", "HMS Victory", "USS Cole"). */
const SHIP_PREFIXES = new Set(['mv', 'rms', 'hms', 'hmas', 'hmcs', 'hmnzs', 'uss', 'usns']);

const AIM_HEADS = new Set(['campaign', 'movement', 'initiative', 'project', 'coalition', 'alliance', 'committee', 'fund', 'partnership']);

/** Heads of a public body's name that two coordinated places may share ("Trinidad and Tobago Police Service"). */
const SHARED_BODY_HEADS = new Set([
  'police',
  'service',
  'services',
  'force',
  'forces',
  'ministry',
  'ministries',
  'council',
  'commission',
  'authority',
  'agency',
  'office',
  'department',
  'court',
]);

/**
 * Joins spans that one name runs across: "San José de las Lajas", "San Antonio de los Baños" (a place's name whose
 * lowercase particle and article the capitalised runs leave out), and "Trinidad and Tobago Police Service" (a
 * public body of two coordinated places: one capitalised word or two before "and", no body or person's name of
 * its own, and a body's head ending the run after it).
 */
function joinNameParts(tokens: Token[], input: [number, number][], profile: Profile): [number, number][] {
  if (profile !== 'romance' && profile !== 'en') return input;
  // "opinan en Cuba de Radio Martí": a country's or a city's name, "de", and a body's name are two names.
  const spans: [number, number][] = [];
  for (const [a, end] of input) {
    let cut = -1;
    if (profile === 'romance') {
      for (let k = a + 1; k < end - 1 && k <= a + 3; k++) {
        const first = tokens[k + 1]?.fold ?? '';
        if (tokens[k]?.lower === 'de' && flags(spanKey(tokens, a, k)) & (COUNTRY | CITY) && (ORG_FIRST.has(first) || FOREIGN_ORG_FIRST.has(first))) cut = k;
      }
    }
    if (cut > 0) spans.push([a, cut], [cut + 1, end]);
    else spans.push([a, end]);
  }
  const out: [number, number][] = [];
  for (let i = 0; i < spans.length; i++) {
    const cur = spans[i] as [number, number];
    const next = spans[i + 1];
    if (!next) {
      out.push(cur);
      continue;
    }
    const [a, e] = cur;
    const [na, ne] = next;
    const first = tokens[a];
    const link = tokens[e];
    const article = tokens[e + 1];
    const particle =
      profile === 'romance' &&
      !!first &&
      ROMANCE_PLACE_FIRST.has(first.fold) &&
      e - a >= 2 &&
      e - a <= 3 &&
      link?.lower === 'de' &&
      !!article &&
      !article.cap &&
      PARTICLE_ARTICLES.has(article.lower) &&
      na === e + 2 &&
      ne - na <= 2 &&
      tokens.slice(na, ne).every((t) => t.kind === 'word' && t.cap && !t.caps);
    const shared =
      profile === 'en' &&
      (link?.lower === 'and' || link?.text === '&') &&
      na === e + 1 &&
      e - a <= 2 &&
      ne - na >= 2 &&
      ne - na <= 4 &&
      SHARED_BODY_HEADS.has(tokens[ne - 1]?.fold ?? '') &&
      !isOrgHead(tokens[na]?.fold ?? '') &&
      tokens
        .slice(a, e)
        .every((t) => t.kind === 'word' && t.cap && !t.caps && !t.dotted && !isOrgHead(t.fold) && !(flags(t.fold) & (FIRST_NAME | ORGANIZATION)) && !TITLE_WORDS.has(t.fold)) &&
      !(tokens[a - 1]?.cap && tokens[a - 1]?.kind === 'word');
    // "Committee to Protect Journalists", "Campaign to Stop Killer Robots": a body's head, "to" and its capitalised aim.
    const head = tokens[e - 1]?.fold ?? '';
    const aim =
      profile === 'en' &&
      link?.lower === 'to' &&
      na === e + 1 &&
      ne - na >= 2 &&
      ne - na <= 4 &&
      (isOrgHead(head) || AIM_HEADS.has(head)) &&
      tokens.slice(na, ne).every((t) => t.kind === 'word' && t.cap && !t.caps);
    if (particle || shared || aim) {
      out.push([a, ne]);
      i++;
      continue;
    }
    out.push(cur);
  }
  return out;
}

/** Heads of German compounds that name an event ("Bundestagswahl", "Oktoberfest", "Weltmeisterschaft", "Nato-Gipfel"). */
const GERMAN_EVENT_COMPOUND = /\p{L}{3}(?:wahl|wahlen|krieg|fest|meisterschaft|gipfel|spiele|krise|turnier|pokal|messe|konferenz)$/u;

/** Ukrainian and Russian nouns for a settlement or a region, in any case ("місті", "передмісті", "штаті", "селі"). */
const CYRILLIC_PLACE_NOUN =
  /^(?:міст[оаіу]|передміст[яіта]|село|села|селі|селищ[еаі]|штат|штату|штаті|столиц[яіюе]|країн[аиіу]|провінці[яїю]|округ[уі]?|город[аеу]?|деревн[яеи]|вулиц[яіюе]|проспект[уіа]?|бульвар[уіа]?|площ[аіею]|улиц[аыеу])$/u;

/** Stems of Ukrainian and Russian nouns for a person's role, which an apposition after a name starts with. */
const CYRILLIC_ROLE_STEM =
  /^(?:радни|речни|міністр|голов|президент|директор|керівни|депутат|посол|посла|мер|заступни|прем|лідер|засновни|співзасновни|командувач|генерал|журналіст|експерт|аналітик|волонтер|ветеран|лікар|вчител|активіст|юрист|адвокат|прокурор|судд|спікер|очільни|сенатор|конгресмен|співак|співач|письменни|професор|дослідни|советни|министр|директор|руководител|депутат)\p{L}*$/u;

/** Ukrainian nouns of an administrative region, in any case ("область", "областю", "районі", "громади"). */
const CYRILLIC_REGION_NOUN = /^(?:област|район|громад)\p{L}*$/u;

/** The nominative of a region's adjective and noun ("Харківській", "області" → "харківська", "область"), or null. */
function cyrillicRegionLemma(adjective: string, noun: string): [string, string] | null {
  const feminine = noun.startsWith('област') || noun.startsWith('громад');
  const head = noun.startsWith('област') ? 'область' : noun.startsWith('громад') ? 'громада' : 'район';
  const stem = /^(.{3,}?)(?:ьої|ої|ій|ою|у|а|ого|ому|им|ім|ий|ої)$/u.exec(adjective)?.[1];
  if (!stem) return null;
  return [feminine ? `${stem}а` : `${stem}ий`, head];
}

/** Words that date a title ("former", "late", "then"), which alone at a sentence start name nothing. */
const TITLE_TIME_MODIFIERS = new Set([
  'former',
  'ex',
  'late',
  'then',
  'outgoing',
  'incoming',
  'acting',
  'interim',
  'ehemalige',
  'ehemaliger',
  'ancien',
  'ancienne',
  'exministro',
  'expresidente',
]);

/** Spanish and French definite articles, which stand before things and bodies but not before a person's name. */
const ROMANCE_DEFINITE_ARTICLES = new Set(['el', 'la', 'los', 'las', 'le', 'les', "l'", 'l’']);

/** Lowercase compass adjectives that qualify a place's name ("eastern Chad", "north-western Syria"). */
const COMPASS_ADJECTIVES = new Set([
  'northern',
  'southern',
  'eastern',
  'western',
  'northeastern',
  'northwestern',
  'southeastern',
  'southwestern',
  'north-eastern',
  'north-western',
  'south-eastern',
  'south-western',
]);

/** Words joining a statement noun to the body that issues it ("statement from", "comunicado de", "Mitteilung der"). */
const STATEMENT_AUTHOR_LINKS = new Set(['of', 'from', 'by', 'de', 'del', 'du', 'des', 'der', 'von', 'vom']);

/** Of {@link STATEMENT_AUTHOR_LINKS}, those holding a definite article ("del", "du", "des", genitive "der", "vom"). */
const STATEMENT_AUTHOR_LINKS_WITH_ARTICLE = new Set(['del', 'du', 'des', 'der', 'vom']);

/**
 * Whether the name at `a` follows a statement noun, the word joining it to its author and a definite article
 * ("el comunicado de la …", "a statement from the …", "die Mitteilung der …"). People issue statements as often as
 * bodies do, and their names take no article ("le message de Macron", "the release of Navalny"): without one, the
 * author may be either. The name must end the noun phrase: before a lowercase noun ("the Trump administration", "the
 * Biden campaign", "de la Callas reste") it modifies that noun or is the subject of a verb, and says nothing of a body.
 */
function statementAuthor(tokens: Token[], a: number, end: number): boolean {
  if (!endsNounPhrase(tokens[end])) return false;
  let k = a - 1;
  const article = tokens[k];
  const definite =
    article?.kind === 'word' && !article.cap && (article.lower === 'the' || ROMANCE_DEFINITE_ARTICLES.has(article.lower) || article.lower === 'die' || article.lower === 'das');
  if (definite) k--;
  const link = tokens[k];
  const noun = tokens[k - 1];
  return (
    link?.kind === 'word' &&
    !link.cap &&
    STATEMENT_AUTHOR_LINKS.has(link.lower) &&
    (definite || STATEMENT_AUTHOR_LINKS_WITH_ARTICLE.has(link.lower)) &&
    noun?.kind === 'word' &&
    !noun.cap &&
    STATEMENT_NOUNS.has(noun.fold) &&
    // "the release of the Velmar files", "their release from the Velmar camp": only a press release is issued by a body.
    (noun.fold !== 'release' || PRESS_WORDS.has(tokens[k - 2]?.lower ?? ''))
  );
}

/**
 * Whether the token after a name ends the noun phrase the name closes: the end of the text, punctuation, a capital, or
 * a lowercase word of grammar (a preposition, conjunction, article, auxiliary, relative) or of saying. Any other
 * lowercase word may be a noun the name modifies ("the Trump administration").
 */
function endsNounPhrase(next: Token | undefined): boolean {
  if (next?.kind !== 'word' || next.cap) return true;
  const word = next.lower;
  return (
    (flags(next.fold) & FUNCTION) !== 0 ||
    FOREIGN_FUNCTION_WORDS.has(next.fold) ||
    PHRASE_STOPS.has(word) ||
    NAME_CONNECTORS.has(word) ||
    ROMANCE_CLAUSE_OPENERS.has(word) ||
    SPEECH_VERBS.has(word) ||
    REPORT_VERBS.has(word) ||
    ROMANCE_SAYING.test(word)
  );
}

/** A preposition fused with the definite article ("du", "au", "aux", "del", "al"): what follows takes the article too. */
const ROMANCE_ARTICLE_CONTRACTIONS = new Set(['du', 'au', 'aux', 'del', 'al']);

/** Of {@link ROMANCE_ARTICLE_CONTRACTIONS}, the French ones saying where something is ("au Tchad", "aux Comores"). */
const ROMANCE_LOCATIVE_CONTRACTIONS = new Set(['au', 'aux']);

const COORDINATORS = new Set(['y', 'e', 'et', 'und']);

/** Legal-form suffixes that end a company's name ("Ltd", "GmbH", "S.A."), so a coordinator after one starts another name. */
const LEGAL_FORMS = new Set(['ltd', 'inc', 'plc', 'llc', 'corp', 'gmbh', 'ag', 'kg', 'sa', 'spa', 'nv', 'bv', 'ab', 'oy', 'asa', 'sarl', 'sas', 'srl', 'se']);

/** "Borealis Ltd and Kranich GmbH": a coordinator right after a legal form joins two companies. */
function splitAfterLegalForms(tokens: Token[], spans: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, end] of spans) {
    let start = a;
    for (let k = a + 2; k < end - 1; k++) {
      const t = tokens[k];
      const before = tokens[k - 1];
      if (t && before && !t.cap && COORDINATING.has(t.lower) && LEGAL_FORMS.has(before.fold.replace(/\./g, ''))) {
        out.push([start, k]);
        start = k + 1;
      }
    }
    // "of Apple Inc. Steve Jobs": a legal form ends a company's name, so the words after it name someone else.
    for (let k = start + 2; k < end; k++) {
      const before = tokens[k - 1];
      if (
        before &&
        LEGAL_FORMS.has(before.fold.replace(/\./g, '')) &&
        (before.text.endsWith('.') || flags(tokens[k]?.fold ?? '') & FIRST_NAME) &&
        tokens[k]?.cap &&
        tokens[k]?.kind === 'word'
      ) {
        out.push([start, k]);
        start = k;
      }
    }
    out.push([start, end]);
  }
  return out;
}

/** "Siria y Gaza", "Bahréin y Yemen": outside English a coordinator inside a run joins two names, not one. */
function splitCoordinated(tokens: Token[], spans: [number, number][], profile: Profile): [number, number][] {
  if (profile !== 'romance' && profile !== 'de') return profile === 'en' ? splitAfterLegalForms(tokens, spans) : spans;
  const out: [number, number][] = [];
  for (const [a, end] of spans) {
    let start = a;
    for (let k = a + 1; k < end - 1; k++) {
      const t = tokens[k];
      // German "von" before a given name starts a new name ("Partei ANO von Andrej Babiš").
      const vonName = profile === 'de' && t?.lower === 'von' && (flags(tokens[k + 1]?.fold ?? '') & FIRST_NAME) !== 0;
      if (t && !t.cap && (COORDINATORS.has(t.lower) || (profile === 'de' && GERMAN_ARTICLES.has(t.lower)) || vonName)) {
        out.push([start, k]);
        start = k + 1;
      }
    }
    out.push([start, end]);
  }
  return out;
}

/**
 * "the Securities and Exchange Commission", "the Food and Drug Administration": after "the", one capitalised common
 * word, "and", and a name ending in a body's head word are one body's name, not two.
 */
function joinCoordinatedBody(tokens: Token[], spans: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < spans.length; i++) {
    const cur = spans[i];
    const next = spans[i + 1];
    if (cur && next && cur[1] - cur[0] === 1 && next[0] === cur[1] + 1 && tokens[cur[1]]?.lower === 'and' && tokens[cur[0] - 1]?.lower === 'the') {
      const first = tokens[cur[0]];
      const head = tokens[next[1] - 1];
      if (first && head && !first.caps && !(flags(first.fold) & (NAME_LIKE | ANY_PLACE)) && isOrgHead(head.fold)) {
        out.push([cur[0], next[1]]);
        i++;
        continue;
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

/** Last words of the runs that start with a given name ("Lisa Brandt" → "brandt"), for German surnames used alone. */
function surnamesOfGivenNames(doc: Doc): Set<string> {
  const out = new Set<string>();
  for (const block of doc.blocks) {
    for (const [a0, end] of splitCoordinated(block.tokens, rawSpans(block.tokens), 'de')) {
      let a = a0;
      let titled = false;
      while (a < end && (FOREIGN_LEADING_WORDS.has(block.tokens[a]?.lower ?? '') || isGermanTitle(block.tokens[a]?.fold ?? ''))) {
        if (isGermanTitle(block.tokens[a]?.fold ?? '')) titled = true;
        a++;
      }
      const first = block.tokens[a];
      const last = block.tokens[end - 1];
      if (first && last && end - a >= 2 && end - a <= 4 && (titled || flags(first.fold) & FIRST_NAME)) out.add(last.fold);
    }
  }
  return out;
}

const ROMANCE_ADJECTIVE =
  /(?:al|ale|ales|aux|el|elle|elles|ien|ienne|iens|iennes|ique|iques|ais|aise|aises|éen|éenne|éens|éennes|ain|aine|aire|aires|unies|unis|ido|ida|idos|idas|ano|ana|anos|anas|ense|enses|ico|ica|icos|icas|ivo|iva|ario|aria|ial|iale|ional|ionale|nacional|mundial)$/u;
/** Shortest lowercase adjective that continues a body's name: shorter words ending alike are links ("al", "del"). */
const MIN_ROMANCE_ADJECTIVE_LENGTH = 4;
/** Whether a lowercase word is an adjective continuing a French or Spanish body's name ("européenne", "nacional"). */
const isRomanceAdjective = (lower: string): boolean => lower.length >= MIN_ROMANCE_ADJECTIVE_LENGTH && ROMANCE_ADJECTIVE.test(lower);
/** Endings of Spanish and French infinitives ("sancionar", "proteger", "défendre"). */
const ROMANCE_INFINITIVE = /^\p{L}{3,}(?:ar|er|ir|re)$/u;
const ROMANCE_LINKS = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'los', 'las', 'el', 'al', 'pour', 'para', 'del', 'por', 'contra', 'sur', "l'", 'l’', 'et', 'y']);

/** Spanish and French plurals for a body's staff or members ("agentes", "miembros", "membres"), who are people, not the body. */
const MEMBERS_OF_BODY = new Set([
  'agentes',
  'miembros',
  'funcionarios',
  'oficiales',
  'integrantes',
  'empleados',
  'trabajadores',
  'representantes',
  'dirigentes',
  'militantes',
  'agents',
  'membres',
  'fonctionnaires',
  'militants',
  'employes',
  'representants',
  'dirigeants',
]);

/** Spanish and French singular nouns for a member of a body ("miembro", "membre", "integrante"). */
const MEMBER_NOUNS = new Set(['miembro', 'miembra', 'integrante', 'militante', 'membre', 'socio', 'socia']);

/** Spanish and French relative pronouns, which start a clause after a name ("quien", "quienes", "lequel"). */
const RELATIVE_PRONOUNS = new Set(['quien', 'quienes', 'cual', 'cuales', 'donde', 'cuando', 'lequel', 'laquelle', 'lesquels', 'lesquelles', 'où', 'ou']);

/**
 * French and Spanish bodies capitalise only their first word: "Organisation internationale pour les
 * migrations", "Haut Commissariat des Nations unies pour les réfugiés", "Union européenne". After a
 * capitalised run that contains a body word, lowercase adjectives and "pour les X"/"de la X" continue the
 * name up to a comma or the end of the clause. Returns the new end, or `end` when the name does not continue.
 */
function romanceBodyEnd(tokens: Token[], a: number, end: number): number {
  let body = false;
  for (let k = a; k < end; k++) if (FOREIGN_ORG_FIRST.has(tokens[k]?.fold ?? '') || ROMANCE_BODY_WORDS.has(tokens[k]?.fold ?? '')) body = true;
  if (!body) return end;
  let safe = end;
  let k = end;
  while (k < tokens.length && k - end < 8) {
    const t = tokens[k];
    if (t?.kind !== 'word') break;
    // "… San Isidro quien le expresó": a relative pronoun starts a clause, whatever its ending.
    if (!t.cap && RELATIVE_PRONOUNS.has(t.lower)) break;
    if (!t.cap && isRomanceAdjective(t.lower)) {
      k++;
      safe = k;
      continue;
    }
    if (!t.cap && ROMANCE_LINKS.has(t.lower)) {
      let n = k;
      while (n < tokens.length && ROMANCE_LINKS.has(tokens[n]?.lower ?? '')) n++;
      const noun = tokens[n];
      if (noun?.kind !== 'word') break;
      // "… Naciones Unidas los casos de …": an article with no preposition starts the verb's object, not a name's part.
      let preposition = false;
      for (let j = k; j < n; j++) if (!ROMANCE_DEFINITE_ARTICLES.has(tokens[j]?.lower ?? '')) preposition = true;
      if (!preposition) break;
      // "la Commission européenne et l'Organisation …": a coordinator before a capital starts another name.
      if ((t.lower === 'et' || t.lower === 'y') && noun.cap) break;
      // "… de Puerto Rico y miembro del partido": a coordinator before a role or a member describes a person, no name's part.
      if ((t.lower === 'et' || t.lower === 'y') && n === k + 1 && (isRoleNoun(noun.fold) || MEMBER_NOUNS.has(noun.fold))) break;
      // "el Congreso para sancionar al régimen": a verb's infinitive after a link starts a clause, not a name's part.
      if (!noun.cap && ROMANCE_INFINITIVE.test(noun.lower)) break;
      // "… le expresó", "… lo informó": a Spanish past tense after a clitic is a verb, not a noun of the name.
      if (!noun.cap && /\p{L}{3}ó$/u.test(noun.lower)) break;
      k = n + 1;
      // "… de las Naciones Unidas para los Derechos Humanos": a capitalised name after the link runs on.
      if (noun.cap) while (tokens[k]?.kind === 'word' && tokens[k]?.cap) k++;
      const after = tokens[k];
      // The noun ends the name only where the clause ends: "… pour les migrations, environ …".
      // An auxiliary or a relative pronoun after the noun starts the clause's verb: "… de football a annoncé".
      if (!after || after.kind === 'punct' || (!after.cap && (isRomanceAdjective(after.lower) || ROMANCE_CLAUSE_OPENERS.has(after.lower)))) safe = k;
      continue;
    }
    break;
  }
  return safe;
}

/** Spanish and French nouns of office, whose plurals before "de" and a country are people, not a group's name. */
const ROMANCE_OFFICE_NOUNS = new Set([
  'embajador',
  'ministro',
  'diputado',
  'senador',
  'presidente',
  'alcalde',
  'gobernador',
  'director',
  'jefe',
  'representante',
  'ambassadeur',
  'ministre',
  'depute',
  'senateur',
  'maire',
  'president',
  'directeur',
  'chef',
  'representant',
]);

/** Prepositions after a plural noun that open a group's name ("Damas de Blanco", "Médicos Sin Fronteras"). */
const GROUP_PREPOSITIONS = new Set(['de', 'del', 'sin', 'sans', 'du', 'des', 'con', 'por', 'para', 'pour', 'contre', 'contra']);

/** Spanish and French past participles and preterites of saying and stating ("déclaré", "dénoncé", "afirmó", "comentado"). */
const ROMANCE_SAYING =
  /^(?:déclar|dénonc|affirm|indiqu|précis|annonc|confirm|dément|démenti|réag|comment|dijo|dicho|afirm|declar|denunci|anunci|confirm|coment|indic|señal|asegur|neg)\p{L}*$/u;

/** Spanish and French auxiliaries and relative pronouns, which open the clause after a name ("… a annoncé", "… que"). */
const ROMANCE_CLAUSE_OPENERS = new Set([
  'a',
  'ont',
  'avait',
  'avaient',
  'est',
  'sont',
  'était',
  'sera',
  'va',
  'vont',
  'doit',
  'peut',
  'qui',
  'dont',
  'ha',
  'han',
  'había',
  'habían',
  'es',
  'son',
  'fue',
  'fueron',
  'será',
  'van',
  'debe',
  'puede',
  'que',
  'cuyo',
  'cuya',
]);

const ROMANCE_BODY_WORDS = new Set([
  'parlement',
  'parlamento',
  'union',
  'commissariat',
  'nations',
  'naciones',
  'comite',
  'tribunal',
  'fondo',
  'fonds',
  'programme',
  'programa',
  'office',
  'oficina',
  'alto',
  'haut',
]);

const LOCAL_SERVICES = new Set(['police', 'fire', 'city', 'county', 'state', 'school', 'health', 'water', 'transit', 'parks', 'sheriff']);
const LOCAL_BODY_HEADS = new Set(['department', 'council', 'board', 'office', 'commission', 'authority', 'service', 'district']);

/**
 * "the Knoxville police department", "the Leeds city council": a place's name with a lowercase service and
 * body noun names that place's body. Mentions inside it (the place, or a title's tail) give way to it.
 */
function localBodies(b: Builder, from: number): void {
  const { tokens } = b;
  const bodies: [number, number][] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    const service = tokens[i];
    const head = tokens[i + 1];
    const name = tokens[i - 1];
    if (!service || !head || !name || service.cap || head.cap || !LOCAL_SERVICES.has(service.lower) || !LOCAL_BODY_HEADS.has(head.lower)) continue;
    if (
      !name.cap ||
      name.kind !== 'word' ||
      isDemonym(name.fold) ||
      name.quote !== service.quote ||
      flags(name.fold) & FUNCTION ||
      isCommonWord(name.fold) ||
      LEADING_FUNCTION_WORDS.has(name.lower)
    )
      continue;
    let start = i - 1;
    while (start > 0 && tokens[start - 1]?.cap && tokens[start - 1]?.kind === 'word' && i - start < 3 && !TITLE_WORDS.has(tokens[start - 1]?.fold ?? '')) start--;
    if (TITLE_WORDS.has(tokens[start]?.fold ?? '')) continue;
    bodies.push([start, i + 2]);
  }
  if (bodies.length === 0) return;
  // Mentions inside a body give way to it; one pass over the block's mentions (bodies are in order and apart).
  const kept = b.out.slice(0, from);
  const mine = b.out.slice(from).sort((x, y) => x.first - y.first);
  let k = 0;
  for (const m of mine) {
    while (k < bodies.length && (bodies[k]?.[1] ?? 0) < m.last) k++;
    const body = bodies[k];
    if (!(body && m.first >= body[0] - 1 && m.last <= body[1])) kept.push(m);
  }
  b.out.length = 0;
  for (const m of kept) b.out.push(m);
  for (const [start, end] of bodies) {
    const cues = emptyCues();
    cues.organization += 4;
    addMention(b, start, end, cues, null);
  }
}

const COORDINATING = new Set(['and', 'or', 'und', 'oder', 'y', 'o', 'e', 'et', 'ou', 'і', 'й', 'та', 'и']);

/** "in Okhla and Wazirabad", "in Kenya, Uganda and Tanzania": the preposition covers every coordinated name. */
function shareCoordinatedPrepositions(b: Builder, from: number): void {
  const list = b.out.slice(from).sort((x, y) => x.first - y.first);
  for (let i = 1; i < list.length; i++) {
    const prev = list[i - 1];
    const cur = list[i];
    if (!prev || !cur || !prev.prep || cur.prep) continue;
    let linked = cur.first > prev.last;
    for (let k = prev.last; k < cur.first && linked; k++) {
      const t = b.tokens[k];
      linked = !!t && (t.text === ',' || COORDINATING.has(t.lower));
    }
    // "between Republicans and Democrats": a party's members share no preposition of place.
    if (linked && !(cur.words.length === 1 && PARTY_MEMBERS.test(cur.key) && !(flags(cur.key) & ANY_PLACE))) {
      cur.prep = true;
      cur.cues.place += 1;
      cur.weak = false;
    }
  }
}

/** Names in guillemets after a source lead ("За даними «Укренерго»") that start a sentence-like fragment. */
function cyrillicQuotedNames(b: Builder): void {
  const { tokens } = b;
  for (let i = 0; i < tokens.length; i++) {
    for (const lead of SOURCE_LEADS_CYRILLIC) {
      if (tokens[i]?.lower !== lead[0] || tokens[i + 1]?.lower !== lead[1]) continue;
      const t = tokens[i + 2];
      if (t && t.kind === 'word' && t.cap) {
        const exists = b.out.some((m) => m.block === b.blockIndex && m.first === i + 2);
        if (!exists) {
          const cues = emptyCues();
          cues.organization += 2;
          addMention(b, i + 2, i + 3, cues, null);
        }
      }
    }
  }
}
