import { withoutTrailing } from '../../white-space.js';
/**
 * Direct quotations and who said them. A quotation is a quoted passage of five or more words; its speaker
 * comes from the attribution after it (`"…," X said` / `"…," said X` / `«…», — сказав X`) or before it
 * (`X said: "…"` / `X called it "…"`), and is resolved to a full name: a surname to the person introduced
 * in full, a pronoun to the last speaker, a role ("the NATO PA president") to the person introduced with it.
 */
import type { Block, Doc, Profile } from './document.js';
import { findCjkQuotes } from './cjk-quotes.js';
import { cyrillicPersonNominative } from './cyrillic-names.js';
import { adjectiveStem, clusterAt as entityAt, sameStem } from './entities.js';
import type { Cluster, Registry } from './entities.js';
import type { Role } from './mentions.js';
import { POSITION_SCALE, POSITION_STRIDE, cyrillicBodyLemma, isWorkNoun, position } from './mentions.js';
import { ANY_PLACE, FIRST_NAME, FUNCTION, ORGANIZATION, foldKey, lexFlags } from './lexicon.js';
import { compatible, genderOfArticle, genderOfPerson, genderOfPronoun, genderOfReference, roleGender } from './gender.js';
import type { Gender } from './gender.js';
import { isSpeechVerb } from './speech.js';
import { articleAlone } from './spans.js';
import { QUOTE_CHARS } from './tokens.js';
import type { QuoteRegion, Token } from './tokens.js';
import { isDemonym, isRoleNoun } from './wordclass.js';
import {
  ARTICLES,
  ATTRIBUTION_LEADS,
  DOCUMENT_NOUNS,
  FOREIGN_ARTICLES,
  FOREIGN_FUNCTION_WORDS,
  FOREIGN_ORG_FIRST,
  NAME_CONNECTORS,
  ORG_DESCRIPTORS,
  PHRASE_STOPS,
  PRONOUNS,
  REPORT_VERBS,
  SPEAKER_OPENERS,
  SPEECH_LEADS_GERMAN,
  STAFF_NOUNS,
  STATEMENT_NOUNS,
  TITLE_WORDS,
  VERB_FILLERS,
} from './words.js';
import { isOrgHead } from './wordclass.js';
import { partitionPoint } from './sorted.js';

/** Commas and white space a quotation's text ends with, dropped (one character: see {@link withoutTrailing}). */
const TRAILING_COMMA_OR_SPACE = /[\s,，]/u;
/** Punctuation and white space a speaker's description ends with, dropped. */
const TRAILING_PUNCTUATION_OR_SPACE = /[\s,.;:—–-]/u;

/** Whether an entity is only a capitalised pronoun, conjunction or adverb the entities took for a name ("Ella dijo que …", "Ensuite, …"). */
const isPronounName = (c: Cluster): boolean =>
  (c.name.length <= 5 && PRONOUNS.has(c.name.toLowerCase())) || (!c.name.includes(' ') && FOREIGN_FUNCTION_WORDS.has(c.name.toLowerCase()));

/** The entity a token belongs to, leaving out pronouns taken for names. */
const clusterAt = (registry: Registry, block: number, token: number): Cluster | undefined => {
  const c = entityAt(registry, block, token);
  return c && c.kind === 'person' && isPronounName(c) ? undefined : c;
};

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

const QUOTE_MARKS = QUOTE_CHARS;
const CLAUSE_END = new Set(['.', '!', '?', '…', ';']);
const LEADING_PUNCT = new Set([',', '—', '–', '-', ':', ')']);
/** A French verb or auxiliary with the subject pronoun after it ("a-t-elle", "dit-il", "ajoute-t-il"). */
const FRENCH_INVERTED_PRONOUN = /^\p{L}+-(?:t-)?(?:il|elle|ils|elles)$/u;

/** Prepositions after which a short quoted passage is a name or a title ("told „heise online“", "in "Deep Waters""). */
const NAME_PREPOSITIONS = new Set([
  'to',
  'from',
  'in',
  'at',
  'by',
  'with',
  'for',
  'of',
  'on',
  'about',
  'gegenüber',
  'von',
  'bei',
  'mit',
  'für',
  'über',
  'im',
  'à',
  'de',
  'par',
  'pour',
  'avec',
  'sur',
  'dans',
  'en',
  'por',
  'para',
  'con',
  'sobre',
  'del',
]);

/** A court's written decisions ("the ruling", "la sentencia", "le jugement", "das Urteil", "вирок"), which no one speaks. */
const COURT_DOCUMENTS = 'ruling verdict judgment judgement sentence sentencia fallo veredicto jugement arret urteil вирок'.split(' ').map(foldKey);

/** Documents whose wording is quoted without a speaker ("the letter said", "the bill reads"). */
const QUOTED_DOCUMENTS = new Set([
  ...COURT_DOCUMENTS,
  'letter',
  'bill',
  'law',
  'document',
  'text',
  'decree',
  'ruling',
  'resolution',
  'verdict',
  'judgment',
  'judgement',
  'treaty',
  'memo',
  'note',
  'sign',
  'banner',
  'placard',
  'headline',
  'gesetz',
  'gesetzentwurf',
  'brief',
  'ley',
  'carta',
  'texto',
  'documento',
  'loi',
  'lettre',
  'texte',
  'закон',
  'лист',
]);

/** Nouns for a website or a page of one ("website", "sitio", "page", "Webseite", "сайт", "сторінка"). */
const WEB_PAGES = new Set('website site homepage webpage page sitio pagina portal webseite internetseite homepage сайт сайті сторінка сторінці'.split(' ').map(foldKey));

/** How many tokens back an attribution before a quotation is looked for (a long sentence, never the whole paragraph). */
const SENTENCE_LOOKBACK = 120;

/** The longest descriptive speaker phrase kept ("the head of news for the Yushu county television station"). */
const MAX_SPEAKER_WORDS = 12;

/** How far before a colon a speaker may be named ("A spokesman for X on the raid: "…""). */
const COLON_SPEAKER_TOKENS = 16;

/** The most lowercase words before a verb that open a clause with the subject after the verb ("comme l'a", "como", "як"). */
const SUBORDINATE_OPENER = 3;

/** Auxiliaries that may stand between a quotation and an inverted speech verb ("a déclaré", "ha dicho"). */
const AUXILIARIES = new Set(['a', 'ont', 'avait', 'est', "s'est", 's’est', 'sont', 'ha', 'han', 'había', 'hat', 'hatte', 'has', 'had', 'have']);

/** Verbs that name or label something: a short quoted passage after them is a label ("called it "a disaster""), not speech. */
const NAMING_VERBS = new Set([
  'called',
  'calls',
  'call',
  'described',
  'describes',
  'dubbed',
  'termed',
  'branded',
  'labelled',
  'labeled',
  'named',
  'nannte',
  'bezeichnete',
  'bezeichnet',
  'bezeichneten',
  'genannt',
  'calificó',
  'calificaron',
  'definió',
  'definieron',
  'tildó',
  'llamó',
  'qualifié',
  'qualifie',
  'назвав',
  'назвала',
]);

/** Whether a word is grammar (a conjunction, preposition, subordinator or sentence adverb) in any of the languages with full rules. */
const isFunctionWord = (t: Token): boolean => (lexFlags(t.fold) & FUNCTION) !== 0 || FOREIGN_FUNCTION_WORDS.has(t.lower);

/** Whether a token is a verb of saying: a capitalised word inside a sentence is a name ("Gulf States envoy …"), never a verb. */
const speechVerbAt = (t: Token | undefined): boolean => !!t && t.kind === 'word' && (!t.cap || t.initial) && isSpeechVerb(t.lower);

/** "read", "reads": a verb of saying for a written statement only ("…," read a statement from the company; "The letter reads: …"). */
const READ_FORMS = new Set(['read', 'reads']);

/** How many words a statement noun may stand from "read" (an article and an adjective before it, a determiner after it). */
const READ_NOUN_REACH = 3;

/**
 * Whether the token at `k` is a verb of saying: {@link speechVerbAt}, or "read" and "reads" with a statement noun
 * just after it ("read a statement from SAS") or just before it ("the statement reads"), where they sign its words.
 */
const speechVerbIn = (tokens: readonly Token[], k: number): boolean => {
  const t = tokens[k];
  if (speechVerbAt(t)) return true;
  if (t?.kind !== 'word' || t.cap || !READ_FORMS.has(t.lower)) return false;
  const statementAt = (j: number): boolean => {
    const w = tokens[j];
    return w?.kind === 'word' && !w.cap && w.quote < 0 && STATEMENT_NOUNS.has(w.fold);
  };
  for (let j = k + 1; j <= k + READ_NOUN_REACH && tokens[j]?.kind === 'word'; j++) if (statementAt(j)) return true;
  for (let j = k - 1; j >= k - READ_NOUN_REACH && tokens[j]?.kind === 'word'; j--) if (statementAt(j)) return true;
  return false;
};

/** Whether the sentence around a quotation (outside any quotation) has a verb of saying or naming, wherever it stands ("… als „letzte Chance“ … bezeichnet"). */
const sentenceHasSpeechVerb = (block: Block, first: number, last: number): boolean => {
  const index = sentenceIndexOf(block);
  const a = Math.max(first - 1 >= 0 ? (index.lastEnd[first - 1] ?? -1) : -1, first - 1 - SENTENCE_LOOKBACK);
  const b = Math.min(last < block.tokens.length ? (index.nextEnd[last] ?? block.tokens.length) : block.tokens.length, last + SENTENCE_LOOKBACK + 1);
  return b - 1 >= a + 1 && (index.verbsBefore[b] ?? 0) - (index.verbsBefore[a + 1] ?? 0) > 0;
};

/**
 * Where each sentence of a block ends and where its verbs of saying and attribution leads stand, built once per
 * block, so that looking for the attribution of one quotation costs the same however many quotations a sentence
 * holds (a run of unclosed quotation marks is thousands of them).
 */
interface SentenceIndex {
  /** For each token, the index of the last sentence end at or before it, or -1. */
  lastEnd: Int32Array;
  /** For each token, the index of the first sentence end at or after it, or the block length. */
  nextEnd: Int32Array;
  /** For each token, the index of the last verb of saying or lead end outside quotations at or before it, or -1. */
  lastCue: Int32Array;
  /** For each token index, how many verbs of saying or naming outside quotations come before it. */
  verbsBefore: Int32Array;
}

const sentenceIndexes = new WeakMap<Block, SentenceIndex>();

/** Determiners after which a form of a verb of saying is a noun ("un comunicado", "the answer", "ein Bericht"); never clitics or auxiliaries. */
const NOUN_DETERMINERS = new Set([
  'un',
  'una',
  'el',
  'del',
  'al',
  'su',
  'sus',
  'este',
  'esta',
  'ese',
  'esa',
  'the',
  'an',
  'his',
  'its',
  'their',
  'ein',
  'eine',
  'einer',
  'einen',
  'une',
  'du',
  'ce',
  'cette',
  'son',
  'sa',
  'ses',
]);

/** Leads that sign a quotation: the shared attribution leads, and those of opinion ("на думку мера", "en opinión de", "a juicio de"). */
const QUOTE_LEADS: readonly (readonly string[])[] = [...ATTRIBUTION_LEADS, ['на', 'думку'], ['en', 'opinión', 'de'], ['a', 'juicio', 'de']];

/** Whether an attribution lead ("according to", "según", "за словами") ends at token `v`. */
const leadEndsAt = (tokens: Token[], v: number): boolean =>
  (LEAD_LAST_WORDS.has(tokens[v]?.lower ?? '') && QUOTE_LEADS.some((lead) => lead.every((w, i) => tokens[v - lead.length + 1 + i]?.lower === w))) ||
  possessiveLeadAt(tokens, v) >= 0;

/** Leads that name their speaker with a possessive ("за його словами", "in her view", "a su juicio"); `*` is the possessive. */
const POSSESSIVE_LEADS: readonly (readonly string[])[] = [
  ['за', '*', 'словами'],
  ['на', '*', 'думку'],
  ['з', '*', 'слів'],
  ['із', '*', 'слів'],
  ['по', '*', 'словам'],
  ['in', '*', 'view'],
  ['in', '*', 'words'],
  ['in', '*', 'opinion'],
  ['a', '*', 'juicio'],
  ['en', '*', 'opinión'],
  ['en', '*', 'palabras'],
  ['à', '*', 'yeux'],
  ['*', 'ansicht', 'nach'],
  ['*', 'meinung', 'nach'],
  ['*', 'worten', 'zufolge'],
];

/** Possessives that fill a possessive lead. */
const LEAD_POSSESSIVES = new Set(['його', 'її', 'his', 'her', 'su', 'sus', 'ses', 'seiner', 'ihrer', 'seinen', 'ihren', 'его', 'ее', 'её']);

/** The last words of the possessive leads. */
const POSSESSIVE_LEAD_LAST = new Set(POSSESSIVE_LEADS.map((lead) => lead[lead.length - 1] ?? ''));

/** Where the possessive of a possessive lead ending at `v` stands, or -1. */
const possessiveLeadAt = (tokens: Token[], v: number): number => {
  if (!POSSESSIVE_LEAD_LAST.has(tokens[v]?.lower ?? '')) return -1;
  for (const lead of POSSESSIVE_LEADS) {
    const from = v - lead.length + 1;
    let at = -1;
    const fits = lead.every((w, i) => {
      const t = tokens[from + i];
      if (w !== '*') return t?.lower === w;
      at = from + i;
      return LEAD_POSSESSIVES.has(t?.lower ?? '');
    });
    if (fits) return at;
  }
  return -1;
};

/** Articles that are also object clitics ("la sentencia", "la acusa"), so that only what comes before them decides. */
const CLITIC_ARTICLES = new Set(['la', 'las', 'los', 'le', 'les', "l'", 'l’']);

/** Whether a verb form at `k` is a noun: after an article that follows a preposition ("según la sentencia", "en la declaración"). */
const nounAfterPreposition = (tokens: Token[], k: number): boolean => {
  const before = tokens[k - 2];
  return (
    CLITIC_ARTICLES.has(tokens[k - 1]?.lower ?? '') &&
    before?.kind === 'word' &&
    (ROMANCE_PREPOSITIONS.has(before.lower) || LEAD_LAST_WORDS.has(before.lower) || before.lower === 'de')
  );
};

/** The last words of the attribution leads, which rule out almost every token with one look-up. */
const LEAD_LAST_WORDS = new Set(QUOTE_LEADS.map((lead) => lead[lead.length - 1] ?? ''));

const sentenceIndexOf = (block: Block): SentenceIndex => {
  const cached = sentenceIndexes.get(block);
  if (cached) return cached;
  const { tokens } = block;
  const n = tokens.length;
  const index: SentenceIndex = { lastEnd: new Int32Array(n), nextEnd: new Int32Array(n), lastCue: new Int32Array(n), verbsBefore: new Int32Array(n + 1) };
  let end = -1;
  let cue = -1;
  for (let k = 0; k < n; k++) {
    const t = tokens[k];
    if (t && t.kind === 'punct' && t.quote < 0 && CLAUSE_END.has(t.text)) end = k;
    const outsideWord = !!t && t.kind === 'word' && t.quote < 0;
    const speech = outsideWord && speechVerbIn(tokens, k) && !NOUN_DETERMINERS.has(tokens[k - 1]?.lower ?? '') && !nounAfterPreposition(tokens, k);
    // "calificó la medida de «…»", "a qualifié la décision de « … »": a verb that names what someone said signs it too.
    if (outsideWord && (speech || leadEndsAt(tokens, k) || (NAMING_VERBS.has(t.lower) && !t.cap))) cue = k;
    index.lastEnd[k] = end;
    index.lastCue[k] = cue;
    index.verbsBefore[k + 1] = (index.verbsBefore[k] ?? 0) + (speech || (outsideWord && NAMING_VERBS.has(t.lower)) ? 1 : 0);
  }
  end = n;
  for (let k = n - 1; k >= 0; k--) {
    const t = tokens[k];
    if (t && t.kind === 'punct' && t.quote < 0 && CLAUSE_END.has(t.text)) end = k;
    index.nextEnd[k] = end;
  }
  sentenceIndexes.set(block, index);
  return index;
};

/** Participles that give an unnamed speaker's name ("identificada como Adela", "a man named Omar", "nommée Léa"). */
const NAMED_AS = new Set(['named', 'called', 'identified', 'identificado', 'identificada', 'llamado', 'llamada', 'nommé', 'nommée', 'prénommé', 'prénommée', 'namens']);

/** Object and stressed pronouns after a lead ("according to him", "selon lui", "según él", "laut ihm"). */
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'lui', 'elle', 'eux', 'elles', 'él', 'ella', 'ellos', 'ellas', 'ihm', 'ihr', 'ihnen', 'нього', 'неї', 'них']);

/** Clitic and object pronouns between a subject and its verb ("la periodista le preguntó", "elle lui a dit"). */
const CLITICS = new Set(['le', 'les', 'lo', 'la', 'se', 'me', 'nos', 'te', 'lui', 'leur', 'y', 'en', 'ihm', 'ihr']);

/** Relative pronouns that refer to a person ("who", "qui", "quien", "який"). */
const PERSON_RELATIVE = new Set(['who', 'qui', 'quien', 'quienes', 'який', 'яка', 'які', 'который', 'которая']);
const RELATIVE = new Set(['who', 'which', 'whose', 'that', 'when', 'where', 'while', 'який', 'яка', 'які', 'который', 'которая']);

/** Where the speaker phrase of an attribution lies, if there is an attribution. */
interface Attribution {
  from: number;
  to: number;
  /** The verb stands without a subject ("«…», explicó.", "«…», — сказав."): the speaker is the one last spoken of. */
  zero?: boolean;
  /** Where the clause of a subjectless verb ends: a person named before it is the subject after all ("— заявив в інтерв'ю … Ілай Розенбаум"). */
  searchTo?: number;
  /** The phrase follows a lead ("according to the police", "nach Angaben der Polizei"), where its article is no part of the speaker. */
  lead?: boolean;
  /** The phrase follows the verb after the quotation ("…", said the minister), where a definite noun refers back. */
  inverted?: boolean;
  /** The verb is impersonal ("heißt es in …", "se lee en …", "йдеться у …"): the phrase names where the words stand, and their author in it. */
  impersonal?: boolean;
  /** An impersonal plural ("повідомили в …", "señalaron desde …"): only a body the place names, or one it describes, spoke. */
  plural?: boolean;
  /** The words after the quotation go on with the sentence ("«…», коли мова йде про …"): they name no speaker, nor rule the quotation out. */
  grammar?: boolean;
  /** The phrase is the antecedent of a relative pronoun before the verb ("el dirigente de X quien le aseguró"). */
  relative?: boolean;
  /** The phrase is the subject of a paragraph that hands the word to a quotation after it, where a definite role noun refers back ("el activista resaltó …"). */
  refersBack?: boolean;
  /** The lead names a document ("según la sentencia", "according to the ruling"): its wording has no speaker. */
  document?: boolean;
}

/** Length of an attribution lead ("según", "according to", "за словами", German "so") starting at `k`, or 0. */
const leadAt = (tokens: Token[], k: number, german: boolean): number => {
  const t = tokens[k];
  if (t?.kind !== 'word') return 0;
  // German "so" signs a quotation only before a name or a noun ("so Müller", "so der Minister"), not in "so dass".
  if (german && SPEECH_LEADS_GERMAN.has(t.lower)) return tokens[k + 1]?.cap || FOREIGN_ARTICLES.has(tokens[k + 1]?.lower ?? '') ? 1 : 0;
  for (const lead of QUOTE_LEADS) {
    if (lead.every((w, i) => tokens[k + i]?.lower === w)) return lead.length;
  }
  return 0;
};

/** The name phrase after a lead, up to a comma or the end of the clause. */
const phraseAfter = (tokens: Token[], from: number): Attribution | null => {
  // "Según declaró, «…»", "Selon lui, « … »", "according to him": the lead refers back to the one last spoken of.
  const first = tokens[from];
  if (first?.kind === 'word' && !first.cap && (isSpeechVerb(first.lower) || OBJECT_PRONOUNS.has(first.lower) || PRONOUNS.has(first.lower)))
    return { from, to: from + 1, lead: true, zero: true };
  let to = from;
  let named = false;
  let headTaken = false;
  while (to < tokens.length && to - from < 10) {
    const t = tokens[to];
    if (!t || (t.kind === 'punct' && t.text !== '-')) break;
    // Once a name has begun, a lowercase word other than a connector ends it ("nach Angaben der Polizei hatten sie …").
    // "за словами речника Державного департаменту Метью Міллера": Ukrainian names of bodies hold lowercase words, and the
    // name of a person may follow them.
    const cyrillicRun =
      CYRILLIC_WORD.test(t.text) &&
      ((tokens[to + 1]?.kind === 'word' && !!tokens[to + 1]?.cap) || (tokens[to + 1]?.kind === 'word' && tokens[to + 2]?.kind === 'word' && !!tokens[to + 2]?.cap));
    if (named && t.kind === 'word' && !t.cap && !NAME_CONNECTORS.has(t.lower) && !BODY_LINKS.has(t.lower) && !cyrillicRun) {
      // "according to the US embassy", "according to the White House spokesman": one noun for a body or a role after the
      // name it qualifies belongs to the phrase.
      if (headTaken || !(isOrgHead(t.fold) || isRoleNoun(t.fold))) break;
      headTaken = true;
    }
    if (t.cap && !t.initial) named = true;
    to++;
  }
  // "Selon le porte-parole du gouvernement, Paul Roy, « … »": a name alone in apposition after the described speaker.
  if (!named && tokens[to]?.text === ',') {
    let n = to + 1;
    while (n < tokens.length && n - to <= 5 && tokens[n]?.kind === 'word' && (tokens[n]?.cap || NAME_CONNECTORS.has(tokens[n]?.lower ?? ''))) n++;
    const next = tokens[n];
    if (n - to - 1 >= 2 && n - to - 1 <= 4 && tokens[n - 1]?.cap && (next?.text === ',' || (next && QUOTE_MARKS.has(next.text)))) to = n;
  }
  // "de acuerdo a documentos recientes", "according to the report": a document is no speaker.
  if (!named) {
    let k = from;
    while (k < to && (ARTICLES.has(tokens[k]?.lower ?? '') || FOREIGN_ARTICLES.has(tokens[k]?.lower ?? ''))) k++;
    const head = tokens[k];
    // "-según la sentencia- gritar “…”": a fragment a document is cited for stays a quotation, without a speaker.
    if (head?.kind === 'word' && !head.cap && LEAD_DOCUMENT_NOUNS.has(head.fold)) return { from, to, lead: true, document: true };
  }
  // "según un comunicado de la embajada …", "according to a statement from the embassy", "laut einer Mitteilung der
  // Polizei": the author of the statement speaks, not the statement.
  let k = from;
  while (k < to && (ARTICLES.has(tokens[k]?.lower ?? '') || FOREIGN_ARTICLES.has(tokens[k]?.lower ?? ''))) k++;
  const noun = tokens[k];
  const link = tokens[k + 1]?.lower ?? '';
  // German capitalises every noun ("Mitteilung").
  if (named && noun?.kind === 'word' && (!noun.cap || link === 'der' || link === 'des') && STATEMENT_NOUNS.has(noun.fold) && (STATEMENT_LINKS.has(link) || link === 'der')) {
    // German "der" is the genitive article, part of what follows; the other links are not.
    const start = link === 'der' ? k + 1 : k + 2;
    if (start < to) return { from: start, to, lead: true };
  }
  return to > from ? { from, to, lead: true } : null;
};

/** How many words before its verb a German subordinate clause's "wie" is looked for ("Wie der Sprecher des Ministeriums, Jan Koch, mitteilte"). */
const GERMAN_CLAUSE_REACH = 12;

/** Words joining a statement to its author ("a statement from", "un comunicado de", "un communiqué du"). */
const STATEMENT_LINKS = new Set(['of', 'from', 'by', 'de', 'del', 'du', 'des', 'von', 'vom']);

/** Nouns for a document or figures, which an attribution lead may name instead of a speaker. */
const LEAD_DOCUMENT_NOUNS = new Set([
  ...DOCUMENT_NOUNS,
  ...'documento documentos datos cifras estadisticas informe informes estimaciones encuesta encuestas estudio estudios donnees chiffres statistiques rapport rapports etude etudes sondage sondages'
    .split(' ')
    .map(foldKey),
  ...COURT_DOCUMENTS,
]);

/** Whether the word before `k` is a capitalised word that is not the first of its sentence (so part of a name). */
const nameBefore = (tokens: Token[], k: number): boolean => {
  const t = tokens[k - 1];
  return !!t && t.kind === 'word' && t.cap && !t.initial;
};

/** Whether the lowercase word at `k` joins the name before it to a capitalised word after it ("de la Fuente", "van der Berg"). */
const continuesName = (tokens: Token[], k: number): boolean => {
  let j = k;
  while (j < k + 2 && NAME_CONNECTORS.has(tokens[j]?.lower ?? '') && !articleAlone(tokens, j)) j++;
  return j > k && !!tokens[j]?.cap;
};

/** Ukrainian and Russian verbs of saying in the impersonal passive ("йдеться", "говориться", "сообщается"). */
const IMPERSONAL_CYRILLIC = new Set([
  'йдеться',
  'ідеться',
  'говориться',
  'зазначається',
  'повідомляється',
  'наголошується',
  'підкреслюється',
  'говорится',
  'сообщается',
  'отмечается',
  'подчеркивается',
]);

/** German verbs that say "it reads" with "es" ("heißt es in der Mitteilung"). */
const IMPERSONAL_GERMAN = new Set(['heißt', 'hieß']);

/** Spanish verbs of reading that, with "se", say "it reads" ("se lee en el comunicado"). */
const READING_VERBS = new Set(['lee', 'leía', 'leen', 'puede']);

/**
 * Length of an impersonal verb of saying at `k` ("йдеться", "heißt es", "se lee", "se afirma"), or 0: such a verb
 * has no speaker as its subject; the author, if any, is named in the place it gives ("in einer Mitteilung der Polizei").
 */
const impersonalVerbLength = (tokens: Token[], k: number): number => {
  const t = tokens[k];
  if (t?.kind !== 'word' || t.cap) return 0;
  if (IMPERSONAL_CYRILLIC.has(t.lower)) return 1;
  if (IMPERSONAL_GERMAN.has(t.lower) && tokens[k + 1]?.lower === 'es') return 2;
  const next = tokens[k + 1];
  if (t.lower === 'se' && next?.kind === 'word' && (READING_VERBS.has(next.lower) || isSpeechVerb(next.lower)))
    return next.lower === 'puede' && tokens[k + 2]?.lower === 'leer' ? 3 : 2;
  return 0;
};

/** Prepositions of place and source after an impersonal plural ("в", "у", "desde", "en", "dans", "au"). */
const PLACE_PREPOSITIONS = new Set(['в', 'у', 'на', 'з', 'із', 'desde', 'en', 'dans', 'au', 'auprès']);

/** Separable particles of German verbs of saying ("teilte … mit", "fügte … hinzu", "kündigte … an"). */
const GERMAN_PARTICLES = new Set(['mit', 'hinzu', 'an', 'auf', 'aus', 'fest', 'vor', 'ein', 'zu', 'bei', 'klar', 'heraus']);

/** Words for "as" that open a clause signing a quotation with the subject after its verb ("como dijo", "as said", "comme l'a dit", "як сказав", "wie sagte"). */
const AS_WORDS = new Set(['como', 'as', 'comme', 'як', 'wie']);

/** Words that take up a quotation just given at the head of the clause that signs it ("así lo dijo", "c'est ce qu'a dit", "das sagte", "про це сказав"). */
const RESUMPTIVE = new Set(['asi', 'eso', 'esto', "c'est", 'voila', 'ainsi', 'das', 'dies', 'про', 'так', 'це']);

/** The words after a quotation up to the end of its sentence, and the speaker phrase among them. */
function attributionAfter(
  block: Block,
  last: number,
  endsSentence: boolean,
  cyrillic: boolean,
  german: boolean,
  proDrop: boolean,
  afterName: ReadonlySet<string> | undefined,
): Attribution | null {
  const { tokens } = block;
  let k = last;
  if (tokens[k] && QUOTE_MARKS.has(tokens[k]?.text ?? '')) k++;
  while (tokens[k] && tokens[k]?.kind === 'punct' && LEADING_PUNCT.has(tokens[k]?.text ?? '')) k++;
  const start = k;
  // "„…“, so Müller", "«…», según el ministro", "…, according to the ministry".
  // "« … », a-t-elle déclaré", "dit-il": French puts the pronoun after the verb, joined by hyphens.
  if (tokens[start] && FRENCH_INVERTED_PRONOUN.test(tokens[start]?.lower ?? '')) return { from: start, to: start + 1 };
  const lead = leadAt(tokens, start, german);
  if (lead > 0 && !(endsSentence && tokens[start]?.cap && !german)) {
    // "„…“, so der Minister", "«…», según la ministra": a lead after the quotation refers back as an inverted verb does.
    const after = phraseAfter(tokens, start + lead);
    return after ? { ...after, inverted: true } : null;
  }
  let end = start;
  // At most one quoted name is taken into the attribution: a run of quotations is never walked through
  // (each quotation's attribution would walk the rest of the run, which is quadratic).
  let namesTaken = 0;
  while (end < tokens.length) {
    const t = tokens[end];
    // "— розповів голова організації «Разом» Олег Бондар": a short quoted name inside the attribution is part of it.
    const named = namesTaken === 0 && t?.kind === 'punct' && QUOTE_MARKS.has(t.text) ? block.quotes[tokens[end + 1]?.quote ?? -1] : undefined;
    if (named && named.first === end + 1 && named.words <= 3 && QUOTE_MARKS.has(tokens[named.last]?.text ?? '') && tokens[named.last + 1]?.kind === 'word') {
      end = named.last + 1;
      namesTaken++;
      continue;
    }
    if (!t || (t.kind === 'punct' && (CLAUSE_END.has(t.text) || QUOTE_MARKS.has(t.text)))) break;
    end++;
  }
  const impersonal = impersonalVerbLength(tokens, start);
  if (impersonal > 0) return { from: start + impersonal, to: end, impersonal: true };
  let verb = -1;
  for (let i = start; i < end && i < start + 12; i++) {
    const t = tokens[i];
    if (t && speechVerbIn(tokens, i) && tokens[i - 1]?.lower !== 'to' && !NOUN_DETERMINERS.has(tokens[i - 1]?.lower ?? '')) {
      verb = i;
      break;
    }
  }
  // "…", zanjó Tellado.", ""…," quipped Ann Lee.": a verb the lists lack, in the past tense, right after the quotation
  // and followed only by a name to the end of the clause, is a verb of saying too.
  const unlisted = tokens[start];
  if (
    verb < 0 &&
    unlisted?.kind === 'word' &&
    !unlisted.cap &&
    /(?:\p{L}{2}ó|\p{L}{3}ed)$/u.test(unlisted.lower) &&
    !(lexFlags(unlisted.fold) & FUNCTION) &&
    end - start >= 2 &&
    end - start <= 4 &&
    tokens.slice(start + 1, end).every((t) => t.kind === 'word' && t.cap)
  )
    return { from: start + 1, to: end };
  if (verb < 0) {
    // ""…" — Ann Lee.": a dash and a name alone after the quotation sign it.
    const dashed = tokens.slice(last, start).some((t) => t.text === '—' || t.text === '–');
    const nameOnly = end - start >= 1 && end - start <= 5 && tokens.slice(start, end).every((t) => t.kind === 'word' && (t.cap || NAME_CONNECTORS.has(t.lower)));
    return dashed && nameOnly ? { from: start, to: end } : null;
  }
  // "…», a déclaré X", "…“, hat X gesagt" read like "said X": an auxiliary right after the quotation inverts.
  let aux = start;
  // "…», le respondió X", "…», lui a dit X": an object clitic before the verb keeps the order inverted.
  while (aux < verb && (AUXILIARIES.has(tokens[aux]?.lower ?? '') || (proDrop && !cyrillic && !tokens[aux]?.cap && CLITICS.has(tokens[aux]?.lower ?? '')))) aux++;
  // "«…». Así lo afirmó X", "« … » C'est ce qu'a déclaré X", "„…“ Das sagte X", "«…». Про це заявив X": a word that
  // takes up the quotation opens the clause, and the subject follows the verb.
  const resumptive = RESUMPTIVE.has(tokens[start]?.fold ?? '') && verb - start <= 4 && tokens.slice(start + 1, verb).every((t) => t.kind === 'word' && !t.cap);
  // "…», como dijo el ministro", "…, as the minister said", "« … », comme l'a dit X", "…», як сказав X": "as" and a
  // verb of saying put the subject after the verb, as an inverted verb does.
  const comparative =
    AS_WORDS.has(tokens[start]?.lower ?? '') &&
    verb - start <= 3 &&
    tokens.slice(start + 1, verb).every((t) => t.kind === 'word' && !t.cap && (AUXILIARIES.has(t.lower) || CLITICS.has(t.lower) || /^l['’]/u.test(t.lower)));
  const inverted = verb === start || (aux === verb && verb - start <= 2) || resumptive || comparative;
  // After a finished sentence, a new capitalised sentence is only an attribution if it is short ("Smith said."),
  // and not when it introduces a quotation of its own ("…." He also hailed the service for its "…").
  if (endsSentence && tokens[start]?.cap && verb - start > 4) return null;
  if (endsSentence && QUOTE_MARKS.has(tokens[end]?.text ?? '')) return null;
  // "«…» y asegura que las cosas …", ""…" and said that …": a verb whose complement clause follows it signs no quotation
  // before it; its subject, if any, stands before the verb.
  if (inverted && COMPLEMENTIZERS.has(tokens[verb + 1]?.lower ?? '')) return null;
  if (inverted) {
    // "…”, le respondió “Yany” a “Victor”": a short quoted run of capitalised words right after the verb is the speaker's nickname.
    const quoted = block.quotes[tokens[verb + 2]?.quote ?? -1];
    const nickname = quoted && quoted.first === verb + 2 && QUOTE_MARKS.has(tokens[verb + 1]?.text ?? '') ? quoted : undefined;
    if (nickname && nickname.words >= 1 && nickname.words <= 3 && tokens.slice(nickname.first, nickname.last).every((t) => t.kind === 'word' && t.cap))
      return { from: nickname.first, to: nickname.last };
    // "…» y manifestó «preocupación» por el caso": a quotation right after the verb is what it says, not who says it.
    if (QUOTE_MARKS.has(tokens[verb + 1]?.text ?? '')) return null;
    // "…», a indiqué à l'AFP une porte-parole du ministère", "…», dijo a este diario un vecino": the person
    // told comes first, set off by a preposition; the speaker is the phrase that starts with the next article.
    let from = verb + 1;
    // "…», expresó a través de un comunicado la organización X", "afirmó a la agencia EFE uno de los manifestantes":
    // any prepositional phrase may come first; the speaker starts with the first article that follows a noun or name.
    const romance = proDrop && !cyrillic && !german;
    // "dijo entonces a medios argentinos", "declaró ayer a la prensa": an adverb may stand between the verb and the adjunct.
    let adjunct = verb + 1;
    while (romance && adjunct < end && adjunct - verb <= 2 && isRomanceAdverb(tokens[adjunct])) adjunct++;
    // "dijo visiblemente conmovida en un video": a participle that agrees with the unsaid subject describes it.
    if (romance && adjunct > verb + 1 && isRomanceParticiple(tokens[adjunct]) && adjunct + 1 < end) adjunct++;
    if (romance && (DATIVE.has(tokens[adjunct]?.lower ?? '') || ROMANCE_PREPOSITIONS.has(tokens[adjunct]?.lower ?? ''))) {
      for (let k = adjunct + 2; k < end && k < adjunct + ADJUNCT_REACH - 1; k++) {
        const t = tokens[k];
        // "confirmó a Martí Noticias su esposa Ana Ruiz": a possessive opens the subject as an article does.
        // "dijo al referirse a los recursos": Spanish and French "a" is a preposition, never the English article.
        const starts =
          t?.kind === 'word' &&
          !t.cap &&
          ((INDEFINITE.has(t.lower) && !DATIVE.has(t.lower)) || FOREIGN_DEFINITE.has(t.lower) || PARTITIVE_ONE.has(t.lower) || POSSESSIVE_DETERMINERS.has(t.lower));
        if (starts && !isLinkWord(tokens[k - 1])) {
          from = k;
          break;
        }
      }
    }
    let to = from === verb + 1 ? verb + 1 : from + 1;
    // "— заявив він в інтерв'ю Голосу Америки", "dijo ella a la prensa": what follows a pronoun is an adjunct.
    const pronoun = tokens[from];
    const endsAtPronoun = pronoun?.kind === 'word' && !pronoun.cap && PRONOUNS.has(pronoun.lower) && from === verb + 1;
    while (to < end && !(endsAtPronoun && to > from)) {
      const t = tokens[to];
      if (!t || t.text === ',' || (!cyrillic && to > verb + 1 && PHRASE_STOPS.has(t.lower) && !t.cap)) break;
      // "indicó su esposa que cree que …", "dijo el vecino que lo vio": a relative or complement clause ends the subject.
      if (to > from && t.kind === 'word' && !t.cap && (COMPLEMENTIZERS.has(t.lower) || PERSON_RELATIVE.has(t.lower))) break;
      // "«…» —dijo Gómez— y añadió": the closing dash of an incise ends the speaker.
      if (isInciseDash(block.text, t)) break;
      // "erklärte Weber am Montag", "dijo Gómez este lunes", "a déclaré Paul Durand dimanche": once a name has
      // been written, a lowercase word that does not continue the name ("de la Fuente", "von der Leyen") ends the speaker.
      // Only a phrase that starts with the name: a description ("посолка Японії в Україні") keeps its adjuncts.
      if (to > from && tokens[from]?.cap && t.kind === 'word' && !t.cap && afterName?.has(t.lower) && nameBefore(tokens, to) && !continuesName(tokens, to)) break;
      // "sagte ein Sprecher dem Sender NDR": German "dem" is never a genitive; it opens the one told, after any subject.
      if (german && to > from && t.lower === 'dem') break;
      // "declaró un alto funcionario de la Casa Blanca a Fox News Digital": "a" before a name or an article opens
      // the person told, which follows the speaker.
      if (romance && to > from + 1 && t.kind === 'word' && !t.cap && DATIVE.has(t.lower) && (tokens[to + 1]?.cap || isArticle(tokens[to + 1]))) break;
      to++;
    }
    // "teilte das Ministerium mit", "fügte die Ministerin hinzu": a German verb's separable particle closes the clause.
    if (german && to === end) while (to > from + 1 && GERMAN_PARTICLES.has(tokens[to - 1]?.lower ?? '')) to--;
    // "said the defendant, Omar Said": a name in apposition to a described speaker is the speaker.
    if (tokens[to]?.text === ',' && tokens[to + 1]?.cap) {
      let n = to + 1;
      while (n < end && n - to <= 5 && tokens[n]?.kind === 'word' && (tokens[n]?.cap || NAME_CONNECTORS.has(tokens[n]?.lower ?? ''))) n++;
      // Only a name standing alone: "said the economy minister, Carlos Cuerpo." (two to four words, then the clause ends).
      const alone = n - (to + 1) >= 2 && n - (to + 1) <= 4 && (n >= end || tokens[n]?.kind === 'punct');
      if (alone || !tokens.slice(verb + 1, to).some((x) => x.cap)) to = n;
    }
    // Languages that drop the subject pronoun sign with the verb alone, or with a prepositional phrase after it.
    const after = tokens[adjunct];
    const zero =
      proDrop &&
      (to === verb + 1 ||
        (!!after &&
          after.kind === 'word' &&
          !after.cap &&
          // "«…», asegura en su perfil de Facebook.": a preposition after the verb starts an adjunct, not a subject.
          (!!(lexFlags(after.fold) & FUNCTION) ||
            (romance && (ROMANCE_PREPOSITIONS.has(after.lower) || DATIVE.has(after.lower))) ||
            // "«…» afirmó y agregó que …": a second verb joined to the first shares its unsaid subject.
            (LIST_JOINERS.has(after.lower) && tokens[adjunct + 1]?.kind === 'word' && !tokens[adjunct + 1]?.cap)) &&
          !FOREIGN_ARTICLES.has(after.lower) &&
          !PRONOUNS.has(after.lower)));
    // "«…», – повідомили в Міністерстві оборони", "«…», señalaron desde el Ministerio": a plural verb without a subject
    // and a place after it says who spoke by where: the body there.
    const verbWord = tokens[verb]?.lower ?? '';
    const plural = cyrillic ? /ли$/u.test(verbWord) : romance && /(?:aron|ieron|an|en)$/u.test(verbWord);
    if (plural && from === verb + 1 && after?.kind === 'word' && !after.cap && PLACE_PREPOSITIONS.has(after.lower))
      return { from: verb + 2, to: end, impersonal: true, plural: true };
    return { from, to, zero: zero && from === verb + 1, searchTo: end, inverted: true };
  }
  // "„…“ and promised a review": a conjunction continues the sentence; it does not name a speaker.
  const opener = tokens[start];
  // "…, as the minister said", "…“, wie der Minister sagte": the subject stands between "as" and the verb.
  const asSubject = tokens[start + 1];
  if (
    opener?.kind === 'word' &&
    !opener.cap &&
    AS_WORDS.has(opener.lower) &&
    verb - start >= 2 &&
    verb - start <= 6 &&
    asSubject?.kind === 'word' &&
    (asSubject.cap || isArticle(asSubject)) &&
    tokens.slice(start + 1, verb).every((t) => t.kind === 'word')
  )
    return { from: start + 1, to: verb };
  // "«…», коли мова йде про …", "„…“, während …": a conjunction of the other languages goes on with the sentence.
  if (opener?.kind === 'word' && !opener.cap && FOREIGN_FUNCTION_WORDS.has(opener.lower) && !(lexFlags(opener.fold) & FUNCTION)) return { from: start, to: start, grammar: true };
  if (
    opener &&
    opener.kind === 'word' &&
    !opener.cap &&
    isFunctionWord(opener) &&
    !ARTICLES.has(opener.lower) &&
    !PRONOUNS.has(opener.lower) &&
    !FOREIGN_ARTICLES.has(opener.lower) &&
    // ""…," his lawyer said", "«…», su abogado dijo": a possessive opens the subject as an article does.
    !POSSESSIVE_DETERMINERS.has(opener.lower) &&
    opener.lower !== 'one' &&
    opener.lower !== 'it'
  )
    return null;
  let to = verb;
  while (to > start && VERB_FILLERS.has(tokens[to - 1]?.lower ?? '')) to--;
  let from = start;
  for (let i = start; i < to; i++) {
    if (tokens[i]?.text === ',') {
      // "the U.S. ambassador, Bridget Brink, wrote": a name alone between two commas before the verb is the speaker in apposition.
      let n = i + 1;
      while (n < to && tokens[n]?.kind === 'word' && (tokens[n]?.cap || NAME_CONNECTORS.has(tokens[n]?.lower ?? ''))) n++;
      const apposition = n - i - 1 >= 2 && n - i - 1 <= 4 && tokens[n]?.text === ',' && n + 1 === to;
      to = apposition ? n : i;
      break;
    }
  }
  if (to - from > 10) from = to - 10;
  return to > from ? { from, to } : null;
}

/**
 * A person's name without the titles before it ("Acting VOA Director Yolanda López" → "Yolanda López"), when at least two
 * capitalised words follow the last title; null when the name ends with a title and holds no given name ("Press
 * Secretary"), which is a title the entities took for a name.
 */
const nameWithoutTitle = (name: string): string | null => {
  const parts = name.split(/\s+/u).filter(Boolean);
  const fold = (w: string): string => foldKey(w.replace(/[.,]$/u, ''));
  const lastPart = parts[parts.length - 1];
  if (parts.length >= 2 && lastPart && TITLE_WORDS.has(fold(lastPart)) && !parts.some((w) => (lexFlags(fold(w)) & FIRST_NAME) !== 0)) return null;
  let title = -1;
  for (let i = parts.length - 3; i >= 0; i--) {
    if (TITLE_WORDS.has(fold(parts[i] ?? ''))) {
      title = i;
      break;
    }
  }
  const rest = parts.slice(title + 1);
  return title >= 0 && rest.every((w) => /^\p{Lu}/u.test(w)) ? rest.join(' ') : name;
};

/** Whether a person's "name" is only titles and role nouns ("Editor", "Acting Director"), with no given name among them. */
const titleOnly = (c: Cluster): boolean => {
  const parts = c.name.split(/\s+/u).filter(Boolean);
  return (
    parts.length > 0 &&
    parts.every((w) => {
      const fold = foldKey(w.replace(/[.,]$/u, ''));
      return isRoleNoun(fold) && (lexFlags(fold) & FIRST_NAME) === 0;
    })
  );
};

/**
 * The body that opens the sentence before the one holding token `k`, in the same paragraph, as its subject: a body's name
 * ("Reuters said …"), or "the" and a noun for a body ("The ministry posted …"), which is the body of that kind last named.
 */
const bodyOpeningSentenceBefore = (registry: Registry, block: Block, blockIndex: number, k: number, pos: number): Cluster | null => {
  const index = sentenceIndexOf(block);
  const start = k > 0 ? (index.lastEnd[k - 1] ?? -1) + 1 : 0;
  if (start < 2) return null;
  const before = start - 2 >= 0 ? (index.lastEnd[start - 2] ?? -1) + 1 : 0;
  const { tokens } = block;
  const first = tokens[before];
  if (!first || first.quote >= 0) return null;
  const named = clusterAt(registry, blockIndex, before);
  if (named) return named.kind === 'organization' ? named : null;
  const noun = tokens[before + 1];
  if (first.lower !== 'the') return null;
  const body = clusterAt(registry, blockIndex, before + 1);
  if (body) return body.kind === 'organization' ? body : null;
  if (noun?.kind !== 'word' || noun.cap) return null;
  if (!isOrgHead(noun.fold) && !ORG_DESCRIPTORS.has(noun.fold) && !BODY_DESCRIPTORS.has(noun.fold)) return null;
  return lastBodyBefore(registry, pos, noun.fold);
};

/** Spanish and French prepositions that take an infinitive to open an adjunct ("tras ser liberado", "al salir", "après avoir"). */
const ROMANCE_PREPOSITIONS_WITH_INFINITIVE = new Set(['tras', 'al', 'después', 'antes', 'luego', 'sin', 'para', 'après', 'avant', 'sans', 'pour']);

/** A Spanish or French infinitive ("ser", "salir", "conocer", "avoir"). */
const ROMANCE_INFINITIVE = /^\p{L}{1,}(?:ar|er|ir|ír|re)$/u;

/** How many words an infinitive adjunct may run before the subject's article ("tras ser puesto en libertad el activista"). */
const INFINITIVE_ADJUNCT_WORDS = 7;

/** The most words of a phrase opening a sentence before its subject ("Por su parte", "In the meantime"). */
const SENTENCE_OPENER_WORDS = 4;

/** English conjunctions that open a sentence and may stick to the name after them ("But Smith", "When Ruiz"). */
const ENGLISH_OPENERS = new Set(['but', 'and', 'when', 'while', 'although', 'though', 'because', 'after', 'before', 'since', 'if', 'yet', 'then']);

/** A name without a conjunction or adverb that opened its sentence and stuck to it ("Aunque Correa Martínez" → "Correa Martínez"). */
const withoutOpener = (name: string): string => {
  const parts = name.split(/\s+/u).filter(Boolean);
  let i = 0;
  while (i < parts.length - 1) {
    const w = (parts[i] ?? '').toLowerCase();
    if (w.length < 3 || NAME_CONNECTORS.has(w) || !(FOREIGN_FUNCTION_WORDS.has(w) || ENGLISH_OPENERS.has(w))) break;
    i++;
  }
  return i > 0 ? parts.slice(i).join(' ') : name;
};

/** Words joining the items of a list ("y", "and", "et", "і"). */
const LIST_JOINERS = new Set(['y', 'e', 'o', 'and', 'or', 'et', 'ou', 'und', 'oder', 'і', 'й', 'та', 'чи', 'або']);

/** Whether a quotation is an item of a list of quotations: right before or after another one, set off by a comma or a joining word. */
const inQuotedList = (block: Block, q: QuoteRegion): boolean => {
  const { tokens } = block;
  const joins = (t: Token | undefined): boolean => !!t && (t.text === ',' || (t.kind === 'word' && LIST_JOINERS.has(t.lower)));
  const mark = (t: Token | undefined): boolean => !!t && QUOTE_MARKS.has(t.text);
  // The closing mark is at q.last, the opening one at q.first - 1.
  return (joins(tokens[q.last + 1]) && mark(tokens[q.last + 2])) || (joins(tokens[q.first - 2]) && mark(tokens[q.first - 3]));
};

/** How many tokens back the sentence that introduced a statement is looked for. */
const STATEMENT_LOOKBACK = 400;

/**
 * The author of the statement the story last mentioned before token `before` of block `blockIndex`, in that paragraph or
 * the one before: the person or body standing as a subject in the sentence that names the statement ("In a statement,
 * Northwind Ferries said …"), or null.
 */
const statementAuthor = (registry: Registry, blocks: readonly Block[], blockIndex: number, before: number): Cluster | null => {
  let budget = STATEMENT_LOOKBACK;
  for (let b = blockIndex; b >= 0 && b >= blockIndex - 1 && budget > 0; b--) {
    const block = blocks[b];
    if (block?.kind !== 'paragraph') break;
    const { tokens } = block;
    for (let k = Math.min(b === blockIndex ? before : tokens.length, tokens.length) - 1; k >= 0 && budget > 0; k--, budget--) {
      const t = tokens[k];
      if (t?.kind !== 'word' || t.cap || t.quote >= 0 || !STATEMENT_NOUNS.has(t.fold)) continue;
      const index = sentenceIndexOf(block);
      const end = index.nextEnd[k] ?? tokens.length;
      for (let j = (index.lastEnd[k] ?? -1) + 1; j < end; j++) {
        const c = clusterAt(registry, b, j);
        const m = registry.tokenMention[b]?.[j];
        if (!c || !m || (tokens[j]?.quote ?? 0) >= 0) continue;
        if ((c.kind === 'person' || c.kind === 'organization') && subjectLike(tokens, m.first, m.last)) return c;
        j = m.last - 1;
      }
      return null;
    }
  }
  return null;
};

/** How many tokens before a quotation the sentence naming a statement is looked through. */
const STATEMENT_REACH = 40;

/** The most words a body's name found in lowercase (see {@link lowercaseBodyIn}) takes. */
const LOWERCASE_BODY_WORDS = 6;

/**
 * A body's name in lowercase among tokens [from, to) ("в заяві посольства США", "у повідомленні міністерства
 * оборони"), from its head noun to the end of the phrase, with the head (and adjectives before it) in the
 * nominative; null when no head noun of a body opens a name there.
 */
function lowercaseBodyIn(tokens: readonly Token[], from: number, to: number): string | null {
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    // The head noun opens the name (a capitalised adjective before it would have made the name an entity).
    const head = t?.kind === 'word' && !t.cap && t.quote < 0 ? cyrillicBodyLemma([t.lower])?.[0] : undefined;
    if (head === undefined) continue;
    // The genitives after the head belong to the name; a preposition or a conjunction starts an adjunct ("… у понеділок").
    let end = k + 1;
    while (
      end < to &&
      end - k < LOWERCASE_BODY_WORDS &&
      tokens[end]?.kind === 'word' &&
      !SPEAKER_PREPOSITIONS.cyrillic?.has(tokens[end]?.lower ?? '') &&
      !FOREIGN_FUNCTION_WORDS.has(tokens[end]?.lower ?? '')
    )
      end++;
    return [head, ...tokens.slice(k + 1, end).map((w) => w.text)].join(' ');
  }
  return null;
}

/**
 * A noun for a body among tokens [from, to) ("in einer Mitteilung der Polizei", "en un comunicado de la
 * embajada"), with the capitalised words that continue its name, as written; null when there is none.
 */
function descriptorBodyIn(tokens: readonly Token[], from: number, to: number): string | null {
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t?.kind !== 'word' || t.quote >= 0 || !(BODY_DESCRIPTORS.has(t.lower) || BODY_DESCRIPTORS.has(t.fold))) continue;
    let end = k + 1;
    while (end < to && end - k < LOWERCASE_BODY_WORDS && tokens[end]?.kind === 'word' && (tokens[end]?.cap || continuesName(tokens as Token[], end))) end++;
    return tokens
      .slice(k, end)
      .map((w) => w.text)
      .join(' ');
  }
  return null;
}

/** Whether the sentence of the quotation opening at `first`, up to `to`, names a statement outside quotations ("said in a statement"). */
const namesStatement = (block: Block, first: number, to: number): boolean => {
  const { tokens } = block;
  const index = sentenceIndexOf(block);
  const from = Math.max((index.lastEnd[Math.max(0, first - 2)] ?? -1) + 1, first - STATEMENT_REACH, 0);
  const end = Math.min(to, tokens.length);
  for (let k = from; k < end; k++) {
    const t = tokens[k];
    if (t?.kind === 'word' && !t.cap && t.quote < 0 && STATEMENT_NOUNS.has(t.fold)) return true;
  }
  return false;
};

/** German relative pronouns for a person ("der ihr sagte", "die erklärte"): an article is followed by a capitalised noun, a pronoun by a lowercase word. */
const GERMAN_PERSON_RELATIVE = new Set(['der', 'die', 'welcher', 'welche']);

/** Whether a German relative pronoun for a person opens the piece at `a`. */
const germanRelativeAt = (tokens: Token[], a: number): boolean => {
  const t = tokens[a];
  const next = tokens[a + 1];
  return !!t && t.kind === 'word' && !t.cap && GERMAN_PERSON_RELATIVE.has(t.lower) && next?.kind === 'word' && !next.cap;
};

/** Verbs by which a subject issues a statement ("released", "issued", "emitió", "a publié"). */
const ISSUE_VERBS = new Set([...REPORT_VERBS, 'issued', 'issues', 'gave', 'sent', 'put', 'emitió', 'emitieron', 'difundió', 'difundieron', 'publié', 'veröffentlichte']);

/** Whether the word at `k` is a verb issuing a statement, with the statement noun after it ("released a statement", "emitió un comunicado"). */
const issuesStatement = (tokens: Token[], k: number): boolean => {
  const t = tokens[k];
  if (t?.kind !== 'word' || t.cap || !ISSUE_VERBS.has(t.lower)) return false;
  // "sent Newslaundry a statement", "gave reporters a written statement": the one told may come first.
  for (let j = k + 1; j <= k + STATEMENT_OBJECT_REACH; j++) {
    const w = tokens[j];
    if (w?.kind !== 'word') return false;
    if (!w.cap && STATEMENT_NOUNS.has(w.fold)) return true;
  }
  return false;
};

/** A participle or gerund opening a sentence ("Speaking to …", "Hablando con …", "En parlant …" aside). */
const PARTICIPLE_OPENER = /\p{L}{3}(?:ing|ando|iendo|учи|ючи|вши)$/u;

/** Nouns for someone's words ("слова X", "las palabras de X", "the words of X"). */
const WORDS_NOUNS = new Set(['слова', 'слів', 'palabras', 'words', 'paroles', 'worte']);

/** English auxiliaries and modals, which no subject phrase holds ("Police have so far confirmed", "The mayor will tell"). */
const ENGLISH_AUXILIARIES = new Set(['has', 'have', 'had', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'did', 'does', 'do', 'is', 'are', 'was', 'were']);

/** Verbs of quoting, whose object is the one quoted ("цитує міністра", "quoted the minister", "citó al ministro"). */
const QUOTING_VERBS = new Set([
  'цитує',
  'цитують',
  'цитував',
  'цитувала',
  'цитували',
  'процитував',
  'процитувала',
  'процитували',
  'quoted',
  'quotes',
  'quoting',
  'cita',
  'citó',
  'citaron',
  'cite',
  'zitiert',
  'zitierte',
]);

/** How many tokens after a verb of quoting its object may start ("цитує заступника міністра оборони Ганну Маляр"). */
const QUOTED_OBJECT_REACH = 6;

/** How many words after a verb issuing a statement the statement noun may stand ("sent the council a short statement"). */
const STATEMENT_OBJECT_REACH = 4;

/** German adverbs that open a sentence with the verb second and the subject after it ("Dazu sagte", "Später erklärte"). */
const GERMAN_ADVERBS = new Set(['dazu', 'darauf', 'daraufhin', 'damals', 'heute', 'gestern', 'später', 'zuvor', 'außerdem', 'zudem', 'bereits', 'zuletzt', 'danach']);

/** Complementizers that open the clause of a reported verb ("reports that X called", "dijo que X le contó"). */
const COMPLEMENTIZERS = new Set(['that', 'que', 'dass', 'що', 'qu’', "qu'"]);

/** Relative pronouns that follow a preposition in a relative clause ("of which", "de quien", "von dem"), and French "dont". */
const OBLIQUE_RELATIVES = new Set([
  'which',
  'whom',
  'quien',
  'quienes',
  'cual',
  'cuales',
  'lequel',
  'laquelle',
  'lesquels',
  'lesquelles',
  'qui',
  'denen',
  'якого',
  'якої',
  'яких',
  'якому',
  'якій',
  'яким',
]);

/** How many words a description before a relative pronoun may have ("el dirigente del sindicato de maestros"). */
const RELATIVE_ANTECEDENT_WORDS = 8;

/** How far into a comma-separated piece a relative pronoun after a preposition is looked for ("the homepage of which"). */
const RELATIVE_REACH = 5;

/** Whether a piece of a sentence is a relative clause introduced by a preposition and a relative pronoun, or by "dont"/"cuyo". */
const relativeAfterPreposition = (tokens: Token[], a: number, b: number): boolean => {
  for (let k = a; k < b && k < a + RELATIVE_REACH; k++) {
    const w = tokens[k];
    if (w?.kind !== 'word' || w.cap) continue;
    if (w.lower === 'dont' || /^cuy[oa]s?$/u.test(w.lower)) return true;
    const prep = tokens[k - 1];
    if (k > a && OBLIQUE_RELATIVES.has(w.lower) && prep?.kind === 'word' && !prep.cap && (NAME_PREPOSITIONS.has(prep.lower) || GENITIVE_LINKS.has(prep.lower))) return true;
  }
  return false;
};

/** Whether a word is an article of one of the languages with full rules ("the", "a", "el", "une", "der"). */
const isArticle = (t: Token | undefined): boolean => !!t && t.kind === 'word' && !t.cap && (ARTICLES.has(t.lower) || FOREIGN_ARTICLES.has(t.lower));

/** The speaker phrase of a speech verb, a lead ("According to X, …") or a colon before a quotation in the same sentence. */
function attributionBefore(
  block: Block,
  first: number,
  hasPerson: (from: number, to: number) => boolean,
  personAt: (k: number) => [number, number] | null,
  profile: Profile = 'other',
  hasBody: (from: number, to: number) => boolean = () => false,
): (Attribution & { verb: boolean; naming?: boolean }) | null {
  const { tokens } = block;
  const openMark = first - 1;
  // The sentence may hold earlier quotations ("X stated that the shooting was not “random” and that “…”"):
  // look back over them to the sentence start, never inside them.
  const index = sentenceIndexOf(block);
  const begin = openMark - 1 >= 0 ? Math.max((index.lastEnd[openMark - 1] ?? -1) + 1, openMark - SENTENCE_LOOKBACK, 0) : 0;
  // Only the last verb of saying or lead before the quotation matters: the index finds it without a scan.
  const cue = openMark - 1 >= 0 ? (index.lastCue[openMark - 1] ?? -1) : -1;
  const t = cue >= begin ? tokens[cue] : undefined;
  if (t?.kind === 'word' && t.quote < 0) {
    const v = cue;
    // "According to X, "…"", "Según X, «…»".
    if (leadEndsAt(tokens, v)) {
      // "За його словами, «…»": the possessive refers back, and marks the gender where the language does.
      const possessive = possessiveLeadAt(tokens, v);
      if (possessive >= 0) return { from: possessive, to: possessive + 1, verb: false, zero: true, lead: true };
      const at = phraseAfter(tokens, v + 1);
      return at && at.to <= openMark ? { ...at, verb: false } : null;
    }
    // The index holds only leads and verbs of saying: past the lead, this is a verb.
    // "Según declaró, «…»": a lead right before the verb leaves the subject unsaid.
    const prev = tokens[v - 1]?.lower ?? '';
    if (QUOTE_LEADS.some((lead) => lead.length === 1 && lead[0] === prev)) return { from: v, to: v, verb: true, zero: true };
    // "Як зазначив Олег Петренко, «…»", "Como explicó el ministro Luis Mora, «…»", "Comme l'a dit Paul Durand, « … »":
    // a subject after the verb, in a clause that names nobody before it, is the speaker.
    // Only after a short lowercase opener ("як", "como", "comme l'a", "as"), and with the subject right after the verb.
    let clauseStart = v;
    while (
      clauseStart > begin &&
      v - clauseStart < SUBORDINATE_OPENER &&
      tokens[clauseStart - 1]?.kind === 'word' &&
      (!tokens[clauseStart - 1]?.cap || tokens[clauseStart - 1]?.initial)
    )
      clauseStart--;
    // "el activista resaltó la importancia de X": an article among the words before the verb opens its subject, not a subordinate clause.
    let articled = false;
    for (let k = clauseStart; k < v && !articled; k++) articled = ARTICLES.has(tokens[k]?.lower ?? '') || FOREIGN_ARTICLES.has(tokens[k]?.lower ?? '');
    const opensClause = clauseStart < v && !articled && (clauseStart === begin || tokens[clauseStart - 1]?.text === ',');
    // "Gegenüber der Zeitung sagte Weber: „…“", "Am Montag erklärte die Ministerin": a German verb stands second, after
    // any first phrase, and the subject follows it when that phrase names nobody.
    // Only after a first phrase that cannot be the subject: a preposition or an adverb ("Der Minister nannte die Reform" is S-V-O).
    const opener = tokens[begin];
    const secondPlace =
      profile === 'de' &&
      v > begin &&
      !!opener?.initial &&
      // A subordinate clause counts as the first phrase ("Wie der Spiegel berichtet, sagte …").
      (!!SPEAKER_PREPOSITIONS.de?.has(opener.lower) ||
        FOREIGN_FUNCTION_WORDS.has(opener.lower) ||
        GERMAN_ADVERBS.has(opener.lower) ||
        AS_WORDS.has(opener.lower) ||
        tokens[v - 1]?.text === ',') &&
      !hasPerson(begin, v);
    // "Moreover, added Johndroe …, the U.S. "…"": one sentence-initial word set off by a comma, naming nobody, is an
    // adverb, and the subject follows the verb.
    const adverbFirst = v === begin + 2 && !!tokens[begin]?.initial && tokens[begin + 1]?.text === ',' && !hasPerson(begin, v) && !hasBody(begin, v);
    // "Про це в ефірі Голосу Америки заявив конгресмен Джо Вілсон: «…»": a Ukrainian sentence opening with a
    // prepositional phrase that names nobody puts the subject after the verb, a title before the name included.
    const adjunctFirst = profile === 'cyrillic' && v > begin && !!opener?.initial && !!SPEAKER_PREPOSITIONS.cyrillic?.has(opener.lower) && !hasPerson(begin, v);
    const subject = tokens[v + 1];
    if (
      (opensClause || secondPlace || adverbFirst || adjunctFirst) &&
      subject?.kind === 'word' &&
      (subject.cap || ARTICLES.has(subject.lower) || FOREIGN_DEFINITE.has(subject.lower) || adjunctFirst)
    ) {
      let clauseEnd = v + 1;
      while (clauseEnd < openMark && tokens[clauseEnd]?.text !== ',' && tokens[clauseEnd]?.text !== ':') clauseEnd++;
      if (hasPerson(v + 1, clauseEnd) && !hasPerson(begin, v)) return { from: v + 1, to: clauseEnd, verb: true };
      // German nouns and names are both capitalised: the subject is an article and the capitalised words after it.
      if (secondPlace) {
        let k = v + 1;
        if (isArticle(tokens[k])) k++;
        while (k < clauseEnd && tokens[k]?.kind === 'word' && (tokens[k]?.cap || NAME_CONNECTORS.has(tokens[k]?.lower ?? ''))) k++;
        if (k > v + 1 && tokens[k - 1]?.cap && k - v - 1 <= 4) return { from: v + 1, to: k, verb: true };
      }
    }
    // "Wie der Sprecher, Jan Koch, mitteilte, „…“": a German subordinate clause puts its verb last; the subject stands
    // between "wie" (opening the sentence or after a comma) and the verb.
    if (profile === 'de' && tokens[v + 1]?.text === ',') {
      let wie = v - 1;
      while (wie > begin && v - wie <= GERMAN_CLAUSE_REACH && tokens[wie]?.lower !== 'wie') wie--;
      if (tokens[wie]?.lower === 'wie' && (wie === begin || tokens[wie - 1]?.text === ',') && wie + 1 < v && hasPerson(wie + 1, v)) return { from: wie + 1, to: v, verb: true };
    }
    // "Як повідомили в пресслужбі Офісу президента, «…»", "У МЗС заявили: «…»": a Ukrainian plural verb without a subject and
    // a place after it say who spoke by where, before the quotation as after it.
    const plural = profile === 'cyrillic' && /\p{L}{3}ли$/u.test(t.lower);
    if (plural && PLACE_PREPOSITIONS.has(tokens[v + 1]?.lower ?? '') && !hasPerson(begin, v) && !hasBody(begin, v)) {
      let clauseEnd = v + 2;
      while (clauseEnd < openMark && tokens[clauseEnd]?.kind === 'word') clauseEnd++;
      if (clauseEnd > v + 2 && hasBody(v + 2, clauseEnd)) return { from: v + 2, to: clauseEnd, verb: true, impersonal: true, plural: true };
    }
    if (
      plural &&
      PLACE_PREPOSITIONS.has(tokens[begin]?.lower ?? '') &&
      v - begin >= 2 &&
      tokens.slice(begin, v).every((w) => w.kind === 'word') &&
      hasBody(begin + 1, v) &&
      !hasPerson(begin, v)
    )
      return { from: begin + 1, to: v, verb: true, impersonal: true, plural: true };
    // "« … », a assuré Anne Roux, avant d'ajouter : « … »", "«…», dijo Marta Gil, antes de añadir: «…»": the verb signs
    // the quotation before, with its subject after it; that subject goes on to the quotation after.
    let back = v - 1;
    while (
      back > begin &&
      (tokens[back]?.kind === 'punct' ? LEADING_PUNCT.has(tokens[back]?.text ?? '') : AUXILIARIES.has(tokens[back]?.lower ?? '') || CLITICS.has(tokens[back]?.lower ?? ''))
    )
      back--;
    if (back >= begin && QUOTE_MARKS.has(tokens[back]?.text ?? '') && (tokens[back - 1]?.quote ?? -1) >= 0) {
      let clauseEnd = v + 1;
      while (clauseEnd < openMark && tokens[clauseEnd]?.text !== ',' && tokens[clauseEnd]?.text !== ':') clauseEnd++;
      if (hasPerson(v + 1, clauseEnd)) return { from: v + 1, to: clauseEnd, verb: true };
    }
    // "El tribunal, añadió Ferrer, decidió …, es decir, «…»": a verb of saying with its subject after it, set off by commas
    // inside the sentence, is an incise; its subject is the speaker.
    if (profile !== 'en' && profile !== 'de' && tokens[v - 1]?.text === ',' && v - 1 > begin) {
      const named = personAt(v + 1);
      if (named && named[0] === v + 1 && tokens[named[1]]?.text === ',' && named[1] + 1 < openMark) return { from: named[0], to: named[1], verb: true };
    }
    const naming = NAMING_VERBS.has(t.lower);
    // "Агентство Укрінформ цитує міністра Олега Петренка: «…»", "Reuters quoted Ivan Orlov: "…"": the one a verb of quoting
    // takes as its object said the words; the subject only reports them.
    if (QUOTING_VERBS.has(t.lower)) {
      for (let k = v + 1; k < openMark && k <= v + QUOTED_OBJECT_REACH; k++) {
        const named = personAt(k);
        if (named) return { from: named[0], to: named[1], verb: true };
        if (tokens[k]?.kind === 'punct' && tokens[k]?.text !== ':') break;
      }
    }
    // The clause right before the verb: from the last comma (or the start of the sentence) to the verb.
    let clause = v;
    while (clause > begin && tokens[clause - 1]?.text !== ',') clause--;
    // "The Daily Courier reports that Inspector Calloway called the raid "…"", "El diario informa que el alcalde le dijo:
    // «…»": when an outlet or a body reports it, the verb's own subject, after the last complementizer, is the speaker.
    // A person who reports another's words ("Ana dijo que Luis le contó: «…»") quotes them, and is their speaker.
    for (let c = v - 1; c >= clause; c--) {
      const w = tokens[c];
      if (w?.kind !== 'word' || w.quote >= 0 || !COMPLEMENTIZERS.has(w.lower)) continue;
      if (hasPerson(begin, c)) break;
      let k = c + 1;
      while (k < v && k - c <= 4 && !personAt(k) && tokens[k]?.kind === 'word' && (tokens[k]?.cap || isArticle(tokens[k]) || isRoleNoun(tokens[k]?.fold ?? ''))) k++;
      const subject = k < v ? personAt(k) : null;
      if (subject && subject[1] <= v) {
        let b = v;
        while (b > subject[1] && (VERB_FILLERS.has(tokens[b - 1]?.lower ?? '') || AUXILIARIES.has(tokens[b - 1]?.lower ?? '') || CLITICS.has(tokens[b - 1]?.lower ?? ''))) b--;
        return { from: c + 1, to: b, verb: true, naming };
      }
      break;
    }
    // "… con el dirigente del sindicato quien le aseguró: «…»", "… the woman who told him: "…"": a relative pronoun right
    // before the verb makes the phrase it hangs on the subject: a name, or a description that opens with an article.
    let r = v - 1;
    while (r > clause && (CLITICS.has(tokens[r]?.lower ?? '') || AUXILIARIES.has(tokens[r]?.lower ?? '') || VERB_FILLERS.has(tokens[r]?.lower ?? ''))) r--;
    if (r > clause && PERSON_RELATIVE.has(tokens[r]?.lower ?? '') && tokens[r - 1]?.kind === 'word') {
      const named = personAt(r - 1);
      if (named) return { from: named[0], to: named[1], verb: true, naming };
      let a = r - 1;
      while (a > clause && r - a < RELATIVE_ANTECEDENT_WORDS && !isArticle(tokens[a])) a--;
      const head = tokens[a + 1];
      if (isArticle(tokens[a]) && head?.kind === 'word' && !head.cap && isPersonNoun(head.fold, profile)) return { from: a, to: r, verb: true, naming, relative: true };
    }
    // Comma-separated pieces before the verb; relative clauses ("…, who leads X,") are not the subject, and
    // an apposition ("A B, director general of C, said") describes the named subject before it.
    const segments: [number, number][] = [];
    let segStart = begin;
    for (let i = begin; i <= v; i++) {
      // "This expert – who was later named by X – told …": a dash sets a piece off as a comma does.
      if (i === v || tokens[i]?.text === ',' || DIALOGUE_DASHES.has(tokens[i]?.text ?? '')) {
        if (i > segStart) segments.push([segStart, i]);
        segStart = i + 1;
      }
    }
    let fallback: (Attribution & { verb: boolean; naming: boolean }) | null = null;
    let considered = 0;
    for (let s = segments.length - 1; s >= 0 && considered < 2; s--) {
      const seg = segments[s];
      if (!seg) continue;
      const [a, b0] = seg;
      const lead = tokens[a];
      // "A notice on the company's website, the front page of which shows …, says": a piece whose relative pronoun
      // follows a preposition ("of which", "de quien", "dont") is a relative clause too.
      if (relativeAfterPreposition(tokens, a, b0)) continue;
      if (RELATIVE.has(lead?.lower ?? '') || PERSON_RELATIVE.has(lead?.lower ?? '') || germanRelativeAt(tokens, a)) {
        // "… Viktor Yushchenko, who hailed the service for "…"", "…, quien le dijo", "…, qui lui a répondu", "…, der ihr
        // sagte", "…, який сказав": the verb's subject is the person the clause hangs on.
        const prev = segments[s - 1];
        const personal = PERSON_RELATIVE.has(lead?.lower ?? '') || germanRelativeAt(tokens, a);
        const antecedent = s === segments.length - 1 && personal && prev ? personAt(prev[1] - 1) : null;
        if (antecedent) return { from: antecedent[0], to: antecedent[1], verb: true, naming };
        continue;
      }
      // A piece that is only the tail of an earlier quotation names nobody.
      let outside = false;
      for (let k = a; k < b0 && !outside; k++) outside = (tokens[k]?.quote ?? 0) < 0 && tokens[k]?.kind === 'word';
      if (!outside) continue;
      // "Un vecino, identificado como Miguel, comenta que «…»": the piece giving the unnamed subject's name names the speaker.
      if (lead && NAMED_AS.has(lead.lower) && s === segments.length - 1 && hasPerson(a, b0)) return { from: a, to: b0, verb: true, naming };
      // "…, dijo Leyva Portelles y describió …: «…»", "…, said Ann Lee and added: "…"": a piece that opens with an inverted
      // verb of saying and its subject, joined to this verb by "and", has that subject for both verbs.
      if (s === segments.length - 1 && s > 0 && lead && speechVerbAt(lead) && !ADDRESSEE_VERBS.has(lead.lower)) {
        const named = personAt(a + 1);
        if (named && named[0] === a + 1 && named[1] + 1 === b0 && VERB_COORDINATORS.has(tokens[named[1]]?.lower ?? '')) return { from: named[0], to: named[1], verb: true, naming };
      }
      // "…, spoke to the broadcaster X about it, saying": a piece that starts with a verb is a predicate, not the subject.
      if (
        s > 0 &&
        lead &&
        lead.kind === 'word' &&
        !lead.cap &&
        !ARTICLES.has(lead.lower) &&
        !FOREIGN_ARTICLES.has(lead.lower) &&
        !PRONOUNS.has(lead.lower) &&
        !SPEAKER_OPENERS.has(lead.lower) &&
        !(lexFlags(lead.fold) & FUNCTION) &&
        // "Як повідомляє Reuters, міністр Ларс Берг заявив": without articles, a noun for a person opens a subject.
        !(isPersonNoun(lead.fold, profile) && hasPerson(a, b0)) &&
        // "лідер меншості Кевін Маккарті, …, пообіцяв": in Ukrainian a piece that ends with a person's name is a subject too.
        !(profile === 'cyrillic' && personAt(b0 - 1) !== null)
      )
        continue;
      // "Speaking to The Next Web, the spokesperson said", "Hablando con la prensa, el alcalde dijo": a piece opened by a
      // participle is an adjunct; whoever it names is not the subject.
      if (lead?.initial && s < segments.length - 1 && PARTICIPLE_OPENER.test(lead.lower)) continue;
      // "Microsoft, the company's owner, also sent …", "Ana Ruiz, a nurse, told …": an apposition after a name describes it.
      const described = s > 0 && lead && (ARTICLES.has(lead.lower) || FOREIGN_ARTICLES.has(lead.lower)) ? segments[s - 1] : undefined;
      if (
        described &&
        described[1] - described[0] <= MAX_NAME_WORDS &&
        tokens.slice(described[0], described[1]).every((w) => w.kind === 'word' && (w.cap || NAME_CONNECTORS.has(w.lower)))
      ) {
        const named = personAt(described[1] - 1);
        if (named) return { from: named[0], to: named[1], verb: true, naming };
        if (hasBody(described[1] - 1, described[1])) return { from: described[0], to: described[1], verb: true, naming };
      }
      // An apposition ("a pastor at X", "and also a witness") describes a subject named further back.
      const appositive = !!lead && (ARTICLES.has(lead.lower) || FOREIGN_ARTICLES.has(lead.lower) || SPEAKER_OPENERS.has(lead.lower));
      // "Colin Powell, also a contemporary of X, called him "…"": an apposition right before the verb, after a
      // person's name, describes that person; a name inside it ("of X") is not the subject.
      const prev = s > 0 ? segments[s - 1] : undefined;
      const adjunctBefore = !!prev && !!tokens[prev[0]]?.initial && PARTICIPLE_OPENER.test(tokens[prev[0]]?.lower ?? '');
      if (lead && s === segments.length - 1 && s > 0 && !adjunctBefore && (ARTICLES.has(lead.lower) || lead.lower === 'also')) {
        const named = prev ? personAt(prev[1] - 1) : null;
        if (named) return { from: named[0], to: named[1], verb: true, naming };
        // "Microsoft, the expert's employer, also sent a statement": a body before the apposition is the subject too.
        if (prev && hasBody(prev[1] - 1, prev[1]) && prev[1] - prev[0] <= MAX_NAME_WORDS) return { from: prev[0], to: prev[1], verb: true, naming };
      }
      if (!appositive || segments.length - s > 3) considered++;
      let b = b0;
      // "she said that it was "…" and added": the subject of the first verb of saying is the speaker.
      // "the minister released a statement saying that "…"": so is the subject of a verb that issues a statement.
      for (let k = a + 1; k < b; k++) {
        const w = tokens[k];
        if (w && w.quote < 0 && (speechVerbAt(w) || issuesStatement(tokens, k))) {
          b = k;
          break;
        }
      }
      // ""…," said Ann Lee, director of X, adding that "…"": a piece that opens with the verb signing the quotation before
      // has its subject after that verb, and the later verb of saying goes on with it.
      if (b < b0 && b > a && tokens.slice(a, b).every((w) => w.kind === 'punct') && hasPerson(b + 1, b0)) return { from: b + 1, to: b0, verb: true, naming };
      // "Police have so far only officially confirmed": an English auxiliary ends the subject too, in the last clause
      // ("X had been ruled by Y and today Z released …" keeps Z's clause).
      if (profile === 'en') {
        let clauseFrom = a;
        for (let k = a + 1; k < b; k++) if (tokens[k]?.lower === 'and' || tokens[k]?.lower === 'but') clauseFrom = k + 1;
        for (let k = clauseFrom + 1; k < b; k++) {
          const w = tokens[k];
          if (w?.kind === 'word' && !w.cap && w.quote < 0 && ENGLISH_AUXILIARIES.has(w.lower)) {
            b = k;
            break;
          }
        }
      }
      while (b > a + 1 && (VERB_FILLERS.has(tokens[b - 1]?.lower ?? '') || AUXILIARIES.has(tokens[b - 1]?.lower ?? '') || CLITICS.has(tokens[b - 1]?.lower ?? ''))) b--;
      if (b <= a) continue;
      // A piece left with only an adverb before the verb ("also sent …") names nobody: its subject stands further back.
      if (b === a + 1 && (SPEAKER_OPENERS.has(tokens[a]?.lower ?? '') || VERB_FILLERS.has(tokens[a]?.lower ?? '')) && s > 0) continue;
      // "Tras ser liberado el comunicador relató …", "Al salir de la cárcel el activista dijo": a preposition and an
      // infinitive open an adjunct without a comma; the subject starts with the article after it.
      let from = a;
      if (profile === 'romance' && lead?.kind === 'word' && ROMANCE_PREPOSITIONS_WITH_INFINITIVE.has(lead.lower) && ROMANCE_INFINITIVE.test(tokens[a + 1]?.lower ?? '')) {
        for (let k = a + 2; k < b - 1 && k <= a + INFINITIVE_ADJUNCT_WORDS; k++) {
          const w = tokens[k];
          if (w?.kind !== 'word' || w.cap) break;
          if (FOREIGN_DEFINITE.has(w.lower) && isHeadNoun(tokens[k + 1])) {
            from = k;
            break;
          }
        }
      }
      const at = { from: Math.max(from, b - MAX_SPEAKER_WORDS), to: b, verb: true, naming };
      if (hasPerson(at.from, at.to)) return at;
      fallback ??= at;
    }
    return fallback;
  }
  // "Smith: "…"": a name and a colon introduce what the person said; so does a bare label of one to four
  // capitalised words at the start of a paragraph, as interviews are written ("Wikinews: "…"").
  if (tokens[openMark - 1]?.text === ':' && openMark - 1 > begin && openMark - 1 - begin <= COLON_SPEAKER_TOKENS) {
    const at = { from: begin, to: openMark - 1, verb: false };
    const label = tokens.slice(begin, openMark - 1);
    // "The mayor of X released the following statement prior to …: "…"": a subject that issued the statement is the
    // speaker, without the verb and what follows it.
    const noun = label.findIndex((t) => t.kind === 'word' && !t.cap && STATEMENT_NOUNS.has(t.fold));
    if (noun > 0) {
      const verb = label.findIndex((t, k) => k > 0 && k < noun && t.kind === 'word' && !t.cap && ISSUE_VERBS.has(t.lower));
      if (verb > 0) {
        let to = begin + verb;
        while (to > begin + 1 && AUXILIARIES.has(tokens[to - 1]?.lower ?? '')) to--;
        // A lone pronoun ("He issued a statement:") is left to the usual rules.
        if (to - begin >= 2 || hasPerson(begin, to) || hasBody(begin, to)) return { from: begin, to, verb: false };
      }
    }
    if (hasPerson(at.from, at.to)) return at;
    // "However, Wikileaks denied the claim via its Twitter account: "…"": a body standing as the clause's subject introduces its words.
    let subject = begin;
    while (subject < openMark - 1 && (tokens[subject]?.kind === 'punct' || SPEAKER_OPENERS.has(tokens[subject]?.lower ?? '') || isArticle(tokens[subject]))) subject++;
    if (subject < openMark - 1 && tokens[subject]?.cap && hasBody(subject, subject + 1)) {
      let end = subject + 1;
      while (end < openMark - 1 && tokens[end]?.kind === 'word' && (tokens[end]?.cap || NAME_CONNECTORS.has(tokens[end]?.lower ?? ''))) end++;
      const verb = tokens[end];
      if (verb?.kind === 'word' && !verb.cap && !(lexFlags(verb.fold) & FUNCTION) && !isRoleNoun(verb.fold)) return { from: subject, to: end, verb: false };
    }
    if (begin === 0 && label.length <= 4 && label.every((t) => t.kind === 'word' && t.cap)) return at;
    // "A statement from Harbour Lines reads: "…"", "La empresa X emitió un comunicado: «…»": a statement of a body the
    // clause names introduces the body's words.
    if (noun >= 0 && hasBody(at.from, at.to)) return at;
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

/** A person's role, with where it was introduced, and its place in the order people and their roles are read. */
interface RoleEntry {
  cluster: Cluster;
  role: Role;
  pos: number;
  order: number;
}

/** A word's roles, in reading order, and (made when they are many) by where they were introduced. */
interface RolesOfWord {
  entries: RoleEntry[];
  byPos?: RoleEntry[];
}

/**
 * How many roles on each side of a quotation, in the text, are tried when more than twice as many
 * share its head word: an article names a few dozen people by role; the bound keeps a hostile list of
 * thousands ("said the minister" after each of them) linear.
 */
const ROLE_WINDOW = 200;

/** The roles of each word (a role's head and its other words), per registry, made at the first role a quotation names. */
const rolesByWord = new WeakMap<Registry, Map<string, RolesOfWord>>();

/**
 * The people's roles that a phrase headed by `word` can name, in reading order: all of them, or, when
 * more than twice {@link ROLE_WINDOW} share the word, the {@link ROLE_WINDOW} introduced closest
 * before and after `pos`. Only a role with the word as its head or among its words can score
 * (see {@link roleScore}), so no other is tried.
 */
function rolesNamedBy(registry: Registry, word: string, pos: number): readonly RoleEntry[] {
  let byWord = rolesByWord.get(registry);
  if (!byWord) {
    byWord = new Map();
    let order = 0;
    for (const cluster of registry.clusters) {
      if (cluster.kind !== 'person' || isPronounName(cluster)) continue;
      for (const { role, pos: rolePos } of cluster.roles) {
        const entry: RoleEntry = { cluster, role, pos: rolePos, order: order++ };
        for (const w of new Set([role.head, ...role.words])) {
          const roles = byWord.get(w);
          if (roles) roles.entries.push(entry);
          else byWord.set(w, { entries: [entry] });
        }
      }
    }
    rolesByWord.set(registry, byWord);
  }
  const roles = byWord.get(word);
  if (!roles) return [];
  if (roles.entries.length <= 2 * ROLE_WINDOW) return roles.entries;
  roles.byPos ??= [...roles.entries].sort((a, b) => a.pos - b.pos || a.order - b.order);
  const at = partitionPoint(roles.byPos, (entry) => entry.pos <= pos);
  return roles.byPos.slice(Math.max(0, at - ROLE_WINDOW), at + ROLE_WINDOW).sort((a, b) => a.order - b.order);
}

/** The person introduced with the role a phrase names ("the NATO PA president"), most recent first. */
function personByRole(registry: Registry, phrase: Token[], head: number, pos: number): Cluster | null {
  const headWord = phrase[head]?.fold ?? '';
  let best: Cluster | null = null;
  let bestScore = -Infinity;
  for (const { cluster, role, pos: rolePos } of rolesNamedBy(registry, headWord, pos)) {
    const score = roleScore(role, phrase, head, headWord);
    if (score === null) continue;
    // Roles introduced before the quotation, and the latest of them, win.
    const total = score + (rolePos <= pos ? 1 + rolePos / POSITION_SCALE : 0);
    if (total > bestScore) {
      bestScore = total;
      best = cluster;
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

/** Spanish, French and English demonstratives, which open a description that refers back ("este ciudadano", "ce témoin", "this official"). */
const DEMONSTRATIVES = new Set(['este', 'esta', 'ese', 'esa', 'aquel', 'aquella', 'ce', 'cet', 'cette', 'this']);

/** Definite articles of German, Spanish and French, dropped from a descriptive speaker as "the" is. */
const FOREIGN_DEFINITE = new Set(['der', 'die', 'das', 'el', 'la', 'los', 'las', 'le', 'les']);

/** Who "he", "she" or "they" is: the last speaker, unless a person was named outside quotations since. */
interface Antecedent {
  speaker: Cluster | null;
  pos: number;
  /** The body that last signed a quotation, and where ("The agency added: "…"" before ""…," it said"). */
  body?: Cluster | null;
  bodyPos?: number;
}

/** Where people and bodies are named outside quotations, in reading order, and bodies by their one-word names. */
interface Timeline {
  people: { pos: number; cluster: Cluster; block: number; first: number }[];
  bodies: { pos: number; cluster: Cluster }[];
  byWord: Map<string, Cluster>;
}

const timelines = new WeakMap<Registry, Timeline>();

/** Builds (once per registry) the sorted positions of person and body mentions, so that look-ups are logarithmic. */
const timelineOf = (registry: Registry): Timeline => {
  let t = timelines.get(registry);
  if (t) return t;
  t = { people: [], bodies: [], byWord: new Map() };
  for (const c of registry.clusters) {
    for (const m of c.mentions) {
      if (c.kind !== 'person' && m.words.length === 1 && !t.byWord.has(m.display.toLowerCase())) t.byWord.set(m.display.toLowerCase(), c);
      if (m.inQuote) continue;
      if (c.kind === 'person' && !isPronounName(c)) t.people.push({ pos: m.pos, cluster: c, block: m.block, first: m.first });
      else if (c.kind === 'organization') t.bodies.push({ pos: m.pos, cluster: c });
    }
  }
  t.people.sort((x, y) => x.pos - y.pos);
  t.bodies.sort((x, y) => x.pos - y.pos);
  timelines.set(registry, t);
  return t;
};

/** Index of the last entry before a position, or -1. */
const lastIndexBefore = (list: { pos: number }[], pos: number): number => {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.pos ?? Infinity) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
};

/** How far back "the bank" may look for the bank the story named. */
const BODY_LOOKBACK = 50;

/** The body most recently named (outside quotations) before a position whose name has the given word, or any body when `word` is empty. */
const lastBodyBefore = (registry: Registry, pos: number, word: string): Cluster | null => {
  const { bodies } = timelineOf(registry);
  for (let i = lastIndexBefore(bodies, pos), n = 0; i >= 0 && n < BODY_LOOKBACK; i--, n++) {
    const c = bodies[i]?.cluster;
    if (c && (!word || c.mentions.some((m) => m.words.includes(word) || m.words.includes(`${word}s`)))) return c;
  }
  return null;
};

/** The body named by a compound of a name and a staff noun ("Interpol-Sprecher", "NATO-Sprecherin"). */
const bodyOfStaffCompound = (registry: Registry, t: Token): Cluster | null => {
  const dash = t.text.lastIndexOf('-');
  if (t.kind !== 'word' || dash <= 0 || !STAFF_NOUNS.has(t.lower.slice(dash + 1))) return null;
  return timelineOf(registry).byWord.get(t.lower.slice(0, dash)) ?? null;
};

/** Words that tie a staff noun to its body ("for", "of", German and Romance genitive articles). */
const BODY_LINKS = new Set([...AFFILIATION, 'der', 'des', 'de', 'du', 'del', 'la', 'the', 'of', "l'", 'l’', 'von', 'vom']);

/** The capitalised name after a staff noun and its link words ("… for the Harbour Lines", "… der Nordbahn"), as text offsets. */
const namedAfter = (phrase: Token[], from: number): { start: number; end: number } | null => {
  let k = from;
  while (k < phrase.length && k - from < 3 && !phrase[k]?.cap && BODY_LINKS.has(phrase[k]?.lower ?? '')) k++;
  if (k === from) return null;
  const begin = k;
  let end = k;
  while (k < phrase.length) {
    const t = phrase[k];
    if (t?.kind !== 'word') break;
    if (t.cap) end = k + 1;
    else if (!NAME_CONNECTORS.has(t.lower)) break;
    k++;
  }
  const a = phrase[begin];
  const b = phrase[end - 1];
  return end > begin && a?.cap && b ? { start: a.start, end: b.end } : null;
};

/**
 * Agent-noun endings that name a person by what they do, where a language forms such nouns regularly: Spanish
 * "-dor"/"-dora", "-ista", "-ero"/"-era", "-ante"/"-ente" ("coordinador", "periodista", "portero", "estudiante"),
 * French "-eur"/"-euse"/"-rice", "-iste" ("directeur", "animatrice", "militante" aside).
 */
const AGENT_NOUN_ENDINGS: Partial<Record<Profile, RegExp>> = {
  romance: /(?:dora?|tora?|ista|ero|era|ante|ente|eur|euse|rice|iste)$/u,
  // Ukrainian "-ник"/"-ниця", "-тель", "-ець" ("очільник", "працівниця", "вчитель", "мешканець").
  cyrillic: /(?:ник|ниця|тель|телька|ець)$/u,
};

/** Ukrainian nouns for people that no regular ending marks ("дипломат", "волонтерка", "жінка"). */
const CYRILLIC_PERSON_NOUNS = new Set(
  `дипломат дипломатка жінка чоловік мати батько волонтер волонтерка ветеран ветеранка лікар лікарка військовий військова
  українець українка активіст активістка політик експерт експертка аналітик аналітикиня юрист юристка журналіст журналістка
  студент студентка дівчина хлопець пані пан організаторка дружина син донька бабуся дідусь жителька мешканка біженка біженець
  фермер фермерка підприємець підприємиця священник депутат депутатка посол посолка консул консулка`
    .split(/\s+/u)
    .filter(Boolean)
    .map(foldKey),
);

/** Spanish and French nouns for people that no regular ending marks ("el líder", "la mujer", "le témoin"). */
const ROMANCE_PERSON_NOUNS = new Set(
  `lider jefe jefa mandatario mandataria joven sacerdote obispo preso presa madre padre mujer hombre diplomatico diplomatica
  politico politica medico medica abogado abogada diputado diputada delegado delegada funcionario funcionaria empresario
  empresaria secretario secretaria militar experto experta testigo vecino vecina residente ciudadano ciudadana dirigente
  religioso religiosa cubano cubana exiliado exiliada anciano anciana
  esposa esposo hijo hija hermano hermana tio tia primo prima abuelo abuela sobrino sobrina cunado cunada novio novia viuda viudo
  epouse epoux mari fils fille frere soeur mere pere veuve
  chef avocat avocate elu elue depute deputee expert experte temoin habitant habitante voisin voisine homme femme`
    .split(/\s+/u)
    .filter(Boolean),
);

/** Whether a lowercase noun names a person by a role or by what they do ("ministro", "coordinador", "periodista"). */
const isPersonNoun = (fold: string, profile: Profile): boolean =>
  isRoleNoun(fold) ||
  // "el expreso político", "l'ex-ministre", "колишній" aside: "ex" before a noun for a person is one too.
  (/^ex-?\p{L}{4,}/u.test(fold) && isPersonNoun(fold.replace(/^ex-?/u, ''), profile)) ||
  (fold.length > 4 && !!AGENT_NOUN_ENDINGS[profile]?.test(fold)) ||
  (profile === 'romance' && ROMANCE_PERSON_NOUNS.has(fold)) ||
  (profile === 'cyrillic' && CYRILLIC_PERSON_NOUNS.has(fold));

/** Common nouns of Spanish, French, German and Ukrainian that describe a body the story has named ("la empresa", "le ministère", "des Unternehmens"). */
const BODY_DESCRIPTORS = new Set(
  `empresa compañía ministerio policía gobierno organización institución agencia partido sindicato asociación banco
  universidad ayuntamiento alcaldía embajada entreprise société ministère police gouvernement organisation agence parti
  syndicat association banque université mairie ambassade unternehmens firma ministeriums polizei regierung partei
  unternehmens verbands konzerns gewerkschaft botschaft компанії міністерства поліції уряду організації відомства партії посольства`
    .split(/\s+/u)
    .filter(Boolean),
);

/** Nouns of Spanish, French and Ukrainian for a body of people that the shared lists lack ("la ONG", "el colectivo", "організація"). */
const EXTRA_BODY_NOUNS = new Set(
  'ong grupo entidad plataforma movimiento colectivo fundación observatorio ngo collectif mouvement fondation організація фонд громада'.split(' ').map(foldKey),
);

/** The common noun for a body after a staff noun and its link words ("… de la empresa", "… for the company"), or null. */
const describedBodyAfter = (phrase: Token[], from: number): string | null => {
  let k = from;
  while (k < phrase.length && k - from < 3 && !phrase[k]?.cap && BODY_LINKS.has(phrase[k]?.lower ?? '')) k++;
  const noun = phrase[k];
  if (k === from || phrase.slice(k + 1).some((t) => t.kind === 'word') || noun?.kind !== 'word') return null;
  return (!noun.cap || GERMAN_DEFINITE.has(phrase[k - 1]?.lower ?? '') || phrase[k - 1]?.lower === 'des') &&
    (BODY_DESCRIPTORS.has(noun.fold) || BODY_DESCRIPTORS.has(noun.lower) || ORG_DESCRIPTORS.has(noun.fold))
    ? noun.fold
    : null;
};

/** Two or three initials, each with its full stop ("М.К.", "J. K."). */
const INITIALS = /^(?:\p{Lu}\.\s?){2,3}$/u;

const byInitials = new WeakMap<Registry, Map<string, { pos: number; cluster: Cluster }[]>>();

/** The person (or entity of unknown kind) last named before a position whose name's words start with the given letters. */
const personByInitials = (registry: Registry, letters: string, pos: number): Cluster | null => {
  let index = byInitials.get(registry);
  if (!index) {
    // Built once per article: the mentions outside quotations of every name of two or three words, by its initials.
    index = new Map();
    for (const c of registry.clusters) {
      if (c.kind !== 'person' && c.kind !== null) continue;
      const words = c.name.split(/\s+/u);
      if (words.length < 2 || words.length > 3) continue;
      const key = words.map((w) => w[0] ?? '').join('');
      let list = index.get(key);
      if (!list) index.set(key, (list = []));
      for (const m of c.mentions) if (!m.inQuote) list.push({ pos: m.pos, cluster: c });
    }
    for (const list of index.values()) list.sort((a, b) => a.pos - b.pos);
    byInitials.set(registry, index);
  }
  const list = index.get(letters);
  return list ? (list[lastIndexBefore(list, pos)]?.cluster ?? null) : null;
};

/** Cyrillic words of a name, lowercased, for comparing its inflected forms. */
const nameWords = (name: string): string[] => name.toLowerCase().split(/\s+/u).filter(Boolean);

const nominatives = new WeakMap<Registry, Map<string, Cluster[]>>();

/** How many people sharing the start of a surname are compared with an inflected name (a bound against hostile input). */
const INFLECTION_CANDIDATES = 64;

/**
 * The person an inflected Cyrillic name refers to, named in full elsewhere: "за словами Тарасюка" is the
 * "Василь Тарасюк" the story introduced. The name's words must be the last words of the fuller name up to
 * their endings; a name already in full, or one that matches two people, stays as it is.
 */
const fullerInflected = (registry: Registry, c: Cluster): Cluster => {
  let byLast = nominatives.get(registry);
  if (!byLast) {
    byLast = new Map();
    for (const o of registry.clusters) {
      if (o.kind !== 'person' || !CYRILLIC_WORD.test(o.name.replace(/\s+/gu, ''))) continue;
      const key = (nameWords(o.name).pop() ?? '').slice(0, 4);
      const list = byLast.get(key);
      if (list) list.push(o);
      else byLast.set(key, [o]);
    }
    nominatives.set(registry, byLast);
  }
  const words = nameWords(c.name);
  const candidates = byLast.get((words[words.length - 1] ?? '').slice(0, 4)) ?? [];
  let found: Cluster | null = null;
  for (let i = 0; i < candidates.length && i < INFLECTION_CANDIDATES; i++) {
    const o = candidates[i];
    if (!o || o === c) continue;
    const full = nameWords(o.name);
    if (full.length <= words.length) continue;
    const tail = full.slice(full.length - words.length);
    if (!tail.every((w, i) => sameStem(w, words[i] ?? ''))) continue;
    if (found && found !== o) return c;
    found = o;
  }
  return found ?? c;
};

/** The people of a registry by their full name, and those named with two words by their surname, indexed once. */
interface PersonNames {
  /** People by their full name, lowercased. */
  byName: Map<string, Cluster>;
  /** People named with two words, by the second. */
  bySurname: Map<string, Cluster[]>;
  /** People by the first or last word of their name, when only one person has that word there. */
  byPart: Map<string, Cluster>;
  /** People named with two words or more, by the last. */
  byLast: Map<string, Cluster[]>;
  /** The folded names of the places and bodies. */
  other: Set<string>;
}

const personNames = new WeakMap<Registry, PersonNames>();

const namesOf = (registry: Registry): PersonNames => {
  let names = personNames.get(registry);
  if (!names) {
    names = { byName: new Map(), bySurname: new Map(), byPart: new Map(), byLast: new Map(), other: new Set() };
    const shared = new Set<string>();
    for (const o of registry.clusters) {
      if (o.kind === 'place' || o.kind === 'organization') for (const m of o.mentions) names.other.add(m.words.join(' '));
      if (o.kind !== 'person') continue;
      names.byName.set(o.name.toLowerCase(), o);
      const w = nameWords(o.name);
      for (const part of w.length >= 2 ? [w[0] ?? '', w[w.length - 1] ?? ''] : []) {
        const other = names.byPart.get(part);
        if (other && other !== o) shared.add(part);
        else names.byPart.set(part, o);
      }
      const lastWord = w.length >= 2 ? w[w.length - 1] : undefined;
      if (lastWord) {
        const same = names.byLast.get(lastWord);
        if (same) same.push(o);
        else names.byLast.set(lastWord, [o]);
      }
      if (w.length !== 2 || !w[1]) continue;
      const list = names.bySurname.get(w[1]);
      if (list) list.push(o);
      else names.bySurname.set(w[1], [o]);
    }
    for (const part of shared) names.byPart.delete(part);
    personNames.set(registry, names);
  }
  return names;
};

/**
 * The first two people of the registry (in its order) under each key a last name's stem is looked up by: the
 * lowercase last word itself, its stem as a Cyrillic adjective, and (for words of four letters or more) the word
 * without its last letter or its last two, each with the word's length. {@link sameStem} holds between two words
 * exactly when one is the other, both have the same adjective stem, or one's key is among the other's
 * {@link stemKeysToLook}.
 */
interface SurnameStems {
  /** Each person's place in the registry. */
  order: Map<Cluster, number>;
  /** People by key; two, so that the one asked about can be passed over. */
  byKey: Map<string, Cluster[]>;
}

const surnameStems = new WeakMap<Registry, SurnameStems>();

/** The keys a last word is filed under in {@link SurnameStems}. */
const stemKeysOf = (word: string): string[] => {
  const keys = [`=${word}`];
  const adjective = adjectiveStem(word);
  if (adjective) keys.push(`a${adjective}`);
  if (word.length >= 4) keys.push(`1${word.length}:${word.slice(0, -1)}`, `2${word.length}:${word.slice(0, -2)}`);
  return keys;
};

/**
 * The keys under which the words {@link sameStem} pairs with `word` are filed: with `m` letters, the same word; the same
 * adjective stem; and, when both have four letters or more, a word of `m` or `m - 1` letters that differs only in its
 * last, one of `m - 2` letters that begins `word`, or one of `m + 1` or `m + 2` letters whose first `m - 1` or `m` are
 * `word`'s.
 */
const stemKeysToLook = (word: string): string[] => {
  const m = word.length;
  const keys = [`=${word}`];
  const adjective = adjectiveStem(word);
  if (adjective) keys.push(`a${adjective}`);
  if (m < 4) return keys;
  keys.push(`1${m}:${word.slice(0, m - 1)}`, `2${m + 1}:${word.slice(0, m - 1)}`, `2${m + 2}:${word}`);
  if (m - 1 >= 4) keys.push(`1${m - 1}:${word.slice(0, m - 2)}`);
  if (m - 2 >= 4) keys.push(`=${word.slice(0, m - 2)}`);
  return keys;
};

/**
 * The first person of the registry other than `except` whose last name has the stem of `surname` (lowercase):
 * "Олександр Гвоздик" for "гвоздика". Looked up by key rather than by comparing every person, so a story of many
 * people and many such names is read in linear time.
 */
const personBySurnameStem = (registry: Registry, surname: string, except: Cluster | null | undefined): Cluster | undefined => {
  let stems = surnameStems.get(registry);
  if (!stems) {
    stems = { order: new Map(), byKey: new Map() };
    for (const p of registry.clusters) {
      if (p.kind !== 'person') continue;
      stems.order.set(p, stems.order.size);
      for (const key of stemKeysOf(nameWords(p.name).at(-1) ?? '')) {
        const list = stems.byKey.get(key);
        if (!list) stems.byKey.set(key, [p]);
        else if (list.length < 2 && !list.includes(p)) list.push(p);
      }
    }
    surnameStems.set(registry, stems);
  }
  let best: Cluster | undefined;
  for (const key of stemKeysToLook(surname)) {
    const found = stems.byKey.get(key)?.find((p) => p !== except);
    if (found && (!best || (stems.order.get(found) ?? 0) < (stems.order.get(best) ?? 0))) best = found;
  }
  return best;
};

/**
 * The person whose name ends an inverted Ukrainian clause that opens with an adjunct ("на своїй сторінці у Facebook
 * співачка Джамала", "в інтерв'ю Голосу Америки посол Іван Петренко"): a person's name, or a name of unknown kind after a
 * noun for a person, in the nominative and not governed by a preposition; null otherwise ("в ефірі телеканалу CNN").
 */
const nameEndingClause = (registry: Registry, block: Block, blockIndex: number, at: Attribution, profile: Profile): Cluster | null => {
  const { tokens } = block;
  const lastWord = at.to - 1;
  const m = registry.tokenMention[blockIndex]?.[lastWord];
  const c = clusterAt(registry, blockIndex, lastWord);
  if (!m || !c || m.last !== at.to || m.first <= at.from + 1) return null;
  if (c.kind !== 'person' && c.kind !== null) return null;
  const before = tokens[m.first - 1];
  if (!before || before.kind !== 'word' || SPEAKER_PREPOSITIONS.cyrillic?.has(before.lower)) return null;
  if (OBLIQUE_NAME.test(tokens[m.last - 1]?.lower ?? '')) return null;
  if (c.kind === null && (before.cap || (!isPersonNoun(before.fold, profile) && !isRoleNoun(before.fold)))) return null;
  return c;
};

/** The body named last, outside quotations, in the sentence that holds token `k`, before it. */
const bodyEarlierInSentence = (registry: Registry, block: Block, blockIndex: number, k: number): Cluster | null => {
  const start = k > 0 ? (sentenceIndexOf(block).lastEnd[k - 1] ?? -1) + 1 : 0;
  for (let j = k - 1; j >= start; j--) {
    const c = clusterAt(registry, blockIndex, j);
    if (c?.kind === 'organization' && (block.tokens[j]?.quote ?? 0) < 0) return c;
  }
  return null;
};

/**
 * The person a "person" the entities glued to a place or body before it names ("Estados Unidos Molina Ruiz" after "Roberto
 * Molina Ruiz"): the one person whose name is, or ends with, the words after the place or body's name; null otherwise.
 */
const withoutGluedName = (registry: Registry, c: Cluster): Cluster | null => {
  const words = c.name.split(/\s+/u).filter(Boolean);
  const names = namesOf(registry);
  for (let i = 1; i + 2 <= words.length; i++) {
    if (!names.other.has(words.slice(0, i).map(foldKey).join(' '))) continue;
    const rest = nameWords(words.slice(i).join(' '));
    const found = registry.clusters.filter((o) => {
      if (o === c || o.kind !== 'person') return false;
      const own = nameWords(o.name);
      return own.length >= rest.length && rest.every((w, k) => own[own.length - rest.length + k] === w);
    });
    return found.length === 1 ? (found[0] ?? null) : null;
  }
  return null;
};

/** Whether a paragraph names no person or body outside quotations. */
const namesNobody = (registry: Registry, blocks: readonly Block[], blockIndex: number): boolean => {
  const block = blocks[blockIndex];
  if (block?.kind !== 'paragraph') return false;
  for (let k = 0; k < block.tokens.length; k++) {
    const kind = clusterAt(registry, blockIndex, k)?.kind;
    if ((kind === 'person' || kind === 'organization' || kind === null) && (block.tokens[k]?.quote ?? 0) < 0) return false;
  }
  return true;
};

/** Whether a cluster has a mention outside quotations. */
const namedOutsideQuotations = (blocks: readonly Block[], c: Cluster): boolean => c.mentions.some((m) => (blocks[m.block]?.tokens[m.first]?.quote ?? 0) < 0);

/**
 * "Ana Ruiz, madre de Luis Gómez Ruiz … «…», recalcó Ruiz": a Spanish name of three words ends with the
 * mother's surname, by which nobody is called alone; a lone surname that ends such a name and is the whole surname of
 * a person named with two words ("Ana Ruiz") is that person's.
 */
const bySurname = (registry: Registry, blocks: readonly Block[], block: Block, blockIndex: number, at: Attribution, c: Cluster): Cluster | null => {
  const parts = nameWords(c.name);
  if (parts.length !== 3) return null;
  for (let k = at.from; k < at.to; k++) {
    if (clusterAt(registry, blockIndex, k) !== c) continue;
    const m = registry.tokenMention[blockIndex]?.[k];
    const word = block.tokens[k];
    if (!m || m.last - m.first !== 1 || !word || word.lower !== parts[2]) return null;
    // Someone named only inside another's quotation ("… y creo que a Roilán [Zárraga Ferrer] también") is not the subject.
    const found = (namesOf(registry).bySurname.get(word.lower) ?? []).filter((o) => o !== c && namedOutsideQuotations(blocks, o));
    return found.length === 1 ? (found[0] ?? null) : null;
  }
  return null;
};

/** Whether a person is named in full (two words or more) outside quotations. */
const namedInFullOutside = (blocks: readonly Block[], c: Cluster): boolean => c.mentions.some((m) => m.words.length >= 2 && (blocks[m.block]?.tokens[m.first]?.quote ?? 0) < 0);

/**
 * "… y a Pedro [Rivas Quiñones] creo que tres», dijo el opositor. … agregó Quiñones": a surname alone that the entities gave to
 * someone named in full only inside a quotation is the one person with that surname whom the story named in full outside
 * quotations.
 */
const surnameNamedOutside = (registry: Registry, blocks: readonly Block[], block: Block, blockIndex: number, at: Attribution, c: Cluster): Cluster | null => {
  if (namedInFullOutside(blocks, c)) return null;
  for (let k = at.from; k < at.to; k++) {
    if (clusterAt(registry, blockIndex, k) !== c) continue;
    const m = registry.tokenMention[blockIndex]?.[k];
    const word = block.tokens[k];
    if (!m || m.last - m.first !== 1 || !word) return null;
    const found = (namesOf(registry).byLast.get(word.lower) ?? []).filter((o) => o !== c && namedInFullOutside(blocks, o));
    return found.length === 1 ? (found[0] ?? null) : null;
  }
  return null;
};

/**
 * "Тоді Олег Бондар додав", "Luego Ana Ruiz explicó": a sentence adverb or conjunction that opens the sentence is no
 * part of the name the entities glued it to; the person is the rest (the entity of that name when there is one).
 */
const nameAfterOpener = (registry: Registry, c: Cluster): Speaker | null => {
  const parts = c.name.split(/\s+/u);
  const head = (parts[0] ?? '').toLowerCase();
  if (parts.length < 2 || head.length < 2 || NAME_CONNECTORS.has(head) || !(FOREIGN_FUNCTION_WORDS.has(head) || SPEAKER_OPENERS.has(head))) return null;
  // A body's name may hold such a word ("Ahora Madrid"): only a person's name of two words or more after it is cut out.
  if (c.kind === 'organization' && (parts.length < 3 || !c.mentions.every((m) => m.words[0] === foldKey(head)))) return null;
  const rest = parts.slice(1).join(' ');
  const key = rest.toLowerCase();
  const named = namesOf(registry).byName.get(key);
  return named ? { speaker: named.name, cluster: named, affiliation: null } : { speaker: rest, cluster: null, affiliation: null };
};

/** Endings of Ukrainian genitives and datives of place names, bodies and adjectives ("Харкова", "Полтави", "Пентагону", "Одеської"), which no first name has. */
const GENITIVE_PLACE = /(?:ова|ева|єва|ого|ього|ої|[^іи]и|[^і]у|ю)$/u;

/** Endings of Ukrainian datives and genitives that a name in the nominative does not start with ("Голосу", "Америки", "Пентагону", "міністрові"). */
const OBLIQUE_WORD = /(?:[^і]у|ю|ові|еві|єві|[^іи]и|ії|ої|ого|ього)$/u;

/**
 * "Мер Полтави Коваленко: «…»", "— розповіла Голосу Америки Олена": a role noun governs the genitive after it, and a
 * verb of saying the dative of whom it was told; a capitalised genitive or dative glued to the name the entities found
 * is the role's place or the listener, not a first name. The person is the rest: the person of that name, or the one
 * the story introduced with it as a first name or surname.
 */
const nameAfterGovernedWord = (registry: Registry, block: Block, blockIndex: number, at: Attribution, c: Cluster): Speaker | null => {
  const { tokens } = block;
  for (let k = at.from; k < at.to; k++) {
    if (clusterAt(registry, blockIndex, k) !== c) continue;
    const m = registry.tokenMention[blockIndex]?.[k];
    const first = m ? tokens[m.first] : undefined;
    const before = m ? tokens[m.first - 1] : undefined;
    if (!m || !first || m.last - m.first < 2 || first.lower.length < 4 || before?.kind !== 'word' || (before.cap && !before.initial)) return null;
    const role = isRoleNoun(before.fold) && GENITIVE_PLACE.test(first.lower) && first.lower.length >= 5;
    const told = isSpeechVerb(before.lower) && OBLIQUE_WORD.test(first.lower);
    if (!role && !told) return null;
    // Past the governed words: the first word that is not in an oblique case starts the name.
    let start = m.first + 1;
    while (told && start < m.last - 1 && OBLIQUE_WORD.test(tokens[start]?.lower ?? '')) start++;
    const rest = block.text.slice(tokens[start]?.start ?? first.end, tokens[m.last - 1]?.end ?? first.end);
    const names = namesOf(registry);
    const found = names.byName.get(rest.toLowerCase()) ?? (m.last - start === 1 ? names.byPart.get(rest.toLowerCase()) : undefined);
    const named = found === c ? undefined : found;
    return named ? { speaker: named.name, cluster: named, affiliation: null } : { speaker: rest, cluster: null, affiliation: null };
  }
  return null;
};

/**
 * "Desde Lima María Soler dijo", "dijo a CNN María Soler": a place or a body and a person's name written one after
 * the other may reach the entities as one name. A given name inside it, after a name the text or the lexicon knows as a
 * place or a body (or an acronym, or a name with its article), starts the person's name.
 */
const personAfterName = (registry: Registry, block: Block, blockIndex: number, at: Attribution, current: Cluster | null): Speaker | null => {
  for (let k = at.from; k < at.to; k++) {
    const c = clusterAt(registry, blockIndex, k);
    const m = registry.tokenMention[blockIndex]?.[k];
    if (!c || !m || c.kind === 'person' || (current && c !== current) || m.last - m.first < 3) continue;
    const { tokens } = block;
    for (let i = m.first + 1; i <= m.last - 2; i++) {
      const given = tokens[i];
      if (given?.kind !== 'word' || !given.cap) continue;
      const rest = block.text.slice(given.start, tokens[m.last - 1]?.end ?? given.end);
      const named = namesOf(registry).byName.get(rest.toLowerCase());
      // A given name the lexicon lists, or the full name of a person the story names elsewhere.
      if (!named && (!(lexFlags(given.fold) & FIRST_NAME) || lexFlags(given.fold) & (ANY_PLACE | ORGANIZATION))) continue;
      const prefix = tokens.slice(m.first, i);
      const key = prefix.map((t) => t.fold).join(' ');
      const known =
        (prefix.length === 1 && !!prefix[0]?.caps) ||
        FOREIGN_DEFINITE.has(prefix[0]?.lower ?? '') ||
        (lexFlags(key) & (ANY_PLACE | ORGANIZATION)) !== 0 ||
        namesOf(registry).other.has(key);
      if (!known || NAME_CONNECTORS.has(prefix[prefix.length - 1]?.lower ?? '')) continue;
      return named ? { speaker: named.name, cluster: named, affiliation: null } : { speaker: rest, cluster: null, affiliation: null };
    }
    k = m.last - 1;
  }
  return null;
};

/** Resolves a speaker phrase to a name, a descriptive phrase, or null (`rejected` when the phrase names no speaker at all). */
function resolveSpeaker(
  registry: Registry,
  blocks: readonly Block[],
  block: Block,
  blockIndex: number,
  at: Attribution,
  pos: number,
  last: Antecedent,
  profile: Profile,
): Speaker & { rejected?: boolean; grammar?: boolean; statement?: boolean } {
  const resolved = resolvePhrase(registry, blocks, block, blockIndex, at, pos, last, profile);
  if (!at.zero && !at.impersonal && !at.grammar && resolved.cluster?.kind !== 'person') {
    const inside = personAfterName(registry, block, blockIndex, at, resolved.cluster);
    if (inside) return inside;
  }
  if (resolved.cluster && resolved.cluster.kind !== 'place') {
    const opened = nameAfterOpener(registry, resolved.cluster);
    if (opened) return opened;
  }
  if (profile === 'romance' && resolved.cluster?.kind === 'person') {
    const paternal = bySurname(registry, blocks, block, blockIndex, at, resolved.cluster);
    if (paternal) return { speaker: paternal.name, cluster: paternal, affiliation: null };
  }
  if (resolved.cluster?.kind === 'person' && !at.zero && !at.impersonal) {
    const outside = surnameNamedOutside(registry, blocks, block, blockIndex, at, resolved.cluster);
    if (outside) return { speaker: outside.name, cluster: outside, affiliation: null };
  }
  if (profile !== 'cyrillic' || resolved.rejected || resolved.speaker === null) return resolved;
  if (resolved.cluster) {
    const governed = resolved.cluster.kind !== 'place' ? nameAfterGovernedWord(registry, block, blockIndex, at, resolved.cluster) : null;
    if (governed) return governed;
    if (resolved.cluster.kind !== 'person') return resolved;
    const full = fullerInflected(registry, resolved.cluster);
    return full === resolved.cluster ? resolved : { ...resolved, speaker: full.name, cluster: full };
  }
  // "за словами Тарасюка": an inflected form the entities kept apart from the person it names.
  if (at.zero || at.impersonal) return resolved;
  for (let k = at.from; k < at.to; k++) {
    const c = clusterAt(registry, blockIndex, k);
    if (!c || c.kind === 'place' || c.kind === 'organization') continue;
    const full = fullerInflected(registry, c);
    if (full !== c) return { speaker: full.name, cluster: full, affiliation: null };
  }
  return resolved;
}

/** The speaker a phrase names, before inflected names are brought to the form the story introduced. */
function resolvePhrase(
  registry: Registry,
  blocks: readonly Block[],
  block: Block,
  blockIndex: number,
  at: Attribution,
  pos: number,
  last: Antecedent,
  profile: Profile,
): Speaker & { rejected?: boolean; grammar?: boolean; statement?: boolean } {
  const none: Speaker = { speaker: null, cluster: null, affiliation: null };
  if (at.grammar) return { ...none, rejected: true, grammar: true };
  if (at.document) return none;
  const { tokens } = block;
  const phrase = tokens.slice(at.from, at.to);
  /** Where a token of the phrase stands in the paragraph (searched in the phrase: a paragraph may hold thousands of attributions). */
  const indexOf = (t: Token): number => at.from + phrase.indexOf(t);
  // "But he said": a conjunction or sentence adverb is not part of the speaker.
  let first = 0;
  // "Тоді Олег Бондар додав", "Incluso el ministro dijo": a sentence adverb or conjunction before the subject is no part of it either.
  while (
    first < phrase.length &&
    (phrase[first]?.kind === 'punct' ||
      SPEAKER_OPENERS.has(phrase[first]?.lower ?? '') ||
      ((phrase[first]?.initial || !phrase[first]?.cap) && FOREIGN_FUNCTION_WORDS.has(phrase[first]?.lower ?? '') && phrase[first + 1]?.kind === 'word'))
  )
    first++;
  // "with a key member of Congress saying": the absolute construction's preposition is no part of the speaker.
  if (ABSOLUTE_WITH.has(phrase[first]?.lower ?? '') && INDEFINITE.has(phrase[first + 1]?.lower ?? '')) first++;
  // "the NATO PA president" is shown as "NATO PA president"; "a senior official" keeps its article.
  let definite = false;
  const articleAt = first;
  // "denunció este ciudadano de 65 años": a demonstrative refers back as a definite article does.
  while (
    first < phrase.length &&
    (phrase[first]?.kind === 'punct' || phrase[first]?.lower === 'the' || FOREIGN_DEFINITE.has(phrase[first]?.lower ?? '') || DEMONSTRATIVES.has(phrase[first]?.lower ?? ''))
  ) {
    if (phrase[first]?.kind === 'word') definite = true;
    first++;
  }
  const words = phrase.slice(first).filter((t) => t.kind !== 'punct' && !SPEAKER_ADVERBS.has(t.lower));
  if (at.zero) {
    for (let k = at.from; k < (at.searchTo ?? at.to); k++) {
      const named = clusterAt(registry, blockIndex, k);
      // "dijo en un video publicado por el activista Marcel Valdés": a name a preposition governs is no subject.
      const start = registry.tokenMention[blockIndex]?.[k]?.first ?? k;
      if (named?.kind === 'person' && (tokens[k]?.quote ?? 0) < 0 && !(profile === 'romance' && governedByPreposition(tokens, start, at.from)))
        return { speaker: named.name, cluster: named, affiliation: null };
      // "señaló a Martí Noticias, Noraisy Poyo Cuellar, cuñada del preso": a name the entities left unclassified, set off
      // by commas after the adjunct and followed by a noun for a person, is the subject.
      const m = registry.tokenMention[blockIndex]?.[k];
      const apposed = tokens[m?.last ?? -1]?.text === ',' && tokens[(m?.last ?? -1) + 1];
      if (
        named &&
        named.kind === null &&
        m &&
        m.first === k &&
        m.words.length >= 2 &&
        tokens[k - 1]?.text === ',' &&
        apposed &&
        apposed.kind === 'word' &&
        !apposed.cap &&
        isPersonNoun(apposed.fold, profile)
      )
        return { speaker: named.name, cluster: named, affiliation: null };
    }
    // "«…», — сказала.", "« … », a-t-elle dit": the verb or the inverted pronoun marks the subject's gender.
    const reference = genderOfReference(tokens[at.from]) ?? genderOfReference(tokens[at.from - 1]);
    const c = referent(registry, blocks, pos, last, reference, profile);
    return c ? { speaker: c.name, cluster: c, affiliation: null } : { ...none, rejected: true };
  }
  if (at.impersonal) {
    // "…“, heißt es in einer Mitteilung der Polizei": the author is the last person or body the place names
    // (the owner comes after the document); "…», se lee en el comunicado": else the body last named, nearby.
    let author: Cluster | null = null;
    for (let k = at.from; k < at.to; k++) {
      const c = clusterAt(registry, blockIndex, k);
      if (c && (c.kind === 'person' || c.kind === 'organization')) author = c;
    }
    if (at.plural && author?.kind !== 'organization') {
      // "у пресслужбі поліції": a noun for a body refers to the body of that kind the story named.
      author = null;
      for (let k = at.from; k < at.to && !author; k++) {
        const t = tokens[k];
        if (t?.kind === 'word' && !t.cap && (BODY_DESCRIPTORS.has(t.lower) || BODY_DESCRIPTORS.has(t.fold) || ORG_DESCRIPTORS.has(t.fold)))
          author = lastBodyBefore(registry, pos, '');
      }
      return author ? { speaker: author.name, cluster: author, affiliation: null } : { ...none, rejected: true };
    }
    // "Про це у Facebook повідомила журналістка X." / "«…», – йдеться в повідомленні.": the message is the one whose
    // sending the paragraph before reported, in a paragraph that opens with the quotation.
    if (!author && at.to > at.from && block.quotes[0]?.open === 0) {
      const handed = subjectAfterClosingVerb(registry, blocks, blockIndex - 1);
      if (handed) return { speaker: handed.name, cluster: handed, affiliation: null };
    }
    // "«…», — йдеться в заяві посольства США": Ukrainian writes a body's name in lowercase, so the place names a body
    // no entity stands for; its words are the speaker, the head noun in the nominative ("посольство США").
    if (!author && profile === 'cyrillic') {
      const body = lowercaseBodyIn(tokens, at.from, at.to);
      if (body) return { speaker: body, cluster: null, affiliation: null };
    }
    // "…“, hieß es in einer Mitteilung der Polizei": a noun for a body no entity stands for is the speaker as written.
    if (!author && profile !== 'cyrillic' && profile !== 'en') {
      const body = descriptorBodyIn(tokens, at.from, at.to);
      if (body) return { speaker: body, cluster: null, affiliation: null };
    }
    author ??= at.to > at.from ? lastBodyBefore(registry, pos, '') : null;
    return author ? { speaker: author.name, cluster: author, affiliation: null } : none;
  }
  if (words.length === 0) return { ...none, rejected: true };
  // "М.К.: «…»", "J.K.: "…"": an interview labels its speaker by initials, those of a person the story named.
  const initials = phrase.length <= 6 && phrase[0]?.dotted ? phrase.map((t) => t.text).join('') : '';
  if (initials && INITIALS.test(initials)) {
    const c = personByInitials(registry, initials.replace(/[.\s]/gu, ''), pos);
    if (c) return { speaker: c.name, cluster: c, affiliation: null };
  }
  const lead = words[0];
  // "— наводить слова Гвоздика видання Tribuna.com", "recordó las palabras de Martí": the one whose words they are spoke.
  if (lead && !lead.cap && WORDS_NOUNS.has(lead.fold)) {
    let k = indexOf(lead) + 1;
    if (GENITIVE_LINKS.has(tokens[k]?.lower ?? '')) k++;
    const c = clusterAt(registry, blockIndex, k);
    const word = tokens[k];
    if (word?.kind === 'word' && word.cap && c?.kind !== 'place') {
      // An inflected surname ("слова Гвоздика") is the person the story named in full ("Олександр Гвоздик").
      const surname = word.lower;
      const named = personBySurnameStem(registry, surname, c);
      const person = named ?? (c?.kind === 'person' && profile === 'cyrillic' ? fullerInflected(registry, c) : c);
      if (person?.kind === 'person') return { speaker: person.name, cluster: person, affiliation: null };
      if (!c || c.kind === null) return { speaker: word.text, cluster: null, affiliation: null };
    }
  }
  // "An article in Techli said", "un artículo de El País señala", "un éditorial du Monde affirme": a piece of writing in an
  // outlet (or a report of a body) speaks for the outlet or the body.
  const writing = lead && (INDEFINITE.has(lead.lower) || ARTICLES.has(lead.lower) || FOREIGN_ARTICLES.has(lead.lower)) ? words[1] : undefined;
  if (writing?.kind === 'word' && (!writing.cap || profile === 'de') && WRITING_NOUNS.has(writing.lower) && WRITING_LINKS.has(words[2]?.lower ?? '')) {
    let k = indexOf(words[2]!) + 1;
    while (k < at.to && (isArticle(tokens[k]) || FOREIGN_DEFINITE.has(tokens[k]?.lower ?? ''))) k++;
    const named = tokens[k];
    if (named?.kind === 'word' && named.cap) {
      const c = clusterAt(registry, blockIndex, k);
      if (c && c.kind !== 'place') return { speaker: c.name, cluster: c, affiliation: null };
      // A name the entities took for a place is the outlet too when only an outlet publishes such a piece ("an article in
      // the Daily Courier"); a report may come from a place or be about one ("a report in Kenya", "un informe de Argentina").
      if (!c || PUBLISHED_NOUNS.has(writing.lower)) {
        let e = k;
        while (e < at.to && tokens[e]?.kind === 'word' && (tokens[e]?.cap || NAME_CONNECTORS.has(tokens[e]?.lower ?? ''))) e++;
        while (e > k + 1 && !tokens[e - 1]?.cap) e--;
        return { speaker: c?.name ?? block.text.slice(named.start, tokens[e - 1]?.end ?? named.end), cluster: null, affiliation: null };
      }
    }
  }
  // "dijo su madre", "his lawyer said": a possessive and a noun for a person refer to the person the story introduced with that noun.
  const kin = words[1];
  if (words.length === 2 && lead && POSSESSIVE_DETERMINERS.has(lead.lower) && kin?.kind === 'word' && !kin.cap && isPersonNoun(kin.fold, profile)) {
    const c = personIntroducedAs(registry, blocks, pos, kin.fold);
    if (c) return { speaker: c.name, cluster: c, affiliation: null };
  }
  // "said his lawyer, Tom Lee", "dijo su abogado, Juan Pérez", "her deputy Tom Lee said": a possessive description with
  // the person named in it or in apposition after it; the person speaks.
  if (words.length > 2 && lead && POSSESSIVE_DETERMINERS.has(lead.lower) && kin?.kind === 'word' && !kin.cap) {
    for (let k = indexOf(kin) + 1; k < at.to; k++) {
      const c = clusterAt(registry, blockIndex, k);
      if (c?.kind === 'person') return { speaker: c.name, cluster: c, affiliation: null };
    }
  }
  // "— написала на своїй сторінці у Facebook співачка Джамала": after an inverted Ukrainian verb, a prepositional adjunct
  // may come first; the subject is the name that ends the clause, in the nominative, with a noun for a person before it or
  // a person's name.
  if (lead && !lead.cap && profile === 'cyrillic' && at.inverted && SPEAKER_PREPOSITIONS.cyrillic?.has(lead.lower)) {
    const named = nameEndingClause(registry, block, blockIndex, at, profile);
    if (named) return { speaker: named.name, cluster: named, affiliation: null };
  }
  // "Explica que hay personas que …, pues considera «…»": a sentence that opens with a verb of saying has its subject
  // unsaid, in the languages that drop it; the words after the verb are its object, never the speaker.
  if (lead?.initial && (profile === 'romance' || profile === 'cyrillic') && isSpeechVerb(lead.lower) && !clusterAt(registry, blockIndex, indexOf(lead))) {
    const c = referent(registry, blocks, pos, last, genderOfReference(lead), profile);
    return c ? { speaker: c.name, cluster: c, affiliation: null } : { ...none, rejected: true };
  }
  // "in a statement", "on Monday", "Bajo el título de …": a prepositional phrase names nobody, in any language; but
  // "В інтерв'ю CNN президент Володимир Зеленський сказав": a person's name ending the phrase, right before the verb,
  // is the subject after an adjunct.
  if (lead && (!lead.cap || lead.initial) && SPEAKER_PREPOSITIONS[profile]?.has(lead.lower)) {
    const ending = !at.inverted && profile === 'cyrillic' ? clusterAt(registry, blockIndex, at.to - 1) : null;
    const mention = registry.tokenMention[blockIndex]?.[at.to - 1];
    // Not a run that reads as a name in another case followed by more words ("з Володимиром Зеленським Байден").
    const words = ending?.name.split(' ') ?? [];
    const merged = words.length > 2 && cyrillicPersonNominative(words.slice(0, 2)) !== null;
    if (ending?.kind === 'person' && !merged && mention && mention.last === at.to && mention.first > at.from + 1)
      return { speaker: ending.name, cluster: ending, affiliation: null };
    return { ...none, rejected: true };
  }
  // A sentence-initial determiner still opens a description ("Many residents said", "His lawyer called it"); a conjunction
  // or adverb left alone names nobody.
  if (
    lead &&
    (!lead.cap || (lead.initial && FOREIGN_FUNCTION_WORDS.has(lead.lower))) &&
    isFunctionWord(lead) &&
    !PRONOUNS.has(lead.lower) &&
    !ARTICLES.has(lead.lower) &&
    !FOREIGN_ARTICLES.has(lead.lower) &&
    lead.lower !== 'one' &&
    lead.lower !== 'it'
  ) {
    return { ...none, rejected: true, grammar: FOREIGN_FUNCTION_WORDS.has(lead.lower) };
  }
  // ""…," it said": a body speaks of itself as "it".
  if (lead && lead.lower === 'it' && words.length === 1) {
    // "The ministry posted a photo …. It said they had collected "…"": the body the sentence before opens with, in the same
    // paragraph, is "it".
    const subject = bodyOpeningSentenceBefore(registry, block, blockIndex, at.from, pos);
    if (subject) return { speaker: subject.name, cluster: subject, affiliation: null };
    // The body that signed the quotation before, in this paragraph or the one before, goes on speaking.
    const since = (block.order - 1) * POSITION_STRIDE;
    const body = last.body && (last.bodyPos ?? -1) >= since ? last.body : lastBodyBefore(registry, pos, '');
    return body ? { speaker: body.name, cluster: body, affiliation: null } : { ...none, rejected: true };
  }
  // "the American said" after a quotation refers back to a person like a pronoun does.
  const anaphoric = words.length === 1 && !!lead && lead.cap && definite && isDemonym(lead.fold);
  if (lead && (((PRONOUNS.has(lead.lower) || FRENCH_INVERTED_PRONOUN.test(lead.lower)) && words.length <= 2) || anaphoric)) {
    // "she", "ella", "a-t-elle", and a Ukrainian verb before the pronoun ("сказала вона") mark gender.
    // German "sie" is "she" after a verb in the singular ("sagte sie"), "they" after a plural one ("sagten sie").
    const sie = lead.lower === 'sie' && at.inverted && /[^e]te$|[^n]t$/u.test(tokens[at.from - 1]?.lower ?? '') ? 'f' : null;
    const reference = genderOfReference(lead) ?? sie ?? (at.inverted ? genderOfReference(tokens[at.from - 1]) : null);
    // "He … attacks Marsh as "a clown"": a pronoun before the quotation refers to someone named before the
    // pronoun, not to a person its own clause names on the way to the quotation.
    const c = referent(registry, blocks, Math.min(pos, position(block, at.from + first)), last, reference, profile);
    return { speaker: c?.name ?? null, cluster: c, affiliation: null };
  }
  // "una de las entrevistadas identificada como Adela", "a resident named Omar": the name given is the speaker.
  for (let i = first; i + 1 < phrase.length; i++) {
    const t = phrase[i];
    if (!t || !NAMED_AS.has(t.lower)) continue;
    let j = i + 1;
    if (phrase[j]?.lower === 'como' || phrase[j]?.lower === 'comme' || phrase[j]?.lower === 'as') j++;
    const name = phrase[j];
    if (name?.cap && name.kind === 'word') {
      let e = j + 1;
      while (phrase[e]?.kind === 'word' && phrase[e]?.cap) e++;
      const c = clusterAt(registry, blockIndex, at.from + j);
      if (c?.kind === 'person') return { speaker: c.name, cluster: c, affiliation: null };
      return { speaker: block.text.slice(name.start, phrase[e - 1]?.end ?? name.end), cluster: null, affiliation: null };
    }
  }
  let person: Cluster | null = null;
  let org: Cluster | null = null;
  let affiliation: Cluster | null = null;
  // "la líder de las Damas de Blanco", "the wife of John Reed": a name a described speaker governs is not the speaker;
  // a name in apposition after a comma ("the minister, Ana Ruiz") is.
  // "Un joven que vive cerca del hospital de Centro Habana afirmó": an article opening the sentence is capitalised, and still opens a description.
  const described =
    !!words[0] &&
    words[0].kind === 'word' &&
    (!words[0].cap || (!!words[0].initial && (ARTICLES.has(words[0].lower) || FOREIGN_ARTICLES.has(words[0].lower)) && words[1]?.kind === 'word' && !words[1].cap)) &&
    !PRONOUNS.has(words[0].lower);
  let governed = false;
  /** The noun whose complement `governed` is ("ministro" in "el ministro de Salud …"). */
  let governor: Token | undefined;
  // People the description names as complements ("el hermano de Castillo"): the speaker is someone else.
  const complements = new Set<Cluster>();
  let unnamed: Cluster | null = null;
  for (let k = at.from; k < at.to; k++) {
    const t = tokens[k];
    if (t?.text === ',') governed = false;
    else if (described && t?.kind === 'word' && !t.cap && GENITIVE_LINKS.has(t.lower) && isHeadNoun(tokens[k - 1])) {
      // The first noun governing the rest ("la esposa del ministro de Salud …": "esposa", not "ministro").
      if (!governed) governor = tokens[k - 1];
      governed = true;
    }
    const c = clusterAt(registry, blockIndex, k);
    if (!c) continue;
    // "Lopez's deputy said": a possessor is not the speaker.
    const owner = registry.tokenMention[blockIndex]?.[k];
    // "France's secretary of state for co-operation Alain Joyandet": in English a name right after a title's last noun, when
    // that noun names no person ("the mother of opposition leader Ann Roe" is governed), is the title's holder.
    const prev = tokens[k - 1];
    if (
      governed &&
      profile === 'en' &&
      owner?.first === k &&
      prev?.kind === 'word' &&
      !prev.cap &&
      !GENITIVE_LINKS.has(prev.lower) &&
      !NAME_CONNECTORS.has(prev.lower) &&
      !isArticle(prev) &&
      !(lexFlags(prev.fold) & FUNCTION) &&
      !isPersonNoun(prev.fold, profile)
    )
      governed = false;
    // "el ministro de Salud Pedro Gómez", "la secretaria de Estado Hillary Clinton": in the Romance languages a name right
    // after the capitalised portfolio or body a title governs is the title's holder ("la madre del opositor Juan Pérez",
    // after a lowercase noun, and "el hermano de Castillo", right after "de", stay governed).
    if (
      governed &&
      profile === 'romance' &&
      c.kind === 'person' &&
      owner?.first === k &&
      !!governor &&
      isRoleNoun(governor.fold) &&
      prev?.kind === 'word' &&
      prev.cap &&
      !prev.initial &&
      !GENITIVE_LINKS.has(prev.lower) &&
      clusterAt(registry, blockIndex, k - 1) !== c
    )
      governed = false;
    const possessor = !!owner && !!tokens[owner.last - 1]?.poss && owner.last < at.to;
    // The subject comes first: "A B, director of C" is A B.
    if (c.kind === 'person' && governed) complements.add(c);
    // "— сказав Майк Квіґлі": a name of two or three words the entities could not classify, standing first in the
    // phrase, is the speaker when nothing else is.
    if (c.kind === null && owner?.first === first + at.from && owner.words.length >= 2 && owner.words.length <= 3 && !possessor) unnamed ??= c;
    // "VOA Executive Editor and Acting Director Steve Redisch said": a "person" that is only a title names nobody; the
    // name after it does.
    if (c.kind === 'person' && !possessor && !governed && !titleOnly(c)) person ??= c;
    else if (!org && c.kind === 'organization') org = c;
    const m = registry.tokenMention[blockIndex]?.[k];
    if (!affiliation && c.kind !== 'person' && c.kind !== 'place' && m?.first === k && AFFILIATION.has(tokens[k - 1]?.lower ?? '')) affiliation = c;
  }
  // "Norma Pérez, madre de la influencer Ana Ruiz, denunció que …": a description set off by commas after a name that opens
  // the sentence is that person's apposition, whatever it names.
  if (!at.inverted && described && tokens[at.from - 1]?.text === ',' && (tokens[at.to]?.text === ',' || tokens[at.to - 1]?.text === ',')) {
    const m = registry.tokenMention[blockIndex]?.[at.from - 2];
    const c = clusterAt(registry, blockIndex, at.from - 2);
    const sentenceStart = m ? (sentenceIndexOf(block).lastEnd[m.first - 1] ?? -1) + 1 : 0;
    // "Por su parte, Dunia Medina, residente en …, relató": a short opener set off by a comma, naming nobody, may come first.
    const opener =
      !!m &&
      m.first - 1 > sentenceStart &&
      m.first - 1 - sentenceStart <= SENTENCE_OPENER_WORDS &&
      tokens[m.first - 1]?.text === ',' &&
      tokens.slice(sentenceStart + 1, m.first - 1).every((t) => t.kind === 'word' && !t.cap) &&
      !clusterAt(registry, blockIndex, sentenceStart);
    const opensSentence = !!m && (m.first === sentenceStart || opener);
    // A name the entities left unclassified is a person's when the description is one of a person ("hermana de …").
    const personal = c?.kind === 'person' || (!!c && c.kind === null && !!words[0] && isPersonNoun(words[0].fold, profile));
    if (c && personal && m && m.last === at.from - 1 && opensSentence) return { speaker: c.name, cluster: c, affiliation: null };
  }
  if (person) return { speaker: person.name, cluster: person, affiliation: null };
  // "compartió celda con Julio Rentería, y recordó la charla con el dirigente del sindicato quien le aseguró": a definite
  // description a relative clause hangs on takes up the person just named as a complement in the same sentence.
  if (at.relative && definite) {
    const c = complementBefore(registry, block, blockIndex, at.from);
    if (c && compatible(genderOf(c, blocks, profile), genderOfArticle(phrase[articleAt]))) return { speaker: c.name, cluster: c, affiliation: null };
  }
  if (unnamed && !org) return { speaker: unnamed.name, cluster: unnamed, affiliation: null };
  for (const t of words) {
    const body = bodyOfStaffCompound(registry, t);
    if (body) return { speaker: body.name, cluster: body, affiliation: null };
  }
  let head = -1;
  for (let i = phrase.length - 1; i >= first; i--) {
    const t = phrase[i];
    // A lowercase role noun, or a capitalised title standing alone ("the President said").
    if (
      t &&
      t.kind === 'word' &&
      ((!t.cap && (isRoleNoun(t.fold) || isStaffNoun(t.fold))) || (t.cap && TITLE_WORDS.has(t.fold) && !clusterAt(registry, blockIndex, at.from + i)))
    ) {
      head = i;
      break;
    }
  }
  const headTok = head >= 0 ? phrase[head] : undefined;
  // "La portavoz del Departamento de Estado reiteró …" after "la portavoz del Departamento de Estado, Jen Psaki": a definite
  // staff noun refers back to the person introduced with it, named in this paragraph or the one before.
  if (definite && headTok && isStaffNoun(headTok.fold)) {
    const since = (block.order - 1) * POSITION_STRIDE;
    const c = referent(registry, blocks, pos, last);
    const near = !!c && (c.mentions.some((m) => m.pos >= since && m.pos < pos) || (last.speaker === c && last.pos >= since));
    if (c && near && introducedAs(blocks, c, headTok.fold)) return { speaker: c.name, cluster: c, affiliation: null };
  }
  // ""…," the spokesperson said" after "An official spokesperson for WikiLeaks …": the body the staff noun was introduced with.
  if (definite && !org && !affiliation && headTok && words.length === 1 && isStaffNoun(headTok.fold)) {
    const body = bodyIntroducedWith(registry, blocks, blockIndex, at.from, headTok.fold);
    if (body) return { speaker: body.name, cluster: body, affiliation: null };
  }
  // "a Kremlin spokesman", "an NNPC official": an unnamed member of staff speaks for the body.
  if (org && headTok && isStaffNoun(headTok.fold)) return { speaker: org.name, cluster: org, affiliation: null };
  // "a spokeswoman for Interpol": the same, with the body after "for"/"of"/"at".
  if (affiliation && headTok && isStaffNoun(headTok.fold)) return { speaker: affiliation.name, cluster: affiliation, affiliation: null };
  // "ein Sprecher der Nordbahn", "a spokeswoman for Harbour Lines": the body is named after the staff noun even when nothing else names it.
  if (headTok && isStaffNoun(headTok.fold)) {
    // "el vocero de la empresa", "a spokesman for the company", "ein Sprecher des Ministeriums": the body the story named.
    // "a company spokesperson", "a ministry official": the noun for the body may come before the staff noun.
    const modifier = phrase[head - 1];
    const before = modifier?.kind === 'word' && !modifier.cap && (ORG_DESCRIPTORS.has(modifier.fold) || BODY_DESCRIPTORS.has(modifier.fold)) ? modifier.fold : null;
    const described = describedBodyAfter(phrase, head + 1) ?? before;
    const named = described ? (lastBodyBefore(registry, pos, described) ?? lastBodyBefore(registry, pos, '')) : null;
    if (named) return { speaker: named.name, cluster: named, affiliation: null };
    const body = described ? null : namedAfter(phrase, head + 1);
    if (body) return { speaker: block.text.slice(body.start, body.end), cluster: null, affiliation: null };
    // "Officials at the State Department declined to comment, but a spokesperson said …": a staff noun alone speaks for
    // the body its own sentence named before it.
    if (!described && words.filter((w) => !INDEFINITE.has(w.lower)).length === 1) {
      const sentenceBody = bodyEarlierInSentence(registry, block, blockIndex, at.from);
      if (sentenceBody) return { speaker: sentenceBody.name, cluster: sentenceBody, affiliation: null };
    }
  }
  if (head >= 0) {
    const c = personByRole(registry, phrase.slice(first), head - first, pos);
    if (c) return { speaker: c.name, cluster: c, affiliation: null };
  }
  // "…», dijo el coordinador general de la Unión Patriótica", "…», manifiesta el periodista independiente": a definite
  // description headed by a person noun after the verb refers back to the person just named, when that person was
  // named in this paragraph or the one before and the article's gender agrees.
  const referBack = (): Speaker | null => {
    const roleHead = words[0];
    // "prometió el mandatario estadounidense", "apuntó el diplomático venezolano": after an inverted verb of saying, a
    // definite noun with only adjectives after it describes a person just as a role noun does.
    const adjectival =
      !!at.inverted && words.length <= 3 && words.slice(1).every((t) => t.kind === 'word' && !t.cap && !(lexFlags(t.fold) & FUNCTION) && !ROMANCE_PREPOSITIONS.has(t.lower));
    // Ukrainian has no articles: "— підсумував голова громади" reads like "the head of the community".
    const bareRole = !!at.inverted && profile === 'cyrillic';
    if (
      (at.inverted || at.refersBack) &&
      (definite || bareRole) &&
      words.length > 1 &&
      roleHead &&
      !roleHead.cap &&
      (isPersonNoun(roleHead.fold, profile) || adjectival) &&
      !QUOTED_DOCUMENTS.has(roleHead.fold) &&
      !isStaffNoun(roleHead.fold) &&
      !isOrgHead(roleHead.fold) &&
      !ORG_DESCRIPTORS.has(roleHead.fold) &&
      !roleHead.fold.endsWith('s') &&
      !clusterAt(registry, blockIndex, indexOf(roleHead))
    ) {
      // "dijo la esposa del afectado" after a man was named: the article's gender rules him out.
      const c =
        lastSpeakingPerson(registry, blocks, pos, (block.order - 1) * POSITION_STRIDE) ??
        referent(registry, blocks, pos, last, profile === 'romance' ? genderOfArticle(phrase[articleAt]) : null, profile);
      // Named in this paragraph or the one before, or the one who spoke last with no one named since.
      const nearby = c?.mentions.some((m) => m.pos >= (block.order - 1) * POSITION_STRIDE && m.pos < pos) || (!!c && at.inverted === true && c === last.speaker);
      const articleGender = genderOfArticle(phrase[articleAt]) ?? (bareRole ? genderOfReference(tokens[at.from - 1]) : null);
      if (c && nearby && !complements.has(c) && compatible(genderOf(c, blocks, profile), articleGender)) return { speaker: c.name, cluster: c, affiliation: null };
    }
    return null;
  };
  // "— розповіла перша леді США", "— наголосив очільник відомства": Ukrainian has no articles, and after an inverted verb
  // of saying a lowercase description that names no person refers back to the person named last, in this paragraph or
  // the one before, whose gender the verb's ending does not contradict, when one of its words names a person by what
  // they do or introduced that person ("Перші леді … Джилл Байден").
  if (profile === 'cyrillic' && at.inverted && !complements.size) {
    const c = describedPerson(registry, blocks, block, words, genderOfReference(tokens[at.from - 1]), pos, last);
    if (c) return { speaker: c.name, cluster: c, affiliation: null };
  }
  if (org && head < 0 && !affiliation) return referBack() ?? { speaker: org.name, cluster: org, affiliation: null };
  // "the letter said", "the bill reads": wording quoted from a document has no speaker.
  const noun = words[words.length - 1];
  // ""…," the statement said", "«…», señala el comunicado": a statement the story mentioned is its author's; who that is,
  // the quotations before tell (see findQuotes).
  if ((definite || (profile === 'cyrillic' && at.inverted)) && noun && !noun.cap && words.length <= 2 && STATEMENT_NOUNS.has(noun.fold)) return { ...none, statement: true };
  if (noun && !noun.cap && words.length <= 3 && QUOTED_DOCUMENTS.has(noun.fold)) return none;
  // "The website of the campaign says", "en su página de Facebook se lee": wording read on a page no named body signs has no speaker.
  if (words[0] && !words[0].cap && WEB_PAGES.has(words[0].fold) && !org) return none;
  // "…», afirmó la ONG con sede en Madrid", "— заявили в організації": a definite description headed by a noun for a
  // body refers to the body named in this paragraph or the one before.
  const bodyHead = words[0];
  if (
    (definite || at.inverted) &&
    bodyHead &&
    words.length <= 4 &&
    (BODY_DESCRIPTORS.has(bodyHead.fold) || ORG_DESCRIPTORS.has(bodyHead.fold) || EXTRA_BODY_NOUNS.has(bodyHead.fold))
  ) {
    const since = (block.order - 1) * POSITION_STRIDE;
    const body = lastBodyBefore(registry, pos, bodyHead.fold) ?? lastBodyBefore(registry, pos, '');
    if (body?.mentions.some((m) => m.pos >= since && m.pos < pos)) return { speaker: body.name, cluster: body, affiliation: null };
  }
  // "the bank said", "the ministry said": a body the story has named.
  if (definite && noun && !noun.cap && words.length <= 3 && (isOrgHead(noun.fold) || ORG_DESCRIPTORS.has(noun.fold))) {
    const body = lastBodyBefore(registry, pos, noun.fold) ?? (ORG_DESCRIPTORS.has(noun.fold) ? lastBodyBefore(registry, pos, '') : null);
    if (body) return { speaker: body.name, cluster: body, affiliation: null };
  }
  // ""…," the 54-year-old said", "…“, sagte der 54-Jährige": an age for a noun refers back to a person just named.
  if ((definite || CYRILLIC_WORD.test(noun?.text.replace(/^\d+-/u, '') ?? '')) && words.length === 1 && noun && AGE_NOUN.test(noun.lower)) {
    const c = referent(registry, blocks, pos, last);
    const since = (block.order - 1) * POSITION_STRIDE;
    if (c && (c.mentions.some((m) => m.pos >= since && m.pos < pos) || (last.speaker === c && last.pos >= since))) return { speaker: c.name, cluster: c, affiliation: null };
  }
  // "„…“, so die Sprecherin", after "Die Sprecherin des Ministeriums, Anna Roth, …": a staff noun refers back to the
  // person just named, when that person was introduced with it.
  if (definite && words.length === 1 && noun?.kind === 'word' && isStaffNoun(noun.fold)) {
    const c = referent(registry, blocks, pos, last);
    const since = (block.order - 1) * POSITION_STRIDE;
    if (c?.mentions.some((m) => m.pos >= since && m.pos < pos) && introducedAs(blocks, c, noun.fold)) return { speaker: c.name, cluster: c, affiliation: null };
  }
  // "Жінка розповідає: «…»": a Ukrainian noun for a person opening the sentence refers back like a definite one.
  // "Американський посол наголошує: «…»": an adjective before the noun changes nothing.
  const adjective = words.length === 2 ? words[0] : undefined;
  const openingNoun =
    words.length === 1
      ? !!noun?.initial
      : !!adjective && adjective.initial && CYRILLIC_ADJECTIVE.test(adjective.lower) && !clusterAt(registry, blockIndex, indexOf(adjective)) && !noun?.cap;
  if (profile === 'cyrillic' && !at.inverted && words.length <= 2 && noun?.kind === 'word' && openingNoun && !clusterAt(registry, blockIndex, at.to - 1)) {
    const gender = roleGender(noun.fold, profile);
    if (gender || isRoleNoun(noun.fold)) {
      const c = referent(registry, blocks, pos, last, gender, profile);
      const since = (block.order - 1) * POSITION_STRIDE;
      if (c && compatible(genderOf(c, blocks, profile), gender) && (c.mentions.some((m) => m.pos >= since && m.pos < pos) || (last.speaker === c && last.pos >= since)))
        return { speaker: c.name, cluster: c, affiliation: null };
    }
  }
  // "…», afirmó el regidor", ""…," said the official": a definite singular noun after the verb that no role matched refers
  // back, like a pronoun, to the person last spoken of, when that person was introduced with a role or named
  // in this paragraph or the one before. Before the verb ("El ministro, que llegó tarde, dijo:") the person
  // must have been introduced with that very noun ("El ministro del Interior, Fernando Grande").
  // Ukrainian has no articles: "— каже жінка" after the quotation reads like "said the woman".
  const bareCyrillic = !!at.inverted && !!noun && !noun.cap && CYRILLIC_WORD.test(noun.text) && !/[иіы]$/u.test(noun.lower);
  if (
    (definite || bareCyrillic) &&
    words.length === 1 &&
    noun &&
    noun.kind === 'word' &&
    // German capitalises the noun ("sagte der SPD-Politiker"); elsewhere a capital marks a name.
    (!noun.cap || GERMAN_DEFINITE.has(phrase[articleAt]?.lower ?? '')) &&
    !clusterAt(registry, blockIndex, at.to - 1) &&
    !FOREIGN_ORG_FIRST.has(noun.fold) &&
    // "sagten die Experten": German plurals in "-en" after "die" are several people.
    !(phrase[articleAt]?.lower === 'die' && noun.fold.endsWith('en')) &&
    !noun.fold.endsWith('s') &&
    !isOrgHead(noun.fold) &&
    !ORG_DESCRIPTORS.has(noun.fold) &&
    !QUOTED_DOCUMENTS.has(noun.fold) &&
    !STAFF_NOUNS.has(noun.fold) &&
    !(lexFlags(noun.fold) & FUNCTION)
  ) {
    // "contó el joven" after a mother and her son: the article's gender picks the nearest person who agrees.
    // Before the verb, only someone named before the noun ("The analyst – named by Ann Roe – said": not Ann Roe).
    const upTo = at.inverted ? pos : Math.min(pos, position(block, at.from));
    // "— сказав конгресмен": a Ukrainian verb's ending marks the gender as the article does.
    const marked = profile === 'romance' ? genderOfArticle(phrase[articleAt]) : bareCyrillic ? genderOfReference(tokens[at.from - 1]) : null;
    const found = referent(registry, blocks, upTo, last, marked, profile);
    const c = found && compatible(genderOf(found, blocks, profile), marked) ? found : null;
    const since = (block.order - 1) * POSITION_STRIDE;
    // Named, or last heard, in this paragraph or the one before.
    const nearby = !!c && (c.mentions.some((m) => m.pos >= since && m.pos < upTo) || (last.speaker === c && last.pos >= since));
    // Or introduced with this very noun ("El opositor José Ferrer …", then "afirmó el opositor").
    // Or the one who spoke last, with no one named since ("…», dijo la denunciante" paragraphs after her first quotation).
    const recent = nearby || c?.mentions.some((m) => m.role !== null) || (!!c && introducedAs(blocks, c, noun.fold)) || (!!c && at.inverted === true && c === last.speaker);
    // "En declaraciones a la prensa, el opositor aseguró que …": before the verb, a noun that names a person by what
    // they do refers back too, to someone just named whose gender the article does not contradict.
    const described = nearby && isPersonNoun(noun.fold, profile) && !!c && compatible(genderOf(c, blocks, profile), genderOfArticle(phrase[articleAt]));
    if (c && (at.inverted || at.refersBack ? recent : introducedAs(blocks, c, noun.fold) || described)) return { speaker: c.name, cluster: c, affiliation: null };
  }
  // "El expreso político aseguró que …", "the former minister said": a definite noun for a person with only adjectives
  // beside it refers back as the bare noun does, to someone named in this paragraph or the one before whose gender the
  // article does not contradict.
  const personHead = profile === 'romance' ? words[0] : profile === 'en' ? words[words.length - 1] : undefined;
  if (
    definite &&
    !at.inverted &&
    personHead &&
    !personHead.cap &&
    words.length >= 2 &&
    words.length <= 3 &&
    isPersonNoun(personHead.fold, profile) &&
    !isStaffNoun(personHead.fold) &&
    !personHead.fold.endsWith('s') &&
    words.every((t) => t.kind === 'word' && !t.cap && !isFunctionWord(t) && !ROMANCE_PREPOSITIONS.has(t.lower)) &&
    !clusterAt(registry, blockIndex, at.to - 1)
  ) {
    const since = (block.order - 1) * POSITION_STRIDE;
    const c = lastSpeakingPerson(registry, blocks, pos, since) ?? referent(registry, blocks, pos, last);
    const nearby = !!c && (c.mentions.some((m) => m.pos >= since && m.pos < pos) || (last.speaker === c && last.pos >= since));
    if (c && nearby && compatible(genderOf(c, blocks, profile), genderOfArticle(phrase[articleAt]))) return { speaker: c.name, cluster: c, affiliation: null };
  }
  // As the bare noun does.
  const back = referBack();
  if (back) return back;
  if (words.length > MAX_SPEAKER_WORDS) return none;
  // An unnamed speaker is the descriptive phrase as the text writes it, article included ("le gérant du café").
  // "la organización Cuba Libre", "the group Open Streets": a name in apposition to a common noun is the speaker.
  let nameStart = words.length;
  while (nameStart > 0 && (words[nameStart - 1]?.cap || (nameStart < words.length && NAME_CONNECTORS.has(words[nameStart - 1]?.lower ?? '')))) nameStart--;
  while (nameStart < words.length && !words[nameStart]?.cap) nameStart++;
  const classifier = words[nameStart - 1];
  const named = words[nameStart];
  if (
    named &&
    classifier &&
    !classifier.cap &&
    !isLinkWord(classifier) &&
    !SPEAKER_PREPOSITIONS[profile]?.has(classifier.lower) &&
    !(lexFlags(classifier.fold) & FUNCTION) &&
    words.length - nameStart <= MAX_NAME_WORDS &&
    // "la madre del preso político Luis Pérez": a name the description governs is not in apposition to it.
    !(isPersonNoun(words[0]?.fold ?? '', profile) && complements.has(clusterAt(registry, blockIndex, indexOf(named)) as Cluster))
  ) {
    const end = words[words.length - 1];
    if (end)
      return plausibleSpeaker(registry, block, blockIndex, indexOf(named), indexOf(end) + 1)
        ? { speaker: block.text.slice(named.start, end.end), cluster: null, affiliation }
        : none;
  }
  // "el Departamento de Estado" is a name with its article: the name alone is the speaker.
  const properName = profile !== 'de' && words[0]?.cap === true && words.every((t) => t.cap || NAME_CONNECTORS.has(t.lower));
  const startTok = phrase[definite && !at.lead && !properName ? articleAt : first];
  const endTok = phrase[phrase.length - 1];
  if (!startTok || !endTok) return none;
  const text = withoutTrailing(block.text.slice(startTok.start, endTok.end), TRAILING_PUNCTUATION_OR_SPACE);
  if (!plausibleSpeaker(registry, block, blockIndex, indexOf(startTok), indexOf(endTok) + 1)) return none;
  return { speaker: text || null, cluster: null, affiliation };
}

/**
 * Whether the words of a speaker phrase no entity resolved can name a speaker as the text writes it: not only
 * grammar ("коли", "cuando"), not a lone verb or "-ly" adverb, not a piece of a longer name ("United" of "United
 * States …"), and not a place.
 */
const plausibleSpeaker = (registry: Registry, block: Block, blockIndex: number, from: number, to: number): boolean => {
  const { tokens } = block;
  if (from < 0 || to <= from) return false;
  const words = tokens.slice(from, to).filter((t) => t.kind === 'word');
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return false;
  // "las cosas son mucho peores", "El arresto ocurrió al calor de", "the minister released a statement": a phrase that
  // holds a finite verb or opens a clause is a piece of a sentence, not a description of someone.
  if (holdsClause(tokens, from, to)) return false;
  if (words.every((t) => (!t.cap || t.initial) && isFunctionWord(t))) return false;
  if (words.length === 1 && !first.cap && (isSpeechVerb(first.lower) || /\p{L}{3}ly$/u.test(first.lower))) return false;
  // "According to the statement, …": a document alone is where words stand, not who said them.
  if (words.length === 1 && !first.cap && (QUOTED_DOCUMENTS.has(first.fold) || STATEMENT_NOUNS.has(first.fold) || WEB_PAGES.has(first.fold))) return false;
  // A capitalised word right after the phrase, or right before it inside a sentence, continues the name it cuts.
  const next = tokens[to];
  const previous = tokens[from - 1];
  if (last.cap && next?.kind === 'word' && next.cap && next.quote === last.quote) return false;
  if (first.cap && previous?.kind === 'word' && previous.cap && !previous.initial && previous.quote === first.quote) return false;
  // Every word in a place's name: a place does not speak.
  let inPlace = true;
  for (let k = from; k < to && inPlace; k++) if (tokens[k]?.kind === 'word') inPlace = clusterAt(registry, blockIndex, k)?.kind === 'place';
  return !inPlace;
};

/** Finite forms of "be" (and German "haben") that no description of a person holds: a phrase with one is a clause. */
const COPULAS = new Set('is are was were es son está están estaba estaban fue fueron era eran sea est sont était étaient ist sind war waren є був була були'.split(' '));

/** Words that make a following complementizer a conjunction ("lo que", "para que", "sin que", "so that"). */
const CLAUSE_OPENERS = new Set(['lo', 'para', 'por', 'sin', 'aunque', 'so', 'such', 'pour', 'sans', 'bien', 'damit', 'so', 'щоб', 'тому']);

/** A Spanish preterite in the third person singular ("ocurrió", "contrató", "dijo" aside): the lowercase words ending in a stressed "ó". */
const SPANISH_PRETERITE = /\p{L}{3}(?:ó|ió)$/u;

/** An English past tense followed by an article starts a predicate with its object ("released a statement"). */
const ENGLISH_PAST = /\p{L}{3}ed$/u;

/**
 * Words that open an object after an English past tense as an article does: a possessive, a demonstrative, a quantifier
 * or a number ("killed eight people", "lost their homes", "destroyed 300 houses"). An adjective in "-ed" before a noun
 * ("the injured woman") is followed by the noun, not by one of these.
 */
const OBJECT_OPENERS = new Set(
  'a an the his her their its our my your this these those some many several most all no one two three four five six seven eight nine ten dozens hundreds thousands'.split(' '),
);

/**
 * Whether the words from `from` to `to` hold a clause: a complementizer or relative ("que", "that", "lo que"), a finite
 * form of "be", a Spanish preterite, an English past tense with an article after it, or a verb of saying after the first
 * word. A speaker's description is a noun phrase; a clause in its place is the rest of a sentence the rules misread.
 */
const holdsClause = (tokens: Token[], from: number, to: number): boolean => {
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t?.kind !== 'word' || t.cap) continue;
    if (COPULAS.has(t.lower)) return true;
    // "por lo que", "para que", "so that": a conjunction ending in a complementizer; a relative after a noun ("las
    // respuestas que le postearon") may still describe a speaker.
    if (COMPLEMENTIZERS.has(t.lower) && CLAUSE_OPENERS.has(tokens[k - 1]?.lower ?? '')) return true;
    if (SPANISH_PRETERITE.test(t.lower) && !(lexFlags(t.fold) & FUNCTION)) return true;
    if (k > from && isSpeechVerb(t.lower)) return true;
    const next = tokens[k + 1];
    if (ENGLISH_PAST.test(t.lower) && k + 1 < to && next && ((next.kind === 'word' && !next.cap && OBJECT_OPENERS.has(next.lower)) || /^\d/u.test(next.text))) return true;
  }
  return false;
};

/** Words that make the name after them a complement of a noun ("la esposa de", "the son of", "die Tochter von"). */
const GENITIVE_LINKS = new Set(['de', 'del', 'of', 'von', 'vom', 'des', 'du', 'd’', "d'"]);

/** Whether a token is a lowercase word that can head a noun phrase (not an article, a particle or a function word). */
const isHeadNoun = (t: Token | undefined): boolean => t?.kind === 'word' && !t.cap && !NAME_CONNECTORS.has(t.lower) && !(lexFlags(t.fold) & FUNCTION);

/** An age used as a noun ("the 54-year-old", "der 54-Jährige", "54-річна"), which refers back to a person just named. */
const AGE_NOUN = /^\d+-(?:year-old|jährige[rn]?|річн\p{L}+|летн\p{L}+)$/u;

/** Prepositions of Spanish, French, German and Ukrainian that open a phrase which cannot be a speaker (English ones are function words in the lexicon). */
const SPEAKER_PREPOSITIONS: Partial<Record<Profile, ReadonlySet<string>>> = {
  romance: new Set(
    'ante bajo contra desde durante en entre hacia hasta mediante para por sin sobre tras à après avant chez contre dans depuis derrière dès devant durant envers malgré parmi pendant pour sans sous sur vers'.split(
      ' ',
    ),
  ),
  de: new Set('auf aus bei beim durch gegen gegenüber hinter im am in mit nach neben ohne seit um unter vom vor während wegen zum zur zwischen für über laut'.split(' ')),
  cyrillic: new Set('в у на з із зі до від для під над через після перед біля без про при'.split(' ')),
};

/** Words after a speaker's name that start an adjunct, not more of the name ("dijo Gómez el lunes", "erklärte Weber am Montag", "a déclaré Durand dimanche"). */
const AFTER_NAME_STOPS: Partial<Record<Profile, ReadonlySet<string>>> = {
  romance: new Set([
    ...(SPEAKER_PREPOSITIONS.romance ?? []),
    ...'el la los las un una le les une ce cette cet este esta estos estas ese esa aquel hoy ayer anoche lunes martes miércoles jueves viernes sábado domingo hier lundi mardi mercredi jeudi vendredi samedi dimanche'.split(
      ' ',
    ),
  ]),
  // German nouns are capitalised, so an article after one ("der Sprecher der Polizei") does not end the phrase (but "dem",
  // see attributionAfter).
  de: new Set([...(SPEAKER_PREPOSITIONS.de ?? []), 'gegenüber', 'heute', 'gestern']),
  cyrillic: SPEAKER_PREPOSITIONS.cyrillic,
};

/** The most words of a name in apposition to a described speaker. */
const MAX_NAME_WORDS = 5;

/** Prepositions of Spanish and French. */
const ROMANCE_PREPOSITIONS: ReadonlySet<string> = SPEAKER_PREPOSITIONS.romance ?? new Set();

/** How far after an inverted verb an adjunct may push its subject ("afirmó a través de un comunicado la organización"). */
const ADJUNCT_REACH = 9;

/** Whether a word only links a phrase (a preposition, an article, a name particle), so that an article after it is still inside the adjunct. */
const isLinkWord = (t: Token | undefined): boolean =>
  t?.kind !== 'word' ||
  // A capital inside the sentence marks a name ("Radio Sur"), not a preposition.
  (!(t.cap && !t.initial) && (ROMANCE_PREPOSITIONS.has(t.lower) || DATIVE.has(t.lower) || FOREIGN_ARTICLES.has(t.lower) || NAME_CONNECTORS.has(t.lower)));

/** Adverbs inside a described speaker that do not change who it is ("el también periodista", "l'ancien aussi ministre"). */
const SPEAKER_ADVERBS = new Set(['también', 'además', 'aussi', 'auch', 'ebenfalls', 'також', 'теж', 'also']);

/** Staff nouns of Spanish and French beside the shared list ("fuentes del Departamento", "un vocero de la policía"). */
const ROMANCE_STAFF = new Set(['fuente', 'fuentes', 'vocero', 'vocera', 'voceros', 'portavoces', 'source', 'sources', 'porte-paroles']);

/** Whether a word names staff speaking for a body. */
const isStaffNoun = (fold: string): boolean => STAFF_NOUNS.has(fold) || ROMANCE_STAFF.has(fold);

/** Prepositions of an absolute construction naming a speaker ("with a senior official saying"). */
const ABSOLUTE_WITH = new Set(['with', 'con', 'avec', 'mit']);

/** German definite articles in the nominative, before a described speaker ("der Minister", "die Sprecherin"). */
const GERMAN_DEFINITE = new Set(['der', 'die']);

/** Whether a person was introduced with a noun ("el ministro del Interior, Fernando Grande"): the noun stands within a few words before one of the person's mentions. */
const introducedAs = (blocks: readonly Block[], c: Cluster, fold: string): boolean =>
  c.mentions.some((m) => {
    const tokens = blocks[m.block]?.tokens;
    if (!tokens) return false;
    for (let k = m.first - 1; k >= 0 && k >= m.first - 6; k--) if (tokens[k]?.fold === fold) return true;
    return nounIntroducesName(tokens, m.first, fold);
  });

/** How many words a noun may stand before the name it introduces, its complements between ("la portavoz en español del Departamento de Estado, Ana Ruiz"). */
const INTRODUCING_NOUN_REACH = 16;

/**
 * Whether the noun `fold` heads a description whose complements run up to the name at token `first`, with no clause between:
 * only words and the comma of the apposition right before the name ("the spokeswoman for the State Department's
 * Western Hemisphere office, Ana Ruiz"); a verb of saying, a complementizer or a relative pronoun ends the search.
 */
const nounIntroducesName = (tokens: Token[], first: number, fold: string): boolean => {
  for (let k = first - 1; k >= 0 && k >= first - INTRODUCING_NOUN_REACH; k--) {
    const t = tokens[k];
    if (!t || t.quote >= 0) return false;
    if (t.kind === 'punct' && !(t.text === ',' && k === first - 1)) return false;
    if (t.kind === 'word' && (COMPLEMENTIZERS.has(t.lower) || PERSON_RELATIVE.has(t.lower) || RELATIVE.has(t.lower) || isSpeechVerb(t.lower))) return false;
    if (t.fold === fold) return true;
  }
  return false;
};

/**
 * The person or body that speaks in the sentence before the one holding the quotation that opens at token `first`, in the
 * same paragraph: the subject of its verb of saying, after the verb ("…, dijeron hoy Amnistía Internacional") or before it.
 */
const sentenceBeforeSpeaker = (
  registry: Registry,
  blocks: readonly Block[],
  block: Block,
  blockIndex: number,
  first: number,
  last: Antecedent,
  profile: Profile,
  hasPerson: (from: number, to: number) => boolean,
  personAt: (k: number) => [number, number] | null,
  hasBody: (from: number, to: number) => boolean,
): Cluster | null => {
  const { tokens } = block;
  const index = sentenceIndexOf(block);
  const end = first >= 2 ? (index.lastEnd[first - 2] ?? -1) : -1;
  if (end <= 0 || (tokens[end]?.quote ?? 0) >= 0) return null;
  const cue = index.lastCue[end - 1] ?? -1;
  if (cue < 0 || cue <= (index.lastEnd[end - 1] ?? -1) || !isSpeechVerb(tokens[cue]?.lower ?? '')) return null;
  const speaking = (c: Cluster | null): Cluster | null => (c && (c.kind === 'person' || c.kind === 'organization') ? c : null);
  if (tokens[cue - 1]?.text === ',' && cue + 1 < end && end - cue <= MAX_SPEAKER_WORDS) {
    const after = resolveSpeaker(registry, blocks, block, blockIndex, { from: cue + 1, to: end, inverted: true }, position(block, cue), last, profile);
    return after.rejected ? null : speaking(after.cluster);
  }
  const at = attributionBefore(block, end + 1, hasPerson, personAt, profile, hasBody);
  if (!at?.verb || at.naming) return null;
  // "Según explicó, X inició …": a verb without a subject refers back from where it stands.
  const before = resolveSpeaker(registry, blocks, block, blockIndex, at, position(block, at.from), last, profile);
  // "Además, cree que … «…»", "Потім додала, що …": in a language that drops the subject, a verb of saying whose subject
  // place holds only an adverb or an adjunct has the one last spoken of as subject.
  if (before.rejected && !at.zero && !at.lead && (profile === 'romance' || profile === 'cyrillic') && cue >= at.to) {
    const dropped = resolveSpeaker(registry, blocks, block, blockIndex, { from: cue, to: cue + 1, zero: true }, position(block, cue), last, profile);
    return dropped.rejected ? null : speaking(dropped.cluster);
  }
  return before.rejected ? null : speaking(before.cluster);
};

/** The most words of a Ukrainian description that refers back to a person ("перша леді США", "голова обласної адміністрації"). */
const DESCRIPTION_WORDS = 4;

/**
 * The person a Ukrainian description after an inverted verb of saying refers to ("— розповіла перша леді США"): the
 * person named last before `pos`, in this paragraph or the one before, whose gender agrees with the verb's, when a word of
 * the description names a person or introduced that person. Null for a description of a body or a document, or when the
 * verb marks no gender.
 */
const describedPerson = (registry: Registry, blocks: readonly Block[], block: Block, words: Token[], gender: Gender, pos: number, last: Antecedent): Cluster | null => {
  const head = words[0];
  if (!gender || !head || head.cap || words.length > DESCRIPTION_WORDS) return null;
  const nouns = words.filter((t) => t.kind === 'word' && !t.cap);
  const bodily = (t: Token): boolean =>
    BODY_DESCRIPTORS.has(t.fold) ||
    ORG_DESCRIPTORS.has(t.fold) ||
    EXTRA_BODY_NOUNS.has(t.fold) ||
    STATEMENT_NOUNS.has(t.fold) ||
    QUOTED_DOCUMENTS.has(t.fold) ||
    WEB_PAGES.has(t.fold) ||
    isOrgHead(t.fold) ||
    isStaffNoun(t.fold) ||
    PRONOUNS.has(t.lower) ||
    (lexFlags(t.fold) & FUNCTION) !== 0;
  if (nouns.some(bodily) || nouns.some((t) => !CYRILLIC_WORD.test(t.text))) return null;
  const c = referent(registry, blocks, pos, last, gender, 'cyrillic');
  if (!c || !compatible(genderOf(c, blocks, 'cyrillic'), gender)) return null;
  const since = (block.order - 1) * POSITION_STRIDE;
  const nearby = c.mentions.some((m) => m.pos >= since && m.pos < pos) || (last.speaker === c && last.pos >= since);
  if (!nearby) return null;
  return nouns.some((t) => isPersonNoun(t.fold, 'cyrillic') || introducedAs(blocks, c, t.fold)) ? c : null;
};

/** How many tokens back a staff noun's introduction is looked for. */
const STAFF_LOOKBACK = 300;

/**
 * The body a staff noun was last introduced with before token `before` of block `blockIndex`, in that paragraph or the two
 * before ("a spokesperson for WikiLeaks", "el vocero de la empresa Nordia"): the body named right after "for", "of", "de".
 */
const bodyIntroducedWith = (registry: Registry, blocks: readonly Block[], blockIndex: number, before: number, fold: string): Cluster | null => {
  let budget = STAFF_LOOKBACK;
  for (let b = blockIndex; b >= 0 && b >= blockIndex - 2 && budget > 0; b--) {
    const tokens = blocks[b]?.tokens;
    if (!tokens) continue;
    for (let k = Math.min(b === blockIndex ? before : tokens.length, tokens.length) - 1; k >= 0 && budget > 0; k--, budget--) {
      if (tokens[k]?.fold !== fold || (tokens[k]?.quote ?? 0) >= 0) continue;
      for (let j = k + 1; j <= k + 3 && j < tokens.length; j++) {
        const c = clusterAt(registry, b, j);
        if (c?.kind === 'organization' && BODY_LINKS.has(tokens[j - 1]?.lower ?? '')) return c;
        if (c) break;
      }
    }
  }
  return null;
};

/** Possessive determiners before a noun for a person ("su madre", "his lawyer", "її чоловік"). */
const POSSESSIVE_DETERMINERS = new Set(['su', 'sus', 'his', 'her', 'their', 'son', 'sa', 'ses', 'leur', 'sein', 'seine', 'ihr', 'ihre', 'його', 'її', 'їхній', 'їхня']);

/** How many person mentions back the one introduced with a noun is looked for. */
const INTRODUCED_LOOKBACK = 24;

/** The person last mentioned before `pos` whom the story introduced with the noun `fold` ("la madre de …, Ana Ruiz"). */
const personIntroducedAs = (registry: Registry, blocks: readonly Block[], pos: number, fold: string): Cluster | null => {
  const list = people(registry);
  const seen = new Set<Cluster>();
  for (let i = lastIndexBefore(list, pos), n = 0; i >= 0 && n < INTRODUCED_LOOKBACK; i--, n++) {
    const c = list[i]?.cluster;
    if (!c || seen.has(c)) continue;
    seen.add(c);
    if (c.mentions.some((m) => m.pos < pos && nounBeforeName(blocks[m.block]?.tokens, m.first, fold))) return c;
  }
  return null;
};

/**
 * Whether the noun `fold` introduces the name at token `first` ("su esposa Ana Ruiz", "la madre de los presos, Ana Ruiz"):
 * it stands a few words before, with no clause between ("su esposa que cree que Ana …" does not introduce Ana).
 */
const nounBeforeName = (tokens: Token[] | undefined, first: number, fold: string): boolean => {
  if (!tokens) return false;
  for (let k = first - 1; k >= 0 && k >= first - 6; k--) {
    const t = tokens[k];
    if (!t || (t.kind === 'punct' && t.text !== ',') || (t.kind === 'word' && (COMPLEMENTIZERS.has(t.lower) || PERSON_RELATIVE.has(t.lower) || isSpeechVerb(t.lower))))
      return false;
    if (t.fold === fold) return true;
  }
  return false;
};

/** A Ukrainian or Russian adjective in the nominative ("американський", "нова", "колишній"). */
const CYRILLIC_ADJECTIVE = /\p{L}{3}(?:ий|ій|ый|ой|на|ка|ва|ля)$/u;

/** A word written in Cyrillic. */
const CYRILLIC_WORD = /^[\u0400-\u04ff'’ʼ-]+$/u;

/** Prepositions that mark the person told, right after a verb of saying ("à l'AFP", "a este diario"). */
const DATIVE = new Set(['à', 'au', 'aux', 'a', 'al']);

/** Spanish and French adverbs of time and addition that may follow a verb of saying before its adjuncts ("dijo entonces a …"). */
const ROMANCE_ADVERBS = new Set('entonces luego ayer hoy anoche despues después antes ahora tambien también ademas además alors ensuite hier aussi'.split(' '));

/** Whether a token is a lowercase Spanish participle ("conmovida", "emocionado", "convencidos"). */
const isRomanceParticiple = (t: Token | undefined): boolean => !!t && t.kind === 'word' && !t.cap && /\p{L}{3}(?:ad|id)[oa]s?$/u.test(t.lower);

/** Whether a token is a lowercase Spanish or French adverb: one of the common ones, or one in "-mente"/"-ment". */
const isRomanceAdverb = (t: Token | undefined): boolean => !!t && t.kind === 'word' && !t.cap && (ROMANCE_ADVERBS.has(t.lower) || /\p{L}{4}(?:mente|ment)$/u.test(t.lower));

/** "One of" in Spanish and French ("uno de los vecinos", "l'un des habitants"), which describes a speaker as an indefinite article does. */
const PARTITIVE_ONE = new Set(['uno', 'una', 'un', 'une', 'l’un', "l'un"]);

/** Indefinite articles, which describe a speaker not yet named ("a key member of Congress"). */
const INDEFINITE = new Set(['a', 'an', 'un', 'una', 'une', 'ein', 'eine', 'einer']);

/** Words before a name that make it an object, not the subject of its sentence ("met with X", "about X"). */
const OBJECT_MARKERS = new Set([...NAME_PREPOSITIONS, 'against', 'than', 'like', 'between', 'among', 'toward', 'towards', 'into', 'à', 'au', 'aux', 'gegen', 'an', 'zu']);

/** Whether the person mention at a token reads as its sentence's subject rather than an object or a possessor. */
const subjectLike = (tokens: Token[], first: number, last: number): boolean => !objectLike(tokens, first, last) && !tokens[last - 1]?.poss;

/** How many words back from a name set off by a comma the role noun of the phrase it stands in apposition to may be. */
const APPOSITION_REACH = 10;

/**
 * Whether the name at `first`, set off by a comma, stands in apposition to a role noun that a preposition governs ("mené
 * par le rédacteur en chef du service de la BBC, Marc Morel, le président …", "he spoke to the head of the agency, Ann
 * Roe, about …"): it names the preposition's object, not a subject.
 */
const appositionToObject = (tokens: Token[], first: number): boolean => {
  if (tokens[first - 1]?.text !== ',') return false;
  for (let k = first - 2, n = 0; k >= 0 && n < APPOSITION_REACH; k--, n++) {
    const t = tokens[k];
    if (t?.kind !== 'word' || t.quote >= 0) return false;
    if (t.cap || !(TITLE_WORDS.has(t.fold) || isRoleNoun(t.fold))) continue;
    let j = k - 1;
    const article = tokens[j];
    if (article?.kind === 'word' && !article.cap && (FOREIGN_DEFINITE.has(article.lower) || ARTICLES.has(article.lower))) j--;
    const prep = tokens[j];
    if (prep?.kind === 'word' && !prep.cap && OBJECT_MARKERS.has(prep.lower)) return true;
  }
  return false;
};

/** How many words of an employer's name may stand between a preposition and the title before a name ("to VOA English reporter X"). */
const EMPLOYER_REACH = 6;

/** Whether the person mention at a token reads as an object: after a preposition, or, in Ukrainian, in an oblique case. */
const objectLike = (tokens: Token[], first: number, last: number): boolean => {
  // "with Mayor Tom Reed", "з президентом Зеленським": a title between the preposition and the name changes nothing.
  // "de la presidenta Ana Ruiz", "of the late President X": an article before the title changes nothing either.
  let b = first - 1;
  const title = tokens[b];
  if (title?.kind === 'word' && (TITLE_WORDS.has(title.fold) || isRoleNoun(title.fold))) {
    b--;
    // "to Radio North reporter Joe Capp", "with the agency's reporter X": the employer named before the title changes
    // nothing either.
    for (let n = 0; n < EMPLOYER_REACH && tokens[b]?.kind === 'word' && (tokens[b]?.cap || tokens[b]?.poss); n++) b--;
    const article = tokens[b];
    if (article?.kind === 'word' && !article.cap && (FOREIGN_DEFINITE.has(article.lower) || ARTICLES.has(article.lower))) b--;
  }
  const before = tokens[b];
  if (before && before.kind === 'word' && !before.cap && OBJECT_MARKERS.has(before.lower)) return true;
  if (appositionToObject(tokens, first)) return true;
  const end = tokens[last - 1];
  // "зустрівся з президентом Володимиром Зеленським": a Ukrainian name in the instrumental, dative or genitive is no subject.
  if (!end || !CYRILLIC_WORD.test(end.text)) return false;
  for (let k = first; k < last; k++) {
    const w = tokens[k]?.lower ?? '';
    if (!OBLIQUE_NAME.test(w) && !(last - first > 1 && /(?:им|ім)$/u.test(w))) return false;
  }
  return true;
};

/**
 * The person named nearest before token `k` in its sentence, outside quotations, when that person is named as a
 * complement ("con Julio Rentería", "with Ana Ruiz"), not as a subject; null otherwise.
 */
const complementBefore = (registry: Registry, block: Block, blockIndex: number, k: number): Cluster | null => {
  const { tokens } = block;
  for (let j = k - 1; j >= 0 && k - j <= SENTENCE_LOOKBACK; j--) {
    const t = tokens[j];
    if (!t || t.quote >= 0) continue;
    if (t.kind === 'punct' && CLAUSE_END.has(t.text)) return null;
    const c = clusterAt(registry, blockIndex, j);
    if (c?.kind !== 'person') continue;
    const m = registry.tokenMention[blockIndex]?.[j];
    return m && objectLike(tokens, m.first, m.last) ? c : null;
  }
  return null;
};

/** Endings of Ukrainian names in the instrumental, dative and genitive ("Смітом", "Ольгою", "Петренкові", "Зеленському", "Зеленського"). */
const OBLIQUE_NAME = /(?:ом|ем|єм|ою|ею|єю|ові|еві|єві|ому|ьому|ого|ього)$/u;

/**
 * The person a pronoun outside quotations refers to: the subject of the latest sentence that names a
 * person, that is its first person named as a subject ("Manager A praised striker B. "…," he said" is A),
 * or its last person when none reads as a subject.
 */
const lastPersonBefore = (
  registry: Registry,
  blocks: readonly Block[],
  pos: number,
): { cluster: Cluster; pos: number; objectsOnly?: boolean; block?: number; start?: number; first?: number } | null => {
  const { people } = timelineOf(registry);
  const i = lastIndexBefore(people, pos);
  const last = people[i];
  if (!last) return null;
  const tokens = blocks[last.block]?.tokens;
  if (!tokens) return { cluster: last.cluster, pos: last.pos };
  let start = last.first - 1;
  while (start >= 0 && last.first - start <= SENTENCE_LOOKBACK) {
    const t = tokens[start];
    // A quotation that ends its sentence ("…learning." Her departure …) ends it outside too.
    if (t && t.kind === 'punct' && CLAUSE_END.has(t.text) && (t.quote < 0 || QUOTE_MARKS.has(tokens[start + 1]?.text ?? ''))) break;
    start--;
  }
  let best = last;
  let objectsOnly = true;
  for (let j = i; j >= 0; j--) {
    const e = people[j];
    if (!e || e.block !== last.block || e.first <= start) break;
    const m = registry.tokenMention[e.block]?.[e.first];
    if (subjectLike(tokens, e.first, m?.last ?? e.first + 1)) best = e;
    objectsOnly &&= objectLike(tokens, e.first, m?.last ?? e.first + 1);
  }
  return { cluster: best.cluster, pos: last.pos, objectsOnly, block: last.block, start, first: best.first };
};

/** Pronouns that stand as a sentence's subject for one person ("he", "elle", "él", "er", "він"): not "her", "him" or "his". */
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'il', 'elle', 'él', 'ella', 'er', 'він', 'вона', 'он', 'она']);

/**
 * The index of a subject pronoun outside quotations between `from` and `to` (a sentence's words before the person it names
 * as an object) whose gender agrees with `reference` (any, when `reference` is null), or -1.
 */
const subjectPronounBetween = (tokens: readonly Token[], from: number, to: number, reference: Gender): number => {
  for (let k = Math.max(0, from); k < to; k++) {
    const t = tokens[k];
    if (t?.kind !== 'word' || t.quote >= 0 || !SUBJECT_PRONOUNS.has(t.lower)) continue;
    if (reference === null || genderOfPronoun(t.lower) === reference) return k;
  }
  return -1;
};

/** How many times {@link referent} follows a possessive back to the one it names ("his son, Nils" → whose son). */
const POSSESSOR_HOPS = 2;

/**
 * The possessive of the gender `reference` marks that introduces the person named at `first` through a kinship or
 * role noun ("his son, Nils", "her daughter Karin", "his lawyer, Ann Roe"): that person is named for someone
 * else's sake, whom a pronoun of that gender refers to rather than to them. Its token index, or -1.
 */
const possessiveBefore = (tokens: readonly Token[], first: number, reference: Gender): number => {
  let k = first - 1;
  if (tokens[k]?.text === ',') k--;
  const noun = tokens[k];
  if (!noun || noun.quote >= 0 || !isKinOrRoleNoun(noun)) return -1;
  const ownerAt = (j: number): boolean => {
    const owner = tokens[j];
    return owner?.kind === 'word' && POSSESSIVE_DETERMINERS.has(owner.lower) && genderOfReference(owner) === reference;
  };
  if (ownerAt(k - 1)) return k - 1;
  // "his son, An, now 19, and daughter, Sreyna": one possessive for the coordinated nouns.
  if (tokens[k - 1]?.kind !== 'word' || !LIST_JOINERS.has(tokens[k - 1]?.lower ?? '')) return -1;
  for (let j = k - 2; j >= 0 && j >= k - 2 - COORDINATED_REACH; j--) {
    const t = tokens[j];
    if (!t || t.quote >= 0 || (t.kind === 'punct' && CLAUSE_END.has(t.text))) return -1;
    if (ownerAt(j)) return isKinOrRoleNoun(tokens[j + 1]) ? j : -1;
  }
  return -1;
};

/** Whether a token is a lowercase noun of kinship or of a role ("son", "daughter", "lawyer"), which a possessive introduces a person by. */
const isKinOrRoleNoun = (t: Token | undefined): boolean => t?.kind === 'word' && !t.cap && (roleGender(t.fold, 'en') !== null || isRoleNoun(t.fold));

/** How many tokens before "and" the possessive of coordinated kinship nouns is looked for ("his son, An, now 19, and daughter"). */
const COORDINATED_REACH = 10;

/**
 * The subject of a paragraph, who speaks its unattributed quotations: the first person named outside
 * quotations, or, when the paragraph opens with a pronoun or a description ("The ex-CBC producer cites
 * two reasons"), the person it refers back to.
 */
const paragraphSubject = (registry: Registry, blocks: readonly Block[], block: Block, blockIndex: number, last: Antecedent, profile: Profile = 'other'): Cluster | null => {
  // "Під час зустрічі з Андрієм Ковалем волонтерка Оксана Литвин розповіла …": a person named as an object gives way
  // to the first person named as a subject.
  let firstNamed: Cluster | null = null;
  for (let k = 0; k < block.tokens.length; k++) {
    const c = clusterAt(registry, blockIndex, k);
    if (c?.kind !== 'person' || (block.tokens[k]?.quote ?? -1) >= 0) continue;
    const m = registry.tokenMention[blockIndex]?.[k];
    // "according to Benowitz, … when Trump's policies …": the one an attribution lead names speaks; a possessor does not.
    if (!m || leadEndsAt(block.tokens, m.first - 1)) return c;
    // "publicado en Facebook por el activista Marcel Valdés": the object of a preposition is not the one who speaks.
    if (profile === 'romance' && governedByPreposition(block.tokens, m.first, 0)) {
      k = m.last - 1;
      continue;
    }
    if (!objectLike(block.tokens, m.first, m.last) && !block.tokens[m.last - 1]?.poss) return c;
    firstNamed ??= c;
    k = m.last - 1;
  }
  if (firstNamed) return firstNamed;
  const { tokens } = block;
  const opener = tokens[0];
  if (!opener || opener.quote >= 0) return null;
  // "Чоловік згадує: …", "Жінка каже, що …": without articles, a Ukrainian noun for a person opening the paragraph refers back too.
  let refersBack = PRONOUNS.has(opener.lower) || (profile === 'cyrillic' && opener.kind === 'word' && opener.initial && isPersonNoun(opener.fold, profile));
  if (!refersBack && (opener.lower === 'the' || FOREIGN_DEFINITE.has(opener.lower))) {
    for (let k = 1; k <= 4 && k < tokens.length; k++) {
      const t = tokens[k];
      if (t?.kind !== 'word') break;
      // "The ex-CBC producer cites …", "El activista enfrenta cargos …": a role or a noun for a person.
      if (!t.cap && (isRoleNoun(t.fold) || (k === 1 && isPersonNoun(t.fold, profile)))) {
        refersBack = true;
        break;
      }
    }
  }
  if (!refersBack) return null;
  return referent(registry, blocks, position(block, 0), last);
};

/** How many words after a person's name their verb of saying may stand ("Quiñones Haces dice", "Ana Ruiz le explicó"). */
const SUBJECT_VERB_GAP = 2;

/**
 * The person last named outside quotations, after `from` and before `pos`, as the subject of a verb of saying
 * ("…, Quiñones Haces dice que …"): a description that refers back means the one the text last had speak, not
 * whoever was named last in passing.
 */
const lastSpeakingPerson = (registry: Registry, blocks: readonly Block[], pos: number, from: number): Cluster | null => {
  const list = people(registry);
  for (let i = lastIndexBefore(list, pos); i >= 0; i--) {
    const e = list[i];
    if (!e || e.pos < from) break;
    const tokens = blocks[e.block]?.tokens;
    const m = registry.tokenMention[e.block]?.[e.first];
    if (!tokens || !m) continue;
    for (let k = m.last; k < tokens.length && k <= m.last + SUBJECT_VERB_GAP; k++) {
      const t = tokens[k];
      if (t?.kind !== 'word' || t.quote >= 0) break;
      if (isSpeechVerb(t.lower)) return e.cluster;
      if (!CLITICS.has(t.lower) && !AUXILIARIES.has(t.lower)) break;
    }
  }
  return null;
};

/** Who a pronoun (or a verb without a subject) at a position refers to: the last speaker, unless a person was named outside quotations since. */
const referent = (registry: Registry, blocks: readonly Block[], pos: number, last: Antecedent, reference: Gender = null, profile: Profile = 'other', hops = 0): Cluster | null => {
  const named = lastPersonBefore(registry, blocks, pos);
  // "For five years, his son, An, and daughter, Sreyna, were ill, he told VOA.": "he" is whose son An is, not An.
  if (reference && named && named.block !== undefined && named.first !== undefined && hops < POSSESSOR_HOPS && (!last.speaker || named.pos > last.pos)) {
    const block = blocks[named.block];
    const owner = block ? possessiveBefore(block.tokens, named.first, reference) : -1;
    if (block && owner >= 0) return referent(registry, blocks, position(block, owner), last, reference, profile, hops + 1);
  }
  // "Mark Dunn is a spokesman. He spoke to reporter Joe Capp about it. "…," he says.": when the latest sentence names
  // people only as objects and a pronoun of the same gender is its subject, both pronouns refer to the same person.
  if (
    named?.objectsOnly === true &&
    named.block !== undefined &&
    named.start !== undefined &&
    named.first !== undefined &&
    hops < POSSESSOR_HOPS &&
    (!last.speaker || named.pos > last.pos)
  ) {
    const block = blocks[named.block];
    const k = block ? subjectPronounBetween(block.tokens, named.start + 1, named.first, reference) : -1;
    if (block && k >= 0) return referent(registry, blocks, position(block, k), last, reference, profile, hops + 1);
  }
  // "X visited Kyiv, where he met President Y. "…," he said.": when the latest sentence names people only as objects,
  // the speaker of the paragraph just before goes on.
  const objectOnly = named?.objectsOnly === true && !!last.speaker && last.pos >= pos - 2 * POSITION_STRIDE;
  const nearest = named && (!last.speaker || named.pos > last.pos) && !objectOnly ? named.cluster : last.speaker;
  if (!reference || !nearest) return nearest;
  const nearestGender = genderOf(nearest, blocks, profile);
  if (nearestGender === reference) return nearest;
  // When the nearest person's gender is unknown, a person of the pronoun's gender named in the same paragraph wins.
  const sameBlock = nearestGender === null ? people(registry)[lastIndexBefore(people(registry), pos)]?.block : undefined;
  if (nearestGender === null && sameBlock === undefined) return nearest;
  // "Pedro met the mayor, Lucía Vega. "…," dijo ella.": the pronoun's gender rules the nearest out; the nearest
  // person before it whose gender is known to agree is meant.
  const list = people(registry);
  // "For example, Amara Diallo, head of the mission, called for a delay. She said …": the subject of the sentence just
  // before, whose gender is unknown, is not passed over for someone of the pronoun's gender named in an earlier sentence.
  const subjectOfLast = nearestGender === null && named?.cluster === nearest && named.objectsOnly === false;
  for (let i = lastIndexBefore(list, pos), n = 0; i >= 0 && n < PRONOUN_LOOKBACK; i--, n++) {
    const e = list[i];
    if (!e || (sameBlock !== undefined && e.block !== sameBlock)) break;
    if (subjectOfLast && (e.block !== named?.block || e.first <= (named?.start ?? -1))) break;
    if (genderOf(e.cluster, blocks, profile) === reference) return e.cluster;
  }
  // Else the last speaker, when the pronoun's gender rules the nearest person out but not the speaker.
  if (nearestGender !== null && last.speaker && last.speaker !== nearest && compatible(genderOf(last.speaker, blocks, profile), reference)) return last.speaker;
  return nearest;
};

/** The person mentions outside quotations in reading order. */
const people = (registry: Registry): Timeline['people'] => timelineOf(registry).people;

/** How many person mentions back a gendered pronoun looks for a person of its gender. */
const PRONOUN_LOOKBACK = 12;

const genders = new WeakMap<Cluster, Gender>();

/** A person's gender, found once per entity. */
const genderOf = (c: Cluster, blocks: readonly Block[], profile: Profile): Gender => {
  let g = genders.get(c);
  if (g === undefined) {
    g = genderOfPerson(c, blocks, profile);
    genders.set(c, g);
  }
  return g;
};

/** Position of the first person named outside quotations in a paragraph (Infinity if none), found in one pass. */
const firstPersonPos = (registry: Registry, block: Block, blockIndex: number): number => {
  for (let k = 0; k < block.tokens.length; k++) {
    if ((block.tokens[k]?.quote ?? 0) < 0 && clusterAt(registry, blockIndex, k)?.kind === 'person') return position(block, k);
  }
  return Number.POSITIVE_INFINITY;
};

/**
 * The person the paragraph before `blockIndex` hands the word to, when no quotation was found in it: the
 * speaker of the verb of saying in its last sentence, or of the colon that ends it, as if a quotation followed
 * there; failing that, the paragraph's subject. Null when the block before is not a paragraph.
 */
const introducedSpeaker = (registry: Registry, blocks: readonly Block[], blockIndex: number, last: Antecedent, profile: Profile, verbOnly = false): Cluster | null => {
  const captioned = captionSpeaker(registry, blocks, blockIndex);
  if (captioned) return captioned;
  const before = paragraphBefore(blocks, blockIndex);
  if (!before) return null;
  const { previous, previousIndex, openMark } = before;
  const { tokens } = previous;
  const end = tokens[tokens.length - 1];
  // "…, dijo su madre.": a verb of saying after a comma with its subject after it closes the paragraph.
  const index = sentenceIndexOf(previous);
  const cue = openMark > 0 ? (index.lastCue[openMark - 1] ?? -1) : -1;
  if (cue > 0 && cue > (index.lastEnd[openMark - 1] ?? -1) && tokens[cue - 1]?.text === ',' && cue + 1 < openMark && openMark - cue <= MAX_SPEAKER_WORDS) {
    const inverted = resolveSpeaker(registry, blocks, previous, previousIndex, { from: cue + 1, to: openMark, inverted: true }, position(previous, cue), last, profile);
    if (inverted.cluster?.kind === 'person') return inverted.cluster;
  }
  const at = closingAttribution(registry, previous, previousIndex, openMark, profile);
  if (at && (at.verb || end?.text === ':') && !at.naming && !at.zero) {
    const resolved = resolveSpeaker(registry, blocks, previous, previousIndex, { ...at, refersBack: true }, position(previous, at.from), last, profile);
    if (resolved.cluster?.kind === 'person') return resolved.cluster;
  }
  // "У Держдепі заявили, що …" / "«…»": a plural verb of saying without a subject, after the body it names by where, hands
  // the word to that body.
  if (profile === 'cyrillic' && cue > (index.lastEnd[openMark - 1] ?? -1)) {
    const body = bodyBeforePluralVerb(registry, previous, previousIndex, cue);
    if (body) return body;
  }
  if (verbOnly) return null;
  const subject = paragraphSubject(registry, blocks, previous, previousIndex, last, profile);
  return subject?.kind === 'person' ? subject : null;
};

/** The most words a caption line holds ("Martín Rama", "Banco Mundial", "Ministry of Health"). */
const CAPTION_WORDS = 6;

/**
 * "((SOT)) / Martín Rama / Banco Mundial / “…”": a broadcast script (or an interview) sets the speaker's name, and maybe
 * an affiliation, on short lines of their own right above the quotation. The person one of the two lines before it
 * names, whole; null when a line there is not such a caption.
 */
const captionSpeaker = (registry: Registry, blocks: readonly Block[], blockIndex: number): Cluster | null => {
  for (let b = blockIndex - 1; b >= 0 && blockIndex - b <= 2; b--) {
    const block = blocks[b];
    if (block?.kind !== 'paragraph') return null;
    const { tokens } = block;
    const caption = tokens.length > 0 && tokens.length <= CAPTION_WORDS && tokens.every((t) => t.kind === 'word' && (t.cap || NAME_CONNECTORS.has(t.lower)));
    if (!caption) return null;
    const m = registry.tokenMention[b]?.[0];
    const c = clusterAt(registry, b, 0);
    if (c?.kind === 'person' && m?.first === 0 && m.last === tokens.length) return c;
  }
  return null;
};

/**
 * The paragraph before `blockIndex` when it has words, with where its closing sentence would open a
 * quotation: at its final mark, or right after a colon that ends it; null otherwise.
 */
const paragraphBefore = (blocks: readonly Block[], blockIndex: number): { previous: Block; previousIndex: number; openMark: number } | null => {
  const previous = blocks[blockIndex - 1];
  if (previous?.kind !== 'paragraph' || previous.tokens.length === 0) return null;
  const { tokens } = previous;
  const end = tokens[tokens.length - 1];
  return { previous, previousIndex: blockIndex - 1, openMark: end?.kind === 'punct' && end.text !== ':' ? tokens.length - 1 : tokens.length };
};

/**
 * The attribution that closes paragraph `blockIndex` (`block`) before `openMark`, read as if a quotation
 * opened there; a person is any mention whose cluster is one.
 */
const closingAttribution = (registry: Registry, block: Block, blockIndex: number, openMark: number, profile: Profile): ReturnType<typeof attributionBefore> => {
  const hasPerson = (from: number, to: number): boolean => {
    for (let k = from; k < to; k++) if (clusterAt(registry, blockIndex, k)?.kind === 'person') return true;
    return false;
  };
  const personAt = (k: number): [number, number] | null => {
    const m = registry.tokenMention[blockIndex]?.[k];
    return m && clusterAt(registry, blockIndex, k)?.kind === 'person' ? [m.first, m.last] : null;
  };
  return attributionBefore(block, openMark + 1, hasPerson, personAt, profile);
};

/**
 * The unnamed person a paragraph that quotes nobody introduces with an indefinite description as the subject of its closing
 * verb of saying ("Un joven que vive cerca del hospital afirmó que …", "A resident of the area said that …"), who speaks
 * the quotation standing alone in the next paragraph; null when that subject is a name or refers back.
 */
const introducedDescription = (registry: Registry, blocks: readonly Block[], blockIndex: number, last: Antecedent, profile: Profile): string | null => {
  const before = paragraphBefore(blocks, blockIndex);
  if (!before) return null;
  const { previous, previousIndex, openMark } = before;
  const { tokens } = previous;
  const at = closingAttribution(registry, previous, previousIndex, openMark, profile);
  if (!at?.verb || at.naming || at.zero || at.lead) return null;
  // Only a description that opens its sentence with an indefinite article introduces someone new.
  const opening = tokens[at.from];
  const sentenceStart = at.from === 0 || (sentenceIndexOf(previous).lastEnd[at.from - 1] ?? -1) === at.from - 1;
  if (opening?.kind !== 'word' || !sentenceStart || !INDEFINITE.has(opening.lower) || DATIVE.has(opening.lower)) return null;
  const resolved = resolveSpeaker(registry, blocks, previous, previousIndex, at, position(previous, at.from), last, profile);
  return !resolved.rejected && !resolved.cluster && resolved.speaker ? resolved.speaker : null;
};

/**
 * Whether the name at token `k` is the object of a Spanish or French preposition: reading back over its description
 * ("por el activista exiliado Marcel Valdés", "de la madre Ana Ruiz") to the article that opens it, a preposition
 * stands before that article, or right before the name. A noun before the article ("en un video el activista X") makes
 * the article open a new phrase, the subject.
 */
const governedByPreposition = (tokens: Token[], k: number, from: number): boolean => {
  for (let i = k - 1; i >= from && i >= k - RELATIVE_ANTECEDENT_WORDS; i--) {
    const t = tokens[i];
    if (!t || t.kind !== 'word' || t.cap) return false;
    const lower = t.lower;
    if (ROMANCE_PREPOSITIONS.has(lower) || GENITIVE_LINKS.has(lower) || DATIVE.has(lower)) return true;
    if (FOREIGN_DEFINITE.has(lower) || INDEFINITE.has(lower)) {
      const before = tokens[i - 1];
      return !!before && before.kind === 'word' && !before.cap && (ROMANCE_PREPOSITIONS.has(before.lower) || GENITIVE_LINKS.has(before.lower) || DATIVE.has(before.lower));
    }
  }
  return false;
};

/**
 * The person after the verb of saying of a paragraph's last sentence, when no one is named before the verb ("Про це на
 * своїй сторінці у Facebook повідомила журналістка Ольга Дуб."): the one who sent the message the next paragraph quotes.
 */
const subjectAfterClosingVerb = (registry: Registry, blocks: readonly Block[], blockIndex: number): Cluster | null => {
  const block = blocks[blockIndex];
  if (block?.kind !== 'paragraph' || block.tokens.length === 0) return null;
  const { tokens } = block;
  const index = sentenceIndexOf(block);
  const end = tokens.length - 1;
  const cue = index.lastCue[end] ?? -1;
  const start = (index.lastEnd[end - 1] ?? -1) + 1;
  if (cue < start || !isSpeechVerb(tokens[cue]?.lower ?? '')) return null;
  for (let k = start; k < cue; k++) if (tokens[k]?.quote !== -1 || clusterAt(registry, blockIndex, k)?.kind === 'person') return null;
  for (let k = cue + 1; k <= end && k <= cue + MAX_SPEAKER_WORDS; k++) {
    const t = tokens[k];
    if (!t || t.quote >= 0 || t.text === ',') return null;
    const c = clusterAt(registry, blockIndex, k);
    if (c?.kind === 'person') return compatible(genderOfPerson(c, blocks, 'cyrillic'), genderOfReference(tokens[cue])) ? c : null;
  }
  return null;
};

/**
 * The body named right before a Ukrainian plural verb of saying at `cue`, after a preposition of place ("У Держдепі
 * заявили", "В міністерстві оборони повідомили"): the body speaks. Null when the verb is not plural, or anything else
 * stands between the body and the verb.
 */
const bodyBeforePluralVerb = (registry: Registry, block: Block, blockIndex: number, cue: number): Cluster | null => {
  const { tokens } = block;
  if (!/\p{L}{3}ли$/u.test(tokens[cue]?.lower ?? '')) return null;
  const m = registry.tokenMention[blockIndex]?.[cue - 1];
  const c = clusterAt(registry, blockIndex, cue - 1);
  if (!m || c?.kind !== 'organization' || m.last !== cue) return null;
  const preposition = tokens[m.first - 1];
  return preposition?.kind === 'word' && PLACE_PREPOSITIONS.has(preposition.lower) ? c : null;
};

/** Whether a quoted passage is written as a title or a name: every word capitalised ("Deep Waters."). */
const isTitleLike = (block: Block, first: number, last: number): boolean => {
  for (let k = first; k < last; k++) {
    const t = block.tokens[k];
    if (t?.kind === 'word' && !t.cap) return false;
  }
  return true;
};

/** Whether a short quoted passage is a fragment of reported speech rather than a title or a name. */
const isFragment = (block: Block, first: number, last: number): boolean => {
  let words = 0;
  let capitals = 0;
  for (let k = first; k < last; k++) {
    const t = block.tokens[k];
    if (!t || t.kind === 'punct') continue;
    words++;
    if (t.cap) capitals++;
  }
  return words >= 2 && capitals < words;
};

/** Dashes that open a turn of dialogue and set off its attribution. */
const DIALOGUE_DASHES = new Set(['—', '–', '―']);

/** How far after the dash or comma that ends a turn of dialogue its verb of saying may stand ("—le dijo", ", lui a-t-il répondu"). */
const DIALOGUE_VERB_REACH = 3;

/** Whether a verb of saying (or a French verb with its inverted pronoun) follows within a few words of `k`. */
const saysAfter = (tokens: Token[], k: number): boolean => {
  for (let j = k; j < tokens.length && j < k + DIALOGUE_VERB_REACH; j++) {
    const t = tokens[j];
    if (t?.kind !== 'word' || t.cap) return false;
    if (isSpeechVerb(t.lower) || FRENCH_INVERTED_PRONOUN.test(t.lower)) return true;
  }
  return false;
};

/**
 * The turn of dialogue a paragraph opens with a dash, as a quotation region: it ends at the dash (Spanish,
 * Ukrainian) or comma (French) before its verb of saying. A turn with no verb counts only inside a conversation
 * whose earlier turn was signed, so that a list set with dashes is not taken for speech.
 */
const dialogueTurn = (block: Block, dialect: Profile, conversation: boolean): QuoteRegion | null => {
  const { tokens } = block;
  const opener = tokens[0];
  if (opener?.kind !== 'punct' || !DIALOGUE_DASHES.has(opener.text) || block.quotes[0]?.first === 1) return null;
  let end = -1;
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k];
    if (t?.kind !== 'punct' || t.quote >= 0) continue;
    const comma = t.text === ',' && dialect === 'romance';
    if ((DIALOGUE_DASHES.has(t.text) || comma) && saysAfter(tokens, k + 1)) {
      end = k;
      break;
    }
    // "— Текст, — сказав він": the comma before the dash belongs to the turn.
    if (t.text === ',' && DIALOGUE_DASHES.has(tokens[k + 1]?.text ?? '') && saysAfter(tokens, k + 2)) {
      end = k + 1;
      break;
    }
  }
  if (end < 0 && !conversation) return null;
  // "—No cederemos —dijo Gómez—. Seguiremos aquí.", "— Ми вистоїмо, — сказав він. — І відбудуємо все.": a dash that
  // closes the attribution, or a dash after its sentence, gives the word back to the speaker; the turn runs on,
  // and the attribution is cut out of it as an incise.
  if (end >= 0 && DIALOGUE_DASHES.has(tokens[end]?.text ?? '') && block.quotes.length === 0) {
    for (let k = end + 2; k < tokens.length && k - end <= INCISE_WORDS + 2; k++) {
      const t = tokens[k];
      if (t?.kind !== 'punct') continue;
      const resumes = isInciseDash(block.text, t) || (CLAUSE_END.has(t.text) && isInciseDash(block.text, tokens[k + 1]));
      if (resumes && tokens.slice(k + 1).some((x) => x.kind === 'word')) end = -1;
      if (resumes || CLAUSE_END.has(t.text) || t.text === ',') break;
    }
    if (end < 0) {
      let words = 0;
      for (const t of tokens) if (t.kind !== 'punct') words++;
      return { open: opener.start, close: block.text.length, first: 1, last: tokens.length, words };
    }
  }
  const last = end < 0 ? tokens.length : end;
  let words = 0;
  for (let k = 1; k < last; k++) if (tokens[k]?.kind !== 'punct') words++;
  const close = end < 0 ? block.text.length : (tokens[end]?.start ?? block.text.length);
  return words > 0 ? { open: opener.start, close, first: 1, last, words } : null;
};

/** Nouns for a piece of writing that can speak for the outlet publishing it ("an article in X said"). */
const WRITING_NOUNS = new Set([
  'article',
  'report',
  'editorial',
  'story',
  'column',
  'piece',
  'commentary',
  'artículo',
  'reportaje',
  'nota',
  'columna',
  'informe',
  'éditorial',
  'reportage',
  'artikel',
  'bericht',
  'kommentar',
  'leitartikel',
]);

/** Words between such a noun and the outlet ("in", "de", "du", "im"). */
const WRITING_LINKS = new Set(['in', 'by', 'from', 'of', 'en', 'de', 'del', 'dans', 'du', 'des', 'im', 'der', 'von']);

/** Of {@link WRITING_NOUNS}, those only an outlet publishes ("an article in X": X is an outlet even when it reads as a place). */
const PUBLISHED_NOUNS = new Set(['article', 'editorial', 'column', 'piece', 'commentary', 'artículo', 'columna', 'éditorial', 'artikel', 'kommentar', 'leitartikel']);

/** English verbs of saying whose name right after them is the one addressed ("told Ana Torres"), never their subject. */
const ADDRESSEE_VERBS = new Set(['told', 'tells', 'asked', 'asks', 'urged', 'urges', 'warned', 'warns', 'reminded', 'assured', 'informed', 'advised', 'thanked', 'called']);

/** "And" joining two verbs of one subject, in the languages read. */
const VERB_COORDINATORS = new Set(['and', 'y', 'e', 'et', 'und', 'і', 'й', 'та']);

/** How many tokens before the colon that ends a paragraph its verb of saying may stand ("Ramos explicó a este medio lo ocurrido:"). */
const INTRODUCER_REACH = 10;

/** The most words an attribution set into a quotation may have ("—dijo el ministro de Economía—"). */
const INCISE_WORDS = 8;

/**
 * Whether the punctuation mark at `k` can set off an incise inside a quotation: a dash, or a hyphen standing for
 * one: between spaces (" - "), or in a run of hyphens ("--", "---", the typewriter's dash: "ya---dijo--, porque").
 */
const isInciseDash = (text: string, t: Token | undefined): boolean =>
  !!t &&
  t.kind === 'punct' &&
  (DIALOGUE_DASHES.has(t.text) || (t.text === '-' && ((text[t.start - 1] === ' ' && text[t.end] === ' ') || text[t.start - 1] === '-' || text[t.end] === '-')));

/** The index after the run of hyphens starting at `k` (a dash typed as "--" is one mark); `k + 1` for any other mark. */
const afterDashRun = (tokens: readonly Token[], k: number): number => {
  let next = k + 1;
  if (tokens[k]?.text === '-') while (tokens[next]?.text === '-' && tokens[next]?.start === tokens[next - 1]?.end) next++;
  return next;
};

/**
 * A quotation interrupted by its own attribution ("«La cosecha será mala —dijo Gómez—. Y lo sabemos»",
 * "«…, - йдеться в заяві. - …»", "« Nous sommes prêts, dit-il, à discuter »") as two quotations: the words before
 * the incise, whose attribution follows them, and the words after it, which the same speaker goes on saying.
 */
const splitAtIncise = (block: Block, q: QuoteRegion): QuoteRegion[] => {
  const { tokens } = block;
  for (let k = q.first + 3; k < q.last - 1; k++) {
    const t = tokens[k];
    if (t?.kind !== 'punct') continue;
    const dash = isInciseDash(block.text, t);
    // French and Spanish set an inverted verb between commas: ", dit-il, ", ", explicó el ministro, ".
    if (!dash && t.text !== ',') continue;
    const from = dash ? afterDashRun(tokens, k) : k + 1;
    if (!saysAfter(tokens, from)) continue;
    // The incise's words are counted from the last mark of the dash.
    const mark = from - 1;
    let end = from;
    while (end < q.last && end - mark <= INCISE_WORDS && !isInciseDash(block.text, tokens[end]) && tokens[end]?.text !== ',' && !CLAUSE_END.has(tokens[end]?.text ?? '')) end++;
    const closer = tokens[end];
    if (!closer || end >= q.last - 1 || end - mark > INCISE_WORDS) continue;
    // A comma incise must close with a comma; a dash incise with a dash or the end of the sentence.
    if (!dash && closer.text !== ',') continue;
    let resume = end + 1;
    while (resume < q.last && tokens[resume]?.kind === 'punct' && !QUOTE_MARKS.has(tokens[resume]?.text ?? '')) resume++;
    if (resume >= q.last) continue;
    let before = 0;
    for (let i = q.first; i < k; i++) if (tokens[i]?.kind !== 'punct') before++;
    let after = 0;
    for (let i = resume; i < q.last; i++) if (tokens[i]?.kind !== 'punct') after++;
    const head: QuoteRegion = { open: q.open, close: t.start, first: q.first, last: k, words: before };
    const rest: QuoteRegion = { open: (tokens[resume]?.start ?? q.close) - 1, close: q.close, first: resume, last: q.last, words: after };
    return [head, ...splitAtIncise(block, rest)];
  }
  return [q];
};

/**
 * A quotation that runs to the end of its paragraph only because it was closed with the wrong mark
 * ("“De los derechos de todos", citó Ferrer."): a double mark that ends a word, followed by a comma or a dash
 * and a verb of saying, closes it there.
 */
const closedByOtherMark = (block: Block, q: QuoteRegion): QuoteRegion => {
  const { tokens, text } = block;
  if (q.close < text.length) return q;
  let words = 0;
  for (let k = q.first; k < q.last; k++) {
    const t = tokens[k];
    if (!t) break;
    if (t.kind !== 'punct') {
      words++;
      continue;
    }
    if (!DOUBLE_CLOSERS.has(t.text) || /\s/u.test(text[t.start - 1] ?? ' ') || words === 0) continue;
    let j = k + 1;
    while (j < q.last && j - k <= 2 && tokens[j]?.kind === 'punct' && LEADING_PUNCT.has(tokens[j]?.text ?? '')) j++;
    if (j === k + 1 || !saysAfter(tokens, j)) continue;
    return { open: q.open, close: t.start, first: q.first, last: k, words };
  }
  return q;
};

/** Double marks that close a quotation; single ones double as apostrophes. */
const DOUBLE_CLOSERS = new Set(['"', '”', '“', '»', '«']);

/**
 * The closing mark of a quotation that an earlier paragraph opened, when a paragraph goes on with it without
 * opening it again ("…no se oiga», subrayó."): a mark that ends a word, outside and before every quotation
 * of the paragraph, not at its start. Its token index, or -1.
 */
const strayCloser = (block: Block): number => {
  const { tokens, text } = block;
  const firstOpen = block.quotes[0]?.open ?? text.length;
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t || t.start >= firstOpen) return -1;
    if (t.kind === 'punct' && t.quote < 0 && DOUBLE_CLOSERS.has(t.text) && !/\s/u.test(text[t.start - 1] ?? ' ')) return k;
  }
  return -1;
};

/** Finds the quotations of the body and their speakers, by a sieve of attribution rules from the most to the least certain. */
export function findQuotes(doc: Doc, registry: Registry): FoundQuote[] {
  // Chinese and Japanese have no words between spaces for the rules below to read.
  if (doc.profile === 'cjk') return findCjkQuotes(doc);
  const out: FoundQuote[] = [];
  const last: Antecedent = { speaker: null, pos: -1 };
  let previousBlockQuote: FoundQuote | null = null;
  // The explicitly attributed speakers of the last paragraphs that held quotations, for conversations.
  let turns: { speaker: string | null; cluster: Cluster | null; affiliation: Cluster | null; explicit: boolean; runsOn: boolean }[] = [];
  let pendingRunOn: FoundQuote[] = [];
  // The quotation the last paragraph left open, which a paragraph that only closes it continues.
  let runningOn: FoundQuote | null = null;
  // The quotation of the output the last paragraph left open, which a paragraph reopening it with a mark continues.
  let openTail: FoundQuote | null = null;
  // Quotations signed by their own attribution, not given a speaker from their neighbours.
  const explicit = new Set<FoundQuote>();
  const cyrillic = doc.profile === 'cyrillic';
  const german = doc.profile === 'de';
  const dialect = doc.profile === 'romance' || cyrillic ? doc.profile : null;
  let dialogueBefore = false;
  // The speaker of the latest quotation whose sentence names a statement ("In a statement, X said …"), and its paragraph.
  let statementBy: { speaker: string | null; cluster: Cluster | null; affiliation: Cluster | null; block: number } | null = null;
  doc.blocks.forEach((block, blockIndex) => {
    if (block.kind !== 'paragraph') {
      runningOn = null;
      openTail = null;
      return;
    }
    // A paragraph that quotes nothing, with no quotation running on into it and no dialogue turns in the
    // language: what the steps below leave after it, without making their closures and lists for it.
    if (block.quotes.length === 0 && runningOn === null && dialect === null) {
      dialogueBefore = false;
      if (pendingRunOn.length > 0) pendingRunOn = [];
      previousBlockQuote = null;
      if (turns.length > 0) turns = [];
      openTail = null;
      return;
    }
    const hasPerson = (from: number, to: number): boolean => {
      for (let k = from; k < to; k++) {
        const t = block.tokens[k];
        // "Lopez's deputy, John Park, said": a possessor is not the subject.
        const m = registry.tokenMention[blockIndex]?.[k];
        if (m && block.tokens[m.last - 1]?.poss && m.last < to) continue;
        if (clusterAt(registry, blockIndex, k)?.kind === 'person' || (t && bodyOfStaffCompound(registry, t))) return true;
      }
      return false;
    };
    const personAt = (k: number): [number, number] | null => {
      const m = registry.tokenMention[blockIndex]?.[k];
      return m && clusterAt(registry, blockIndex, k)?.kind === 'person' ? [m.first, m.last] : null;
    };
    const hasBody = (from: number, to: number): boolean => {
      for (let k = from; k < to; k++) if (clusterAt(registry, blockIndex, k)?.kind === 'organization') return true;
      return false;
    };
    const found: { quote: FoundQuote; attributed: boolean; startsBlock: boolean; runsOn: boolean; first: number }[] = [];
    // "…comenta que «en casa se oye bien. / Aquí no se oye nada», subrayó.": a quotation left open goes on in a
    // paragraph that only closes it, and is one quotation signed where it ends.
    const closer = runningOn ? strayCloser(block) : -1;
    if (runningOn && closer > 0) {
      const carried = runningOn;
      const rest = block.text.slice(0, block.tokens[closer]?.start ?? 0).trim();
      const at = attributionAfter(block, closer, /[.!?…]$/u.test(rest), cyrillic, german, doc.profile !== 'en', AFTER_NAME_STOPS[doc.profile]);
      const resolved = at ? resolveSpeaker(registry, doc.blocks, block, blockIndex, at, position(block, 0), last, doc.profile) : null;
      carried.text = `${carried.text} ${withoutTrailing(rest, TRAILING_COMMA_OR_SPACE)}`;
      // A verb without a subject goes on with the speaker the quotation already has.
      if (at && resolved && !resolved.rejected && (resolved.speaker || resolved.cluster) && !(at.zero && carried.cluster?.kind === 'person')) {
        carried.speaker = resolved.speaker;
        carried.cluster = resolved.cluster;
        carried.affiliation = resolved.affiliation;
        explicit.add(carried);
      }
      if (carried.speaker !== null) {
        for (const q of pendingRunOn) {
          q.speaker = carried.speaker;
          q.cluster = carried.cluster;
          q.affiliation = carried.affiliation;
        }
      }
      pendingRunOn = [];
      if (carried.cluster?.kind === 'person') {
        last.speaker = carried.cluster;
        last.pos = position(block, 0);
      }
    }
    // "—Será la peor cosecha —dijo Gómez.", "— Nous reconstruirons, a-t-elle promis.", "— Ми вистоїмо, — сказав він.":
    // a paragraph opened by a dash is a turn of dialogue in Spanish, French and Ukrainian.
    // A paragraph that ends with a colon introduces the turn after it ("Ramos explicó:" / "—Nos enteramos …").
    const previous = blockIndex > 0 ? doc.blocks[blockIndex - 1] : undefined;
    // Only after a verb of saying, so that the items of a list set with dashes are not taken for speech.
    const introduced =
      previous?.kind === 'paragraph' &&
      previous.text.trimEnd().endsWith(':') &&
      (sentenceIndexOf(previous).lastCue[previous.tokens.length - 1] ?? -1) >= Math.max(0, previous.tokens.length - INTRODUCER_REACH);
    const dialogue = dialect !== null ? dialogueTurn(block, dialect, dialogueBefore || introduced) : null;
    dialogueBefore = dialogue !== null;
    const turns0 = (dialogue ? [dialogue, ...block.quotes.filter((q) => q.open >= dialogue.close)] : block.quotes).map((q) => closedByOtherMark(block, q));
    // The words after an incise ("—dijo Gómez—. Y lo sabemos") go on with the speaker the incise named, never with
    // an attribution read before them.
    const resumed = new Set<QuoteRegion>();
    const regions =
      dialect !== null
        ? turns0.flatMap((q) => {
            const parts = splitAtIncise(block, q);
            for (let i = 1; i < parts.length; i++) if (parts[i]) resumed.add(parts[i] as QuoteRegion);
            return parts;
          })
        : turns0;
    for (const q of regions) {
      const raw = block.text.slice(q.open + 1, q.close).trim();
      // A short passage is a name, a title or a term («Укренерго», "reform") unless it is a whole utterance
      // (its own punctuation and an attribution) or a fragment of reported speech ("she called the plan "a
      // disaster"", "he said the vote was "a good start"").
      const short = q.words < MIN_QUOTE_WORDS;
      const text = withoutTrailing(raw, TRAILING_COMMA_OR_SPACE);
      if (!text) continue;
      const pos = position(block, q.first);
      const endsSentence = /[.!?…]$/u.test(text);
      let at: Attribution | null = null;
      let reported = false;
      /** Signed before it by a verb of saying and a colon ("заявив конгресмен Джо Вілсон: «…»", "said: "…""). */
      let colonSigned = false;
      if (doc.profile !== 'other') {
        at = attributionAfter(block, q.last, endsSentence, cyrillic, german, doc.profile !== 'en', AFTER_NAME_STOPS[doc.profile]);
        if (!at || at.grammar) {
          const before = resumed.has(q) ? null : attributionBefore(block, q.first, hasPerson, personAt, doc.profile, hasBody);
          // "На думку мера, це «крок у правильному напрямку»", "Según el alcalde, fue «un paso histórico»": a lead signs a fragment too.
          if (before && (!short || before.verb || before.lead || /[,.!?…]$/u.test(raw))) at = before;
          colonSigned = !!before && at === before && !!before.verb && block.tokens[q.first - 2]?.text === ':';
          // "Después añadió que «…»", "Ensuite, il a ajouté": in a language that drops the subject, one
          // sentence-initial word that names nobody is an adverb, and the verb's subject is the one last spoken of.
          const lone = at && at === before && before.verb && before.to - before.from === 1 ? block.tokens[before.from] : undefined;
          if (
            at &&
            lone &&
            doc.profile === 'romance' &&
            lone.initial &&
            !clusterAt(registry, blockIndex, before?.from ?? -1) &&
            !TITLE_WORDS.has(lone.fold) &&
            !isRoleNoun(lone.fold) &&
            !PRONOUNS.has(lone.lower)
          )
            at = { ...at, zero: true };
          reported = !!before?.verb || !!before?.lead;
        }
        // A fragment may also sit in a sentence whose verb of saying comes after it (German word order).
        if (short && !reported && !at) reported = sentenceHasSpeechVerb(block, q.first, q.last);
      }
      if (short) {
        // French and Spanish put the comma after the closing mark: « Nous sommes prêts », a-t-elle dit.
        const after = block.text.slice(q.close + 1).trimStart()[0] ?? '';
        // ""Америка - це ідея" - написав Джо Байден": a dash and a verb of saying with its subject after a short quotation sign it too.
        const dashed = /[-–—]/u.test(after) && !!at && !at.zero && !at.grammar && at.inverted === true && q.words >= 2;
        const utterance = ((/[,.!?…]$/u.test(raw) || (/[,.!?…]/u.test(after) && isFragment(block, q.first, q.last))) && !!at) || dashed;
        // "she called the plan "a reckless gamble"", "… als „letzte Chance“ bezeichnet": a fragment of what someone said.
        // A quoted name right after a preposition ("told „heise online“", "in "Deep Waters"") is a title, not speech.
        const before = block.tokens[q.first - 2];
        // A name or a title starts with a capital; three lowercase words or more after the preposition are speech ("por «más de 300 muertos»").
        const opening = block.tokens[q.first];
        const named = !!before && before.kind === 'word' && NAME_PREPOSITIONS.has(before.lower) && (!!opening?.cap || q.words <= 2);
        // "в інтерв'ю каналу «112 Україна»": a short run of capitalised words and numbers is a name, not a fragment of speech.
        // "повідомив, що «Міністерство єдності» може з'явитися", "dijo que "Patria y Vida" es …": a capitalised short passage
        // inside a sentence that goes on after it with a lowercase word is a name in Ukrainian, Spanish and French.
        const inner = block.tokens[q.last + 1];
        const mid = block.tokens[q.first - 2];
        const nameInSentence =
          dialect !== null &&
          q.words <= 3 &&
          !!opening?.cap &&
          mid?.kind === 'word' &&
          !mid.cap &&
          inner?.kind === 'word' &&
          !inner.cap &&
          !isSpeechVerb(inner.lower) &&
          !/[,.!?…:;]/u.test(raw);
        const fragment = reported && !named && !nameInSentence && isFragment(block, q.first, q.last) && q.open > 0 && !(q.words <= 3 && isTitleLike(block, q.first, q.last));
        // A paragraph that is nothing but a short quoted sentence is a turn of a conversation (""Why not?"").
        const turn = q.open === 0 && q.words >= 2 && /[.!?…]$/u.test(text) && block.text.slice(q.close + 1).trim() === '';
        // The words after an incise are the rest of a quotation, however few.
        // ""…," Cole said. "They saved lives."": a whole quoted sentence after an attributed quotation goes on with it.
        const goesOn =
          q.words >= 2 &&
          /[.!?…]$/u.test(text) &&
          /[.!?…]["”»“]?\s*$/u.test(block.text.slice(Math.max(0, q.open - 3), q.open)) &&
          found[found.length - 1]?.attributed === true &&
          !isTitleLike(block, q.first, q.last);
        // "заявив конгресмен Джо Вілсон: «Україна має отримати зброю»": a colon after a verb of saying opens what was said, however short.
        const introduced = colonSigned && q.words >= 2 && !named && !isTitleLike(block, q.first, q.last);
        if (!utterance && !fragment && !turn && !goesOn && !introduced && !(resumed.has(q) && q.words >= 2)) continue;
        // "у статті "ДІПІ та Голос Америки"", "the song "Blue Moon"": a short passage right after a noun for a work is its title.
        if (before?.kind === 'word' && !before.cap && isWorkNoun(before.lower)) continue;
        // "gritó: "¡Libertad!", "¡Patria y Vida!" y "¡Abajo el sistema!"": short exclamations listed one after another are
        // slogans a crowd shouted, labels rather than quotations.
        if (/^¡|!$/u.test(text) && inQuotedList(block, q)) continue;
      }
      // Resolved only for the passages kept, so that runs of short quoted names cost nothing here.
      let resolved = at ? resolveSpeaker(registry, doc.blocks, block, blockIndex, at, pos, last, doc.profile) : null;
      // "Tras su liberación, dijo que «…»", "Після зустрічі розповіла, що «…»": in a language that drops the subject, a
      // verb of saying before the quotation whose subject place holds only an adjunct has the one last spoken of as subject.
      const verbBefore = q.first >= 2 ? (sentenceIndexOf(block).lastCue[q.first - 2] ?? -1) : -1;
      if (
        (!short || resolved?.grammar) &&
        resolved?.rejected &&
        at &&
        !at.zero &&
        !at.lead &&
        dialect !== null &&
        verbBefore >= 0 &&
        isSpeechVerb(block.tokens[verbBefore]?.lower ?? '') &&
        verbBefore >= at.to
      ) {
        const dropped = resolveSpeaker(registry, doc.blocks, block, blockIndex, { from: verbBefore, to: verbBefore + 1, zero: true }, pos, last, doc.profile);
        if (!dropped.rejected) resolved = dropped;
      }
      // "…, dijo su madre." / "“…”, explicó.": a verb without a subject in a paragraph that opens with the quotation goes on
      // with the one the paragraph before gave the word to, when that paragraph quoted nobody.
      if (at?.zero && q.open === 0 && !previousBlockQuote && resolved && !resolved.rejected && !hasPerson(at.from, at.searchTo ?? at.to)) {
        const handed = introducedSpeaker(registry, doc.blocks, blockIndex, last, doc.profile, true);
        if (handed) resolved = { speaker: handed.name, cluster: handed, affiliation: null };
      }
      // A fragment is reported speech only when its attribution names someone ("Bajo el título de …" does not).
      // A conjunction or adverb in the subject's place rules nothing out: the fragment stays, its speaker unknown.
      if (short && resolved?.rejected && !resolved.grammar && !at?.zero) continue;
      const quote: FoundQuote = { text, speaker: null, cluster: null, affiliation: null, pos };
      let attributed = false;
      // "the statement said" after "In a statement, the company said …": the statement's author, named in this paragraph or
      // the one before; otherwise the wording of a document, without a speaker.
      if (resolved?.statement && at) {
        const author = statementAuthor(registry, doc.blocks, blockIndex, Math.min(at.from, q.first));
        const by = statementBy && statementBy.block >= blockIndex - 1 ? statementBy : null;
        resolved = author
          ? { speaker: author.name, cluster: author, affiliation: null }
          : by
            ? { speaker: by.speaker, cluster: by.cluster, affiliation: by.affiliation }
            : { speaker: null, cluster: null, affiliation: null };
      } else if (resolved && !resolved.rejected && (resolved.speaker || resolved.cluster) && at && namesStatement(block, q.first, Math.max(at.to, q.last))) {
        statementBy = { speaker: resolved.speaker, cluster: resolved.cluster, affiliation: resolved.affiliation, block: blockIndex };
      }
      if (resolved) {
        if (!resolved.rejected) {
          quote.speaker = resolved.speaker;
          quote.cluster = resolved.cluster;
          quote.affiliation = resolved.affiliation;
          attributed = true;
        }
      }
      // A name of unknown kind that signs a quotation speaks as a person does.
      if (quote.cluster && (quote.cluster.kind === 'person' || (quote.cluster.kind === null && attributed))) {
        last.speaker = quote.cluster;
        last.pos = pos;
      }
      if (quote.cluster?.kind === 'organization' && attributed) {
        last.body = quote.cluster;
        last.bodyPos = pos;
      }
      found.push({ quote, attributed, startsBlock: q.open === 0, runsOn: q.close >= block.text.length, first: q.first });
    }
    // A quotation left open in earlier paragraphs without a speaker is signed where it ends: ""We will go. /
    // "And we will win," Smith said." gives both paragraphs to Smith.
    const opening = found[0];
    if (opening?.startsBlock && opening.attributed && opening.quote.speaker !== null) {
      for (const q of pendingRunOn) {
        q.speaker = opening.quote.speaker;
        q.cluster = opening.quote.cluster;
        q.affiliation = opening.quote.affiliation;
      }
    }
    if (!opening?.startsBlock || opening.attributed) pendingRunOn = [];
    let alternated = false;
    const subject = found.some((f) => !f.attributed) ? paragraphSubject(registry, doc.blocks, block, blockIndex, last, doc.profile) : null;
    // The nearest attributed quotation before and after each one, found in one pass each way: a paragraph of
    // thousands of unattributed quotations scanned back and forth from each of them took quadratic time.
    const attributedBefore: (FoundQuote | undefined)[] = new Array(found.length);
    const attributedAfter: (FoundQuote | undefined)[] = new Array(found.length);
    for (let j = 0, seen: FoundQuote | undefined; j < found.length; j++) {
      attributedBefore[j] = seen;
      if (found[j]?.attributed) seen = found[j]!.quote;
    }
    for (let j = found.length - 1, seen: FoundQuote | undefined; j >= 0; j--) {
      attributedAfter[j] = seen;
      if (found[j]?.attributed) seen = found[j]!.quote;
    }
    for (let i = 0; i < found.length; i++) {
      const f = found[i];
      if (!f || f.attributed) continue;
      // One attribution covers the other quotations of its paragraph ("…," X said. "…"): the nearest before, else after.
      let donor: FoundQuote | undefined = attributedBefore[i] ?? attributedAfter[i];
      // Then the paragraph's subject; then a paragraph that opens with a quotation continues the previous speaker.
      // "…, dijeron hoy Amnistía Internacional y Human Rights Watch. Los gobiernos … "deberían …"": the subject of the verb of
      // saying in the sentence just before, in the same paragraph, goes on speaking.
      if (!donor && !f.startsBlock) {
        const said = sentenceBeforeSpeaker(registry, doc.blocks, block, blockIndex, f.first, last, doc.profile, hasPerson, personAt, hasBody);
        if (said) donor = { text: '', speaker: said.name, cluster: said, affiliation: null, pos: f.quote.pos };
      }
      if (!donor && subject) donor = { text: '', speaker: subject.name, cluster: subject, affiliation: null, pos: f.quote.pos };
      // A paragraph that names nobody before its quotation goes on with the speaker of the paragraph just before.
      // A name of unknown kind that signed the quotation before ("SalemCuba, otro de los perfiles de la joven, divulgó:") goes on too.
      const previousSpeaker =
        previousBlockQuote?.cluster?.kind === 'person' ||
        (!!previousBlockQuote &&
          (previousBlockQuote.cluster ? previousBlockQuote.cluster.kind === null : /^\p{Lu}/u.test(previousBlockQuote.speaker ?? '')) &&
          explicit.has(previousBlockQuote));
      if (!donor && !subject && i === 0 && !f.startsBlock && previousSpeaker && previousBlockQuote && firstPersonPos(registry, block, blockIndex) > f.quote.pos) {
        donor = previousBlockQuote;
      }
      // A paragraph that is only a quotation, after a paragraph that quoted nobody, is said by the person that
      // paragraph introduced: the subject of its closing verb of saying or colon ("X каже, що …:", "el activista
      // resaltó …"), or else the person it is about.
      if (!donor && f.startsBlock && i === 0 && !previousBlockQuote) {
        const introduced = introducedSpeaker(registry, doc.blocks, blockIndex, last, doc.profile);
        if (introduced) donor = { text: '', speaker: introduced.name, cluster: introduced, affiliation: null, pos: f.quote.pos };
        else {
          const described = introducedDescription(registry, doc.blocks, blockIndex, last, doc.profile);
          if (described) donor = { text: '', speaker: described, cluster: null, affiliation: null, pos: f.quote.pos };
          // ""…", dijo Pérez. / En el allanamiento confiscaron … / "…"": a paragraph of narration that names nobody between
          // two quotations does not interrupt the speaker.
          else if (last.speaker && last.pos >= (block.order - 2) * POSITION_STRIDE && namesNobody(registry, doc.blocks, blockIndex - 1))
            donor = { text: '', speaker: last.speaker.name, cluster: last.speaker, affiliation: null, pos: f.quote.pos };
        }
      }
      if (!donor && f.startsBlock && i === 0 && previousBlockQuote) {
        donor = previousBlockQuote;
        // A conversation: after A and B each spoke, and B asked a question, the unattributed reply is A's.
        // Otherwise (and always after a quotation left open) the previous speaker goes on.
        // A question and its answer alternate too: a paragraph that is only a quotation asking, or answering, a question.
        const [older, previous] = turns.slice(-2);
        const asks = (text: string): boolean => /\?["”»“]?\s*$/u.test(text);
        const asked = asks(previousBlockQuote.text) || (asks(f.quote.text) && found.length === 1 && f.runsOn === false);
        // Turns compare speakers by name, so that interview labels without an entity ("Wikinews:") take part.
        if (asked && older && previous && older.explicit && previous.explicit && !previous.runsOn && older.speaker && previous.speaker && older.speaker !== previous.speaker) {
          donor = { text: '', speaker: older.speaker, cluster: older.cluster, affiliation: older.affiliation, pos: f.quote.pos };
          alternated = true;
        }
      }
      if (donor) {
        f.quote.speaker = donor.speaker;
        f.quote.cluster = donor.cluster;
        f.quote.affiliation = donor.affiliation;
        if (donor.cluster?.kind === 'person') {
          last.speaker = donor.cluster;
          last.pos = f.quote.pos;
        }
      }
    }
    previousBlockQuote = found[found.length - 1]?.quote ?? (closer > 0 ? runningOn : null);
    runningOn = found[found.length - 1]?.runsOn ? (found[found.length - 1]?.quote ?? null) : null;
    const lastFound = found[found.length - 1];
    // A run-on quotation whose speaker only continues an earlier one (or is unknown) waits for its signature.
    if (lastFound?.runsOn && !lastFound.attributed && !subject && found.length === 1) pendingRunOn.push(lastFound.quote);
    else pendingRunOn = [];
    // Only consecutive paragraphs of quotations make a conversation.
    if (!lastFound) turns = [];
    else {
      const q = lastFound.quote;
      const speaker = q.cluster ? q.cluster.name : q.speaker;
      turns = [...turns.slice(-1), { speaker, cluster: q.cluster, affiliation: q.affiliation, explicit: alternated || found.every((f) => f.attributed), runsOn: lastFound.runsOn }];
    }
    let tail: FoundQuote | null = null;
    for (const [i, f] of found.entries()) {
      // ""The rain came too late. / "We will plant beans," she said.": news style opens each paragraph of a
      // quotation again but closes only the last; the paragraphs are one quotation, signed where it ends.
      if (i === 0 && openTail && f.startsBlock) {
        const joined: FoundQuote = openTail;
        joined.text = `${joined.text} ${f.quote.text}`;
        if (f.attributed || joined.speaker === null) {
          joined.speaker = f.quote.speaker;
          joined.cluster = f.quote.cluster;
          joined.affiliation = f.quote.affiliation;
        }
        if (f.attributed) explicit.add(joined);
        tail = joined;
        continue;
      }
      out.push(f.quote);
      if (f.attributed) explicit.add(f.quote);
      tail = f.quote;
    }
    openTail = lastFound?.runsOn ? tail : null;
  });
  // A person's name as the speaker, without the title the entities kept with it ("VOA Director Yolanda López" is
  // Yolanda López); a "name" that is only a title ("Press Secretary") names nobody.
  // "…", afirmó Carballosa" after "su esposa Idalia Torres Carballosa": a surname alone is the person the story named in
  // full, when exactly one person named in full carries it.
  const fullNames = new Map<string, Cluster | null>();
  for (const c of registry.clusters) {
    if (c.kind !== 'person') continue;
    const parts = nameWords(c.name);
    if (parts.length < 2) continue;
    for (const part of parts.slice(1)) {
      if (part.length < 3 || NAME_CONNECTORS.has(part)) continue;
      if (!fullNames.has(part)) {
        fullNames.set(part, c);
        continue;
      }
      // "Torres Carballosa" and "Idalia Torres Carballosa" are one person: the longer name ending with the shorter one wins.
      const other = fullNames.get(part);
      if (!other || other === c) continue;
      const theirs = nameWords(other.name);
      const endsWith = (long: string[], short: string[]): boolean => long.length > short.length && short.every((w, i) => long[long.length - short.length + i] === w);
      fullNames.set(part, endsWith(parts, theirs) ? c : endsWith(theirs, parts) ? other : null);
    }
  }
  for (const q of out) {
    // "En Estados Unidos Molina Ruiz trabajaba …": a place or body the entities glued before a person's name is no part of it.
    if (q.cluster?.kind === 'person') {
      const unglued = withoutGluedName(registry, q.cluster);
      if (unglued) {
        q.cluster = unglued;
        q.speaker = unglued.name;
      }
    }
    // A single capitalised word no entity took up ("afirmó al citado medio Carballosa") is looked up the same way.
    // So is a one-word "body" the entities made of a surname ("Carballosa" after "Idalia Torres Carballosa").
    const bare = (!q.cluster || q.cluster.kind === 'organization') && !!q.speaker && /^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2}$/u.test(q.speaker);
    if (q.cluster?.kind !== 'person' && !bare) continue;
    // "Quintero Vidal" after "Rosa Elena Quintero Vidal": a shorter name that ends the full one is that person too.
    const alone = nameWords(q.speaker ?? q.cluster?.name ?? '');
    const candidate = alone.length <= 3 ? fullNames.get(alone[alone.length - 1] ?? '') : undefined;
    const fullParts = candidate ? nameWords(candidate.name) : [];
    const full =
      candidate && (alone.length === 1 || (fullParts.length > alone.length && alone.every((w, i) => fullParts[fullParts.length - alone.length + i] === w))) ? candidate : undefined;
    if (full && full !== q.cluster && full.mentions.some((m) => m.pos < q.pos)) {
      q.speaker = full.name;
      q.cluster = full;
    }
    if (q.cluster?.kind !== 'person') continue;
    const name = nameWithoutTitle(withoutOpener(q.speaker ?? q.cluster.name));
    if (name === null) {
      q.speaker = null;
      q.cluster = null;
      q.affiliation = null;
    } else q.speaker = name;
  }
  // "…, with a key member of Congress saying, "…". / Rep. Ann Lee, …, told …": a speaker described with an
  // indefinite article and named nowhere before is the person who speaks next, in that paragraph or the next.
  for (let i = 0; i < out.length; i++) {
    const q = out[i];
    if (!q || q.cluster || !q.speaker || !explicit.has(q) || !INDEFINITE.has(q.speaker.split(/\s/u)[0]?.toLowerCase() ?? '')) continue;
    const next = out[i + 1];
    const near = !!next && Math.floor(next.pos / POSITION_STRIDE) - Math.floor(q.pos / POSITION_STRIDE) <= 1;
    if (next && near && explicit.has(next) && next.cluster?.kind === 'person') {
      q.speaker = next.speaker;
      q.cluster = next.cluster;
      q.affiliation = next.affiliation;
    }
  }
  return out;
}
