/**
 * The shapes the verify stage works with: one normalized {@link ParsedFeed} for RSS (2.0, 1.0,
 * 0.92, 0.91), Atom 1.0 and JSON Feed 1.0/1.1 (so comparisons never need to know the format), and the
 * {@link VerifyReport} that lists every difference found.
 */
import type { FeedFormat } from '../types.js';

/** A person as a feed names them; every part is optional because formats carry different parts. */
export interface ParsedAuthor {
  /** Display name (RSS `dc:creator` or the name in `<author>`, Atom `<name>`, JSON `name`). */
  name?: string;
  /** Email address (RSS `<author>`, Atom `<email>`; JSON Feed has none). */
  email?: string;
  /** Home page (Atom `<uri>`, JSON `url`; RSS has none). */
  url?: string;
  /** Avatar image URL (JSON Feed only). */
  avatar?: string;
}

/** A linked file: RSS `<enclosure>`/`media:content`, Atom `link rel="enclosure"`, JSON attachment or image. */
export interface ParsedEnclosure {
  /** URL of the file, as written. */
  url: string;
  /** MIME type, when the feed gives one. */
  type?: string;
  /** Size in bytes, when the feed gives one. */
  length?: number;
  /** Title of the file, when the feed gives one. */
  title?: string;
}

/** RFC 5005 links of one document: how to walk from the subscription feed to the oldest archive page. */
export interface ParsedHistory {
  /** `true` when the document says it is an archive page (`<fh:archive/>`). */
  archive: boolean;
  /** The next-older page (`prev-archive`; JSON Feed `next_url`). */
  prevArchive?: string;
  /** The next-newer archive page (`next-archive`). */
  nextArchive?: string;
  /** The subscription feed (`current`). */
  current?: string;
}

/** A violation of the format's specification found while reading; reading goes on. */
export interface FeedProblem {
  /** Where, named as in the format: `items[3].date_published` (JSON), `channel.item[0].pubDate` (RSS), `entry[2].updated` (Atom); indexes are 0-based. */
  path: string;
  /** What is wrong, e.g. `expected an RFC 3339 date, found "yesterday"`. */
  message: string;
  /** `error` for a MUST of the spec, `warning` for a SHOULD. */
  severity: 'error' | 'warning';
  /** 1-based line of the offending value, when known. */
  line?: number;
  /** 1-based column of the element concerned (XML formats), when known. */
  column?: number;
}

/** One item (RSS `<item>`, Atom `<entry>`, JSON Feed item), normalized. */
export interface ParsedItem {
  /** RSS `<guid>` (RSS 1.0: the item's `rdf:about`), Atom `<id>`, JSON `id`; whitespace around it removed. Undefined when the feed gives none. */
  id?: string;
  /** RSS only: whether the guid is a permalink (`isPermaLink`, default `true` per RSS 2.0). */
  isPermaLink?: boolean;
  /** Title as plain text: HTML and XHTML titles reduced to their text, runs of whitespace collapsed, trimmed. */
  title?: string;
  /** Link to the item's page (RSS `<link>`, Atom alternate link, JSON `url`), as written. */
  url?: string;
  /** First publication (RSS `pubDate`, RSS 1.0 `dc:date`, Atom `published`, JSON `date_published`). */
  published?: Date;
  /** Last update (Atom `updated`, JSON `date_modified`; RSS has none). */
  updated?: Date;
  /** Every author, in document order (RSS: `<author>` elements, then `dc:creator`). */
  authors: ParsedAuthor[];
  /** Category terms (RSS `<category>` text, Atom `term`, JSON `tags`), trimmed; attributes such as `domain` are not part of the term. */
  tags: string[];
  /** Summary as plain text (RSS `description` is HTML and is reduced to its text), trimmed. */
  summary?: string;
  /** Full body as HTML (RSS `content:encoded`, Atom `content` of type html or xhtml, JSON `content_html`). */
  contentHtml?: string;
  /** Full body as plain text (JSON `content_text`, Atom `content type="text"`). */
  contentText?: string;
  /** Lead image: RSS and Atom `media:content` (else an image enclosure, an Atom enclosure link), JSON `image`. */
  image?: ParsedEnclosure;
  /** Every enclosure: RSS `<enclosure>` elements, Atom `rel="enclosure"` links, JSON attachments. */
  enclosures: ParsedEnclosure[];
  /** Language of the item when the feed says so (Atom `xml:lang` on the entry, JSON item `language`). */
  language?: string;
  /** 1-based line where the item starts (XML formats, and JSON when known). */
  line?: number;
}

/** A feed of any supported format, read into one normalized shape. */
export interface ParsedFeed {
  /** Which format the text was. */
  format: FeedFormat;
  /** Format version: `2.0`, `1.0`, `0.92`, `0.91` or `0.90` (RSS), `1.0` (Atom), `1.0` or `1.1` (JSON Feed). */
  version: string;
  /** Feed title as plain text, whitespace collapsed and trimmed. */
  title?: string;
  /** RSS `description`, Atom `subtitle`, JSON `description`, as plain text. */
  description?: string;
  /** Home page: RSS `<link>`, Atom alternate link, JSON `home_page_url`. */
  siteUrl?: string;
  /** Where the feed itself lives: RSS `atom:link rel="self"`, Atom `rel="self"` link, JSON `feed_url`. */
  selfUrl?: string;
  /** Atom feed `<id>` (RSS and JSON Feed have no feed id). */
  id?: string;
  /** RSS `<language>`, Atom `xml:lang` on `<feed>`, JSON `language`. */
  language?: string;
  /** RSS `lastBuildDate` (RSS 1.0: the channel's `dc:date`), Atom `updated` (JSON Feed has no feed date). */
  updated?: Date;
  /** Feed-level authors (Atom `<author>`, JSON `authors` or 1.0 `author`, RSS `managingEditor`). */
  authors: ParsedAuthor[];
  /** WebSub hub: `atom:link rel="hub"` in RSS, `rel="hub"` link in Atom, first of JSON `hubs`. */
  hub?: string;
  /** Generator text (RSS, Atom). */
  generator?: string;
  /** RFC 5005 feed-history links (`atom:link` in RSS, `link` in Atom; JSON Feed `next_url` is `prevArchive`). */
  history: ParsedHistory;
  /** The items in document order. */
  items: ParsedItem[];
  /** Specification problems found while reading (the feed was still readable). */
  problems: FeedProblem[];
}

/** Options for {@link readFeed}. */
export interface ReadFeedOptions {
  /** The format the text must be; a different format is an error. Detected when omitted. */
  format?: FeedFormat;
  /** The address the text was fetched from: the feeds an HTML page links to are named resolved against it. */
  url?: string;
}

/** Where a verify problem was found: one of the formats, or a disagreement between formats. */
export type VerifyFormat = FeedFormat | 'cross';

/** One difference between what a feed says and what it should say. */
export interface VerifyProblem {
  /** The format whose output is wrong, or `cross` when two formats disagree. */
  format: VerifyFormat;
  /** The id of the item concerned, or `null` for a feed-level field. */
  itemId: string | null;
  /** The field, e.g. `title`, `authors[1].email`, `tags[0]`, `image.url`, `position`; cross problems name both formats: `title (rss vs json)`. */
  field: string;
  /** What the field should be (for `cross`: the value in the first format). */
  expected: string;
  /** What the feed says (for `cross`: the value in the second format). */
  actual: string;
}

/** What was checked in one format. */
export interface FormatSummary {
  /** Items found in the output. */
  items: number;
  /** Items expected (the document's, or the reference feed's for a cross check). */
  expectedItems: number;
  /** Problems found in this format. */
  problems: number;
}

/** The outcome of a verification: every problem at once, and what was checked. */
export interface VerifyReport {
  /** `true` when no problem was found. */
  ok: boolean;
  /** Every problem, feed-level first, then by item in document order. */
  problems: VerifyProblem[];
  /** Per format: items seen and problems found. Only the formats that were checked appear. */
  formats: Partial<Record<FeedFormat, FormatSummary>>;
}

/** Position and message of the first syntax error in a document. */
export interface SyntaxErrorInfo {
  /** What is wrong, in plain words. */
  message: string;
  /** 1-based line. */
  line: number;
  /** 1-based column (in UTF-16 code units for text input). */
  column: number;
  /** `true` when the document ends before it is complete (a truncated download or file). */
  truncated: boolean;
  /** `true` when reading stopped at a limit of storyfeed's (elements nested deeper than it reads), not at an error of the XML. */
  limit?: true;
}

/** The result of {@link checkWellFormedXml}. */
export type XmlCheckResult =
  | {
      /** The document is well-formed XML 1.0 with namespaces. */
      ok: true;
      /** The root element. */
      root: {
        /** Qualified name as written, e.g. `rss`, `feed`, `rdf:RDF`. */
        name: string;
        /** Local name without prefix. */
        local: string;
        /** Namespace URI (`''` when none). */
        namespace: string;
        /** Attributes by qualified name (namespace declarations included). */
        attributes: Record<string, string>;
      };
    }
  | {
      /** The document is not well-formed. */
      ok: false;
      /** The first error. */
      error: SyntaxErrorInfo;
    };

/** The result of {@link checkUtf8}. */
export type Utf8CheckResult =
  | {
      /** The bytes are valid UTF-8. */
      ok: true;
      /** The decoded text, without a byte-order mark. */
      text: string;
    }
  | {
      /** The bytes are not UTF-8 (or declare another encoding). */
      ok: false;
      /** What is wrong. */
      message: string;
      /** 0-based byte offset of the first bad byte (0 for a wrong declaration or byte-order mark). */
      offset: number;
      /** 1-based line of the first bad byte. */
      line: number;
    };
