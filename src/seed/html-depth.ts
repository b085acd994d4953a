import { StoryfeedError } from '../errors.js';

/**
 * Deepest element nesting storyfeed reads in seed HTML (the limit browsers' HTML parsers apply).
 * The HTML parser keeps open elements in an array it shifts on every tag, so each tag costs the
 * current depth; capping the depth keeps every pass over seed HTML linear in its size.
 */
export const MAX_HTML_DEPTH = 512;

/** Counts open elements during a parse and refuses nesting deeper than {@link MAX_HTML_DEPTH}. */
export interface HtmlDepthGuard {
  /** Call on every opened element; throws `E_TOO_DEEP` past the limit. */
  open(): void;
  /** Call on every closed element (including implied closes). */
  close(): void;
}

/** A fresh {@link HtmlDepthGuard} whose error names `file`, and `field` (an item's, such as `items[0].contentHtml`) when given. */
export function htmlDepthGuard(file?: string, field?: string): HtmlDepthGuard {
  let depth = 0;
  return {
    open() {
      depth++;
      if (depth > MAX_HTML_DEPTH) {
        throw new StoryfeedError('E_TOO_DEEP', `${field ?? 'the HTML'} nests elements more than ${MAX_HTML_DEPTH} levels deep`, { file });
      }
    },
    close() {
      if (depth > 0) depth--;
    },
  };
}
