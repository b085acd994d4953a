import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';

/**
 * Obsidian's links and embeds by a note's name, which readers saw as written (`[[Other note|see]]`), read in an
 * Obsidian vault's notes (see `markdown-extensions.ts`): `[[Note]]`, `[[Note|its text]]` and `[[Note#Heading]]`
 * (shown `Note > Heading`) are links to `Note.md` (the fragment kept; `[[#Heading]]`, a heading of the same
 * note, is its text), which a build gives the address of that note's story as it gives any link to another
 * article's file (see `story/file-links.ts`), or leaves out, its text kept, when no seed is that file
 * (Obsidian finds a note by its name anywhere in the vault, in any letter case; storyfeed by its path from
 * the linking note). `![[picture.png]]`, `![[picture.png|300]]` and `![[picture.png|300x200]]` are images
 * (their width and height), `![[Note]]` and embeds of other files links. Text as CommonMark reads it: a `[[`
 * without its `]]` on the same line within {@link MAX_WIKILINK} characters; one right after a letter, a
 * digit or a closing bracket (`matrix[[0]]`); a name starting or ending with a blank (`[[ -f $file ]]`),
 * holding what no file name may (`[["id"]]`), from a root, or of no letter but a daily note's date
 * (`[[1, 2]]`); one followed by `(` or `[` (`[[Paper]](https://…)`, CommonMark's link); and one within a
 * link's text.
 */
export function wikilink(state: StateInline, silent: boolean): boolean {
  // Skipped over as text when a link's text is scanned (links do not nest), and read as text inside a link.
  // (`linkLevel`, markdown-it's count of links being read, is missing from its types.)
  if (silent || (state as StateInline & { linkLevel: number }).linkLevel > 0) return false;
  const { src } = state;
  const start = state.pos;
  const embed = src.charCodeAt(start) === 0x21; /* ! */
  const open = embed ? start + 1 : start;
  if (src.charCodeAt(open) !== 0x5b || src.charCodeAt(open + 1) !== 0x5b) return false;
  // `matrix[[0]]`, `f(x)[[1]]`: an index in code written as prose, not a link.
  if (!embed && start > 0 && /[\p{L}\p{N}\])]/u.test(src[start - 1]!)) return false;
  const inner = open + 2;
  const limit = Math.min(state.posMax, inner + MAX_WIKILINK);
  let close = -1;
  for (let at = inner; at < limit; at++) {
    const code = src.charCodeAt(at);
    if (code === 0x0a || code === 0x5b) return false;
    if (code === 0x5d) {
      if (src.charCodeAt(at + 1) === 0x5d) close = at;
      break;
    }
  }
  if (close <= inner) return false;
  // `[[Paper]](https://…)`, `[[Code]][ref]`: CommonMark's link, its text in brackets.
  const next = src.charCodeAt(close + 2);
  if (next === 0x28 || next === 0x5b) return false;
  const written = src.slice(inner, close);
  // A note's name neither starts nor ends with a blank (`[[ -f $file ]]` is Bash) nor holds what no file name may.
  if (/^\s|\s$/.test(written) || NOT_IN_NAMES.test(written)) return false;
  const bar = written.indexOf('|');
  const target = (bar < 0 ? written : written.slice(0, bar)).trim();
  const label = bar < 0 ? undefined : written.slice(bar + 1).trim();
  const hash = target.indexOf('#');
  const name = (hash < 0 ? target : target.slice(0, hash)).trim();
  // `[[Note#Heading#Sub]]` names the last heading.
  const fragment = hash < 0 ? '' : target.slice(target.lastIndexOf('#') + 1).trim();
  if (name === '' && fragment === '') return false;
  // A name from a root, or from another host (`//host/x`), is no note's.
  if (name.startsWith('/')) return false;
  // `[[1, 2]]`, `[[0]]`: numbers in prose. A note's name holds a letter, or is a daily note's date (`[[2024-05-01]]`).
  if (name !== '' && !NOTE_NAME.test(name)) return false;
  if (embed && IMAGE_FILE.test(name)) pushImage(state, name, label);
  else pushLink(state, name, fragment, label);
  state.pos = close + 2;
  return true;
}

/** The longest `[[…]]` read as a link: names and titles of notes are short; a longer run is text. */
const MAX_WIKILINK = 500;

/** A name that may be a note's: one with a letter, or a date as daily notes are named (`2024-05-01`, `2024.05.01`). */
const NOTE_NAME = /\p{L}|^\d{4}[-._]\d{1,2}(?:[-._]\d{1,2})?$/u;
/** The files Obsidian embeds as pictures. */
const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|avif|svg|bmp)$/i;
/** An embed's size after its bar: a width, or a width and height. */
const SIZE = /^(\d{1,5})(?:x(\d{1,5}))?$/;
/**
 * The files Obsidian links and embeds besides notes, by extension (its list of accepted formats): `[[report.pdf]]`
 * names that file, while `[[Node.js]]` and `[[Python 3.12]]` name notes (`Node.js.md`).
 */
const ATTACHMENT = /\.(?:md|png|jpe?g|gif|bmp|svg|webp|avif|mp3|webm|wav|m4a|ogg|3gp|flac|mp4|ogv|mov|mkv|pdf|canvas)$/i;
/** Characters no file name holds on some system Obsidian runs on (and the quote, a sign of code or data: `[["id"]]`). */
const NOT_IN_NAMES = /["'*<>:?\\`]/;

/** A link to the note or file `name` (a heading of it when `fragment`), its text `label`, else what Obsidian shows. */
function pushLink(state: StateInline, name: string, fragment: string, label: string | undefined): void {
  const text = label || (name && fragment ? `${name} > ${fragment.replace(/^\^/, '')}` : name || fragment.replace(/^\^/, ''));
  // A block's id (`#^id`) is Obsidian's alone: the link goes to the note.
  const anchor = fragment && !fragment.startsWith('^') ? `#${fragment}` : '';
  const file = name === '' ? '' : ATTACHMENT.test(name) ? name : `${name}.md`;
  const href = state.md.normalizeLink(`${file}${anchor}`);
  if (file === '' || !state.md.validateLink(href)) {
    pushText(state, text);
    return;
  }
  state.push('link_open', 'a', 1).attrs = [['href', href]];
  pushText(state, text);
  state.push('link_close', 'a', -1);
}

/** An image of the file `name`; `label` is its size (`300`, `300x200`) or its text. */
function pushImage(state: StateInline, name: string, label: string | undefined): void {
  const src = state.md.normalizeLink(name);
  const size = label === undefined ? null : SIZE.exec(label);
  const shown = (value: string): boolean => Number(value) > 0;
  const alt = size ? '' : (label ?? '');
  const token = state.push('image', 'img', 0);
  token.attrs = [
    ['src', state.md.validateLink(src) ? src : ''],
    ['alt', ''],
  ];
  if (size && shown(size[1]!)) {
    token.attrs.push(['width', size[1]!]);
    if (size[2] && shown(size[2])) token.attrs.push(['height', size[2]]);
  }
  token.children = [];
  if (alt) state.md.inline.parse(alt, state.md, state.env, token.children);
  token.content = alt;
}

/** A text token. */
function pushText(state: StateInline, text: string): void {
  state.push('text', '', 0).content = text;
}
