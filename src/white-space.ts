/** White space other than one space between words: at either end, in a run, or not a plain space. */
const SPACE_TO_COLLAPSE = /^\s|\s$|\s\s|[^\S ]/;

/**
 * What collapsing changes: a run of two or more white-space characters, or one that is not a plain
 * space. Replacing these (and not every single space between words, as `/\s+/g` does: one match a word)
 * gives the same text.
 */
const SPACE_RUN = /\s{2,}|[^\S ]/g;

/**
 * `text` with each run of white space made one space and none at either end (what
 * `text.replace(/\s+/g, ' ').trim()` gives); `text` itself when there is nothing to change (most
 * titles and paragraphs), so no string is rebuilt for nothing.
 */
export function collapseSpace(text: string): string {
  return SPACE_TO_COLLAPSE.test(text) ? text.replace(SPACE_RUN, ' ').trim() : text;
}

/**
 * `text` without the run of characters at its end that `char` (a one-character class such as
 * `/[\s,]/`) matches: what `text.replace(/[\s,]+$/u, '')` gives, in time linear in the run. That
 * pattern, unanchored, is tried from every character of a run that does not reach the end, to the end
 * of the run each time: a long run of spaces and commas inside the text cost its length squared.
 */
export function withoutTrailing(text: string, char: RegExp): string {
  let end = text.length;
  while (end > 0 && char.test(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}
