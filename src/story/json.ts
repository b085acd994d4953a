import { describeValue, StoryfeedError } from '../errors.js';
import { isStory } from '../item/index.js';
import type { Story } from '../types.js';

/** A Story as JSON: the same fields, dates as ISO 8601 strings, optional fields omitted. */
export type StoryJson = Omit<Story, 'published' | 'updated' | 'dateline' | 'expires'> & {
  /** First publication time, ISO 8601. */
  published: string;
  /** Last update time, ISO 8601. */
  updated: string;
  /** The time the story stops being published, ISO 8601. */
  expires?: string;
  /** Dateline, with its date as ISO 8601. */
  dateline?: {
    /** Place as written. */
    place: string;
    /** Date, when known. */
    date?: string;
  };
};

/** Serializes a Story for `inspect --json` and JSON APIs (dates as ISO 8601). */
export function storyToJson(story: Story): StoryJson {
  if (!isStory(story)) throw new StoryfeedError('E_ITEM', `storyToJson: story must be a Story (what normalizeStory returns), found ${describeValue(story)}`);
  const { published, updated, dateline, expires, ...rest } = story;
  const json: StoryJson = { ...rest, published: published.toISOString(), updated: updated.toISOString() };
  if (expires) json.expires = expires.toISOString();
  if (dateline) json.dateline = dateline.date ? { place: dateline.place, date: dateline.date.toISOString() } : { place: dateline.place };
  return orderLike(story, json);
}

/** Keeps the Story's field order (id first) in the JSON output. */
function orderLike(story: Story, json: StoryJson): StoryJson {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(story)) out[key] = (json as unknown as Record<string, unknown>)[key];
  return out as unknown as StoryJson;
}

/**
 * Reads a Story back from {@link storyToJson} output (dates revived). A copy of the JSON's fields
 * (in their order) with the dates replaced in place: V8 copies an object with a spread several times
 * faster than it copies one without some keys, and a warm build reads every story of the archive.
 */
export function storyFromJson(json: StoryJson): Story {
  const story = { ...json } as unknown as Story;
  story.published = new Date(json.published);
  story.updated = new Date(json.updated);
  if (json.expires !== undefined) story.expires = new Date(json.expires);
  const { dateline } = json;
  if (dateline) story.dateline = dateline.date ? { place: dateline.place, date: new Date(dateline.date) } : { place: dateline.place };
  // A falsy dateline (null in hand-written JSON) is no dateline, as before: no key, not an undefined one.
  else if (dateline !== undefined) delete story.dateline;
  return story;
}
