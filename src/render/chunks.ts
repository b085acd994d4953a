import type { FeedDocument, FeedFormat } from '../types.js';

/**
 * Large feeds rendered in pieces. A feed's items do not depend on each other: the document is a
 * head, the items one after another, and a tail that depend only on the feed. So the feed can be
 * rendered (and verified) as several documents with the same head and tail, each holding a run of
 * the items, and the pieces joined into exactly the text the whole document renders to. Pieces
 * keep the parser trees and intermediate strings small, and can be rendered and verified in parallel.
 */

/** The document split into runs of `size` items, each with everything else of the feed unchanged. */
export function splitDocument(doc: FeedDocument, size: number): FeedDocument[] {
  const parts: FeedDocument[] = [];
  for (let i = 0; i < doc.items.length; i += size) parts.push({ ...doc, items: doc.items.slice(i, i + size) });
  return parts;
}

/**
 * Joins the renderings of consecutive pieces of one document (from {@link splitDocument}) into the
 * rendering of the whole. Returns `undefined` when the pieces do not share their head and tail
 * (then the whole document must be rendered instead).
 */
export function joinPieces(format: FeedFormat, pieces: readonly string[]): string | undefined {
  const split = pieces.map((text) => splitRendering(format, text));
  const first = split[0];
  if (!first || split.some((s) => !s || s.head !== first.head || s.tail !== first.tail)) return undefined;
  return joinRendering(
    format,
    first.head,
    split.map((s) => s!.body),
    first.tail,
  );
}

/** A rendering cut into the feed's head, its items, and its tail. */
export interface SplitRendering {
  /** Everything before the first item (for JSON Feed, up to the opening bracket of `items`). */
  head: string;
  /** The items, from the first to the end of the last. */
  body: string;
  /** Everything after the last item. */
  tail: string;
}

/** Cuts the rendering of a document with at least one item into head, items and tail. */
export function splitRendering(format: FeedFormat, text: string): SplitRendering | undefined {
  return format === 'json' ? splitJson(text) : splitXml(text, format === 'rss' ? 'item' : 'entry');
}

/** The rendering of a document from its head and tail and the items of its pieces, in order. */
export function joinRendering(format: FeedFormat, head: string, bodies: readonly string[], tail: string): string {
  if (format === 'json') return head + bodies.join(',') + tail;
  // Between two items there is what precedes the first: a line break and the indentation.
  const separator = head.slice(head.lastIndexOf('\n'));
  return head + bodies.join(separator) + tail;
}

type Split = SplitRendering;

/**
 * The items of a rendered RSS or Atom document are everything from the first `<item>` (`<entry>`, `<entry xml:lang=…>`)
 * to the last `</item>` (`</entry>`): head and tail hold only markup and escaped text, so neither
 * can contain those tags, and what follows the last item is markup only.
 */
function splitXml(text: string, element: string): Split | undefined {
  // An entry in another language than the feed's starts `<entry xml:lang="…">`.
  const start = text.search(element === 'entry' ? /<entry[\s>]/ : /<item>/);
  const close = `</${element}>`;
  const end = text.lastIndexOf(close);
  if (start < 0 || end < start) return undefined;
  return { head: text.slice(0, start), body: text.slice(start, end + close.length), tail: text.slice(end + close.length) };
}

/** `items` is the last member of a JSON Feed; a string can hold no raw line break, so the key is found by its line. */
function splitJson(text: string): Split | undefined {
  const key = '\n    "items": [';
  const start = text.indexOf(key);
  const end = text.lastIndexOf('\n    ]');
  if (start < 0 || end < start) return undefined;
  return { head: text.slice(0, start + key.length), body: text.slice(start + key.length, end), tail: text.slice(end) };
}
