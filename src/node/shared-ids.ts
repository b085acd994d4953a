import { StoryfeedError } from '../errors.js';
import { storiesSharingIds, storyName } from '../feed/document.js';
import type { Story } from '../types.js';

/** How many of the other stories sharing an id each message names. */
const MAX_NAMED = 3;

/**
 * For `--keep-going`: the published stories that share their id with another, set aside as skipped
 * seeds (one `E_DUPLICATE_ID` error per story, naming the others), and the stories left. Which of two
 * stories with one id is right cannot be told, so neither is published: readers would otherwise see
 * one item's content change into the other's. Drafts are never published and are kept as they are.
 */
export function setAsideSharedIds<S extends Story>(stories: readonly S[]): { kept: S[]; skipped: StoryfeedError[] } {
  const shared = new Set<S>();
  const skipped: StoryfeedError[] = [];
  for (const same of storiesSharingIds(stories.filter((story) => !story.draft))) {
    const id = same[0]!.id;
    for (const story of same) {
      shared.add(story);
      // A few of the others by name, the rest counted: a message per story stays short however many share the id.
      const named: string[] = [];
      for (const other of same) {
        if (named.length === MAX_NAMED) break;
        if (other !== story) named.push(storyName(other));
      }
      const more = same.length - 1 - named.length;
      const others = more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
      skipped.push(
        new StoryfeedError(
          'E_DUPLICATE_ID',
          `${id} is also the id of ${others}; ${same.length === 2 ? 'neither' : 'none of them'} is published`,
          story.file ? { file: story.file } : {},
        ),
      );
    }
  }
  return { kept: shared.size ? stories.filter((story) => !shared.has(story)) : [...stories], skipped };
}
