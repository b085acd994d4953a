import { TWO_LETTER_CODES } from './language-data.js';
import { canonicalLanguage } from './language-tag.js';
import { rankLanguages } from './trigram-language.js';

export { canonicalLanguage } from './language-tag.js';

/**
 * A detected language (ISO 639-3) as a feed's language tag: its ISO 639-1 code from the generated table; else the
 * code as BCP 47 canonicalizes it, which names an individual language by its macrolanguage's code where CLDR says so
 * (Mandarin `cmn` → `zh`, Standard Arabic `arb` → `ar`, Iranian Persian `pes` → `fa`, Swahili `swh` → `sw`) and keeps
 * the three letters of a language with no two-letter code (Cebuano `ceb`). They were dropped: a Chinese or Arabic
 * story took the site's language.
 */
function languageTagOf(code: string): string | undefined {
  return Object.hasOwn(TWO_LETTER_CODES, code) ? TWO_LETTER_CODES[code] : /^[a-z]{3}$/.test(code) ? canonicalLanguage(code) : undefined;
}

/**
 * Hiragana and katakana letters, which only Japanese writes: a text mostly in Han characters with any of them is
 * Japanese. (Not the middle dot `・` and the length mark `ー`, which Chinese text borrows now and then.)
 */
const KANA = /[\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fd-\u30ff\u31f0-\u31ff\uff66-\uff6f\uff71-\uff9d]/u;

/**
 * Below this many letters, a text's trigrams do not outvote a language it reads well in: "Intro. This is a
 * paragraph." scores 0.96 in English against Portuguese's 1.
 */
const SHORT_TEXT_LETTERS = 150;
/** The score (the best is 1) at which a short text reads well enough in the language expected of it. */
const EXPECTED_LANGUAGE_SCORE = 0.9;

/**
 * Detects the language of a text as a BCP 47 tag (`en`, `uk`, `zh`; three letters for a language without a
 * two-letter code: `ceb`), or `undefined` when
 * the text is too short or the guess is not clear. A text too short for its trigrams (under 20 letters) mostly in a
 * script `expected` is not written in is in that script's main language (`zh`, `ar`, `hi`; `ja` with kana). Reads the first 300 characters: enough for
 * trigram statistics, and it keeps detection well under a millisecond. A short text that reads
 * well in `expected` (a language tag: the site's) gets `undefined` too, leaving it to the caller's
 * expected language rather than to a guess from a few dozen letters.
 */
export function detectLanguage(text: string, expected?: string): string | undefined {
  const sample = text.slice(0, 300);
  const letters = sample.replace(/[^\p{L}]/gu, '').length;
  if (letters < 20) {
    // Too few letters to tell a language by their trigrams; but a Chinese or Arabic note of a dozen letters is not in
    // an English site's language: in a script the expected language is not written in, it is in the script's main one.
    return letters >= MIN_FOREIGN_LETTERS && expected !== undefined && !writtenIn(sample, letters, expected) ? scriptMainLanguage(sample, letters) : undefined;
  }
  if (looksEnglish(sample)) return 'en';
  const ranked = rankLanguages(sample, 20);
  const [best, second] = ranked;
  // No letter in a script the trigram models cover (Hebrew, Georgian, Armenian, Khmer, …): the script's main language,
  // when it writes more than half of them.
  if (!best || best[0] === 'und') return scriptMainLanguage(sample, letters, false);
  if (best[0] === 'cmn' && KANA.test(sample)) return 'ja';
  if (expected !== undefined && letters < SHORT_TEXT_LETTERS) {
    const primary = expected.split('-')[0]!.toLowerCase();
    if (ranked.some(([code, score]) => score >= EXPECTED_LANGUAGE_SCORE && languageTagOf(code) === primary)) return undefined;
  }
  // A close runner-up means the sample does not tell the two apart; leave it to config.
  if (second && second[1] > 0.98 && best[1] - second[1] < 0.01) return undefined;
  return languageTagOf(best[0]);
}

/** Fewest letters in another script than the expected language's that name a language (see {@link detectLanguage}). */
const MIN_FOREIGN_LETTERS = 2;

/** The scripts a language's likely script (CLDR's, as `Intl.Locale#maximize` gives it) writes with, as regular expressions. */
const SCRIPT_LETTERS: Readonly<Record<string, RegExp>> = {
  Jpan: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu,
  Kore: /[\p{Script=Hangul}\p{Script=Han}]/gu,
  Hans: /\p{Script=Han}/gu,
  Hant: /\p{Script=Han}/gu,
};

/** The letters of each language tag's likely script, as {@link writtenIn} asked for them (a build sees a handful of tags). */
const letterPatterns = new Map<string, RegExp | null>();

/**
 * `true` when at least half of the sample's `letters` are in the script `language` is written in (Latin for `en`,
 * Han and kana for `ja`), or when that script is unknown; `false` for a Chinese note on an English site.
 */
function writtenIn(sample: string, letters: number, language: string): boolean {
  let pattern = letterPatterns.get(language);
  if (pattern === undefined) {
    let script: string | undefined;
    try {
      script = new Intl.Locale(language).maximize().script;
    } catch {
      script = undefined;
    }
    try {
      pattern = script === undefined ? null : (SCRIPT_LETTERS[script] ?? new RegExp(`\\p{Script=${script}}`, 'gu'));
    } catch {
      pattern = null;
    }
    if (letterPatterns.size < 64) letterPatterns.set(language, pattern);
  }
  return pattern === null || (sample.match(pattern)?.length ?? 0) * 2 >= letters;
}

/**
 * Scripts (ISO 15924) in which one language writes most of what is written, which CLDR's likely subtags name
 * (`und-Deva` → `hi`, `und-Cyrl` → `ru`, `und-Arab` → `ar`, `und-Hani` → `zh`): not Latin, which many languages share
 * about equally.
 */
const MAIN_LANGUAGE_SCRIPTS = [
  'Hani',
  'Hang',
  'Arab',
  'Cyrl',
  'Deva',
  'Grek',
  'Hebr',
  'Thai',
  'Beng',
  'Taml',
  'Telu',
  'Knda',
  'Mlym',
  'Gujr',
  'Guru',
  'Orya',
  'Sinh',
  'Mymr',
  'Ethi',
  'Geor',
  'Armn',
  'Khmr',
  'Laoo',
  'Tibt',
  'Thaa',
  'Mong',
];

/** Lazily made: each of {@link MAIN_LANGUAGE_SCRIPTS} with its letters' pattern and its main language. */
let mainLanguages: { letters: RegExp; language: string }[] | undefined;

/**
 * The main language of the script (of {@link MAIN_LANGUAGE_SCRIPTS}) that writes half of the sample's letters (more
 * than half without `orHalf`), Japanese for Han with any kana; `undefined` when no such script does. For a text too
 * short for its trigrams, or in scripts the trigram models lack (Yiddish, Dzongkha and the other minority languages of
 * those scripts are not told apart from the script's main language).
 */
function scriptMainLanguage(sample: string, letters: number, orHalf = true): string | undefined {
  if (KANA.test(sample)) return 'ja';
  mainLanguages ??= MAIN_LANGUAGE_SCRIPTS.map((script) => ({
    letters: new RegExp(`\\p{Script=${script}}`, 'gu'),
    language: new Intl.Locale(`und-${script}`).maximize().language,
  }));
  for (const { letters: pattern, language } of mainLanguages) {
    const twice = (sample.match(pattern)?.length ?? 0) * 2;
    if (orHalf ? twice >= letters : twice > letters) return (language === 'ru' && cyrillicLanguageByLetters(sample)) || language;
  }
  return undefined;
}

/**
 * Letters of the Cyrillic script that one of its languages writes and Russian does not: a short Ukrainian
 * note (`Слава Україні!`) is Ukrainian, not the script's main language. Uzbek shares Belarusian's `ў`, and
 * writes `қ`, `ғ` or `ҳ` beside it.
 */
const CYRILLIC_LETTERS_OF: readonly { letters: RegExp; language: string; unless?: RegExp }[] = [
  { letters: /[ЇЄҐїєґ]/u, language: 'uk' },
  { letters: /[Ўў]/u, language: 'be', unless: /[ҚқҒғҲҳ]/u },
  { letters: /[ЂЋђћ]/u, language: 'sr' },
  { letters: /[ЃЌЅѓќѕ]/u, language: 'mk' },
];

/** The Cyrillic language (other than Russian) whose own letters a sample holds, if one's do. */
function cyrillicLanguageByLetters(sample: string): string | undefined {
  return CYRILLIC_LETTERS_OF.find((entry) => entry.letters.test(sample) && !entry.unless?.test(sample))?.language;
}

/** The commonest English function words; they make up 30–45% of running English text. */
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to a in is that for on with as was by at from it has have are said were be this an which not or but his her their will its also after into than more been would who they he she had over'.split(
    ' ',
  ),
);

/**
 * A shortcut for the commonest case: when a fifth or more of at least 12 words are English function
 * words, the text is English (French, German, Spanish, Italian, Dutch, Portuguese news prose scores
 * under 8%). Saves the trigram comparison, the most expensive step of normalizing an English story.
 */
function looksEnglish(sample: string): boolean {
  const words = sample.toLowerCase().match(/\p{L}+/gu);
  if (!words || words.length < 12) return false;
  let hits = 0;
  for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) hits++;
  return hits / words.length >= 0.2;
}
