/** Words per minute used for `readingMinutes`. */
export const WORDS_PER_MINUTE = 230;

/** Counts words: runs of letters or digits, with inner apostrophes and hyphens. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
