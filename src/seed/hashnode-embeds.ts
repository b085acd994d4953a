import { codeLines } from './code-lines.js';

/**
 * Hashnode's embeds: a line of `%[https://…]` (a video, a tweet, a repository, a pen), as Hashnode's editor writes
 * them into a post's Markdown and its backup to GitHub keeps them. Only Hashnode renders one; left as it was, readers
 * saw `%[https://www.youtube.com/watch?v=…]`. Each is a link to what it shows, as DEV's `{% embed … %}` is, since no
 * feed reader runs an embed. Code and raw HTML that is not markup stay as written.
 */

/** An embed on a line of its own (up to three spaces before it, as a paragraph may start): the address it shows. */
const EMBED_LINE = /^( {0,3})%\[(https?:\/\/[^\s<>[\]]+)\][ \t]*$/i;

/** `markdown` with each of Hashnode's embeds outside code written as an autolink to its address (the lines stay where they are). One pass over the lines. */
export function withHashnodeEmbeds(markdown: string): string {
  if (!markdown.includes('%[')) return markdown;
  const lines = markdown.split('\n');
  const kindOf = codeLines({ commonMark: true });
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const kind = kindOf(line);
    if (kind === 'fenced' || kind === 'indented' || kind === 'verbatim') continue;
    const embed = EMBED_LINE.exec(line);
    if (embed) lines[i] = `${embed[1]}<${embed[2]}>`;
  }
  return lines.join('\n');
}
