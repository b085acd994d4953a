/**
 * Every user-facing problem storyfeed reports has a code in {@link PROBLEMS}: what went wrong and
 * how to fix it. Fatal problems are thrown as {@link StoryfeedError}; the rest are collected as
 * {@link Diagnostic} warnings.
 */

/** What a problem code means and how to fix it. */
export interface ProblemInfo {
  /** What went wrong, in general terms. */
  summary: string;
  /** What to do about it. */
  fix: string;
}

const PROBLEM_TABLE = {
  E_EMPTY: { summary: 'the seed is empty', fix: 'Put the headline on the first line and the article below it.' },
  E_NO_BODY: { summary: 'the seed has a headline but no body', fix: 'Add at least one paragraph under the headline.' },
  E_BINARY: { summary: 'the file is binary, not text', fix: 'Seeds must be UTF-8 text (.txt, .md) or JSON (.json).' },
  E_ENCODING: { summary: 'the file is not valid UTF-8', fix: 'Re-save the file as UTF-8 (UTF-16 files need a byte-order mark).' },
  E_FRONT_MATTER: { summary: 'the YAML front matter cannot be read', fix: 'Check the YAML between the two `---` lines (quotes, brackets, indentation).' },
  E_FIELD: { summary: 'a field has the wrong type or value', fix: 'Correct the field named in the message; see "Story fields" in the README.' },
  E_DATE: { summary: 'a date cannot be understood', fix: 'Write dates as ISO 8601, e.g. 2024-10-21 or 2024-10-21T08:30:00+03:00 (or 21 October 2024).' },
  E_URL: { summary: 'a URL is not valid', fix: 'Use an absolute http(s) URL, or a path relative to the site URL.' },
  E_JSON: { summary: 'the JSON cannot be parsed', fix: 'Fix the JSON syntax at the position given.' },
  E_NOT_A_SEED: {
    summary: 'a JSON file holds no story: neither a title nor a body (a data or configuration file)',
    fix: 'A JSON seed is an object with "title" and its text in "sections", "body", "markdown" or "contentHtml"; a build skips other JSON files with a warning.',
  },
  E_UNSUPPORTED: { summary: 'the file type is not a seed storyfeed reads', fix: 'Use .txt, .md or .json seeds.' },
  E_TOO_LARGE: {
    summary: 'a file is larger than its size limit, or a seed or item has more lines and markup than its limit',
    fix: 'For a seed: split the article, or raise `maxSeedBytes` in the config (normalizing needs about 55 MB of memory per MB of text; lines, marks of markup, table cells and HTML attributes are limited to one per 25 bytes of it, 200,000 at 5 MB). For a plain item: split its body, or raise the `maxContentBytes` option. For a feed given to `storyfeed verify`: raise --max-bytes.',
  },
  E_DUPLICATE_ID: {
    summary: 'two stories have the same id',
    fix: 'Give one of them a different file name, or a `slug`, `id` or `url` of its own in its front matter (two files of one name in different folders share a slug).',
  },
  E_BAD_SEEDS: { summary: 'some seeds could not be read', fix: 'Fix the files listed, or build with --keep-going to publish the others.' },
  E_NO_STORIES: { summary: 'there are no stories to publish', fix: 'Add seed files to the folder (drafts are not published).' },
  E_CONFIG: { summary: 'the configuration is invalid', fix: 'Correct the fields listed; see "Configuration" in the README.' },
  E_IO: { summary: 'a file or folder cannot be read or written', fix: 'Check that the path exists and that you may read (or write) it.' },
  E_LOCKED: { summary: 'another build is writing to the same output folder', fix: 'Wait for it to finish: the lock ends with the process holding it, even if it is killed.' },
  E_OUT_CONFLICT: {
    summary: 'a file storyfeed did not write is where it would write its output',
    fix: 'Move the file named away (or rename the output in the config); storyfeed never overwrites files that are not its own.',
  },
  E_OUT_UNSAFE: {
    summary: 'the output folder overlaps the seeds, the project or the working directory',
    fix: 'Publish into a folder of its own, such as `public`, with --out or "out" in the config.',
  },
  E_CACHE_UNSAFE: {
    summary: 'the cache folder holds files storyfeed did not write, or overlaps the seeds, output or project folder',
    fix: 'Give the cache a folder of its own: a new or empty one, or one storyfeed made (the CLI keeps `.storyfeed-cache` in the folder it runs in; `buildSite` takes `cacheDir`).',
  },
  E_VERIFY: { summary: 'the feeds do not match the stories', fix: 'This is a storyfeed bug when it happens on build: please report it with the seed.' },
  E_FEED: { summary: 'the feed cannot be read', fix: 'The file is not a well-formed RSS (2.0, 1.0, 0.92 or 0.91), Atom 1.0 or JSON Feed document.' },
  E_SPEC: { summary: 'the feed breaks a rule of its format', fix: 'Correct the element or field named (RSS 2.0, 1.0, 0.92 or 0.91, Atom RFC 4287 or JSON Feed 1.1).' },
  E_FETCH: { summary: 'the feed cannot be fetched', fix: 'Check the URL, your network, or raise --timeout / --max-bytes.' },
  E_PUBLISH: { summary: 'the WebSub hub could not be notified', fix: 'Check the hub URL in the config and your network; the feeds were written and are valid.' },
  E_USAGE: { summary: 'the command line is not valid', fix: 'Run `storyfeed --help` or `storyfeed <command> --help`.' },
  E_TOO_DEEP: { summary: 'HTML or data in the input is nested too deeply', fix: 'Flatten the nesting named in the message; no article needs hundreds of levels.' },
  E_INTERNAL: { summary: 'storyfeed failed unexpectedly', fix: 'This is a storyfeed bug: please report it with the seed that caused it.' },
  E_DEPLOY_CLIENT: { summary: 'the S3 client library is not installed', fix: 'Install it next to storyfeed: npm install @aws-sdk/client-s3' },
  E_DEPLOY_AUTH: {
    summary: 'the object store refused the credentials',
    fix: 'Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE / deploy.profile) for an identity that may list, read, write and delete under the prefix.',
  },
  E_DEPLOY_BUCKET: { summary: 'the bucket does not exist', fix: 'Create the bucket first, or correct --bucket (and --endpoint / --region for the store it lives in).' },
  E_DEPLOY_NETWORK: {
    summary: 'the object store could not be reached in time',
    fix: 'Check --endpoint, the network and proxy settings, or raise deploy.timeoutMs; nothing was deleted, so run the deploy again.',
  },
  E_DEPLOY_PARTIAL: {
    summary: 'some objects could not be uploaded or deleted',
    fix: 'Nothing was deleted after the failure and published feeds link only to pages already uploaded; run the deploy again to finish it.',
  },
  E_DEPLOY_CONFLICT: {
    summary: 'objects storyfeed did not upload are in the way',
    fix: 'Move or delete the objects listed yourself, or deploy to another prefix: storyfeed never overwrites objects it did not write.',
  },
  W_ILLEGAL_CHAR: {
    summary: 'characters that XML forbids were removed',
    fix: 'Remove control characters (U+0000–U+001F except tab and newlines), U+FFFE/U+FFFF and lone surrogates from the seed.',
  },
  W_NO_DATE: { summary: 'the story has no date', fix: 'Add `date:` in front matter (or a .meta.yaml sidecar), or set `defaultDate` in the config.' },
  W_UNSAFE_HTML: { summary: 'unsafe HTML was removed', fix: 'Scripts, event handlers, and javascript:/data: URLs are never published; remove them from the seed.' },
  W_UNKNOWN_FIELD: {
    summary: 'a field of front matter or of an item is not used by storyfeed',
    fix: 'Check the spelling of the field, and give each field once; see "Story fields" and "Plain items" in the README.',
  },
  W_DRAFT: { summary: 'the story is a draft and is not published', fix: 'Set `draft: false` (or remove it) to publish.' },
  W_NOT_PUBLIC: {
    summary: 'a post of a Substack export is for paid subscribers only, and is left out of the feeds, which anyone can read',
    fix: 'Nothing to do to keep it for subscribers; to publish it, make it free on Substack and export again, or copy it to a Markdown seed.',
  },
  W_AUTHORS_FILE: {
    summary:
      "an authors file (Docusaurus's authors.yml, Material for MkDocs' .authors.yml, Jekyll's _data/authors.yml) could not be read, so front matter's author ids are published as names",
    fix: 'Correct the file named (YAML: each id a mapping with at least `name`), or name the authors in front matter (`Jane Doe <jane@example.com>`).',
  },
  W_FUTURE: {
    summary: "stories dated after the build's time (a scheduled post) are left out until a build after their date",
    fix: 'Build again once their date has passed (a scheduled build publishes them on time), or set `future: true` in the config to publish them now.',
  },
  W_EXPIRED: {
    summary: "stories whose expiry date (Hugo's `expiryDate`) is before the build's time are left out of the feeds",
    fix: 'Nothing to do to keep them out; to publish one again, move its expiry date later or remove it.',
  },
  W_TITLE_ONLY: { summary: 'the story has a headline but no body', fix: 'Add at least one paragraph under the headline.' },
  W_DATE_ORDER: { summary: '`updated` is earlier than the publication date', fix: 'Correct `updated` (it was set to the publication date).' },
  W_UNSAFE_SLUG: { summary: 'a slug, id or url had unsafe characters and was cleaned', fix: 'Use only letters, digits and hyphens in slugs.' },
  W_ID_CHANGED: {
    summary: 'a published story got a new id (its seed was probably renamed)',
    fix: 'Add `id:` with the old id to its front matter, or readers will see it as a new item.',
  },
  W_RELATIVE_URL: { summary: 'a relative URL was made absolute', fix: 'Nothing to do; write absolute URLs to silence this.' },
  W_TEMPLATE_TAG: {
    summary: "a site generator's template tags or an editor's comments were left out",
    fix: 'Shortcodes and Liquid tags ({{< figure >}}, {% include %}) are not rendered: give the figure or embed as Markdown or HTML to publish it. Obsidian comments (%%…%%) are notes readers are not meant to see.',
  },
  W_DATE_NO_ZONE: { summary: 'a date-time has no UTC offset and was read as UTC', fix: 'Add an offset (2024-10-21T08:30:00+03:00 or …Z), or set `timeZone` in the config.' },
  W_FILE_LINK: {
    summary: "a link names another article's Markdown file, and storyfeed could not give it that article's address",
    fix: "Link to the article's published address (the warning names it), or to a seed's file by a path from this one (`../second-post/index.md`): storyfeed gives such a link the address the file's name gives its story. A link to a file that is none of the seeds is left out, its text kept.",
  },
  W_IMAGE_PATH: {
    summary: "an image names a source file by its path (Astro's ../../assets/x.png, an import alias), not an address readers can load, and was left out",
    fix: "Give the picture's published URL, or its path from the site's root (/images/x.png): a site generator publishes a source image under a name of its own (Astro's /_astro/x.a1b2c3.webp), which storyfeed cannot know.",
  },
  W_CACHE_BUSY: {
    summary: 'another build is using the story cache, so this one went without it',
    fix: 'Nothing to do: this build normalized every seed and its feeds are whole. To share the work, run builds of one project one after another (a watching build already rebuilds on every change).',
  },
  W_SEED_LINK: {
    summary: 'a seed is a symbolic link to a file that is read already under another name',
    fix: 'Nothing to do: the story is published once, from the name given; remove the link (or the copy of the folder) to silence this.',
  },
  W_NOT_A_SEED: {
    summary:
      "a file in the seeds folder holds no story (a JSON file with neither a title nor a body, a JSON Feed, a folder's README, licence or changelog, or an undated file in a Jekyll site's _posts) and was skipped, or articles are in a format storyfeed does not read",
    fix: 'Nothing to do for a data or configuration file (package.json, a site generator\'s data) or a folder\'s notes; to publish a JSON file as a story, give it "title" and its text in "sections", "body", "markdown" or "contentHtml"; rename a README to publish it; name a Jekyll post with its date first (2024-01-02-title.md); convert articles in another format (reStructuredText, Quarto, R Markdown, AsciiDoc, Org, a Jekyll post in HTML) to Markdown to publish them.',
  },
  W_OUT_LINK: {
    summary: 'old output files storyfeed no longer publishes are behind a symbolic link in the output folder and were left in place',
    fix: 'storyfeed never removes anything through a link: delete the files named where the link points, if you no longer need them.',
  },
  W_OUT_EDITED: {
    summary: 'old output files storyfeed no longer publishes were changed since it wrote them and were left in place',
    fix: 'storyfeed never removes a file it did not write, and an edited file is yours: delete the files named if you no longer need them, as readers and crawlers can still fetch them.',
  },
  W_NOT_A_PODCAST: {
    summary: 'items have podcast episode fields, but the site has no `podcast` settings, so podcast apps will not take the feed',
    fix: 'Set `podcast` in the config (artwork, categories, explicit, owner; see "Podcasts" in the README), or remove the `episode` fields.',
  },
  W_PODCAST_EPISODE: {
    summary: 'episodes of a podcast have no enclosure or no title, and podcast apps leave them out',
    fix: "Give each episode a title and its audio or video file: a seed's `enclosure` in its front matter, or a plain item's `enclosures` (`{ url, type, length }`).",
  },
  E_ITEM: { summary: 'an item given to the library is not valid', fix: 'Correct the field named (item index and field); see "Library usage" in the README.' },
  E_PORT: { summary: 'the server cannot listen on the address and port', fix: 'Choose another port with --port (0 picks a free one), or stop the program that is using it.' },
  E_UNDATED: {
    summary: 'a story has no date',
    fix: 'Add a date to the story, set `defaultDate`, or leave `undated` at `first-published` so storyfeed dates it when it first publishes it.',
  },
} satisfies Record<string, ProblemInfo>;

/** A problem code: `E_…` for errors, `W_…` for warnings. */
export type ProblemCode = keyof typeof PROBLEM_TABLE;

/** What each problem code means and how to fix it (also documented in the README). */
export const PROBLEMS: Readonly<Record<ProblemCode, ProblemInfo>> = PROBLEM_TABLE;

/** Where a problem is: a file and, when known, a 1-based line. */
export interface ProblemLocation {
  /** Path of the file, as the user gave it. */
  file?: string;
  /** 1-based line number. */
  line?: number;
}

/** A non-fatal problem, collected on the data instead of thrown. */
export interface Diagnostic extends ProblemLocation {
  /** The problem code; see {@link PROBLEMS}. */
  code: ProblemCode;
  /** `error` stops the build; `warning` does not. */
  severity: 'error' | 'warning';
  /** What happened, specific to this case. */
  message: string;
}

/** A fatal problem with a code, a location and a fix; the CLI prints it without a stack trace. */
export class StoryfeedError extends Error {
  /** The problem code; see {@link PROBLEMS}. */
  readonly code: ProblemCode;
  /** The file the problem is in, if any. */
  readonly file: string | undefined;
  /** The 1-based line the problem is on, if known. */
  readonly line: number | undefined;
  /** The problem without its location. */
  readonly detail: string;
  /** Further problems of the same kind, when several were found at once (e.g. config fields). */
  readonly problems: readonly string[];
  /** What to do about it: the code's fix from {@link PROBLEMS}, or one for this case when the code's would mislead. */
  readonly fix: string;

  constructor(code: ProblemCode, detail: string, where: ProblemLocation & { cause?: unknown; problems?: readonly string[]; fix?: string } = {}) {
    super(formatProblem(code, detail, where), where.cause === undefined ? undefined : { cause: where.cause });
    this.name = 'StoryfeedError';
    this.code = code;
    this.file = where.file;
    this.line = where.line;
    this.detail = detail;
    this.problems = where.problems ?? [];
    this.fix = where.fix ?? PROBLEMS[code].fix;
  }

  /** Returns a copy of this error located in `file` (keeps an already known file). */
  inFile(file: string): StoryfeedError {
    if (this.file) return this;
    return new StoryfeedError(this.code, this.detail, { file, line: this.line, cause: this.cause, problems: this.problems, fix: this.fix });
  }
}

/** Formats a problem the way compilers do: `file:line: detail [CODE]`. */
export function formatProblem(code: ProblemCode, detail: string, where: ProblemLocation = {}): string {
  const place = where.file ? `${where.file}${where.line ? `:${where.line}` : ''}: ` : '';
  return `${place}${detail} [${code}]`;
}

/** Formats a diagnostic as one line, prefixed with its severity. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.severity}: ${formatProblem(d.code, d.message, d)}`;
}

/** Builds a warning diagnostic. */
export function warning(code: ProblemCode, message: string, where: ProblemLocation = {}): Diagnostic {
  return { code, severity: 'warning', message, ...definedOnly(where) };
}

function definedOnly(where: ProblemLocation): ProblemLocation {
  const out: ProblemLocation = {};
  if (where.file !== undefined) out.file = where.file;
  if (where.line !== undefined) out.line = where.line;
  return out;
}

/** `true` when `error` is a {@link StoryfeedError}. */
export function isStoryfeedError(error: unknown): error is StoryfeedError {
  return error instanceof StoryfeedError;
}

/** The known name closest to `name` (a likely typo: same name in other case, or within two edits), else `undefined`. */
export function didYouMean(name: string, known: Iterable<string>): string | undefined {
  const k = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const c = candidate.toLowerCase();
    if (c === k) return candidate;
    if (Math.abs(c.length - k.length) > 2 || c.length < 4) continue;
    const d = editDistance(k, c);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= (k.length <= 4 ? 1 : 2) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * What a thrown value says, for a message: an Error's message, else the value as text; "an exception"
 * when even that throws (a caller's getter may throw anything, a toString that throws included).
 */
export function errorText(thrown: unknown): string {
  try {
    return thrown instanceof Error ? thrown.message : String(thrown);
  } catch {
    return 'an exception';
  }
}

/** Describes a value for an error message: `"text"`, `a list`, `a mapping`, `number 3`, `nothing` (undefined). */
export function describeValue(v: unknown): string {
  try {
    return describeReadable(v);
  } catch {
    return 'a value that cannot be read';
  }
}

function describeReadable(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return 'a date';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}
