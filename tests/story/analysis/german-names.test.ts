import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

const analyze = (paragraphs: string[]) => analyzeArticle(article(paragraphs, 'Nachrichten', 'de'));

describe('German names', () => {
  it('a name set off by commas, or after a verb of saying, is a person even when the given name is unknown', () => {
    const r = analyze(['Der Bürgermeister der Stadt, Jürgen Dupper, sprach von einer „Katastrophe für die Altstadt“.', '„Wir brauchen jetzt schnelle Hilfe“, sagte Lena Vogt.']);
    expect(r.entities.people).toEqual(['Jürgen Dupper', 'Lena Vogt']);
    expect(r.quotes.map((q) => q.speaker)).toEqual(['Jürgen Dupper', 'Lena Vogt']);
  });

  it('a run abbreviated by the acronym in brackets after it is a body, not a person', () => {
    const r = analyze(['Er tritt mit seiner Partei, Volkspartei Neues Land (VNL), zur Wahl an.']);
    expect(r.entities.people).toEqual([]);
  });

  it('the word after a title and "von" is what the title governs, not the person ("Bürgermeister von Passau")', () => {
    const r = analyze(['Der Bürgermeister von Passau sprach am Abend.', 'Frau von der Leyen schwieg.']);
    expect(r.entities.people).not.toContain('Passau');
  });

  it('German word formation names bodies: a "Bundes-" compound with a body head, a capitalised adjective inside a sentence', () => {
    const r = analyze(['Der Bundesrat stimmte am Freitag zu. Die Züge der Deutschen Bahn standen still, und die Europäische Zentralbank senkte den Zins.']);
    expect(r.entities.organizations).toEqual(['Bundesrat', 'Deutschen Bahn', 'Europäische Zentralbank']);
  });
});
