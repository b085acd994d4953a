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

/**
 * Characters that show nothing: white space and Unicode's default-ignorable code points (zero-width
 * space and joiners, word joiner, byte-order mark, soft hyphen, bidi controls, variation selectors, …),
 * which text pasted from word processors and web pages carries.
 */
const SHOWS_NOTHING = /^[\s\p{Default_Ignorable_Code_Point}]*$/u;

/** `true` when `text` is empty or holds nothing a reader sees (see {@link SHOWS_NOTHING}). */
export function showsNothing(text: string): boolean {
  // Text that starts with a visible ASCII character shows something, without the regular expression.
  const c = text.charCodeAt(0);
  return c > 0x20 && c < 0x7f ? false : SHOWS_NOTHING.test(text);
}

/**
 * Invisible characters that do nothing at the start of a title: white space and default-ignorables
 * but the bidi controls (an RLM or an isolate there sets the direction of what follows).
 */
const INVISIBLE_LEAD = /^(?:(?![\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069])[\s\p{Default_Ignorable_Code_Point}])+/u;

/**
 * One such character at the end of a title (tested a UTF-16 unit at a time, by {@link withoutInvisibleEdges}): the
 * same, less the variation selectors that finish an emoji (`❤️`); the tag characters that finish a
 * subdivision flag lie beyond U+FFFF, so half of one is never matched.
 */
const INVISIBLE_TAIL_CHAR = /^(?![\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\p{Variation_Selector})[\s\p{Default_Ignorable_Code_Point}]$/u;

/**
 * `text` without the invisible characters at either end that show and do nothing there (a zero-width
 * space or a byte-order mark before a headline, a word joiner after it); `text` itself when it starts
 * and ends with a visible ASCII character.
 */
export function withoutInvisibleEdges(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f) return text;
  const lead = text.replace(INVISIBLE_LEAD, '');
  let end = lead.length;
  while (end > 0 && INVISIBLE_TAIL_CHAR.test(lead[end - 1]!) && !joinsLetter(lead, end - 1)) end--;
  return end === lead.length ? lead : lead.slice(0, end);
}

/** A letter or a combining mark (a virama), which a joiner after it shapes. */
const LETTER_OR_MARK = /^[\p{L}\p{M}]/u;

/**
 * Whether the character at `at` is a zero-width joiner or non-joiner right after a letter or mark: part of
 * the word, as in Malayalam's chillu (`ന്‍`) or Bengali's khanda ta, never taken off a title's end.
 */
function joinsLetter(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if ((c !== 0x200c && c !== 0x200d) || at === 0) return false;
  // The character before it, a whole code point (one beyond U+FFFF is two units).
  const low = text.charCodeAt(at - 1);
  const from = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return LETTER_OR_MARK.test(text.slice(from, at));
}
