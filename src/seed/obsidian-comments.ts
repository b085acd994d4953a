import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';

/**
 * Obsidian's comments (`%%private%%`), an editor's notes that Obsidian never shows, left out of a
 * Markdown seed with what they hold. Read on markdown-it's tokens, so only prose can hold one: a mark
 * in code (inline, fenced, indented, or inside `<code>`, `<pre>`, `<kbd>`, `<samp>` within the text), in
 * raw HTML, in an autolink or in a link's address is text, and so is one written with an escape
 * (`\%%`) or a character reference. Marks pair within one run of inline text (a paragraph, a heading,
 * a table cell, a list item's text), first with next; a pair is left out only when what lies between
 * its marks is whole (no link or emphasis opened on one side and closed on the other, no raw HTML). A
 * mark written after a digit (`100%%`, a percent sign as printf writes it) opens no comment; a mark
 * without a partner is text. A comment over several blocks is left out when a top-level paragraph
 * opens with the only `%%` it holds and the next block holding `%%` at all is a top-level paragraph
 * ending with its only one; the blocks between go too. When that next `%%` is elsewhere (in code, in raw
 * HTML, within a line) the comment is left as written. A paragraph or heading left with no text goes, and a list item, list or quote left with nothing. Each pass is linear in the tokens and their text.
 */

/** Obsidian's comment mark, which opens and closes a comment. */
const MARK = '%%';

/** The key a Markdown environment sets to an {@link ObsidianComments} for {@link withoutObsidianComments} to run. */
export const OBSIDIAN_COMMENTS = 'storyfeedObsidianComments';

/** What {@link withoutObsidianComments} left out of a seed, counted over every parse given the same one. */
export interface ObsidianComments {
  /** How many comments were left out. */
  count: number;
  /** The first one as written (shortened), and the index of the block token it was found in. */
  first?: { text: string; token: number };
}

/** Longest part of a comment shown in a warning. */
const SHOWN = 60;

/** Counts a comment left out, found in block token `token`, keeping the first in the document. */
function counted(found: ObsidianComments, token: number, text: string): void {
  found.count++;
  if (found.first === undefined || token < found.first.token) found.first = { text: text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}…` : text, token };
}

/** Elements whose text within a line of Markdown is code, or not shown: a mark there is no comment's. */
const CODE_ELEMENTS = new Set(['code', 'pre', 'kbd', 'samp', 'tt', 'script', 'style', 'textarea']);

/** A comment mark in a run of inline text: the child token it is in, and where in that token's text. */
interface Mark {
  child: number;
  at: number;
}

/**
 * markdown-it core rule (run before `text_join`, while escapes are still tokens of their own): leaves out
 * Obsidian's comments when the environment has {@link OBSIDIAN_COMMENTS} set (see the module's comment).
 */
export function withoutObsidianComments(state: StateCore): void {
  const found = state.env?.[OBSIDIAN_COMMENTS] as ObsidianComments | undefined;
  if (typeof found !== 'object' || found === null || !state.src.includes(MARK)) return;
  const tokens = state.tokens;
  // The marks each inline token holds once its own pairs are gone (by the inline token's index).
  const left = new Map<number, Mark[]>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'inline' || t.children === null) continue;
    const marks = proseMarks(t.children);
    if (marks.length === 0) continue;
    const paired = inlinePairs(t.children, marks);
    for (const [from, to] of paired.pairs) counted(found, i, commentText(t.children, from, to));
    if (paired.pairs.length > 0) t.children = withoutPairs(t.children, paired.pairs);
    if (paired.rest > 0) left.set(i, paired.pairs.length === 0 ? marks : proseMarks(t.children));
  }
  const drop = blockComments(tokens, left);
  // A comment over several blocks is shown by its first line.
  for (const opener of drop.keys()) counted(found, opener + 1, `${tokens[opener + 1]!.content.split('\n')[0]} …`);
  const kept: Token[] = [];
  // The blocks open where a token is read, and whether a paragraph inside was left out (a list item or quote left empty goes too).
  const open: { token: Token; dropped: boolean }[] = [];
  const dropped = (): void => {
    if (open.length > 0) open[open.length - 1]!.dropped = true;
  };
  for (let i = 0; i < tokens.length; i++) {
    const end = drop.get(i);
    if (end !== undefined) {
      i = end;
      dropped();
      continue;
    }
    const t = tokens[i]!;
    // A paragraph or heading that was nothing but a comment goes (an empty heading would be an empty title or section).
    if (
      (t.type === 'paragraph_open' || t.type === 'heading_open') &&
      tokens[i + 1]?.type === 'inline' &&
      tokens[i + 2]?.type === (t.type === 'paragraph_open' ? 'paragraph_close' : 'heading_close') &&
      emptied(tokens[i + 1]!)
    ) {
      i += 2;
      dropped();
      continue;
    }
    if (t.nesting === 1) open.push({ token: t, dropped: false });
    else if (t.nesting === -1) {
      const block = open.pop();
      if (block?.dropped && kept[kept.length - 1] === block.token && EMPTIED_BLOCKS.has(t.type)) {
        kept.pop();
        dropped();
        continue;
      }
    }
    kept.push(t);
  }
  if (kept.length !== tokens.length) state.tokens = kept;
}

/** Blocks that go when what they held was only comments (their closing tokens' types). */
const EMPTIED_BLOCKS = new Set(['list_item_close', 'bullet_list_close', 'ordered_list_close', 'blockquote_close']);

/** Whether an inline token that held a comment mark holds no text now (its children only empty text and line breaks). */
function emptied(inline: Token): boolean {
  if (!inline.content.includes(MARK) || inline.children === null) return false;
  return inline.children.every((c) => (c.type === 'text' && c.content.trim() === '') || c.type === 'softbreak' || c.type === 'hardbreak');
}

/** The comment marks in a run of inline tokens' prose: `text` tokens outside code elements and autolinks, left to right, not overlapping. */
function proseMarks(children: readonly Token[]): Mark[] {
  const marks: Mark[] = [];
  let code = 0;
  let autolink = 0;
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (c.type === 'html_inline') {
      const tag = /^<(\/?)([a-z][a-z0-9]*)/i.exec(c.content);
      if (tag && CODE_ELEMENTS.has(tag[2]!.toLowerCase()) && !c.content.endsWith('/>')) code = Math.max(0, code + (tag[1] ? -1 : 1));
    } else if (c.type === 'link_open' && c.markup === 'autolink') autolink++;
    else if (c.type === 'link_close' && c.markup === 'autolink') autolink = Math.max(0, autolink - 1);
    else if (c.type === 'text' && code === 0 && autolink === 0) {
      for (let at = c.content.indexOf(MARK); at >= 0; at = c.content.indexOf(MARK, at + MARK.length)) marks.push({ child: i, at });
    }
  }
  return marks;
}

/** A comment's text from its opening mark to its closing one, as the inline tokens between hold it. */
function commentText(children: readonly Token[], from: Mark, to: Mark): string {
  if (from.child === to.child) return children[from.child]!.content.slice(from.at, to.at + MARK.length);
  let text = children[from.child]!.content.slice(from.at);
  for (let i = from.child + 1; i < to.child && text.length <= SHOWN; i++) text += children[i]!.content;
  return text + children[to.child]!.content.slice(0, to.at + MARK.length);
}

/** Whether a mark may open a comment: not written after a digit (`100%%`). */
function opens(children: readonly Token[], mark: Mark): boolean {
  const before = mark.at > 0 ? children[mark.child]!.content[mark.at - 1] : undefined;
  return before === undefined || !/[0-9]/.test(before);
}

/**
 * Whether the tokens between two marks are whole: none of raw HTML, and every link, emphasis or other
 * element opened between them closed between them (none closed that opened before).
 */
function wholeBetween(children: readonly Token[], open: Mark, close: Mark): boolean {
  let depth = 0;
  for (let i = open.child + 1; i < close.child; i++) {
    const c = children[i]!;
    if (c.type === 'html_inline') return false;
    depth += c.nesting;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/**
 * The comments in a run of inline tokens: its prose `marks` paired, first with next, where the first
 * may open one and what lies between them is whole; and how many marks are left unpaired.
 */
function inlinePairs(children: readonly Token[], marks: readonly Mark[]): { pairs: [Mark, Mark][]; rest: number } {
  const pairs: [Mark, Mark][] = [];
  let rest = 0;
  let open: Mark | undefined;
  for (const mark of marks) {
    if (open === undefined) {
      if (opens(children, mark)) open = mark;
      else rest++;
    } else {
      if (wholeBetween(children, open, mark)) pairs.push([open, mark]);
      else rest += 2;
      open = undefined;
    }
  }
  return { pairs, rest: open === undefined ? rest : rest + 1 };
}

/**
 * A run of inline tokens without its comments (`pairs`, in order): from each opening mark to the end of
 * its closing one, with the tokens between. The white space before a comment goes with it when white
 * space or punctuation follows it (or nothing), so no double space is left. One pass.
 */
function withoutPairs(children: readonly Token[], pairs: readonly [Mark, Mark][]): Token[] {
  // The spans cut out of each text token, by its index: [start, end) in its text, in order.
  const cuts = new Map<number, [number, number][]>();
  const cut = (child: number, start: number, end: number): void => {
    const list = cuts.get(child);
    if (list === undefined) cuts.set(child, [[start, end]]);
    else list.push([start, end]);
  };
  const skipped = new Set<number>();
  for (const [from, to] of pairs) {
    const first = children[from.child]!.content;
    const last = children[to.child]!.content;
    // What follows the comment: the next character of its token, else the next token's first (none at the end of the
    // run; a line break is white space; an element such as emphasis, code or a link is text that follows).
    // Closing tokens (`</strong>`, `</a>`) are passed over: what follows is what comes after them.
    let following = to.child + 1;
    while (children[following]?.nesting === -1) following++;
    const next = children[following];
    const after =
      last[to.at + MARK.length] ??
      (next === undefined || next.type === 'softbreak' || next.type === 'hardbreak' ? undefined : next.type === 'text' ? (next.content[0] ?? '') : 'x');
    // Where the text kept before it ends: not before the end of the last cut in the same token.
    const floor = cuts.get(from.child)?.at(-1)?.[1] ?? 0;
    let start = from.at;
    if (after === undefined || /[\s\p{P}]/u.test(after)) while (start > floor && (first[start - 1] === ' ' || first[start - 1] === '\t')) start--;
    if (from.child === to.child) cut(from.child, start, to.at + MARK.length);
    else {
      cut(from.child, start, first.length);
      cut(to.child, 0, to.at + MARK.length);
      for (let i = from.child + 1; i < to.child; i++) skipped.add(i);
    }
  }
  const kept: Token[] = [];
  for (let i = 0; i < children.length; i++) {
    if (skipped.has(i)) continue;
    const child = children[i]!;
    const spans = cuts.get(i);
    if (spans !== undefined) {
      let text = '';
      let at = 0;
      for (const [start, end] of spans) {
        text += child.content.slice(at, start);
        at = end;
      }
      child.content = text + child.content.slice(at);
    }
    kept.push(child);
  }
  return kept;
}

/**
 * Comments over several blocks (see the module's comment): for each, the index of the paragraph that
 * opens it mapped to the index of the closing token of the paragraph that ends it. After an opening
 * paragraph, the first block holding `%%` anywhere (in prose, code or raw HTML) must be the closing one.
 */
function blockComments(tokens: readonly Token[], left: ReadonlyMap<number, Mark[]>): Map<number, number> {
  const drop = new Map<number, number>();
  let opener: number | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (opener !== undefined) {
      if (!t.content.includes(MARK)) continue;
      const marks = left.get(i);
      if (t.type === 'inline' && onlyMark(t) && marks?.length === 1 && topParagraph(tokens, i) && endsWith(t, marks[0]!)) drop.set(opener - 1, i + 1);
      opener = undefined;
      continue;
    }
    if (t.type !== 'inline' || !t.content.startsWith(MARK) || !onlyMark(t) || !topParagraph(tokens, i)) continue;
    const marks = left.get(i);
    if (marks?.length === 1 && marks[0]!.child === 0 && marks[0]!.at === 0) opener = i;
  }
  return drop;
}

/** Whether a token's source holds one comment mark and no other `%%`. */
function onlyMark(token: Token): boolean {
  const at = token.content.indexOf(MARK);
  return at >= 0 && token.content.indexOf(MARK, at + 1) < 0;
}

/** Whether the inline token at `i` is a top-level paragraph's text. */
function topParagraph(tokens: readonly Token[], i: number): boolean {
  const open = tokens[i - 1];
  return open?.type === 'paragraph_open' && open.level === 0;
}

/** Whether a mark ends an inline token's text. */
function endsWith(inline: Token, mark: Mark): boolean {
  const children = inline.children ?? [];
  return mark.child === children.length - 1 && mark.at + MARK.length === children[mark.child]!.content.length;
}
