import htmlBlockNames from 'markdown-it/lib/common/html_blocks.mjs';
import { HTML_OPEN_CLOSE_TAG_RE } from 'markdown-it/lib/common/html_re.mjs';

/**
 * Which lines of Markdown are not prose, for the passes that rewrite a seed's lines before it is parsed
 * (admonitions, captions, template tags and links, attribute marks): they leave code and raw HTML as
 * written. The lines are read as CommonMark's block structure reads them (markdown-it parses the seed):
 * block quotes and list items hold blocks, a paragraph takes lazy lines, and a fence, indented code or an
 * HTML block opens and ends where markdown-it opens and ends it.
 */

/**
 * What a line is to the passes: a line of fenced code (its fences too), indented code, a raw HTML block whose
 * text is not markup (`verbatim`: `<pre>`, `<script>`, `<style>`, `<textarea>` up to their end tag, a comment,
 * `<?…?>`, `<!…>`, CDATA), another raw HTML block (`html`: a `<div>`, a line of one tag, up to a blank line),
 * or prose (`undefined`).
 */
export type CodeLine = 'fenced' | 'indented' | 'html' | 'verbatim' | undefined;

/** What {@link codeLines} reads. */
export interface CodeLineOptions {
  /**
   * Whether the lines are read as markdown-it reads a seed: raw HTML blocks (their lines `html` or `verbatim`, a
   * fence or an indented line in one no code), and a line continuing a paragraph is prose however far in. Off, as
   * MDX reads them: a line opening an HTML block is prose (a component, in MDX), and a line four spaces right of
   * its containers is `indented` even when it continues a paragraph (MDX has no indented code: its pass writes
   * such a line as text).
   */
  commonMark?: boolean;
}

/** CommonMark's raw HTML blocks, as markdown-it reads them: what opens one (on a line's text), what ends it (`null`: a blank line), whether it may interrupt a paragraph. */
const HTML_BLOCKS: readonly { opens: RegExp; closes: RegExp | null; interrupts: boolean }[] = [
  { opens: /^<(?:script|pre|style|textarea)(?=\s|>|$)/i, closes: /<\/(?:script|pre|style|textarea)>/i, interrupts: true },
  { opens: /^<!--/, closes: /-->/, interrupts: true },
  { opens: /^<\?/, closes: /\?>/, interrupts: true },
  { opens: /^<![A-Za-z]/, closes: />/, interrupts: true },
  { opens: /^<!\[CDATA\[/, closes: /\]\]>/, interrupts: true },
  { opens: new RegExp(`^</?(?:${htmlBlockNames.join('|')})(?=\\s|/?>|$)`, 'i'), closes: null, interrupts: true },
  { opens: new RegExp(`${HTML_OPEN_CLOSE_TAG_RE.source}\\s*$`), closes: null, interrupts: false },
];

/** A fence's run: three or more backticks or tildes (see {@link fenceRun}). */
const FENCE_RUN = /^(?:`{3,}|~{3,})/;

/**
 * The run of marks opening a fence on `text`, or `undefined`: a backtick fence's info string holds no
 * backtick. Looked for after the whole run (a pattern's lookahead retried for each shorter run of a long
 * run of backticks, each time to the end of the line: a line of 50,000 took seconds).
 */
function fenceRun(text: string): string | undefined {
  const run = FENCE_RUN.exec(text)?.[0];
  return run === undefined || (run[0] === '`' && text.includes('`', run.length)) ? undefined : run;
}
/** An ATX heading's marks. */
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
/** A setext heading's underline, under a paragraph. */
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
/** A thematic break: three or more of one of `*`, `-`, `_`, spaces and tabs between. */
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/** A list item's mark: a bullet, or a number of up to nine digits and `.` or `)`; then a blank or the line's end. */
const LIST_MARK = /^(?:[*+-]|(\d{1,9})[.)])(?=[ \t]|$)/;
/** A table's delimiter row, as markdown-it first tells one (its cells are checked after). */
const TABLE_DELIMITER_ROW = /^[|:-](?:[|:-]|[ \t])[|:\- \t]*$/;
/** A delimiter row's cell. */
const TABLE_DELIMITER_CELL = /^:?-+:?$/;
/** A link reference definition alone on its line: markdown-it ends it there, and reads the next line afresh. */
const REFERENCE_DEFINITION = /^\[(?:[^\]\\]|\\.){1,999}\]:[ \t]*(?:<[^<>\n]*>|[^\s<][^\s]*)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*$/;

/** Blocks within blocks read at most: markdown-it reads no deeper (its `maxNesting`), and neither does this. */
const MAX_CONTAINERS = 50;

/**
 * A block quote, or a list item and how far right of where its parent's content starts (on each line, as
 * markdown-it counts) its own content starts; `filled` once it holds a line of its own.
 */
type Container = { kind: 'quote' } | { kind: 'item'; offset: number; filled: boolean };

/** The block a line may go on in: a paragraph (its last line, for a table's header), a table, a fence, indented code, an HTML block. */
type Leaf =
  | { kind: 'paragraph'; last: string | undefined }
  | { kind: 'table' }
  | { kind: 'fence'; mark: string; length: number }
  | { kind: 'indented' }
  | { kind: 'html'; closes: RegExp | null };

/** The kind of line an HTML block's lines are: `verbatim` up to an end of its own, `html` up to a blank line. */
function htmlKind(closes: RegExp | null): 'html' | 'verbatim' {
  return closes === null ? 'html' : 'verbatim';
}

/**
 * Whether a line's text (after its indentation) opens a block that ends a paragraph or a quote in markdown-it; a list
 * item only with `lists` (four spaces right of where its list may be, a mark is no item's to markdown-it).
 */
function opensBlock(text: string, lists: boolean): boolean {
  return (
    text[0] === '>' ||
    ATX_HEADING.test(text) ||
    fenceRun(text) !== undefined ||
    THEMATIC_BREAK.test(text) ||
    (lists && LIST_MARK.test(text)) ||
    (text[0] === '<' && HTML_BLOCKS.some((b) => b.interrupts && b.opens.test(text)))
  );
}

/** The line with its tabs as the spaces up to the next column that is a multiple of four, as CommonMark counts them. */
function withTabsAsSpaces(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const c of line) out += c === '\t' ? ' '.repeat(4 - (out.length % 4)) : c;
  return out;
}

/** The first position at or after `at` that is not a space. */
function nonSpace(text: string, at: number): number {
  while (text.charCodeAt(at) === 32) at++;
  return at;
}

/** The cells of a table row (pipes escaped with `\` kept in), without the empty ones its outer pipes make. */
function tableCells(row: string): string[] {
  const cells = row.trim().split(/(?<!\\)\|/);
  if (cells[0] === '') cells.shift();
  if (cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/** Whether `row` is a delimiter row that, under `header`, makes a table (markdown-it's test: as many cells, each `---`, `:--`, `--:` or `:-:`). */
function makesTable(header: string, row: string): boolean {
  if (!TABLE_DELIMITER_ROW.test(row) || (row[0] === '-' && /[ \t]/.test(row[1]!)) || !header.includes('|')) return false;
  const delimiters = row.split('|');
  let columns = 0;
  for (let i = 0; i < delimiters.length; i++) {
    const cell = delimiters[i]!.trim();
    if (cell === '' && (i === 0 || i === delimiters.length - 1)) continue;
    if (!TABLE_DELIMITER_CELL.test(cell)) return false;
    columns++;
  }
  const cells = tableCells(header).length;
  return cells > 0 && cells === columns;
}

/**
 * Tells, line after line (call it for every line, in order), what a line is: `fenced` (a fence's own line
 * or one inside it), `indented` (indented code), `html` or `verbatim` (a line of a raw HTML block, read with `commonMark`), or
 * `undefined` for prose (blank lines between blocks too). The lines are read as markdown-it reads them:
 * block quotes (`> ```` opens a fence in the quote), list items (a fence or code indented under an item's
 * text, as MkDocs' posts indent a step's code four spaces, is the item's), lazy lines that continue a
 * paragraph (four spaces in, they are no code), tabs to the next multiple of four columns, and HTML blocks
 * of CommonMark's seven kinds (`<pre>` … `</pre>`, `<!-- … -->`, a `<div>` up to a blank line …).
 * Each line is read once, its containers (at most {@link MAX_CONTAINERS}) once each: linear in the text.
 */
export function codeLines(options: CodeLineOptions = {}): (line: string) => CodeLine {
  return codeLineReader(options).read;
}

/** Reads lines as {@link codeLines} does, and tells what a line would be without reading it. */
export interface CodeLineReader {
  /** What the line is, the lines before it read: it is read, the next line read after it. */
  read(line: string): CodeLine;
  /** What the line would be after the lines read so far, without reading it (a pass that writes another line in its place reads that one). */
  peek(line: string): CodeLine;
}

/** A {@link CodeLineReader}: see {@link codeLines}. A look without reading copies the containers (at most {@link MAX_CONTAINERS}). */
export function codeLineReader(options: CodeLineOptions = {}): CodeLineReader {
  const commonMark = options.commonMark === true;
  const containers: Container[] = [];
  let leaf: Leaf | undefined;
  const peek = (line: string): CodeLine => {
    const saved = containers.map((c) => ({ ...c }));
    const savedLeaf = leaf === undefined ? undefined : { ...leaf };
    const kind = read(line);
    containers.splice(0, containers.length, ...saved);
    leaf = savedLeaf;
    return kind;
  };
  return { read, peek };

  function read(line: string): CodeLine {
    const text = withTabsAsSpaces(line);
    // The containers the line continues, and where its text for the next one starts.
    let at = 0;
    let matched = 0;
    for (; matched < containers.length; matched++) {
      const container = containers[matched]!;
      const next = nonSpace(text, at);
      if (container.kind === 'quote') {
        // markdown-it continues a quote with a `>` however far in.
        if (text[next] !== '>') break;
        at = text[next + 1] === ' ' ? next + 2 : next + 1;
      } else if (next === text.length) {
        // A blank line keeps an item open once it holds a line (an item opening on a blank line ends at a second).
        if (!container.filled) break;
        at = Math.min(next, at + container.offset);
      } else if (next - at >= container.offset) at += container.offset;
      else break;
    }
    const all = matched === containers.length;
    let next = nonSpace(text, at);
    let blank = next === text.length;
    // A fence, HTML block or indented code the line continues or ends.
    if (all && leaf !== undefined) {
      if (leaf.kind === 'fence') {
        const run = next - at <= 3 ? /^(`+|~+)[ \t]*$/.exec(text.slice(next))?.[1] : undefined;
        if (run !== undefined && run[0] === leaf.mark && run.length >= leaf.length) leaf = undefined;
        return 'fenced';
      }
      if (leaf.kind === 'html') {
        if (blank && (leaf.closes === null || lessIndentedThanItem(text, at))) {
          leaf = undefined;
          return undefined;
        }
        const kind = htmlKind(leaf.closes);
        if (leaf.closes?.test(text.slice(next))) leaf = undefined;
        return kind;
      }
      if (leaf.kind === 'indented') {
        if (blank) return undefined;
        if (next - at >= 4) return 'indented';
        leaf = undefined;
      }
    }
    // A paragraph (or table) the line may continue, as the last block in the containers it matched, or lazily.
    const open = leaf?.kind === 'paragraph' || leaf?.kind === 'table' ? leaf : undefined;
    let inParagraph = all && open !== undefined;
    let lazy = open?.kind === 'paragraph' && !blank;
    // Before anything opens in the containers the line matched, the ones it did not are closed.
    const close = (): void => {
      containers.length = matched;
      leaf = undefined;
      inParagraph = false;
      lazy = false;
    };
    // A lazy line four spaces in that opens a block as written ends the paragraph when an item or a quote in a
    // quote holds it (see endsLazily): markdown-it reads it again in the containers it matched.
    if (!all && lazy && next - at >= 4 && endsLazily(matched) && opensBlock(text.slice(next), listsEnd(matched, next - at))) close();
    // New blocks opening on the line: containers, then at most one leaf.
    while (!blank) {
      const indent = next - at;
      const rest = text.slice(next);
      if (indent < 4) {
        if (inParagraph && open?.kind === 'paragraph' && open.last !== undefined && makesTable(open.last, rest)) {
          leaf = { kind: 'table' };
          return undefined;
        }
        if (containers.length < MAX_CONTAINERS && rest[0] === '>') {
          close();
          fill();
          containers.push({ kind: 'quote' });
          matched++;
          at = text[next + 1] === ' ' ? next + 2 : next + 1;
          next = nonSpace(text, at);
          blank = next === text.length;
          lazy = false;
          continue;
        }
        if (ATX_HEADING.test(rest)) {
          close();
          fill();
          return undefined;
        }
        const run = fenceRun(rest);
        if (run !== undefined) {
          close();
          fill();
          leaf = { kind: 'fence', mark: run[0]!, length: run.length };
          return 'fenced';
        }
        const html = commonMark && rest[0] === '<' ? HTML_BLOCKS.find((b) => b.opens.test(rest) && (b.interrupts || (!inParagraph && !lazy))) : undefined;
        if (html) {
          close();
          fill();
          if (html.closes === null || !html.closes.test(rest)) leaf = { kind: 'html', closes: html.closes };
          return htmlKind(html.closes);
        }
        if (inParagraph && open?.kind === 'paragraph' && SETEXT_UNDERLINE.test(rest)) {
          leaf = undefined;
          return undefined;
        }
        if (THEMATIC_BREAK.test(rest)) {
          close();
          fill();
          return undefined;
        }
        const mark = containers.length < MAX_CONTAINERS ? LIST_MARK.exec(rest) : null;
        if (mark) {
          const end = next + mark[0].length;
          const content = nonSpace(text, end);
          const empty = content === text.length;
          // An item interrupts a paragraph only with text, and numbered only from 1.
          if (!inParagraph || open?.kind !== 'paragraph' || (!empty && (mark[1] === undefined || Number(mark[1]) === 1))) {
            close();
            fill();
            const spaces = content - end;
            const column = empty || spaces > 4 ? end + 1 : content;
            containers.push({ kind: 'item', offset: column - at, filled: !empty });
            matched++;
            at = Math.min(column, text.length);
            next = nonSpace(text, at);
            blank = next === text.length;
            lazy = false;
            continue;
          }
        }
      } else if (!lazy && (!inParagraph || open?.kind === 'table')) {
        // Four spaces in, a line is code, unless it continues a paragraph (a table's rows end at it).
        close();
        leaf = { kind: 'indented' };
        fill();
        return 'indented';
      }
      break;
    }
    if (!all && lazy) {
      // A lazy line: it continues the paragraph, in the containers it did not match.
      if (open?.kind === 'paragraph') open.last = undefined;
      return commonMark || next - at < 4 ? undefined : 'indented';
    }
    if (!all) close();
    if (blank) {
      if (leaf?.kind === 'paragraph' || leaf?.kind === 'table') leaf = undefined;
      return undefined;
    }
    fill();
    const rest = text.slice(next);
    if (leaf?.kind === 'table') return undefined;
    if (leaf?.kind === 'paragraph') {
      leaf.last = next - at < 4 ? rest : undefined;
      return commonMark || next - at < 4 ? undefined : 'indented';
    }
    // A reference definition alone on its line is read alone: the line after it is read afresh.
    leaf = REFERENCE_DEFINITION.test(rest) ? undefined : { kind: 'paragraph', last: next - at < 4 ? rest : undefined };
    return undefined;
  }

  /**
   * Whether the containers a lazy line did not match (from `matched` on) read it as not indented when they check
   * what it opens: the outermost is an item (whose paragraph checks it against the item's indent, which the line
   * is left of), or a quote holding another (the outer one takes the line as not indented for those within).
   */
  function endsLazily(matched: number): boolean {
    if (containers[matched]?.kind === 'item') return true;
    for (let i = matched + 1; i < containers.length; i++) if (containers[i]!.kind === 'quote') return true;
    return false;
  }

  /**
   * Whether a list item's mark ends a lazy line's paragraph, `indent` right of the containers it matched (see
   * {@link opensBlock}): markdown-it takes it for an item unless it is four right of where the innermost item's
   * list starts; in a quote it did not match, holding another, always.
   */
  function listsEnd(matched: number, indent: number): boolean {
    if (containers[matched]!.kind === 'quote') return true;
    let inner = containers.length - 1;
    while (containers[inner]!.kind !== 'item') inner--;
    let list = 0;
    for (let i = matched; i < inner; i++) {
      const container = containers[i]!;
      if (container.kind === 'item') list += container.offset;
    }
    return indent - list < 4;
  }

  /** The innermost container holds a line of its own now. */
  function fill(): void {
    const inner = containers[containers.length - 1];
    if (inner?.kind === 'item') inner.filled = true;
  }

  /** Whether a blank line is less indented than the innermost list item's content, which ends an HTML block in it for markdown-it. */
  function lessIndentedThanItem(text: string, at: number): boolean {
    return containers[containers.length - 1]?.kind === 'item' && text.length < at;
  }
}
