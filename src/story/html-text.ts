import { Parser } from 'htmlparser2';
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
      },
      onclosetag(name) {
        depth.close();
        if (HIDDEN_ELEMENTS.has(name) && hidden > 0) hidden--;
      },
      ontext(data) {
        if (hidden === 0) out += data;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return out.replace(/\s+/g, ' ').trim();
}
