import type { SiteConfig } from '../types.js';

/**
 * Default number of entities that become tags: none. Entity tags are opt-in (`entityTags: N` in the
 * config), because a wrong entity shown as a category reaches every subscriber; by default a feed
 * carries only the tags the author gave.
 */
export const DEFAULT_ENTITY_TAGS = 0;

/**
 * `true` when the feeds of `site` read the body's analysis: only entity tags do (opt-in, see
 * {@link DEFAULT_ENTITY_TAGS}); feeds publish no quotes, sources or entities otherwise.
 */
export function feedsReadAnalysis(site: Pick<SiteConfig, 'entities' | 'entityTags'>): boolean {
  return site.entities !== false && (site.entityTags ?? DEFAULT_ENTITY_TAGS) > 0;
}
