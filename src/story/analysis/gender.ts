/**
 * Grammatical gender, where a language marks it, for resolving "she"/"ella"/"a-t-elle"/"сказала" to the
 * nearest person it can refer to. A person's gender comes from how the text introduces them (a feminine
 * article, a title or a kinship or role noun before the name: "la alcaldesa", "die Ministerin", "Mrs",
 * "дружина") or, in Spanish, Italian, Portuguese and Ukrainian, from the ending of the first name ("Lucía",
 * "Ольга"); in English, whose first names follow no rule, from the pronouns the text uses right after the
 * person's name; failing those, from the lexicon's lists of women's and men's given names ("Kate", "Klaus").
 * Unknown is the common answer and never rules anyone out.
 */
import { readsWords, type Block, type Profile } from './document.js';
import type { Cluster } from './entities.js';
import { FEMALE_NAME, MALE_NAME, foldKey, lexFlags } from './lexicon.js';
import { isSpeechVerb } from './speech.js';
import type { Token } from './tokens.js';

/** Grammatical gender of a person or of a word that refers to one. */
export type Gender = 'f' | 'm' | null;

/** Third-person pronouns of one woman and of one man; Chinese 她 and 他, Japanese 彼女 and 彼 among them. */
const FEMININE_PRONOUNS = new Set(['she', 'her', 'ella', 'elle', 'вона', 'неї', 'її', 'она', 'ей', 'ее', 'её', 'ihrer', 'ihren', '她', '彼女']);
const MASCULINE_PRONOUNS = new Set(['he', 'him', 'his', 'él', 'il', 'він', 'нього', 'його', 'он', 'ему', 'его', 'er', 'seiner', 'seinen', '他', '彼']);

/** The gender a pronoun, written in lowercase, marks ("she", "él", 她), or null. */
export const genderOfPronoun = (word: string): Gender => (FEMININE_PRONOUNS.has(word) ? 'f' : MASCULINE_PRONOUNS.has(word) ? 'm' : null);

/** The gender a referring word marks: a pronoun, a French inverted pronoun ("a-t-elle"), a Ukrainian or Russian past verb ("сказала"). */
export const genderOfReference = (t: Token | undefined): Gender => {
  if (t?.kind !== 'word') return null;
  const w = t.lower;
  const pronoun = genderOfPronoun(w);
  if (pronoun) return pronoun;
  if (w.endsWith('-elle')) return 'f';
  if (w.endsWith('-il')) return 'm';
  // East Slavic past tense agrees with its subject: "сказала" (she), "сказав"/"сказал" (he).
  if (isSpeechVerb(w) && /^[\u0400-\u04ff]+$/u.test(w)) {
    if (/(?:ла|лася|лась)$/u.test(w)) return 'f';
    if (/(?:в|вся|[аеиоу]л|лся)$/u.test(w)) return 'm';
  }
  return null;
};

/** Articles and determiners before a role or name that mark a feminine or masculine singular person. */
const FEMININE_ARTICLES = new Set(['la', 'una', 'une', 'eine', 'einer']);
const MASCULINE_ARTICLES = new Set(['el', 'le', 'un', 'il', 'ein', 'der']);

/** The gender a singular article marks ("la", "el", "une", "der"), or null. */
export const genderOfArticle = (t: Token | undefined): Gender => (t?.kind !== 'word' ? null : FEMININE_ARTICLES.has(t.lower) ? 'f' : MASCULINE_ARTICLES.has(t.lower) ? 'm' : null);

/** Nouns of kinship and sex that mark the gender of the person named after them ("his wife Ana", "дружина Марія", "su esposa Lucía"). */
const FEMININE_NOUNS = new Set(
  `wife mother daughter sister grandmother widow girl woman aunt niece spokeswoman chairwoman businesswoman congresswoman
  actress princess queen esposa madre hija hermana abuela viuda mujer señora tía sobrina
  épouse femme mère fille sœur soeur grand-mère veuve tante nièce
  ehefrau frau mutter tochter schwester großmutter witwe tante
  дружина мати донька дочка сестра бабуся бабця вдова жінка дівчина пані тітка онука`
    .split(/\s+/u)
    .filter(Boolean)
    .map(foldKey),
);
const MASCULINE_NOUNS = new Set(
  `husband father son brother grandfather widower boy man uncle nephew spokesman chairman businessman congressman
  prince king esposo marido padre hijo hermano abuelo viudo hombre señor tío sobrino
  mari époux père fils frère grand-père veuf oncle neveu
  ehemann mann vater sohn bruder großvater witwer onkel
  чоловік батько син брат дідусь дід вдівець хлопець пан дядько онук`
    .split(/\s+/u)
    .filter(Boolean)
    .map(foldKey),
);

/** English titles before a name that mark its gender ("Mrs", "Ms", "Sir"). */
const FEMININE_TITLES = new Set(['mrs', 'ms', 'miss', 'lady', 'dame', 'madame', 'mme', 'frau', 'sra', 'señora', 'doña', 'пані'].map(foldKey));
const MASCULINE_TITLES = new Set(['mr', 'sir', 'lord', 'monsieur', 'herr', 'sr', 'señor', 'don', 'пан'].map(foldKey));

/** Chinese and Japanese titles written after a name that mark a woman (`王女士`, `林夫人`, `佐藤女史`). */
const FEMININE_TITLES_AFTER = /(?:女士|小姐|太太|夫人|女史)$/u;

/** Chinese `先生` after a name, "Mr" (`陈先生`); in Japanese it is "teacher" or "doctor", of either sex. */
const CHINESE_MISTER = /先生$/u;

/**
 * The gender a title after a Chinese or Japanese name marks, as the text writes the person (`市民王女士`, `陈先生`);
 * `japanese` when the text is Japanese, whose `先生` says nothing of it. Null otherwise.
 */
export const genderOfCjkTitle = (name: string, japanese: boolean): Gender => (FEMININE_TITLES_AFTER.test(name) ? 'f' : !japanese && CHINESE_MISTER.test(name) ? 'm' : null);

/** Ukrainian and Russian men's first names in "-а"/"-я", against the rule that such names are women's. */
const MASCULINE_IN_A = new Set(['микола', 'микита', 'лука', 'ілля', 'сава', 'хома', 'кузьма', 'фома', 'никита', 'илья', 'никола']);

/** Gender a role noun marks by its form: German "-in" ("Ministerin"), Ukrainian "-ка"/"-иця" ("міністерка", "речниця"). */
export const roleGender = (fold: string, profile: Profile): Gender => {
  if (FEMININE_NOUNS.has(fold)) return 'f';
  if (MASCULINE_NOUNS.has(fold)) return 'm';
  if (profile === 'de' && fold.length > 4 && fold.endsWith('in') && !fold.endsWith('ein')) return 'f';
  if (profile === 'cyrillic' && (fold.endsWith('ка') || fold.endsWith('иця'))) return 'f';
  return null;
};

/** Gender a first name marks by its ending, in languages where the ending is regular. */
const nameGender = (first: string, profile: Profile): Gender => {
  const w = first.toLowerCase();
  if (profile === 'cyrillic') {
    if (MASCULINE_IN_A.has(w) || /о$/u.test(w)) return 'm';
    if (/[ая]$/u.test(w)) return 'f';
    if (/[бвгґджзйклмнпрстфхцчшщь]$/u.test(w)) return 'm';
    return null;
  }
  if (profile === 'romance' && w.length > 2) {
    if (/a$/u.test(w) && !/(?:ista|ía)$/u.test(w)) return 'f';
    if (/o$/u.test(w)) return 'm';
  }
  return null;
};

/** Gender marked right before a mention: an article ("la Lucía Vega" is rare, "la alcaldesa Lucía Vega" common), a role noun, or both ("die Ministerin Anna Roth", "міністерка Ольга Коваль"). */
const introducedGender = (tokens: Token[] | undefined, first: number, profile: Profile): Gender => {
  if (!tokens) return null;
  let k = first - 1;
  if (tokens[k]?.text === ',') k--;
  const t = tokens[k];
  if (t?.kind !== 'word' || t.quote >= 0) return null;
  // "Mrs Lee", "Sir John Moor", "пані Ольга": a title of address marks gender in every language.
  const title = t.fold.replace(/\.$/u, '');
  if (FEMININE_TITLES.has(title)) return 'f';
  if (MASCULINE_TITLES.has(title) && (t.cap || profile === 'cyrillic')) return 'm';
  if (profile === 'en') return roleGender(t.fold, profile);
  const article = genderOfArticle;
  // German "der" is also a genitive and dative feminine article ("die Rede der Ministerin"); it counts only before a role noun in "-er".
  if (profile === 'de' && t.lower === 'der') return null;
  const direct = article(t);
  if (direct) return direct;
  if (t.cap && profile !== 'de') return null;
  const byForm = roleGender(t.fold, profile);
  if (byForm) return byForm;
  const before = tokens[k - 1];
  if (profile === 'de' && before?.lower === 'der') return t.fold.endsWith('in') ? null : 'm';
  return article(before);
};

/** How many of a person's mentions the text marks feminine and masculine (see {@link markedGender}). */
const markedCounts = (c: Pick<Cluster, 'mentions'>, blocks: readonly Block[], profile: Profile): { f: number; m: number } => {
  let f = 0;
  let m = 0;
  for (const mention of c.mentions) {
    const tokens = blocks[mention.block]?.tokens;
    const g = introducedGender(tokens, mention.first, profile) ?? (profile === 'cyrillic' && !mention.inQuote ? agreeingVerbGender(tokens, mention.last) : null);
    if (g === 'f') f++;
    if (g === 'm') m++;
  }
  return { f, m };
};

/**
 * The gender the text marks around a person's mentions (a title, article or role noun before the name; in
 * Ukrainian and Russian a past verb agreeing after it), not their name; null when unmarked or mixed.
 */
export const markedGender = (c: Pick<Cluster, 'mentions'>, blocks: readonly Block[], profile: Profile): Gender => {
  if (!readsWords(profile)) return null;
  const { f, m } = markedCounts(c, blocks, profile);
  return f > 0 && m === 0 ? 'f' : m > 0 && f === 0 ? 'm' : null;
};

/** The gender of a person, from how the text introduces them and, failing that, from their first name; null when unknown or mixed. */
export const genderOfPerson = (c: Cluster, blocks: readonly Block[], profile: Profile): Gender => {
  if (!readsWords(profile)) return null;
  const { f, m } = markedCounts(c, blocks, profile);
  if (f > 0 && m === 0) return 'f';
  if (m > 0 && f === 0) return 'm';
  if (f > 0 && m > 0) return null;
  // English first names follow no regular rule: the pronouns the text uses for the person tell instead.
  const parts = c.name.split(/\s+/u);
  if (profile === 'en') return pronounGender(c, blocks) ?? (parts.length < 2 ? null : listedGender(parts[0] ?? ''));
  if (parts.length < 2) return null;
  const g = (profile === 'cyrillic' ? null : listedGender(parts[0] ?? '')) ?? nameGender(parts[0] ?? '', profile);
  // "Олега Петренка" is a masculine genitive: a feminine first name in "-а" needs a surname that agrees
  // ("Ольга Коваль", "Ольга Петренко", "Ольга Ковальська").
  if (g === 'f' && profile === 'cyrillic' && /[ая]$/u.test((parts[parts.length - 1] ?? '').toLowerCase()) && !FEMININE_SURNAME.test((parts[parts.length - 1] ?? '').toLowerCase()))
    return null;
  return g;
};

/** Gender of a given name the lexicon lists as only a woman's or only a man's ("Kate", "Klaus"; "Jean" is both). */
const listedGender = (first: string): Gender => {
  const flags = lexFlags(foldKey(first));
  const f = (flags & FEMALE_NAME) !== 0;
  const m = (flags & MALE_NAME) !== 0;
  return f === m ? null : f ? 'f' : 'm';
};

/** How many words after a mention a pronoun referring to that person is looked for. */
const PRONOUN_WINDOW = 12;

const ENGLISH_FEMININE = new Set(['she', 'her', 'hers', 'herself']);
const ENGLISH_MASCULINE = new Set(['he', 'him', 'his', 'himself']);

/**
 * The gender of the pronouns that follow a person's mentions in the same sentence, before anyone else is named
 * ("Maria Lopez said her team …", "Tom Reed, who took office in May, said he …"); null when none or mixed.
 */
const pronounGender = (c: Cluster, blocks: readonly Block[]): Gender => {
  let f = 0;
  let m = 0;
  for (const mention of c.mentions) {
    if (mention.inQuote) continue;
    const tokens = blocks[mention.block]?.tokens;
    if (!tokens) continue;
    for (let k = mention.last; k < tokens.length && k < mention.last + PRONOUN_WINDOW; k++) {
      const t = tokens[k];
      if (!t || (t.kind === 'punct' && /^[.!?;]$/u.test(t.text)) || t.quote >= 0) break;
      // Someone else named: the pronoun may be theirs.
      if (t.kind === 'word' && t.cap && !t.initial) break;
      if (t.kind !== 'word') continue;
      if (ENGLISH_FEMININE.has(t.lower)) {
        f++;
        break;
      }
      if (ENGLISH_MASCULINE.has(t.lower)) {
        m++;
        break;
      }
    }
  }
  return f > 0 && m === 0 ? 'f' : m > 0 && f === 0 ? 'm' : null;
};

/** Ukrainian past-tense endings of the feminine ("провела", "повідомила") and masculine ("провів" aside: "сказав", "заявив") singular. */
const FEMININE_PAST = /^[\u0400-\u04ff'’ʼ]{3,}(?:ла|лася|лась)$/u;
const MASCULINE_PAST = /^[\u0400-\u04ff'’ʼ]{3,}(?:[аи]в|[аи]вся|[аи]всь)$/u;

/**
 * The gender of the past-tense verb right after a mention ("Джилл Байден повідомила", "Ірина Кос заявив" is no
 * Ukrainian): the verb agrees with its subject, whatever the name's ending suggests. Null when no such verb follows.
 */
const agreeingVerbGender = (tokens: Token[] | undefined, last: number): Gender => {
  if (!tokens) return null;
  let k = last;
  // "Ольга Коваль також заявила": one adverb may stand between.
  if (tokens[k]?.kind === 'word' && !tokens[k]?.cap && SUBJECT_ADVERBS.has(tokens[k]?.lower ?? '')) k++;
  const t = tokens[k];
  if (t?.kind !== 'word' || t.cap || t.quote >= 0) return null;
  const speech = genderOfReference(t);
  if (speech) return speech;
  return FEMININE_PAST.test(t.lower) ? 'f' : MASCULINE_PAST.test(t.lower) ? 'm' : null;
};

/** Ukrainian adverbs that may stand between a subject and its verb. */
const SUBJECT_ADVERBS = new Set(['також', 'теж', 'вже', 'знову', 'раніше', 'тоді', 'ще']);

/** Ukrainian and Russian feminine surname endings. */
const FEMININE_SURNAME = /(?:ська|цька|зька|ова|єва|ева|іна|їна|ина)$/u;

/** Whether a person may be referred to by a word of the given gender. */
export const compatible = (person: Gender, reference: Gender): boolean => !person || !reference || person === reference;
