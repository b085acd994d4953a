/**
 * Pelican's front matter for Markdown: Python-Markdown's metadata lines (`Title: My super title`,
 * `Date: 2010-12-03 10:20`, `Tags: pelican, publishing`), one `Key: value` a line from the first line of
 * the file, a value going on over lines indented by four spaces, up to the first blank line (or the end of the
 * text). Read as such only when the lines name a `title` and another of Pelican's fields,
 * so a first line such as `Update: talks resume` stays the headline it is. The lines are only guessed to be
 * metadata (no fence opens them), and were a text's first lines before: `splitFrontMatter` leaves them text,
 * with a warning, when a value does not read as the field it names (`Date: 1937`).
 */

/** What {@link splitMetadataLines} gives: the fields in storyfeed's names, and where the body starts. */
export interface MetadataLines {
  /** The fields, named as storyfeed reads them (`Category` → `categories`, `Status: draft` → `draft`; `Lang` is `lang`, another generator's name for `language`). */
  fields: Record<string, unknown>;
  /** The 1-based line of each field, by the name in `fields`. */
  lines: Map<string, number>;
  /** The text after the metadata lines (and the blank line that ends them). */
  body: string;
  /** 1-based line where `body` starts. */
  bodyLine: number;
}

/** A metadata line: a name of letters, digits, `_` and `-` (up to three spaces before it), a colon, its value. */
const KEY_LINE = /^ {0,3}([A-Za-z0-9_-]+):[ \t]*(.*)$/;
/** A line going on with the value of the line above: four spaces or more first. */
const GOING_ON = /^ {4,}(.*)$/;

/** Pelican's own fields, besides `title`, that tell its metadata lines from a text's first lines. */
const PELICAN_FIELDS = new Set(['date', 'modified', 'tags', 'category', 'slug', 'author', 'authors', 'summary', 'status', 'lang', 'translation', 'save_as', 'url']);

/** Fields whose value is a list, split as Pelican splits it: at semicolons when the value has one, else at commas. */
const LIST_FIELDS = new Set(['tags', 'authors']);

/** The most lines read as metadata: a story's fields, never its text. */
const MAX_LINES = 200;

/**
 * The metadata lines that open `text` (line ends normalized), or `undefined` when it opens with none that
 * Pelican would read: at least a `title` and another of its fields, and nothing but fields and the lines their
 * values go on over before the first blank line. Field names are read in any case, a
 * name given twice is read once (its first value; tags and authors are joined), and an empty value is none.
 * Linear in the lines read.
 */
export function splitMetadataLines(text: string): MetadataLines | undefined {
  const given = new Map<string, { values: string[]; line: number }>();
  // The value lines going on add to: the last one of the field named last (a name given twice in vain: none kept).
  let target: string[] | undefined;
  let start = 0;
  let line = 1;
  let ended = false;
  for (; start < text.length && line <= MAX_LINES; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const current = text.slice(start, end);
    if (current.trim() === '') {
      start = end + 1;
      line++;
      ended = true;
      break;
    }
    const key = KEY_LINE.exec(current);
    const more = key ? undefined : GOING_ON.exec(current);
    if (key) {
      const name = key[1]!.toLowerCase();
      const entry = given.get(name);
      if (entry === undefined) {
        target = [key[2]!.trim()];
        given.set(name, { values: target, line });
      } else if (LIST_FIELDS.has(name)) {
        entry.values.push(key[2]!.trim());
        target = entry.values;
      } else target = [];
    } else if (more && target) {
      const at = target.length - 1;
      if (at >= 0) target[at] = `${target[at]} ${more[1]!.trim()}`.trim();
    } else {
      // Python-Markdown would end the metadata here, the line starting the body; but where lines are only guessed
      // to be Pelican's, one that is no field, no value going on and not blank (a YAML list's item, a `---` line,
      // prose) says they are something else: a Hexo post's YAML without its opening `---`, a text's first lines.
      return undefined;
    }
    start = end + 1;
  }
  // Lines that never end (more than a story's fields) are no metadata.
  if (!ended && start < text.length) return undefined;
  const filled = (name: string): boolean => given.get(name)?.values.some((v) => v !== '') === true;
  if (!filled('title') || ![...given.keys()].some((name) => PELICAN_FIELDS.has(name) && filled(name))) return undefined;
  const fields: Record<string, unknown> = Object.create(null);
  const lines = new Map<string, number>();
  const set = (name: string, value: unknown, at: number): void => {
    fields[name] = value;
    lines.set(name, at);
  };
  for (const [name, { values, line: at }] of given) {
    const value = values.filter((v) => v !== '');
    if (value.length === 0) continue;
    if (LIST_FIELDS.has(name)) set(name, [...new Set(value.flatMap(splitList))], at);
    // Pelican's one category is one of the story's tags, as Jekyll's and Hugo's categories are.
    else if (name === 'category') set('categories', [value[0]], at);
    // `Status: draft` keeps an article out of Pelican's feeds, and so does `hidden`.
    else if (name === 'status') {
      const status = value[0]!.toLowerCase();
      if (status === 'draft' || status === 'hidden') set('draft', true, at);
    } else if (!Object.hasOwn(fields, name)) set(name, value[0], at);
  }
  return { fields, lines, body: text.slice(Math.min(start, text.length)), bodyLine: line };
}

/** A list as Pelican writes one: split at its semicolons when it has one (names holding commas), else at its commas. */
function splitList(value: string): string[] {
  const parts = value
    .split(value.includes(';') ? ';' : ',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return [...new Set(parts)];
}
