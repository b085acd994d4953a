import { describeValue, StoryfeedError } from '../errors.js';
import { windows1252Character } from '../html/entities.js';

/**
 * Decodes seed bytes to a string: UTF-8 (with or without a byte-order mark) or UTF-16 with a BOM.
 * Binary files, UTF-32, UTF-16 without a BOM and invalid UTF-8 (say, Latin-1) are refused with a
 * clear error, invalid UTF-8 with the line of the first bad byte. C1 controls in the text are read
 * as the Windows-1252 characters they stand for (see {@link withWindows1252Characters}), vertical
 * tabs and form feeds as spaces.
 */
export function decodeSeedBytes(bytes: Uint8Array, file?: string): string {
  // An ArrayBuffer (what fetch's arrayBuffer() gives) is read as its bytes.
  if ((bytes as unknown) instanceof ArrayBuffer) return decodeSeedBytes(new Uint8Array(bytes as unknown as ArrayBuffer), file);
  if (!(bytes instanceof Uint8Array))
    throw new StoryfeedError('E_ITEM', `decodeSeedBytes: bytes must be the file's bytes (a Uint8Array, Buffer or ArrayBuffer), found ${describeValue(bytes)}`);
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff]) || startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) {
    throw new StoryfeedError('E_ENCODING', 'the file is UTF-32 (it starts with a UTF-32 byte-order mark); re-save it as UTF-8', { file });
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return repaired(decodeWith('utf-16le', bytes.subarray(2), file));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return repaired(decodeWith('utf-16be', bytes.subarray(2), file));
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const utf16 = utf16WithoutBom(body);
  if (utf16) {
    throw new StoryfeedError('E_ENCODING', `the file looks like ${utf16} without a byte-order mark; re-save it as UTF-8 (or as UTF-16 with a byte-order mark)`, { file });
  }
  if (looksBinary(body)) {
    throw new StoryfeedError('E_BINARY', 'this looks like a binary file (a binary signature, NUL bytes or mostly control characters), not a text seed', { file });
  }
  try {
    return repaired(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    const badAt = Math.max(0, firstInvalidUtf8(body));
    const line = lineOfByte(body, badAt);
    const hint = 'the file may be Latin-1 or Windows-1252: re-save it as UTF-8';
    throw new StoryfeedError('E_ENCODING', `invalid UTF-8 byte 0x${(body[badAt] ?? 0).toString(16).padStart(2, '0')} at byte ${badAt + 1}; ${hint}`, { file, line });
  }
}

/**
 * Seed text as an author meant it: C1 controls as Windows-1252 characters, vertical tabs and form feeds
 * as spaces. Applied to every seed read, from bytes or given as text; applying it again changes nothing.
 */
export function repaired(text: string): string {
  return withWindows1252Characters(withBreaksAsSpaces(text));
}

/** A C1 control character (U+0080–U+009F). */
const C1_CONTROL = /[\u0080-\u009f]/;
const C1_CONTROLS = /[\u0080-\u009f]/g;

/**
 * `text` with its C1 controls (U+0080–U+009F) read as the Windows-1252 characters they stand for
 * (`Don\u0092t` is `Don’t`, `\u0085` is `…`), the five Windows-1252 leaves undefined removed. No
 * article means a C1 control: they are what a Windows-1252 file converted as if it were Latin-1
 * holds, and a reader would see them as boxes or nothing. `text` itself when it holds none.
 */
export function withWindows1252Characters(text: string): string {
  if (!C1_CONTROL.test(text)) return text;
  return text.replace(C1_CONTROLS, (c) => windows1252Character(c.charCodeAt(0)) ?? '');
}

/**
 * `text` with each vertical tab (Word's line break within a paragraph) and form feed (a page break) a
 * space: XML forbids both, and removed they would join the words on either side (`Tuesday.Page two`).
 */
function withBreaksAsSpaces(text: string): string {
  return text.includes('\v') || text.includes('\f') ? text.replace(/[\v\f]/g, ' ') : text;
}

function decodeWith(encoding: 'utf-16le' | 'utf-16be', bytes: Uint8Array, file: string | undefined): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new StoryfeedError('E_ENCODING', `the file starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`, { file, cause });
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * `UTF-16LE` or `UTF-16BE` when the first 8 KiB look like mostly-ASCII UTF-16 without a BOM: NUL
 * bytes in at least a third of the odd (or even) positions and none in the others.
 */
function utf16WithoutBom(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs / 3 && even === 0) return 'UTF-16LE';
  if (even >= pairs / 3 && odd === 0) return 'UTF-16BE';
  return undefined;
}

const MAGIC: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP, DOCX, EPUB
  [0x1f, 0x8b], // gzip
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x52, 0x49, 0x46, 0x46], // RIFF (WebP, WAV)
];

/**
 * Whether `bytes` are binary data rather than text: a known binary signature, a run of NUL bytes
 * (UTF-16 without a BOM, or binary data), or more than 10% control characters in the first 8 KiB.
 * A stray NUL or control character in text does not count: seeds have those removed later, with a warning.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (MAGIC.some((sig) => sig.every((b, i) => bytes[i] === b))) return true;
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 && bytes[i + 1] === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  return n > 0 && controls / n > 0.1;
}

/** Index of the first byte that breaks UTF-8 well-formedness (RFC 3629), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** The 1-based line of the byte at `index`, lines ending at LF, CR LF or a lone CR, as the readers take them (a classic Mac file's lines end at CR). */
function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  return line;
}
