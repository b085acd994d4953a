import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';
import { checkHtmlDepth } from '../seed/html-depth.js';
import type { Block, Section } from '../types.js';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));
}

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

const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags,
  'img', 'figure', 'figcaption', 'picture', 'source', 'h1', 'h2', 'del', 'ins', 'sup', 'sub', 'details', 'summary', 'mark', 'time',
];

const SAFE_SCHEMES = ['http', 'https', 'mailto'];

/** Signs of active or styled content that the sanitizer removes; used only to warn the author. */
const UNSAFE_HINT = /<\s*(?:script|style|iframe|object|embed|form|base|meta|link|frame|frameset|applet)\b|\son[a-z]+\s*=|\sstyle\s*=|(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(?:javascript|vbscript|data)\s*:/i;

/** What {@link sanitizeStoryHtml} returns. */
export interface SanitizedHtml {
  /** The safe HTML. */
  html: string;
  /** `true` when something unsafe (script, event handler, style, javascript:/data: URL) was removed. */
  removedUnsafe: boolean;
}

/**
 * Sanitizes HTML for publication: no script, style, event handler, frame or form; only http(s) and
 * mailto links; and every relative `href`/`src` made absolute against `baseUrl`. HTML nested
 * deeper than the seed readers accept is refused with `E_TOO_DEEP` naming `file`.
 */
export function sanitizeStoryHtml(html: string, baseUrl: string, file?: string): SanitizedHtml {
  checkHtmlDepth(html, file);
  const absolute = (value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    try {
      return new URL(value.trim(), baseUrl).href;
    } catch {
      return undefined;
    }
  };
  const resolve = (attr: 'href' | 'src') => (tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag => {
    const next = { ...attribs };
    const value = absolute(next[attr]);
    if (value === undefined) delete next[attr];
    else next[attr] = value;
    return { tagName, attribs: next };
  };
  const clean = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'hreflang'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      source: ['type', 'media'],
      ol: ['start', 'reversed'],
      td: ['colspan', 'rowspan', 'align'],
      th: ['colspan', 'rowspan', 'align', 'scope'],
      code: ['class'],
      time: ['datetime'],
      '*': ['lang', 'dir'],
    },
    allowedClasses: { code: [/^language-[\w-]+$/] },
    allowedSchemes: SAFE_SCHEMES,
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'title'],
    transformTags: { a: resolve('href'), img: resolve('src') },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  });
  // Entity-obfuscated vectors (`jav&#x09;ascript:`) are removed too; decode them so the warning sees them.
  return { html: clean.trim(), removedUnsafe: UNSAFE_HINT.test(html) || UNSAFE_HINT.test(decodeHTML(html).replace(/[\t\n\r]/g, '')) };
}
