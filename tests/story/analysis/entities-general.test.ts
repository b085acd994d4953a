import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

const entities = (text: string, language: string) => analyzeArticle(article([text], 'News', language)).entities;

describe('German genitives', () => {
  it('a known place in the genitive is that place, in the nominative ("Städten Großbritanniens", "Münchens Oberbürgermeister")', () => {
    const e = entities('In mehreren Städten Großbritanniens kam es zu Krawallen. Münchens Oberbürgermeister Dieter Reiter sprach von Schande.', 'de');
    expect(e.places).toEqual(['Großbritannien', 'München']);
    expect(e.people).toEqual(['Dieter Reiter']);
  });

  it("a place's genitive after a body's head stays in the body's name, \"und\" a second one too", () => {
    const e = entities('Die Kommunistische Partei Böhmens und Mährens (KSČM) will die Regierung tolerieren.', 'de');
    expect(e.organizations).toEqual(['Kommunistische Partei Böhmens und Mährens']);
    expect(e.places).toEqual([]);
  });
});

describe('people: what a name is not', () => {
  it('one word after a Spanish or French definite article is no person ("la Coupe du monde")', () => {
    const e = entities('La France a remporté la Coupe du monde en battant la Croatie à Moscou.', 'fr');
    expect(e.people).toEqual([]);
  });

  it('an office "de" a place running into its holder\'s name is a place and a person', () => {
    const e = entities("Le député de Saint-Pétersbourg Vitali Milonov a demandé l'interdiction du concert.", 'fr');
    expect(e.people).toEqual(['Vitali Milonov']);
    expect(e.places).toEqual(['Saint-Pétersbourg']);
  });
});
