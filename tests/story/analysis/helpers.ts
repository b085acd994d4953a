import type { AnalysisInput } from '../../../src/story/analysis/index.js';

/** An English article from paragraphs (title optional). */
export const article = (paragraphs: string[], title = 'News update', language = 'en', headings: string[] = []): AnalysisInput => ({
  title,
  headings,
  paragraphs,
  language,
});
