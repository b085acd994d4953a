import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';

/**
 * Obsidian's links and embeds by a note's name, which readers saw as written (`[[Other note|see]]`):
 * `[[Note]]`, `[[Note|its text]]` and `[[Note#Heading]]` (shown `Note > Heading`) are links to `Note.md`
 * (the fragment kept; `[[#Heading]]`, a heading of the same note, is its text), which a build gives the address of that note's story as it gives any
 * link to another article's file (see `story/file-links.ts`), or leaves out, its text kept, when no seed
 * is that file (Obsidian finds a note by its name anywhere in the vault; storyfeed by its path from the
 * linking note). `![[picture.png]]`, `![[picture.png|300]]` and `![[picture.png|300x200]]` are images
 * (their width and height), `![[Note]]` and embeds of other files links. A `[[` without its `]]` on the
 * same line, within {@link MAX_WIKILINK} characters, is text, and so is one right after a letter, a digit
 * or a closing bracket (`matrix[[0]]`, an index in code written as prose), and one naming no letter but
 * a daily note's date (`[[1, 2]]`, numbers in prose).
 */
export function wikilink(state: StateInline, silent: boolean): boolean {
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
  const written = src.slice(inner, close);
  const bar = written.indexOf('|');
  const target = (bar < 0 ? written : written.slice(0, bar)).trim();
  const label = bar < 0 ? undefined : written.slice(bar + 1).trim();
  const hash = target.indexOf('#');
  const name = (hash < 0 ? target : target.slice(0, hash)).trim();
  const fragment = hash < 0 ? '' : target.slice(hash + 1).trim();
  if (name === '' && fragment === '') return false;
  // `[[1, 2]]`, `[[0]]`: numbers in prose. A note's name holds a letter, or is a daily note's date (`[[2024-05-01]]`).
  if (name !== '' && !NOTE_NAME.test(name)) return false;
  if (!silent) {
    if (embed && IMAGE_FILE.test(name)) pushImage(state, name, label);
    else pushLink(state, name, fragment, label);
  }
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
/** A name with an extension of its own (`report.pdf`, `note.md`): the file it names, not a note. */
const HAS_EXTENSION = /\.[A-Za-z0-9]{1,8}$/;

/** A link to the note or file `name` (a heading of it when `fragment`), its text `label`, else what Obsidian shows. */
function pushLink(state: StateInline, name: string, fragment: string, label: string | undefined): void {
  const text = label || (name && fragment ? `${name} > ${fragment.replace(/^\^/, '')}` : name || fragment.replace(/^\^/, ''));
  // A block's id (`#^id`) is Obsidian's alone: the link goes to the note.
  const anchor = fragment && !fragment.startsWith('^') ? `#${fragment}` : '';
  const file = name === '' ? '' : HAS_EXTENSION.test(name) ? name : `${name}.md`;
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
  const alt = size ? '' : (label ?? '');
  const token = state.push('image', 'img', 0);
  token.attrs = [
    ['src', state.md.validateLink(src) ? src : ''],
    ['alt', ''],
  ];
  if (size) {
    token.attrs.push(['width', size[1]!]);
    if (size[2]) token.attrs.push(['height', size[2]]);
  }
  token.children = [];
  if (alt) state.md.inline.parse(alt, state.md, state.env, token.children);
  token.content = alt;
}

/** A text token. */
function pushText(state: StateInline, text: string): void {
  state.push('text', '', 0).content = text;
}
