import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { loadEvalArticles, prf, scoreArticles } from './eval-helpers.js';

const articles = loadEvalArticles();

describe('held-out evaluation set', () => {
  it('has at least 8 labelled English articles on varied topics', () => {
    expect(articles.filter((a) => a.labels.language === 'en').length).toBeGreaterThanOrEqual(8);
  });

  const score = scoreArticles(articles.map((article) => ({ article, ...analyzeArticle(article.input) })));
  const line = (label: string, c: { tp: number; fp: number; fn: number }): string => {
    const { precision, recall, f1 } = prf(c);
    return `${label.padEnd(14)} P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
  };
  const speakerAccuracy = score.quotes.tp === 0 ? 0 : score.quotes.speakersRight / score.quotes.tp;
  console.log(
    [
      line('people', score.entities.people),
      line('organizations', score.entities.organizations),
      line('places', score.entities.places),
      line('all entities', score.entities.all),
      line('quotes', score.quotes),
      `speaker accuracy ${speakerAccuracy.toFixed(3)} (${score.quotes.speakersRight}/${score.quotes.tp})`,
      line('sources', score.sources),
      ...score.errors.map((e) => `  - ${e}`),
    ].join('\n'),
  );

  it('finds entities with F1 ≥ 0.8 overall and ≥ 0.75 per kind', () => {
    expect(prf(score.entities.all).f1).toBeGreaterThanOrEqual(0.8);
    for (const kind of ['people', 'organizations', 'places'] as const) expect(prf(score.entities[kind]).f1).toBeGreaterThanOrEqual(0.75);
  });

  it('finds quotations and their speakers', () => {
    expect(prf(score.quotes).recall).toBeGreaterThanOrEqual(0.9);
    expect(prf(score.quotes).precision).toBeGreaterThanOrEqual(0.9);
    expect(speakerAccuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('finds cited sources', () => {
    expect(prf(score.sources).precision).toBeGreaterThanOrEqual(0.8);
    expect(prf(score.sources).recall).toBeGreaterThanOrEqual(0.7);
  });
});
