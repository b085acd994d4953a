import type { MetadataLines } from './metadata-lines.js';

/**
 * Notion's Markdown export (Settings → Export, "Markdown & CSV"): each page is a file named by its title and
 * Notion's id of the page, 32 hexadecimal digits (`My trip 1a2b…6d.md`), opening with the title as a `# ` heading.
 * A page of a database (a blog's posts, as most Notion blogs keep them) has its properties written under that
 * heading, one `Name: value` a line up to a blank line, where a site generator has front matter:
 *
 * ```
 * # My trip
 *
 * Created: May 1, 2024 10:15 AM
 * Tags: Travel, Portugal
 * Status: Published
 * ```
 *
 * The properties are the story's fields, never its text: its date (`Date`, `Published`, `Publish date`, else
 * `Created`), its update (`Last edited time`), tags, summary, authors, slug, and whether it is a draft (a `Status`
 * Notion gives an unfinished page, or a `Published` box left unticked). Properties storyfeed has no field for (a
 * relation, a number, a person assigned) are the database's: they are left out with the others.
 */

/** A Notion export's file name: the page's title, a space, its id (32 lowercase hexadecimal digits), the extension. */
const NOTION_NAME = /(?:^|[\\/])[^\\/]+ [0-9a-f]{32}\.[A-Za-z]+$/;

/** Notion's page id after a page's title in its file name, without the extension (`My trip 1a2b…6d`). */
const NOTION_ID = / [0-9a-f]{32}$/;

/** A page's file name without its extension and without Notion's id after its title (`My trip 1a2b…6d` → `My trip`). */
export function withoutNotionId(stem: string): string {
  return stem.replace(NOTION_ID, '');
}

/** Whether `file` is named as Notion's Markdown export names a page (`Title 1a2b…6d.md`). */
export function isNotionExportName(file: string | undefined): boolean {
  return file !== undefined && NOTION_NAME.test(file);
}

/** The title line: a `# ` heading (an ATX heading's closing `#`s aside). */
const TITLE_LINE = /^# +(.*?)(?:\s+#+)?\s*$/;
/** A property line: the property's name (from a letter or digit, without a colon, up to 60 characters), `: `, its value. */
const PROPERTY_LINE = /^([\p{L}\p{N}][^:]{0,59}?):(?: (.*))?$/u;

/** The names (in lower case, spaces single) of the properties storyfeed reads, by field, in the order a field's are read. */
const DATE_PROPERTIES = ['date', 'published', 'publish date', 'published date', 'publication date', 'date published', 'published at', 'created', 'created time', 'created at'];
const UPDATED_PROPERTIES = ['last edited time', 'last edited', 'last updated', 'updated', 'modified'];
const TAG_PROPERTIES = ['tags', 'tag', 'categories', 'category'];
const SUMMARY_PROPERTIES = ['summary', 'description', 'excerpt', 'subtitle'];
const AUTHOR_PROPERTIES = ['authors', 'author'];
const SLUG_PROPERTIES = ['slug'];

/**
 * The values of a `Status` property that say a page is not finished: Notion's own (its Status property's "Not
 * started" and "In progress", the "To-do" group's name) and a blog's (draft, idea, in review), in lower case.
 */
const UNFINISHED = new Set(['draft', 'drafts', 'not started', 'in progress', 'to-do', 'to do', 'todo', 'idea', 'ideas', 'in review', 'review', 'hidden', 'archived']);

/** Notion's checkbox, as its export writes it. */
const CHECKBOX = new Map([
  ['yes', true],
  ['no', false],
]);

/** The most property lines read: a page's properties, never its text. */
const MAX_PROPERTIES = 200;

/**
 * The title and properties that open a Notion page's `text` (line ends normalized), as {@link MetadataLines} in
 * storyfeed's field names (`title` from the heading), or `undefined` when it opens with no such properties: a `# `
 * title, a blank line, then lines that are each a property, at least one of them one storyfeed reads. Linear in
 * the lines read.
 */
export function splitNotionProperties(text: string): MetadataLines | undefined {
  let end = text.indexOf('\n');
  if (end < 0) return undefined;
  const title = TITLE_LINE.exec(text.slice(0, end))?.[1];
  if (!title) return undefined;
  // One blank line between the title and the properties, as Notion writes them.
  let start = end + 1;
  end = text.indexOf('\n', start);
  if (end < 0 || text.slice(start, end).trim() !== '') return undefined;
  start = end + 1;
  let line = 3;
  const given = new Map<string, { value: string; line: number }>();
  for (; start < text.length; line++) {
    end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const current = text.slice(start, end);
    start = end + 1;
    if (current.trim() === '') break;
    if (given.size >= MAX_PROPERTIES) return undefined;
    const property = PROPERTY_LINE.exec(current);
    if (!property) return undefined;
    const name = property[1]!.trim().toLowerCase().replace(/\s+/g, ' ');
    if (!given.has(name)) given.set(name, { value: (property[2] ?? '').trim(), line });
  }
  const fields: Record<string, unknown> = Object.create(null);
  const lines = new Map<string, number>();
  const set = (field: string, value: unknown, at: number): void => {
    fields[field] = value;
    lines.set(field, at);
  };
  const first = (names: readonly string[], accept: (value: string) => boolean = () => true): { value: string; line: number } | undefined =>
    names.map((name) => given.get(name)).find((p) => p !== undefined && p.value !== '' && accept(p.value));
  // A `Published` box (Yes or No) says whether the page is published; a date under that name is its date.
  const published = given.get('published');
  const box = published && CHECKBOX.get(published.value.toLowerCase());
  const date = first(DATE_PROPERTIES, (value) => !CHECKBOX.has(value.toLowerCase()));
  // A range of dates (`May 1, 2024 → May 3, 2024`) starts on the page's date.
  if (date) set('date', date.value.split(' → ')[0]!.trim(), date.line);
  const updated = first(UPDATED_PROPERTIES);
  if (updated) set('updated', updated.value.split(' → ')[0]!.trim(), updated.line);
  const tags = first(TAG_PROPERTIES);
  if (tags) set('tags', commaList(tags.value), tags.line);
  const summary = first(SUMMARY_PROPERTIES);
  if (summary) set('summary', summary.value, summary.line);
  const authors = first(AUTHOR_PROPERTIES);
  if (authors) set('authors', commaList(authors.value), authors.line);
  const slug = first(SLUG_PROPERTIES);
  if (slug) set('slug', slug.value, slug.line);
  const status = given.get('status');
  if (status && UNFINISHED.has(status.value.toLowerCase())) set('draft', true, status.line);
  else if (box === false) set('draft', true, published!.line);
  if (lines.size === 0 && !(status && status.value !== '') && box === undefined) return undefined;
  set('title', title, 1);
  return { fields, lines, body: text.slice(Math.min(start, text.length)), bodyLine: line + 1 };
}

/** A multi-select's or a person's value as Notion writes it: names between commas. */
function commaList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    ),
  ];
}
