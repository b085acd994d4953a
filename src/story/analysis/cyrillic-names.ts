/**
 * Ukrainian personal names written in another case, back in the nominative: "за словами Андрія
 * Коваленка" names Андрій Коваленко, "з Ольгою Сидоровою" Ольга Сидорова. The case and gender come
 * from the given name (a common one, see {@link CYRILLIC_GIVEN_NAMES}, or a foreign one declined like a
 * noun), the surname follows the paradigm of its ending; where a word could come from two nominatives the
 * name is left as written. Ukrainian names are read first: "Петра" is Петро, not the Russian Петр.
 */
import { CYRILLIC_GIVEN_NAMES, RUSSIAN_GIVEN_NAMES, UKRAINIAN_GIVEN_NAMES } from './words.js';

/** A name's grammatical gender. */
export type Gender = 'masculine' | 'feminine';
type Case = 'genitive' | 'dative' | 'instrumental';

interface Form {
  gender: Gender;
  case: Case;
  /** The nominative of the given name (lowercase). */
  nominative: string;
}

/**
 * The endings of a given name's cases after the stem its nominative shares, by the nominative's ending:
 * "Андрі|й" → "Андрі|я", "Андрі|єм"; "Олен|а" → "Олен|и", "Олен|ою"; "Володимир" → "Володимир|а".
 */
const GIVEN_NAME_PARADIGMS: readonly { nominative: RegExp; gender: Gender; forms: Readonly<Record<string, Case>> }[] = [
  { nominative: /й$/u, gender: 'masculine', forms: { я: 'genitive', ю: 'dative', єві: 'dative', єм: 'instrumental' } },
  { nominative: /ь$/u, gender: 'masculine', forms: { я: 'genitive', ю: 'dative', еві: 'dative', ем: 'instrumental' } },
  { nominative: /о$/u, gender: 'masculine', forms: { а: 'genitive', ові: 'dative', у: 'dative', ом: 'instrumental' } },
  { nominative: /[бвгґджзклмнпрстфхцчшщ]$/u, gender: 'masculine', forms: { а: 'genitive', я: 'genitive', ові: 'dative', у: 'dative', ом: 'instrumental', ем: 'instrumental' } },
  { nominative: /ія$/u, gender: 'feminine', forms: { ії: 'genitive', ією: 'instrumental' } },
  { nominative: /я$/u, gender: 'feminine', forms: { і: 'genitive', ею: 'instrumental' } },
  { nominative: /а$/u, gender: 'feminine', forms: { и: 'genitive', ою: 'instrumental' } },
];

/** Men's given names in "-а" and "-я", declined as the women's are ("Миколи", "Іллею"). */
const MASCULINE_IN_A: ReadonlySet<string> = new Set(['микола', 'ілля', 'илья', 'никита', 'кузьма', 'фома', 'лука', 'сава', 'савва']);

/** How the paradigm of {@link GIVEN_NAME_PARADIGMS} cuts a nominative into its stem. */
const nominativeStem = (nominative: string): string => nominative.replace(/(?:ія|[йьоая])$/u, '');

let givenNameForms: ReadonlyMap<string, Form[]> | undefined;

/** Every case form of the common given names, with what each is (built once, on first use). */
function formsOfGivenNames(): ReadonlyMap<string, Form[]> {
  if (givenNameForms) return givenNameForms;
  const forms = new Map<string, Form[]>();
  const add = (names: ReadonlySet<string>, taken: ReadonlySet<string>): void => {
    for (const nominative of names) {
      const paradigm = GIVEN_NAME_PARADIGMS.find((p) => p.nominative.test(nominative));
      if (!paradigm) continue;
      const stem = nominativeStem(nominative);
      for (const [ending, nameCase] of Object.entries(paradigm.forms)) {
        const form = stem + ending;
        if (CYRILLIC_GIVEN_NAMES.has(form) || taken.has(form)) continue;
        const known = forms.get(form);
        const entry: Form = { gender: MASCULINE_IN_A.has(nominative) ? 'masculine' : paradigm.gender, case: nameCase, nominative };
        if (!known) forms.set(form, [entry]);
        else if (!known.some((k) => k.nominative === nominative)) known.push(entry);
      }
    }
  };
  add(UKRAINIAN_GIVEN_NAMES, new Set());
  // A Russian name adds only forms no Ukrainian name has.
  add(RUSSIAN_GIVEN_NAMES, new Set(forms.keys()));
  givenNameForms = forms;
  return forms;
}

/**
 * Surname endings in a case and the nominative ending each replaces, longest first: "Порошенк|а" →
 * "Порошенк|о", "Зеленськ|ого" → "Зеленськ|ий", "Сидоров|ою" → "Сидоров|а"; null where the form
 * could come from two nominatives ("-ка" of Бойко and of Новак). A surname matching none is taken as not
 * declined ("Комі", "Вакулюк" for a woman).
 */
const SURNAME_ENDINGS: Readonly<Record<Gender, Readonly<Record<Case, readonly (readonly [string, string | null])[]>>>> = {
  masculine: {
    genitive: [
      ['ого', 'ий'],
      ['енка', 'енко'],
      ['єнка', 'єнко'],
      ['ука', 'ук'],
      ['юка', 'юк'],
      ['ка', null],
      ['ая', 'ай'],
      ['ея', 'ей'],
      ['оя', 'ой'],
      ['ря', 'р'],
      ['я', 'ь'],
      ['и', 'а'],
      ['а', ''],
    ],
    dative: [
      ['ому', 'ий'],
      ['енкові', 'енко'],
      ['енку', 'енко'],
      ['укові', 'ук'],
      ['юкові', 'юк'],
      ['кові', null],
      ['уку', 'ук'],
      ['юку', 'юк'],
      ['ку', null],
      ['єві', 'й'],
      ['реві', 'р'],
      ['еві', 'ь'],
      ['ові', ''],
      ['рю', 'р'],
      ['ю', 'ь'],
      ['у', ''],
    ],
    instrumental: [
      ['им', 'ий'],
      ['енком', 'енко'],
      ['єнком', 'єнко'],
      ['уком', 'ук'],
      ['юком', 'юк'],
      ['ком', null],
      ['єм', 'й'],
      // After a hushing consonant or "р" the hard ending is "-ем" too: "Януковичем", "Лазарем".
      ['чем', 'ч'],
      ['шем', 'ш'],
      ['щем', 'щ'],
      ['жем', 'ж'],
      ['рем', 'р'],
      ['ем', 'ь'],
      ['ом', ''],
      ['ою', 'а'],
    ],
  },
  feminine: {
    genitive: [['ої', 'а']],
    dative: [],
    instrumental: [
      ['ою', 'а'],
      ['ею', 'я'],
    ],
  },
};

/** Cyrillic consonants, before which a masculine "-а" or "-ом" is a case ending. */
const CONSONANT_BEFORE_ENDING = /[бвгґджзклмнпрстфхцчшщ](?:а|ом|ові)$/u;

/** The case a foreign masculine given name is in, when its ending says so ("Дональда", "Майком"); null otherwise. */
function foreignMasculineCase(lower: string): Case | null {
  if (!CONSONANT_BEFORE_ENDING.test(lower)) return null;
  return lower.endsWith('ом') ? 'instrumental' : lower.endsWith('ові') ? 'dative' : 'genitive';
}

/**
 * Women's surnames in the nominative that are also a man's in the genitive ("Квітова", "Путіна"): after a
 * given name that could be a woman's too ("Петра", "Олександра", "Валерія"), only the text's marking of a
 * man makes the pair a genitive.
 */
const FEMININE_SURNAME_SHAPE = /(?:ова|ева|єва|іна|ина|їна|ська|цька|зька|ая)$/u;

/** The given name's nominative and what case it is in; null when it is a nominative, unknown or ambiguous. */
function givenNameForm(lower: string, surname: string, marked: Gender | null): Form | null {
  if (CYRILLIC_GIVEN_NAMES.has(lower)) return null;
  const known = formsOfGivenNames().get(lower);
  const form = known ? (known.length === 1 ? known[0]! : null) : foreignForm(lower, surname);
  if (!form || !alsoFeminine(lower, form)) return form;
  // Marked a woman (a feminine title before the name, a feminine verb after it), she is named in the nominative.
  if (marked === 'feminine') return null;
  if (marked !== 'masculine' && (FEMININE_SURNAME_SHAPE.test(surname) || surnameNominative(surname, form) === surname)) return null;
  return form;
}

/**
 * Whether a man's given name in the genitive is written as many women's names are in the nominative
 * ("Олександра", "Валерія", "Петра"). The text's marking of gender decides only these: another form ("Олегом",
 * "Оксани") is in its case whatever the verbs around it agree with.
 */
const alsoFeminine = (lower: string, form: Form): boolean => form.gender === 'masculine' && form.case === 'genitive' && /[ая]$/u.test(lower);

/** The nominative and case of a foreign man's given name declined like a noun, when its surname shows the same case. */
function foreignForm(lower: string, surname: string): Form | null {
  // The surname must show the same case ("Дональда Трампа", "Барака Обами").
  const nameCase = foreignMasculineCase(lower);
  if (nameCase === null) return null;
  const agrees =
    nameCase === 'genitive' ? /[бвгґджзклмнпрстфхцчшщ]а$|и$|ого$/u.test(surname) : nameCase === 'instrumental' ? /(?:ом|им|ою)$/u.test(surname) : /(?:ові|ому)$/u.test(surname);
  if (!agrees) return null;
  const cut = nameCase === 'instrumental' ? 2 : nameCase === 'dative' ? 3 : 1;
  return { gender: 'masculine', case: nameCase, nominative: lower.slice(0, -cut) };
}

/** The surname's nominative in `form`'s gender and case; null when two nominatives share the form. */
function surnameNominative(lower: string, form: Form): string | null {
  for (const [ending, nominative] of SURNAME_ENDINGS[form.gender][form.case]) {
    if (lower.endsWith(ending) && lower.length - ending.length >= 2) return nominative === null ? null : lower.slice(0, lower.length - ending.length) + nominative;
  }
  return lower;
}

/**
 * `lower` with the capitals `written` has at the starts of its hyphenated parts, and its apostrophe
 * ("нью-йорк" as "Нью-Йорку" writes it: "Нью-Йорк").
 */
export function casedLike(lower: string, written: string): string {
  const parts = written.split('-');
  const apostrophe = /[’ʼ']/u.exec(written)?.[0] ?? "'";
  return lower
    .split('-')
    .map((part, i) => {
      const first = parts[i]?.[0];
      return first !== undefined && first !== first.toLowerCase() ? part.charAt(0).toUpperCase() + part.slice(1) : part;
    })
    .join('-')
    .replaceAll("'", apostrophe);
}

/**
 * The nominative of a Ukrainian name of a given name and a surname written in another case ("Андрія
 * Коваленка" → "Андрій Коваленко", "Ольгою Сидоровою" → "Ольга Сидорова"), or of a given name alone
 * ("Антоном" → "Антон"); null when it is written in the nominative or its case cannot be told.
 */
export function cyrillicPersonNominative(words: readonly string[], marked: Gender | null = null): string | null {
  if (words.length < 1 || words.length > 2) return null;
  const lower = words.map((w) => w.toLowerCase().replace(/[’ʼ]/gu, "'"));
  const given = lower[0]!;
  const surname = lower[1];
  if (surname === undefined) {
    const known = formsOfGivenNames().get(given);
    const form = known?.length === 1 ? known[0]! : undefined;
    // Alone, a man's genitive in "-а"/"-я" could be a woman's name: the text must mark a man.
    if (!form || (alsoFeminine(given, form) && marked !== 'masculine')) return null;
    return casedLike(form.nominative, words[0]!);
  }
  const form = givenNameForm(given, surname, marked);
  const nominative = form ? surnameNominative(surname, form) : null;
  if (!form || nominative === null) return null;
  return `${casedLike(form.nominative, words[0]!)} ${casedLike(nominative, words[1]!)}`;
}
