import type MarkdownIt from 'markdown-it';
import container from 'markdown-it-container';
import footnote from 'markdown-it-footnote';
import mark from 'markdown-it-mark';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import { wikilink } from './wikilinks.js';

/**
 * Markdown the site generators read beyond CommonMark, which readers otherwise saw as its raw marks:
 * footnotes (GitHub, Hugo, Jekyll's kramdown, Astro, Docusaurus), containers (`:::note[Title]` in
 * Docusaurus and Starlight, `::: tip Title` in VitePress, Pandoc's fenced divs), GitHub's alerts and
 * Obsidian's callouts (`> [!NOTE]`, `> [!tip]- Title`), task lists (`- [x] done`), and, in an Obsidian
 * vault only (see {@link OBSIDIAN_VAULT}), Obsidian's links and embeds by a note's name (`[[Note|text]]`,
 * `![[picture.png]]`: see `wikilinks.ts`) and highlights (`==text==`). Each is written as HTML every feed
 * reader shows: a footnote as `[1]` in superscript and the notes as a numbered list after a rule, at the
 * end (links between them would lead out of the reader, to anchors the site names otherwise); a
 * container, alert or callout as a quote opening with its title in bold; a task's box as ☐ or ☑; a
 * highlight as `<mark>`.
 */
export function withSiteExtensions(markdown: MarkdownIt): void {
  markdown.use(footnote);
  // `^[an inline note]` is Pandoc's alone, and `2^[n]` is text elsewhere.
  markdown.inline.ruler.disable('footnote_inline');
  markdown.core.ruler.after('block', 'footnote_labels', footnoteLabels);
  markdown.inline.ruler.at('footnote_ref', footnoteRef);
  markdown.inline.ruler.before('footnote_ref', 'footnote_label_bound', footnoteLabelBound);
  markdown.core.ruler.at('footnote_tail', footnoteTail);
  markdown.renderer.rules.footnote_ref = (tokens, idx) => `<sup>[${(tokens[idx]!.meta as { id: number }).id + 1}]</sup>`;
  markdown.renderer.rules.footnote_block_open = () => '<hr />\n<ol>\n';
  markdown.renderer.rules.footnote_block_close = () => '</ol>\n';
  markdown.renderer.rules.footnote_open = () => '<li>';
  markdown.renderer.rules.footnote_close = () => '</li>\n';
  markdown.use(container, 'block', { validate: opensContainer });
  markdown.core.ruler.push('containers_as_quotes', containersAsQuotes);
  markdown.core.ruler.push('alerts_as_quotes', alertsAsQuotes);
  markdown.core.ruler.push('task_boxes', taskBoxes);
  markdown.inline.ruler.before('link', 'wikilink', (state, silent) => inVault(state) && wikilink(state, silent));
  markdown.use(mark);
  markdown.inline.ruler.before('mark', 'highlight_bound', highlightBound);
}

/**
 * The key of a Markdown environment that is set (`true`) for a note of an Obsidian vault: only there are
 * `[[…]]` links and `==…==` highlights read. Elsewhere they are text as CommonMark reads them, and
 * technical prose holds both (`[[ -f $file ]]` in Bash, TOML's `[[servers]]`, `x==1`).
 */
export const OBSIDIAN_VAULT = 'storyfeedObsidianVault';

/** Whether the text parsed is an Obsidian vault's note. */
const inVault = (state: StateInline): boolean => (state.env as Record<string, unknown>)[OBSIDIAN_VAULT] === true;

/**
 * Runs before the highlight plugin's rule: outside a vault a run of `=` is text; inside one, so is a run
 * between letters or digits (`x==1`) or beside an arrow's `<` or `>` (`==>`, `<==`).
 */
function highlightBound(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x3d || src.charCodeAt(pos + 1) !== 0x3d) return false;
  let end = pos;
  while (src.charCodeAt(end) === 0x3d) end++;
  const before = pos > 0 ? src[pos - 1]! : '';
  const after = src[end] ?? '';
  const wordBefore = /[\p{L}\p{N}]/u.test(before);
  const wordAfter = /[\p{L}\p{N}]/u.test(after);
  if (inVault(state) && !(wordBefore && wordAfter) && before !== '<' && after !== '>' && before !== '=') return false;
  if (!silent) state.pending += src.slice(pos, end);
  state.pos = end;
  return true;
}

/** The longest footnote label read (`[^label]`): labels are words or numbers; a longer run of text is none. */
const MAX_FOOTNOTE_LABEL = 200;

/**
 * Runs before the `[^label]` rule, which reads from every `[^` to the next blank, line end or
 * `]`: over a long run of text without one, as many times as the run holds `[^`, time quadratic in its
 * length. A `[^` not closed within {@link MAX_FOOTNOTE_LABEL} characters names no note (nor opens a
 * link, whose text would have to run as long without a blank): its `[` is read as text here.
 */
function footnoteLabelBound(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x5b || src.charCodeAt(pos + 1) !== 0x5e) return false;
  const end = Math.min(state.posMax, pos + 2 + MAX_FOOTNOTE_LABEL);
  for (let at = pos + 2; at < end; at++) {
    const code = src.charCodeAt(at);
    if (code === 0x5d || code === 0x20 || code === 0x0a) return false;
  }
  if (!silent) state.pending += '[';
  state.pos++;
  return true;
}

/** A footnote's label folded as CommonMark folds a link's (markdown-it's own fold): `Note`, `NOTE` and `note` are one label, and so are `ß` and `SS`. */
const foldedLabel = (md: MarkdownIt, label: string): string => md.utils.normalizeReference(label);

/**
 * Runs after the blocks are read: each label defined, folded (see {@link foldedLabel}), to the first label defined
 * as written that folds to it, for references written in another case.
 */
function footnoteLabels(state: StateCore): void {
  const footnotes = (state.env as { footnotes?: Footnotes }).footnotes;
  if (!footnotes?.refs) return;
  const folded = new Map<string, string>();
  for (const token of state.tokens) {
    if (token.type !== 'footnote_reference_open') continue;
    const label = (token.meta as { label: string }).label;
    const key = foldedLabel(state.md, label);
    if (!folded.has(key)) folded.set(key, label);
  }
  footnotes.folded = folded;
}

/**
 * `[^label]`, a reference to the note defined under that label as written, else under it in another case (`[^Note]`
 * and `[^note]:`), as GitHub and remark (Docusaurus, Astro) match them; the plugin's rule it replaces matched the
 * label as written only. A label of no blank or line end; the note numbered where it is first referred to.
 */
function footnoteRef(state: StateInline, silent: boolean): boolean {
  const { src, pos: start, posMax: max } = state;
  const footnotes = (state.env as { footnotes?: Footnotes }).footnotes;
  if (start + 3 > max || !footnotes?.refs || src.charCodeAt(start) !== 0x5b || src.charCodeAt(start + 1) !== 0x5e) return false;
  let end = start + 2;
  for (; end < max; end++) {
    const code = src.charCodeAt(end);
    if (code === 0x20 || code === 0x0a) return false;
    if (code === 0x5d) break;
  }
  if (end === start + 2 || end >= max) return false;
  const written = src.slice(start + 2, end);
  const label = footnotes.refs[`:${written}`] !== undefined ? written : footnotes.folded?.get(foldedLabel(state.md, written));
  if (label === undefined) return false;
  const key = `:${label}`;
  const known = footnotes.refs[key]!;
  if (!silent) {
    const list = (footnotes.list ??= []);
    let id = known;
    if (id < 0) {
      id = list.length;
      list.push({ label, count: 0 });
      footnotes.refs[key] = id;
    }
    const note = list[id]!;
    const subId = note.count ?? 0;
    note.count = subId + 1;
    const token = state.push('footnote_ref', '', 0);
    token.meta = { id, subId, label };
  }
  state.pos = end + 1;
  return true;
}

/** What the footnote plugin keeps in a parse's `env`. */
interface Footnotes {
  refs?: Record<string, number>;
  /** Labels defined, folded, to the first label defined as written (see {@link footnoteLabels}). */
  folded?: Map<string, string>;
  list?: { label?: string; content?: string; tokens?: Token[]; count?: number }[];
}

/**
 * The notes referred to, in the order of their first reference, after the body (the plugin's own pass
 * joined each note's tokens to all before it: time quadratic in the number of notes). Definitions no
 * reference names are left out, as the generators leave them. The parse's notes are then forgotten:
 * a seed's body may be parsed again with the same `env`.
 */
function footnoteTail(state: StateCore): void {
  const env = state.env as { footnotes?: Footnotes };
  const footnotes = env.footnotes;
  if (!footnotes) return;
  delete env.footnotes;
  const definitions = new Map<string, Token[]>();
  const body: Token[] = [];
  let current: Token[] | undefined;
  for (const token of state.tokens) {
    if (token.type === 'footnote_reference_open') {
      current = [];
      // A label defined twice is the first definition's, as GitHub reads it.
      const label = (token.meta as { label: string }).label;
      if (!definitions.has(label)) definitions.set(label, current);
    } else if (token.type === 'footnote_reference_close') current = undefined;
    else (current ?? body).push(token);
  }
  state.tokens = body;
  const list = footnotes.list;
  if (!list?.length) return;
  body.push(new state.Token('footnote_block_open', '', 1));
  list.forEach((note, id) => {
    const open = new state.Token('footnote_open', '', 1);
    open.meta = { id, label: note.label };
    body.push(open);
    const tokens = note.label !== undefined ? definitions.get(note.label) : undefined;
    if (tokens) for (const token of tokens) body.push(token);
    body.push(new state.Token('footnote_close', '', -1));
  });
  body.push(new state.Token('footnote_block_close', '', -1));
}

/**
 * The admonitions whose title may follow their type after a blank (`::: tip Title`: VitePress, Docusaurus 2), as
 * their documentation names them. Any other type opens a container only alone on its line or with its title in
 * brackets (`:::mytype`, `:::mytype[Title]`), so a line of prose after three colons (`::: not really`) stays text.
 */
const TITLED_TYPES: ReadonlySet<string> = new Set(['note', 'tip', 'info', 'warning', 'danger', 'caution', 'important', 'details']);
/**
 * What may follow a container's colons (trimmed, and without the colons Pandoc allows after it, `::: Warning :::`):
 * a type (`note`, `tip`, `details`, any name), then a title in brackets (Docusaurus, Starlight; one level of brackets
 * inside, `[See [docs](…)]`) or, for {@link TITLED_TYPES}, the rest of the line (VitePress); then attributes in braces
 * (Starlight's `{icon="heart"}`, VitePress's `{open}`), which are not shown; or Pandoc's attributes in braces alone.
 * Each part is one run the next cannot take from: linear, however long the line.
 */
const CONTAINER_PARTS = /^(?:([A-Za-z][\w-]*)(?:\[((?:[^[\]\n]|\[[^[\]\n]*\])*)\])?(?:[ \t]+([^{\s][^{]*))?(?:\{[^}\n]*\})?|\{[^}\n]*\})$/;

/** A container's opening line (after its colons) read as its type, bracketed title and title after a blank; `undefined` when it opens none. */
function containerParts(params: string): { type?: string; bracketed?: string; rest?: string } | undefined {
  // Blanks and colons taken off its end from the end, not by a pattern (which tried every blank of a long run to its end).
  let end = params.length;
  while (end > 0 && (params[end - 1] === ' ' || params[end - 1] === '\t')) end--;
  while (end > 0 && params[end - 1] === ':') end--;
  const parts = CONTAINER_PARTS.exec(params.slice(0, end).trim());
  if (!parts) return undefined;
  const [, type, bracketed, title] = parts;
  // The title runs up to the attributes: its own blanks before them are no part of it.
  const rest = title?.trimEnd();
  if (type !== undefined && rest !== undefined && (bracketed !== undefined || !TITLED_TYPES.has(type.toLowerCase()))) return undefined;
  return { ...(type !== undefined ? { type } : {}), ...(bracketed !== undefined ? { bracketed } : {}), ...(rest !== undefined ? { rest } : {}) };
}

/** Whether a container's opening line (after its colons) opens one. */
const opensContainer = (params: string): boolean => containerParts(params) !== undefined;
/** VitePress containers that only lay out what they hold (tabs of code, text kept from Vue): no title of their own. */
const LAYOUT_CONTAINERS: ReadonlySet<string> = new Set(['code-group', 'raw', 'v-pre']);

/** `note` as the title `Note`. */
const typeTitle = (type: string): string => type.charAt(0).toUpperCase() + type.slice(1).toLowerCase().replace(/[-_]+/g, ' ');

/**
 * A paragraph of bold text, at `level`, as the title of a quote: `title` as Markdown, or its inline tokens. Its
 * opening token's `meta` says so (`{ title: true }`), for the plain text of the quote (see `markdown.ts`).
 */
function titleParagraph(state: StateCore, title: string | Token[], level: number): Token[] {
  const open = new state.Token('paragraph_open', 'p', 1);
  open.block = true;
  open.level = level;
  open.meta = { title: true };
  const inline = new state.Token('inline', '', 0);
  inline.level = level + 1;
  let children: Token[] = [];
  if (typeof title === 'string') {
    inline.content = title;
    state.md.inline.parse(title, state.md, state.env, children);
  } else {
    children = title;
    inline.content = title.map((t) => t.content).join('');
  }
  inline.children = [new state.Token('strong_open', 'strong', 1), ...children, new state.Token('strong_close', 'strong', -1)];
  const close = new state.Token('paragraph_close', 'p', -1);
  close.block = true;
  close.level = level;
  return [open, inline, close];
}

/** Containers as quotes, their title (or type) first in bold; Pandoc's `{.class}` divs and layout containers as their content alone. */
function containersAsQuotes(state: StateCore): void {
  if (!state.tokens.some((t) => t.type === 'container_block_open')) return;
  const out: Token[] = [];
  /** For each open container: whether it was written as a quote. */
  const quoted: boolean[] = [];
  /** Containers left out around the token: what they held moves up as many levels (sections are read from the top level). */
  let leftOut = 0;
  for (const token of state.tokens) {
    token.level -= leftOut;
    if (token.type === 'container_block_open') {
      const { type, bracketed, rest } = containerParts(token.info) ?? {};
      const asQuote = type !== undefined && !LAYOUT_CONTAINERS.has(type.toLowerCase());
      quoted.push(asQuote);
      if (!asQuote) {
        leftOut++;
        continue;
      }
      const open = new state.Token('blockquote_open', 'blockquote', 1);
      open.block = true;
      open.level = token.level;
      open.map = token.map;
      out.push(open);
      const title = (bracketed ?? rest ?? '').trim() || typeTitle(type);
      out.push(...titleParagraph(state, title, token.level + 1));
    } else if (token.type === 'container_block_close') {
      if (!quoted.pop()) {
        leftOut--;
        continue;
      }
      const close = new state.Token('blockquote_close', 'blockquote', -1);
      close.block = true;
      close.level = token.level;
      out.push(close);
    } else out.push(token);
  }
  state.tokens = out;
}

/** A quote's first line opening with an alert's (`[!NOTE]`) or a callout's (`[!tip]-`) mark, then its title, if any. */
const ALERT_MARK = /^\[!([A-Za-z][\w-]*)\][+-]?(?=[ \t]|$)/;

/**
 * GitHub's alerts and Obsidian's callouts: a quote whose first line is `[!TYPE]` and a title (Markdown, as
 * Obsidian reads it: `[!tip] Use \`npm ci\``) opens with that title (or the type's name) in bold, a paragraph
 * of its own. One pass over the tokens.
 */
function alertsAsQuotes(state: StateCore): void {
  const tokens = state.tokens;
  let out: Token[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const inline = tokens[i + 2];
    const first = inline?.children?.[0];
    const mark =
      token.type === 'blockquote_open' && tokens[i + 1]?.type === 'paragraph_open' && inline?.type === 'inline' && first?.type === 'text' ? ALERT_MARK.exec(first.content) : null;
    if (!mark || !inline?.children || !first) {
      out?.push(token);
      continue;
    }
    out ??= tokens.slice(0, i);
    out.push(token);
    // The title: what follows the mark on its line.
    const children = inline.children;
    let lineEnd = children.findIndex((c) => c.type === 'softbreak' || c.type === 'hardbreak');
    if (lineEnd < 0) lineEnd = children.length;
    const titleTokens = children.slice(1, lineEnd);
    const after = first.content.slice(mark[0].length).trimStart();
    if (after !== '') {
      const text = new state.Token('text', '', 0);
      text.content = after;
      titleTokens.unshift(text);
    }
    const last = titleTokens.at(-1);
    if (last?.type === 'text') last.content = last.content.trimEnd();
    const shown = titleTokens.some((t) => t.type !== 'text' || t.content !== '');
    out.push(...titleParagraph(state, shown ? titleTokens : typeTitle(mark[1]!), token.level + 1));
    // The rest of the first paragraph, after the line break that ended the mark's line, stays a paragraph.
    const rest = children.slice(lineEnd + 1);
    if (rest.length > 0) {
      inline.children = rest;
      inline.content = inline.content.slice(inline.content.indexOf('\n') + 1);
      out.push(tokens[i + 1]!, inline, tokens[i + 3]!);
    }
    i += 3;
  }
  if (out) state.tokens = out;
}

/** A task's box opening a list item's first line: `[ ]`, `[x]` or `[X]`, then a blank. */
const TASK_BOX = /^\[([ xX])\][ \t]/;

/** A list item opening with a task's box shows it as ☐ (to do) or ☑ (done), as text every reader shows. */
function taskBoxes(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.type !== 'list_item_open' || tokens[i + 1]!.type !== 'paragraph_open') continue;
    const first = tokens[i + 2]!.children?.[0];
    const box = first?.type === 'text' ? TASK_BOX.exec(first.content) : null;
    if (!first || !box) continue;
    first.content = `${box[1] === ' ' ? '\u2610' : '\u2611'} ${first.content.slice(box[0].length)}`;
  }
}
