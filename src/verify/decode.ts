/**
 * Bytes to text for feeds, by what the document says about itself, never by assumption: a
 * byte-order mark wins, then the charset the server sent, then the XML declaration's `encoding`
 * (XML 1.0 appendix F, RFC 7303 §3), and UTF-8 when none of them names one. Decoding is strict:
 * bytes that are not valid in the chosen encoding are an error with their line, not U+FFFD, and so
 * is an XML declaration the byte-order mark or the bytes contradict (as the W3C validator has it).
 */
import { StoryfeedError } from '../errors.js';
import { firstInvalidUtf8 } from './utf8.js';
import { checkBytesArgument, checkOptionsArgument } from './arguments.js';

/** Options for {@link decodeFeed}. */
export interface DecodeFeedOptions {
  /** The `charset` parameter of the HTTP `Content-Type`, when the feed was fetched. */
  charset?: string;
}

/** What {@link decodeFeed} returns. */
export interface DecodedFeed {
  /** The text, without a byte-order mark. */
  text: string;
  /** The encoding used, as the WHATWG Encoding Standard names it (`utf-8`, `windows-1252`, …). */
  encoding: string;
  /** Where the encoding came from. */
  source: 'bom' | 'http' | 'declaration' | 'default';
}

/** How far into the document the XML declaration may end (it must come first; attributes are short). */
const DECLARATION_WINDOW = 512;
const DECLARED_ENCODING = /^<\?xml\s[^?>]*?encoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/;

/**
 * Decodes a feed's bytes (rules above). Throws `StoryfeedError` `E_ENCODING` for bytes that are
 * invalid in the chosen encoding or a declaration they contradict, and `E_FEED` for an encoding
 * name no decoder knows.
 */
export function decodeFeed(bytes: Uint8Array, options: DecodeFeedOptions = {}): DecodedFeed {
  checkBytesArgument(bytes, 'bytes');
  checkOptionsArgument(options, 'options');
  const utf32 = utf32Mark(bytes);
  if (utf32) {
    throw new StoryfeedError('E_ENCODING', `the file is ${utf32} (it starts with a ${utf32} byte-order mark), which storyfeed does not decode: save it as UTF-8`, { line: 1 });
  }
  const bom = byteOrderMark(bytes);
  if (bom) {
    const text = decodeStrict(bytes.subarray(bom.length), bom.encoding, undefined, bom.length);
    checkDeclarationAfterBom(text, bom.encoding);
    return { text, encoding: bom.encoding, source: 'bom' };
  }
  const httpCharset = options.charset?.trim().replace(/^["']|["']$/g, '');
  if (httpCharset) {
    const encoding = resolveLabel(httpCharset, "the server's charset");
    if (encoding.startsWith('utf-16') && opensOneByteACharacter(bytes)) {
      throw new StoryfeedError(
        'E_ENCODING',
        `the server's charset is "${httpCharset}", but the bytes are not UTF-16: there is no UTF-16 byte-order mark and the text opens one byte a character (the server should send the encoding the file is in, such as UTF-8)`,
        { line: 1 },
      );
    }
    return { text: decodeStrict(bytes, encoding, { label: httpCharset, where: "the server's charset" }), encoding, source: 'http' };
  }
  const sniffed = sniffUtf16(bytes);
  if (sniffed) {
    const text = decodeStrict(bytes, sniffed);
    checkUtf16Declaration(text, sniffed);
    return { text, encoding: sniffed, source: 'declaration' };
  }
  const head = latin1Prefix(bytes, DECLARATION_WINDOW);
  const declared = DECLARED_ENCODING.exec(head)?.[2];
  if (declared !== undefined) {
    const where = "the XML declaration's encoding";
    const encoding = resolveLabel(declared, where);
    // UTF-16 has a byte-order mark or writes `<?xml` in two bytes a character (sniffed above): these bytes are not UTF-16.
    if (encoding.startsWith('utf-16')) {
      throw new StoryfeedError(
        'E_ENCODING',
        `the XML declaration says encoding="${declared}", but the bytes are not UTF-16: there is no UTF-16 byte-order mark and "<?xml" is written one byte a character (declare the encoding the file is in, such as UTF-8)`,
        { line: 1 },
      );
    }
    return { text: decodeStrict(bytes, encoding, { label: declared, where }), encoding, source: 'declaration' };
  }
  return { text: decodeStrict(bytes, 'utf-8'), encoding: 'utf-8', source: 'default' };
}

/**
 * The names a document with a byte-order mark may declare, as the W3C validator allows them (its
 * xmlEncoding.py): only the encoding of the mark, without a byte order for UTF-16 (UTF-16LE and
 * UTF-16BE are the names of UTF-16 without a mark).
 */
const NAMES_AFTER_BOM: Readonly<Record<string, readonly string[]>> = {
  'utf-8': ['utf-8'],
  'utf-16le': ['utf-16', 'iso-10646-ucs-2', 'csunicode', 'ucs-2'],
  'utf-16be': ['utf-16', 'iso-10646-ucs-2', 'csunicode', 'ucs-2'],
};

/** The encoding a document's XML declaration names, read from its decoded text. */
function declaredIn(text: string): string | undefined {
  return DECLARED_ENCODING.exec(text.slice(0, DECLARATION_WINDOW))?.[2];
}

/** A byte-order mark and an XML declaration naming another encoding contradict each other: `E_ENCODING`. */
function checkDeclarationAfterBom(text: string, encoding: string): void {
  const declared = declaredIn(text);
  if (declared === undefined || NAMES_AFTER_BOM[encoding]!.includes(declared.toLowerCase())) return;
  const mark = encoding === 'utf-8' ? 'UTF-8' : 'UTF-16';
  throw new StoryfeedError(
    'E_ENCODING',
    `the file starts with a ${mark} byte-order mark, but its XML declaration says encoding="${declared}" (declare "${mark}", or save the file in the encoding it declares)`,
    { line: 1 },
  );
}

/**
 * UTF-16 without a byte-order mark must say so in its XML declaration (XML 1.0 §4.3.3; the W3C
 * validator requires the declaration and accepts UTF-16 or the name of its byte order).
 */
function checkUtf16Declaration(text: string, encoding: string): void {
  const declared = declaredIn(text);
  const name = encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
  if (declared === undefined) {
    throw new StoryfeedError('E_ENCODING', `the file is ${name} without a byte-order mark and without an XML declaration naming its encoding (declare encoding="UTF-16")`, {
      line: 1,
    });
  }
  const key = (label: string): string => label.toLowerCase().replace(/[-_]/g, '');
  if (!['utf16', 'iso10646ucs2', 'csunicode', 'ucs2', key(encoding)].includes(key(declared))) {
    throw new StoryfeedError('E_ENCODING', `the XML declaration says encoding="${declared}", but the file is ${name} (declare encoding="UTF-16")`, { line: 1 });
  }
}

/** UTF-32 by its byte-order mark, which no decoder here reads (and whose little-endian mark opens with UTF-16's). */
function utf32Mark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0x00 && bytes[3] === 0x00) return 'UTF-32LE';
  if (bytes[0] === 0x00 && bytes[1] === 0x00 && bytes[2] === 0xfe && bytes[3] === 0xff) return 'UTF-32BE';
  return undefined;
}

/**
 * Whether the text opens with markup or white space written one byte a character, as in UTF-8 and
 * the 8-bit encodings: in UTF-16 every such character has a zero byte.
 */
function opensOneByteACharacter(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && [0x3c, 0x7b, 0x5b, 0x20, 0x09, 0x0a, 0x0d].includes(bytes[0]!) && bytes[1] !== 0x00;
}

function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return undefined;
}

/**
 * UTF-16 without a byte-order mark shows itself by `<` `?` with zero bytes between (XML 1.0 appendix F),
 * and so does a document without a declaration by `<` and the next character (an element's name):
 * no XML in an 8-bit encoding has a zero byte. The latter is then refused for its missing declaration,
 * where it was read as UTF-8 and refused for its zero bytes, asking whether it was Latin-1.
 */
function sniffUtf16(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] !== 0x00 && bytes[2] !== undefined && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] !== 0x00 && bytes[3] !== undefined) return 'utf-16be';
  return undefined;
}

function latin1Prefix(bytes: Uint8Array, length: number): string {
  let out = '';
  const end = Math.min(bytes.length, length);
  for (let i = 0; i < end; i++) out += String.fromCharCode(bytes[i]!);
  return out;
}

/** The WHATWG name of an encoding label; `E_FEED` for a label no decoder knows. */
function resolveLabel(label: string, where: string): string {
  for (const candidate of [label, `x-${label}`]) {
    try {
      // Macintosh encodings are registered as x-mac-…; feeds often declare them without the x-.
      return new TextDecoder(candidate).encoding;
    } catch {
      // Try the next spelling.
    }
  }
  throw new StoryfeedError('E_FEED', `${where} is "${label}", an encoding storyfeed cannot decode`, { line: 1 });
}

/** Where an encoding's name came from, for the messages about bytes it does not allow. */
interface EncodingLabel {
  /** The name as written (`us-ascii`, `windows-1252`). */
  label: string;
  /** What gave it: "the server's charset", "the XML declaration's encoding". */
  where: string;
}

/**
 * Names of US-ASCII, which the WHATWG Encoding Standard reads as windows-1252 (as browsers do),
 * but which allow bytes below 0x80 only: a byte above is an error, as the W3C validator decodes it.
 */
const ASCII_LABELS = new Set(['us-ascii', 'ascii', 'ansi_x3.4-1968']);
/** Names of windows-1252 itself (not of ISO-8859-1, which it stands in for), which leaves five bytes without a character. */
const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252']);
/** The bytes windows-1252 gives no character. */
const WINDOWS_1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Decodes `bytes` (which stand `skipped` bytes into the file, after a byte-order mark), refusing any byte that is not valid in `encoding`. */
function decodeStrict(bytes: Uint8Array, encoding: string, named?: EncodingLabel, skipped = 0): string {
  if (encoding === 'utf-8') {
    const bad = firstInvalidUtf8(bytes, 0);
    if (bad) throw new StoryfeedError('E_ENCODING', `invalid UTF-8 at byte ${bad.offset + skipped} (line ${bad.line}): ${bad.reason}`, { line: bad.line });
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  }
  if (encoding === 'windows-1252') {
    const label = named?.label.toLowerCase();
    if (named && label !== undefined && (ASCII_LABELS.has(label) || WINDOWS_1252_LABELS.has(label))) {
      const ascii = ASCII_LABELS.has(label);
      const offset = bytes.findIndex((b) => (ascii ? b >= 0x80 : WINDOWS_1252_UNDEFINED.has(b)));
      if (offset >= 0) {
        const line = lineAt(bytes, offset);
        const what = ascii ? 'is not US-ASCII, which has only bytes below 0x80' : 'has no character in windows-1252';
        throw new StoryfeedError(
          'E_ENCODING',
          `byte 0x${bytes[offset]!.toString(16).toUpperCase()} at byte ${offset} (line ${line}) ${what}, and ${named.where} is "${named.label}" (declare the encoding the file is in, such as UTF-8 or ISO-8859-1)`,
          { line },
        );
      }
    }
    return decodeWindows1252(bytes);
  }
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw undecodable(bytes, encoding, named, skipped);
  }
}

/** Bytes handed to a decoder at once while looking for the first it refuses. */
const SEARCH_CHUNK = 64 * 1024;
/** More bytes than any character of the encodings TextDecoder reads takes (GB18030's four). */
const LONGEST_CHARACTER = 8;

/**
 * The error for bytes the decoder of `encoding` refuses, with the offset and line of the first one
 * (or of the end, when the text stops inside a character).
 */
function undecodable(bytes: Uint8Array, encoding: string, named: EncodingLabel | undefined, skipped: number): StoryfeedError {
  const { offset, surrogate, truncated, refused } = encoding.startsWith('utf-16') ? firstBadUtf16(bytes, encoding === 'utf-16le') : firstRefused(bytes, encoding);
  let line = 1;
  const before = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(0, offset));
  for (let at = before.indexOf('\n'); at >= 0; at = before.indexOf('\n', at + 1)) line++;
  const where = `at byte ${offset + skipped} (line ${line})`;
  const name = encoding.toUpperCase();
  if (truncated) return new StoryfeedError('E_ENCODING', `invalid ${name} ${where}: the file ends in the middle of a character (truncated?)`, { line });
  const hex = (at: number): string => `0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')}`;
  const label = named ? named.label : name;
  const what =
    surrogate !== undefined
      ? `U+${surrogate.toString(16).toUpperCase()} is half of a surrogate pair, without its other half`
      : refused !== undefined && refused > offset
        ? `byte ${hex(offset)} starts a character in ${label} that byte ${hex(refused)} does not continue`
        : `byte ${hex(offset)} is no character in ${label}`;
  const declared = named ? `, and ${named.where} is "${named.label}" (declare the encoding the file is in, such as UTF-8)` : '';
  return new StoryfeedError('E_ENCODING', `invalid ${name} ${where}: ${what}${declared}`, { line });
}

/** Where decoding fails: the first byte refused (with the unit, for a lone surrogate), or the start of a character the text ends inside. */
interface DecodeFailure {
  /** 0-based byte offset. */
  offset: number;
  /** The unpaired surrogate at `offset`, in UTF-16. */
  surrogate?: number;
  /** The text ends inside a character (at `offset` or later). */
  truncated?: boolean;
  /** The byte the decoder refused, when it is not the one at `offset` (which started the character it breaks). */
  refused?: number;
}

/**
 * The first byte a decoder refuses, or the end when the text stops inside a character: found by
 * decoding chunk by chunk, then the refused chunk a byte at a time, so twice over the bytes at most.
 */
function firstRefused(bytes: Uint8Array, encoding: string): DecodeFailure {
  const fatal = { fatal: true, ignoreBOM: true } as const;
  // The start of the chunk holding the first byte refused (every chunk before it decodes), or the end.
  let chunk = 0;
  const chunks = new TextDecoder(encoding, fatal);
  try {
    for (; chunk < bytes.length; chunk += SEARCH_CHUNK) chunks.decode(bytes.subarray(chunk, chunk + SEARCH_CHUNK), { stream: true });
  } catch {
    // `chunk` is the one refused.
  }
  // A byte at a time from a few bytes before the refused chunk (every byte before it decodes), so that a
  // character begun at the end of the chunk before is seen to start there.
  const from = Math.max(0, chunk - LONGEST_CHARACTER);
  const bytewise = new TextDecoder(encoding, fatal);
  bytewise.decode(bytes.subarray(0, from), { stream: true });
  // Where the character being read starts: a decoder refuses the byte that breaks a character (an ASCII `<`
  // after a lead byte), and the byte at fault is the one that started it.
  let start = from;
  for (let i = from; i < Math.min(bytes.length, chunk + SEARCH_CHUNK); i++) {
    try {
      if (bytewise.decode(bytes.subarray(i, i + 1), { stream: true }) !== '') start = i + 1;
    } catch {
      return start < i ? { offset: start, refused: i } : { offset: i };
    }
  }
  return { offset: bytes.length, truncated: true };
}

/** The first unit of UTF-16 that is half of a surrogate pair alone, or the last byte of an odd count. */
function firstBadUtf16(bytes: Uint8Array, littleEndian: boolean): DecodeFailure {
  const unit = (i: number): number => (littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  const end = bytes.length - (bytes.length % 2);
  for (let i = 0; i < end; i += 2) {
    const u = unit(i);
    if (u < 0xd800 || u > 0xdfff) continue;
    if (u <= 0xdbff && i + 2 < end) {
      const next = unit(i + 2);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 2;
        continue;
      }
    }
    return { offset: i, surrogate: u };
  }
  return { offset: end, truncated: true };
}

/** The 1-based line of the byte at `offset`. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Code points of windows-1252's bytes 0x80 to 0x9F (the WHATWG index; the five bytes it leaves
 * undefined stand for the C1 control of their number, as in the standard's decoder).
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Characters decoded per `String.fromCharCode` call: below engines' argument limits. */
const DECODE_CHUNK = 8192;

/**
 * windows-1252 (also what `iso-8859-1` and `us-ascii` labels mean on the web), decoded here: Node 20's
 * `TextDecoder` gives bytes 0x80 to 0x9F as C1 controls, as ISO-8859-1 does, so curly quotes and the euro
 * sign came out as invisible controls. Every byte has a character; one pass.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(bytes.length, DECODE_CHUNK));
  for (let start = 0; start < bytes.length; start += DECODE_CHUNK) {
    const end = Math.min(bytes.length, start + DECODE_CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      units[i - start] = b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...units.subarray(0, end - start)));
  }
  return parts.join('');
}
