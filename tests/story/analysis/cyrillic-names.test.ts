import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cyrillicPersonNominative } from '../../../src/story/analysis/cyrillic-names.js';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { cyrillicPlaceNominative } from '../../../src/story/analysis/mentions.js';
import { article } from './helpers.js';

const nominative = (name: string): string | null => cyrillicPersonNominative(name.split(' '));
const analyze = (paragraphs: string[]) => analyzeArticle(article(paragraphs, 'Новини', 'uk'));

describe('Ukrainian personal names back in the nominative', () => {
  it('reads a man’s name in the genitive, dative and instrumental', () => {
    expect(nominative('Андрія Коваленка')).toBe('Андрій Коваленко');
    expect(nominative('Тараса Левицького')).toBe('Тарас Левицький');
    expect(nominative('Степана Гайдука')).toBe('Степан Гайдук');
    expect(nominative('Олегові Гнатенку')).toBe('Олег Гнатенко');
    expect(nominative('Юрію Ковалю')).toBe('Юрій Коваль');
    expect(nominative('Андрієм Мартиновичем')).toBe('Андрій Мартинович');
    expect(nominative('Богданом Левицьким')).toBe('Богдан Левицький');
  });

  it('reads a woman’s name in the genitive and instrumental; a surname that does not decline stays', () => {
    expect(nominative('Оксани Гнатової')).toBe('Оксана Гнатова');
    expect(nominative('Галини Левицької')).toBe('Галина Левицька');
    expect(nominative('Ольгою Сидоровою')).toBe('Ольга Сидорова');
    expect(nominative('Ірини Бойко')).toBe('Ірина Бойко');
    expect(nominative('Лесею Мельничук')).toBe('Леся Мельничук');
    expect(nominative('Марії Гнатюк')).toBe('Марія Гнатюк');
  });

  it('a man’s given name in "-а" declines as a woman’s; a Ukrainian name is read before a Russian one', () => {
    expect(nominative('Миколи Гребенюка')).toBe('Микола Гребенюк');
    expect(nominative('Миколою Дзюбою')).toBe('Микола Дзюба');
    expect(nominative('Петра Гнатенка')).toBe('Петро Гнатенко');
    // Alone, "Павла" could be a woman's name: only a man marked by the text is Павло.
    expect(nominative('Павла')).toBeNull();
    expect(cyrillicPersonNominative(['Павла'], 'masculine')).toBe('Павло');
  });

  it('a man’s genitive written as a woman’s nominative ("Ярослава", "Петра") is read only with a surname in a man’s case or the text marking a man', () => {
    expect(nominative('Ярослава Шевчишина')).toBeNull();
    expect(nominative('Ярослава Левицького')).toBe('Ярослав Левицький');
    expect(cyrillicPersonNominative(['Ярослава', 'Шевчишина'], 'masculine')).toBe('Ярослав Шевчишин');
    expect(cyrillicPersonNominative(['Ярослава', 'Левицького'], 'feminine')).toBeNull();
    expect(nominative('Олександра Гнатенко')).toBeNull();
    expect(nominative('Петра Гнатова')).toBeNull();
    // Other forms are in their case whatever the text marks: "Зустріч з Миколою Дзюбою організувала …".
    expect(cyrillicPersonNominative(['Олегом', 'Дзюбою'], 'feminine')).toBe('Олег Дзюба');
  });

  it('a foreign man’s given name declines like a noun, when the surname agrees', () => {
    expect(nominative('Рональда Форда')).toBe('Рональд Форд');
    expect(nominative('Майком Ларсоном')).toBe('Майк Ларсон');
    expect(nominative('Барака Гозами')).toBe('Барак Гозама');
  });

  it('leaves a name in the nominative, one whose case cannot be told, and one of two possible nominatives', () => {
    expect(nominative('Андрій Коваленко')).toBeNull();
    expect(nominative('Оксана Гнатова')).toBeNull();
    // "Джо", "Метью" do not decline: nothing tells the case.
    expect(nominative('Джо Бартона')).toBeNull();
    // A woman's foreign name in "-а" with a surname that is no case form.
    expect(nominative('Камала Гарріс')).toBeNull();
    // "-ка" is the genitive of "-ко" and of "-к".
    expect(nominative('Олега Бойка')).toBeNull();
    expect(nominative('Андрія Петровича Коваленка')).toBeNull();
  });

  it('round trip: every common given name, declined by its own paradigm with invented surnames of each kind, comes back', () => {
    // Forward declension written here independently: nominative → genitive and instrumental.
    const men: [string, string, string][] = [
      ['Олександр', 'Олександра', 'Олександром'],
      ['Андрій', 'Андрія', 'Андрієм'],
      ['Василь', 'Василя', 'Василем'],
      ['Дмитро', 'Дмитра', 'Дмитром'],
      ['Ігор', 'Ігоря', 'Ігорем'],
    ];
    const menSurnames: [string, string, string][] = [
      ['Гнатенко', 'Гнатенка', 'Гнатенком'],
      ['Ярмольський', 'Ярмольського', 'Ярмольським'],
      ['Дорошук', 'Дорошука', 'Дорошуком'],
      ['Теслюк', 'Теслюка', 'Теслюком'],
      ['Мартинович', 'Мартиновича', 'Мартиновичем'],
      ['Гончар', 'Гончаря', 'Гончарем'],
    ];
    for (const [given, givenGen, givenIns] of men) {
      for (const [surname, gen, ins] of menSurnames) {
        expect(nominative(`${givenGen} ${gen}`)).toBe(`${given} ${surname}`);
        expect(nominative(`${givenIns} ${ins}`)).toBe(`${given} ${surname}`);
      }
    }
    const women: [string, string, string][] = [
      ['Наталія', 'Наталії', 'Наталією'],
      ['Оксана', 'Оксани', 'Оксаною'],
      ['Леся', 'Лесі', 'Лесею'],
    ];
    const womenSurnames: [string, string, string][] = [
      ['Ярмольська', 'Ярмольської', 'Ярмольською'],
      ['Гнатова', 'Гнатової', 'Гнатовою'],
      ['Гнатенко', 'Гнатенко', 'Гнатенко'],
      ['Дорошук', 'Дорошук', 'Дорошук'],
    ];
    for (const [given, givenGen, givenIns] of women) {
      for (const [surname, gen, ins] of womenSurnames) {
        expect(nominative(`${givenGen} ${gen}`)).toBe(`${given} ${surname}`);
        expect(nominative(`${givenIns} ${ins}`)).toBe(`${given} ${surname}`);
      }
    }
  });
});

describe('the nominative of a Ukrainian name is a nominative', () => {
  const given = [
    'Андрія',
    'Андрієм',
    'Андрію',
    'Олександра',
    'Олександром',
    'Петра',
    'Дмитра',
    'Ігоря',
    'Ігорем',
    'Василя',
    'Оксани',
    'Оксаною',
    'Лесі',
    'Лесею',
    'Наталії',
    'Наталією',
    'Миколи',
    'Миколою',
    'Іллею',
    'Рональда',
    'Майком',
    'Юрієм',
    'Ольги',
  ];
  const surnames = [
    'Гнатенка',
    'Гнатенком',
    'Гнатенку',
    'Ярмольського',
    'Ярмольським',
    'Ярмольської',
    'Ярмольською',
    'Гнатової',
    'Гнатовою',
    'Дорошука',
    'Дорошуком',
    'Мартиновича',
    'Мартиновичем',
    'Гончаря',
    'Гончарем',
    'Дзюби',
    'Дзюбою',
    'Гайдая',
    'Бойка',
    'Гнатенко',
    'Шевчишина',
    'Форда',
  ];

  it('read again, the nominative it gives is left as it is (no name is declined twice)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...given), fc.constantFrom(...surnames), (first, last) => {
        const once = nominative(`${first} ${last}`);
        return once === null || nominative(once) === null;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Ukrainian places back in the nominative', () => {
  it('maps a case form of a gazetteer name to it, vowel alternations and hyphens included', () => {
    expect(cyrillicPlaceNominative('києві')).toBe('київ');
    expect(cyrillicPlaceNominative('львова')).toBe('львів');
    expect(cyrillicPlaceNominative('одесі')).toBe('одеса');
    expect(cyrillicPlaceNominative('нью-йорку')).toBe('нью-йорк');
    expect(cyrillicPlaceNominative('брюсселі')).toBe('брюссель');
    expect(cyrillicPlaceNominative('італії')).toBe('італія');
    expect(cyrillicPlaceNominative('полтавщині')).toBe('полтавщина');
    expect(cyrillicPlaceNominative('донеччину')).toBe('донеччина');
  });

  it('leaves nominatives, names it does not know and forms of two names', () => {
    expect(cyrillicPlaceNominative('україна')).toBeNull();
    expect(cyrillicPlaceNominative('сша')).toBeNull();
    expect(cyrillicPlaceNominative('дніпро')).toBeNull();
    expect(cyrillicPlaceNominative('залісся')).toBeNull();
  });
});

describe('names in the nominative in the analysis', () => {
  it('a speaker named only in the genitive ("за словами …") is named in the nominative', () => {
    const r = analyze(['За словами речника міністерства Тараса Гнатенка, «переговори тривають».']);
    expect(r.quotes.map((q) => q.speaker)).toEqual(['Тарас Гнатенко']);
    expect(r.entities.people).toEqual(['Тарас Гнатенко']);
  });

  it('places written only in another case are named in the nominative, with their capitals', () => {
    const r = analyze(['Делегація прибула до Берліна, а потім зупинилася у Нью-Йорку й Києві.']);
    expect(r.entities.places).toEqual(['Берлін', 'Нью-Йорк', 'Київ']);
  });

  it('a surname alone in another case is the person introduced in full, not a source', () => {
    const man = analyze(['Міністр Тарас Гнатенко виступив у парламенті.', 'За словами Гнатенка, «бюджет ухвалять до грудня».']);
    expect(man.sources).toEqual([]);
    expect(man.quotes.map((q) => q.speaker)).toEqual(['Тарас Гнатенко']);
    const woman = analyze(['Посол Ірина Гнатова виступила в сенаті.', 'За словами Гнатової, «допомога потрібна вже зараз».']);
    expect(woman.sources).toEqual([]);
    expect(woman.quotes.map((q) => q.speaker)).toEqual(['Ірина Гнатова']);
  });
});
