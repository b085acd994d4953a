import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/story/analysis/index.js';
import { isCreditLine, splitWire, wireDateline, withoutWireDateline } from '../../src/story/wire.js';
import { article } from './analysis/helpers.js';

describe('wire datelines', () => {
  it('reads the agency of a dateline with or without place and date', () => {
    expect(wireDateline('LONDON (Reuters) - Shares fell on Monday.')?.agency).toBe('Reuters');
    expect(wireDateline('FRANKFURT, March 3 (Reuters) - The bank raised rates.')?.agency).toBe('Reuters');
    expect(wireDateline('(AP) — A storm hit the coast.')?.agency).toBe('AP');
    expect(wireDateline('Berlin (dpa) - Die Preise stiegen im Mai.')?.agency).toBe('dpa');
    expect(wireDateline('Athen (Griechenland), 06.11.2011 – Das Parlament stimmte ab.')).toBeNull();
    expect(withoutWireDateline('(AP) — A storm hit the coast.')).toBe('A storm hit the coast.');
  });

  it('does not take a parenthesis in an ordinary sentence for a dateline', () => {
    expect(wireDateline('The ministry (which declined to comment) said nothing.')).toBeNull();
    expect(wireDateline('Ships sailed on Monday.')).toBeNull();
  });

  it('cites the dateline agency as the first source', () => {
    const a = analyzeArticle(article(['BERLIN (Reuters) - Factory orders in Germany rose in May, the statistics office said.', 'Economists had expected a fall.']));
    expect(a.sources[0]).toBe('Reuters');
    expect(a.entities.people).not.toContain('Reuters');
  });
});

describe('wire credit lines', () => {
  it('recognises credit lines, not sentences that mention "by"', () => {
    expect(isCreditLine('Reporting by Anna Keller; Editing by Tom Hale')).toBe(true);
    expect(isCreditLine('Additional reporting by Sam Roe in Paris; Writing by Ida Lind')).toBe(true);
    expect(isCreditLine('The plan was approved by parliament')).toBe(false);
  });

  it('removes trailing and stand-alone credits from the text the analysis reads', () => {
    const parts = splitWire(['Prices rose, the agency said. (Reporting by Anna Keller; Editing by Tom Hale)', '(Additional reporting by Sam Roe)']);
    expect(parts.paragraphs).toEqual(['Prices rose, the agency said.']);
    expect(parts.credits).toEqual(['Reporting by Anna Keller; Editing by Tom Hale', 'Additional reporting by Sam Roe']);
  });

  it('does not report the people in a credit line as people of the story', () => {
    const a = analyzeArticle(article(['Mayor Jan Novak opened the bridge on Friday.', '(Reporting by Anna Keller; Editing by Tom Hale)']));
    expect(a.entities.people).toEqual(['Jan Novak']);
  });
});
