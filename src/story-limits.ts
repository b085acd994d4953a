/**
 * How many tags and authors one story may have. Each tag (and, with author feeds, each author) can
 * make a feed that lists the story with all of its tags: a story with thousands of them would make
 * feeds growing with their square (1,500 tags: 92 MB of RSS alone). Real articles have a few dozen at
 * most; the limits stop a runaway list (a generated keyword dump, a hostile seed) with an error
 * naming the field instead.
 */

/** Tags one story may have. */
export const MAX_STORY_TAGS = 200;

/** Authors one story may have. */
export const MAX_STORY_AUTHORS = 100;

/** The problem with a list of `count` tags or authors over its limit. */
export function tooManyOf(kind: 'tags' | 'authors', count: number): string {
  const limit = kind === 'tags' ? MAX_STORY_TAGS : MAX_STORY_AUTHORS;
  return `has ${count} ${kind}; a story may have at most ${limit} (each can be a feed of its own, listing them all)`;
}
