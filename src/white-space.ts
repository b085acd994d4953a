/** White space other than one space between words: at either end, in a run, or not a plain space. */
const SPACE_TO_COLLAPSE = /^\s|\s$|\s\s|[^\S ]/;

/**
 * `text` with each run of white space made one space and none at either end; `text` itself when there
 * is nothing to change (most titles and paragraphs), so no string is rebuilt for nothing.
 */
export function collapseSpace(text: string): string {
  return SPACE_TO_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
