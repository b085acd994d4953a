import { collapseSpace, showsNothing, withoutTrailing } from '../white-space.js';
import MarkdownIt from 'markdown-it';
import { checkText } from '../story/check-options.js';
import type { RuleBlock } from 'markdown-it/lib/parser_block.mjs';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import { StoryfeedError, warning, type Diagnostic } from '../errors.js';
import { BLOCK_ELEMENTS, HIDDEN_ELEMENTS, htmlText, MEDIA_ELEMENTS, MEDIA_START_TAG, opensHiddenElement } from '../story/html-text.js';
import type { Block, Section } from '../types.js';
import type { SeedArticle } from './article.js';
import { type FrontMatterSplit, parseFrontMatter, readUnderOwnName, splitFrontMatter } from './front-matter.js';
import { withoutAttributeMarks } from './attribute-marks.js';
import { codeLineReader } from './code-lines.js';
import { withoutInlineTags } from './inline-tags.js';
import { withoutMdxSyntax } from './mdx.js';
import { OBSIDIAN_COMMENTS, type ObsidianComments, withoutObsidianComments } from './obsidian-comments.js';
import { renderShortcode } from './shortcodes.js';
import { RAW_TAG, RAW_TAGS, rawAfter, withTemplateLinks } from './template-links.js';
import { withoutWordpressCaptions } from './wordpress-captions.js';
import { withAdmonitions } from './admonitions.js';
import { withHashnodeMarks } from './hashnode-marks.js';
import { splitDatedName } from './dated-name.js';
import deflist from 'markdown-it-deflist';
import { OBSIDIAN_VAULT, withSiteExtensions } from './markdown-extensions.js';
import { parseByline, parseDateline, type TextSeedOptions } from './text.js';
import { checkSeedStructure, SEED_BYTES_PER_UNIT, seedUnitLimit } from './structure-limit.js';
import { MAX_STORY_TAGS } from '../story-limits.js';

/**
 * One shared, configured Markdown parser: CommonMark + tables and strikethrough, raw HTML kept for the sanitizer,
 * and what site generators read beyond them (footnotes, containers, alerts, task lists: see `markdown-extensions.ts`).
 */
const markdown = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
withSiteExtensions(markdown);
// Definition lists, which Hugo (Goldmark), kramdown (Jekyll) and Pandoc read by default: with `:` only. Pandoc alone
// also takes `~` (which the plugin does), and prose ends a letter or a quote with a `~ Name` line.
markdown.block.ruler.before('paragraph', 'deflist', colonDefinitions(deflistRule(markdown)), { alt: ['paragraph', 'reference', 'blockquote'] });
// Obsidian's comments, in seeds only (see `obsidian-comments.ts`): read while escapes are tokens of their own.
markdown.core.ruler.before('text_join', 'obsidian_comments', withoutObsidianComments);
// A table column's alignment (`|---:|`) is a `style` attribute markdown-it writes itself, which the sanitizer removes
// as it removes any style (a feed reader applies none): left out here, it no longer sets off the warning for styles.
markdown.core.ruler.push('table_alignment', (state) => {
  for (const token of state.tokens) {
    if ((token.type === 'th_open' || token.type === 'td_open') && /^text-align:(?:left|center|right)$/.test(token.attrGet('style') ?? '')) {
      token.attrs = token.attrs?.filter(([name]) => name !== 'style') ?? null;
    }
  }
});

/** A line of Markdown as inline HTML (a figure's caption, as Hugo renders it). */
const inlineMarkdown = (text: string): string => markdown.renderInline(text);

/** What {@link readMarkdownSeed} reads besides a text seed's options. */
export interface MarkdownSeedOptions extends TextSeedOptions {
  /**
   * Whether the file lies in a site generator's posts folder (Jekyll's, or a Hexo site's `source/_posts`), where a post
   * may leave out the `---` opening its front matter; without it, `jekyllPost` says, else `file`.
   */
  inPostsFolder?: boolean;
  /** Whether the file is an Obsidian vault's note, where `[[…]]` links and `==…==` highlights are read (see `markdown-extensions.ts`). */
  obsidianVault?: boolean;
  /** The file's path within the seeds folder, which an untitled seed's name is read from (see `ReadSeedOptions.namePath`); without it, `file`. */
  namePath?: string;
}

/**
 * Reads a Markdown seed with optional YAML front matter. The title comes from front matter, else a
 * leading `# ` heading, else the first line. A leading `# ` heading that repeats the front matter's title
 * is left out; one that differs starts the first section, as `##`–`######` headings start sections.
 */
export function readMarkdownSeed(raw: string, options: MarkdownSeedOptions = {}): SeedArticle {
  const { file } = options;
  // A Hexo post (in a `_posts` folder, Jekyll's or Hexo's) may leave out the `---` that opens its front matter.
  const inPostsFolder = options.inPostsFolder ?? options.jekyllPost ?? file?.split(/[\\/]/).slice(0, -1).includes('_posts') === true;
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const split = splitFrontMatter(text, file, { metadataLines: true, closingFenceOnly: inPostsFolder, timeZone: options.timeZone });
  if (split.metadata === undefined) return readSplitMarkdown(raw, split, options);
  // Pelican's metadata lines are only guessed to be (see `metadata-lines.ts`), and were the text's first lines before:
  // read as fields, they may leave the story no body (`Title: Short note` / `Date: 2024-01-01` and nothing under
  // them, or only what is left out: a comment, template tags), which only the whole read tells. Such a guess is
  // taken back, the lines read as text as they were, with the warning a value that does not read gives; the
  // warnings of the read taken back are never given.
  const held: Diagnostic[] = [];
  try {
    const article = readSplitMarkdown(raw, split, { ...options, onWarning: (d) => held.push(d) });
    for (const d of held) options.onWarning?.(d);
    return article;
  } catch (error) {
    if (!(error instanceof StoryfeedError) || error.code !== 'E_NO_BODY') {
      for (const d of held) options.onWarning?.(d);
      throw error;
    }
    const notRead = warning(
      'W_UNKNOWN_FIELD',
      `the first lines look like ${split.metadata.what} but are read as text, as they were: read as the story's fields, they leave it no text; add its text after a blank line under them to read them so`,
      { file, line: split.bodyLine },
    );
    return readSplitMarkdown(raw, { yaml: null, yamlLine: 0, body: text, bodyLine: 1, metadataNotRead: notRead }, options);
  }
}

/** {@link readMarkdownSeed} once its front matter is split from `raw` (as `split`). */
function readSplitMarkdown(raw: string, split: FrontMatterSplit, options: MarkdownSeedOptions): SeedArticle {
  const { file } = options;
  const meta = parseFrontMatter(split, {
    file,
    timeZone: options.timeZone,
    onWarning: options.onWarning,
    ...(options.jekyllPost !== undefined ? { jekyllPost: options.jekyllPost } : {}),
  });
  // Pelican renders its `Summary:` as Markdown (`as well as **inline markup**`), and Hugo its front matter's
  // `summary` (not `description`, which themes put in a page's meta tags as written): the summary is its text.
  if (meta.summary !== undefined && (split.metadata !== undefined || readUnderOwnName(meta, 'summary'))) {
    // One of markup alone (`<br>`, `![](x.png)`) shows no text: the summary is then made from the body, as without one.
    const text = inlineText(markdown.parseInline(meta.summary, {})[0]);
    if (text) meta.summary = text;
    else delete meta.summary;
  }
  // Counted as written first (see `structure-limit.ts`): the passes below render shortcodes' captions with the
  // Markdown parser, and what they take out is counted again after them.
  const limit = seedUnitLimit(options.maxSeedBytes);
  checkSeedStructure(split.body, { kind: 'markdown', limit, file, lineOffset: split.bodyLine - 1 });
  // An MDX file's modules, components and expressions go first (see `mdx.ts`); the lines stay where they were.
  const mdx = file !== undefined && /\.mdx$/i.test(file) ? withoutMdxSyntax(split.body) : undefined;
  if (mdx?.first) {
    const line = split.bodyLine + mdx.first.line;
    const count = mdx.count > 1 ? `${mdx.count} MDX components and expressions` : 'an MDX component or expression';
    options.onWarning?.(
      warning('W_TEMPLATE_TAG', `left out ${count} storyfeed does not render, keeping what components hold (first: ${mdx.first.text} on line ${line})`, { file, line }),
    );
  }
  const captions = withoutWordpressCaptions(withoutAttributeMarks(mdx ? withTruncateMarks(split.body, mdx.body) : split.body).body);
  const links = withTemplateLinks(withAdmonitions(withHashnodeMarks(captions.body)).body, options.siteUrl);
  // A line of the body as the passes after the captions' read it, as a line of the file (the captions' pass drops lines of tags).
  const fileLine = (at: number): number => split.bodyLine + lineBeforeDrops(at, captions.dropped);
  if (links.first) {
    const line = fileLine(links.first.line);
    const count = links.leftOut > 1 ? `${links.leftOut} links` : 'a link';
    options.onWarning?.(
      warning('W_TEMPLATE_TAG', `left out ${count} whose address only the site generator can fill, keeping the text (first: ${links.first.text} on line ${line})`, { file, line }),
    );
  }
  const tags = withoutTemplateTagLines(links.body);
  // A body of nothing but tags (a video post: `{{< youtube … >}}`) is kept as written: left out, it would be no story.
  const whole = (tags.count > 0 || tags.inline.count > 0) && bodyBelowHeadline(tags.body, meta.title !== undefined).trim() === '';
  if (tags.first) {
    const line = fileLine(tags.first.line);
    const count = tags.count > 1 ? `${tags.count} lines of template tags` : 'a line of template tags';
    const what = whole ? `kept ${count} storyfeed does not render, as written: they are the whole body` : `left out ${count} storyfeed does not render`;
    options.onWarning?.(warning('W_TEMPLATE_TAG', `${what} (first: ${tags.first.text} on line ${line})`, { file, line }));
  }
  if (tags.inline.first) {
    const line = fileLine(tags.inline.first.line);
    const count = tags.inline.count > 1 ? `${tags.inline.count} template tags` : 'a template tag';
    options.onWarning?.(
      warning('W_TEMPLATE_TAG', `left out ${count} within the text storyfeed does not render (first: ${tags.inline.first.text} on line ${line})`, { file, line }),
    );
  }
  const fm = { ...split, body: whole ? links.body : tags.body };
  // Counted again as the parser gets it, when the passes above changed it: what they took out (MDX syntax,
  // template tags, attribute marks) could hide a line's block markers.
  if (fm.body !== split.body)
    checkSeedStructure(fm.body, { kind: 'markdown', limit, file, after: 'once what storyfeed leaves out (MDX syntax, template tags, attribute marks) is taken out' });
  const comments: ObsidianComments = { count: 0 };
  const env = { [OBSIDIAN_COMMENTS]: comments, ...(options.obsidianVault ? { [OBSIDIAN_VAULT]: true } : {}) };
  let tokens = checkedLinks(markdown.parse(fm.body, env), limit, file);
  const tooDeep = blockNestedTooDeep(tokens);
  if (tooDeep !== undefined) {
    const line = fileLine(tooDeep.map?.[0] ?? 0);
    throw new StoryfeedError('E_TOO_DEEP', tooDeepMessage(line), { file, line });
  }

  let title = meta.title ?? '';
  // A heading of no text opening the body (`#` alone, a placeholder never filled in) is no headline: it would
  // publish an untitled item, and a reader sees nothing of it. It is left out, and the headline found below it.
  const empty = withoutEmptyLeadingHeadings(tokens);
  tokens = empty.tokens;
  // HTML no reader sees may open the body (`<!-- markdownlint-disable -->`, a note over several lines, a
  // `<style>` block): the headline is what comes after it, and it stays where it is in the body.
  const lead = hiddenLead(tokens);
  const first = tokens[lead];
  // Without a title anywhere, the first line is the headline, as in a plain-text seed. With Obsidian comments, which
  // may run over that line or the lines before it, it is the first line of text of the first paragraph as parsed,
  // the comments already left out (read alone, the line would split a comment in two published halves).
  const parsed = !title && fm.body.includes('%%') ? paragraphHeadline(tokens, lead) : undefined;
  // A leading `# ` heading is the headline without a title in front matter, and left out when it repeats that
  // title, as written or as text (a title may hold Markdown: `Using \`npm\``); one that differs is the first section's heading.
  if (first?.type === 'heading_open' && first.tag === 'h1' && (!title || sameTitle(inlineText(tokens[lead + 1]), title) || sameTitle(tokens[lead + 1]?.content ?? '', title))) {
    if (!title) title = inlineText(tokens[lead + 1]);
    tokens = [...tokens.slice(0, lead), ...tokens.slice(lead + 3)];
  } else if (parsed) {
    ({ title, tokens } = parsed);
  } else if (!title && tokens.length > 0 && leadBlocks(tokens, true) === tokens.length && !unclosedFence(tokens[tokens.length - 1]!, fm.body)) {
    // Nothing but blocks that are no headline (code, a picture, a table, a quotation, HTML): their first line as written
    // would be one (```js, | a | b |, ![](x.png)). The story is titled by its file's name, as Jekyll titles a post, and they stay whole.
    // A fence never closed takes in the rest of the file: its line is the headline, and what follows it the body, as before.
    title = untitledBodyTitle(tokens, options.namePath ?? file, file);
  } else if (!title) {
    // A first block that is no paragraph (`2023. What a year` is a list to Markdown): its first line, as written.
    const lines = fm.body.split('\n');
    const from = Math.max(hiddenLeadEnd(tokens, lead), empty.end);
    const at = firstTextLine(lines, from);
    if (at < 0) {
      const what = raw.trim() === '' ? 'the file is empty' : split.bodyLine === 1 ? 'the file has no text (only headings of none)' : 'the file has front matter but no text';
      throw new StoryfeedError('E_EMPTY', what, { file, line: 1 });
    }
    // The body is read again below its headline: its comments are counted again, with the headline's.
    comments.count = 0;
    comments.first = undefined;
    title = lineTitle(lines[at]!, env);
    // The headings of no text left out above stay out (their lines blank; the hidden HTML before the headline stays).
    for (const [start, end] of empty.lines) lines.fill('', start, end);
    tokens = checkedLinks(markdown.parse([...lines.slice(0, from), ...lines.slice(at + 1)].join('\n'), env), limit, file);
  }

  if (comments.first) {
    const count = comments.count > 1 ? `${comments.count} Obsidian comments` : 'an Obsidian comment';
    options.onWarning?.(warning('W_TEMPLATE_TAG', `left out ${count} (%%…%%), an editor's notes that readers do not see (first: ${comments.first.text})`, { file }));
  }
  // A paragraph of nothing but hashtags (`#travel #food/pastries`, as Bear and Obsidian notes tag themselves, and as
  // posts copied from social networks end) names the story's tags; it is no text a reader should see.
  const hashtags = withoutHashtagLines(tokens);
  if (hashtags.tags.length > 0) {
    tokens = hashtags.tokens;
    meta.tags = [...new Set([...(meta.tags ?? []), ...hashtags.tags])].slice(0, MAX_STORY_TAGS);
  }
  const summary = withSummaryDivider(tokens, meta.excerptSeparator);
  tokens = summary.tokens;
  const { divider } = summary;
  const sections = toSections(tokens, file);
  const html = markdown.renderer.render(tokens, markdown.options, env);
  // A body of only a picture, a video or a sound (with no text) is a body, as an item's is; the story then checks
  // that the sanitizer kept it (see `normalize.ts`).
  if (!sections.some((s) => s.blocks.length > 0) && !MEDIA_START_TAG.test(html)) {
    throw new StoryfeedError('E_NO_BODY', `"${title}" has a headline but no body`, { file, line: fm.bodyLine });
  }
  const article: SeedArticle = { kind: 'markdown', meta, title, byline: [], sections, html };
  if (file !== undefined) article.file = file;
  const lede = sections[0]?.blocks[0];
  if (lede?.kind === 'paragraph') {
    const byline = parseByline(lede.text);
    if (byline) article.byline = byline;
    const dateline = parseDateline(lede.text);
    if (dateline) article.dateline = dateline;
  }
  if (divider > 0) {
    // The byline is not part of the summary, as it is not part of the lede.
    const blocks = toSections(tokens.slice(0, divider), file).flatMap((section) => section.blocks);
    if (article.byline.length > 0 && blocks[0]?.kind === 'paragraph' && parseByline(blocks[0].text)) blocks.shift();
    const excerpt = collapseSpace(blocks.flatMap(blockTexts).join(' '));
    if (excerpt) article.excerpt = excerpt;
  }
  return article;
}

/** Line `at` (0-based) of a text with the lines `dropped` (0-based, in order, in the text before) left out, as a line of the text before. */
function lineBeforeDrops(at: number, dropped: readonly number[] = []): number {
  let line = at;
  for (const d of dropped) {
    if (d > line) break;
    line++;
  }
  return line;
}

/** Inline children as a token of their own (a copy of `inline` holding them), for {@link inlineText}. */
function withChildren(inline: Token, children: Token[]): Token {
  return Object.assign(Object.create(Object.getPrototypeOf(inline)) as Token, inline, { children });
}

/**
 * The inline children of a paragraph's first line of text (lines left empty by a comment passed over), those of the
 * lines after it, and how many lines it took. One pass over the children.
 */
function firstLineChildren(inline: Token): { head: Token[]; rest: Token[] | undefined; lines: number } {
  const children = inline.children ?? [];
  let start = 0;
  for (let i = 0; i <= children.length; i++) {
    const c = children[i];
    if (c !== undefined && c.type !== 'softbreak' && c.type !== 'hardbreak') continue;
    const line = children.slice(start, i);
    if (inlineText(withChildren(inline, line)) !== '' || c === undefined) {
      const lines = children.slice(0, i).filter((x) => x.type === 'softbreak' || x.type === 'hardbreak').length + 1;
      return { head: line, rest: c === undefined ? undefined : children.slice(i + 1), lines };
    }
    start = i + 1;
  }
  return { head: [], rest: undefined, lines: 0 };
}

/**
 * The headline the first line of the body's first block gives when that block is a top-level paragraph: its first
 * line of text as parsed (emphasis, links and code read as text, Obsidian comments already left out), with the
 * tokens without it (the paragraph's lines below it, or no paragraph when that was all of it); `undefined` for
 * another first block, or a first line without text (an image without alternative text).
 */
function paragraphHeadline(tokens: readonly Token[], at: number): { title: string; tokens: Token[] } | undefined {
  const open = tokens[at];
  const inline = tokens[at + 1];
  if (open?.type !== 'paragraph_open' || open.level !== 0 || inline?.type !== 'inline' || !inline.children) return undefined;
  const { head, rest, lines } = firstLineChildren(inline);
  const title = inlineText(withChildren(inline, head));
  if (!title) return undefined;
  const blank = (c: Token): boolean => c.type === 'softbreak' || c.type === 'hardbreak' || (c.type === 'text' && c.content.trim() === '');
  if (rest === undefined || rest.every(blank)) return { title, tokens: [...tokens.slice(0, at), ...tokens.slice(at + 3)] };
  // Its source below the headline's line (read by the summary divider's check).
  let cut = 0;
  for (let k = 0; k < lines && cut >= 0; k++) cut = inline.content.indexOf('\n', cut) + 1 || -1;
  const kept = Object.assign(withChildren(inline, rest), { content: cut > 0 ? inline.content.slice(cut) : '' });
  return { title, tokens: [...tokens.slice(0, at + 1), kept, ...tokens.slice(at + 2)] };
}

/**
 * The headline a seed's first line gives, read as inline Markdown only, as a heading's text is
 * (`**Breaking:** storm` → Breaking: storm; a link gives its text, a code span its content; escapes,
 * character references and inline HTML are read). Its block syntax is not interpreted (`2023. What a
 * year` is no list item, `> A quote` keeps its mark), except `#` marks opening it, as before. A line
 * whose reading leaves no text (an image without alternative text, an empty link) is the title as written.
 */
function lineTitle(line: string, env: object): string {
  const written = line.trim().replace(/^#+\s+/, '');
  return inlineText(markdown.parseInline(written, env)[0]) || written;
}

/** Whether a heading repeats a title: the same once case, white space, Unicode composition and trailing punctuation are set aside. */
function sameTitle(heading: string, title: string): boolean {
  return comparableTitle(heading) === comparableTitle(title);
}

/** A title in NFC, lowercase, its white space collapsed, without punctuation at its end. */
function comparableTitle(title: string): string {
  return withoutTrailing(collapseSpace(title.normalize('NFC').toLowerCase().normalize('NFC')), /[\p{P}\s]/u);
}

/**
 * The title of a story whose body holds no line that could be its headline (only blocks {@link hiddenLead} passes over):
 * its file's name in words (`photo-of-the-day.md` → "Photo Of The Day", see {@link nameTitle}). Without a file name, or with
 * only HTML no reader sees, there is none: `E_EMPTY`.
 */
function untitledBodyTitle(tokens: readonly Token[], name: string | undefined, file: string | undefined): string {
  const shown = tokens.some((t) => t.level === 0 && !(t.type === 'html_block' && onlyHiddenHtml(t.content)));
  if (!shown) throw new StoryfeedError('E_EMPTY', 'the file has no text a reader sees (only HTML comments, scripts or styles)', { file, line: 1 });
  const title = name === undefined ? '' : nameTitle(name);
  if (title === '') {
    throw new StoryfeedError(
      'E_EMPTY',
      'no headline: the text holds only code, pictures, tables, quotations or HTML, whose first line is no headline; give a `title` in front matter',
      { file, line: 1 },
    );
  }
  return title;
}

/**
 * Whether `token` is a fenced code block never closed (it runs to the end of `body`, its last line no closing fence). Only
 * the last block can be one: asked of it alone, the lines before it are counted once.
 */
function unclosedFence(token: Token, body: string): boolean {
  if (token.type !== 'fence' || token.map === null) return false;
  const [start, end] = token.map;
  if (end - start < 2) return true;
  let at = -1;
  for (let line = 0; line < end - 1; line++) {
    at = body.indexOf('\n', at + 1);
    if (at < 0) return true;
  }
  const next = body.indexOf('\n', at + 1);
  const last = body.slice(at + 1, next < 0 ? body.length : next).trim();
  const mark = token.markup[0]!;
  return !(last.length >= token.markup.length && [...last].every((c) => c === mark));
}

/**
 * A file's name as a title: the name without its extension and its date (`2024-01-02-`), or the folder's of an `index`
 * or `_index` file (a page bundle), its words between hyphens, underscores and spaces, the first letter of each word in
 * lower case made upper case, a word with capitals of its own kept as written (`NASA-launch-iPhone-photos` → "NASA Launch iPhone Photos"); empty for a name of no letter or digit.
 */
function nameTitle(file: string): string {
  const parts = file.split(/[\\/]/).filter((p) => p !== '');
  let stem = (parts.pop() ?? '').replace(/\.[^.]*$/, '');
  if (/^_?index$/i.test(stem)) stem = parts.pop() ?? '';
  stem = splitDatedName(stem)?.rest ?? stem;
  const words = stem.split(/[-_\s]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words
    .map((word) => {
      // A word written with capitals of its own (`iPhone`, `NASA`) stays as written.
      if (word !== word.toLowerCase()) return word;
      const head = String.fromCodePoint(word.codePointAt(0)!);
      return head.toUpperCase() + word.slice(head.length);
    })
    .join(' ');
}

/**
 * The body below its headline when the headline comes from it (no title in front matter): below a leading
 * `# ` heading, else below its first line of text, HTML no reader sees before either passed over (see
 * {@link hiddenLead}), as {@link readMarkdownSeed} finds the headline.
 */
function bodyBelowHeadline(body: string, titled: boolean): string {
  if (titled) return body;
  const tokens = markdown.parse(body, {});
  const lead = hiddenLead(tokens);
  const first = tokens[lead];
  const lines = body.split('\n');
  if (first?.type === 'heading_open' && first.tag === 'h1') return lines.slice(first.map![1]).join('\n');
  const at = firstTextLine(lines, hiddenLeadEnd(tokens, lead));
  return at < 0 ? '' : lines.slice(at + 1).join('\n');
}

/** The first line at or after `from` holding more than white space, -1 for none. */
function firstTextLine(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (lines[i]!.trim() !== '') return i;
  return -1;
}

/**
 * How many block tokens open the body with HTML no reader sees: HTML blocks of nothing but comments
 * (`<!-- markdownlint-disable -->`, a note over several lines) and whole `<script>` and `<style>`
 * elements; and headings, paragraphs and HTML blocks of only a picture (`# ![](banner.png)`, `![](hero.jpg)`,
 * `<p align="center"><img src="logo.png"></p>`: the headline was the line as written), fenced code blocks, tables,
 * block quotes and HTML blocks of another element than a heading or a paragraph (`<div class="intro">`, a `<figure>`
 * with its caption), which are no headline: their first line taken for one broke the block (a fence's closing line
 * opened another fence, turning the rest of the article into code; a table's first row was lost and the rest
 * published as text; a `<figure>` lost its picture) or showed its syntax (`> `, `<div class="intro">`). None when
 * nothing comes after them (the headline is then their first line, as written).
 */
function hiddenLead(tokens: readonly Token[]): number {
  const lead = leadBlocks(tokens);
  return lead < tokens.length ? lead : 0;
}

/**
 * How many block tokens {@link hiddenLead} passes over, all of them (`tokens.length`) when nothing comes after them; with
 * `altText`, paragraphs of pictures with alternative text too (a body of nothing else has no headline: see {@link untitledBodyTitle}).
 */
function leadBlocks(tokens: readonly Token[], altText = false): number {
  let lead = 0;
  for (;;) {
    if (lead < tokens.length && tokens[lead]!.type === 'html_block' && onlyHiddenHtml(tokens[lead]!.content)) lead++;
    else if (isPictureHeading(tokens, lead) || isPictureParagraph(tokens, lead) || (altText && isPicturesOrLinksParagraph(tokens, lead))) lead += 3;
    else if (altText && tokens[lead]?.type === 'html_block' && LINK_ONLY_HTML.test(tokens[lead]!.content)) lead++;
    else if (tokens[lead]?.type === 'fence' || isPictureHtml(tokens[lead]) || isNoHeadlineHtml(tokens[lead])) lead++;
    else if (tokens[lead]?.type === 'table_open' || tokens[lead]?.type === 'blockquote_open') lead = closing(tokens, lead) + 1;
    else break;
  }
  return Math.min(lead, tokens.length);
}

/**
 * The tokens without the headings of no text and no image or HTML (`#` alone, `# #`, a heading of only invisible characters)
 * among the HTML no reader sees that opens the body (see {@link hiddenLead}), the line (0-based) after the
 * last of them (0 without any), and the lines of each (0-based, end excluded). Each heading is looked at once.
 */
function withoutEmptyLeadingHeadings(tokens: Token[]): { tokens: Token[]; end: number; lines: [number, number][] } {
  const kept: Token[] = [];
  const lines: [number, number][] = [];
  let i = 0;
  for (;;) {
    const token = tokens[i];
    if (token?.type === 'html_block' && onlyHiddenHtml(token.content)) {
      kept.push(token);
      i++;
    } else if (token?.type === 'heading_open' && token.map && tokens[i + 2]?.type === 'heading_close' && showsNothing(inlineText(tokens[i + 1]))) {
      // A heading of only a picture stays where it is (see {@link hiddenLead}); one showing nothing is left out.
      if (showsPicture(tokens[i + 1])) kept.push(token, tokens[i + 1]!, tokens[i + 2]!);
      else lines.push([token.map[0], token.map[1]]);
      i += 3;
    } else break;
  }
  return lines.length === 0 ? { tokens, end: 0, lines } : { tokens: [...kept, ...tokens.slice(i)], end: lines.at(-1)![1], lines };
}

/** An HTML tag that shows a picture or a player without text. */
const PICTURE_TAG = /^<(?:img|picture|svg|video|audio)(?=[\s/>])/i;

/** Whether an inline token holds a picture (`# ![](banner.png)`, `# <img …>`): a heading of no text that shows something. */
function showsPicture(inline: Token | undefined): boolean {
  return inline?.children?.some((child) => child.type === 'image' || (child.type === 'html_inline' && PICTURE_TAG.test(child.content))) === true;
}

/** Whether the tokens at `at` are a heading of no text that shows a picture: no headline, passed over as hidden HTML is. */
function isPictureHeading(tokens: readonly Token[], at: number): boolean {
  return tokens[at]?.type === 'heading_open' && tokens[at + 2]?.type === 'heading_close' && showsNothing(inlineText(tokens[at + 1])) && showsPicture(tokens[at + 1]);
}

/** Whether the tokens at `at` are a top-level paragraph of only a picture, without alternative text (`![](hero.jpg)`): no headline. */
function isPictureParagraph(tokens: readonly Token[], at: number): boolean {
  const open = tokens[at];
  return (
    open?.type === 'paragraph_open' && open.level === 0 && tokens[at + 2]?.type === 'paragraph_close' && showsNothing(inlineText(tokens[at + 1])) && showsPicture(tokens[at + 1])
  );
}

/**
 * Whether the tokens at `at` are a top-level paragraph of nothing but pictures, with or without alternative text
 * (`![a cat](cat.png)`, a linked badge), or of nothing but links (an embed's address, as a video shortcode leaves it:
 * `https://www.youtube.com/watch?v=…`), all its text theirs, with white space between them: in a seed of nothing
 * else, no headline.
 */
function isPicturesOrLinksParagraph(tokens: readonly Token[], at: number): boolean {
  const open = tokens[at];
  if (open?.type !== 'paragraph_open' || open.level !== 0 || tokens[at + 2]?.type !== 'paragraph_close') return false;
  let depth = 0;
  let image = false;
  let link = false;
  let onlyPictures = true;
  let onlyLinks = true;
  // Within an image token, its alternative text is its children's: only the paragraph's own children are looked at.
  for (const child of tokens[at + 1]?.children ?? []) {
    if (child.type === 'image') {
      image = true;
      if (depth === 0) onlyLinks = false;
    } else if (child.type === 'link_open') {
      depth++;
      link = true;
    } else if (child.type === 'link_close') depth--;
    else if (!(child.type === 'softbreak' || (child.type === 'text' && showsNothing(child.content)))) {
      onlyPictures = false;
      if (depth === 0) onlyLinks = false;
    }
  }
  return (onlyPictures && image) || (onlyLinks && link);
}

/** A paragraph of HTML holding one link and nothing else, as an embed's shortcode is rendered (`<p><a href="…">…</a></p>`). */
const LINK_ONLY_HTML = /^\s*<p>\s*<a\s[^<>]*>[^<]*<\/a>\s*<\/p>\s*$/i;

/** A start tag of a picture or a player, anywhere in HTML. */
const PICTURE_START_TAG = /<(?:img|picture|svg|video|audio)(?=[\s/>])/i;

/** Whether a block token is HTML showing a picture and no text (`<p align="center"><img src="logo.png"></p>`): no headline. */
function isPictureHtml(token: Token | undefined): boolean {
  return token?.type === 'html_block' && PICTURE_START_TAG.test(token.content) && showsNothing(htmlText(token.content));
}

/** The start tag opening an HTML block, and the element's name. */
const HTML_BLOCK_START_TAG = /^\s*<([a-z][a-z\d-]*)(?=[\s/>]|$)/i;

/** Elements whose text is a headline, read from the block's first line as before (`<h1 align="center">My project</h1>`). */
const HEADLINE_ELEMENT = /^(?:h[1-6]|p)$/i;

/** Elements whose HTML block markdown-it ends at the first end tag of any of them (CommonMark's HTML block type 1). */
const RAW_TEXT_ELEMENT = /^(?:script|style|pre|textarea)$/i;

/**
 * Whether a block token is HTML opening with an element that is no headline (`<div class="intro">` over several
 * lines, a `<figure>` with its caption, a `<table>`): its first line is no headline, and taking it broke the element.
 * One whose element is not closed within it (a `<style>` the end tag of a `<pre>` ended) is read as before.
 */
function isNoHeadlineHtml(token: Token | undefined): boolean {
  if (token?.type !== 'html_block') return false;
  const name = HTML_BLOCK_START_TAG.exec(token.content)?.[1];
  if (name === undefined || HEADLINE_ELEMENT.test(name)) return false;
  return !RAW_TEXT_ELEMENT.test(name) || token.content.toLowerCase().includes(`</${name.toLowerCase()}`);
}

/** The line (0-based) after the last of the body's `lead` blocks passed over for the headline (see {@link hiddenLead}); 0 without any. */
function hiddenLeadEnd(tokens: readonly Token[], lead: number): number {
  // A block's lines are on its opening token (a closing one has none, nor do the tokens within it).
  let end = 0;
  for (let i = 0; i < lead; i++) {
    const token = tokens[i]!;
    if (token.level === 0 && token.map) end = token.map[1];
  }
  return end;
}

/** An opening `<script` or `<style` tag, as HTML ends its name (matched where the last match ended). */
const HIDDEN_OPENER = /<(script|style)(?=[\s/>]|$)/iy;

/** Each hidden element's end tag up to the character after its name (searched from a position). */
const HIDDEN_CLOSER: Record<string, RegExp> = { script: /<\/script[\s/>]/gi, style: /<\/style[\s/>]/gi };

/**
 * Whether HTML is nothing but comments, whole `<script>` and `<style>` elements and white space: none of
 * it shown to a reader. A comment or element not closed within it is no such HTML. One pass.
 */
function onlyHiddenHtml(html: string): boolean {
  let at = 0;
  for (;;) {
    while (at < html.length && /\s/.test(html[at]!)) at++;
    if (at === html.length) return true;
    if (html.startsWith('<!--', at)) {
      // `<!-->` and `<!--->` are whole (empty) comments.
      const end = html.startsWith('<!-->', at) ? at + 2 : html.startsWith('<!--->', at) ? at + 3 : html.indexOf('-->', at + 4);
      if (end < 0) return false;
      at = end + 3;
      continue;
    }
    HIDDEN_OPENER.lastIndex = at;
    const opener = HIDDEN_OPENER.exec(html);
    if (opener === null) return false;
    const closer = HIDDEN_CLOSER[opener[1]!.toLowerCase()]!;
    closer.lastIndex = at + opener[0].length;
    const close = closer.exec(html);
    if (close === null) return false;
    // The end tag's own `>` (its last matched character may be it).
    const gt = html.indexOf('>', closer.lastIndex - 1);
    if (gt < 0) return false;
    at = gt + 1;
  }
}

/** Longest part of a template tag shown in a warning. */
const TAG_SHOWN = 60;

/**
 * The Markdown without the lines that hold nothing but a site generator's template tags: Hugo's
 * shortcodes (`{{< notice >}}`) and Liquid's tags (`{% include x.html %}`), which only the generator can
 * render and which would otherwise reach readers as text; Hugo's figure and embeds become HTML (see
 * `shortcodes.ts`), not counted as left out. Text between a pair of tags stays; so do tags within a line of text, and anything in fenced
 * or indented code. A run of such lines with text directly above and below it (inside a paragraph or a
 * list item) is dropped, so the text around it stays one paragraph or item; any other is blanked. One
 * pass over the lines; gives how many lines were tags and the first, its line counted in the text given
 * (the returned body can be shorter, so its lines are not the seed's).
 */
export function withoutTemplateTagLines(markdown: string): TemplateTagLines {
  // ("{{<" and "{{%" hold "{{".)
  if (!markdown.includes('{{') && !markdown.includes('{%') && !markdown.includes('{#')) return { body: markdown, count: 0, inline: { count: 0 } };
  const lines = markdown.split('\n');
  const out: string[] = [];
  // What the lines written are, read as Markdown is (code, raw HTML, prose): each line is read as written out.
  const lineKinds = codeLineReader({ commonMark: true });
  const write = (line: string): void => {
    lineKinds.read(line);
    out.push(line);
  };
  // Lines taken out since the last line kept: blanked or dropped once the next kept line shows which.
  let removed = 0;
  const keep = (line: string): void => {
    // Between two lines of text they are dropped: a blank line there would end the paragraph or list item.
    // Elsewhere (beside a blank line, at an end) they are blanked, which changes nothing; so they are before
    // a `---` or `===` line, which would otherwise turn the text above into a heading.
    const between = isText(out[out.length - 1]) && isText(line) && !SETEXT_UNDERLINE.test(line);
    if (removed > 0 && !between) for (; removed > 0; removed--) write('');
    removed = 0;
    write(line);
  };
  // The fence a code block's tags (`highlight`, `codeblock`, `code`) are written as, while in one.
  let fence: string | undefined;
  // Inside a Liquid `{% comment %}` or `{% capture %}` block, Hugo's comment shortcode or a Nunjucks `{# … #}`: its lines are never published
  // (the author's notes, a value kept for later). A block hides lines only up to its end tag: without one, its tag is left out alone.
  let hidden: string | undefined;
  const lastEnd = lastEndTags(lines);
  const endsLater = (name: string): boolean => (lastEnd.get(name) ?? -1) > lineIndex;
  // The last line of each code block's end tag: an opening tag with no end after it opens no block.
  const lastCodeEnd = lastCodeBlockEnds(lines);
  /** Whether `text` (line `at`, raw tags taken out) is a code block's opening tag alone, its end tag after it. */
  const opensCodeBlock = (text: string, at: number): boolean => {
    if (!onlyTemplateTags(text)) return false;
    const name = tagName(text);
    return name !== undefined && CODE_BLOCK_TAGS.has(name) && (lastCodeEnd.get(codeBlockEndOf(text, name)) ?? -1) > at;
  };
  // Tags within lines of text, taken out (see `inline-tags.ts`).
  const inline: TemplateTagLines['inline'] = { count: 0 };
  // The fence was opened for a code block's tag (`highlight`, `codeblock`, `code`): the line of its end tag, which closes it.
  let codeBlockLast: number | undefined;
  let count = 0;
  // Lines written otherwise than given but not left out (shortcodes as HTML, escaped shortcodes, raw blocks): not counted.
  let rewritten = 0;
  let first: { line: number; text: string } | undefined;
  // Inside Liquid's `{% raw %}` … `{% endraw %}`: written as it is, its tags too (the raw tags themselves go).
  let raw = false;
  // The line being read (for the inline tags' first).
  let lineIndex = 0;
  for (let i = 0; i < lines.length; i++) {
    lineIndex = i;
    const given = lines[i]!;
    if (i === codeBlockLast) {
      // The end tag may close the block's last line of code (`end{% endhighlight %}`), or Liquid's raw tags
      // (`{% endraw %}{% endhighlight %}`): the code stays, the raw tags go.
      raw = rawAfter(given, raw);
      const code = codeBlockEndIn(given)?.code ?? '';
      if (code !== '') keep(code);
      keep(fence!);
      fence = undefined;
      codeBlockLast = undefined;
      count++;
      continue;
    }
    if (hidden !== undefined) {
      const end = HIDDEN_BLOCK_END.get(hidden)!.exec(given);
      if (end === null) {
        removed++;
        continue;
      }
      hidden = undefined;
      // What follows the end tag on its line is text again.
      const rest = given.slice(end.index + end[0].length);
      if (rest.trim() === '') {
        removed++;
        continue;
      }
      keep(inlineTagsOut(rest));
      rewritten++;
      continue;
    }
    let line = given;
    if (raw || RAW_TAG.test(given)) {
      // Each raw tag opens or closes; the line is kept without them (dropped if nothing else was on it).
      const wasRaw = raw;
      raw = rawAfter(given, raw);
      const text = given.replace(RAW_TAGS, '');
      if (!wasRaw && fence === undefined && lineKinds.peek(text) === undefined && opensCodeBlock(text, i)) {
        // A code block's tag with the raw tag opening its code (`{% highlight html %}{% raw %}`): the block opens.
        line = text;
      } else {
        if (text.trim() === '' && given.trim() !== '') removed++;
        else keep(text);
        rewritten++;
        continue;
      }
    }
    // Hugo's escaped shortcodes (`{{</* figure */>}}`, how a page shows one) are text: written unescaped.
    if (line.includes('{{</*') || line.includes('{{%/*')) {
      // The line's own tags go first (an escaped one is text to that pass), then the escapes.
      keep(hugoUnescaped(inlineTagsOut(line)));
      rewritten++;
      continue;
    }
    // Code, and raw HTML that is not markup (`<pre>`, `<script>`, a comment), stays as written; so does a code
    // block's, written as a fence. Markup (a `<div>` up to a blank line) is text with tags in it, as prose is.
    const kind = fence === undefined ? lineKinds.peek(line) : 'fenced';
    if (kind === 'fenced' || kind === 'indented' || kind === 'verbatim') {
      keep(line);
      continue;
    }
    // A tag written over several lines (`{{< figure` / `src="…"` / `>}}`) is read as one line.
    const single = onlyTemplateTags(line);
    const across = single ? undefined : tagAcrossLines(lines, i);
    if (!single && !across) {
      const text = inlineTagsOut(line);
      if (text === line) keep(line);
      else if (text.trim() === '') {
        // Nothing but tags (and a comment) within text: the line goes as a line of tags would.
        removed++;
        rewritten++;
      } else {
        rewritten++;
        keep(text);
      }
      continue;
    }
    const tag = across?.text ?? line;
    const lineCount = across ? across.last - i + 1 : 1;
    if (across) i = across.last;
    // Hugo's figure and embeds, as HTML a reader can show (a block of its own, indented as the line was).
    const rendered = renderShortcode(tag, inlineMarkdown);
    if (rendered !== undefined) {
      const indent = /^\s*/.exec(line)![0];
      keep(`${indent}${rendered}`);
      // An HTML block runs to the next blank line: one ends it, unless in a list item (whose next item ends it).
      if (indent === '') write('');
      rewritten++;
      continue;
    }
    count += lineCount;
    first ??= { line: i - lineCount + 1, text: shown(tag) };
    // `{% highlight go %}` … `{% endhighlight %}` (and Hugo's `{{< highlight go >}}`, Hexo's and Octopress's
    // `{% codeblock lang:js %}` … `{% endcodeblock %}` or `{% code %}`) is a code block: written as a fence.
    // Without its end tag after it, the tag is left out alone and the lines after it stay text.
    const name = tagName(tag);
    const end = name !== undefined && CODE_BLOCK_TAGS.has(name) ? codeBlockEndOf(tag, name) : undefined;
    if (end !== undefined && (lastCodeEnd.get(end) ?? -1) > i) {
      const block = codeBlockAfter(lines, i, end);
      removed += lineCount - 1;
      fence = block.fence;
      keep(fence);
      codeBlockLast = block.last;
    } else {
      removed += lineCount;
      if (name !== undefined && HIDDEN_BLOCK_END.has(name) && !HIDDEN_BLOCK_END.get(name)!.test(tag) && endsLater(name)) hidden = name;
    }
  }
  for (; removed > 0; removed--) out.push('');
  return count === 0 && rewritten === 0 ? { body: markdown, count: 0, inline } : { body: out.join('\n'), count, ...(first ? { first } : {}), inline };

  /** A line of text without the tags within it, counted in `inline`; a hidden block it opens hides the lines after it. */
  function inlineTagsOut(text: string): string {
    const done = withoutInlineTags(text, { hides: endsLater });
    if (done.count > 0) {
      inline.first ??= { line: lineIndex, text: shown(done.first!) };
      inline.count += done.count;
    }
    if (done.open !== undefined) hidden = done.open;
    return done.line;
  }
}

/** What {@link withoutTemplateTagLines} gives. */
export interface TemplateTagLines {
  body: string;
  /** Lines that were template tags alone, left out. */
  count: number;
  /** The first of those lines (0-based, in the text given), as written. */
  first?: { line: number; text: string };
  /** Tags within lines of text, left out (see `inline-tags.ts`): how many, and the first with its line. */
  inline: { count: number; first?: { line: number; text: string } };
}

/** A tag as a warning shows it: at most {@link TAG_SHOWN} characters. */
function shown(tag: string): string {
  const trimmed = tag.trim();
  return trimmed.length > TAG_SHOWN ? `${trimmed.slice(0, TAG_SHOWN)}…` : trimmed;
}

/** Blocks whose lines are never published (Liquid's comment and capture, Hugo's comment shortcode), and the tag that ends each. */
const HIDDEN_BLOCK_END = new Map([
  ['comment', /\{%-?\s*endcomment\s*-?%\}|\{\{[<%]\s*\/\s*comment\s*[>%]\}\}/],
  ['capture', /\{%-?\s*endcapture\s*-?%\}/],
  // A Nunjucks comment over several lines (`{#` … `#}`).
  ['#', /#\}/],
]);

/** The last line (0-based) holding each hidden block's end tag, so a block whose end never comes hides nothing. */
function lastEndTags(lines: readonly string[]): Map<string, number> {
  const last = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes('}')) continue;
    for (const [name, end] of HIDDEN_BLOCK_END) if (end.test(line)) last.set(name, i);
  }
  return last;
}

/** A line with Hugo's shortcode escapes (a comment just inside the braces, opened by `{{</*` or `{{%/*`) written as the shortcode they show. */
function hugoUnescaped(line: string): string {
  return line.replace(/\{\{([<%])\/\*/g, '{{$1').replace(/\*\/([>%])\}\}/g, '$1}}');
}

/** The most lines one template tag is read over. */
const MAX_TAG_LINES = 12;

/**
 * A template tag that opens on line `start` (after its indentation) and closes on a later line,
 * with nothing else on its lines and no blank line inside: its lines joined with spaces, and the last.
 */
function tagAcrossLines(lines: readonly string[], start: number): { text: string; last: number } | undefined {
  const open = /^[ \t]*(\{\{[<%]|\{%)/.exec(lines[start]!)?.[1];
  if (open === undefined) return undefined;
  const close = TAG_CLOSERS[open]!;
  if (lines[start]!.includes(close)) return undefined;
  for (let j = start + 1; j < lines.length && j < start + MAX_TAG_LINES; j++) {
    if (!isText(lines[j])) return undefined;
    if (lines[j]!.includes(close)) {
      const text = lines.slice(start, j + 1).join(' ');
      return onlyTemplateTags(text) ? { text, last: j } : undefined;
    }
  }
  return undefined;
}

/** An HTML block that is a figure (Hugo's `figure` shortcode as written here, or the author's own). */
const FIGURE_BLOCK = /^\s*<figure[\s>]/i;

/** A line that makes the paragraph line above it a heading (`Title` over `===` or `---`). */
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/** Whether a line is there and holds more than white space. */
function isText(line: string | undefined): boolean {
  return line !== undefined && line.trim() !== '';
}

/**
 * The whole name of the first template tag on a line (`highlight`, `/highlight`, `endcomment`, `code_snippet`),
 * lowercase: a Liquid tag's name is word characters and `-`, as is a Hugo shortcode's.
 */
function tagName(line: string): string | undefined {
  return /^\s*\{(?:\{[<%]|%-?)\s*(\/?[\w-]+)/.exec(line)?.[1]?.toLowerCase();
}

/** Tags that open a code block (Jekyll's and Hugo's `highlight`, Hexo's and Octopress's `codeblock` and `code`). */
const CODE_BLOCK_TAGS = new Set(['highlight', 'codeblock', 'code']);

/** The name of the tag that ends the code block a tag named `name` opens: `endhighlight` for Liquid's `{% highlight %}`, `/highlight` for Hugo's `{{< highlight >}}`. */
function codeBlockEndOf(tag: string, name: string): string {
  return /^\s*\{\{/.test(tag) ? `/${name}` : `end${name}`;
}

/**
 * The code block's end tag that ends a line (`endhighlight`, `/highlight`, `endcodeblock`, `endcode`), Liquid's raw
 * tags aside, and the code before it on the line, without raw tags (`{% endraw %}{% endhighlight %}` has none,
 * `end{% endhighlight %}` has `end`); `undefined` for a line not ending with one. A bounded number of scans of the line.
 */
function codeBlockEndIn(line: string): { name: string; code: string } | undefined {
  if (!line.includes('}')) return undefined;
  const text = (RAW_TAG.test(line) ? line.replace(RAW_TAGS, '') : line).trimEnd();
  // The last tag on the line: Hugo's (`{{< /highlight >}}`, `{{% /highlight %}}`) or Liquid's (`{% endhighlight %}`).
  const at = text.endsWith('}}') ? text.lastIndexOf('{{') : text.endsWith('%}') ? text.lastIndexOf('{%') : -1;
  if (at < 0) return undefined;
  const tag = text.slice(at);
  const name = tagName(tag);
  if (name === undefined || !CODE_BLOCK_ENDS.has(name) || !onlyTemplateTags(tag)) return undefined;
  const code = text.slice(0, at);
  return { name, code: code.trim() === '' ? '' : code };
}

/** The last line (0-based) ending with each code block's end tag (see {@link codeBlockEndIn}). One pass. */
function lastCodeBlockEnds(lines: readonly string[]): Map<string, number> {
  const last = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const name = codeBlockEndIn(lines[i]!)?.name;
    if (name !== undefined) last.set(name, i);
  }
  return last;
}

/**
 * The code block whose opening tag ends on line `start`, up to the first line ending with its `end` tag (there is
 * one, see {@link codeBlockEndIn}) outside Liquid's raw tags: that line, and the fence to write it with, longer than
 * any run of backticks in its code, so a fence within it (` ``` `) is code, not the end of the block (CommonMark
 * closes a fence only with one as long). What raw tags hold is text: a post about Liquid shows a `{% highlight %}`
 * block, its end tag too, in one (`{% raw %}` … `{% endhighlight %}` … `{% endraw %}`). When every end tag is held
 * so, the first one ends the block.
 */
function codeBlockAfter(lines: readonly string[], start: number, end: string): { last: number; fence: string } {
  let longest = 0;
  // The first line ending with the end tag, raw or not, and the longest run of backticks up to it.
  let first: { last: number; longest: number } | undefined;
  let raw = rawAfter(lines[start]!, false);
  for (let j = start + 1; j < lines.length; j++) {
    const line = lines[j]!;
    const ending = codeBlockEndIn(line);
    const code = ending === undefined ? line : ending.code;
    let run = 0;
    for (const c of code) {
      run = c === '`' ? run + 1 : 0;
      if (run > longest) longest = run;
    }
    const before = raw;
    raw = rawAfter(line, raw);
    if (ending?.name !== end) continue;
    if (!rawAfter(beforeLastTag(line), before)) return { last: j, fence: '`'.repeat(Math.max(3, longest + 1)) };
    first ??= { last: j, longest };
  }
  return { last: first?.last ?? lines.length, fence: '`'.repeat(Math.max(3, (first?.longest ?? longest) + 1)) };
}

/**
 * A line up to the last template tag on it that is not a raw tag (`{% endraw %}` after it passed over), the whole
 * line when there is none. Each tag is looked at once, by where it ends, without copying the line.
 */
function beforeLastTag(line: string): string {
  let end = line.length;
  for (;;) {
    while (end > 0 && /\s/.test(line[end - 1]!)) end--;
    const close = line.slice(Math.max(0, end - 2), end);
    const at = close === '}}' ? line.lastIndexOf('{{', end - 2) : close === '%}' ? line.lastIndexOf('{%', end - 2) : -1;
    if (at < 0) return line;
    if (!RAW_TAG.test(line.slice(at, end))) return line.slice(0, at);
    end = at;
  }
}

/** The tags that end a code block: `{% endhighlight %}`, `{{< /highlight >}}`, `{% endcodeblock %}`, `{% endcode %}`. */
const CODE_BLOCK_ENDS = new Set([...CODE_BLOCK_TAGS].flatMap((name) => [`end${name}`, `/${name}`]));

/** Tags and the marks that close them: `{{<`…`>}}`, `{{%`…`%}}`, `{%`…`%}`. */
const TAG_CLOSERS: Record<string, string> = { '{{<': '>}}', '{{%': '%}}', '{%': '%}' };

/** Whether a line is one or more template tags and white space, nothing else (scanned once, by `indexOf`). */
function onlyTemplateTags(line: string): boolean {
  let at = 0;
  let tags = 0;
  while (at < line.length) {
    const c = line[at]!;
    if (c === ' ' || c === '\t') {
      at++;
      continue;
    }
    const open = line.startsWith('{{<', at) ? '{{<' : line.startsWith('{{%', at) ? '{{%' : line.startsWith('{%', at) ? '{%' : undefined;
    if (!open) return false;
    const close = line.indexOf(TAG_CLOSERS[open]!, at + open.length);
    if (close < 0) return false;
    at = close + TAG_CLOSERS[open]!.length;
    tags++;
  }
  return tags > 0;
}

/**
 * A summary divider as an HTML block of its own (spaces and case aside): Hugo's, Jekyll's and Hexo's
 * `<!--more-->`, and Docusaurus's `<!-- truncate -->`.
 */
const SUMMARY_DIVIDER = /^<!--\s*(?:more|truncate)\s*-->\s*$/i;

/** Docusaurus's summary divider in MDX, `{/* truncate *\/}`, as a paragraph's whole text (spaces and case aside). */
const TRUNCATE_EXPRESSION = /^\{\/\*\s*truncate\s*\*\/\}$/i;

/** A line holding nothing but `{/* truncate *\/}`, at the margin (up to three spaces). */
const TRUNCATE_EXPRESSION_LINE = /^ {0,3}\{\/\*\s*truncate\s*\*\/\}[ \t]*$/i;

/**
 * The block tokens without paragraphs that are nothing but Docusaurus's `{/* truncate *\/}` or the post's own
 * `separator` (Jekyll's `excerpt_separator`; text to CommonMark, which readers would see), and where the first
 * summary divider was: such a paragraph, or an HTML block {@link SUMMARY_DIVIDER} matches or that is the
 * separator, at the top level; -1 for none. One pass.
 */
function withSummaryDivider(tokens: Token[], separator?: string): { tokens: Token[]; divider: number } {
  const kept: Token[] = [];
  let divider = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const text = t.level === 0 && t.type === 'paragraph_open' ? (tokens[i + 1]?.content ?? '') : undefined;
    if (text !== undefined && (TRUNCATE_EXPRESSION.test(text) || (separator !== undefined && text.trim() === separator))) {
      if (divider < 0) divider = kept.length;
      // Its inline token and its closing token go with it.
      i += 2;
      continue;
    }
    if (divider < 0 && t.level === 0 && t.type === 'html_block' && (SUMMARY_DIVIDER.test(t.content) || (separator !== undefined && t.content.trim() === separator)))
      divider = kept.length;
    kept.push(t);
  }
  return { tokens: kept, divider };
}

/**
 * An MDX body with each `{/* truncate *\/}` line (Docusaurus's summary divider) that the MDX pass left out
 * as a comment written back as `<!-- truncate -->`, hidden as that was, so it still ends the summary.
 * `given` is the body before that pass, which keeps its lines (a line in fenced code is not left out).
 */
function withTruncateMarks(given: string, body: string): string {
  if (!/truncate/i.test(given)) return body;
  const before = given.split('\n');
  const after = body.split('\n');
  if (before.length !== after.length) return body;
  let changed = false;
  for (let i = 0; i < after.length; i++) {
    if (after[i]!.trim() !== '' || !TRUNCATE_EXPRESSION_LINE.test(before[i]!)) continue;
    // At the line's own indent: in a list item it stays the item's (a divider only at the top level, see withSummaryDivider).
    after[i] = `${/^ */.exec(before[i]!)![0]}<!-- truncate -->`;
    changed = true;
  }
  return changed ? after.join('\n') : body;
}

/** The text of a block a summary can hold (not code). */
function blockTexts(block: Block): string[] {
  if (block.kind === 'list') return block.items;
  return block.kind === 'code' ? [] : [block.text];
}

/** Walks top-level block tokens into sections of plain-text blocks. */
function toSections(tokens: Token[], file: string | undefined): Section[] {
  const sections: Section[] = [{ heading: null, blocks: [] }];
  const add = (b: Block): void => {
    sections[sections.length - 1]!.blocks.push(b);
  };
  const mediaEnds = splitMediaEnds(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.level !== 0) continue;
    // A video or sound whose blocks blank lines split: what stands between its start tag and its end tag is the
    // fallback a reader's player replaces, not the article's text (its HTML keeps it inside the element).
    const fallback = mediaEnds?.get(i);
    if (fallback !== undefined) {
      const s = htmlText(t.content.slice(0, fallback.openAt), file);
      if (s) add({ kind: 'paragraph', text: s });
      i = fallback.end - 1;
      continue;
    }
    switch (t.type) {
      case 'heading_open':
        sections.push({ heading: inlineText(tokens[i + 1]), blocks: [] });
        break;
      case 'paragraph_open': {
        const s = inlineText(tokens[i + 1]);
        if (s) add({ kind: 'paragraph', text: s });
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const end = closing(tokens, i);
        const items: string[] = [];
        for (let j = i + 1; j < end; j++) {
          if (tokens[j]!.type === 'list_item_open' && tokens[j]!.level === 1) {
            const itemEnd = closing(tokens, j);
            items.push(textBetween(tokens, j + 1, itemEnd, file));
            j = itemEnd;
          }
        }
        if (items.length) add({ kind: 'list', ordered: t.type === 'ordered_list_open', items });
        i = end;
        break;
      }
      case 'blockquote_open': {
        const end = closing(tokens, i);
        // A quote that opens with a title (an alert's, a container's: see `markdown-extensions.ts`) reads `Title: text`.
        const titled = (tokens[i + 1]?.meta as { title?: boolean } | null)?.title === true;
        const title = titled ? inlineText(tokens[i + 2]) : '';
        const rest = textBetween(tokens, titled ? i + 4 : i + 1, end, file);
        const s = title && rest ? `${title}${/[.:!?]$/.test(title) ? '' : ':'} ${rest}` : title || rest;
        if (s) add({ kind: 'quote', text: s });
        i = end;
        break;
      }
      case 'footnote_block_open': {
        // The notes (see `markdown-extensions.ts`), each a paragraph as numbered where it is referred to.
        const end = closing(tokens, i);
        let note = 0;
        for (let j = i + 1; j < end; j++) {
          if (tokens[j]!.type !== 'footnote_open') continue;
          const noteEnd = closing(tokens, j);
          note++;
          const text = textBetween(tokens, j + 1, noteEnd, file);
          if (text) add({ kind: 'paragraph', text: `[${note}] ${text}` });
          j = noteEnd;
        }
        i = end;
        break;
      }
      case 'fence':
      case 'code_block':
        if (t.content.trim()) add({ kind: 'code', text: t.content.replace(/\n$/, '') });
        break;
      case 'dl_open': {
        // A definition list (Pandoc's, kramdown's, Hugo's): one paragraph per term, `Term: its definitions`.
        const end = closing(tokens, i);
        let term = '';
        const definitions: string[] = [];
        const flush = (): void => {
          const s = defined(term, definitions.join(' '));
          if (s) add({ kind: 'paragraph', text: s });
          term = '';
          definitions.length = 0;
        };
        for (let j = i + 1; j < end; j++) {
          const type = tokens[j]!.type;
          if (type !== 'dt_open' && type !== 'dd_open') continue;
          const itemEnd = closing(tokens, j);
          const text = textBetween(tokens, j + 1, itemEnd, file);
          if (type === 'dt_open') {
            flush();
            term = text;
          } else if (text) definitions.push(text);
          j = itemEnd;
        }
        flush();
        i = end;
        break;
      }
      case 'table_open': {
        // A table is text a reader sees: one paragraph per row, its cells separated by " | ".
        const end = closing(tokens, i);
        for (let j = i + 1; j < end; j++) {
          if (tokens[j]!.type !== 'tr_open') continue;
          const rowEnd = closing(tokens, j);
          const cells: string[] = [];
          for (let k = j + 1; k < rowEnd; k++) if (tokens[k]!.type === 'inline') cells.push(inlineText(tokens[k]));
          const row = cells.filter(Boolean).join(' | ');
          if (row) add({ kind: 'paragraph', text: row });
          j = rowEnd;
        }
        i = end;
        break;
      }
      case 'html_block': {
        // A figure is media, not the article's text: its caption is no lede, no paragraph to analyse.
        if (FIGURE_BLOCK.test(t.content)) break;
        const s = htmlText(t.content, file);
        if (s) add({ kind: 'paragraph', text: s });
        break;
      }
      default:
        break;
    }
  }
  if (sections[0]!.blocks.length === 0 && sections.length > 1) sections.shift();
  return sections;
}

/** A video's or sound's start or end tag (global: read with `matchAll`), and a test for one. */
const MEDIA_TAG_EDGE = /<(\/?)(?:video|audio)(?=[\s/>])/gi;
const HAS_MEDIA_TAG = /<\/?(?:video|audio)(?=[\s/>])/i;

/**
 * A video's and sound's tags in an HTML block, in one scan: where it leaves one open (the offset of that start tag,
 * with no end tag after it in the block; else the block's length), and whether it ends one it did not start.
 */
function mediaEdges(html: string): { openAt: number; endsOne: boolean } {
  let depth = 0;
  let openAt = html.length;
  let endsOne = false;
  for (const m of html.matchAll(MEDIA_TAG_EDGE)) {
    if (!m[1]) {
      if (depth++ === 0) openAt = m.index;
    } else if (depth > 0) depth--;
    else endsOne = true;
  }
  return { openAt: depth > 0 ? openAt : html.length, endsOne };
}

/**
 * For each top-level HTML block that leaves a video or sound open, where in it the element starts and the index of the
 * next top-level HTML block that ends one: the blocks between (split off by blank lines) are its fallback. `undefined`
 * when there is none (most articles), so no map is made. One pass backwards: each block is read once.
 */
function splitMediaEnds(tokens: readonly Token[]): Map<number, { openAt: number; end: number }> | undefined {
  let ends: Map<number, { openAt: number; end: number }> | undefined;
  let nextEnd = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.level !== 0 || t.type !== 'html_block' || !HAS_MEDIA_TAG.test(t.content)) continue;
    const { openAt, endsOne } = mediaEdges(t.content);
    if (nextEnd >= 0 && openAt < t.content.length) (ends ??= new Map()).set(i, { openAt, end: nextEnd });
    if (endsOne) nextEnd = i;
  }
  return ends;
}

/** A hashtag as Bear and Obsidian write one: `#`, then letters, digits, `_`, `-` and `/` (nesting), at least one a letter. */
const HASHTAG = /^#[\p{L}\p{N}_/-]+$/u;
const HAS_LETTER = /\p{L}/u;

/**
 * The tokens without the top-level paragraphs made only of hashtags, and those tags (without `#`, in order); the
 * paragraphs stay when nothing else would be left of the body. Each paragraph is read once, word by word.
 */
function withoutHashtagLines(tokens: Token[]): { tokens: Token[]; tags: string[] } {
  const tags: string[] = [];
  const dropped = new Set<number>();
  let blocks = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.level !== 0 || t.nesting === -1) continue;
    blocks++;
    if (t.type !== 'paragraph_open' || tokens[i + 1]?.type !== 'inline') continue;
    const content = (tokens[i + 1]!.content ?? '').trim();
    // Most paragraphs start with a word: split only one that could be all hashtags.
    if (!content.startsWith('#')) continue;
    const words = content.split(/\s+/);
    if (!words.every((w) => HASHTAG.test(w) && HAS_LETTER.test(w))) continue;
    for (const w of words) tags.push(w.slice(1));
    dropped.add(i);
  }
  if (dropped.size === 0 || dropped.size === blocks) return { tokens, tags: [] };
  // A paragraph is its open, inline and close tokens.
  return { tokens: tokens.filter((_t, i) => !dropped.has(i) && !dropped.has(i - 1) && !dropped.has(i - 2)), tags };
}

/** Index of the token that closes the block opened at `open`. */
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

/** markdown-it-deflist's block rule, as the plugin registers it (the rule is then registered with {@link colonDefinitions} around it). */
function deflistRule(md: MarkdownIt): RuleBlock {
  let rule: RuleBlock | undefined;
  const ruler = { before: (_before: string, _name: string, given: RuleBlock): void => void (rule = given) };
  deflist({ utils: md.utils, block: { ruler } } as unknown as MarkdownIt);
  if (!rule) throw new Error('markdown-it-deflist registered no block rule');
  return rule;
}

/**
 * The definition list rule `rule` (markdown-it-deflist's) for definitions marked `:` only: a line opening with `~`
 * and a blank (a definition's mark in Pandoc alone) neither starts a definition nor ends a paragraph (within a
 * definition) as one would, and a list ends before it. The plugin's own loop takes such a line as a definition; it is
 * given the lines up to the next one only (found once per text: see {@link nextTildeLine}), so a list never reaches one.
 */
function colonDefinitions(rule: RuleBlock): RuleBlock {
  const markerAt = (state: StateBlock, line: number): number => state.src.charCodeAt(state.bMarks[line]! + state.tShift[line]!);
  return (state, startLine, endLine, silent) => {
    // Asked whether a line ends a paragraph: the line is the definition's.
    if (silent) return markerAt(state, startLine) !== 0x7e && rule(state, startLine, endLine, silent);
    const next = startLine + 1 < endLine && state.isEmpty(startLine + 1) ? startLine + 2 : startLine + 1;
    if (next < endLine && markerAt(state, next) === 0x7e) return false;
    return rule(state, startLine, Math.min(endLine, nextTildeLine(state, startLine)), silent);
  };
}

/** The lines of a text that open with `~` and a blank or their end (after their indent), in order; kept in the parse's environment. */
const TILDE_LINES = Symbol('storyfeed.tildeLines');

/** The first line after `line` that opens with `~` and a blank (see {@link TILDE_LINES}), else the text's line count. */
function nextTildeLine(state: StateBlock, line: number): number {
  const env = state.env as { [TILDE_LINES]?: { src: string; lines: number[] } };
  let found = env[TILDE_LINES];
  if (found?.src !== state.src) {
    const lines: number[] = [];
    for (let at = 0; at < state.lineMax; at++) {
      const start = state.bMarks[at]! + state.tShift[at]!;
      const after = state.src.charCodeAt(start + 1);
      if (state.src.charCodeAt(start) === 0x7e && (start + 1 >= state.eMarks[at]! || after === 0x20 || after === 0x09)) lines.push(at);
    }
    found = { src: state.src, lines };
    env[TILDE_LINES] = found;
  }
  // Binary search: the first listed line after `line`.
  const { lines } = found;
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lines[middle]! <= line) low = middle + 1;
    else high = middle;
  }
  return lines[low] ?? state.lineMax;
}

/** `term: definitions` (see {@link withColon}). */
function defined(term: string, definitions: string): string {
  return term && definitions ? `${withColon(term)} ${definitions}` : term || definitions;
}

/** A definition's term with a colon after it, but after a term that ends in punctuation of its own (`Note:`, `Cheers,`). */
const withColon = (term: string): string => (TERM_END.test(term) ? term : `${term}:`);

const TERM_END = /[.,;:!?…。，；：！？、]$/u;

/** Plain text of the inline tokens between two indexes, blocks joined with spaces (a definition's term with a colon). */
function textBetween(tokens: Token[], from: number, to: number, file: string | undefined): string {
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.type === 'inline') parts.push(inlineText(t));
    else if (t.type === 'dt_close' && tokens[i + 1]?.type === 'dd_open' && parts.at(-1)) parts.push(withColon(parts.pop()!));
    else if (t.type === 'fence' || t.type === 'code_block') parts.push(t.content.trim());
    else if (t.type === 'html_block') parts.push(htmlText(t.content, file));
  }
  return parts.filter(Boolean).join(' ');
}

/** Plain text of one inline token: text, code and line breaks; markup and raw HTML dropped, with what inline `<script>`/`<style>` hold and media fallback. */
function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content.trim() ?? '';
  const children = token.children;
  const fallback = inlineFallback(children);
  let out = '';
  let hidden = 0;
  /** The element its author hid (`<span hidden>`) that the text is in, and how many of its name are open in it. */
  let authorHid: { name: string; open: number } | undefined;
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    const end = fallback?.get(i);
    if (end !== undefined) {
      i = end;
      continue;
    }
    if (c.type === 'html_inline') {
      const tag = INLINE_TAG.exec(c.content);
      const name = tag?.[2]?.toLowerCase();
      const endTag = tag?.[1] === '/';
      if (authorHid !== undefined) {
        if (name === authorHid.name && !c.content.endsWith('/>')) authorHid.open += endTag ? -1 : 1;
        if (authorHid.open === 0) authorHid = undefined;
        continue;
      }
      if (name !== undefined && !endTag && opensHiddenElement(c.content)) authorHid = { name, open: 1 };
      else if (name !== undefined && HIDDEN_ELEMENTS.has(name) && !c.content.endsWith('/>')) hidden = Math.max(0, hidden + (endTag ? -1 : 1));
      // `line<br>break`: a block or line-break tag separates the words on either side.
      else if (name !== undefined && hidden === 0 && BLOCK_ELEMENTS.has(name)) out += ' ';
    } else if (hidden > 0 || authorHid !== undefined) continue;
    else if (c.type === 'text' || c.type === 'code_inline') out += c.content;
    else if (c.type === 'softbreak' || c.type === 'hardbreak') out += ' ';
    else if (c.type === 'image') out += c.content;
  }
  return collapseSpace(out);
}

/** An inline HTML tag's start: `/` for an end tag, and its name. */
const INLINE_TAG = /^<(\/?)([a-z][a-z0-9]*)/i;

/**
 * Where the fallback of each video or audio element among an inline token's children ends (see `mediaFallback`):
 * the index of its own end tag, by the index of its start tag. One without its end tag in the paragraph holds none.
 * One pass: open media are stacked, and an end tag ends the innermost one of its name (those inside it have none);
 * where each name stands in the stack is kept, so an end tag with none of its name open costs no search.
 */
function inlineFallback(children: readonly Token[]): Map<number, number> | undefined {
  let ends: Map<number, number> | undefined;
  /** The open elements' names and start tags (their indexes among the children). */
  const open: { name: string; at: number }[] = [];
  /** By name, the places in `open` of the elements of that name. */
  const places = new Map<string, number[]>();
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (c.type !== 'html_inline') continue;
    const tag = INLINE_TAG.exec(c.content);
    const name = tag?.[2]?.toLowerCase();
    if (tag === null || name === undefined || !MEDIA_ELEMENTS.has(name)) continue;
    let named = places.get(name);
    if (named === undefined) places.set(name, (named = []));
    if (!tag[1]) {
      named.push(open.length);
      open.push({ name, at: i });
      continue;
    }
    const place = named.at(-1);
    if (place === undefined) continue;
    ends ??= new Map();
    ends.set(open[place]!.at, i);
    while (open.length > place) places.get(open.pop()!.name)!.pop();
  }
  return ends;
}

/** Elements whose content a reader never sees as text. */
export { HIDDEN_ELEMENTS, htmlText } from '../story/html-text.js';

/** Markdown rendered to HTML (not yet sanitized) with its plain-text sections: the Markdown body of a library item. */
export function renderMarkdown(text: string): { html: string; sections: Section[] } {
  checkText(text, 'markdown');
  checkSeedStructure(text, { kind: 'markdown', limit: seedUnitLimit(), field: 'markdown', item: true });
  const env = {};
  const tokens = checkedLinks(markdown.parse(text.replace(/\r\n?/g, '\n'), env), seedUnitLimit(), undefined);
  const tooDeep = blockNestedTooDeep(tokens);
  if (tooDeep !== undefined) throw new StoryfeedError('E_TOO_DEEP', `markdown: ${tooDeepMessage((tooDeep.map?.[0] ?? 0) + 1)}`);
  return { html: markdown.renderer.render(tokens, markdown.options, env), sections: toSections(tokens, undefined) };
}

/** How deep markdown-it reads blocks within blocks (its `maxNesting`, 100 by default: a list and its item are two). */
const maxNesting = (): number => (markdown.options as { maxNesting?: number }).maxNesting ?? 100;

/** Why Markdown nested as deep as markdown-it reads (see {@link blockNestedTooDeep}) is refused, from `line` on. */
function tooDeepMessage(line: number): string {
  return `lists or block quotes are nested as deep as the Markdown parser reads (${maxNesting()} levels, a list and its item two of them; from line ${line}), and what follows would be lost: flatten them`;
}

/** Tokens that open a block whose content is read as inline text, or a table's parts, read in one go: none is cut off by the nesting limit. */
const INLINE_BLOCKS = new Set(['paragraph_open', 'heading_open', 'table_open', 'thead_open', 'tbody_open', 'tr_open', 'th_open', 'td_open', 'dt_open']);

/**
 * The first block (a list item, a quote, a container) opened at the deepest level markdown-it reads (`maxNesting`):
 * its content, and with a list's what follows the list, is left unread without a word; `undefined` when none is.
 */
function blockNestedTooDeep(tokens: readonly Token[]): Token | undefined {
  const deepest = maxNesting() - 1;
  for (const token of tokens) if (token.nesting === 1 && token.level >= deepest && !INLINE_BLOCKS.has(token.type)) return token;
  return undefined;
}

/**
 * The tokens, when their links' and images' addresses and titles (each use of a reference repeats its
 * definition's) come to no more bytes than the seed size cap the unit `limit` stands for; else
 * `E_TOO_LARGE` before anything is rendered. One long reference used many times made output quadratic
 * in the input: 50 KB of Markdown took 689 MB, and 100 KB ended in "Invalid string length".
 */
function checkedLinks(tokens: Token[], limit: number, file: string | undefined): Token[] {
  const cap = limit * SEED_BYTES_PER_UNIT;
  let bytes = 0;
  for (const token of tokens) {
    for (const child of token.children ?? []) {
      if ((child.type !== 'link_open' && child.type !== 'image') || child.attrs === null) continue;
      for (const [, value] of child.attrs) bytes += value.length;
      if (bytes > cap)
        throw new StoryfeedError(
          'E_TOO_LARGE',
          `its links' and images' addresses come to more than ${cap >= 1e6 ? `${(cap / 1e6).toFixed(1)} MB` : `${cap.toLocaleString('en-US')} bytes`} with each use of a reference written out (the size cap, \`maxSeedBytes\`); write a long address once, or split the article`,
          { file },
        );
    }
  }
  return tokens;
}
