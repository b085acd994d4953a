import { parse as parseToml, TomlDate, TomlError } from 'smol-toml';
import { withCharacterReferences } from '../html/entities.js';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { describeValue, didYouMean, StoryfeedError, warning, type Diagnostic } from '../errors.js';
import type { Author, Enclosure, EpisodeInfo } from '../types.js';
import { enclosures as readEnclosures, episode as readEpisode } from '../item/fields.js';
import { collapseSpace, withoutTrailing } from '../white-space.js';
import { codePointName, describeRemoved, removeIllegalXmlChars } from '../xml-chars.js';
import { parseAuthorString } from './author-string.js';
import { lostDateReason, parseDate } from './dates.js';
import { jekyllPostName } from './dated-name.js';
import { feedHref, parseHttpUrl } from './http-url.js';
import { mediaFolderUrl } from './media-folder.js';
import { lineAt, parseSeedJson } from '../json-keys.js';
import { readSimpleYaml } from './simple-yaml.js';
import { type MetadataLines, splitMetadataLines } from './metadata-lines.js';
import { isNotionExportName, splitNotionProperties } from './notion-properties.js';
import { NOT_A_FEED_EMAIL, feedEmailAddress } from '../email-address.js';
import { MAX_STORY_AUTHORS, MAX_STORY_TAGS, tooManyOf } from '../story-limits.js';
import { canonicalLanguage, notALanguageTag } from '../story/language-tag.js';
import { publishedId } from '../story/item-id.js';
import { importAliasOf, isPagePath } from '../story/source-image.js';

export { parseAuthorString } from './author-string.js';

/** Story fields a seed can set in YAML front matter, a `.meta.yaml` sidecar, or a JSON seed. */
export interface SeedMeta {
  /** Headline (overrides the first line). */
  title?: string;
  /** First publication time. */
  date?: Date;
  /** Last update time. */
  updated?: Date;
  /** The time the story stops being published (Hugo's `expiryDate`): a build after it leaves the story out. */
  expires?: Date;
  /** Authors. */
  authors?: Author[];
  /** Tags (categories). */
  tags?: string[];
  /** Canonical URL, absolute or relative to the site. */
  url?: string;
  /** Stable id (an absolute URI). */
  id?: string;
  /** URL slug. */
  slug?: string;
  /** Lead image URL, absolute or relative to the story (or, with {@link SeedMeta.mediaSubpath}, to that folder). */
  image?: string;
  /**
   * The folder the post's images are kept in, as Jekyll's Chirpy theme reads `media_subpath` (before its 7.0,
   * `img_path`): a path from the site's root, or an http(s) URL; see `media-folder.ts`.
   */
  mediaSubpath?: string;
  /** Summary (plain text). */
  summary?: string;
  /** Language (BCP 47). */
  language?: string;
  /** Leave the story out of feeds. */
  draft?: boolean;
  /**
   * A podcast episode's files (`enclosures`, or one `enclosure`), as a plain item gives them: each URL as
   * written (absolute, or relative to the story's URL, which resolves it).
   */
  enclosures?: Enclosure[];
  /** A podcast episode's details (`episode`), as a plain item gives them; its URLs as written, as {@link SeedMeta.enclosures}'. */
  episode?: EpisodeInfo;
  /** Year that completes a dateline without one. */
  year?: number;
  /** Jekyll's `excerpt_separator`: a line of the Markdown body that ends the summary, as `<!--more-->` does. */
  excerptSeparator?: string;
}

/** Front matter split from the rest of a seed. */
export interface FrontMatterSplit {
  /** The YAML between the `---` fences, or `null` when there is none. */
  yaml: string | null;
  /** The TOML between `+++` fences (Hugo's other front matter), when the seed opens with one instead. */
  toml?: string;
  /** The JSON object (Hugo's third front matter, braces included) that opens the seed instead. */
  json?: string;
  /**
   * Pelican's metadata lines (`Title: …`, `Date: …`) that open a Markdown seed instead, or the properties under the
   * title of a page of Notion's export (see `notion-properties.ts`), read; `what` names them in a warning.
   */
  metadata?: Pick<MetadataLines, 'fields' | 'lines'> & { what: string };
  /** Why the lines that open the text, guessed to be Pelican's metadata or Notion's properties, stay text (a W_UNKNOWN_FIELD warning {@link parseFrontMatter} gives). */
  metadataNotRead?: Diagnostic;
  /** 1-based line of the first YAML (or TOML, or JSON) line. */
  yamlLine: number;
  /** The text after the closing fence (or all of it). */
  body: string;
  /** 1-based line where `body` starts in the original text. */
  bodyLine: number;
}

/** Options for {@link splitFrontMatter}. */
export interface SplitOptions {
  /**
   * Read Pelican's metadata lines (`Title: …` then `Date: …`) opening the text, as Pelican reads a Markdown file's, and
   * in a file named as Notion's export names a page (`Title 1a2b…6d.md`), the page's properties under its title.
   */
  metadataLines?: boolean;
  /** Read YAML front matter without its opening `---` (closed by one), as Hexo reads a post's (the text lies in a `_posts` folder). */
  closingFenceOnly?: boolean;
  /** IANA time zone the seed's dates are read in (as {@link parseFrontMatter} is given it): where metadata lines' `Date` falls. */
  timeZone?: string;
}

/**
 * Splits front matter from the top of a (line-ending-normalized) text: YAML between `---` lines (closed
 * by `---` or `...`), or TOML between `+++` lines, or a JSON object, as Hugo writes them; with
 * `metadataLines`, Pelican's metadata lines too.
 */
export function splitFrontMatter(text: string, file?: string, options: SplitOptions = {}): FrontMatterSplit {
  if (text.charCodeAt(0) === 123) {
    const json = splitJsonFrontMatter(text);
    if (json) return json;
  }
  const hexo = options.closingFenceOnly ? splitHexoSeparators(text) : undefined;
  if (hexo) return hexo;
  const opening = FRONT_MATTER_OPENING.exec(text);
  if (!opening) {
    const unopened = options.closingFenceOnly ? splitUnopenedYaml(text) : undefined;
    if (unopened) return unopened;
    const pelican = options.metadataLines ? splitMetadataLines(text) : undefined;
    const notion = !pelican && options.metadataLines && isNotionExportName(file) ? splitNotionProperties(text) : undefined;
    const lines = pelican ?? notion;
    const what = pelican ? PELICAN_LINES : NOTION_PROPERTIES;
    const notRead = lines && metadataNotRead(lines, what, file, options.timeZone);
    if (lines && !notRead) return { yaml: null, metadata: { fields: lines.fields, lines: lines.lines, what }, yamlLine: 1, body: lines.body, bodyLine: lines.bodyLine };
    return { yaml: null, yamlLine: 0, body: text, bodyLine: 1, ...(notRead ? { metadataNotRead: notRead } : {}) };
  }
  // The language the opening `---` names, as Eleventy and gray-matter read it (`---json`); Hugo's TOML opens with `+++`.
  const language = opening[1] !== undefined ? 'toml' : (FENCE_LANGUAGES.get(opening[2]?.toLowerCase() ?? '') ?? 'yaml');
  if (language === 'javascript') {
    throw new StoryfeedError(
      'E_FRONT_MATTER',
      `JavaScript front matter (\`${opening[0].trim()}\`, as Eleventy reads it) is not read: storyfeed does not run a seed's code; write it as YAML (\`---\`) or JSON (\`---json\`)`,
      { file, line: 1 },
    );
  }
  const toml = language === 'toml';
  const closing = opening[1] !== undefined ? /^\+\+\+[ \t]*$/ : opening[2] !== undefined ? /^---[ \t]*$/ : /^(?:---|\.\.\.)[ \t]*$/;
  // Line by line from the second, without splitting the whole text (the body is most of it).
  const yamlStart = opening[0].length;
  let line = 1;
  for (let start = yamlStart; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const c = text.charCodeAt(start);
    if ((c === 45 || c === 46 || c === 43) && closing.test(text.slice(start, end))) {
      const inside = text.slice(yamlStart, Math.max(yamlStart, start - 1));
      const rest = { yamlLine: 2, body: text.slice(end + 1), bodyLine: line + 2 };
      if (language === 'json') return { yaml: null, json: inside, ...rest };
      return toml ? { yaml: null, toml: inside, ...rest } : { yaml: inside, ...rest };
    }
    start = end + 1;
  }
  const fence = opening[1] ?? '---';
  throw new StoryfeedError('E_FRONT_MATTER', `front matter starts with \`${opening[0].trim()}\` on line 1 but is never closed with a second \`${fence}\` line`, {
    file,
    line: 1,
  });
}

/**
 * The line that opens front matter: `---`, or `---` followed by the name of its language (`---json`, `---yaml`, as
 * Eleventy and gray-matter read it), or Hugo's `+++` (TOML).
 */
const FRONT_MATTER_OPENING = /^(?:(\+\+\+)|---(yaml|yml|json|toml|js|javascript)?)[ \t]*\n/i;

/** The languages an opening `---` may name (see {@link FRONT_MATTER_OPENING}), in lower case, by the front matter they write. */
const FENCE_LANGUAGES: ReadonlyMap<string, 'yaml' | 'json' | 'toml' | 'javascript'> = new Map([
  ['yaml', 'yaml'],
  ['yml', 'yaml'],
  ['json', 'json'],
  ['toml', 'toml'],
  ['js', 'javascript'],
  ['javascript', 'javascript'],
]);

/** What Pelican's metadata lines and Notion's properties are called in warnings. */
const PELICAN_LINES = "Pelican's metadata (`Title: …`)";
const NOTION_PROPERTIES = "a Notion page's properties (`Created: …` under its title)";

/**
 * Why metadata lines found by guess (no fence opens them) are not read, or `undefined` when they read as a story's
 * fields. Such lines were a text's first lines before they were read, and a guess must not stop a build that went
 * through: a value that does not read (`Date: 1937`, `Date: next Tuesday`) leaves the lines text as they were, and
 * the warning names the field. They are read as {@link parseFrontMatter} reads them then (without warnings, given
 * then), and held to what the story stage (`seed-to-story.ts`) asks of the fields they can set: see
 * {@link laterFieldProblem}. A guess that would leave the story no body is taken back where the body is read
 * (`readMarkdownSeed`).
 */
function metadataNotRead(lines: MetadataLines, what: string, file: string | undefined, timeZone: string | undefined): Diagnostic | undefined {
  const lineOf = (key: string): number | undefined => lines.lines.get(key);
  let problem: { detail: string; line: number | undefined } | undefined;
  try {
    const meta = readMeta(lines.fields, { file, firstLine: 1, lineOf, ...(timeZone !== undefined ? { timeZone } : {}) });
    const later = laterFieldProblem(meta);
    if (later) problem = { detail: later.detail, line: lineOf(later.key) };
  } catch (error) {
    // The time zone is the config's, checked before any seed is read: a problem with it is no problem of these lines.
    if (!(error instanceof StoryfeedError) || error.code === 'E_CONFIG') throw error;
    problem = { detail: error.detail, line: error.line };
  }
  if (!problem) return undefined;
  return warning('W_UNKNOWN_FIELD', `the first lines look like ${what} but are read as text, as they were: ${problem.detail}; correct it to read them as the story's fields`, {
    file,
    line: problem.line,
  });
}

/**
 * A base any path given as `url` or `image` reads against as it does against the site's address or the story's
 * (both http(s)), which the story stage resolves them against: a path resolved against any of them is http(s).
 */
const PATH_BASE = 'https://example.invalid/';

/**
 * The first field of `meta` (its name, as `lineOf` knows it, and why) that {@link readMeta} accepts but the story
 * stage (`normalizeStoryWith` in `seed-to-story.ts`) refuses, stopping the build, or `undefined`. The checks are the
 * ones that stage makes, with the functions it calls: `id` an absolute URI feeds can carry ({@link publishedId}),
 * `url` and `image` an http(s) URL or a path without a user name or password ({@link parseHttpUrl}; the stage's
 * own test of `image` asks the same), and `date` not within weeks of the Unix epoch ({@link nearUnixEpoch}). Every
 * other field a metadata line can set (title, summary, slug, tags, categories, authors, draft, the updated date,
 * language) is either refused by `readMeta` already or only warned about by that stage.
 */
function laterFieldProblem(meta: SeedMeta): { key: string; detail: string } | undefined {
  if (meta.id !== undefined) {
    const read = publishedId(meta.id);
    if (read.kind !== 'ok') return { key: 'id', detail: `front matter \`id\`${read.kind === 'rule' ? ':' : ''} ${read.problem}` };
  }
  for (const key of ['url', 'image'] as const) {
    const value = meta[key];
    const parsed = value === undefined ? undefined : parseHttpUrl(value, PATH_BASE);
    if (parsed && !parsed.ok)
      return {
        key,
        detail: `front matter \`${key}\` "${value}" ${parsed.reason === 'is not a valid URL' ? parsed.reason : 'must be an http(s) URL (without a user name or password) or a path'}`,
      };
  }
  const lost = meta.date && lostDateReason(meta.date);
  if (lost) return { key: 'date', detail: `the publication date ${lost}` };
  return undefined;
}

/** A line of Hexo's front matter separator other than `---`: more dashes (YAML), or three or more semicolons (JSON). */
const HEXO_SEPARATOR = /^(-{4,}|;{3,})[ \t]*$/;
/** The first line of JSON front matter without its braces, as Hexo writes it: a quoted name, then a colon. */
const JSON_MEMBER_LINE = /^[ \t]*"(?:[^"\\\n]|\\.)*"[ \t]*:/;

/**
 * Front matter as Hexo separates it besides `---` (read by {@link splitFrontMatter}'s own fences and
 * {@link splitUnopenedYaml}): YAML between lines of four or more dashes, or JSON without its braces closed by a line
 * of semicolons (`;;;`), opened by the same line or not, as Hexo's `hexo-front-matter` splits a post. `undefined`
 * for any other text: a separator never closed, or prose before a line of semicolons, leaves the text as it is.
 * Linear in the lines looked at.
 */
function splitHexoSeparators(text: string): FrontMatterSplit | undefined {
  const firstEnd = text.indexOf('\n');
  const first = text.slice(0, firstEnd < 0 ? text.length : firstEnd);
  const opened = HEXO_SEPARATOR.exec(first)?.[1];
  // Unopened, only JSON (unopened YAML is read by `splitUnopenedYaml`), and only when its first line is a JSON member.
  if (opened === undefined && !JSON_MEMBER_LINE.test(first)) return undefined;
  let line = opened === undefined ? 1 : 2;
  const start = opened === undefined ? 0 : firstEnd + 1;
  for (let at = start; at < text.length && line <= MAX_UNOPENED_LINES; line++) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const separator = HEXO_SEPARATOR.exec(text.slice(at, end))?.[1];
    if (separator !== undefined && (opened === undefined ? separator.startsWith(';') : separator === opened)) {
      const inside = text.slice(start, Math.max(start, at - 1));
      const rest = { body: text.slice(end + 1), bodyLine: line + 1 };
      const firstLine = opened === undefined ? 1 : 2;
      if (!separator.startsWith(';')) return { yaml: inside, yamlLine: firstLine, ...rest };
      // Hexo reads the members within braces of its own; JSON given with its braces is read as it is.
      if (inside.trimStart().startsWith('{')) return { yaml: null, json: inside, yamlLine: firstLine, ...rest };
      return { yaml: null, json: `{\n${inside}\n}`, yamlLine: firstLine - 1, ...rest };
    }
    at = end + 1;
  }
  return undefined;
}

/** The most lines looked at for front matter without its opening `---`: a post's fields, never its text. */
const MAX_UNOPENED_LINES = 200;

/**
 * YAML front matter without its opening `---`, as Hexo reads a post's ("prefixing separators are optional"):
 * lines of YAML from the first, closed by a `---` line, read as such only when each line is a `name:` line,
 * a list item or an indented line and a `title:` is among them (so a first paragraph over a thematic break
 * stays text). `undefined` for any other text. Linear in the lines looked at.
 */
function splitUnopenedYaml(text: string): FrontMatterSplit | undefined {
  let titled = false;
  let line = 1;
  for (let start = 0; start < text.length && line <= MAX_UNOPENED_LINES; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const current = text.slice(start, end);
    if (/^---[ \t]*$/.test(current)) {
      return line > 1 && titled ? { yaml: text.slice(0, Math.max(0, start - 1)), yamlLine: 1, body: text.slice(end + 1), bodyLine: line + 1 } : undefined;
    }
    const key = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/.exec(current);
    if (key) titled ||= key[1] === 'title';
    else if (!/^(?:[ \t]|-(?:[ \t]|$)|#|$)/.test(current)) return undefined;
    start = end + 1;
  }
  return undefined;
}

/**
 * The {@link SeedMeta} of split front matter, YAML, TOML or JSON; empty without front matter. A Jekyll post (see
 * {@link jekyllPostName}) whose front matter gives no title has the title Jekyll gives it, from its file's name.
 */
export function parseFrontMatter(split: FrontMatterSplit, options: Omit<MetaOptions, 'firstLine'> = {}): SeedMeta {
  if (split.metadataNotRead) options.onWarning?.(split.metadataNotRead);
  if (split.json === undefined && split.toml === undefined && split.metadata === undefined && split.yaml === null) return {};
  const firstLine = split.yamlLine;
  const { metadata } = split;
  const meta =
    metadata !== undefined
      ? readMeta(metadata.fields, { ...options, firstLine, lineOf: (key) => metadata.lines.get(key) })
      : split.json !== undefined
        ? parseJsonMeta(split.json, { ...options, firstLine })
        : split.toml !== undefined
          ? parseTomlMeta(split.toml, { ...options, firstLine })
          : parseYamlMeta(split.yaml!, { ...options, firstLine });
  // A title in front matter may hold HTML's character references, as WordPress exports and jekyll-import write them
  // (`Tom&#8217;s`, `Q&amp;A`), and Jekyll shows them: they are the characters they name (see `withCharacterReferences`).
  if (meta.title !== undefined) meta.title = withCharacterReferences(meta.title);
  const post = meta.title === undefined ? jekyllPostName(options.file, options.jekyllPost) : undefined;
  const title = post === undefined ? '' : jekyllTitle(post);
  if (title !== '') {
    meta.title = title;
    // Taken from the name, not given: a sidecar's own `title` wins over it (see {@link mergeSidecarMeta}).
    ALIASED.set(meta, new Set(ALIASED.get(meta)).add('title'));
  }
  return meta;
}

/**
 * The title Jekyll gives a post named `name` (its file name after the date, without the extension), as its `titleize`
 * does: the words between its hyphens, each with its first letter in upper case and the others in lower case (Ruby's
 * `capitalize`), after the dots that end the name are left out: `storm-hits-coast` → `Storm Hits Coast`.
 */
function jekyllTitle(name: string): string {
  const capitalized = (word: string): string => {
    const first = word.codePointAt(0);
    if (first === undefined) return '';
    const head = String.fromCodePoint(first);
    return head.toUpperCase() + word.slice(head.length).toLowerCase();
  };
  return collapseSpace(withoutTrailing(name, /\./).split('-').map(capitalized).join(' '));
}

/** Refuses TOML or JSON front matter over the size limit YAML's has, naming the file and its first line. */
function checkFrontMatterSize(text: string, kind: 'TOML' | 'JSON', file: string | undefined, line: number): void {
  if (text.length <= MAX_YAML_CHARS) return;
  throw new StoryfeedError(
    'E_FRONT_MATTER',
    `the ${kind} is ${Math.round(text.length / 1024)} KB; front matter is limited to ${MAX_YAML_CHARS / 1024} KB (it holds a story's fields, not its text)`,
    { file, line },
  );
}

/**
 * Parses TOML front matter (Hugo's `+++` form) into validated {@link SeedMeta}. Dates are read as
 * YAML's are: TOML's date-times (with or without an offset) and dates go through the same reading,
 * so one without an offset is in the config `timeZone`.
 */
export function parseTomlMeta(toml: string, options: MetaOptions = {}): SeedMeta {
  const first = options.firstLine ?? 1;
  checkFrontMatterSize(toml, 'TOML', options.file, first);
  let value: Record<string, unknown>;
  try {
    value = parseToml(toml, { maxDepth: MAX_YAML_DEPTH });
  } catch (cause) {
    if (!(cause instanceof TomlError) && !(cause instanceof RangeError)) throw cause;
    const message = cause instanceof TomlError ? (cause.message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '') : 'the TOML is nested too deeply';
    const line = cause instanceof TomlError ? cause.line + first - 1 : first;
    throw new StoryfeedError('E_FRONT_MATTER', `TOML error: ${message}`, { file: options.file, line, cause });
  }
  // A null prototype: a `[__proto__]` table is a key like any other.
  const fields: Record<string, unknown> = Object.create(null);
  for (const [key, v] of Object.entries(value)) fields[key] = v instanceof TomlDate ? v.toISOString() : v;
  // A key's line: the first `key =` line before any table header, the key bare or quoted (`"date" =`,
  // `'date' =`), or the header of a table of that name (Zola's `[taxonomies]`); only problems and warnings ask.
  const lineOf = (key: string): number | undefined => {
    const lines = toml.split('\n');
    const names = [key, `"${key}"`, `'${key}'`];
    let inTable = false;
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i]!.trimStart();
      if (text.startsWith('[')) {
        if (names.includes(/^\[([^\]]*)\]/.exec(text)?.[1]?.trim() ?? '')) return i + first;
        inTable = true;
      } else if (!inTable && names.some((name) => text.startsWith(name) && /^\s*=/.test(text.slice(name.length)))) return i + first;
    }
    return undefined;
  };
  return readMeta(fields, { ...options, lineOf });
}

/**
 * JSON front matter (Hugo's third kind): a text opening with `{` whose matching `}` (braces counted outside
 * JSON strings, in one pass) ends its line, and which is a JSON object. What only looks like it (a first line
 * of `{` alone, then a quoted name) is front matter too, so that its syntax error is reported. Anything else
 * that opens with a brace (prose, a `{{< shortcode >}}`, a `{% raw %}` tag, a brace never closed) is not
 * front matter: `undefined`.
 */
function splitJsonFrontMatter(text: string): FrontMatterSplit | undefined {
  const close = matchingBrace(text);
  if (close < 0) return undefined;
  let end = close + 1;
  while (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9) end++;
  if (end < text.length && text.charCodeAt(end) !== 10) return undefined;
  const json = text.slice(0, close + 1);
  if (!looksLikeJsonFrontMatter(json)) {
    try {
      JSON.parse(json);
    } catch {
      return undefined;
    }
  }
  const bodyLine = lineAt(text, close) + 1;
  return { yaml: null, json, yamlLine: 1, body: text.slice(end + 1), bodyLine };
}

/**
 * Offset of the `}` that closes the `{` at offset 0, or -1: braces are counted outside JSON strings (a `"`
 * opens one, a backslash escapes the character after it), so the scan is one pass whatever the text holds.
 */
function matchingBrace(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125) {
      if (--depth === 0) return i;
    } else if (c === 34) {
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 92) i++;
        else if (s === 34) break;
      }
    }
  }
  return -1;
}

/** Whether JSON front matter is written as Hugo writes it: `{` alone on the first line, then a quoted name or the closing `}`. */
function looksLikeJsonFrontMatter(json: string): boolean {
  return /^\{[ \t]*\n\s*["}]/.test(json);
}

/**
 * Parses JSON front matter (Hugo's form, an object braces included) into validated {@link SeedMeta}: read as JSON
 * seeds are (`E_JSON` naming the line of a syntax error or a name given twice), within the size limit of YAML
 * and TOML front matter, and its fields as theirs.
 */
export function parseJsonMeta(json: string, options: MetaOptions = {}): SeedMeta {
  const first = options.firstLine ?? 1;
  checkFrontMatterSize(json, 'JSON', options.file, first);
  const value = parseSeedJson(json, { file: options.file, firstLine: first });
  // As deep as YAML and TOML front matter may nest (`JSON.parse` itself takes any depth).
  const deep = deepFlowNesting(json);
  if (deep !== undefined) {
    throw new StoryfeedError('E_FRONT_MATTER', `JSON error: brackets nest more than ${MAX_YAML_DEPTH} levels deep`, {
      file: options.file,
      line: lineAt(json, deep) + first - 1,
    });
  }
  // Built on first use (only problems and warnings need lines).
  let keyLines: Map<string, number> | undefined;
  const lineOf = (key: string): number | undefined => {
    keyLines ??= topJsonKeyLines(json, first);
    return keyLines.get(key);
  };
  return readMeta(value, { ...options, lineOf });
}

/** The line of each name of the outermost object of valid JSON `json` (the first, if given twice), in one pass. */
function topJsonKeyLines(json: string, first: number): Map<string, number> {
  const lines = new Map<string, number>();
  let depth = 0;
  let line = first;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
    else if (c === 34) {
      const start = i;
      for (i++; i < json.length; i++) {
        const s = json.charCodeAt(i);
        if (s === 92) i++;
        else if (s === 34) break;
      }
      if (depth !== 1) continue;
      let next = i + 1;
      while (/[ \t\r\n]/.test(json[next] ?? '')) next++;
      if (json[next] !== ':') continue;
      const raw = json.slice(start + 1, i);
      const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
      if (!lines.has(key)) lines.set(key, line);
    }
  }
  return lines;
}

/** Options for reading seed metadata. */
export interface MetaOptions {
  /** File the metadata came from, for messages; a Jekyll post's (`_posts/2024-01-02-name.md`) is read as Jekyll reads it. */
  file?: string;
  /** Line of the first YAML line in that file (front matter starts on line 2). */
  firstLine?: number;
  /** IANA time zone for dates without an offset. */
  timeZone?: string;
  /** Receives non-fatal problems. */
  onWarning?: (d: Diagnostic) => void;
  /** Whether the file lies in a Jekyll `_posts` folder; without it, `file` says. */
  jekyllPost?: boolean;
}

/** Parses YAML (front matter or a sidecar) into validated {@link SeedMeta}. */
export function parseYamlMeta(yaml: string, options: MetaOptions = {}): SeedMeta {
  const first = options.firstLine ?? 1;
  const lineCounter = new LineCounter();
  // `uniqueKeys: false`: the yaml package compares each key with every earlier one (50,000 keys took
  // 25 s); duplicates are found below with one set per mapping instead.
  if (yaml.length > MAX_YAML_CHARS) {
    throw new StoryfeedError(
      'E_FRONT_MATTER',
      `the YAML is ${Math.round(yaml.length / 1024)} KB; front matter and sidecars are limited to ${MAX_YAML_CHARS / 1024} KB (they hold a story's fields, not its text)`,
      { file: options.file, line: first },
    );
  }
  // Most front matter is a few one-line fields: read those without building a YAML document.
  const simple = readSimpleYaml(yaml);
  if (simple) {
    const { keyLines } = simple;
    const lineOf = (key: string): number | undefined => {
      const line = keyLines.get(key);
      return line === undefined ? undefined : line + first;
    };
    return readMeta(simple.value, { ...options, lineOf });
  }
  const deep = deepFlowNesting(yaml);
  if (deep !== undefined) {
    throw new StoryfeedError('E_FRONT_MATTER', `YAML error: brackets nest more than ${MAX_YAML_DEPTH} levels deep`, {
      file: options.file,
      line: lineOfOffset(yaml, deep) + first - 1,
    });
  }
  // `merge: true`: YAML 1.1's merge keys (`<<: *base`), which Jekyll's and Hugo's readers take; keys written in the
  // mapping win over merged ones, as YAML 1.1 says.
  const doc = parseDocument(yaml, { lineCounter, uniqueKeys: false, merge: true, prettyErrors: false, strict: true, logLevel: 'error' });
  const problem = doc.errors[0];
  if (problem) {
    const line = lineCounter.linePos(problem.pos[0]).line + first - 1;
    const message = /call stack/i.test(problem.message) ? 'the YAML is nested too deeply' : problem.message.split('\n')[0];
    throw new StoryfeedError('E_FRONT_MATTER', `YAML error: ${message}${oddSpaceHint(yaml, problem.pos[0])}`, { file: options.file, line });
  }
  const duplicate = firstDuplicateKey(doc);
  if (duplicate) {
    const line = duplicate.offset === undefined ? first : lineCounter.linePos(duplicate.offset).line + first - 1;
    throw new StoryfeedError('E_FRONT_MATTER', `YAML error: Map keys must be unique ("${duplicate.key}" appears twice)`, { file: options.file, line });
  }
  // Built on first use (only problems and warnings need lines), in one pass over the keys. A key the mapping does not
  // write came from a merge key: the first one's line is shown.
  let keyLines: Map<unknown, number> | undefined;
  let mergeLine: number | undefined;
  const lineOf = (key: string): number | undefined => {
    if (!keyLines) {
      keyLines = new Map();
      if (isMap(doc.contents)) {
        for (const pair of doc.contents.items) {
          if (!isScalar(pair.key) || !pair.key.range) continue;
          const line = lineCounter.linePos(pair.key.range[0]).line + first - 1;
          if (typeof pair.key.value === 'symbol') mergeLine ??= line;
          else if (!keyLines.has(pair.key.value)) keyLines.set(pair.key.value, line);
        }
      }
    }
    return keyLines.get(key) ?? mergeLine;
  };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    throw new StoryfeedError('E_FRONT_MATTER', `YAML error: ${(cause as Error).message}`, { file: options.file, line: first, cause });
  }
  if (value === null || value === undefined) return {};
  return readMeta(value, { ...options, lineOf });
}

/**
 * Longest YAML read (characters): thirty times any real story's fields, and it keeps the yaml
 * package (two to three times slower per byte than normalizing an article) from dominating a build.
 */
export const MAX_YAML_CHARS = 64 * 1024;

/**
 * Deepest `[`/`{` nesting read in YAML. The yaml package parses nested collections recursively: a
 * few hundred thousand brackets overflow its stack after seconds of work, so they are refused first.
 */
const MAX_YAML_DEPTH = 256;

/**
 * Offset of the first bracket nested deeper than {@link MAX_YAML_DEPTH}, or `undefined`: one scan
 * that skips quoted strings and comments (brackets in plain scalars may be over-counted, which only
 * matters past the limit).
 */
function deepFlowNesting(yaml: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < yaml.length; i++) {
    const ch = yaml[i];
    if (ch === '[' || ch === '{') {
      if (++depth > MAX_YAML_DEPTH) return i;
    } else if (ch === ']' || ch === '}') {
      if (depth > 0) depth--;
    } else if (ch === '"' || ch === "'") {
      // A quote opens a string only where a value can start (after space, `:`, `,`, `[` or `{`, or at a line start).
      const before = i === 0 ? '\n' : yaml[i - 1]!;
      if (!/[\s:,[{]/.test(before)) continue;
      for (i++; i < yaml.length; i++) {
        const c = yaml[i];
        if (c === '\\' && ch === '"') i++;
        else if (c === ch) {
          if (ch === "'" && yaml[i + 1] === "'") i++;
          else break;
        }
      }
    } else if (ch === '#' && (i === 0 || /\s/.test(yaml[i - 1]!))) {
      while (i < yaml.length && yaml[i] !== '\n') i++;
    }
  }
  return undefined;
}

/** 1-based line of a character offset. */
function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Longest key text shown in a duplicate-key message. */
const KEY_SHOWN = 60;

/**
 * The first key that appears twice in one mapping of `doc` (scalar keys, compared by value), with
 * its offset; one set per mapping and an explicit stack, so the walk is linear and any depth is safe.
 */
function firstDuplicateKey(doc: Document): { key: string; offset: number | undefined } | undefined {
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          if (seen.has(pair.key.value)) return { key: String(pair.key.value).slice(0, KEY_SHOWN), offset: pair.key.range?.[0] };
          seen.add(pair.key.value);
        }
        pending.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item);
    }
  }
  return undefined;
}

/**
 * Validates a plain object (from YAML or JSON) as {@link SeedMeta}, reporting the first bad field. A field
 * given under more than one of its names is read from the first (storyfeed's own, then other generators'),
 * and each other name given is named in a `W_UNKNOWN_FIELD` warning, as it is not read.
 */
export function readMeta(
  value: unknown,
  options: MetaOptions & {
    lineOf?: (key: string) => number | undefined;
    /** Fields `value` gives as another system named them (a CMS's post, see `api-post.ts`), which a sidecar's own field overrides. */
    otherNames?: readonly (keyof SeedMeta)[];
  } = {},
): SeedMeta {
  const { file } = options;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new StoryfeedError('E_FRONT_MATTER', 'front matter must be a mapping of `field: value` lines', { file, line: options.firstLine });
  }
  // YAML and JSON escapes (`"\x01"`, `"\u0001"`) can write characters XML forbids that were not in the file's text.
  const removed: string[] = [];
  // Only the fields storyfeed reads are copied (and cleaned); other keys are only named in warnings.
  const obj: Record<string, unknown> = {};
  for (const key of KNOWN_FIELDS) {
    if (Object.hasOwn(value, key)) obj[key] = withoutIllegalChars((value as Record<string, unknown>)[key], removed, 2);
  }
  // A field written in other letter case (`Title`, `Draft`, `PublishDate`), as Hugo reads it whatever its case: read
  // as the field when the field is not given as storyfeed writes it; the first such key of a field wins.
  const cased = new Map<string, string>();
  const casedOut: [string, string][] = [];
  for (const key of Object.keys(value)) {
    if (KNOWN_FIELDS.has(key)) continue;
    const field = FIELD_BY_LOWER_CASE.get(key.toLowerCase());
    if (field === undefined) continue;
    if (Object.hasOwn(obj, field)) casedOut.push([key, cased.get(field) ?? field]);
    else {
      obj[field] = withoutIllegalChars((value as Record<string, unknown>)[key], removed, 2);
      cased.set(field, key);
    }
  }
  // Where a generator keeps the fields it leaves to themes (Hugo's `params`, Zola's `extra`, see {@link THEME_DATA_NAMES}):
  // a field of {@link PARAMS_FIELDS} the page gives under none of its names at the top level is read from there, named
  // `params.<name>` on the line of `params`.
  const paramsKey = THEME_DATA_NAMES.map((name) => Object.keys(value).find((key) => key.toLowerCase() === name)).find(
    (key) => key !== undefined && plainMapping((value as Record<string, unknown>)[key]) !== undefined,
  );
  const params = paramsKey === undefined ? undefined : plainMapping((value as Record<string, unknown>)[paramsKey]);
  const fromParams = new Set<keyof SeedMeta>();
  if (params !== undefined) {
    for (const { names, field } of PARAMS_FIELDS) {
      if (names.some((name) => Object.hasOwn(obj, name))) continue;
      for (const key of Object.keys(params)) {
        const name = FIELD_BY_LOWER_CASE.get(key.toLowerCase());
        if (name === undefined || !names.includes(name) || Object.hasOwn(obj, name)) continue;
        // Theme data storyfeed cannot read (`author: false`, `image: 5`) is the theme's, no reason to stop the build:
        // named in a warning and left out, as when it was not read from there.
        const problem = themeDataProblem(name, params[key]);
        if (problem !== undefined) {
          options.onWarning?.(warning('W_UNKNOWN_FIELD', `front matter \`${paramsKey}.${key}\` is not read: ${problem}`, { file, line: options.lineOf?.(paramsKey!) }));
          continue;
        }
        obj[name] = withoutIllegalChars(params[key], removed, 2);
        cased.set(name, `${paramsKey}.${key}`);
        fromParams.add(field);
      }
    }
  }
  // A field is named, and its line found, as it is written, in whatever case (one read from `params` on the line of `params`).
  const written = (key: string): string => cased.get(key) ?? key;
  const lineOf = (key: string): number | undefined => options.lineOf?.(paramsKey !== undefined && written(key).startsWith(`${paramsKey}.`) ? paramsKey : written(key));
  if (removed.length) options.onWarning?.(warning('W_ILLEGAL_CHAR', `removed ${describeRemoved(removed)} that XML forbids from the front matter`, { file }));
  const own = (key: string): unknown => (Object.hasOwn(obj, key) ? obj[key] : undefined);
  // `lineKey`: the top-level name whose line is shown, for a value within it (`date.created`).
  const fail = (key: string, detail: string, code: 'E_FIELD' | 'E_DATE' = 'E_FIELD', lineKey = key): never => {
    throw new StoryfeedError(code, `front matter \`${written(key)}\`: ${detail}`, { file, line: lineOf(lineKey) });
  };
  const text = (key: string): string | undefined => {
    const v = own(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
    // `title: 1984` is text; YAML's .nan and .inf are not ("NaN" would become a title, "infinity" a language).
    if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') return String(v);
    return fail(key, `expected text, found ${describeValue(v)}`);
  };
  // A date given under `key` (its value `v`; within the top-level name `lineKey`, whose line is shown).
  const date = (key: string, v: unknown = own(key), lineKey = key): Date | undefined => {
    if (v === undefined || v === null || v === '') return undefined;
    if (v instanceof Date) return v;
    if (typeof v !== 'string') return fail(key, `expected an ISO 8601 date, found ${describeValue(v)}`, 'E_DATE', lineKey);
    // Eleventy's `date: Last Modified` / `Created` (and their `git` forms) take a file's time, which a fresh checkout
    // resets: not read, so the story is dated as one without a date is (when it is first published).
    if (ELEVENTY_FILE_DATE.test(v)) {
      options.onWarning?.(
        warning('W_UNKNOWN_FIELD', `front matter \`${written(key)}\` "${v.trim()}" (a file's time) is not read; give an ISO 8601 date to set it`, { file, line: lineOf(lineKey) }),
      );
      return undefined;
    }
    const parsed = parseDate(v, options.timeZone);
    if (!parsed.ok) return fail(key, parsed.reason, 'E_DATE', lineKey);
    if (parsed.hadTime && !parsed.hadZone && options.timeZone === undefined) {
      options.onWarning?.(
        warning('W_DATE_NO_ZONE', `\`${key}\` "${v.trim()}" has no UTC offset and was read as UTC; add one (e.g. +03:00) or set \`timeZone\` in the config`, {
          file,
          line: lineOf(lineKey),
        }),
      );
    }
    return parsed.date;
  };
  // Material for MkDocs' blog writes a post's dates as one mapping, `date: {created: …, updated: …}`: its
  // `created` is the date, its `updated` the last update (a top-level `updated` or its other names win).
  const dates = plainMapping(own('date'));
  const dateMapping = dates !== undefined && (Object.hasOwn(dates, 'created') || Object.hasOwn(dates, 'updated')) ? dates : undefined;
  if (dateMapping !== undefined && (dateMapping.created === undefined || dateMapping.created === null)) {
    fail('date', `expected a date, or a mapping of \`created\` and \`updated\` dates as Material for MkDocs' blog writes them, found ${describeValue(dateMapping)}`, 'E_DATE');
  }
  const dateOrCreated = (key: string): Date | undefined => (key === 'date' && dateMapping !== undefined ? date('date.created', dateMapping.created, 'date') : date(key));
  // A name that holds something to read: not absent, null, blank or an empty list.
  const given = (key: string): boolean => {
    const v = own(key);
    return v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '') && !(Array.isArray(v) && v.length === 0);
  };
  // The other names of a field after the one `read` (in `names`, in the order they are read) are not read: a site
  // moved from another generator may hold a value there that disagrees or is malformed, which its user should hear of.
  const unread = (names: readonly string[], read: string): void => {
    for (const key of names.slice(names.indexOf(read) + 1)) {
      if (!given(key)) continue;
      options.onWarning?.(
        warning('W_UNKNOWN_FIELD', `front matter \`${written(key)}\` is not read: \`${written(read)}\` is given too and is read instead`, { file, line: lineOf(key) }),
      );
    }
  };
  // The first of `names` that `read` gives a value for, and that name.
  const firstOf = <T>(names: readonly string[], read: (key: string) => T | undefined): { key: string; value: T } | undefined => {
    for (const key of names) {
      const value = read(key);
      if (value !== undefined) return { key, value };
    }
    return undefined;
  };
  const present = (key: string): unknown => own(key) ?? undefined;

  const meta: SeedMeta = {};
  const title = text('title');
  if (title !== undefined) meta.title = title;
  // `published: false` is Jekyll's way to keep a post unpublished (a date there is the publication time).
  const publishedFlag = flagValue(own('published'));
  const unpublished = publishedFlag === false;
  const flagged = publishedFlag !== undefined;
  // Fields set from another generator's name, which a sidecar's own field overrides (see {@link mergeSidecarMeta}).
  const aliased = new Set<keyof SeedMeta>();
  // A `published` flag is no date.
  const dateNames = flagged ? DATE_NAMES.filter((key) => key !== 'published') : DATE_NAMES;
  const published = firstOf(dateNames, dateOrCreated);
  if (published) {
    meta.date = published.value;
    if (OTHER_NAMES.has(published.key)) aliased.add('date');
    unread(dateNames, published.key);
  }
  const updated = firstOf(UPDATED_NAMES, (key) => date(key));
  const createdUpdated = dateMapping === undefined ? undefined : date('date.updated', dateMapping.updated, 'date');
  if (updated) {
    meta.updated = updated.value;
    if (OTHER_NAMES.has(updated.key)) aliased.add('updated');
    unread(UPDATED_NAMES, updated.key);
    if (createdUpdated !== undefined) {
      options.onWarning?.(
        warning('W_UNKNOWN_FIELD', `front matter \`date.updated\` is not read: \`${updated.key}\` is given too and is read instead`, { file, line: lineOf('date') }),
      );
    }
  } else if (createdUpdated !== undefined) {
    meta.updated = createdUpdated;
    aliased.add('updated');
  }
  const expiry = firstOf(EXPIRY_NAMES, (key) => date(key));
  if (expiry) {
    meta.expires = expiry.value;
    unread(EXPIRY_NAMES, expiry.key);
  }
  // Zola's taxonomies are a table of their own (`[taxonomies]` with `tags = […]`, `categories = […]`): its tags and
  // categories are the story's tags, and the `authors` taxonomy some Zola themes use names the authors.
  const taxonomies = plainMapping(own('taxonomies'));
  const taxonomy = (name: string): unknown => (taxonomies !== undefined && Object.hasOwn(taxonomies, name) ? (taxonomies[name] ?? undefined) : undefined);
  const authors = firstOf(AUTHOR_NAMES, present);
  if (authors) {
    meta.authors = readAuthors(authors.value, authors.key, fail);
    unread(AUTHOR_NAMES, authors.key);
  } else if (taxonomy('authors') !== undefined) {
    meta.authors = readAuthors(taxonomy('authors'), 'taxonomies.authors', (key, detail) => fail(key, detail, 'E_FIELD', 'taxonomies'));
    aliased.add('authors');
  }
  // Jekyll's `categories` and `tags` are two lists a post may both have (jekyll-feed publishes both as
  // categories): the story's tags are the two together, tags first, each once. A Jekyll post's string of them
  // without commas is a list of words (`categories: news world`), as Jekyll reads it.
  // Jekyll's, Hexo's and Pelican's `category` is one more: a string of it is one name, as they read it.
  const words = jekyllPostName(file, options.jekyllPost) !== undefined;
  // `category`, another generator's name, was not read before: a value that gives no name (`category: false`, a
  // mapping such as `{id: 3, name: News}`) is named in a warning and not read; a number is a name, as among tags.
  const category = (key: string): string[] | undefined => {
    const v = present(key);
    if (typeof v === 'number' && Number.isFinite(v)) return [String(v)];
    const notRead = (detail: string): undefined => {
      options.onWarning?.(warning('W_UNKNOWN_FIELD', `front matter \`${written(key)}\` is not read: ${detail}`, { file, line: lineOf(key) }));
      return undefined;
    };
    if (typeof v !== 'string' && !Array.isArray(v)) return notRead(`expected a name or a list of names, found ${describeValue(v)}`);
    try {
      return readTags(
        v,
        key,
        (_, detail) => {
          throw new StoryfeedError('E_FIELD', detail);
        },
        'whole',
      );
    } catch (error) {
      if (!(error instanceof StoryfeedError)) throw error;
      return notRead(error.detail);
    }
  };
  const tagLists = TAG_NAMES.filter((key) => present(key) !== undefined)
    .map((key) => (ONE_NAME_TAGS.has(key) ? category(key) : readTags(present(key), key, fail, words)))
    .filter((list) => list !== undefined);
  for (const name of ZOLA_TAG_TAXONOMIES) {
    const list = taxonomy(name);
    if (list !== undefined) tagLists.push(readTags(list, `taxonomies.${name}`, (key, detail) => fail(key, detail, 'E_FIELD', 'taxonomies')));
  }
  if (tagLists.length > 0) {
    const tags = [...new Set(tagLists.flat())];
    if (tags.length > MAX_STORY_TAGS) fail(TAG_NAMES.find((key) => present(key) !== undefined) ?? 'taxonomies', tooManyOf('tags', tags.length));
    meta.tags = tags;
  }
  for (const key of ['url', 'id', 'slug', 'summary'] as const) {
    const v = text(key);
    if (v !== undefined) meta[key] = v;
  }
  // Jekyll's `lang` (jekyll-feed's entry xml:lang) when there is no `language`; either is checked here, where its line is known.
  const language = firstOf(LANGUAGE_NAMES, text);
  if (language !== undefined && canonicalLanguage(language.value) === undefined) {
    // storyfeed's own `language` stops the build as it always has; Jekyll's `lang`, not read before, is left out
    // with a warning (the language is then detected).
    if (language.key === 'language') fail(language.key, notALanguageTag(language.value));
    options.onWarning?.(warning('W_UNKNOWN_FIELD', `front matter \`${language.key}\` is not read: ${notALanguageTag(language.value)}`, { file, line: lineOf(language.key) }));
  } else if (language !== undefined) {
    meta.language = language.value;
    if (language.key !== 'language') aliased.add('language');
    unread(LANGUAGE_NAMES, language.key);
  }
  // A number for an id is another system's for the post (DEV's `id: 3735712` in an article's export, the WordPress
  // post number hexo-migrator-wordpress writes as `id: '66'`), never an id a feed can carry: named, not read.
  if (meta.id !== undefined && /^\d+$/.test(meta.id)) {
    options.onWarning?.(
      warning(
        'W_UNKNOWN_FIELD',
        `front matter \`id\` ${meta.id} (another system's number for the post) is not read: a story's id is an absolute URI such as https://…, tag:… or urn:…; it follows the story's URL`,
        { file, line: lineOf('id') },
      ),
    );
    delete meta.id;
  }
  if (meta.url !== undefined) unread(URL_NAMES, 'url');
  if (meta.summary !== undefined) unread(SUMMARY_NAMES, 'summary');
  // Jekyll's and Eleventy's `permalink` is the page's path when it is one; a pattern (`/:year/:title/`,
  // `{{ page.fileSlug }}`) is not filled here, and `permalink: false` (no page) gives no URL.
  const permalink = meta.url === undefined ? own('permalink') : undefined;
  if (typeof permalink === 'string' && permalink.trim() !== '') {
    const path = permalink.trim();
    // A path on the site: one "/" first ("//host/x" would name another host), no ":" or braces.
    if (/^(?:https?:\/\/[^/]+)?\/(?!\/)[^:{}]*$/i.test(path)) {
      meta.url = path;
      aliased.add('url');
    } else {
      options.onWarning?.(
        warning(
          'W_UNKNOWN_FIELD',
          `front matter \`permalink\` "${path.slice(0, 80)}" is a pattern storyfeed does not fill; the story's URL follows \`storyPath\` (give \`url\` to set it)`,
          {
            file,
            line: lineOf('permalink'),
          },
        ),
      );
    }
  }
  // Jekyll's `excerpt` (what jekyll-feed publishes as the summary), else the page description most generators
  // write (Hugo, Jekyll, Eleventy, Astro), is the summary when there is none.
  // What another generator keeps there that is no text (jekyll-import's `excerpt: !ruby/object:Hpricot::Doc`, a
  // mapping, from old WordPress exports) is named, not read: the summary is then taken from the text.
  const otherText = (key: string): string | undefined => {
    const v = own(key);
    if (v === undefined || v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return text(key);
    options.onWarning?.(warning('W_UNKNOWN_FIELD', `front matter \`${written(key)}\` is not read: expected text, found ${describeValue(v)}`, { file, line: lineOf(key) }));
    return undefined;
  };
  const otherSummary = meta.summary === undefined ? firstOf(SUMMARY_NAMES.slice(1), otherText) : undefined;
  if (otherSummary !== undefined) {
    meta.summary = otherSummary.value;
    aliased.add('summary');
    unread(SUMMARY_NAMES, otherSummary.key);
  }
  // Astro's `heroImage`, and the first of Hugo's `images`, when there is no `image`; then a cover image: DEV's
  // `cover_image`, `coverImage` (Next.js's blog starter, wordpress-export-to-markdown), `cover` (a URL, or a
  // mapping with `image` as Hugo's PaperMod theme writes it), then a Hugo theme's featured image (Ananke's
  // `featured_image`, LoveIt's `featuredImage`), given as a URL (another value is named, not read).
  const images = own('images');
  const cover = own('image') == null && own('heroImage') == null && images == null ? COVER_NAMES.find((key) => given(key)) : undefined;
  if (cover !== undefined) {
    const value = own(cover);
    const url = typeof value === 'string' ? value : imageMappingUrl(value, ['image', ...IMAGE_MAPPING_URL]);
    if (url !== undefined && url.trim() !== '') {
      meta.image = url.trim();
      aliased.add('image');
    } else {
      options.onWarning?.(
        warning('W_UNKNOWN_FIELD', `front matter \`${written(cover)}\` is not read: expected an image's URL, found ${describeValue(value)}`, { file, line: lineOf(cover) }),
      );
    }
    unread(COVER_NAMES, cover);
  }
  const imageKey = own('image') != null ? 'image' : own('heroImage') != null ? 'heroImage' : 'images';
  const image = imageKey === 'images' ? (Array.isArray(images) ? images[0] : images) : own(imageKey);
  if (imageKey !== 'image' && image !== undefined && image !== null) aliased.add('image');
  if (image !== undefined && image !== null) {
    const url = typeof image === 'string' ? image.trim() : imageMappingUrl(image, IMAGE_MAPPING_URL)?.trim();
    if (url === undefined) fail(imageKey, notAnImage(image));
    // A mapping whose URL is left blank (a theme's template, unfilled) gives no image.
    else if (url !== '' || typeof image === 'string') meta.image = url;
    unread([...IMAGE_NAMES, ...COVER_NAMES], imageKey);
  }
  // Jekyll's Chirpy theme's folder of the post's images (`media_subpath`, before its 7.0 `img_path`), written before
  // each image's path (see `media-folder.ts`). Not read before: a value that names no folder is named, not read.
  const mediaSubpath = (key: string): string | undefined => {
    const v = own(key);
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
    const notRead = (detail: string): undefined => {
      options.onWarning?.(warning('W_UNKNOWN_FIELD', `front matter \`${written(key)}\` is not read: ${detail}`, { file, line: lineOf(key) }));
      return undefined;
    };
    if (typeof v !== 'string') return notRead(`expected the path of a folder from the site's root, found ${describeValue(v)}`);
    if (!mediaFolderUrl(v, PATH_BASE).ok) return notRead(`"${v.trim()}" must be the path of a folder from the site's root, or an http(s) URL without a user name or password`);
    return v.trim();
  };
  const subpath = firstOf(MEDIA_SUBPATH_NAMES, mediaSubpath);
  if (subpath !== undefined) {
    meta.mediaSubpath = subpath.value;
    unread(MEDIA_SUBPATH_NAMES, subpath.key);
  }
  // A path to a source image (Astro's `heroImage: '../../assets/cover.jpg'`, read from the Markdown file, or one
  // through a bundler's import alias: see `sourceFilePath`) is published under a name its pipeline gives it (Astro's
  // `/_astro/cover.a1b2c3.jpg`) that cannot be told from the path; resolved against the story's URL it named a file no
  // site publishes. It is named, not read. Within a Chirpy media folder a path is one on the site.
  const imageFrom = cover ?? imageKey;
  const sourcePath = meta.image !== undefined && meta.mediaSubpath === undefined ? sourceFilePath(meta.image, imageFrom) : undefined;
  if (meta.image !== undefined && sourcePath !== undefined) {
    options.onWarning?.(
      warning(
        'W_UNKNOWN_FIELD',
        `front matter \`${written(imageFrom)}\` "${meta.image.slice(0, 80)}" is not read: a path to a source image (${sourcePath}) is not the image's address, which the site generator gives it (Astro's has a hash in its name, under /_astro/) and storyfeed cannot know; give its published URL, or its path from the site's root (/images/cover.jpg)`,
        { file, line: lineOf(imageFrom) },
      ),
    );
    delete meta.image;
  }
  // A podcast episode's files and details, as a plain item gives them (see the README's podcasts): checked here,
  // where their lines are known, against a stand-in address; the story's URL resolves the URLs as written.
  const fileKey = given('enclosures') ? 'enclosures' : given('enclosure') ? 'enclosure' : undefined;
  if (fileKey !== undefined) {
    const value = own(fileKey);
    const files = fileKey === 'enclosure' && !Array.isArray(value) ? [value] : value;
    meta.enclosures = itemField(fileKey, written(fileKey), () => readEnclosures(files, fileKey, CHECK_BASE) ?? [], fail, files !== value).map((enclosure, i) => ({
      ...enclosure,
      url: writtenUrl((files as Record<string, unknown>[])[i]!.url),
    }));
    unread(['enclosures', 'enclosure'], fileKey);
  }
  if (given('episode')) {
    const value = own('episode') as Record<string, unknown>;
    const episode = itemField('episode', written('episode'), () => readEpisode(value, 'episode', CHECK_BASE) ?? {}, fail);
    if (episode.image !== undefined) episode.image = writtenUrl(value.image);
    if (episode.transcripts) episode.transcripts = episode.transcripts.map((t, i) => ({ ...t, url: writtenUrl((value.transcripts as Record<string, unknown>[])[i]!.url) }));
    if (episode.chapters) episode.chapters = { ...episode.chapters, url: writtenUrl((value.chapters as Record<string, unknown>).url) };
    meta.episode = episode;
  }
  const draft = own('draft');
  if (draft !== undefined && draft !== null) {
    const flag = flagValue(draft);
    if (flag !== undefined) meta.draft = flag;
    else fail('draft', `expected true or false, found ${describeValue(draft)}`);
  }
  // Unpublished is never published, whatever `draft` says (a sidecar's own `draft` still does).
  if (unpublished) {
    meta.draft = true;
    aliased.add('draft');
  }
  // Eleventy's ways to keep a page out of a site's feeds (out of its collections, or no page at all), and
  // Docusaurus's unlisted post. Each is named in a warning, as a draft's title is later, so that a post
  // missing from the feeds says why.
  for (const [key, value, why] of UNLISTED_FLAGS) {
    if (own(key) !== value) continue;
    // Hugo reads `headless` on a leaf bundle's index (`my-post/index.md`) only.
    if (key === 'headless' && file !== undefined && !BUNDLE_INDEX.test(file)) continue;
    meta.draft = true;
    aliased.add('draft');
    options.onWarning?.(warning('W_DRAFT', `front matter \`${written(key)}: ${value}\` ${why}: it is read as a draft and left out of the feeds`, { file, line: lineOf(key) }));
  }
  const unlistedBuild = BUILD_OPTION_NAMES.flatMap((key) => {
    const build = plainMapping(own(key));
    const option = build && UNLISTED_BUILD_OPTIONS.find((name) => UNLISTED_BUILD_VALUES.includes(build[name]));
    return option === undefined ? [] : [{ key, option, value: build![option] }];
  })[0];
  if (unlistedBuild !== undefined) {
    const { key, option, value } = unlistedBuild;
    meta.draft = true;
    aliased.add('draft');
    options.onWarning?.(
      warning(
        'W_DRAFT',
        `front matter \`${written(key)}.${option}: ${value}\` means Hugo leaves the page out of its page collections, which its feeds are made from: it is read as a draft and left out of the feeds`,
        { file, line: lineOf(key) },
      ),
    );
  }
  // A `status` saying the post is not for readers, as Pelican, WordPress (its posts as jekyll-import writes them) and
  // Ghost write it: read as a draft, named in a warning as the flags above are (any other status is not read).
  const status = own('status');
  if (typeof status === 'string' && UNPUBLISHED_STATUSES.has(status.trim().toLowerCase())) {
    meta.draft = true;
    aliased.add('draft');
    options.onWarning?.(
      warning('W_DRAFT', `front matter \`${written('status')}: ${status.trim()}\` keeps the post out of its site's feeds: it is read as a draft and left out of the feeds`, {
        file,
        line: lineOf('status'),
      }),
    );
  }
  const year = own('year');
  if (year !== undefined && year !== null) {
    const y = typeof year === 'string' ? Number(year) : year;
    if (typeof y !== 'number' || !Number.isInteger(y) || y < 1 || y > 9999) fail('year', `expected a four-digit year, found ${describeValue(year)}`);
    meta.year = y as number;
  }
  // Jekyll's own summary divider for this post (its default, a blank line, is the lede storyfeed takes anyway).
  const separator = own('excerpt_separator');
  if (separator !== undefined && separator !== null) {
    if (typeof separator !== 'string') fail('excerpt_separator', `expected text, found ${describeValue(separator)}`);
    const line = (separator as string).trim();
    if (line !== '' && !line.includes('\n')) meta.excerptSeparator = line;
  }
  for (const [key, read] of casedOut) {
    options.onWarning?.(warning('W_UNKNOWN_FIELD', `front matter \`${key}\` is not read: \`${read}\` is given too and is read instead`, { file, line: options.lineOf?.(key) }));
  }
  let unknown = 0;
  for (const key of Object.keys(value)) {
    if (KNOWN_FIELDS.has(key) || FIELD_BY_LOWER_CASE.has(key.toLowerCase())) continue;
    // Spelling suggestions for the first few unknown keys only: 100,000 keys must not cost 100,000 edit-distance searches.
    if (++unknown > MAX_SPELLING_CHECKS) break;
    const near = didYouMean(key, KNOWN_FIELDS);
    if (near) options.onWarning?.(warning('W_UNKNOWN_FIELD', `front matter \`${key}\` is not a storyfeed field; did you mean \`${near}\`?`, { file, line: lineOf(key) }));
  }
  for (const key of options.otherNames ?? []) if (Object.hasOwn(meta, key)) aliased.add(key);
  // Fields read from Hugo's `params` are another generator's names for them.
  for (const key of fromParams) if (Object.hasOwn(meta, key)) aliased.add(key);
  if (aliased.size > 0) ALIASED.set(meta, aliased);
  return meta;
}

/**
 * A field's names in the order they are read: storyfeed's own first, then other generators' (Astro's `pubDate`
 * and `updatedDate`, Hugo's `publishDate`, `lastmod` and `images`, jekyll-last-modified-at's `last_modified_at`,
 * `published_at`, as DEV's and Ghost's articles name the date they were published when exported, `datePublished`,
 * as Hashnode's backup to GitHub writes it, and `pubDatetime` and `modDatetime`, as the AstroPaper theme's posts do).
 */
const DATE_NAMES = ['date', 'published', 'pubDate', 'publishDate', 'published_at', 'datePublished', 'pubDatetime'];

/**
 * A flag's value: a boolean, or a word YAML 1.1 reads as one (`yes`, `no`, `on`, `off`, `y`, `n`, `true`,
 * `false`, in any of its cases). Jekyll and Hugo read YAML 1.1, where `published: no` keeps a post
 * unpublished; the YAML 1.2 reader here gives the word, which must not publish the post (or name a date).
 */
function flagValue(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  return YAML11_FLAGS.get(value);
}

const YAML11_FLAGS = new Map<string, boolean>(
  ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']
    .map((word): [string, boolean] => [word, true])
    .concat(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((word): [string, boolean] => [word, false])),
);
const UPDATED_NAMES = ['updated', 'modified', 'lastmod', 'updatedDate', 'last_modified_at', 'modDatetime'];
/** The names of the time a story stops being published, as Hugo reads them (in any letter case): its `expiryDate`, then its other name. */
const EXPIRY_NAMES = ['expiryDate', 'unpublishdate'];
const AUTHOR_NAMES = ['authors', 'author'];
/** The names of a story's tags: all are read, together. */
const TAG_NAMES = ['tags', 'categories', 'category', 'tag'];
/** The names of {@link TAG_NAMES} a string of which is one name: Jekyll's (and Hexo's and Pelican's) `category`, and Jekyll's `tag`. */
const ONE_NAME_TAGS: ReadonlySet<string> = new Set(['category', 'tag']);
/** Zola's taxonomies that are the story's tags. */
const ZOLA_TAG_TAXONOMIES = ['tags', 'categories'];
const URL_NAMES = ['url', 'permalink'];
const SUMMARY_NAMES = ['summary', 'excerpt', 'description'];
const IMAGE_NAMES = ['image', 'heroImage', 'images'];
/** The names of a story's language: storyfeed's, then Jekyll's (which jekyll-feed and jekyll-seo-tag read). */
const LANGUAGE_NAMES = ['language', 'lang'];
/**
 * A post's cover image, read after {@link IMAGE_NAMES}: DEV's, Next.js's blog starter's and wordpress-export-to-markdown's,
 * `cover`, then a featured image as Hugo's themes name it (Ananke's `featured_image`, LoveIt's and FixIt's `featuredImage`).
 */
const COVER_NAMES = ['cover_image', 'coverImage', 'cover', 'featured_image', 'featuredImage'];

/**
 * The names an image's URL has in the mapping generators write for an image with its alt text: Astro's tutorial
 * `{url, alt}`, Jekyll's Chirpy theme `{path, alt, lqip}` (which jekyll-seo-tag reads too), and `{src, alt}` as Astro
 * themes write a cover image.
 */
const IMAGE_MAPPING_URL = ['url', 'path', 'src'];

/**
 * The URL a mapping gives an image under the first of `names` that holds text; `''` when it names one of them
 * with nothing in it (a theme's template left unfilled, `image: {path: , alt: }`); else `undefined` (also for no mapping).
 */
function imageMappingUrl(value: unknown, names: readonly string[]): string | undefined {
  const mapping = plainMapping(value);
  if (mapping === undefined) return undefined;
  let blank: string | undefined;
  for (const name of names) {
    const url = mapping[name];
    if (typeof url === 'string' && url.trim() !== '') return url;
    if (Object.hasOwn(mapping, name) && (url === null || url === undefined || (typeof url === 'string' && url.trim() === ''))) blank = '';
  }
  return blank;
}

/** Why `image`, given as a story's image (`image`, `heroImage`, the first of `images`), is none. */
function notAnImage(image: unknown): string {
  return `expected a URL, or a mapping with its \`url\`, \`path\` or \`src\`, found ${describeValue(image)}`;
}

/**
 * Why the value `value` of a field of {@link PARAMS_FIELDS} under its name `name` (as storyfeed writes it) in theme data
 * cannot be read as {@link readMeta} reads it at the top level, or `undefined` when it can (an empty value gives nothing).
 * A cover image's name (see {@link COVER_NAMES}) is never one: what it cannot read there is named where it is read.
 */
function themeDataProblem(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (AUTHOR_NAMES.includes(name)) {
    try {
      readAuthors(value, name, (_, detail) => {
        throw new StoryfeedError('E_FIELD', detail);
      });
    } catch (error) {
      if (!(error instanceof StoryfeedError)) throw error;
      return error.detail;
    }
    return undefined;
  }
  if (!IMAGE_NAMES.includes(name)) return undefined;
  const image = name === 'images' && Array.isArray(value) ? value[0] : value;
  if (image === undefined || image === null || typeof image === 'string') return undefined;
  return imageMappingUrl(image, IMAGE_MAPPING_URL) === undefined ? notAnImage(image) : undefined;
}

/** The mappings a generator keeps the fields it leaves to themes in: Hugo's page parameters, Zola's page data. */
const THEME_DATA_NAMES = ['params', 'extra'];

/**
 * The fields read from Hugo's page parameters (`params`, or Zola's `extra`, see {@link THEME_DATA_NAMES}) when the page gives none of their names at the top level: those
 * Hugo does not define itself but leaves to its themes (an author, an image), by their names and the {@link SeedMeta}
 * field they give. Hugo's own fields (title, dates, summary, tags, draft, slug, url) are read at the top level only, as Hugo
 * reads them.
 */
const PARAMS_FIELDS: readonly { names: readonly string[]; field: keyof SeedMeta }[] = [
  { names: AUTHOR_NAMES, field: 'authors' },
  { names: [...IMAGE_NAMES, ...COVER_NAMES], field: 'image' },
];

/** The names of a Chirpy post's media folder: Chirpy's (7.0 and later), then its earlier name. */
const MEDIA_SUBPATH_NAMES = ['media_subpath', 'img_path'];

/**
 * Why a front matter image's address is a path to a source file, not an address on the site, or `undefined`:
 * Astro's `heroImage` given as a relative path (`../../assets/cover.jpg`, `./cover.jpg`), which Astro's `image()`
 * reads from the Markdown file and publishes under a name of its own; or any image's path through a bundler's
 * import alias (`~/assets/cover.jpg`, `@/assets/cover.jpg`, `@assets/cover.jpg`). Other relative paths are read against the story's
 * address, as before (a page bundle's `cover.jpg`, `../img/x.png` under a story's URL).
 */
function sourceFilePath(address: string, key: string): string | undefined {
  const alias = importAliasOf(address);
  if (alias !== undefined) return `through the import alias \`${alias}\``;
  if (key === 'heroImage' && isPagePath(address)) return "relative to the Markdown file, as Astro's `image()` reads it";
  return undefined;
}

/** The date names of other generators, which a sidecar's own field overrides (see {@link mergeSidecarMeta}). */
const OTHER_NAMES = new Set(['pubDate', 'publishDate', 'published_at', 'datePublished', 'pubDatetime', 'lastmod', 'updatedDate', 'last_modified_at', 'modDatetime']);

/**
 * Other generators' fields that keep a page out of their feeds (read only as YAML's `true` and `false`, as they read
 * them), and why: Eleventy's, and Docusaurus's `unlisted` (a post only a direct link reaches, left out of its feed).
 */
const UNLISTED_FLAGS: readonly [string, boolean, string][] = [
  ['eleventyExcludeFromCollections', true, "keeps the page out of Eleventy's collections, which its feeds are made from"],
  ['unlisted', true, "keeps the post out of the blog's lists and feed, as Docusaurus reads it (only a direct link reaches it)"],
  ['permalink', false, 'means Eleventy writes no page for it'],
  ['headless', true, 'means Hugo renders no page for the bundle and leaves it out of its page collections, which its feeds are made from'],
];

/** A leaf bundle's index file, as Hugo names it: `index.md`, or a translation's, `index.fr.md`. */
const BUNDLE_INDEX = /(?:^|[\\/])index(?:\.[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)?\.[^.\\/]+$/i;

/**
 * Hugo's build options (`build`, or `_build` as Hugo named them before), and the values of each that leave a page out of
 * every page collection, which Hugo's feeds are made from: `list: never` (`false` before Hugo 0.57), `render: never`
 * (`false` before Hugo 0.76). `list: local` and `render: link` keep it in some collections, and are not read.
 */
const BUILD_OPTION_NAMES = ['build', '_build'];
const UNLISTED_BUILD_OPTIONS: readonly string[] = ['list', 'render'];
const UNLISTED_BUILD_VALUES: readonly unknown[] = ['never', false];

/**
 * The values of a `status` field that keep a post out of its site's feeds, as the generators and CMSs whose posts are
 * kept in Markdown write them: Pelican's `draft` and `hidden`, WordPress's `draft`, `pending` (awaiting review) and
 * `private`, Ghost's `draft`.
 */
const UNPUBLISHED_STATUSES: ReadonlySet<string> = new Set(['draft', 'hidden', 'pending', 'private']);

/** Eleventy's dates taken from the file: "Last Modified", "Created", "git Last Modified", "git Created". */
const ELEVENTY_FILE_DATE = /^\s*(?:git\s+)?(?:last\s+modified|created)\s*$/i;

/** The fields of a {@link SeedMeta} that {@link readMeta} set from another generator's name for them. */
const ALIASED = new WeakMap<SeedMeta, ReadonlySet<keyof SeedMeta>>();

/** `true` when {@link readMeta} set `field` from storyfeed's own name for it (`summary`, not `description`). */
export function readUnderOwnName(meta: SeedMeta, field: keyof SeedMeta): boolean {
  return Object.hasOwn(meta, field) && ALIASED.get(meta)?.has(field) !== true;
}

/**
 * A seed's metadata over its sidecar's, field by field: the seed's own fields win, but a field the seed gives only
 * under another generator's name (`description`, `pubDate`, `permalink`, `published: false`, …) does not override
 * the same field the sidecar gives under storyfeed's name.
 */
export function mergeSidecarMeta(sidecar: SeedMeta, seed: SeedMeta): SeedMeta {
  const merged: SeedMeta = { ...sidecar, ...seed };
  const fromSeed = ALIASED.get(seed);
  if (!fromSeed) return merged;
  const fromSidecar = ALIASED.get(sidecar);
  const out = merged as Record<keyof SeedMeta, unknown>;
  for (const key of fromSeed) if (Object.hasOwn(sidecar, key) && !fromSidecar?.has(key)) out[key] = sidecar[key];
  return merged;
}

/** Unknown front matter keys checked for a likely misspelling of a storyfeed field. */
const MAX_SPELLING_CHECKS = 100;

const KNOWN_FIELDS = new Set([
  'title',
  'date',
  'published',
  'pubDate',
  'publishDate',
  'published_at',
  'datePublished',
  'pubDatetime',
  'updated',
  'modified',
  'lastmod',
  'updatedDate',
  'last_modified_at',
  'modDatetime',
  'expiryDate',
  'unpublishdate',
  'description',
  'excerpt',
  'permalink',
  'heroImage',
  'images',
  'cover_image',
  'coverImage',
  'cover',
  'featured_image',
  'featuredImage',
  'author',
  'authors',
  'tags',
  'categories',
  'category',
  'tag',
  'url',
  'id',
  'slug',
  'image',
  'summary',
  'language',
  'lang',
  'draft',
  'eleventyExcludeFromCollections',
  'unlisted',
  'headless',
  'build',
  '_build',
  'status',
  'year',
  'excerpt_separator',
  'taxonomies',
  'enclosures',
  'enclosure',
  'episode',
  'media_subpath',
  'img_path',
]);

/** The fields storyfeed reads ({@link KNOWN_FIELDS}), by their names in lower case. */
const FIELD_BY_LOWER_CASE = new Map([...KNOWN_FIELDS].map((field) => [field.toLowerCase(), field]));

type Fail = (key: string, detail: string) => never;

/** The address a podcast field's relative URLs are checked against; the story's URL resolves them (see {@link SeedMeta.enclosures}). */
const CHECK_ORIGIN = 'https://story.invalid';
const CHECK_BASE = `${CHECK_ORIGIN}/~story~/`;

/**
 * A podcast field read by the plain item's reader, its problem given as the front matter's: `E_FIELD`
 * naming the key (and the path within it) on the key's line.
 */
function itemField<T>(key: string, shown: string, readField: () => T, fail: (path: string, detail: string, code: 'E_FIELD', lineKey: string) => never, single = false): T {
  try {
    return readField();
  } catch (error) {
    if (!(error instanceof StoryfeedError) || error.code !== 'E_ITEM') throw error;
    // The item's message is the path, then what is wrong with it; a single `enclosure` was read as a list of one.
    const space = error.detail.indexOf(' ');
    const given = space < 0 ? key : error.detail.slice(0, space);
    const within = single && given.startsWith(`${key}[0]`) ? given.slice(key.length + 3) : given.slice(key.length);
    // A relative URL the message quotes was resolved against the stand-in address: it is shown as written (`art.webp`, `/art.webp`).
    return fail(
      `${shown}${within}`,
      error.detail
        .slice(space + 1)
        .replaceAll(CHECK_BASE, '')
        .replaceAll(CHECK_ORIGIN, ''),
      'E_FIELD',
      key,
    );
  }
}

/** A URL as the front matter writes it (one the plain item's reader took). */
function writtenUrl(value: unknown): string {
  return String(value).trim();
}

/** `value` when it is a mapping (a plain object, not a list or a date), else `undefined`. */
function plainMapping(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) ? (value as Record<string, unknown>) : undefined;
}

function readAuthors(value: unknown, key: string, fail: Fail): Author[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length > MAX_STORY_AUTHORS) fail(key, tooManyOf('authors', list.length));
  const authors: Author[] = [];
  list.forEach((entry, i) => {
    const where = Array.isArray(value) ? `item ${i + 1}: ` : '';
    if (typeof entry === 'string') {
      if (!entry.trim()) return;
      const author = parseAuthorString(entry);
      if (author.email !== undefined) author.email = feedEmail(author.email, key, where, fail);
      authors.push(author);
      return;
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) fail(key, `${where}expected a name or {name, email, url}, found ${describeValue(entry)}`);
    const o = entry as Record<string, unknown>;
    const name = o.name ?? wordpressAuthorName(o);
    if (typeof name !== 'string' || !name.trim()) fail(key, `${where}an author needs a \`name\``);
    const author: Author = { name: (name as string).trim() };
    for (const field of ['email', 'url'] as const) {
      const v = o[field];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'string') fail(key, `${where}\`${field}\` must be text, found ${describeValue(v)}`);
      if ((v as string).trim()) author[field] = (v as string).trim();
    }
    if (author.url !== undefined) {
      const url = httpUrl(author.url);
      if (url === undefined) fail(key, `${where}\`url\` "${author.url}" must be an absolute http(s) URL without a user name or password`);
      author.url = url;
    }
    if (author.email) author.email = feedEmail(author.email, key, where, fail);
    authors.push(author);
  });
  return authors;
}

/**
 * The name of an author as jekyll-import writes a WordPress post's (`{login, email, display_name, first_name,
 * last_name}`, with no `name`): the name WordPress displays, else the first and last names, else the login;
 * `undefined` when it gives none of them.
 */
function wordpressAuthorName(author: Record<string, unknown>): string | undefined {
  const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
  return textOf(author.display_name) || [textOf(author.first_name), textOf(author.last_name)].filter(Boolean).join(' ') || textOf(author.login) || undefined;
}

/** An author's email as feeds carry it (its domain in ASCII), or a problem saying what feeds accept. */
function feedEmail(email: string, key: string, where: string, fail: Fail): string {
  return feedEmailAddress(email) ?? fail(key, `${where}"${email}" ${NOT_A_FEED_EMAIL}`);
}

/** `value` as a normalized absolute http(s) URL, else `undefined` (no `javascript:`, `data:`, relative links or credentials). */
function httpUrl(value: string): string | undefined {
  const parsed = parseHttpUrl(value);
  return parsed.ok ? feedHref(parsed.url) : undefined;
}

/**
 * A copy of a parsed YAML or JSON value, `depth` levels deep (the levels storyfeed reads), with
 * the characters XML forbids removed from its strings; what was removed is added to `removed`.
 * Copies are made with own properties only, so a `__proto__` key stays a plain key.
 */
function withoutIllegalChars(value: unknown, removed: string[], depth: number): unknown {
  if (typeof value === 'string') {
    const clean = removeIllegalXmlChars(value);
    for (const ch of clean.removed) removed.push(ch);
    return clean.text;
  }
  if (depth === 0 || typeof value !== 'object' || value === null || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => withoutIllegalChars(v, removed, depth - 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutIllegalChars(v, removed, depth - 1)]));
}

/**
 * Tags from a list (lists within it, as Hexo writes categories, give their names), or from a string: split at its
 * commas, or, with `words` (a Jekyll post) and no comma in it, at its white space (Ruby's `split`, which Jekyll uses:
 * ASCII white space only), or, with `'whole'` (a `category`), one name.
 */
function readTags(value: unknown, key: string, fail: Fail, words: boolean | 'whole' = false): string[] {
  const list =
    typeof value === 'string'
      ? words === 'whole'
        ? [value]
        : value.split(words && !value.includes(',') ? /[ \t\n\v\f\r]+/ : ',')
      : Array.isArray(value)
        ? // Hexo's categories in lists of their own (`- [Sports, Baseball]`, a hierarchy each): each name is a tag.
          value.flatMap((t: unknown) => (Array.isArray(t) ? t : [t]))
        : fail(key, `expected a list or a comma-separated string, found ${describeValue(value)}`);
  if ((list as unknown[]).length > MAX_STORY_TAGS) fail(key, tooManyOf('tags', (list as unknown[]).length));
  const tags: string[] = [];
  for (const given of list as unknown[]) {
    // A tag as a mapping names itself by its `label` (Docusaurus's `{label, permalink}`) or its `name`.
    const mapping = plainMapping(given);
    const t = mapping === undefined ? given : typeof mapping.label === 'string' ? mapping.label : mapping.name;
    if (typeof t === 'number' || typeof t === 'boolean') tags.push(String(t));
    else if (typeof t === 'string') {
      if (t.trim()) tags.push(t.trim());
    } else fail(key, `each tag must be text or a mapping with its \`label\`, found ${describeValue(given)}`);
  }
  return tags;
}

/** Spaces pasted text carries that YAML does not read as one: no-break, narrow and ideographic spaces, and the like. */
const ODD_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]/;

/**
 * A hint for a YAML error at `offset` (in `yaml`) whose line holds a space YAML does not read as one
 * (a no-break space after `title:`, pasted from a web page or a word processor, makes YAML's message about
 * keys and values that do not say why); empty when it holds none.
 */
function oddSpaceHint(yaml: string, offset: number): string {
  const start = yaml.lastIndexOf('\n', offset - 1) + 1;
  const end = yaml.indexOf('\n', offset);
  const odd = ODD_SPACE.exec(yaml.slice(start, end < 0 ? yaml.length : end))?.[0];
  if (odd === undefined) return '';
  const name = odd === '\u00a0' ? 'a no-break space' : odd === '\ufeff' ? 'a byte-order mark' : 'a space of another kind';
  return ` (the line holds ${name}, ${codePointName(odd)}, which YAML does not read as a space: pasted text often carries one; type a plain space instead)`;
}
