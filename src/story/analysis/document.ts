/**
 * The article as the analysis reads it: tokenised blocks in reading order and the rule set to apply.
 */
import type { AnalysisInput } from './contract.js';
import { collapseSpace } from '../../white-space.js';
import { tokenize } from './tokens.js';
import type { QuoteRegion, Token } from './tokens.js';

/**
 * Which rules apply: full English rules; Cyrillic (Ukrainian/Russian) quote and source rules; Romance
 * languages (Spanish, French, Italian, Portuguese), whose capitals mark names as in English; German, which
 * capitalises every noun, so that a capital alone says nothing; Chinese and Japanese, written without spaces
 * between words or capitals, whose quotations have rules of their own (`cjk-quotes.ts`) and whose names and
 * sources get the generic ones; or only safe generic ones.
 */
export type Profile = 'en' | 'cyrillic' | 'romance' | 'de' | 'cjk' | 'other';

const ROMANCE = new Set(['es', 'fr', 'it', 'pt', 'ca', 'gl']);

/** Chinese (with Cantonese, written with the same characters and marks) and Japanese. */
const CJK = new Set(['zh', 'yue', 'ja']);

/**
 * Whether a profile reads names and sources by capitals and the words between spaces; the generic rules (names the
 * lexicon knows and acronyms, no sources) serve the others.
 */
export const readsWords = (profile: Profile): boolean => profile !== 'other' && profile !== 'cjk';

/** A title, subheading or paragraph. */
export interface Block {
  /** What the block is. */
  kind: 'title' | 'heading' | 'paragraph';
  /** Reading position: the title first, then paragraphs, then headings (whose place among paragraphs is unknown). */
  order: number;
  /** The text. */
  text: string;
  /** Its tokens. */
  tokens: Token[];
  /** Its top-level quotations. */
  quotes: QuoteRegion[];
  /** Headline-style capitalisation, where capitals say little about names. */
  titleCase: boolean;
}

/** The tokenised article. */
export interface Doc {
  /** Blocks in reading order (see {@link Block.order}). */
  blocks: Block[];
  /** Rule set. */
  profile: Profile;
}

const ENGLISH_MARKERS = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'was', 'said', 'that', 'for', 'on', 'with']);

const isTitleCase = (tokens: Token[]): boolean => {
  let long = 0;
  let capital = 0;
  for (const t of tokens) {
    if (t.kind !== 'word' || t.initial || t.text.length < 4) continue;
    long++;
    if (t.cap) capital++;
  }
  return long >= 2 && capital / long >= 0.7;
};

const detectProfile = (language: string, blocks: Block[]): Profile => {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'en') return 'en';
  if (primary === 'uk' || primary === 'ru' || primary === 'be') return 'cyrillic';
  if (primary === 'de') return 'de';
  if (ROMANCE.has(primary)) return 'romance';
  if (CJK.has(primary)) return 'cjk';
  let words = 0;
  let cyrillic = 0;
  let english = 0;
  for (const block of blocks) {
    for (const t of block.tokens) {
      if (t.kind !== 'word') continue;
      words++;
      if (/[\u0400-\u04ff]/.test(t.text)) cyrillic++;
      if (ENGLISH_MARKERS.has(t.lower)) english++;
    }
  }
  if (words === 0) return 'other';
  if (cyrillic / words > 0.5) return 'cyrillic';
  // An untagged or wrongly tagged text still gets English rules when it plainly is English.
  if ((primary === '' || primary === 'und' || primary === 'mul' || primary === 'zxx') && english / words > 0.12) return 'en';
  return 'other';
};

/**
 * Doubled single marks written for double ones ("‘‘…’’", "``…''", common in some wire and typewritten copy) become the
 * double marks they stand for, so that a quotation closed with "’’" is read as closed.
 */
const DOUBLED_MARKS = /‘‘|’’|``|''/gu;
const DOUBLED_TO: Record<string, string> = { '‘‘': '“', '’’': '”', '``': '“', "''": '”' };

const clean = (text: unknown): string => (typeof text === 'string' ? collapseSpace(text).replace(DOUBLED_MARKS, (m) => DOUBLED_TO[m] ?? m) : '');

/** Tokenises the input into blocks and picks the rule set. */
export function buildDoc(input: AnalysisInput): Doc {
  const blocks: Block[] = [];
  const add = (kind: Block['kind'], raw: unknown): void => {
    const text = clean(raw);
    if (!text) return;
    const { tokens, quotes } = tokenize(text);
    blocks.push({ kind, order: blocks.length, text, tokens, quotes, titleCase: kind !== 'paragraph' && isTitleCase(tokens) });
  };
  add('title', input.title);
  for (const p of Array.isArray(input.paragraphs) ? input.paragraphs : []) add('paragraph', p);
  for (const h of Array.isArray(input.headings) ? input.headings : []) add('heading', h);
  return { blocks, profile: detectProfile(typeof input.language === 'string' ? input.language : '', blocks) };
}
