/**
 * Word classes the analysis asks about: common words, nationality adjectives, role nouns, organisation
 * heads and descriptors, acronyms. Each combines the compromise lexicon with the general word lists.
 */
import { ACTOR, ANY_PLACE, COMMON, COUNTRY, DEMONYM, FIRST_NAME, FUNCTION, NAME_LIKE, ORGANIZATION, REGION, lexWords } from './lexicon.js';
import type { Token } from './tokens.js';
import { CYRILLIC_GIVEN_NAMES, ORG_DESCRIPTORS, ORG_HEADS, ROLE_NOUNS, ROMAN_NUMERALS, TITLE_WORDS } from './words.js';

let lexicon: ReadonlyMap<string, number> | undefined;

/** Lexicon flags of a folded word or phrase (0 when unknown). */
export const flags = (fold: string): number => (lexicon ??= lexWords()).get(fold) ?? 0;

/** Whether a word (or its inflected stem) is a common word in the lexicon. */
export const isCommonWord = (fold: string): boolean => {
  const f = flags(fold);
  if (f & (COMMON | FUNCTION)) return true;
  if (f !== 0) return false;
  if (fold.length > 4 && fold.endsWith('ly')) return true;
  // The lexicon lists base forms; "Estimates" or "Speaking" at a sentence start are still common words.
  const stems: string[] = [];
  if (fold.endsWith('ies')) stems.push(`${fold.slice(0, -3)}y`);
  if (fold.endsWith('es')) stems.push(fold.slice(0, -2));
  if (fold.endsWith('s')) stems.push(fold.slice(0, -1));
  if (fold.endsWith('ed')) stems.push(fold.slice(0, -2), fold.slice(0, -1));
  if (fold.endsWith('ing')) stems.push(fold.slice(0, -3), `${fold.slice(0, -3)}e`);
  for (const s of stems) if (s.length > 2 && flags(s) & COMMON && !(flags(s) & NAME_LIKE)) return true;
  return false;
};

/** Adjectives of regions and peoples within countries, which the lexicon's nationalities lack ("Catalan police"). */
const REGIONAL_DEMONYMS = new Set(
  `catalan catalans basque basques galician andalusian quebecois quebecer quebecers parisian parisians breton corsican
  sicilian sardinian tuscan neapolitan venetian walloon cossack tatar tatars chechen chechens crimean kashmiri punjabi
  bengali tamil tamils gujarati sindhi pashtun pashtuns baloch uyghur uyghurs tibetan tibetans hawaiian andean
  siberian balkan baltic nordic iberian hispanic latino latinos berber berbers kurd kurds druze rohingya`.split(/\s+/u),
);

/** Whether a word is a nationality adjective or plural ("Russian", "Koreans", "Finnish", "Scandinavian"). */
export const isDemonym = (fold: string): boolean => {
  const f = flags(fold);
  if (f & DEMONYM || REGIONAL_DEMONYMS.has(fold)) return true;
  if (f & (ANY_PLACE | ORGANIZATION | FIRST_NAME)) return false;
  if (fold.endsWith('s') && flags(fold.slice(0, -1)) & DEMONYM) return true;
  // Unlisted ones follow English morphology: -ish/-ese, -ic, or -(i)an from a known country or region.
  if (fold.length >= 5 && (fold.endsWith('ish') || fold.endsWith('ese'))) return true;
  if (fold.length >= 5 && fold.endsWith('ic') && f === 0) return true;
  if (fold.length >= 5 && fold.endsWith('n')) {
    const stems = [fold.slice(0, -1), fold.slice(0, -2), fold.slice(0, -3), `${fold.slice(0, -3)}a`, `${fold.slice(0, -2)}a`];
    for (const s of stems) if (s.length > 2 && flags(s) & (COUNTRY | REGION)) return true;
  }
  return false;
};

/** A lowercase noun describing a body, singular or plural ("union", "unions"). */
export const isOrgDescriptor = (lower: string): boolean => ORG_DESCRIPTORS.has(lower) || (lower.length > 4 && lower.endsWith('s') && ORG_DESCRIPTORS.has(lower.slice(0, -1)));

/** An organisation head word, singular or plural ("Union", "Unions"). */
export const isOrgHead = (fold: string): boolean => ORG_HEADS.has(fold) || (fold.length > 4 && fold.endsWith('s') && ORG_HEADS.has(fold.slice(0, -1)));

/** An all-capitals word that is not initials or a Roman numeral ("NATO", "ORF"). */
export const isAcronym = (t: Token): boolean => t.caps && !t.dotted && t.text.length >= 2 && t.text.length <= 8 && !ROMAN_NUMERALS.has(t.fold);

/** A noun for what a person is or does ("spokesman", "president", "farmer"). */
export const isRoleNoun = (fold: string): boolean => ROLE_NOUNS.has(fold) || TITLE_WORDS.has(fold) || (flags(fold) & ACTOR) !== 0;

/** A capitalised word. */
export const isNameWord = (t: Token | undefined): boolean => !!t && t.kind === 'word' && t.cap;

/** A lowercase word. */
export const isLowerWord = (t: Token | undefined): boolean => !!t && t.kind === 'word' && !t.cap;

/** Case endings a Cyrillic given name takes after its nominative ending is dropped ("Віталія", "Оленою", "Ігорем"). */
const GIVEN_NAME_ENDINGS = new Set([
  '',
  'а',
  'я',
  'у',
  'ю',
  'ом',
  'ем',
  'єм',
  'ою',
  'ею',
  'єю',
  'ові',
  'еві',
  'єві',
  'і',
  'ї',
  'и',
  'е',
  'о',
  'й',
  'ій',
  'ія',
  'ію',
  'ії',
  'ієм',
  'ієві',
  'ия',
  'ию',
  'ием',
  'ии',
]);

/** Nominative endings removed to find a Cyrillic given name's stem ("Андрій" → "Андр", "Олена" → "Олен"). */
const NOMINATIVE_ENDING = /(?:ій|ий|ія|ия|ь|й|а|я|о)$/u;

let givenNameStems: ReadonlySet<string> | undefined;

/** Ukrainian consonants that alternate before the dative and locative "-і", and the consonant of the nominative. */
const CONSONANT_ALTERNATION: Readonly<Record<string, string>> = { з: 'г', ц: 'к', с: 'х' };

/** Whether a lowercase Cyrillic word is a common given name in any case ("Віталій", "Віталієм", "Олені"). */
export const isCyrillicGivenName = (lower: string): boolean => {
  if (CYRILLIC_GIVEN_NAMES.has(lower)) return true;
  givenNameStems ??= new Set([...CYRILLIC_GIVEN_NAMES].map((n) => n.replace(NOMINATIVE_ENDING, '')));
  for (let cut = 0; cut <= 4 && cut < lower.length - 2; cut++) {
    const stem = cut === 0 ? lower : lower.slice(0, -cut);
    if (givenNameStems.has(stem) && GIVEN_NAME_ENDINGS.has(lower.slice(lower.length - cut))) return true;
  }
  // "Ользі", "Одарці": a feminine name in "-га", "-ка", "-ха" alternates its consonant before the dative's "-і".
  const alternated = /(?:з|ц|с)і$/u.test(lower) ? `${lower.slice(0, -2)}${CONSONANT_ALTERNATION[lower.at(-2) ?? ''] ?? ''}а` : '';
  return alternated !== '' && CYRILLIC_GIVEN_NAMES.has(alternated);
};
