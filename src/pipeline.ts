import { options as readOptions } from './item/fields.js';
import type { Diagnostic } from './errors.js';
import { buildFeedDocument, type FeedDocumentOptions } from './feed/document.js';
import { renderFeeds } from './render/index.js';
import type { FeedInput } from './item/index.js';
import type { FeedDocument, FeedOutputs, SiteConfig } from './types.js';

/** The feeds built from a set of stories. */
export interface BuiltFeeds {
  /** The document all three formats were rendered from. */
  document: FeedDocument;
  /** RSS, Atom and JSON Feed text. */
  outputs: FeedOutputs;
  /** Warnings raised while building (drafts left out, characters removed). */
  warnings: Diagnostic[];
}

/**
 * Items or stories in, feeds out: builds the {@link FeedDocument} and renders RSS 2.0, Atom 1.0
 * and JSON Feed 1.1 from it. Plain items (`{ url, title, published, contentHtml, … }`) and
 * normalized stories can be mixed. Pure: the same input and site always give byte-identical output.
 *
 * @example
 * const { outputs } = buildFeeds([{ url: 'https://x.example/a', title: 'A', published: '2024-01-02', contentHtml: '<p>Hi</p>' }], { siteUrl: 'https://x.example', title: 'X' });
 * console.log(outputs.rss);
 */
export function buildFeeds(stories: readonly FeedInput[], site: SiteConfig, options: Omit<FeedDocumentOptions, 'onWarning'> = {}): BuiltFeeds {
  const warnings: Diagnostic[] = [];
  const document = buildFeedDocument(stories, site, { ...readOptions(options), onWarning: (d) => warnings.push(d) });
  return { document, outputs: renderFeeds(document), warnings };
}
