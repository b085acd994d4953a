import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

const sourcesOf = (paragraphs: string[], language = 'en') => analyzeArticle(article(paragraphs, 'News update', language)).sources;

describe('sources', () => {
  it('reads "according to" an outlet, skipping its description', () => {
    expect(sourcesOf(['The talks collapsed, according to Radio Free Asia.'])).toEqual(['Radio Free Asia']);
    expect(sourcesOf(['According to the German magazine Der Spiegel, the deal is off.'])).toEqual(['Der Spiegel']);
    expect(sourcesOf(['According to data from the Central Statistics Office, prices rose.'])).toEqual(['Central Statistics Office']);
  });

  it('reads bodies that report, release, confirm or state', () => {
    expect(
      sourcesOf([
        'The Kyiv Independent reported the strike first.',
        'The Geneva Centre for Security Policy released a map of the front on Tuesday.',
        'The Bank of England said in a statement that rates would stay on hold.',
        'Polish border guards confirmed that the crossing was closed.',
      ]),
    ).toEqual(['Kyiv Independent', 'Geneva Centre for Security Policy', 'Bank of England', 'Polish border guards']);
  });

  it('reads outlets told, cited, polled or interviewed', () => {
    expect(
      sourcesOf([
        'He told the broadcaster ZDF that nothing had been decided.',
        'Economists polled by Bloomberg expect a cut.',
        'The minister said so in an interview with Le Figaro.',
      ]),
    ).toEqual(['ZDF', 'Bloomberg', 'Le Figaro']);
  });

  it('reads a body speaking through its staff', () => {
    expect(sourcesOf(['A Siemens spokesperson said the plant would reopen.'])).toEqual(['Siemens']);
  });

  it('never lists people or generic subjects', () => {
    expect(
      sourcesOf([
        'Finance Minister Kurt Hollweg said the budget was balanced. According to Hollweg, taxes will not rise.',
        'According to him, the plan is final. The operator said service would resume. The ministry said it agreed.',
        'Officials in Riga said the line would reopen, according to two traders in London.',
      ]),
    ).toEqual([]);
  });

  it('does not cite a body that only qualifies a person’s role', () => {
    expect(sourcesOf(['World Bank President Ajay Banga visited Nairobi.', 'According to the World Bank president, the loan will be approved.'])).toEqual([]);
  });

  it('lists each source once, in order of first citation', () => {
    expect(
      sourcesOf([
        'The figures were published by Eurostat, according to Reuters.',
        'Reuters reported later that Eurostat had revised them. Eurostat said the revision was routine.',
      ]),
    ).toEqual(['Eurostat', 'Reuters']);
  });

  it('reads Ukrainian source phrases', () => {
    expect(sourcesOf(['За даними «Укренерго», споживання електроенергії зросло.'], 'uk')).toEqual(['Укренерго']);
    expect(sourcesOf(['Київська міська адміністрація повідомила, що світло повернуть у понеділок.'], 'uk')).toEqual(['Київська міська адміністрація']);
  });
});

describe('sources, second pass', () => {
  it('an outlet that publishes or reports in Spanish, French or German is a source ("X publica", "X rapporte")', () => {
    expect(sourcesOf(['El sitio digital Prensa Abierta publica este viernes un artículo firmado por una bloguera.'], 'es')).toEqual(['Prensa Abierta']);
  });

  it('a verb of saying and the outlet told are a source in Spanish and French ("dijo a Reuters", "a expliqué à l\'AFP"), a request is not', () => {
    expect(sourcesOf(['Juan Pérez, de 45 años, explicó a Efe que el barrio lleva semanas sin luz y sin agua.'], 'es')).toEqual(['Efe']);
    expect(sourcesOf(["Jean Dupont a expliqué à l'AFP que le quartier était sans électricité depuis lundi."], 'fr')).toEqual(['AFP']);
    expect(sourcesOf(['Sa mère a demandé à la police de Lyon les images de la caméra de surveillance.'], 'fr')).toEqual([]);
  });

  it('a Spanish or French outlet noun before a name makes it a body ("la cadena Telemundo")', () => {
    expect(analyzeArticle(article(['En declaraciones a la cadena Telemundo, el alcalde pidió calma a los vecinos.'], 'Noticias', 'es')).entities.people).toEqual([]);
  });

  it('a participle with "par"/"por" names the outlet in French and Spanish ("cité par le quotidien Libération")', () => {
    expect(sourcesOf(['Cité par le quotidien Libération, un conseiller municipal a confirmé la date du vote.'], 'fr')).toEqual(['Libération']);
  });

  it('a German quoted outlet next to a verb of saying or reporting is a source ("sagte der „Rheinpost“")', () => {
    expect(sourcesOf(['Der Minister sagte der „Rheinpost“, man prüfe derzeit alle Optionen.'], 'de')).toEqual(['Rheinpost']);
    expect(sourcesOf(['Die Zeitung „Nordblatt“ meldete, der Vertrag sei unterschrieben.'], 'de')).toEqual(['Nordblatt']);
    expect(sourcesOf(['Der Roman „Schwarzes Wasser“ erschien im Herbst.'], 'de')).toEqual([]);
  });
});
