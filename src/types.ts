/**
 * The values that flow through the storyfeed pipeline:
 * seed text → {@link SeedArticle} → {@link Story} → {@link FeedDocument} → {@link FeedOutputs}.
 * Dates are `Date` objects inside the core; ISO 8601 strings appear only in serialized forms.
 */

/** A person credited on a story or a feed. */
export interface Author {
  /** Display name, e.g. "Olena Marchenko". */
  name: string;
  /** Contact address; RSS `<author>` is written only when this is present. */
  email?: string;
  /** Home page or profile URL (absolute). */
  url?: string;
}

/** A paragraph of plain text. */
export interface ParagraphBlock {
  /** Discriminant. */
  kind: 'paragraph';
  /** The paragraph as plain text (no markup). */
  text: string;
}

/** A bulleted or numbered list. */
export interface ListBlock {
  /** Discriminant. */
  kind: 'list';
  /** `true` for a numbered list (`1.`), `false` for bullets (`-`). */
  ordered: boolean;
  /** The items as plain text. */
  items: string[];
}

/** A block quotation set apart from the running text (Markdown `>`). */
export interface QuoteBlock {
  /** Discriminant. */
  kind: 'quote';
  /** The quotation as plain text. */
  text: string;
}

/** A preformatted code block (Markdown fences or indentation). */
export interface CodeBlock {
  /** Discriminant. */
  kind: 'code';
  /** The code, verbatim. */
  text: string;
}

/** One unit of body content. */
export type Block = ParagraphBlock | ListBlock | QuoteBlock | CodeBlock;

/** A run of blocks under one subheading; the first section usually has none. */
export interface Section {
  /** The subheading as plain text, or `null` for the lead section. */
  heading: string | null;
  /** The section's content in reading order. */
  blocks: Block[];
}

/** A direct quotation found in the text. */
export interface Quote {
  /** The quoted words, without the quotation marks. */
  text: string;
  /** Who said it, resolved to a full name where the text allows; `null` when unattributed. */
  speaker: string | null;
}

/** Named entities mentioned in a story, deduplicated, each under its fullest name. */
export interface Entities {
  /** People, e.g. "Gerry Connolly". */
  people: string[];
  /** Organisations, e.g. "NATO Parliamentary Assembly". */
  organizations: string[];
  /** Places, e.g. "North Korea". */
  places: string[];
}

/** A lead image for a story. */
export interface StoryImage {
  /** Absolute URL of the image. */
  url: string;
  /** MIME type, e.g. `image/jpeg`, when known from the file name. */
  type?: string;
}

/** Place and date from a dateline such as "IZMAIL, Ukraine, Nov. 3 —". */
export interface Dateline {
  /** The place as written, e.g. "Izmail, Ukraine". */
  place: string;
  /** The date, when the dateline has one and its year is known. */
  date?: Date;
}

/** A normalized article: everything a feed, a page or a search index needs. */
export interface Story {
  /** Stable, absolute URI identifying the story in every format; derived from the canonical URL (or front matter `id`), never from the content. */
  id: string;
  /** ASCII, URL-safe slug (from front matter or the file name, Cyrillic transliterated). */
  slug: string;
  /** Absolute canonical URL of the story. */
  url: string;
  /** Headline as plain text. */
  title: string;
  /** Short plain-text summary (front matter, or the lede cut at a sentence boundary, at most 300 characters). */
  summary: string;
  /** First publication time. */
  published: Date;
  /** Last meaningful change; equals `published` when never updated. */
  updated: Date;
  /** Credited authors (front matter, byline, or the site's default author). */
  authors: Author[];
  /** BCP 47 language tag, e.g. `en`, `uk`. */
  language: string;
  /** Body structure. */
  sections: Section[];
  /** Direct quotations with their speakers. */
  quotes: Quote[];
  /** Outlets and bodies the article cites ("Radio Liberty", "The Telegraph"). */
  sources: string[];
  /** People, organisations and places mentioned. */
  entities: Entities;
  /** Categories for feeds: front matter tags, then the most relevant entities (as configured). */
  tags: string[];
  /** Lead image, if any. */
  image?: StoryImage;
  /** Dateline at the top of the body, if any. */
  dateline?: Dateline;
  /** Number of words in the body. */
  wordCount: number;
  /** Estimated reading time in whole minutes (at least 1). */
  readingMinutes: number;
  /** Sanitized HTML of the body with absolute links. */
  contentHtml: string;
  /** The body as clean plain text (paragraphs separated by blank lines). */
  contentText: string;
  /** `true` when front matter marks the story as a draft; drafts are left out of feeds. */
  draft: boolean;
  /** Path of the seed file the story came from, when it came from a file. */
  file?: string;
}

/** The site a set of feeds belongs to. All URLs absolute. */
export interface SiteConfig {
  /** Home page of the site, e.g. `https://news.example.com`. */
  siteUrl: string;
  /** Feed title. */
  title: string;
  /** Feed description (RSS `description`, Atom `subtitle`, JSON `description`). */
  description: string;
  /** Default language of stories and feeds (BCP 47). */
  language: string;
  /** Authors used for stories that name none, and as feed-level authors. */
  authors: Author[];
  /** Where the feed files are published; defaults to `siteUrl`. */
  feedBaseUrl?: string;
  /** Path pattern for story URLs relative to `siteUrl`; `{slug}` is replaced. Default `{slug}`. */
  storyPath?: string;
  /** File names of the three outputs. */
  outputs?: Partial<Record<FeedFormat, string>>;
  /** Keep only the newest N stories in the feeds (default: all; with `archive`, the page size, default 50). */
  itemLimit?: number;
  /** Move stories beyond `itemLimit` to RFC 5005 archive pages instead of dropping them. */
  archive?: boolean;
  /** Copyright notice. */
  copyright?: string;
  /** Square icon URL (JSON `icon`, Atom `icon`). */
  icon?: string;
  /** Small favicon URL (JSON `favicon`). */
  favicon?: string;
  /** Wide logo URL (Atom `logo`, RSS `image`). */
  logo?: string;
  /** WebSub hub URL announced in all three formats. */
  hub?: string;
  /** URL or path of an XSL stylesheet for RSS and Atom. */
  stylesheet?: string;
  /** How many entities become tags (0 turns entity tags off). Default 5. */
  entityTags?: number;
  /** Whether to run entity extraction at all. Default `true`. */
  entities?: boolean;
  /** Year used to complete datelines that give no year. */
  defaultYear?: number;
  /** Date used for stories that give none (ISO 8601). */
  defaultDate?: string;
  /** IANA time zone for dates written without an offset (default `UTC`). */
  timeZone?: string;
}

/** The three output formats. */
export type FeedFormat = 'rss' | 'atom' | 'json';

/** A story as it appears in a feed: cleaned strings and everything resolved. */
export interface FeedItem {
  /** Stable id, the same in all formats. */
  id: string;
  /** Absolute URL of the story. */
  url: string;
  /** Plain-text title. */
  title: string;
  /** Plain-text summary. */
  summary: string;
  /** Full HTML body. */
  contentHtml: string;
  /** Full plain-text body. */
  contentText: string;
  /** Publication time. */
  published: Date;
  /** Last update time. */
  updated: Date;
  /** Authors (never empty once the site default is applied, unless the site has none). */
  authors: Author[];
  /** Category terms. */
  tags: string[];
  /** Lead image. */
  image?: StoryImage;
  /** Language of the item when it differs from the feed's. */
  language?: string;
}

/** The program that wrote a feed. */
export interface Generator {
  /** Name, e.g. `storyfeed`. */
  name: string;
  /** Version, e.g. `0.1.0`. */
  version: string;
  /** Home page of the program. */
  url: string;
}

/** A feed ready to render: the value every format is serialized from. */
export interface FeedDocument {
  /** Feed title. */
  title: string;
  /** Feed description. */
  description: string;
  /** Site home page. */
  siteUrl: string;
  /** Feed language (BCP 47). */
  language: string;
  /** Self URL of each format. */
  selfUrls: Record<FeedFormat, string>;
  /** Newest `updated` among the items (never the clock). */
  updated: Date;
  /** Feed-level authors. */
  authors: Author[];
  /** The program that wrote the feed. */
  generator: Generator;
  /** Copyright notice. */
  copyright?: string;
  /** Icon URL. */
  icon?: string;
  /** Favicon URL. */
  favicon?: string;
  /** Logo URL. */
  logo?: string;
  /** WebSub hub URL. */
  hub?: string;
  /** Stylesheet href for RSS and Atom. */
  stylesheet?: string;
  /** Items, newest first. */
  items: FeedItem[];
  /** RFC 5005 feed-history links, when the feed is split into archive pages. */
  history?: FeedHistory;
}

/** RFC 5005 archive links of one document (the subscription feed or an archive page). */
export interface FeedHistory {
  /** `true` for an archive page (`<fh:archive/>`), `false` for the subscription feed. */
  archive: boolean;
  /** The next-older archive page, per format (`prev-archive`; JSON Feed `next_url`). */
  prevArchive?: Record<FeedFormat, string>;
  /** The next-newer archive page, per format (`next-archive`; archive pages only). */
  nextArchive?: Record<FeedFormat, string>;
  /** The subscription feed, per format (`current`; archive pages only). */
  current?: Record<FeedFormat, string>;
}

/** The rendered feeds, one string per format. */
export type FeedOutputs = Record<FeedFormat, string>;
