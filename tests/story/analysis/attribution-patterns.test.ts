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
});
