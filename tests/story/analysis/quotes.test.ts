import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

const quotesOf = (paragraphs: string[], language = 'en') => analyzeArticle(article(paragraphs, 'News update', language)).quotes;

describe('quotation marks', () => {
  it.each([
    ['straight', '"We will rebuild every bridge before winter," Mayor Anna Kovacs said.'],
    ['curly', '“We will rebuild every bridge before winter,” Mayor Anna Kovacs said.'],
    ['guillemets', '«We will rebuild every bridge before winter», Mayor Anna Kovacs said.'],
    ['low-high', '„We will rebuild every bridge before winter,“ Mayor Anna Kovacs said.'],
  ])('reads %s quotes', (_, paragraph) => {
    expect(quotesOf([paragraph])).toEqual([{ text: 'We will rebuild every bridge before winter', speaker: 'Anna Kovacs' }]);
  });

  it('keeps the closing punctuation but strips a trailing comma', () => {
    const [q] = quotesOf(['"The talks will resume next week in Geneva." Minister Paolo Conti said so on Monday.']);
    expect(q?.text).toBe('The talks will resume next week in Geneva.');
  });

  it('ignores names, titles and one-word scare quotes, but keeps a fragment of what someone said', () => {
    expect(
      quotesOf([
        'The company called the report "an act of sabotage" and sued the "Daily Planet" over its story "Deep Waters".',
        'Critics say the "reform" will change little.',
      ]).map((q) => q.text),
    ).toEqual(['an act of sabotage']);
  });

  it('a quotation opened with a straight mark and closed with a curly one ends at the curly mark', () => {
    const qs = quotesOf(['La consigna fue: "Los precios pueden subir. Los precios pueden bajar. Diremos siempre la verdad”. El director repitió esas palabras ayer.'], 'es');
    expect(qs.map((q) => q.text)).toEqual(['Los precios pueden subir. Los precios pueden bajar. Diremos siempre la verdad']);
  });

  it('a curly opening mark after a space inside a curly quotation opens a nested one, which stays part of the quotation', () => {
    const qs = quotesOf(['“En el barrio lo llaman “el molino” porque muele a cualquiera que entra”, contó la vecina Inés Caro.'], 'es');
    expect(qs.map((q) => q.text)).toEqual(['En el barrio lo llaman “el molino” porque muele a cualquiera que entra']);
    expect(qs[0]?.speaker).toBe('Inés Caro');
  });

  it('a quotation opened with a curly mark and closed with a straight one ends at the straight mark', () => {
    const qs = quotesOf(['“Los caminos del norte siguen cortados por la nieve", explicó el alcalde Tomás Ibáñez. “Nadie sabe hasta cuándo durará el temporal", añadió.'], 'es');
    expect(qs.map((q) => [q.speaker, q.text])).toEqual([
      ['Tomás Ibáñez', 'Los caminos del norte siguen cortados por la nieve'],
      ['Tomás Ibáñez', 'Nadie sabe hasta cuándo durará el temporal'],
    ]);
  });

  it('reads doubled single marks as double ones ("‘‘…’’", "``…\'\'")', () => {
    expect(quotesOf(['The mayor said the plan was ‘‘a promise we intend to keep for every district.’’'])).toEqual([
      { text: 'a promise we intend to keep for every district.', speaker: 'The mayor' },
    ]);
    expect(quotesOf(["``We will open the bridge on Monday,'' Mayor Anna Kovacs said."])).toEqual([{ text: 'We will open the bridge on Monday', speaker: 'Anna Kovacs' }]);
  });

  it('keeps a short quotation signed by a dash and a verb of saying with its subject', () => {
    expect(quotesOf(['"Місто - це люди" - написав мер Ігор Бондаренко у мережі.'], 'uk').map((q) => q.text)).toEqual(['Місто - це люди']);
  });

  it('leaves out a capitalised short passage that the sentence goes on after, which is a name', () => {
    expect(quotesOf(['Прем’єр-міністр Іван Гнатюк заявив, що «Фонд відбудови» почне роботу вже навесні.'], 'uk')).toEqual([]);
    expect(quotesOf(['La ministra Elena Soto anunció que "Plan Cosecha" llegará a diez provincias este año.'], 'es')).toEqual([]);
    expect(quotesOf(['La ministra Elena Soto dijo que era "un plan que llegará a todos".'], 'es').map((q) => q.text)).toEqual(['un plan que llegará a todos']);
  });

  it('leaves out short exclamations listed one after another, which a crowd shouted', () => {
    expect(quotesOf(['En la plaza, cientos de vecinos gritaron: "¡Agua para todos!", "¡Fuera los cortes!" y "¡Queremos luz!". La policía llegó poco después.'], 'es')).toEqual([]);
  });

  it('takes a quotation that runs to the end of its paragraph as a quotation', () => {
    const quotes = quotesOf(['Trade Minister Lena Ortiz spoke at length.', '"We are opening three new markets this year and more will follow']);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.text).toBe('We are opening three new markets this year and more will follow');
  });
});

describe('attribution forms', () => {
  const intro = 'Finance Minister Daniela Varga presented the budget on Tuesday.';
  it.each([
    ['"…," X said.', '"The deficit will fall below three percent next year," Varga said.'],
    ['"…," said X.', '"The deficit will fall below three percent next year," said Varga.'],
    ['X said: "…"', 'Varga said: "The deficit will fall below three percent next year."'],
    ['X said, "…"', 'Varga said, "The deficit will fall below three percent next year."'],
    ['"…," X told reporters.', '"The deficit will fall below three percent next year," Varga told reporters in Budapest.'],
    ['"…," X wrote.', '"The deficit will fall below three percent next year," Varga wrote on social media.'],
    ['"…," X warned.', '"The deficit will fall below three percent next year," Varga warned.'],
    ['"…," X argued.', '"The deficit will fall below three percent next year," Varga argued.'],
    ['"…," X noted.', '"The deficit will fall below three percent next year," Varga noted.'],
    ['"…," concluded X.', '"The deficit will fall below three percent next year," concluded Varga.'],
    ['"…?" X asked.', '"Will the deficit fall below three percent next year?" Varga asked.'],
    ['"…," X also said.', '"The deficit will fall below three percent next year," Varga also said.'],
  ])('%s', (_, paragraph) => {
    const quotes = quotesOf([intro, paragraph]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.speaker).toBe('Daniela Varga');
  });

  it('X called it "…"', () => {
    const quotes = quotesOf(['Opposition leader Marek Novak called the budget "a gift to the richest families in the country".']);
    expect(quotes).toEqual([{ text: 'a gift to the richest families in the country', speaker: 'Marek Novak' }]);
  });

  it('X said that … "…" later in the sentence', () => {
    const quotes = quotesOf(['Professor Ines Albers, who led the study, wrote that the results were "far stronger than anyone in the field expected."']);
    expect(quotes[0]?.speaker).toBe('Ines Albers');
  });

  it('two quotations around one attribution share the speaker', () => {
    const quotes = quotesOf(['"The river is still rising in the north," fire chief Tomas Berg said. "We expect the peak on Thursday night."']);
    expect(quotes).toEqual([
      { text: 'The river is still rising in the north', speaker: 'Tomas Berg' },
      { text: 'We expect the peak on Thursday night.', speaker: 'Tomas Berg' },
    ]);
  });

  it('a paragraph that only continues a quotation keeps its speaker', () => {
    const quotes = quotesOf(['"The river is still rising in the north," fire chief Tomas Berg said.', '"We expect the peak on Thursday night, and we are ready for it."']);
    expect(quotes.map((q) => q.speaker)).toEqual(['Tomas Berg', 'Tomas Berg']);
  });

  it('a conjunction after a quotation is not a speaker', () => {
    const quotes = quotesOf(['Culture Minister Petra Lind called the fire "a wound to our whole national memory" and promised to rebuild.']);
    expect(quotes).toEqual([{ text: 'a wound to our whole national memory', speaker: 'Petra Lind' }]);
  });
});

describe('speaker resolution', () => {
  it('resolves a surname to the person introduced in full', () => {
    const quotes = quotesOf(['Health Minister Olga Reyes visited the hospital.', '"We need two hundred more nurses by spring," Reyes said.']);
    expect(quotes[0]?.speaker).toBe('Olga Reyes');
  });

  it('resolves a pronoun to the last speaker', () => {
    const quotes = quotesOf([
      '"We need two hundred more nurses by spring," Health Minister Olga Reyes said.',
      'The ministry has struggled to hire staff.',
      '"Every region has asked us for more money this year," she added.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Olga Reyes', 'Olga Reyes']);
  });

  it('resolves a pronoun to a person named since the last quotation', () => {
    const quotes = quotesOf([
      '"We need two hundred more nurses by spring," Health Minister Olga Reyes said.',
      'Union leader Karl Weber said the plan came too late. "Nurses have been leaving for years and nobody listened," he said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Olga Reyes', 'Karl Weber']);
  });

  it('resolves a role to the person introduced with it, acronyms included', () => {
    const quotes = quotesOf([
      'International Monetary Fund Managing Director Kristalina Georgieva opened the meeting in Washington.',
      '"Growth is slowing in most regions of the world this year," said the IMF managing director.',
    ]);
    expect(quotes[0]?.speaker).toBe('Kristalina Georgieva');
  });

  it('resolves a plain role to the person holding it', () => {
    const quotes = quotesOf(['Chief Justice Helena Dvorak read the ruling.', '"The law cannot be applied to events before it existed," the chief justice said.']);
    expect(quotes[0]?.speaker).toBe('Helena Dvorak');
  });

  it('does not give a role to someone introduced with a different body', () => {
    const quotes = quotesOf(['Danish Prime Minister Lars Holm met union leaders.', '"We will not accept these terms under any circumstances," the NATO secretary general said.']);
    expect(quotes[0]?.speaker).not.toBe('Lars Holm');
  });

  it('keeps a descriptive phrase when no name is given', () => {
    const quotes = quotesOf([
      '"Prices will keep climbing until the harvest comes in," said one trader.',
      '"The shortage is real and it is getting worse," a senior official said.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['one trader', 'a senior official']);
  });

  it('is null without any attribution', () => {
    const quotes = quotesOf(['The banner read "we want our park back and we want it now" in large letters.']);
    expect(quotes).toEqual([{ text: 'we want our park back and we want it now', speaker: null }]);
  });

  it('lets an organisation speak', () => {
    const quotes = quotesOf(['"The outage was caused by a faulty software update," the European Space Agency said in a statement.']);
    expect(quotes[0]?.speaker).toBe('European Space Agency');
  });
});

describe('short quotations', () => {
  const quotesOf = (paragraphs: string[]) => analyzeArticle({ title: 'T', headings: [], paragraphs, language: 'en' }).quotes;

  it('keeps a short but whole, attributed utterance', () => {
    expect(quotesOf(['Commission President Ursula von der Leyen visited Athens.', '"We stand with Greece," von der Leyen wrote on X.'])).toEqual([
      { text: 'We stand with Greece', speaker: 'Ursula von der Leyen' },
    ]);
  });

  it('drops one-word scare quotes and quoted phrases no one is said to have said', () => {
    expect(quotesOf(['Critics dismissed the "reform" as cosmetic.', 'The "silent majority" of voters stayed at home.'])).toEqual([]);
  });
});
