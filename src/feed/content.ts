import { Parser } from '../html/parser.js';
import { escapeHtml } from '../story/html.js';
import { graphemePrefix } from '../story/summary.js';
import type { FeedItem } from '../types.js';

/** Text of the link that ends a shortened body. */
export const READ_MORE = 'Read the full story';

/**
 * The body of a summary-only item: the summary, as its only paragraph. Every format then carries
 * the summary where the body would be (readers that show only the content show the summary), and
 * the full text never leaves the site.
 */
export function summaryContent(item: Pick<FeedItem, 'summary'>): Pick<FeedItem, 'contentHtml' | 'contentText'> {
  return { contentHtml: item.summary ? `<p>${escapeHtml(item.summary)}</p>` : '', contentText: item.summary };
}

/**
 * The body of an item as a feed with `contentLimit` publishes it: a body longer than `limit`
 * characters of HTML keeps its top-level blocks that fit whole (never a cut tag or a cut word) and
 * ends with a link to the story; the plain text is cut at the last paragraph break that fits.
 */
export function limitContent(item: Pick<FeedItem, 'contentHtml' | 'contentText' | 'url'>, limit: number): Pick<FeedItem, 'contentHtml' | 'contentText'> {
  if (item.contentHtml.length <= limit && item.contentText.length <= limit) return { contentHtml: item.contentHtml, contentText: item.contentText };
  const more = `<p><a href="${escapeHtml(item.url)}">${READ_MORE}</a></p>`;
  const cut = lastTopLevelEnd(item.contentHtml, Math.max(0, limit - more.length));
  const html = `${cut > 0 ? `${item.contentHtml.slice(0, cut).trimEnd()}\n` : ''}${more}`;
  return { contentHtml: html, contentText: cutText(item.contentText, limit) };
}

/** The end offset of the last top-level element (or text run) of `html` that ends at or before `max`; 0 for none. */
function lastTopLevelEnd(html: string, max: number): number {
  let depth = 0;
  let best = 0;
  let stopped = false;
  const parser = new Parser(
    {
      onopentag() {
        depth++;
      },
      onclosetag() {
        if (stopped) return;
        depth = Math.max(0, depth - 1);
        const end = parser.endIndex + 1;
        if (end > max) stopped = true;
        else if (depth === 0) best = end;
      },
    },
    { decodeEntities: false, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  // One pass over the prefix that can matter (plus one tag's worth), not the whole body.
  parser.write(html.slice(0, Math.min(html.length, max + 1)));
  parser.end();
  return best;
}

/** Plain text cut at the last paragraph break within `limit`, else at the last word break, with an ellipsis. */
function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const head = text.slice(0, limit);
  const paragraph = head.lastIndexOf('\n\n');
  if (paragraph > 0) return `${head.slice(0, paragraph)}\n\n…`;
  const space = head.lastIndexOf(' ');
  if (space > 0) return `${head.slice(0, space).trimEnd()}…`;
  // No word break (Chinese or Japanese text, a long address): cut between two graphemes, never inside a
  // surrogate pair, a flag or a letter with its accents.
  return `${graphemePrefix(text, limit).trimEnd()}…`;
}
