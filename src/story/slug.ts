import anyAscii from 'any-ascii';
import { describeValue, StoryfeedError } from '../errors.js';

/**
 * The parts of Chinese and Japanese text, written without spaces, that a slug takes as words: each Han character
 * (one syllable, so `北京` gives `bei-jing`) and each run of hiragana or of katakana, with the long-vowel mark that
 * follows (a katakana run is mostly one loanword). A rule of scripts, not the runtime's dictionary segmentation
 * (`Intl.Segmenter`), whose words change with its ICU version: a slug names a story's URL and id on every runtime.
 */
const UNSPACED_WORD = /\p{sc=Han}|\p{sc=Hira}[\p{sc=Hira}ーｰ]*|\p{sc=Kana}[\p{sc=Kana}ーｰ]*/gu;

/**
 * Makes an ASCII, URL-safe slug: transliterates any script (Cyrillic, Greek, CJK, …), lowercases,
 * and joins words with single hyphens (Chinese and Japanese ones by their scripts: a Han character, a kana run).
 * Path tricks such as `../../x` cannot survive it.
 */
export function slugify(text: string, maxLength = 80): string {
  if (typeof text !== 'string') throw new StoryfeedError('E_ITEM', `slugify: text must be text, found ${describeValue(text)}`);
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new StoryfeedError('E_ITEM', `slugify: maxLength must be a whole number above 0, found ${describeValue(maxLength)}`);
  const ascii = anyAscii(text.normalize('NFC').replace(UNSPACED_WORD, ' $& '))
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength + 1);
  const at = cut.lastIndexOf('-');
  return (at > maxLength / 2 ? cut.slice(0, at) : ascii.slice(0, maxLength)).replace(/-+$/, '');
}
