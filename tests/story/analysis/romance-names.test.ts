import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

const analyze = (paragraphs: string[], language: string) => analyzeArticle(article(paragraphs, 'Noticias', language));

describe('Spanish and French names', () => {
  it('a run opening with an article or a place word is a place, not a person ("La Habana", "República Dominicana")', () => {
    const r = analyze(['El embajador viajó de La Habana a la República Dominicana y después a San Cristóbal.'], 'es');
    expect(r.entities.people).toEqual([]);
    expect(r.entities.places).toContain('República Dominicana');
  });

  it('language names are not places or bodies ("en español", "en français")', () => {
    expect(analyze(['El sitio publica artículos en Español y en Portugués cada semana.'], 'es').entities).toEqual({ people: [], organizations: [], places: [] });
    expect(analyze(['Le site publie des articles en Français depuis cette année.'], 'fr').entities).toEqual({ people: [], organizations: [], places: [] });
  });

  it('an article at the start of a quoted sentence is no entity ("Las noticias …")', () => {
    const r = analyze(['Y la promesa fue: "Las noticias pueden ser buenas o malas, pero diremos la verdad".'], 'es');
    expect(r.entities.places).toEqual([]);
  });

  it('the Spanish abbreviation of the United States ("EE. UU.", "EE.UU.") is one place', () => {
    const r = analyze(['Los embajadores de EE.UU. y de EE. UU. en la región se reunieron en Lima.'], 'es');
    expect(r.entities.places).toEqual(['EE.UU', 'Lima']);
    expect(r.entities.organizations).toEqual([]);
  });
});

describe('the tail of a longer Spanish name', () => {
  it('a plural noun and "de" after "… de las" end a day\'s name, not a group\'s ("Día Mundial de las Madres de Mayo")', () => {
    const r = analyzeArticle(article(['La escuela celebró el Día Mundial de las Madres de Mayo con una obra de teatro.'], 'Noticias', 'es'));
    expect(r.entities.organizations).toEqual([]);
  });

  it('a group\'s name after a lowercase noun is still a group ("la marcha de las Damas de Blanco")', () => {
    const r = analyzeArticle(article(['La marcha de las Damas de Blanco fue reprimida, dijo una activista.'], 'Noticias', 'es'));
    expect(r.entities.organizations).toEqual(['Damas de Blanco']);
  });
});
