/**
 * Splits a block of text into word and punctuation tokens and finds its quotation marks.
 */
import { foldKey } from './lexicon.js';
import { isSpeechVerb } from './speech.js';
import { ABBREVIATIONS } from './words.js';

/** What a token is. */
export type TokenKind = 'word' | 'num' | 'punct';

/** One word, number or punctuation mark of a block. */
export interface Token {
  /** The token as written (a possessive "'s" removed). */
  text: string;
  /** Lowercase form. */
  lower: string;
  /** Lowercase form without diacritics, as lexicon keys are written. */
  fold: string;
  /** Offset of the first character in the block text. */
  start: number;
  /** Offset after the last character (excluding a removed possessive). */
  end: number;
  /** What the token is. */
  kind: TokenKind;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Two or more letters, all capitals ("NATO", "U.S."). */
  caps: boolean;
  /** Initials written with full stops ("U.S.", "M.C.", "S."). */
  dotted: boolean;
  /** Had a possessive "'s". */
  poss: boolean;
  /** Index of the quotation (in the block's `quotes`) the token is inside, or -1. */
  quote: number;
  /** First word of a sentence or of a quotation, where capitals say nothing about names. */
  initial: boolean;
}

/** A pair of quotation marks and what lies between them. */
export interface QuoteRegion {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark (the block length when the quotation runs to the end of the block). */
  close: number;
  /** Index of the first token inside. */
  first: number;
  /** Index after the last token inside. */
  last: number;
  /** Number of words inside. */
  words: number;
}

const DIGIT_START = /^\p{N}/u;

const isUpper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/** `s.toLowerCase()` without the call in the commonest case, ASCII without a capital (the same string then). */
const lowerCase = (s: string): string => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return s.toLowerCase();
  }
  return s;
};

/** The most folded words remembered; past it the memory starts again, so hostile input cannot grow it without bound. */
const FOLD_CACHE_LIMIT = 20_000;
const foldCache = new Map<string, string>();

/** {@link foldKey} of a non-ASCII word, remembered: words recur across articles, and decomposing them is the costly part. */
const foldWord = (word: string): string => {
  const hit = foldCache.get(word);
  if (hit !== undefined) return hit;
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  const fold = foldKey(word);
  foldCache.set(word, fold);
  return fold;
};

/** Lowercase ASCII letters, digits and apostrophes only: already a lexicon key. */
const isPlain = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39)) return false;
  }
  return true;
};

const countLetters = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? '';
    if (ch.toLowerCase() !== ch.toUpperCase()) n++;
  }
  return n;
};

/** Characters that may open or close a quotation. */
export const QUOTE_CHARS = new Set(['"', '“', '”', '„', '«', '»', '‹', '›', '‘', '’', '‚']);

/** {@link QUOTE_CHARS} by code, without making a string of every character of the text. */
const isQuoteCode = (c: number): boolean => c === 34 || c === 0xab || c === 0xbb || (c >= 0x2018 && c <= 0x201e && c !== 0x201b) || c === 0x2039 || c === 0x203a;

const OPEN_CONTEXT = /[\s([{\-—–:;,/]/u;

/** A mark that starts something: at the start or after a space or an opening bracket, before a letter or digit. */
const opensHere = (text: string, i: number): boolean => {
  const before = i === 0 ? ' ' : (text[i - 1] ?? ' ');
  const after = text[i + 1] ?? ' ';
  return (OPEN_CONTEXT.test(before) || QUOTE_CHARS.has(before)) && !/\s/u.test(after) && after !== '';
};

/** A mark that ends something: after a non-space, before a space, punctuation or the end. */
const closesHere = (text: string, i: number): boolean => {
  const before = i === 0 ? ' ' : (text[i - 1] ?? ' ');
  const after = text[i + 1] ?? ' ';
  return !/\s/u.test(before) && (after === ' ' || !/[\p{L}\p{N}]/u.test(after));
};

/** Whether the text from `from` on holds two words (a letter, a space, then another letter), in one pass. */
const hasTwoWords = (text: string, from: number): boolean => {
  let state = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (state === 0 && isLetterCode(c)) state = 1;
    else if (state === 1 && isSpace(c)) state = 2;
    else if (state === 2 && isLetterCode(c)) return true;
  }
  return false;
};

/** Marks that close a quotation opened by the given mark. */
// A straight mark is closed by a curly one too ("…”), as text typed in two editors often is.
// So is a curly one by a straight mark (“…").
const CLOSERS: Record<string, string> = { '"': '"”', '“': '”“"', '„': '“”', '«': '»', '»': '«', '‹': '›', '›': '‹', '”': '”' };

/**
 * Finds top-level quotations: straight and curly marks, low-high („…“), guillemets both ways («…», »…«)
 * and single guillemets (‹…›). Quotations inside quotations are kept inside (a straight mark that opens
 * a word inside a straight quotation opens a nested one). An opening mark never closed continues to the
 * end of the block, as news style writes a quotation that runs on into the next paragraph.
 */
export function findQuoteRegions(text: string): { open: number; close: number }[] {
  const regions: { open: number; close: number }[] = [];
  const stack: { mark: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isQuoteCode(text.charCodeAt(i))) continue;
    const ch = text[i] ?? '';
    const top = stack[stack.length - 1];
    const opening = opensHere(text, i);
    const closing = closesHere(text, i);
    let closes = false;
    let opens = false;
    if (ch === '‘' || ch === '’' || ch === '‚') {
      // Single marks (‘…’, ‚…‘) double as apostrophes: ’ closes only an open ‘, and only where a word ends.
      // "the drivers’ families": after an "s" and before a word, ’ is a plural possessive.
      const possessive = ch === '’' && /s/i.test(text[i - 1] ?? '') && text[i + 1] === ' ' && /[\p{L}\p{N}]/u.test(text[i + 2] ?? '');
      if (top && ((top.mark === '‘' && ch === '’') || (top.mark === '‚' && ch === '‘')) && closing && !possessive) closes = true;
      else if ((ch === '‘' || ch === '‚') && opening) opens = true;
    } else if (
      top &&
      (CLOSERS[top.mark] ?? '').includes(ch) &&
      !(opening && !closing && (ch === '"' || ch === '“') && (ch === top.mark || top.mark === '“')) &&
      !(top.mark === '"' && ch === '”' && !closing)
    ) {
      // A mark that can close the innermost quotation closes it, unless it plainly opens a nested one
      // ("“… le llamamos “La trituradora” pues …”": a “ after a space and before a word opens).
      closes = true;
    } else if (ch === '"' || ch === '“' || ch === '„' || ch === '«' || ch === '‹') {
      opens = ch === '"' || ch === '“' ? opening || (!top && !closing) : true;
    } else if ((ch === '»' || ch === '›' || ch === '”') && opening && !closing) {
      // German »…« and ›…‹ open with the mark that closes elsewhere; so does a lone ” in some styles.
      opens = true;
    } else if (top && closing && stack.some((s) => (CLOSERS[s.mark] ?? '').includes(ch))) {
      // A mismatched inner mark: close back to the quotation it belongs to.
      while (stack.length && !(CLOSERS[stack[stack.length - 1]?.mark ?? ''] ?? '').includes(ch)) stack.pop();
      closes = stack.length > 0;
    }
    const current = stack[stack.length - 1];
    if (closes && current) {
      stack.pop();
      if (stack.length === 0) regions.push({ open: current.at, close: i });
    } else if (opens && stack.length < 4) {
      stack.push({ mark: ch, at: i });
    }
  }
  const outer = stack[0];
  // A quotation left open runs to the end of the block, when it opens like a quotation and has words.
  if (outer && outer.mark !== '‘' && outer.mark !== '‚' && (text.slice(0, outer.at).trim() === '' || opensHere(text, outer.at)) && hasTwoWords(text, outer.at + 1)) {
    // ""The guests are the best of us, added the ministry.": a quotation whose closing mark is missing before the
    // attribution that ends its paragraph ends at the comma before the verb of saying.
    const tail = attributionTail(text, outer.at + 1);
    regions.push({ open: outer.at, close: tail >= 0 && hasTwoWords(text.slice(0, tail), outer.at + 1) ? tail : text.length });
  }
  return regions;
}

/** The most characters an attribution closing a paragraph may take after its comma (", agregó la Casa de Gobierno."). */
const ATTRIBUTION_TAIL_CHARS = 80;

/**
 * The offset of the comma that sets off an attribution ending the text after `from` (", added the ministry.", ", dijo
 * Pérez.", ", a-t-il déclaré."): a verb of saying within its first two words and no other comma or quotation mark after
 * it; -1 if there is none.
 */
function attributionTail(text: string, from: number): number {
  const comma = text.lastIndexOf(',');
  if (comma < from || text.length - comma > ATTRIBUTION_TAIL_CHARS) return -1;
  const rest = text.slice(comma + 1);
  for (let i = 0; i < rest.length; i++) if (isQuoteCode(rest.charCodeAt(i))) return -1;
  const words = rest
    .trim()
    .replace(/[.!?…]+$/u, '')
    .split(/\s+/u);
  return words.slice(0, 2).some(isSpeechVerb) ? comma : -1;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const LETTER_CHAR = /\p{L}/u;
// 0 = unknown, 1 = word character, 2 = other; filled lazily for non-ASCII characters.
const charClass = new Uint8Array(65536);

/** Letters, digits and combining marks; a hand-written test is several times faster than a Unicode regex. */
const isWordCode = (c: number): boolean => {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  let k = charClass[c] ?? 0;
  if (k === 0) {
    k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    charClass[c] = k;
  }
  return k === 1;
};

const isLetterCode = (c: number): boolean => (c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : isWordCode(c) && LETTER_CHAR.test(String.fromCharCode(c)));

const isUpperChar = (c: number): boolean => {
  if (c < 128) return c >= 65 && c <= 90;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
};

/** Length of the lowercase word starting at `from` if it ends the token there, else 0. */
const lowercaseTail = (text: string, from: number): number => {
  let k = from;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (!isWordCode(c)) break;
    const ch = text[k] ?? '';
    if (ch !== ch.toLowerCase() || !(ch !== ch.toUpperCase())) return 0;
    k++;
  }
  const after = text.charCodeAt(k);
  return k < text.length && isJoiner(after) && isWordCode(text.charCodeAt(k + 1)) ? 0 : k - from;
};

const isJoiner = (c: number): boolean => c === 39 || c === 8217 || c === 45 || c === 8209;

const isSpace = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 160 ||
  c === 0xfeff ||
  (c >= 0x2000 && c <= 0x200b) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x3000 ||
  c === 0x1680 ||
  c === 0x202f ||
  c === 0x205f;

const NAME_PREFIXES = new Set(['ex', 'pro', 'anti', 'non', 'post', 'pre', 'mid', 'neo', 'pan', 'un', 'inter', 'intra', 'trans', 'über', 'uber', 'sub', 'euro']);

/** Length of a lowercase prefix joined to a capitalised name by a hyphen ("ex-" of "ex-CBC"), else 0. */
const namePrefixLength = (text: string, i: number): number => {
  let k = i;
  while (k < text.length && k - i < 6 && isWordCode(text.charCodeAt(k)) && !isUpperChar(text.charCodeAt(k))) k++;
  if (k === i || text.charCodeAt(k) !== 45 || !isUpperChar(text.charCodeAt(k + 1))) return 0;
  if (i > 0 && isWordCode(text.charCodeAt(i - 1))) return 0;
  return NAME_PREFIXES.has(text.slice(i, k)) ? k - i : 0;
};

/** Arabic articles written joined to a name ("al-Qaeda", "el-Sisi"): the name is capitalised as a whole. */
const ARABIC_ARTICLE = /^(?:al|el|ad|ar|as|at|an|az|ash|ibn|bin|abu)-\p{Lu}/u;

const ELIDED = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'dell', 'all', 'nell', 'sull']);

/** Length of an elided article with its apostrophe ("l’") when a capitalised word follows, else 0. */
const elisionLength = (text: string, i: number): number => {
  let k = i;
  while (k < text.length && k - i < 4) {
    const c = text.charCodeAt(k);
    if (!(c >= 97 && c <= 122)) break;
    k++;
  }
  const apostrophe = text.charCodeAt(k);
  if (k === i || (apostrophe !== 39 && apostrophe !== 8217) || !isUpperChar(text.charCodeAt(k + 1))) return 0;
  if (i > 0 && isWordCode(text.charCodeAt(i - 1))) return 0;
  return ELIDED.has(text.slice(i, k)) ? k - i + 1 : 0;
};

/** Whether `text` has the character code `a` or `b` at an offset from `from` to `to` (inclusive). */
const hasCodeWithin = (text: string, from: number, to: number, a: number, b: number): boolean => {
  const last = Math.min(to, text.length - 1);
  for (let k = from; k <= last; k++) {
    const c = text.charCodeAt(k);
    if (c === a || c === b) return true;
  }
  return false;
};

/**
 * End of the word or mark starting at `i` (not a space): dotted initials ("U.S."), a word with inner
 * apostrophes or hyphens, or one other character. A plain function, not a generator: it runs for
 * every token of every story.
 */
function tokenEnd(text: string, i: number): number {
  const n = text.length;
  const c = text.charCodeAt(i);
  if (!isWordCode(c)) {
    // Keep a surrogate pair (an emoji, say) together as one mark.
    return i + (c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1);
  }
  if (isLetterCode(c) && text.charCodeAt(i + 1) === 46 && isLetterCode(text.charCodeAt(i + 2)) && text.charCodeAt(i + 3) === 46) {
    let j = i;
    while (j < n && isLetterCode(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 46) j += 2;
    return j;
  }
  // French and Italian elision before a name ("l’Organisation", "d'Afrique", "qu'Emmanuel"): the
  // article is a word of its own, so that the name keeps its capital.
  // "ex-CBC", "pro-Kremlin", "anti-NATO": a lowercase prefix is a word of its own before a name.
  // Both need a mark a few characters on (a prefix has two to five letters, an elided article one to
  // four): looking for it first spares most words the scan, which matters most while code is still cold.
  if (hasCodeWithin(text, i + 2, i + 5, 45, 45)) {
    const prefix = namePrefixLength(text, i);
    if (prefix > 0) return i + prefix;
  }
  if (hasCodeWithin(text, i + 1, i + 4, 39, 8217)) {
    const elided = elisionLength(text, i);
    if (elided > 0) return i + elided;
  }
  let j = i + 1;
  for (;;) {
    while (j < n && isWordCode(text.charCodeAt(j))) j++;
    if (j + 1 < n && isJoiner(text.charCodeAt(j)) && isWordCode(text.charCodeAt(j + 1))) {
      // "Oslo-based", "Kremlin-backed": the name stands alone before a lowercase suffix word.
      if (text.charCodeAt(j) !== 39 && text.charCodeAt(j) !== 8217 && isUpperChar(text.charCodeAt(i)) && lowercaseTail(text, j + 1) >= 4) break;
      j++;
      continue;
    }
    break;
  }
  return j;
}

/** Tokenises one block and marks quotations and sentence starts. */
export function tokenize(text: string): { tokens: Token[]; quotes: QuoteRegion[] } {
  const tokens: Token[] = [];
  let skipTo = 0;
  for (let next = 0; next < text.length; ) {
    if (isSpace(text.charCodeAt(next))) {
      next++;
      continue;
    }
    const start = next;
    const stop = tokenEnd(text, start);
    next = stop;
    if (start < skipTo) continue;
    let raw = text.slice(start, stop);
    if (!isWordCode(raw.charCodeAt(0))) {
      tokens.push({ text: raw, lower: raw, fold: raw, start, end: stop, kind: 'punct', cap: false, caps: false, dotted: false, poss: false, quote: -1, initial: false });
      continue;
    }
    let end = start + raw.length;
    let dotted = raw.length > 2 && raw.endsWith('.');
    // Abbreviations and single initials keep their full stop so that it does not end the sentence.
    if (!dotted && text[end] === '.') {
      const lower = lowerCase(raw);
      if ((raw.length === 1 && isUpper(raw)) || ABBREVIATIONS.has(lower)) {
        raw += '.';
        end += 1;
        dotted = raw.length === 2;
        skipTo = end;
      }
    }
    let poss = false;
    const lastCode = raw.charCodeAt(raw.length - 1);
    const apostrophe = raw.charCodeAt(raw.length - 2);
    if (raw.length > 3 && (lastCode === 115 || lastCode === 83) && (apostrophe === 39 || apostrophe === 8217)) {
      raw = raw.slice(0, -2);
      poss = true;
    }
    const code = raw.charCodeAt(0);
    const kind: TokenKind = (code >= 48 && code <= 57) || (code >= 128 && DIGIT_START.test(raw)) ? 'num' : 'word';
    // The Arabic article ends in a hyphen at the third or fourth character; test that before the regex.
    const cap =
      kind === 'word' && ((code < 128 ? code >= 65 && code <= 90 : isUpper(raw[0] ?? '')) || ((raw.charCodeAt(2) === 45 || raw.charCodeAt(3) === 45) && ARABIC_ARTICLE.test(raw)));
    const lower = lowerCase(raw);
    // Only capitalised words can be acronyms; checking the rest would cost a string per token.
    // A lowercase ASCII second letter ("Harrington") settles it without uppercasing the word.
    const second = raw.charCodeAt(1);
    const caps = cap && raw.length >= 2 && !(second >= 97 && second <= 122) && raw === raw.toUpperCase() && lower !== raw && countLetters(raw) >= 2;
    const bare = raw.includes('.') ? lower.replace(/\./g, '') : lower;
    tokens.push({
      text: raw,
      lower,
      fold: isPlain(bare) ? bare : foldWord(bare),
      start,
      end: poss ? end - 2 : end,
      kind,
      cap,
      caps,
      dotted: dotted || (raw.endsWith('.') && raw.length <= 2),
      poss,
      quote: -1,
      initial: false,
    });
  }

  const quotes: QuoteRegion[] = [];
  const regions = findQuoteRegions(text);
  let t = 0;
  for (const region of regions) {
    while (t < tokens.length && (tokens[t]?.start ?? 0) <= region.open) t++;
    const first = t;
    let words = 0;
    while (t < tokens.length && (tokens[t]?.start ?? 0) < region.close) {
      const tok = tokens[t];
      if (tok) {
        tok.quote = quotes.length;
        if (tok.kind !== 'punct') words++;
      }
      t++;
    }
    quotes.push({ open: region.open, close: region.close, first, last: t, words });
  }

  markInitials(tokens, quotes);
  return { tokens, quotes };
}

const SENTENCE_END = new Set(['.', '!', '?', '…', ':', ';']);
const TRANSPARENT = new Set(['(', '[', '—', '–', '-', '*', '•', '·', ...QUOTE_CHARS, "'", '‘', '’', '>', '#']);
const QUOTE_OPEN = QUOTE_CHARS;

/**
 * Marks the words where a sentence or a real quotation starts: their capital letter is grammar, not a
 * sign of a name. Short quoted fragments («Укренерго», scare quotes) are names or phrases, not sentences.
 */
function markInitials(tokens: Token[], quotes: QuoteRegion[]): void {
  let atStart = true;
  let prev: Token | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok) continue;
    if (tok.kind === 'punct') {
      if (SENTENCE_END.has(tok.text) && !(tok.text === ':' && prev?.kind === 'num')) atStart = true;
      else if (QUOTE_OPEN.has(tok.text) && tok.quote === -1) {
        // The words inside carry the quotation's index; the opening mark itself does not.
        const next = tokens[i + 1];
        const region = next && next.quote >= 0 ? quotes[next.quote] : undefined;
        if (region && region.words >= 5 && region.first === i + 1) atStart = true;
      } else if (!TRANSPARENT.has(tok.text)) atStart = false;
      prev = tok;
      continue;
    }
    if (atStart) tok.initial = true;
    atStart = false;
    prev = tok;
  }
}
