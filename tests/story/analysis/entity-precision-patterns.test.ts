import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

describe('entity precision patterns', () => {
  it('a party letter and a state in brackets after a name ("(D-OH)") is no body', () => {
    const r = analyzeArticle(article(['Rep. Nora Bell (D-OH), the co-chair of the caucus, spoke first. Senator Tom Reed (R-Ohio) agreed with her.']));
    expect(r.entities.organizations).toEqual([]);
    expect(r.entities.people).toEqual(['Nora Bell', 'Tom Reed']);
  });

  it('a run holding a country\'s or city\'s name is not a person ("Russie Unie", "Nijni Novgorod")', () => {
    const r = analyzeArticle(article(['Le parti Russie Unie a gagné, et le maire de la ville a parlé aux habitants.'], 'Actualité', 'fr'));
    expect(r.entities.people).toEqual([]);
  });
});

describe('sources and lone surnames', () => {
  it('one unknown word before "said" is not cited as a source, nor made a body ("Devouard said")', () => {
    const r = analyzeArticle(article(['In an interview on Tuesday, Devouard said the chapters in Europe were growing fast.']));
    expect(r.sources).toEqual([]);
    expect(r.entities.organizations).toEqual([]);
  });
});

describe('websites', () => {
  it('a name only ever used as where something was posted ("on Twitter", "Twitter-сторінці") is no body', () => {
    expect(analyzeArticle(article(['The minister wrote on Twitter that talks would resume, and the video spread on YouTube.'])).entities.organizations).toEqual([]);
    expect(analyzeArticle(article(['Про це йдеться на Twitter-сторінці посольства.'], 'Новини', 'uk')).entities.organizations).toEqual([]);
  });
});
