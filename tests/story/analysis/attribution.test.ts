import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

const speakers = (paragraphs: string[]): (string | null)[] => analyzeArticle(article(paragraphs)).quotes.map((q) => q.speaker);
const quotes = (paragraphs: string[]) => analyzeArticle(article(paragraphs)).quotes;

describe('attribution sieve', () => {
  it('"…," he said resolves to the subject outside the quotation, never to a name inside it', () => {
    expect(
      speakers(['Union leader Maria Lopez addressed the crowd outside the factory on Friday.', '"I told Daniel Reyes that we would not give up on these jobs," she said.']),
    ).toEqual(['Maria Lopez']);
  });

  it('takes the named subject before an apposition ("A B, director general of C, said")', () => {
    expect(speakers(['Professor Helen Carter, Director General of the Northern Research Institute, said, "The data leave no doubt about the warming of the sea."'])).toEqual([
      'Helen Carter',
    ]);
  });

  it('drops a conjunction before a pronoun ("But he said")', () => {
    expect(speakers(['Coach Peter Brandt praised his players after the match.', 'But he said: "We still have a great deal of work to do before the final."'])).toEqual([
      'Peter Brandt',
    ]);
  });

  it('gives an unnamed spokesman\'s words to the body ("a Nordvale Energy spokesman")', () => {
    expect(speakers(['"We are restoring power to every district as fast as we can," a Nordvale Energy spokesman said.'])).toEqual(['Nordvale Energy']);
  });

  it('gives the words of "a spokeswoman for X" to X', () => {
    expect(speakers(['"The investigation is still at an early stage," a spokeswoman for the Harbour Savings Bank said.'])).toEqual(['Harbour Savings Bank']);
  });

  it('resolves "the bank said" to the bank the story named', () => {
    expect(
      speakers(['Profits at Harbour Savings Bank rose by a fifth in the third quarter.', '"Demand for mortgages has recovered faster than we expected," the bank said.']),
    ).toEqual(['Harbour Savings Bank']);
  });

  it('resolves a bare title to the person named with it', () => {
    expect(speakers(['President Ana Morales opened the summit on Monday.', '"No country can solve the water crisis on its own," the president said.'])).toEqual(['Ana Morales']);
  });

  it("gives an unattributed quotation to the paragraph's subject", () => {
    expect(speakers(['Mayor Tom Fisher did not hide his anger. "This decision hurts every family in the city and we will fight it."'])).toEqual(['Tom Fisher']);
  });

  it('follows a quotation across paragraphs when the first paragraph leaves it open: one quotation (news style)', () => {
    const q = quotes(['Farmer Ruth Okafor said: "The rain came too late for the maize this year.', '"We will plant beans instead and hope the river stays high."']);
    expect(q.map((x) => x.speaker)).toEqual(['Ruth Okafor']);
    expect(q[0]?.text).toBe('The rain came too late for the maize this year. We will plant beans instead and hope the river stays high.');
  });

  it('joins every paragraph of a quotation reopened paragraph after paragraph, in any language, and nothing closed', () => {
    const three = quotes(['Harbour master Ines Vidal said: "The ferries will run again on Monday.', '"The new pier is finished.', '"We tested it with a full load," she added.']);
    expect(three.map((x) => [x.speaker, x.text])).toEqual([['Ines Vidal', 'The ferries will run again on Monday. The new pier is finished. We tested it with a full load']]);
    const spanish = quotes(['El alcalde Juan Pérez explicó: «La obra del puente terminará en marzo.', '«Después abriremos el puente al tráfico pesado», añadió el alcalde.']);
    expect(spanish).toHaveLength(1);
    expect(spanish[0]?.speaker).toBe('Juan Pérez');
    const closed = quotes(['"We are ready for the storm," said Ann Lee.', '"The roads are clear tonight," said Tom Fisher.']);
    expect(closed.map((x) => x.speaker)).toEqual(['Ann Lee', 'Tom Fisher']);
  });

  it('signs a quotation left open with the attribution where it ends', () => {
    expect(
      speakers([
        'Mayor Tom Fisher spoke first at the meeting.',
        '"The bridge will stay closed for another month.',
        '"We have found cracks in two of the supports," said engineer Lucia Ferri.',
      ]),
    ).toEqual(['Lucia Ferri']);
  });

  it('reads interview labels and a second verb of the same subject', () => {
    expect(
      speakers([
        'Florence Devouard chairs the foundation board.',
        'Wikinews: "What are your plans for the next year?"',
        'Florence Devouard: "We want to grow the projects in Africa and Asia."',
        'Asked about the board, she said that it was "working well together" and added: "We meet every month in person."',
      ]),
    ).toEqual(['Wikinews', 'Florence Devouard', 'Florence Devouard', 'Florence Devouard']);
  });

  it('keeps a quotation that contains an inner quotation whole', () => {
    const q = quotes(['"The sign on the gate said "closed until spring" and nobody came to explain," said resident Jonas Berg.']);
    expect(q).toHaveLength(1);
    expect(q[0]?.text).toBe('The sign on the gate said "closed until spring" and nobody came to explain');
    expect(q[0]?.speaker).toBe('Jonas Berg');
  });

  it('finds short quoted fragments inside reported speech', () => {
    const q = quotes(['Finance Minister Sara Lind said the budget was "fair and responsible" and would pass.', 'The Green Party called it "a reckless gamble" on Tuesday.']);
    expect(q).toEqual([
      { text: 'fair and responsible', speaker: 'Sara Lind' },
      { text: 'a reckless gamble', speaker: 'Green Party' },
    ]);
  });

  it('does not take a quoted name after a preposition for a fragment of speech', () => {
    const r = analyzeArticle(article(['„Die Zensur wird nicht lange halten können, das wissen alle“, sagte er gegenüber „Radio Nord“.'], 'Nachrichten', 'de'));
    expect(r.quotes.map((q) => q.text)).toEqual(['Die Zensur wird nicht lange halten können, das wissen alle']);
  });

  it('finds a fragment before a German verb at the end of the sentence', () => {
    const r = analyzeArticle(article(['Ministerpräsidentin Eva Roth hatte den Plan im Landtag als „letzte Chance“ für die Region bezeichnet.'], 'Nachrichten', 'de'));
    expect(r.quotes).toEqual([{ text: 'letzte Chance', speaker: 'Eva Roth' }]);
  });

  it('gives the answer to a question to the other party of a conversation, and otherwise lets the speaker go on', () => {
    expect(
      speakers([
        '"Where were you when the alarm went off?" asked Judge Karen Holt.',
        '"I was at home with my children," replied the defendant, Omar Said.',
        '"Can anyone confirm that?" Holt asked.',
        '"My neighbour saw me come home at nine."',
        '"We expect the verdict next week," said lawyer Ines Vogt.',
        '"The evidence does not support the charge."',
      ]),
    ).toEqual(['Karen Holt', 'Omar Said', 'Karen Holt', 'Omar Said', 'Ines Vogt', 'Ines Vogt']);
  });

  it('resolves "it said" to the body last named', () => {
    expect(speakers(['On Monday, Harbour Savings Bank cut its forecast.', '"Demand for mortgages fell sharply in the autumn months," it said.'])).toEqual(['Harbour Savings Bank']);
  });

  it('gives wording quoted from a document no speaker', () => {
    expect(speakers(['"All members shall vote in person," the bill reads.'])).toEqual([null]);
  });

  it('reads a name after a dash as the speaker', () => {
    expect(speakers(['"Nobody in this town will forget what he did for the children." — Maria Olsen'])).toEqual(['Maria Olsen']);
  });

  it('reads single curly quotation marks but not apostrophes', () => {
    const q = quotes(['‘We owe the drivers’ families an answer by the end of the month,’ said Minister Ruth Kahn.']);
    expect(q).toEqual([{ text: 'We owe the drivers’ families an answer by the end of the month', speaker: 'Ruth Kahn' }]);
  });

  it('reads "X: "…"" as an attribution when X is a person', () => {
    expect(speakers(['Researcher Lena Hoff was cautious about the result.', 'Lena Hoff: "It is far too early to speak of a cure for this disease."'])).toEqual(['Lena Hoff']);
  });

  it('resolves a pronoun before a quotation to someone named before the pronoun, not to the object of its clause', () => {
    expect(
      speakers([
        'Candidate Arvid Solberg spoke about his campaign on Tuesday.',
        'He argues he has more experience than Tomas Hale, and attacks Hale as “a reckless gambler” and “a danger to the state.”',
      ]),
    ).toEqual(['Arvid Solberg', 'Arvid Solberg']);
  });
});
