import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

const sources = (text: string, language: string): string[] => analyzeArticle(article([text], 'News', language)).sources;

describe('sources: inverted attributions with an auxiliary or a descriptor', () => {
  it('Spanish: the verb, an article and an outlet noun before the name ("informó la agencia Reuters")', () => {
    expect(sources('Dos personas murieron en el incendio, informó la agencia Reuters.', 'es')).toEqual(['Reuters']);
    expect(sources('El puente seguirá cerrado hasta marzo, ha informado el diario La Prensa.', 'es')).toEqual(['La Prensa']);
  });

  it('French: a compound past and an elided article ("a rapporté l\'Agence France-Presse")', () => {
    expect(sources("Deux personnes sont mortes dans l'incendie, a rapporté l'Agence France-Presse.", 'fr')).toEqual(['Agence France-Presse']);
    expect(sources('Le pont restera fermé, rapporte le quotidien Le Monde.', 'fr')).toEqual(['Le Monde']);
  });

  it('a verb after "según"/"selon" does not hide the source ("según informó la agencia Efe")', () => {
    expect(sources('Según informó la agencia Efe, dos personas murieron en el incendio.', 'es')).toEqual(['Efe']);
    expect(sources("Selon l'agence Reuters, le pont restera fermé.", 'fr')).toEqual(['Reuters']);
  });
});

describe('sources: German', () => {
  it('"wie X berichtete": the subject of a reporting clause', () => {
    expect(sources('Die Firma will 500 Stellen streichen, wie das Handelsblatt berichtete.', 'de')).toEqual(['Handelsblatt']);
    expect(sources('Der Zug entgleiste am Morgen, wie die Nachrichtenagentur Reuters meldete.', 'de')).toEqual(['Reuters']);
  });

  it('"X zufolge": the name before the postposition', () => {
    expect(sources('Dem Spiegel zufolge soll der Minister zurücktreten.', 'de')).toEqual(['Spiegel']);
    expect(sources('Einem Bericht der Süddeutschen Zeitung zufolge soll der Minister zurücktreten.', 'de')).toEqual(['Süddeutsche Zeitung']);
  });

  it('an outlet noun names what follows it, lowercase agency abbreviations included ("laut der Nachrichtenagentur dpa")', () => {
    expect(sources('Laut der Nachrichtenagentur dpa wurden zwei Menschen verletzt.', 'de')).toEqual(['dpa']);
  });
});

describe('sources: Ukrainian', () => {
  it('"як повідомило агентство X": any form of a report verb after "як"', () => {
    expect(sources('Як повідомило агентство Укрінформ, у Харкові пролунали вибухи.', 'uk')).toEqual(['Укрінформ']);
  });
});

describe('sources: Ukrainian case forms', () => {
  it('an adjectival name in another case is the same source ("Суспільне", "Суспільного")', () => {
    expect(sources('Про це повідомляє Суспільне. За інформацією Суспільного, вибухи пролунали вночі.', 'uk')).toEqual(['Суспільне']);
  });
});
