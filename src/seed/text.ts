import { StoryfeedError, type Diagnostic } from '../errors.js';
import { showsNothing, withoutInvisibleEdges } from '../white-space.js';
import type { Author, Block, Section } from '../types.js';
import type { SeedArticle, SeedDateline } from './article.js';
import { MONTH_PATTERN, monthNumber } from './dates.js';
import { withWindows1252Characters } from './decode.js';
import { parseFrontMatter, splitFrontMatter } from './front-matter.js';

/** Options for reading a plain-text seed. */
export interface TextSeedOptions {
  /** File name for messages. */
  file?: string;
  /** IANA time zone for front-matter dates without an offset. */
  timeZone?: string;
  /** Receives non-fatal problems. */
  onWarning?: (d: Diagnostic) => void;
  /**
   * The site's address, which Jekyll's `{{ site.url }}`, `{{ site.baseurl }}` and `relative_url` in a
   * Markdown link stand for (see `template-links.ts`); without it, the site's root (`/`).
   */
  siteUrl?: string;
  /** The seed size cap, which also caps the Markdown's lines, marks of markup, table cells and HTML attributes (see `structure-limit.ts`); default 5 MB. */
  maxSeedBytes?: number;
  /** Whether the file lies in a Jekyll `_posts` folder (read as Jekyll reads a post); without it, `file` says. */
  jekyllPost?: boolean;
}

/**
 * Normalizes line endings (CRLF, CR), makes paragraph separators (U+2029) paragraph breaks, reads C1
 * controls as the Windows-1252 characters they stand for, removes a byte-order mark, turns tabs and
 * other horizontal spaces into plain spaces and trims trailing spaces.
 * A line separator (U+2028, a soft line break) stays in its line: it breaks no paragraph.
 */
export function normalizeText(text: string): string {
  const spaced = withParagraphBreaks(
    withWindows1252Characters(text)
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n'),
  ).replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
  // Not `/ +$/gm`: that retries at every space of a long run that does not end a line, quadratic in the run.
  const lines = spaced.split('\n');
  for (let i = 0; i < lines.length; i++) lines[i] = withoutTrailingSpaces(lines[i]!);
  return lines.join('\n');
}

/** A blank line: two line breaks with nothing but white space between them. */
const BLANK_LINE = /\n[^\S\n]*\n/;

/**
 * `text` (its line breaks already `\n`) with each paragraph separator (U+2029, what Pages, TextEdit and
 * InDesign end a paragraph with) made the paragraph break the file already uses: a blank line where
 * paragraphs are separated by blank lines, else a line break (one paragraph a line), a run of them one.
 */
function withParagraphBreaks(text: string): string {
  if (!text.includes('\u2029')) return text;
  return BLANK_LINE.test(text) ? text.replace(/\u2029/g, '\n\n') : text.replace(/\u2029\s*/g, '\n');
}

/** `line` without the plain spaces at its end, in one backward scan. */
function withoutTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 0x20) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** A line of the body with its 1-based line number in the file. */
interface SourceLine {
  text: string;
  line: number;
  indented: boolean;
}

/** A paragraph, heading or list item before it is put into sections. */
type Unit = { kind: 'paragraph'; text: string; line: number } | { kind: 'heading'; text: string; line: number } | { kind: 'item'; ordered: boolean; text: string; line: number };

/**
 * Reads a plain-text seed: optional YAML front matter, the headline on the first line, an optional
 * byline and dateline, then paragraphs (one per line, or separated by blank lines), subheadings
 * (short lines with no closing punctuation) and `- ` / `1.` lists.
 */
export function readTextSeed(raw: string, options: TextSeedOptions = {}): SeedArticle {
  const { file } = options;
  const text = normalizeText(raw);
  const fm = splitFrontMatter(text, file);
  const meta = parseFrontMatter(fm, {
    file,
    timeZone: options.timeZone,
    onWarning: options.onWarning,
    ...(options.jekyllPost !== undefined ? { jekyllPost: options.jekyllPost } : {}),
  });
  const lines: SourceLine[] = fm.body.split('\n').map((t, i) => ({ text: collapseSpaces(t), line: fm.bodyLine + i, indented: startsWithSpace(t) }));

  const titleAt = lines.findIndex((l) => l.text !== '');
  if (titleAt < 0) {
    if (meta.title) throw new StoryfeedError('E_NO_BODY', `"${meta.title}" has front matter but no text under it`, { file, line: fm.bodyLine });
    throw new StoryfeedError('E_EMPTY', raw.length === 0 ? 'the file is empty' : 'the file holds only whitespace', { file, line: 1 });
  }
  const headline = lines[titleAt]!.text.replace(/^#+\s+/, '');
  let rest = lines.slice(titleAt + 1);

  let byline: Author[] = [];
  const firstBody = rest.find((l) => l.text !== '');
  if (firstBody) {
    const names = parseByline(firstBody.text);
    if (names) {
      byline = names;
      rest = rest.filter((l) => l !== firstBody);
    }
  }
  if (!rest.some((l) => l.text !== '')) {
    throw new StoryfeedError('E_NO_BODY', `"${headline}" has a headline but no body`, { file, line: lines[titleAt]!.line });
  }

  const units = toUnits(rest);
  const article: SeedArticle = { kind: 'text', meta, title: headline, byline, sections: toSections(units) };
  if (file !== undefined) article.file = file;
  const lede = units.find((u) => u.kind === 'paragraph');
  const dateline = lede ? parseDateline(lede.text) : undefined;
  if (dateline) article.dateline = dateline;
  return article;
}

function collapseSpaces(line: string): string {
  // Most lines have no run of spaces: they are only trimmed (one regular expression a line fewer).
  const text = (line.includes('  ') ? line.replace(/ {2,}/g, ' ') : line).trim();
  // A line of nothing but invisible characters (a zero-width space, a byte-order mark) is a blank line, not a headline or paragraph.
  return showsNothing(text) ? '' : withoutInvisibleEdges(text);
}

/** `/^\s/.test(line)`, without the regular expression for a line that starts with a visible ASCII character. */
function startsWithSpace(line: string): boolean {
  const c = line.charCodeAt(0);
  return c > 0x20 && c < 0x7f ? false : /^\s/.test(line);
}

// The white space after a list marker is the whole run (`(?!\s)`): a line that cannot match (a line
// separator in it) is given up at once, not tried again from every shorter run (quadratic).
const BULLET = /^[-*•]\s+(?!\s)(.*)$/;
const NUMBERED = /^\d{1,3}[.)]\s+(?!\s)(.*)$/;

/** Splits body lines into units: one per line, or one per blank-line-separated block. */
function toUnits(lines: SourceLine[]): Unit[] {
  const body = trimBlank(lines);
  // A blank line anywhere after the headline (before its last text line) means blocks are separated by blank lines, and lines within a block are wrapped text.
  let lastText = lines.length - 1;
  while (lastText >= 0 && lines[lastText]!.text === '') lastText--;
  let blockMode = false;
  for (let i = 0; i < lastText && !blockMode; i++) blockMode = lines[i]!.text === '';
  const groups: SourceLine[][] = [];
  if (blockMode) {
    let current: SourceLine[] = [];
    for (const l of body) {
      if (l.text === '') {
        if (current.length) groups.push(current);
        current = [];
      } else current.push(l);
    }
    if (current.length) groups.push(current);
  } else {
    // Line mode: every line is its own unit, read from one group (no array per line).
    groups.push(body);
  }

  const units: Unit[] = [];
  for (const group of groups) {
    let start = 0;
    if (blockMode && group.length > 1 && isHeadingLine(group[0]!.text) && looksLikeHeadingOverBlock(group)) {
      units.push({ kind: 'heading', text: group[0]!.text, line: group[0]!.line });
      start = 1;
    }
    let paragraph: SourceLine[] = [];
    const flush = (): void => {
      if (paragraph.length) units.push({ kind: 'paragraph', text: paragraph.map((p) => p.text).join(' '), line: paragraph[0]!.line });
      paragraph = [];
    };
    for (let k = start; k < group.length; k++) {
      const l = group[k]!;
      // A list item starts with its bullet or a digit: other lines are not matched against either.
      const lead = l.text.charCodeAt(0);
      const bullet = lead === 0x2d || lead === 0x2a || lead === 0x2022 ? BULLET.exec(l.text) : null;
      const numbered = bullet || !(lead >= 0x30 && lead <= 0x39) ? null : NUMBERED.exec(l.text);
      const last = units[units.length - 1];
      if (bullet || numbered) {
        flush();
        units.push({ kind: 'item', ordered: !bullet, text: (bullet ?? numbered)![1]!.trim(), line: l.line });
      } else if (blockMode && paragraph.length === 0 && last?.kind === 'item' && l.indented) {
        last.text = `${last.text} ${l.text}`;
      } else if (blockMode) {
        paragraph.push(l);
      } else {
        units.push({ kind: 'paragraph', text: l.text, line: l.line });
      }
    }
    flush();
  }
  // A short unpunctuated paragraph is a subheading when more content follows it.
  for (let i = 0; i < units.length - 1; i++) {
    const u = units[i]!;
    if (u.kind === 'paragraph' && isHeadingLine(u.text)) {
      const next = units[i + 1]!;
      if (next.kind !== 'heading') units[i] = { kind: 'heading', text: u.text, line: u.line };
    }
  }
  return units;
}

function trimBlank(lines: SourceLine[]): SourceLine[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.text === '') a++;
  while (b > a && lines[b - 1]!.text === '') b--;
  return lines.slice(a, b);
}

/**
 * Closing punctuation that marks a line as running text rather than a subheading: Latin's, any script's sentence end
 * (Unicode's Sentence_Terminal: `。`, `！`, `？`, `؟`, `۔`, `।` …), and the full-width and Arabic commas, colons,
 * semicolons and closing brackets and quotes (`，`, `：`, `、`, `」`, `،`).
 */
const CLOSING = /(?:[.!?:;…,"”’'»)\]]|\p{Sentence_Terminal}|[：；，、」』）】〉》〕〗〙〛］｝｣،؛])$/u;

/** A short line (≤ 80 characters, ≤ 12 words) that starts with a letter or digit and has no closing punctuation. */
export function isHeadingLine(text: string): boolean {
  if (text.length === 0 || text.length > 80) return false;
  if (!/^[\p{L}\p{N}]/u.test(text)) return false;
  if (CLOSING.test(text)) return false;
  if (BULLET.test(text) || NUMBERED.test(text)) return false;
  return text.split(' ').length <= 12;
}

/**
 * In blank-line mode the first line of a block is a heading only when it does not read as the
 * first line of a hard-wrapped paragraph: it is clearly shorter than the lines under it and the
 * next line starts a new sentence.
 */
function looksLikeHeadingOverBlock(group: SourceLine[]): boolean {
  const [first, next] = group;
  if (!first || !next) return false;
  // A loop, not Math.max(...lengths): a block of 200,000 lines must not overflow the argument stack.
  let longest = 0;
  for (let i = 1; i < group.length; i++) longest = Math.max(longest, group[i]!.text.length);
  return first.text.length < 0.6 * longest && /^[\p{Lu}\p{N}"“«„'‘]/u.test(next.text);
}

/** Groups units into sections; consecutive list items become one list. */
function toSections(units: Unit[]): Section[] {
  const sections: Section[] = [{ heading: null, blocks: [] }];
  for (const u of units) {
    const section = sections[sections.length - 1]!;
    if (u.kind === 'heading') {
      sections.push({ heading: u.text, blocks: [] });
    } else if (u.kind === 'paragraph') {
      section.blocks.push({ kind: 'paragraph', text: u.text });
    } else {
      const last: Block | undefined = section.blocks[section.blocks.length - 1];
      if (last?.kind === 'list' && last.ordered === u.ordered) last.items.push(u.text);
      else section.blocks.push({ kind: 'list', ordered: u.ordered, items: [u.text] });
    }
  }
  if (sections[0]!.blocks.length === 0 && sections.length > 1) sections.shift();
  return sections;
}

const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}'’.-]*|de|da|del|der|di|du|dos|van|von|bin|ibn|al|la|le|ten|ter)`;
const PERSON_NAME = new RegExp(String.raw`^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+${NAME_WORD}){0,4}$`, 'u');

/** Longest line read as a byline; longer lines are running text. */
const BYLINE_MAX = 160;

/** Reads a byline ("By Ivan Petrenko and Maria Lopez") into authors, or `null` when the line is not one. */
export function parseByline(line: string): Author[] | null {
  if (line.length > BYLINE_MAX) return null;
  const m = /^(?:by|written by)\s+(.+?)\.?$/i.exec(line);
  if (!m) return null;
  const names = m[1]!
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0 || !names.every((n) => PERSON_NAME.test(n))) return null;
  return names.map((name) => ({ name }));
}

const DATELINE = new RegExp(
  String.raw`^(\p{Lu}[\p{Lu}\p{M}'’. -]*\p{Lu}\.?)` + // CITY in capitals
    String.raw`(?:,\s*(\p{Lu}[\p{L}\p{M}.'’ -]*?))?` + // , Region
    String.raw`(?:,?\s*(${MONTH_PATTERN})\.?\s+(\d{1,2})(?:,\s*(\d{4}))?)?` + // , Nov. 3[, 2024]
    String.raw`\s*(?:\([^)]{1,40}\)\s*)?(?:—|–|--|-)\s+\S`,
  'u',
);

/**
 * How far into the lede a dateline is looked for: city, region, date and an agency in brackets fit
 * well within it, and the pattern's optional parts never run over more of a hostile lede than this.
 */
const DATELINE_MAX = 240;

/** Reads a dateline at the start of the lede ("IZMAIL, Ukraine, Nov. 3 — …"), or `undefined`. */
export function parseDateline(text: string): SeedDateline | undefined {
  const m = DATELINE.exec(text.slice(0, DATELINE_MAX));
  if (!m) return undefined;
  const city = m[1]!.trim();
  if (city.replace(/[^\p{Lu}]/gu, '').length < 2) return undefined;
  const place = [titleCase(city), m[2]?.trim()].filter(Boolean).join(', ');
  const dateline: SeedDateline = { place };
  if (m[3] && m[4]) {
    dateline.month = monthNumber(m[3])!;
    dateline.day = Number(m[4]);
    if (m[5]) dateline.year = Number(m[5]);
  }
  return dateline;
}

/** The lede without its dateline ("IZMAIL, Ukraine, Nov. 3 — A ferry…" → "A ferry…"). */
export function withoutDateline(text: string): string {
  const m = DATELINE.exec(text.slice(0, DATELINE_MAX));
  if (!m || m[1]!.replace(/[^\p{Lu}]/gu, '').length < 2) return text;
  return text.slice(m[0].length - 1);
}

function titleCase(caps: string): string {
  return caps.toLowerCase().replace(/(^|[\s'’.-])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
