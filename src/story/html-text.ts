import { Parser } from 'htmlparser2';

/** Elements whose contents are not text a reader sees. */
export const HIDDEN_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math']);

/** Visible text of an HTML fragment (script and style contents dropped). */
export function htmlText(html: string): string {
  let out = '';
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN_ELEMENTS.has(name)) hidden++;
      },
      onclosetag(name) {
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
