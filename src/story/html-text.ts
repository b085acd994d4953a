import { collapseSpace } from '../white-space.js';
import { Parser } from '../html/parser.js';
import { htmlDepthGuard } from '../seed/html-depth.js';

/** Elements whose contents are not text a reader sees. */
export const HIDDEN_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math']);

/**
 * Visible text of an HTML fragment (script and style contents dropped); `E_TOO_DEEP` naming `file`
 * when elements nest deeper than storyfeed reads.
 */
export function htmlText(html: string, file?: string): string {
  let out = '';
  let hidden = 0;
  const depth = htmlDepthGuard(file);
  const parser = new Parser(
    {
      onopentag(name) {
        depth.open();
        if (HIDDEN_ELEMENTS.has(name)) hidden++;
        // A block boundary (a paragraph, a cell, a line break) separates words: "a<br>b" is "a b".
        else if (BLOCK_ELEMENTS.has(name)) out += ' ';
      },
      onclosetag(name) {
        depth.close();
        if (HIDDEN_ELEMENTS.has(name) && hidden > 0) hidden--;
        else if (BLOCK_ELEMENTS.has(name)) out += ' ';
      },
      ontext(data) {
        if (hidden === 0) out += data;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return collapseSpace(out);
}

/** Elements that end a block of text: each starts a new paragraph of {@link htmlBlocks}. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'figure',
  'figcaption',
  'hr',
  'address',
  'details',
  'summary',
]);

/**
 * The visible text of an HTML fragment as its blocks (paragraphs, list items, headings, …), each with
 * white space collapsed; script and style contents dropped. One pass, depth-capped like {@link htmlText}.
 */
export function htmlBlocks(html: string, file?: string): string[] {
  const blocks: string[] = [];
  let current = '';
  let hidden = 0;
  const depth = htmlDepthGuard(file);
  const flush = (): void => {
    const text = collapseSpace(current);
    if (text) blocks.push(text);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        depth.open();
        if (HIDDEN_ELEMENTS.has(name)) hidden++;
        if (BLOCK_ELEMENTS.has(name)) flush();
      },
      onclosetag(name) {
        depth.close();
        if (HIDDEN_ELEMENTS.has(name) && hidden > 0) hidden--;
        if (BLOCK_ELEMENTS.has(name)) flush();
      },
      ontext(data) {
        if (hidden === 0) current += data;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks;
}
