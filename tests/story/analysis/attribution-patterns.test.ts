import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

const speakers = (paragraphs: string[], language = 'en'): (string | null)[] => analyzeArticle(article(paragraphs, 'News update', language)).quotes.map((q) => q.speaker);

describe('attribution patterns', () => {
  it('a pronoun after a sentence naming two people refers to its subject, not its object', () => {
    expect(speakers(['Team manager Oscar Dunne praised striker Leo Marsh after the game.', '"Leo was outstanding today, and the whole team followed him," he said.'])).toEqual([
      'Oscar Dunne',
    ]);
  });

  it('a possessor is not the subject a pronoun refers to, and a quotation ending with a full stop ends its sentence', () => {
    expect(
      speakers([
        'Board member Ines Varga wrote: "We owe her more than we can say about the years she led us." Lund\'s exit will take months, and she says she will stay on.',
        'The outgoing director listed her reasons. "The team is strong and the money is there, so this is the time to go."',
      ]),
    ).toEqual(['Ines Varga', 'Lund']);
  });

  it('a speech verb without a subject (pro-drop) signs for the person last spoken of', () => {
    expect(speakers(['El entrenador Andrés Molina habló tras el partido.', '«El equipo no jugó con la intensidad necesaria», explicó.'], 'es')).toEqual(['Andrés Molina']);
    expect(speakers(['La alcaldesa Rocío Pardo visitó el barrio.', '«Nadie se quedará sin casa este invierno», aseguró a los vecinos.'], 'es')).toEqual(['Rocío Pardo']);
  });

  it('an unnamed spokesperson speaks for the body named after the staff noun, even one nothing else names', () => {
    expect(speakers(['„Der Zugverkehr wird am Abend wieder aufgenommen“, erklärte ein Sprecher der Nordbahn.'], 'de')).toEqual(['Nordbahn']);
    expect(speakers(['"Every ferry will sail on time from Monday," said a spokeswoman for Harbour Lines.'])).toEqual(['Harbour Lines']);
  });

  it('a lead phrase ends where the name ends ("nach Angaben der Polizei hatten sie „…“")', () => {
    expect(speakers(['Die Polizei nahm zwei Männer fest. Nach Angaben der Polizei hatten sie „mehrere Kilo Sprengstoff im Auto“ versteckt.'], 'de')).toEqual(['Polizei']);
  });

  it('questions and answers alternate between the two people of a conversation, short turns included', () => {
    expect(
      speakers([
        'Reporter Jane Hill asked the senator, Ralph Moss, about the vote.',
        '"Will you support the bill?" Hill asked.',
        '"Not in its current form," Moss replied.',
        '"Why not?"',
        '"Because it leaves the farmers out."',
      ]),
    ).toEqual(['Jane Hill', 'Ralph Moss', 'Jane Hill', 'Ralph Moss']);
  });

  it('a relative clause\'s verb of saying belongs to the person the clause hangs on ("X, who praised … for "…"")', () => {
    expect(speakers(['Ambassador Ivo Petrov read a letter from Prime Minister Anna Sala, who praised the choir for "the courage it showed in the hardest of years."'])).toEqual([
      'Anna Sala',
    ]);
  });

  it('a sentence after a finished quotation that opens a quotation of its own does not sign the first one', () => {
    expect(
      speakers([
        'Ambassador Ivo Petrov read a letter from Prime Minister Anna Sala, who praised the choir for "the courage it showed in the hardest of years." She also thanked the conductor for "keeping the music alive in every shelter."',
      ]),
    ).toEqual(['Anna Sala', 'Anna Sala']);
  });

  it('a paragraph that names nobody before its quotation continues the speaker of the paragraph before', () => {
    expect(
      speakers([
        'Senator Ruth Lane told the hall that "the station has never been more needed than it is this winter."',
        'Today the station reaches listeners in nine countries. "People still turn to it when every other signal goes quiet."',
      ]),
    ).toEqual(['Ruth Lane', 'Ruth Lane']);
  });

  it('an auxiliary after the subject is not part of a descriptive speaker ("le gérant a demandé …, disant « … »")', () => {
    expect(
      speakers(['Samedi, le gérant a demandé aux clientes de partir, disant à leur accompagnatrice « de revenir un autre jour avec moins de monde ».', 'Rien de plus.'], 'fr'),
    ).toEqual(['le gérant']);
  });
});

describe('described bodies as sources', () => {
  it('a name that only qualifies a body\'s head ("according to Catalan police") is not itself made a body', () => {
    const r = analyzeArticle(article(['The blast happened near the station at noon, according to Catalan police, known as the Mossos.']));
    expect(r.entities.organizations).not.toContain('Catalan');
  });
});
