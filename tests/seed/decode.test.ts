import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeSeedBytes } from '../../src/seed/decode.js';
import { parseIsoDate } from '../../src/seed/dates.js';
import { readSeed } from '../../src/seed/index.js';
import type { Diagnostic } from '../../src/errors.js';

const bytes = (name: string): Uint8Array => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

describe('decodeSeedBytes', () => {
  it('refuses binary files', () => {
    expect(() => decodeSeedBytes(bytes('bad/binary.txt'), 'binary.txt')).toThrow(expect.objectContaining({ code: 'E_BINARY', file: 'binary.txt' }));
  });

  it('refuses invalid UTF-8 with the line of the first bad byte', () => {
    expect(() => decodeSeedBytes(bytes('bad/invalid-utf8.txt'), 'bad.txt')).toThrow(expect.objectContaining({ code: 'E_ENCODING', line: 1 }));
    expect(() => decodeSeedBytes(new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0xc3]), 'x')).toThrow(expect.objectContaining({ line: 3 }));
    // Lines ending at a lone CR (a classic Mac file) or at CR LF count as the readers count them (regression: line 1).
    expect(() => decodeSeedBytes(new Uint8Array([0x61, 0x0d, 0x62, 0x0d, 0x43, 0x61, 0x66, 0xe9]), 'x')).toThrow(expect.objectContaining({ line: 3 }));
    expect(() => decodeSeedBytes(new Uint8Array([0x61, 0x0d, 0x0a, 0x62, 0x0d, 0x0a, 0xe9]), 'x')).toThrow(expect.objectContaining({ line: 3 }));
  });

  it('reads C1 controls (Windows-1252 text converted as Latin-1) as the characters they stand for', () => {
    const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
    expect(decodeSeedBytes(utf8('Council\u0092s \u0093new\u0094 plan\u0085 \u0096 \u0080 5\u0081\n'))).toBe('Council’s “new” plan… – € 5\n');
    const utf16le = [...'It\u0092s'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
    expect(decodeSeedBytes(new Uint8Array([0xff, 0xfe, ...utf16le]))).toBe('It’s');
    expect(decodeSeedBytes(utf8('Café – “fine”'))).toBe('Café – “fine”');
  });

  it('reads a vertical tab (a line break from Word) and a form feed (a page break) as spaces, not as nothing', () => {
    const text = decodeSeedBytes(new TextEncoder().encode('Title\n\nThe council met on Tuesday.\fPage two.\vA soft break.\n'));
    expect(text).toBe('Title\n\nThe council met on Tuesday. Page two. A soft break.\n');
    expect(readSeed(text, { file: 'x.txt' }).sections[0]!.blocks).toEqual([{ kind: 'paragraph', text: 'The council met on Tuesday. Page two. A soft break.' }]);
  });

  it('decodes UTF-8 with a BOM and UTF-16 with a BOM', () => {
    expect(decodeSeedBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]))).toBe('hi');
    const utf16le = new Uint8Array([0xff, 0xfe, ...Buffer.from('Київ', 'utf16le')]);
    expect(decodeSeedBytes(utf16le)).toBe('Київ');
    const utf16be = Buffer.from('Київ', 'utf16le').swap16();
    expect(decodeSeedBytes(new Uint8Array([0xfe, 0xff, ...utf16be]))).toBe('Київ');
  });
});

describe('readSeed', () => {
  it('removes characters XML forbids and names their lines', () => {
    const warnings: Diagnostic[] = [];
    const seed = readSeed('Title\nFine line.\nBad \u0001 and \u0000 here.\n', { file: 'x.txt', onWarning: (d) => warnings.push(d) });
    expect(seed.sections[0]!.blocks).toEqual([
      { kind: 'paragraph', text: 'Fine line.' },
      { kind: 'paragraph', text: 'Bad and here.' },
    ]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'W_ILLEGAL_CHAR', file: 'x.txt', line: 3 })]);
    // In a file whose lines end at a lone CR, or at CR LF, too (regression: line 1 for every line of a CR file).
    for (const end of ['\r', '\r\n']) {
      const seen: Diagnostic[] = [];
      const read = readSeed(['Title', 'Fine line.', 'Bad \u0001 here.', 'Last \u0000 line.', ''].join(end), { file: 'x.txt', onWarning: (d) => seen.push(d) });
      expect(
        seen.map((d) => [d.code, d.line]),
        JSON.stringify(end),
      ).toEqual([
        ['W_ILLEGAL_CHAR', 3],
        ['W_ILLEGAL_CHAR', 4],
      ]);
      expect(read.sections[0]!.blocks, JSON.stringify(end)).toEqual([
        { kind: 'paragraph', text: 'Fine line.' },
        { kind: 'paragraph', text: 'Bad here.' },
        { kind: 'paragraph', text: 'Last line.' },
      ]);
    }
    expect(warnings[0]!.message).toContain('U+0001');
  });

  it('repairs text given as a string as it repairs a file read from its bytes, in every format', () => {
    const warnings: Diagnostic[] = [];
    const onWarning = (d: Diagnostic) => warnings.push(d);
    const markdown = readSeed('---\ntitle: Council\u0092s plan\n---\n\nMet on Tuesday.\fPage two.\vA \u0093soft\u0094 break\u0085\n', { file: 'x.md', onWarning });
    expect(markdown.meta.title).toBe('Council’s plan');
    expect(markdown.html).toContain('Met on Tuesday. Page two. A “soft” break…');
    const json = readSeed('{"title": "It\u0092s here", "body": "One.\fTwo."}', { file: 'x.json', onWarning });
    expect(json.meta.title).toBe('It’s here');
    expect(warnings).toEqual([]);
  });

  it('merges sidecar metadata under front matter', () => {
    const seed = readSeed('---\ntitle: Mine\n---\nBody.\n', { format: 'markdown', sidecar: { title: 'Sidecar', tags: ['x'] } });
    expect(seed.meta).toEqual({ title: 'Mine', tags: ['x'] });
  });
});

describe('parseIsoDate', () => {
  it('checks the calendar', () => {
    expect(parseIsoDate('2024-02-29').ok).toBe(true);
    expect(parseIsoDate('2023-02-29')).toMatchObject({ ok: false });
    expect(parseIsoDate('2024-13-45')).toMatchObject({ ok: false });
    expect(parseIsoDate('yesterday')).toMatchObject({ ok: false });
  });

  it('handles offsets, far-future and pre-1970 dates', () => {
    expect(parseIsoDate('2024-10-21T08:30:00+03:00')).toMatchObject({ ok: true, hadZone: true });
    const old = parseIsoDate('1912-04-15T02:20:00Z');
    expect(old.ok && old.date.toISOString()).toBe('1912-04-15T02:20:00.000Z');
    const future = parseIsoDate('9999-12-31T23:59:59Z');
    expect(future.ok && future.date.getUTCFullYear()).toBe(9999);
  });
});
