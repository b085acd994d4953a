import anyAscii from 'any-ascii';
import { describeValue, StoryfeedError } from '../errors.js';

/**
 * Makes an ASCII, URL-safe slug: transliterates any script (Cyrillic, Greek, CJK, …), lowercases,
 * and joins words with single hyphens. Path tricks such as `../../x` cannot survive it.
 */
export function slugify(text: string, maxLength = 80): string {
  if (typeof text !== 'string') throw new StoryfeedError('E_ITEM', `slugify: text must be text, found ${describeValue(text)}`);
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new StoryfeedError('E_ITEM', `slugify: maxLength must be a whole number above 0, found ${describeValue(maxLength)}`);
  const ascii = anyAscii(text.normalize('NFC'))
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength + 1);
  const at = cut.lastIndexOf('-');
  return (at > maxLength / 2 ? cut.slice(0, at) : ascii.slice(0, maxLength)).replace(/-+$/, '');
}
