import type { Utf8CheckResult } from './types.js';
import { checkBytesArgument } from './arguments.js';

const XML_DECLARATION = /^<\?xml\s[^?]*?encoding\s*=\s*(["'])([^"']*)\1/;

/**
 * Checks that `bytes` are UTF-8 (a UTF-8 byte-order mark is allowed and removed) and that an XML
 * declaration, if any, does not declare another encoding. Returns the text, or where the first
 * invalid byte is.
 */
export function checkUtf8(bytes: Uint8Array): Utf8CheckResult {
  checkBytesArgument(bytes, 'bytes');
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
    return { ok: false, message: 'the file is UTF-16 (it starts with a UTF-16 byte-order mark); feeds must be UTF-8', offset: 0, line: 1 };
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const bad = firstInvalidUtf8(bytes, start);
  if (bad !== undefined) {
    return { ok: false, message: `invalid UTF-8 at byte ${bad.offset} (line ${bad.line}): ${bad.reason}`, offset: bad.offset, line: bad.line };
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(start));
  const declared = XML_DECLARATION.exec(text)?.[2];
  if (declared !== undefined && !/^utf-?8$/i.test(declared.trim())) {
    return { ok: false, message: `the XML declaration says encoding="${declared}", but feeds must be UTF-8`, offset: 0, line: 1 };
  }
  return { ok: true, text };
}

/** The first byte that breaks UTF-8. */
export interface BadByte {
  /** 0-based byte offset. */
  offset: number;
  /** 1-based line. */
  line: number;
  /** What is wrong with it. */
  reason: string;
}

/** Finds the first byte that breaks UTF-8 (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array, start: number): BadByte | undefined {
  let line = 1;
  let i = start;
  const bad = (reason: string): BadByte => ({ offset: i, line, reason });
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0x0a) line++;
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return bad(`byte 0x${hex(b)} cannot start a UTF-8 character${LEGACY_HINT}`);
    let code = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return bad('the file ends in the middle of a UTF-8 character (truncated?)');
      if ((c & 0xc0) !== 0x80) return bad(`byte 0x${hex(b)} starts a ${need + 1}-byte character but byte 0x${hex(c)} does not continue it${LEGACY_HINT}`);
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min) return bad('overlong encoding');
    if (code >= 0xd800 && code <= 0xdfff) return bad('an encoded surrogate (U+D800–U+DFFF)');
    if (code > 0x10ffff) return bad('a code point above U+10FFFF');
    i += need + 1;
  }
  return undefined;
}

const LEGACY_HINT = ' (is the file Latin-1 or Windows-1252?)';

function hex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}
