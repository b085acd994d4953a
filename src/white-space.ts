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
