/**
 * Characters XML 1.0 forbids (C0 controls except tab, LF and CR; U+FFFE, U+FFFF; lone
 * surrogates). Every string that reaches a feed passes through {@link removeIllegalXmlChars}, so the
 * three formats always carry the same, valid text.
 */

// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const ILLEGAL_TEST = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Any forbidden character or any surrogate, paired or not: one character class, which scans several
 * times faster than {@link ILLEGAL_TEST}'s alternatives with look-arounds, so text without either
 * (most text) is passed after one quick scan.
 */
// eslint-disable-next-line no-control-regex
const MAYBE_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** `true` when `text` holds a character XML 1.0 forbids. */
export function hasIllegalXmlChars(text: string): boolean {
  return MAYBE_ILLEGAL.test(text) && ILLEGAL_TEST.test(text);
}

/** Text with the characters XML forbids removed. */
export interface CleanText {
  /** The clean text. */
  text: string;
  /** The characters removed, in order. */
  removed: string[];
}

/** Removes the characters XML 1.0 forbids; returns the clean text and what was removed. */
export function removeIllegalXmlChars(text: string): CleanText {
  if (!hasIllegalXmlChars(text)) return { text, removed: [] };
  const removed: string[] = [];
  const clean = text.replace(ILLEGAL, (ch) => {
    removed.push(ch);
    return '';
  });
  return { text: clean, removed };
}

/** Names a character as `U+000B`. */
export function codePointName(ch: string): string {
  return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Describes removed characters for a warning: "U+000B, U+0000 (2 characters)". */
export function describeRemoved(removed: readonly string[]): string {
  const names = [...new Set(removed.map(codePointName))];
  return `${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''} (${removed.length} character${removed.length === 1 ? '' : 's'})`;
}
