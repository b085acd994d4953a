import type { Entities, Quote } from '../../types.js';

/** The text the analysis reads: plain text only, in reading order. */
export interface AnalysisInput {
  /** Headline. */
  title: string;
  /** Subheadings, in order. */
  headings: string[];
  /** Body paragraphs, list items and block quotes as plain text, in reading order (headings excluded). */
  paragraphs: string[];
  /** Language of the text (BCP 47 primary tag: `en`, `uk`, …). */
  language: string;
}

/** An entity with how strongly the story is about it. */
export interface RankedEntity {
  /** Fullest name used in (or resolved for) the story. */
  name: string;
  /** What it is. */
  kind: 'person' | 'organization' | 'place';
  /** How many times it is mentioned (any form). */
  mentions: number;
  /** Relevance score; higher means more central to the story. */
  score: number;
}

/** What the analysis finds in an article. */
export interface ArticleAnalysis {
  /** Direct quotations with resolved speakers, in order of appearance. */
  quotes: Quote[];
  /** Outlets and bodies the article cites, in order of first citation, deduplicated. */
  sources: string[];
  /** People, organisations and places, deduplicated, in order of first mention. */
  entities: Entities;
  /** The same entities, most relevant first. */
  ranked: RankedEntity[];
}

/** Options for the analysis. */
export interface AnalysisOptions {
  /** Run entity extraction (default true). When false, `entities` and `ranked` are empty; quotes and sources are still found. */
  entities?: boolean;
}
