import { codeLines } from './code-lines.js';

/**
 * The marks Hashnode's editor writes into a post's Markdown, which its backup to GitHub keeps and only Hashnode
 * reads. Its embeds: a line of `%[https://…]` (a video, a tweet, a repository, a pen); left as it was, readers saw
 * `%[https://www.youtube.com/watch?v=…]`. Each is a link to what it shows, as DEV's `{% embed … %}` is, since no
 * feed reader runs an embed. Its images: `![alt](https://cdn.hashnode.com/….png align="center")`, the alignment
 * written inside the parentheses, where CommonMark takes no such thing, so the whole image was published as text.
 * Each is the image, without its alignment (the sanitizer keeps no alignment of an image either). Code and raw
 * HTML that is not markup stay as written.
 */

/** An embed on a line of its own (up to three spaces before it, as a paragraph may start): the address it shows. */
const EMBED_LINE = /^( {0,3})%\[(https?:\/\/[^\s<>[\]]+)\][ \t]*$/i;

/**
 * An image with Hashnode's alignment after its address: the image up to its address, then ` align="…"` and the
 * closing parenthesis. Its text holds no bracket, so no image's text is read from two starts (linear in the line).
 */
const ALIGNED_IMAGE = /(!\[[^[\]\n]*\]\([ \t]*[^\s()<>]+)[ \t]+align="[a-z]*"[ \t]*\)/gi;

/**
 * `markdown` with each of Hashnode's embeds outside code written as an autolink to its address, and each of its
 * images outside code without its alignment (the lines stay where they are; a line with code spans is left as it
 * is, the marks perhaps shown in them). One pass over the lines.
 */
export function withHashnodeMarks(markdown: string): string {
  const embeds = markdown.includes('%[');
  const images = markdown.includes(' align="');
  if (!embeds && !images) return markdown;
  const lines = markdown.split('\n');
  const kindOf = codeLines({ commonMark: true });
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const kind = kindOf(line);
    if (kind === 'fenced' || kind === 'indented' || kind === 'verbatim') continue;
    const embed = embeds ? EMBED_LINE.exec(line) : null;
    if (embed) lines[i] = `${embed[1]}<${embed[2]}>`;
    else if (images && !line.includes('`') && line.includes(' align="')) lines[i] = line.replace(ALIGNED_IMAGE, '$1)');
  }
  return lines.join('\n');
}
