import { StoryfeedError } from '../errors.js';

/**
 * Decodes seed bytes to a string: UTF-8 (with or without a byte-order mark) or UTF-16 with a BOM.
 * Binary files and invalid UTF-8 are refused with the line of the first bad byte.
 */
export function decodeSeedBytes(bytes: Uint8Array, file?: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2), file);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2), file);
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) {
    throw new StoryfeedError('E_BINARY', 'this looks like a binary file (a binary signature, NUL bytes or mostly control characters), not a text seed', { file });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const badAt = Math.max(0, firstInvalidUtf8(body));
    const line = lineOfByte(body, badAt);
    throw new StoryfeedError('E_ENCODING', `invalid UTF-8 byte 0x${(body[badAt] ?? 0).toString(16).padStart(2, '0')} at byte ${badAt + 1}`, { file, line });
  }
}

function decodeWith(encoding: 'utf-16le' | 'utf-16be', bytes: Uint8Array, file: string | undefined): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new StoryfeedError('E_ENCODING', `the file starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`, { file, cause });
  }
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
 * A known binary signature, a run of NUL bytes (UTF-16 without a BOM, or binary data), or more than
 * 10% control characters in the first 8 KiB mean binary. A stray NUL or control character in text
 * does not: those are removed later, with a warning.
 */
function looksBinary(bytes: Uint8Array): boolean {
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
    if (b < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
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

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
