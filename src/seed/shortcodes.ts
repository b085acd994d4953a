import { escapeHtml } from '../escape-html.js';

/**
 * Hugo's embedded shortcodes a feed can show, as a reader would want them: `figure` as a figure (its
 * image, link and caption), and the embeds (`youtube`, `vimeo`, `x`, `tweet`, `instagram`, `gist`)
 * as a link to what they embed, since no feed reader runs an embed's frame or script. Written from
 * the parameters Hugo documents for them; any other shortcode is only the site's own to render. Liquid's
 * embed tags (DEV's, Hexo's, Octopress's) are links too.
 */

/**
 * The HTML a line holding one shortcode stands for, or `undefined` when it is none of those above.
 * `inline` renders a figure's `caption` and `attr` as Markdown, as Hugo does (the story stage sanitizes
 * the HTML); without it they are text.
 */
export function renderShortcode(line: string, inline?: (markdown: string) => string): string | undefined {
  const liquid = parseLiquidTag(line.trim());
  if (liquid) return renderLiquidEmbed(liquid);
  const call = parseShortcode(line.trim());
  if (!call) return undefined;
  const named = (key: string): string | undefined => call.named.get(key);
  const positional = (i: number): string | undefined => call.positional[i];
  if (call.name === 'figure') return figure(named, inline ?? escapeHtml);
  const byId = ID_EMBEDS.get(call.name);
  if (byId) {
    const id = named('id') ?? positional(0);
    return embedLink(byId.url(encode(id)), byId.titled ? named('title') : undefined, id);
  }
  const byUser = USER_EMBEDS.get(call.name);
  if (byUser) {
    const user = named('user') ?? positional(0);
    const id = named('id') ?? positional(1);
    return user !== undefined ? embedLink(byUser(encode(user), encode(id)), undefined, id) : undefined;
  }
  return undefined;
}

/**
 * The embeds of Liquid (and Nunjucks) tags a feed can show as a link: DEV's (Forem's) `{% embed https://… %}`,
 * `{% youtube dQw4w9WgXcQ %}`, `{% twitter 834439977220112384 %}`, `{% github forem/forem %}`, `{% gist https://… %}`,
 * `{% codepen https://… %}`; Hexo's `{% youtube id %}` and `{% vimeo id %}`; Octopress's `{% gist 1234567 %}`. Each
 * takes an http(s) address as it is, else its id or path in the address of what it names.
 */
const LIQUID_EMBEDS = new Map<string, ((id: string) => string) | undefined>([
  ['embed', undefined],
  ['codepen', undefined],
  ['youtube', (id) => `https://www.youtube.com/watch?v=${encode(id)}`],
  ['vimeo', (id) => `https://vimeo.com/${encode(id)}`],
  ['twitter', (id) => (/^\d+$/.test(id) ? `https://x.com/i/status/${id}` : '')],
  ['tweet', (id) => (/^\d+$/.test(id) ? `https://x.com/i/status/${id}` : '')],
  ['gist', (id) => (/^[\w-]+(?:\/[\w-]+)?$/.test(id) ? `https://gist.github.com/${id}` : '')],
  ['github', (id) => (/^\w[\w.-]*(?:\/\w[\w.-]*)*$/.test(id) ? `https://github.com/${id}` : '')],
]);

/** A Liquid tag alone on a line (`{% embed https://… %}`): its name and its words (quotes taken off), or `undefined`. */
function parseLiquidTag(line: string): { name: string; words: string[] } | undefined {
  const m = /^\{%-?\s*([A-Za-z][\w-]*)((?:\s[^%]*)?)-?%\}$/.exec(line);
  if (!m) return undefined;
  const words = (m[2]!.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^(["'])(.*)\1$/, '$2'));
  return { name: m[1]!.toLowerCase(), words };
}

/** A link to what a Liquid embed tag shows (see {@link LIQUID_EMBEDS}), or `undefined` when the tag is none of them or names nothing. */
function renderLiquidEmbed(tag: { name: string; words: string[] }): string | undefined {
  if (!LIQUID_EMBEDS.has(tag.name)) return undefined;
  const first = tag.words[0];
  if (first === undefined) return undefined;
  if (/^https?:\/\//i.test(first)) return embedLink(first, undefined, first);
  const url = LIQUID_EMBEDS.get(tag.name)?.(first);
  return url ? embedLink(url, undefined, first) : undefined;
}

/** Embeds named by one id (`{{< youtube 0RKpf3rK57I >}}`, or `id=`): the address they show, and whether a `title` names it. */
const ID_EMBEDS = new Map<string, { url: (id: string) => string; titled: boolean }>([
  ['youtube', { url: (id) => `https://www.youtube.com/watch?v=${id}`, titled: true }],
  ['youtube_simple', { url: (id) => `https://www.youtube.com/watch?v=${id}`, titled: true }],
  ['vimeo', { url: (id) => `https://vimeo.com/${id}`, titled: true }],
  ['vimeo_simple', { url: (id) => `https://vimeo.com/${id}`, titled: true }],
  ['instagram', { url: (id) => `https://www.instagram.com/p/${id}/`, titled: false }],
  ['instagram_simple', { url: (id) => `https://www.instagram.com/p/${id}/`, titled: false }],
]);

/** Embeds named by a user and an id (`{{< x user="…" id="…" >}}`, or in that order): the address they show. */
const xPost = (user: string, id: string): string => `https://x.com/${user}/status/${id}`;
const USER_EMBEDS = new Map<string, (user: string, id: string) => string>([
  ['x', xPost],
  ['x_simple', xPost],
  ['tweet', xPost],
  ['twitter', xPost],
  ['twitter_simple', xPost],
  ['gist', (user, id) => `https://gist.github.com/${user}/${id}`],
]);

/** A link to what an embed shows, its title as the text when given, else the address; none without an id. */
function embedLink(url: string, title: string | undefined, id: string | undefined): string | undefined {
  if (id === undefined || id.trim() === '') return undefined;
  return `<p><a href="${escapeHtml(url)}">${escapeHtml(title?.trim() || url)}</a></p>`;
}

/** `figure`: the image (linked when `link` is given), then a caption of its `title`, `caption` and `attr` (linked with `attrlink`), those two through `markdown`. */
function figure(get: (key: string) => string | undefined, markdown: (text: string) => string): string | undefined {
  const src = get('src')?.trim();
  if (!src) return undefined;
  const text = (key: string): string | undefined => {
    const value = get(key)?.trim();
    return value ? value : undefined;
  };
  const alt = text('alt') ?? text('caption');
  const size = ['width', 'height'].map((key) => (text(key) !== undefined && /^\d+$/.test(text(key)!) ? ` ${key}="${text(key)}"` : '')).join('');
  let image = `<img src="${escapeHtml(src)}"${alt !== undefined ? ` alt="${escapeHtml(alt)}"` : ''}${size}>`;
  const link = text('link');
  if (link !== undefined) image = `<a href="${escapeHtml(link)}">${image}</a>`;
  const parts: string[] = [];
  const title = text('title');
  if (title !== undefined) parts.push(`<strong>${escapeHtml(title)}</strong>`);
  const caption = text('caption');
  if (caption !== undefined) parts.push(markdown(caption));
  const attr = text('attr');
  const attrLink = text('attrlink');
  if (attr !== undefined) parts.push(attrLink !== undefined ? `<a href="${escapeHtml(attrLink)}">${markdown(attr)}</a>` : markdown(attr));
  return `<figure>${image}${parts.length > 0 ? `<figcaption>${parts.join(' ')}</figcaption>` : ''}</figure>`;
}

function encode(value: string | undefined): string {
  return encodeURIComponent((value ?? '').trim());
}

/** A shortcode call: its name and arguments. */
interface ShortcodeCall {
  name: string;
  named: Map<string, string>;
  positional: string[];
}

/**
 * The one shortcode a line holds (`{{< name a "b c" key=value key2="v" >}}`, `{{% … %}}`, closing
 * `/>}}` too), or `undefined` for anything else: two tags, a closing tag, text around it. Arguments
 * are bare words, "quoted" (with `\"` inside) or `raw` strings. One pass over the line.
 */
function parseShortcode(line: string): ShortcodeCall | undefined {
  const open = line.startsWith('{{<') ? '{{<' : line.startsWith('{{%') ? '{{%' : undefined;
  if (!open) return undefined;
  const close = open === '{{<' ? '>}}' : '%}}';
  if (!line.endsWith(close) || line.length < open.length + close.length) return undefined;
  const inner = line.slice(open.length, line.length - close.length).replace(/\/\s*$/, '');
  // Two tags on the line (`{{< a >}} {{< b >}}`) are no one call.
  if (inner.includes(close) || inner.includes('{{')) return undefined;
  let at = 0;
  const skipSpace = (): void => {
    while (at < inner.length && /\s/.test(inner[at]!)) at++;
  };
  /** A value: quoted, raw or bare; `undefined` when a quote is not closed. */
  const value = (): string | undefined => {
    const quote = inner[at];
    if (quote === '"') {
      let out = '';
      for (at++; at < inner.length; at++) {
        const c = inner[at]!;
        if (c === '\\' && at + 1 < inner.length) out += inner[++at];
        else if (c === '"') {
          at++;
          return out;
        } else out += c;
      }
      return undefined;
    }
    if (quote === '`') {
      const end = inner.indexOf('`', at + 1);
      if (end < 0) return undefined;
      const out = inner.slice(at + 1, end);
      at = end + 1;
      return out;
    }
    const start = at;
    while (at < inner.length && !/\s/.test(inner[at]!)) at++;
    return inner.slice(start, at);
  };
  skipSpace();
  const name = /^[A-Za-z][\w-]*/.exec(inner.slice(at, at + 64))?.[0];
  if (!name) return undefined;
  at += name.length;
  if (at < inner.length && !/\s/.test(inner[at]!)) return undefined;
  const named = new Map<string, string>();
  const positional: string[] = [];
  for (skipSpace(); at < inner.length; skipSpace()) {
    const key = /^([A-Za-z][\w-]*)=/.exec(inner.slice(at, at + 64));
    if (key) at += key[0].length;
    const v = value();
    if (v === undefined) return undefined;
    if (key) named.set(key[1]!, v);
    else positional.push(v);
  }
  return { name: name.toLowerCase(), named, positional };
}
