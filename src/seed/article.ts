import type { Author, Section } from '../types.js';
import type { SeedMeta } from './front-matter.js';

/** A dateline as written at the top of a body: "IZMAIL, Ukraine, Nov. 3 —". */
export interface SeedDateline {
  /** Place as written, title-cased: "Izmail, Ukraine". */
  place: string;
  /** Month (1–12), when the dateline has a date. */
  month?: number;
  /** Day of month, when the dateline has a date. */
  day?: number;
  /** Year, when the dateline gives one. */
  year?: number;
}

/** What a seed file says, before normalization: the output of the seed stage. */
export interface SeedArticle {
  /** The file it came from, for messages. */
  file?: string;
  /** Which reader produced it. */
  kind: 'text' | 'markdown' | 'json';
  /** Metadata from front matter, sidecar or JSON fields. */
  meta: SeedMeta;
  /** Headline from the text itself (first line, or a leading `# ` heading). */
  title: string;
  /** Authors named in a byline ("By Ivan Petrenko and Maria Lopez"). */
  byline: Author[];
  /** Dateline, if the first paragraph opens with one. */
  dateline?: SeedDateline;
  /** Body structure as plain text. */
  sections: Section[];
  /** Body HTML as written (Markdown rendered, not yet sanitized); text seeds render from `sections`. */
  html?: string;
  /**
   * The text before a `<!--more-->` line (Hugo's and Jekyll's summary divider), as plain text: the
   * summary when front matter and sidecar give none.
   */
  excerpt?: string;
  /**
   * Why the text is not public (a CMS's post for members only, or behind a password): the story stays a draft,
   * whatever a sidecar says of `draft`.
   */
  withheld?: string;
}
