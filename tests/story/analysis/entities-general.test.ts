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
