import { describeValue } from '../errors.js';
import * as read from './fields.js';

/**
 * Rich text as a CMS's editor stores it (a document of blocks, not HTML), given where an item's text belongs: a
 * Sanity post's `body` (Portable Text), a Contentful entry's Rich Text field, Payload's or Ghost's Lexical state,
 * Strapi's blocks. storyfeed renders none of them: published as it is, the item would show its JSON, or nothing.
 * Each is told by the marks its format gives every document, and named, with the way to HTML, in an `E_ITEM` error.
 */

/** What a rich-text document is, and how to turn it into the HTML an item's `contentHtml` takes. */
interface RichTextFormat {
  /** Whether `value` (a list or an object) is a document of this format. */
  is: (value: unknown) => boolean;
  /** The format. */
  name: string;
  /** How to give its text instead. */
  how: string;
}

/** A record of the caller's, read without running its code (a getter that throws is no mark). */
function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** The first entry of a list, or `undefined`. */
function first(value: unknown): unknown {
  return Array.isArray(value) && value.length > 0 ? value[0] : undefined;
}

const FORMATS: readonly RichTextFormat[] = [
  {
    // Every Portable Text block and span carries its `_type` (`block`, `span`, `image`).
    is: (v) => Array.isArray(v) && typeof field(first(v), '_type') === 'string',
    name: "Sanity's Portable Text (a list of blocks)",
    how: 'render it to HTML first (toHTML from @portabletext/to-html) and give that as contentHtml',
  },
  {
    is: (v) => field(v, 'nodeType') === 'document' && Array.isArray(field(v, 'content')),
    name: "Contentful's Rich Text (a document of nodes)",
    how: 'render it to HTML first (documentToHtmlString from @contentful/rich-text-html-renderer) and give that as contentHtml',
  },
  {
    // A Lexical editor state: Payload's rich text, Ghost's `lexical`.
    is: (v) => Array.isArray(field(field(v, 'root'), 'children')),
    name: "a Lexical editor's state (Payload's rich text, Ghost's `lexical`)",
    how: "render it to HTML first (Payload's HTML converter; a Ghost post gives it as `html`) and give that as contentHtml",
  },
  {
    is: (v) => field(v, 'version') !== undefined && Array.isArray(field(v, 'sections')) && Array.isArray(field(v, 'cards')),
    name: "Mobiledoc (Ghost's older editor)",
    how: "give the post's `html` as contentHtml",
  },
  {
    is: (v) => Array.isArray(v) && field(first(v), 'object') === 'block',
    name: "Notion's blocks",
    how: 'convert them to Markdown or HTML first and give that as contentMarkdown or contentHtml',
  },
  {
    // Strapi's blocks field and Slate documents (Payload 1's rich text): `{ type, children }` nodes.
    is: (v) => Array.isArray(v) && typeof field(first(v), 'type') === 'string' && Array.isArray(field(first(v), 'children')),
    name: "blocks of a rich-text editor (Strapi's blocks field, a Slate document)",
    how: 'render them to HTML first and give that as contentHtml, or give a Markdown field as contentMarkdown',
  },
];

/** The rich-text format `value` is a document of, or `undefined`. */
function richTextFormat(value: unknown): RichTextFormat | undefined {
  try {
    return FORMATS.find((format) => format.is(value));
  } catch {
    // A value that cannot be looked at (a revoked proxy) is no document: the reader of text names it.
    return undefined;
  }
}

/** Whether `value` is a rich-text document of a CMS's editor as it is (a list or an object of one of the known formats). */
export function isRichTextDocument(value: unknown): boolean {
  return typeof value === 'object' && value !== null && richTextFormat(value) !== undefined;
}

/** Whether `text` may be a JSON document: it starts and ends as an object or a list does. */
function looksLikeJson(text: string): boolean {
  const t = text.trim();
  return (t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'));
}

/**
 * The text of an item's body or summary field (`contentHtml`, `contentText`, `summary`…), `undefined` when not given.
 * A rich-text document of a CMS's editor, given as it is or as its JSON text (Ghost's `lexical` is a string), is an
 * `E_ITEM` error naming the field and the format, and saying how to give its text; any other value that is not text
 * is `E_ITEM` as {@link read.text} names it.
 */
export function bodyText(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') {
    // Only text that opens and closes as JSON does is parsed (one linear pass); any other is the text it is.
    if (!looksLikeJson(value)) return value;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return value;
    }
    const format = richTextFormat(parsed);
    if (format) read.fail(path, `holds ${format.name} as JSON text, not the text itself: ${format.how}`);
    return value;
  }
  if (read.given(value) && typeof value === 'object') {
    const format = richTextFormat(value);
    if (format) read.fail(path, `must be text, found ${describeValue(value)}: ${format.name}; ${format.how}`);
  }
  return read.text(value, path);
}
