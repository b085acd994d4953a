import type { Diagnostic } from './errors.js';
import { buildFeedDocument, type FeedDocumentOptions } from './feed/document.js';
import { renderFeeds } from './render/index.js';
import type { FeedDocument, FeedOutputs, SiteConfig, Story } from './types.js';

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
 * Stories in, feeds out: builds the {@link FeedDocument} and renders RSS 2.0, Atom 1.0 and JSON
 * Feed 1.1 from it. Pure: the same stories and site always give byte-identical output.
 *
 * @example
 * const { outputs } = buildFeeds(stories, site);
 * console.log(outputs.rss);
 */
export function buildFeeds(stories: readonly Story[], site: SiteConfig, options: Omit<FeedDocumentOptions, 'onWarning'> = {}): BuiltFeeds {
  const warnings: Diagnostic[] = [];
  const document = buildFeedDocument(stories, site, { ...options, onWarning: (d) => warnings.push(d) });
  return { document, outputs: renderFeeds(document), warnings };
}
