import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

const sourcesOf = (paragraphs: string[], language: string) => analyzeArticle(article(paragraphs, 'Noticias', language)).sources;

describe('sources in Spanish, French and German sentences', () => {
  it('cites a body that warns or states, in a simple or a compound tense', () => {
    expect(sourcesOf(['El Ministerio de Salud advirtió que los casos aumentan.'], 'es')).toEqual(['Ministerio de Salud']);
    expect(sourcesOf(['La Agencia Federal de Aguas había advertido en la víspera que el río crecería.'], 'es')).toEqual(['Agencia Federal de Aguas']);
    expect(sourcesOf(['Lundi, le Conseil constitutionnel a déclaré que le décret était illégal.'], 'fr')).toEqual(['Conseil constitutionnel']);
    expect(sourcesOf(['Die Deutsche Bahn sagte, die Strecke sei gesperrt.'], 'de')).toEqual(['Deutsche Bahn']);
  });

  it('cites no body that only announces an action, and no body that is the object of a preposition', () => {
    expect(sourcesOf(['La Agencia Federal de Aguas anunció una huelga.'], 'es')).toEqual([]);
    expect(sourcesOf(['Los vecinos de la Colonia Santa Fe dijeron que no habrá cortes.'], 'es')).toEqual([]);
  });

  it('cites no person who states', () => {
    expect(sourcesOf(['María Gómez advirtió que los casos aumentan.'], 'es')).toEqual([]);
  });

  it('cites the outlet a report appeared in, and the Ukrainian publisher of a study', () => {
    expect(sourcesOf(['En el diario digital El Faro Libre el corresponsal explica por qué.'], 'es')).toEqual(['El Faro Libre']);
    expect(sourcesOf(['Про це йдеться в дослідженні, опублікованому київським Інститутом демографії.'], 'uk')).toEqual(['Інститут демографії']);
  });
});

describe('Spanish reports by their publisher', () => {
  it('the agent of a report "difundido … por" is a source, across a time phrase ("difundido este lunes por Acnur")', () => {
    const r = analyzeArticle(article(['Las cifras aparecen en un informe difundido este lunes por Acnur en Ginebra.'], 'Noticias', 'es'));
    expect(r.sources).toEqual(['Acnur']);
  });
});
