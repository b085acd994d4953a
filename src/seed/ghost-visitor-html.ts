import { showsText } from '../story/html-text.js';

/**
 * What a Ghost post shows a visitor who is no member, as Ghost's own feeds and its Content API without a member give
 * it: a feed is public, so a story from a post of Ghost's export or Admin API (which give every post in full) is
 * published as a visitor sees it, not with what Ghost shows only its members or its paying subscribers.
 *
 * A post for members (`visibility` other than `public`: `members`, `paid`, `tiers`, or a filter of members) shows a
 * visitor its text before its paywall card (`<!--members-only-->`), or none. A block the author showed only to some
 * readers (Ghost's editor writes it between `<!--kg-gated-block:begin nonMember:… memberSegment:…-->` and
 * `<!--kg-gated-block:end-->`) is shown to a visitor only with `nonMember:true`. Read once, left to right.
 */

/** Where a post for members ends what a visitor sees of it: Ghost's paywall card. */
const PAYWALL = '<!--members-only-->';

/** The start of a block shown only to some readers: its settings follow, up to `-->`. */
const GATED_BEGIN = '<!--kg-gated-block:begin';

/** The end of such a block. */
const GATED_END = '<!--kg-gated-block:end-->';

/** A gated block's setting that shows it to visitors (`nonMember:true`, the value perhaps quoted), as Ghost reads its settings. */
const SHOWN_TO_VISITORS = /\bnonMember:["']?true(?=["'\s]|$)/;

/**
 * The HTML of a Ghost post that a visitor sees, given the post's `visibility` (see the module comment); `undefined`
 * when the post is for members and shows a visitor none of its text (it has no paywall card, or nothing before it).
 */
export function ghostVisitorHtml(html: string, visibility: unknown): string | undefined {
  let shown = html;
  if (typeof visibility === 'string' && visibility.trim() !== 'public') {
    const paywall = html.indexOf(PAYWALL);
    if (paywall < 0 || !showsText(html.slice(0, paywall))) return undefined;
    shown = html.slice(0, paywall);
  }
  return withoutGatedBlocks(shown);
}

/** `html` without the blocks shown only to members, and with the marks around those shown to visitors taken away, their content kept. */
function withoutGatedBlocks(html: string): string {
  if (!html.includes(GATED_BEGIN)) return html;
  let out = '';
  let at = 0;
  for (;;) {
    const begin = html.indexOf(GATED_BEGIN, at);
    if (begin < 0) break;
    const settingsEnd = html.indexOf('-->', begin + GATED_BEGIN.length);
    const end = settingsEnd < 0 ? -1 : html.indexOf(GATED_END, settingsEnd + 3);
    // A block never ended is no block, as Ghost reads it: what follows stays (its marks are comments, which no reader shows).
    if (end < 0) break;
    out += html.slice(at, begin);
    if (SHOWN_TO_VISITORS.test(html.slice(begin + GATED_BEGIN.length, settingsEnd))) out += html.slice(settingsEnd + 3, end);
    at = end + GATED_END.length;
  }
  return out + html.slice(at);
}
