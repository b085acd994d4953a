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

const NO_ITEMS: [] = Object.freeze([]) as unknown as [];
const NO_ENTITIES: FeedRecord['entities'] = Object.freeze({ people: NO_ITEMS, organizations: NO_ITEMS, places: NO_ITEMS });

/**
 * The story as a {@link FeedRecord}. The feed functions take it as they take any story; its type says
 * the analysis is empty, so nobody reads quotes from it by mistake. Every record shares one frozen
 * empty analysis: a build holds hundreds of thousands of records.
 */
export function feedRecord(story: Story): FeedRecord {
  // One copy whose analysis fields are then replaced: V8 copies an object with a spread far faster
  // than it copies one without some keys (rest destructuring), and a build makes one record per story.
  const record = { ...story, sections: NO_ITEMS, quotes: NO_ITEMS, sources: NO_ITEMS, entities: NO_ENTITIES } as FeedRecord;
  if (record.dateline !== undefined) record.dateline = undefined;
  return record;
}

/**
 * Shares the values many records repeat (authors, tags, the language, the seed path the build
 * already holds; the URL as the id, the publication date as an equal update date) among the records
 * of one build: each record that crossed from a worker thread arrives with its own copies. Only
 * values that are never mutated are shared.
 */
export class RecordInterner {
  private readonly authors = new Map<string, Story['authors']>();
  private readonly strings = new Map<string, string>();

  /**
   * The record with its repeated values shared; `file` is the seed's path as the build holds it. The
   * record is changed in place: give it a record nothing else holds (a fresh {@link feedRecord}).
   */
  intern(record: FeedRecord, file?: string): FeedRecord {
    const authorsKey = JSON.stringify(record.authors);
    const authors = this.authors.get(authorsKey);
    if (authors) record.authors = authors;
    else this.authors.set(authorsKey, record.authors);
    // The id is most often the story's URL.
    if (record.id === record.url) record.id = record.url;
    if (record.updated.getTime() === record.published.getTime()) record.updated = record.published;
    record.language = this.string(record.language);
    record.tags = record.tags.length === 0 ? NO_ITEMS : record.tags.map((tag) => this.string(tag));
    if (file !== undefined && record.file === file) record.file = file;
    return record;
  }

  private string(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }
}
