import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

describe('Ukrainian', () => {
  const result = analyzeArticle({
    title: 'Київ відновив нічне освітлення центральних вулиць',
    headings: ['Що буде взимку'],
    paragraphs: [
      'Київська міська адміністрація повідомила, що з понеділка на центральних вулицях столиці знову вмикатимуть нічне освітлення після перерви, спричиненої атаками на енергосистему.',
      '«Ми вмикаємо світло поступово і стежимо за навантаженням на мережу», — сказав заступник голови адміністрації.',
      'За даними «Укренерго», споживання електроенергії в місті залишається нижчим, ніж торік.',
      'Енергетики попередили, що в разі нових ударів графіки відключень можуть повернутися.',
    ],
    language: 'uk',
  });

  it('finds the «» quotation with its descriptive speaker', () => {
    expect(result.quotes).toEqual([{ text: 'Ми вмикаємо світло поступово і стежимо за навантаженням на мережу', speaker: 'заступник голови адміністрації' }]);
  });

  it('finds the sources', () => {
    expect(result.sources).toEqual(['Київська міська адміністрація', 'Укренерго']);
  });

  it('does not take the guillemet name for a quotation', () => {
    expect(result.quotes.some((q) => q.text === 'Укренерго')).toBe(false);
    expect(result.entities.organizations).toContain('Укренерго');
  });

  it('resolves a named speaker after the verb', () => {
    const r = analyzeArticle(
      article(['«Це обладнання дозволить нам стабільно подавати воду під час відключень», — заявив директор підприємства Олександр Шевченко.'], 'Новини', 'uk'),
    );
    expect(r.quotes[0]?.speaker).toBe('Олександр Шевченко');
    expect(r.entities.people).toEqual(['Олександр Шевченко']);
  });

  it('reads a speaker before the quotation', () => {
    const r = analyzeArticle(article(['Мер Ігор Терехов заявив: «Метро залишиться безкоштовним до кінця наступного року»'], 'Новини', 'uk'));
    expect(r.quotes[0]?.speaker).toBe('Ігор Терехов');
  });
});

describe('German, Spanish and French attributions', () => {
  const de = (paragraphs: string[]) => analyzeArticle(article(paragraphs, 'Nachrichten', 'de'));
  const es = (paragraphs: string[]) => analyzeArticle(article(paragraphs, 'Noticias', 'es'));
  const fr = (paragraphs: string[]) => analyzeArticle(article(paragraphs, 'Actualités', 'fr'));

  it('reads "sagte er" and "so <Name>" after a „…“ quotation', () => {
    const r = de([
      'Die Ministerin Lisa Brandt stellte am Montag den Plan vor.',
      '„Wir werden die Mieter in den Städten besser schützen“, sagte sie.',
      '„Das ist ein guter Tag für alle Familien im Land“, so Brandt.',
    ]);
    expect(r.quotes.map((q) => q.speaker)).toEqual(['Lisa Brandt', 'Lisa Brandt']);
    expect(r.entities.people).toEqual(['Lisa Brandt']);
  });

  it('reads German »…« quotation marks', () => {
    const r = de(['»Wir haben keine andere Wahl gehabt als diese«, sagte Thomas Keller.']);
    expect(r.quotes).toEqual([{ text: 'Wir haben keine andere Wahl gehabt als diese', speaker: 'Thomas Keller' }]);
  });

  it('does not take capitalised German nouns for names', () => {
    const r = de(['Die Bundesregierung hat am Montag neue Regeln für Mieten in Städten beschlossen.', 'Viele Mieter begrüßten die Entscheidung der Regierung.']);
    expect(r.entities.people).toEqual([]);
    expect(r.entities.organizations).toEqual([]);
  });

  it('reads Spanish "dijo", "afirmó" and "según"', () => {
    const r = es([
      '«Vamos a reconstruir todas las escuelas dañadas por el terremoto», dijo la alcaldesa Carmen Ruiz.',
      'Según Carmen Ruiz, «el gobierno enviará ayuda a todas las familias afectadas».',
    ]);
    expect(r.quotes.map((q) => q.speaker)).toEqual(['Carmen Ruiz', 'Carmen Ruiz']);
  });

  it('reads French « … » with "a déclaré" and "selon"', () => {
    const r = fr(['« Nous ne céderons rien sur les salaires des cheminots », a déclaré Paul Girard.', '« La grève continuera jusqu’à la fin du mois », selon Paul Girard.']);
    expect(r.quotes.map((q) => q.speaker)).toEqual(['Paul Girard', 'Paul Girard']);
  });

  it('reads a French pronoun after the verb and a short utterance with the comma outside the marks', () => {
    const r = fr(['La chanteuse Lina Morel a gagné le concours à Copenhague.', '« Nous sommes inarrêtables », a-t-elle déclaré.']);
    expect(r.quotes).toEqual([{ text: 'Nous sommes inarrêtables', speaker: 'Lina Morel' }]);
    expect(r.entities.places).toEqual(['Copenhague']);
  });

  it('reads a name in apposition after an inverted attribution', () => {
    expect(es(['«La economía crecerá más de lo previsto este año», dijo el ministro de Economía, Carlos Cuerpo.']).quotes[0]?.speaker).toBe('Carlos Cuerpo');
    expect(de(['„Wir bleiben hier“, sagte der Sprecher der Polizei, Markus Weber.']).quotes[0]?.speaker).toBe('Markus Weber');
  });

  it('cites a German outlet a statement was made to ("gegenüber „…“") and a "(dpa)" dateline', () => {
    const r = de(['Berlin (dpa) - Die Preise stiegen im Mai deutlich.', '„Das war zu erwarten“, sagte Thomas Keller gegenüber „Radio Nord“.']);
    expect(r.sources).toEqual(['dpa', 'Radio Nord']);
  });

  it('reads Ukrainian "за словами"', () => {
    const r = analyzeArticle(article(['Мер Ігор Терехов відвідав депо.', '«Метро залишиться безкоштовним до кінця року», — за словами Ігоря Терехова.'], 'Новини', 'uk'));
    // The genitive "Ігоря Терехова" is the person introduced as "Ігор Терехов".
    expect(r.quotes[0]?.speaker).toBe('Ігор Терехов');
    expect(r.entities.people).toEqual(['Ігор Терехов']);
  });
});

describe('other languages', () => {
  it('never crash and stay near empty', () => {
    const german = analyzeArticle(
      article(
        [
          'Die Bundesregierung hat am Montag neue Regeln für Mieten beschlossen, teilte das Ministerium in Berlin mit.',
          '„Wir werden die Mieter in den großen Städten besser schützen“, sagte die Ministerin.',
        ],
        'Neue Regeln für Mieten',
        'de',
      ),
    );
    expect(german.quotes).toHaveLength(1);
    // No name is given: the speaker is the descriptive phrase as the text writes it, article included.
    expect(german.quotes[0]?.speaker).toBe('die Ministerin');
    expect(german.entities.people).toEqual([]);
    expect(german.entities.places).toEqual(['Berlin']);
    expect(german.sources).toEqual([]);

    const japanese = analyzeArticle(article(['東京で会議が開かれた。「これは重要な一歩です」と大臣は述べた。'], '会議', 'ja'));
    expect(japanese.entities).toEqual({ people: [], organizations: [], places: [] });
  });

  it('uses English rules for an untagged English text', () => {
    const r = analyzeArticle(article(['"We will appeal the ruling in the higher court," lawyer Nina Petrova said.'], 'Ruling', ''));
    expect(r.quotes[0]?.speaker).toBe('Nina Petrova');
  });
});
