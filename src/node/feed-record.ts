import type { Story } from '../types.js';

/**
 * A story as the feed set and the manifest read it: everything but the analysis of the body
 * (sections, quotes, sources, entities, dateline), which stays in the story cache. A build holds
 * every story at once, and the sections alone repeat the whole body text; dropping them keeps the
 * memory of a large archive to the fields its feeds publish. Still a {@link Story} (empty analysis),
 * so the feed functions take it as they take any story. A build also moves the body (`contentHtml`,
 * `contentText`) of most records to disk until their feeds are rendered, leaving them empty (see
 * `body-store.ts`).
 */
export type FeedRecord = Story & {
  sections: [];
  quotes: [];
  sources: [];
  entities: { people: []; organizations: []; places: [] };
  dateline?: undefined;
};

/**
 * The story as a {@link FeedRecord}. The feed functions take it as they take any story; its type says
 * the analysis is empty, so nobody reads quotes from it by mistake.
 */
export function feedRecord(story: Story): FeedRecord {
  const { sections: _sections, quotes: _quotes, sources: _sources, entities: _entities, dateline: _dateline, ...kept } = story;
  return { ...kept, sections: [], quotes: [], sources: [], entities: { people: [], organizations: [], places: [] } };
}
