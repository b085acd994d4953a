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
  /** Picture of the author (absolute URL; JSON Feed `avatar`). */
  avatar?: string;
}

/** A file attached to an item: a podcast episode's audio, a video, a PDF. */
export interface Enclosure {
  /** Absolute http(s) URL of the file. */
  url: string;
  /** MIME type, e.g. `audio/mpeg`. RSS requires it. */
  type: string;
  /** Size in bytes (RSS requires a length; `0` when unknown). */
  length?: number;
  /** Short label (Atom `title`, JSON Feed `title`). */
  title?: string;
  /** Playing time in whole seconds (JSON Feed `duration_in_seconds`). */
  duration?: number;
}

/** iTunes and `podcast:` namespace fields of one episode. */
export interface EpisodeInfo {
  /** Playing time in whole seconds (`itunes:duration`). Default: the first enclosure's duration. */
  duration?: number;
  /** Episode number (`itunes:episode`). */
  episode?: number;
  /** Season number (`itunes:season`). */
  season?: number;
  /** `full` (default), `trailer` or `bonus` (`itunes:episodeType`). */
  episodeType?: 'full' | 'trailer' | 'bonus';
  /** Whether the episode contains explicit content (`itunes:explicit`). */
  explicit?: boolean;
  /** Episode artwork (`itunes:image`), absolute URL of a JPEG or PNG. */
  image?: string;
  /** Transcripts (`podcast:transcript`). */
  transcripts?: PodcastLink[];
  /** Chapters file (`podcast:chapters`), usually `application/json+chapters`. */
  chapters?: PodcastLink;
}

/** A linked file of the `podcast:` namespace (transcript, chapters). */
export interface PodcastLink {
  /** Absolute http(s) URL. */
  url: string;
  /** MIME type, e.g. `text/vtt` or `application/json+chapters`. */
  type: string;
  /** Language of a transcript (BCP 47). */
  language?: string;
}

/** A channel-level iTunes category, optionally with one subcategory. */
export interface PodcastCategory {
  /** Category from Apple's list, e.g. `News`. */
  text: string;
  /** Subcategory from Apple's list, e.g. `Daily News`. */
  subcategory?: string;
}

/** Who directories contact about a podcast (`itunes:owner`). */
export interface PodcastOwner {
  /** Name (`itunes:name`). */
  name: string;
  /** Email address (`itunes:email`). */
  email: string;
}

/** Podcast settings of a feed (iTunes and `podcast:` namespaces, RSS only). */
export interface PodcastChannel {
  /** Show artwork (`itunes:image`), absolute URL of a square JPEG or PNG, 1400–3000 px. Required by Apple. */
  image: string;
  /** Categories (`itunes:category`); at least one is required by Apple. */
  categories: PodcastCategory[];
  /** Whether the show contains explicit content (`itunes:explicit`). Required by Apple. */
  explicit: boolean;
  /** The show's author as listeners see it (`itunes:author`); default: the feed's authors. */
  author?: string;
  /** Contact for directories (`itunes:owner`; default: the first site author with an e-mail). */
  owner?: PodcastOwner;
  /** `episodic` (default) or `serial` (`itunes:type`). */
  type?: 'episodic' | 'serial';
  /** A GUID for the show (`podcast:guid`), usually a UUIDv5 of the feed URL. */
  guid?: string;
  /** Whether other platforms may not import the show (`podcast:locked`). */
  locked?: boolean;
  /** Owner email for `podcast:locked`. */
  lockedOwner?: string;
}

/**
 * Extra fields for one item or a feed: for RSS and Atom, elements in your own namespaces
 * (`{ 'media:rating': 'nonadult' }` with `namespaces: { media: '…' }`); for JSON Feed, `_name`
 * objects.
 */
export interface Extensions {
  /** Namespaced XML elements by qualified name (`prefix:local`); a value is the element's text, or a list for repeats. */
  xml?: Record<string, string | string[]>;
  /** JSON Feed extension objects by key, each starting with `_` (e.g. `_example`). */
  json?: Record<string, Record<string, unknown>>;
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

/**
 * A link in a story's body to another article's Markdown file (`[see](../second-post/index.md#details)`,
 * as Obsidian, VS Code, GitHub and Hugo's page bundles write them), which storyfeed gave the address
 * that file's story takes from its path (slug rules, `storyPath`) instead of the file's own.
 */
export interface SeedLink {
  /** The linked file's path, resolved from the story's own `file` (folders separated by `/`). */
  file: string;
  /** The address as written in the seed. */
  written: string;
  /** The seed's line where the link is first written (1-based), when found. */
  line?: number;
  /**
   * The address the link was given: that file's story URL, with the link's fragment. Absent when the
   * link was left out (its text kept) because the file is none of the build's seeds.
   */
  url?: string;
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
  /** What made a plain item a draft without its `draft` (a CMS's `items[1].status is "draft"`), named in the `W_DRAFT` warning. */
  draftBy?: string;
  /** Path of the seed file the story came from, when it came from a file. */
  file?: string;
  /** `true` when the story gives no date: `published` is a stand-in the build settles (see the manifest). */
  undated?: boolean;
  /** The time the story stops being published (front matter's `expiryDate`, as Hugo reads it): a build after it leaves the story out. */
  expires?: Date;
  /**
   * The body's links to other articles' Markdown files, one per file (see {@link SeedLink}); a build
   * checks each names one of its seeds, published at that address.
   */
  seedLinks?: SeedLink[];
  /** URL of the page the story is about, elsewhere (JSON Feed `external_url`). */
  externalUrl?: string;
  /** Wide banner image URL (JSON Feed `banner_image`). */
  banner?: string;
  /** Attached files (podcast audio, video, documents). */
  enclosures?: Enclosure[];
  /** Podcast episode fields. */
  episode?: EpisodeInfo;
  /** Custom namespaced elements and JSON Feed extensions. */
  extensions?: Extensions;
}

/** The site a set of feeds belongs to. All URLs absolute. */
export interface SiteConfig {
  /** Home page of the site, e.g. `https://news.example.com`. */
  siteUrl: string;
  /** Feed title. */
  title: string;
  /** Feed description (RSS `description`, Atom `subtitle`, JSON `description`). Default: the title. */
  description?: string;
  /** Default language of stories and feeds (BCP 47). Default `en`. */
  language?: string;
  /** Authors used for stories that name none, and as feed-level authors. Default: none. */
  authors?: Author[];
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
  /** How many entities become tags (0 turns entity tags off). Default 0. */
  entityTags?: number;
  /** Whether to run entity extraction at all. Default `true`. */
  entities?: boolean;
  /** Year used to complete datelines that give no year. */
  defaultYear?: number;
  /** Date used for stories that give none (ISO 8601). */
  defaultDate?: string;
  /** IANA time zone for dates written without an offset (default `UTC`). */
  timeZone?: string;
  /**
   * Stories without a date: `first-published` (default) dates them when storyfeed first publishes
   * them and records that date in the build manifest; `error` refuses them.
   */
  undated?: 'first-published' | 'error';
  /** `full` (default) publishes the whole body; `summary` publishes only summaries (each item's body is its summary). */
  content?: 'full' | 'summary';
  /** Longest body published, in characters of HTML; longer bodies are cut at a block boundary with a link to the story. */
  contentLimit?: number;
  /** Makes the RSS feed a podcast (iTunes and `podcast:` namespaces). */
  podcast?: PodcastChannel;
  /** XML namespaces of custom elements, by prefix (`{ media: 'http://search.yahoo.com/mrss/' }`). */
  namespaces?: Record<string, string>;
  /** Feed-level custom elements and JSON Feed extensions. */
  extensions?: Extensions;
}

/** A {@link SiteConfig} with every default applied. */
export type ResolvedSite = SiteConfig & Required<Pick<SiteConfig, 'description' | 'language' | 'authors'>>;

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
  /** URL of the page the item is about, elsewhere. */
  externalUrl?: string;
  /** Wide banner image URL. */
  banner?: string;
  /** Attached files. */
  enclosures?: Enclosure[];
  /** Podcast episode fields. */
  episode?: EpisodeInfo;
  /** Custom elements and JSON Feed extensions. */
  extensions?: Extensions;
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
  /** `summary` when items carry only their summaries (as their bodies). */
  content?: 'full' | 'summary';
  /** Podcast channel fields (RSS). */
  podcast?: PodcastChannel;
  /** XML namespaces of custom elements, by prefix. */
  namespaces?: Record<string, string>;
  /** Feed-level custom elements and JSON Feed extensions. */
  extensions?: Extensions;
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
