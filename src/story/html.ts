import { decodeHtmlText as decodeHTML } from '../html/entities.js';
import { escapeHtml } from '../escape-html.js';
import { htmlDepthGuard } from '../seed/html-depth.js';
import type { Block, Section } from '../types.js';
import { type ImageAddress, type LinkAddress, type SanitizeReport, sanitizeHtmlFragment } from './sanitize.js';

// Kept in its own module so that feeds and pages can escape without loading the sanitizer.
export { escapeHtml } from '../escape-html.js';

/** Renders plain-text sections as HTML: `<h2>` subheadings, `<p>`, `<ul>`/`<ol>`, `<blockquote>`, `<pre>`. */
export function sectionsToHtml(sections: readonly Section[]): string {
  const out: string[] = [];
  for (const section of sections) {
    if (section.heading !== null) out.push(`<h2>${escapeHtml(section.heading)}</h2>`);
    for (const block of section.blocks) out.push(blockToHtml(block));
  }
  return out.join('\n');
}

function blockToHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>\n${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}\n</${tag}>`;
    }
    case 'quote':
      return `<blockquote><p>${escapeHtml(block.text)}</p></blockquote>`;
    case 'code':
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
  }
}

/** Renders sections as clean plain text: blocks separated by blank lines, list items marked. */
export function sectionsToText(sections: readonly Section[]): string {
  const out: string[] = [];
  for (const section of sections) {
    if (section.heading !== null) out.push(section.heading);
    for (const block of section.blocks) {
      if (block.kind === 'list') out.push(block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${item}`).join('\n'));
      else out.push(block.text);
    }
  }
  return out.join('\n\n');
}

/**
 * Signs of active or styled content that the sanitizer removes; used only to warn the author: an
 * active tag, or an event handler, a frame's inline page (`srcdoc`) or a
 * javascript:/vbscript:/data: URL in a form's or an SVG link's address (a frame showing a page is no sign: it is
 * published as a link to it). Such URLs in links, images, video, audio and frames are counted by the sanitizer
 * itself, which tells a lazy image's `data:` placeholder, whose file is kept, from a lost one, and so are style
 * attributes that load or run something: a style attribute is no sign, as most only present the text. The
 * attribute signs are written from their `=` (what comes before it in lookbehinds), so a search
 * stops only at `<` and `=` instead of at every space and at every `h`, `s`, `a`, `f` and `x` of
 * the text: half the time over a story's HTML, the same matches. The white space before a URL is
 * `\s*(?:["']\s*)?`, not `\s*["']?\s*`: two runs of white space side by side split a long run in
 * every way before failing (60 KB of spaces after an href= took 6 s).
 */
const UNSAFE_HINT =
  /<\s*(?:script|style|object|embed|form|base|meta|link|frame|frameset|applet)\b|=(?:(?<=\son[a-z]+\s*=)|(?<=\ssrcdoc\s*=)|(?<=(?:action|formaction|xlink:href)\s*=)\s*(?:["']\s*)?(?:javascript|vbscript|data)\s*:)/i;

/** A paragraph with nothing in it (as the sanitizer writes it: its only attributes `lang` and `dir`), and the line break after it. */
const EMPTY_PARAGRAPH = /<p(?: (?:lang|dir)="[^"]*")*>\s*<\/p>\n?/g;

/** What {@link sanitizeStoryHtml} returns. */
export interface SanitizedHtml {
  /** The safe HTML. */
  html: string;
  /** `true` when something unsafe (script, event handler, a style that loads or runs something, javascript:/data: URL) was removed. */
  removedUnsafe: boolean;
  /**
   * The text of each frame written as a link to the page it showed (its title, else the address): media, not the
   * article's text, which a body's plain text and summary leave out when it stands as a block of its own.
   */
  frames: string[];
}

/**
 * Sanitizes HTML for publication: no script, style, event handler, frame or form; only http(s),
 * mailto, tel and sms links; and every relative `href`/`src` made absolute against `baseUrl`. HTML nested
 * deeper than the seed readers accept is refused with `E_TOO_DEEP` naming `file` (and `field`, an item's).
 * `linkAddress` may give a link another address, or leave it out with its text kept (see `file-links.ts`), and
 * `imageAddress` an image's file (a Chirpy post's media folder, see `media-folder.ts`).
 */
export function sanitizeStoryHtml(html: string, baseUrl: string, file?: string, field?: string, linkAddress?: LinkAddress, imageAddress?: ImageAddress): SanitizedHtml {
  // The depth limit is checked in the sanitizer's own parse: it throws before the parse goes deeper.
  const report: SanitizeReport = { frames: [], unsafeUrls: 0, activeStyles: 0 };
  const clean = sanitizeHtmlFragment(html, baseUrl, htmlDepthGuard(file, field), linkAddress, report, imageAddress);
  // Entity-obfuscated vectors (`jav&#x09;ascript:`) are removed too; decode them so the warning sees them.
  return {
    // A paragraph whose only content was removed (an image without a file, a video that cannot play) shows nothing.
    html: clean.replace(EMPTY_PARAGRAPH, '').trim(),
    frames: report.frames,
    removedUnsafe: report.unsafeUrls > 0 || report.activeStyles > 0 || UNSAFE_HINT.test(html) || UNSAFE_HINT.test(decodeHTML(html).replace(/[\t\n\r]/g, '')),
  };
}
