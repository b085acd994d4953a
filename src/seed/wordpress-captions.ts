import { codeLines } from './code-lines.js';
import { codeSpans } from './template-links.js';

/**
 * WordPress's caption shortcode, as exports of a WordPress blog to Markdown keep it (jekyll-import,
 * wordpress-export-to-markdown, Hexo's and Pelican's importers): `[caption id="attachment_448"
 * align="aligncenter" width="632"]<img …> The caption[/caption]`, or its older form with the caption in a
 * `caption="…"` attribute; an HTML-to-Markdown converter may have escaped its brackets (`\[caption …\]`).
 * Only WordPress renders it: readers were shown its tags as text. The tags are taken out, what they hold
 * (the image, then its caption) stays, and a caption given as an attribute is written after the image.
 */

/** What {@link withoutWordpressCaptions} gives. */
export interface WordpressCaptions {
  /** The Markdown without the caption shortcodes' tags. */
  body: string;
  /** How many captions were read. */
  count: number;
}

/**
 * The tag opening a caption (`[caption id="…" …]`, its brackets escaped or not), its attributes in group 1: WordPress
 * always writes some, and `[caption]` alone may be a link's text in prose.
 */
const OPENING = /\\?\[(?:wp_)?caption(\s[^\]\n]*?=[^\]\n]*?)\\?\]/gi;
/** The tag closing a caption. */
const CLOSING = /\\?\[\/(?:wp_)?caption\\?\]/gi;
/** The caption given as an attribute: `caption="…"` (or in single quotes). */
const CAPTION_ATTRIBUTE = /\bcaption\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

/**
 * The Markdown without WordPress's caption tags outside code (fenced, indented or inline), the caption an
 * opening tag gives as an attribute written where its closing tag was. One pass over the lines.
 */
export function withoutWordpressCaptions(markdown: string): WordpressCaptions {
  if (!/caption/i.test(markdown)) return { body: markdown, count: 0 };
  const lines = markdown.split('\n');
  const codeOf = codeLines();
  // The caption of the opened tag, written at its closing tag (one may run over several lines).
  let pending: string | undefined;
  let count = 0;
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (codeOf(line) !== undefined || !/caption/i.test(line)) continue;
    const spans = codeSpans(line);
    // Tags are looked at in order, so the spans are passed over once.
    let span = 0;
    const inCode = (at: number): boolean => {
      while (span < spans.length && spans[span]![1] <= at) span++;
      return span < spans.length && spans[span]![0] <= at;
    };
    let out = '';
    let from = 0;
    // Both tags, in the order they come on the line.
    const tags = [...line.matchAll(OPENING), ...line.matchAll(CLOSING)].sort((a, b) => a.index - b.index);
    for (const tag of tags) {
      if (tag.index < from || inCode(tag.index)) continue;
      out += line.slice(from, tag.index);
      from = tag.index + tag[0].length;
      if (/^\\?\[\//.test(tag[0])) {
        if (pending) out = `${out.replace(/[ \t]+$/, '')} ${pending}`;
        pending = undefined;
      } else {
        count++;
        const attribute = CAPTION_ATTRIBUTE.exec(tag[1] ?? '');
        pending = (attribute?.[1] ?? attribute?.[2] ?? '').trim() || undefined;
      }
    }
    if (from === 0) continue;
    lines[i] = out + line.slice(from);
    changed = true;
  }
  return changed ? { body: lines.join('\n'), count } : { body: markdown, count: 0 };
}
