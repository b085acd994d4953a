import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

const analyze = (paragraphs: string[]) => analyzeArticle(article(paragraphs, 'Новини', 'uk'));

describe('Ukrainian names', () => {
  it('a given name ending like an adjective ("Андрій") after a title is a person, not a body, and not a source', () => {
    const r = analyze(['Міністр енергетики Андрій Мельник заявив: «Система працює стабільно, відключень не буде».']);
    expect(r.entities.people).toEqual(['Андрій Мельник']);
    expect(r.entities.organizations).toEqual([]);
    expect(r.sources).toEqual([]);
    expect(r.quotes.map((q) => q.speaker)).toEqual(['Андрій Мельник']);
  });

  it('an inflected name after an inflected title is a person ("речника поліції Ірини Бойко")', () => {
    const r = analyze(['«Усі пасажири живі, двоє отримали легкі травми», за словами речника поліції Ірини Бойко.']);
    expect(r.entities.people).toEqual(['Ірина Бойко']);
    expect(r.sources).toEqual([]);
  });

  it('a sentence-initial role noun is split off the name, and an inflected "Кабінет" heads a body', () => {
    const r = analyze(['Співачка Олена Петренко виступила в Одесі.', 'Верховна Рада ухвалила закон, а Кабінет Міністрів України його підтримав.']);
    expect(r.entities.people).toEqual(['Олена Петренко']);
    expect(r.entities.organizations).toEqual(['Верховна Рада', 'Кабінет Міністрів України']);
  });

  it('places are found in any case form and named in the nominative, regions by their suffix, and a sentence-initial preposition is no part of a name', () => {
    const r = analyze(['У Львові та Харкові пройшли концерти.', 'На Полтавщині відкрили виставку, а до Варшави поїхали музиканти зі США.']);
    expect(r.entities.places).toEqual(['Львів', 'Харків', 'Полтавщина', 'Варшава', 'США']);
  });

  it('a place running into a name is split off it, and a run naming a place inside is a body ("Радіо Польщі")', () => {
    const r = analyze(['Про це в Україні Олена Петренко розповіла виданню Радіо Польщі.']);
    expect(r.entities.people).toEqual(['Олена Петренко']);
    expect(r.entities.places).toContain('Україна');
    expect(r.entities.people).not.toContain('Радіо Польщі');
  });

  it('a body whose name capitalises only its first word is read whole ("Республіканська партія", "Палата представників США")', () => {
    const r = analyze(['Її підтримала Республіканська партія, а до Палати представників США вона балотується вперше.']);
    expect(r.entities.organizations).toEqual(['Республіканська партія', 'Палата представників США']);
  });

  it('a name at a paragraph start counts when a surname ending or a role after it says so', () => {
    const r = analyze(['Ярина Матвійчук, кореспондентка: Розкажіть про себе.', 'Джеффрі Кенні, вокаліст гурту: Ми почуваємося як вдома.']);
    expect(r.entities.people).toEqual(['Ярина Матвійчук', 'Джеффрі Кенні']);
  });

  it('a given name and a surname agreeing in case are a person ("з Миколою Кулебою"); a Latin-script run is a body; the people of a country are no place', () => {
    const r = analyze(['Зустріч з Миколою Кулебою організувала фундація United Help Ukraine.', 'Українці зібралися у Сполучених Штатах та в РФ.']);
    expect(r.entities.people).toEqual(['Микола Кулеба']);
    expect(r.entities.organizations).toEqual(['United Help Ukraine']);
    expect(r.entities.places).toEqual(['Сполучених Штатах', 'РФ']);
  });

  it('a country in the genitive between a title and a surname is a place, and the surname a person', () => {
    const r = analyze(['Він зустрівся з президентом Франції Макроном.', 'Прем’єр Польщі Туск заявив, що переговори тривають.']);
    expect(r.entities.people).toEqual(['Макроном', 'Туск']);
    expect(r.entities.places).toEqual(['Франція', 'Польща']);
    expect(r.entities.organizations).toEqual([]);
    expect(r.sources).toEqual([]);
  });

  it('a surname declined like an adjective ending in "-ський" is one person in every case', () => {
    const r = analyze(['Прем’єр-міністр Остап Кравецький прибув до Львова.', 'Журналісти чекали на Остапа Кравецького біля входу.']);
    expect(r.entities.people).toEqual(['Остап Кравецький']);
  });
});
