import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

const entitiesOf = (paragraphs: string[], title?: string) => analyzeArticle(article(paragraphs, title)).entities;

describe('people', () => {
  it('strips titles and roles from names', () => {
    const e = entitiesOf([
      'Prime Minister Keir Starmer met Chancellor Rachel Reeves on Monday.',
      'Bundesbank President Joachim Nagel and UN Secretary-General António Guterres also attended, as did Former President Barack Obama.',
    ]);
    expect(e.people).toEqual(expect.arrayContaining(['Keir Starmer', 'Rachel Reeves', 'Joachim Nagel', 'António Guterres', 'Barack Obama']));
    for (const p of e.people) expect(p).not.toMatch(/^(Prime|Minister|Chancellor|President|Former|Secretary|General)\b/);
    expect(e.organizations).toEqual(expect.arrayContaining(['Bundesbank', 'UN']));
  });

  it('splits a body, a title and a name written together', () => {
    const e = entitiesOf(['European Central Bank Vice President Luis de Guindos spoke in Frankfurt.']);
    expect(e.organizations).toContain('European Central Bank');
    expect(e.people).toContain('Luis de Guindos');
  });

  it('merges a surname and a given name with the full name', () => {
    const e = entitiesOf([
      'Opposition leader Maria Santos Ferreira toured the flooded districts.',
      'Ferreira said the government had ignored warnings. Maria later visited a shelter.',
    ]);
    expect(e.people).toEqual(['Maria Santos Ferreira']);
  });

  it('expands a well-known surname the story never spells out', () => {
    const e = entitiesOf(['The summit ended without a deal, and Merkel flew home early.']);
    expect(e.people).toEqual(['Angela Merkel']);
  });

  it('keeps an ambiguous surname as written', () => {
    const e = entitiesOf(['The summit ended without a deal, and Trump flew home early.']);
    expect(e.people).toEqual(['Trump']);
  });

  it('finds names after lowercase roles and with ages', () => {
    const e = entitiesOf(['Local farmer Jenny Ashworth, 54, said her fields were flooded. Her neighbour, retired teacher Colin Marsh, agreed.']);
    expect(e.people).toEqual(['Jenny Ashworth', 'Colin Marsh']);
    expect(e.organizations).toEqual([]);
  });
});

describe('organisations', () => {
  it('recognises acronyms, head words and "X of Y"', () => {
    const e = entitiesOf([
      'The Ministry of Foreign Affairs, the National Weather Service and UNICEF issued a joint appeal.',
      'The Central Bank of Kenya and the Kenya Red Cross Society also took part.',
    ]);
    expect(e.organizations).toEqual(
      expect.arrayContaining(['Ministry of Foreign Affairs', 'National Weather Service', 'UNICEF', 'Central Bank of Kenya', 'Kenya Red Cross Society']),
    );
  });

  it('merges an acronym with the name it abbreviates', () => {
    const e = entitiesOf(['The World Trade Organization opened its meeting. The WTO expects slower growth.']);
    expect(e.organizations).toEqual(['World Trade Organization']);
  });

  it('recognises outlets from the words around them', () => {
    const e = entitiesOf(['The newspaper Le Monde and the broadcaster RTL first reported the deal, according to the German magazine Der Spiegel.']);
    expect(e.organizations).toEqual(expect.arrayContaining(['Le Monde', 'RTL', 'Der Spiegel']));
  });

  it('names the White House without the article', () => {
    expect(entitiesOf(['The White House declined to comment.']).organizations).toEqual(['White House']);
  });
});

describe('places', () => {
  it('recognises countries, cities and the US from the lexicon', () => {
    const e = entitiesOf(['Talks between the US and China resumed in Geneva, while the UK stayed out.']);
    expect(e.places).toEqual(expect.arrayContaining(['US', 'China', 'Geneva', 'UK']));
  });

  it('recognises unknown places from prepositions and place nouns', () => {
    const e = entitiesOf(['Rescuers reached the village of Zorivka near Bilohirya on Friday.', 'Flooding was worst in the Kherson region and in Oleshky and Hola Prystan.']);
    expect(e.places).toEqual(expect.arrayContaining(['Zorivka', 'Bilohirya', 'Kherson', 'Oleshky', 'Hola Prystan']));
    expect(e.people).toEqual([]);
  });

  it('strips possessives and punctuation', () => {
    const e = entitiesOf(["Brazil's exports rose while Argentina's fell, officials in Brasília said."]);
    expect(e.places).toEqual(expect.arrayContaining(['Brazil', 'Argentina', 'Brasília']));
    for (const p of e.places) expect(p).not.toMatch(/['’]s$|[.,]$/);
  });

  it('reads a dateline place', () => {
    expect(entitiesOf(['ODESA, Ukraine — Ships left port on Monday.']).places).toEqual(['Odesa', 'Ukraine']);
  });
});

describe('what is not an entity', () => {
  it('leaves out events, months, weekdays and nationality adjectives', () => {
    const e = entitiesOf([
      'Veterans of the Korean War and World War II gathered on Monday in March for the Paris Olympics anniversary.',
      'Russian and North Korean officials spoke of Operation Overlord; Americans and Koreans listened.',
    ]);
    const all = [...e.people, ...e.organizations, ...e.places];
    for (const name of ['Korean War', 'World War II', 'Monday', 'March', 'Paris Olympics', 'Russian', 'North Korean', 'Operation Overlord', 'Americans', 'Koreans']) {
      expect(all).not.toContain(name);
    }
  });

  it('leaves out capitalised sentence openers', () => {
    const e = entitiesOf([
      'However, prices rose. Meanwhile, wages fell. According to analysts, demand will recover.',
      'Estimates vary. Thieves took nothing. Retailers in the city are worried.',
    ]);
    expect([...e.people, ...e.organizations, ...e.places]).toEqual([]);
  });

  it('needs more than an acronym in the headline alone', () => {
    const e = entitiesOf(['Shares of chip makers rose on Tuesday.'], 'Chip makers rally as AI demand grows');
    expect(e.organizations).toEqual([]);
  });
});

describe('ranking', () => {
  it('puts the most mentioned, headline and quoted entities first', () => {
    const result = analyzeArticle(
      article(
        [
          'Environment Minister Sofia Laine announced a ban on coal plants in Finland by 2029.',
          '"Finland can do this faster than anyone thinks," Laine said in Helsinki.',
          'Laine said Finland would also fund new wind farms. Sweden and Norway are watching.',
        ],
        'Finland to ban coal power by 2029',
      ),
    );
    expect(result.ranked[0]?.name).toBe('Finland');
    expect(result.ranked[1]?.name).toBe('Sofia Laine');
    expect(result.ranked.find((r) => r.name === 'Sofia Laine')?.mentions).toBe(3);
  });
});
