import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

const analyse = (paragraphs: string[], language: string) => analyzeArticle(article(paragraphs, 'Noticias', language));
const organizationsOf = (paragraphs: string[], language: string) => analyse(paragraphs, language).entities.organizations;

describe('organisations claimed on structural evidence only', () => {
  it('takes a generic body with only a nationality or a leader for a description, not a name', () => {
    const es = organizationsOf(['El Gobierno paraguayo y la Policía chilena firmaron un acuerdo.', 'El Gobierno de Morales lo rechazó.'], 'es');
    expect(es).toEqual([]);
    const en = organizationsOf(['The Turkish Parliament voted on Tuesday.'], 'en');
    expect(en).toEqual([]);
  });

  it('keeps a continental body and a body of a named country', () => {
    expect(organizationsOf(['On Monday the European Parliament voted on the law.'], 'en')).toEqual(['European Parliament']);
    expect(organizationsOf(['La Policía de Honduras detuvo a tres personas.'], 'es')).toEqual(['Policía de Honduras']);
  });

  it('joins the national body with the body named by its country', () => {
    const e = organizationsOf(['La Policía de Honduras detuvo a tres personas.', 'La Policía Nacional no dio más detalles.'], 'es');
    expect(e).toEqual(['Policía de Honduras']);
  });

  it('takes a law named with "Ley"/"Act" for a document, not a body', () => {
    expect(organizationsOf(['Los diputados debatieron la Ley ABC en el Senado.'], 'es')).toEqual(['Senado']);
    expect(organizationsOf(['Lawmakers amended the Clean Water Act last year.'], 'en')).toEqual([]);
  });

  it('does not run a body name on into an infinitive clause', () => {
    expect(organizationsOf(['La diputada presentó una propuesta en el Congreso para proteger al sector.'], 'es')).toEqual(['Congreso']);
  });

  it('reads a body whose lowercase links run into a capitalised tail, and its acronym in parentheses', () => {
    const e = organizationsOf(['La Oficina de las Naciones Unidas para los Refugiados (Onupr) publicó un informe.'], 'es');
    expect(e).toEqual(['Oficina de las Naciones Unidas para los Refugiados']);
  });

  it('takes a name after an outlet noun and an adjective for an outlet', () => {
    expect(organizationsOf(['Lo contó el periódico digital El Faro Libre a sus lectores.'], 'es')).toEqual(['El Faro Libre']);
  });

  it('takes a run ending in "Noticias" for an outlet and splits a station from the reporter after it', () => {
    const e = analyse(['La entrevista salió en Caribe Noticias.', 'Lo dijo al periodista de Radio Sol Andrés Pérez.'], 'es').entities;
    expect(e.organizations).toEqual(['Caribe Noticias', 'Radio Sol']);
    expect(e.people).toEqual(['Andrés Pérez']);
  });

  it('takes the wiki projects for works and a legislature named by its own name for a body', () => {
    expect(organizationsOf(['The list was copied from Wikipedia and Wiktionary.'], 'en')).toEqual([]);
    expect(organizationsOf(['En Moscou, la Douma a voté la loi mardi.'], 'fr')).toEqual(['Douma']);
  });

  it('takes no Ukrainian event or sentence-opening infinitive for a body', () => {
    expect(organizationsOf(['У Києві відзначили Міжнародний день волонтера.'], 'uk')).toEqual([]);
    expect(organizationsOf(['Будувати Майбутнє разом вирішили сусіди.'], 'uk')).toEqual([]);
  });

  it('takes an organ "of the State" for a body', () => {
    expect(organizationsOf(['Los documentos los revisó la Contraloría del Estado, según su abogado.'], 'es')).toEqual(['Contraloría del Estado']);
  });
});
