import { describe, expect, it } from 'vitest';
import { checkUtf8, checkWellFormedXml } from '../../src/verify/index.js';
import { MAX_XML_DEPTH } from '../../src/verify/xml-fast.js';

describe('checkWellFormedXml', () => {
  it('returns the root element of a well-formed document', () => {
    const result = checkWellFormedXml('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel/></rss>');
    expect(result).toEqual({
      ok: true,
      root: { name: 'rss', local: 'rss', namespace: '', attributes: { version: '2.0', 'xmlns:atom': 'http://www.w3.org/2005/Atom' } },
    });
  });

  it('resolves the root namespace', () => {
    const result = checkWellFormedXml('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="uk"/>');
    expect(result.ok && result.root).toMatchObject({ local: 'feed', namespace: 'http://www.w3.org/2005/Atom', attributes: { 'xml:lang': 'uk' } });
  });

  const bad: [string, string, RegExp, number, number][] = [
    ['U+0000 in text', '<a>\n  x\u0000</a>', /^disallowed character \(U\+0000, a control character\): XML 1\.0 allows it nowhere/, 2, 4],
    ['U+000B in text', '<a>\u000B</a>', /^disallowed character \(U\+000B, a control character\)/, 1, 4],
    ['U+001F in text after CR LF line ends', '<a>\r\n\r\n x\u001F</a>', /^disallowed character \(U\+001F, a control character\)/, 3, 3],
    ['U+0001 in a comment', '<a><!-- \u0001 --></a>', /^disallowed character \(U\+0001, a control character\)/, 1, 9],
    ['U+FFFE in an attribute', '<a b="\uFFFE"/>', /^disallowed character \(U\+FFFE\): XML 1\.0 allows it nowhere/, 1, 7],
    ['a lone surrogate', '<a>\n\n ok \uD800</a>', /lone surrogate U\+D800/, 3, 5],
    ['an HTML entity XML does not define, named', '<a>caf&eacute;&nbsp;</a>', /^undefined entity &eacute;: XML defines only &amp; &lt; &gt; &quot; and &apos;/, 1, 14],
    ['an undefined entity in an attribute, named', '<a title="x &hellip;"/>', /^undefined entity &hellip;:/, 1, 20],
    ['a close tag with a typo, naming both tags', '<a>\n<title>x</titl></a>', /^<\/titl> where <\/title> was expected \(<title> opened on line 2\)$/, 2, 15],
    [
      'an element never closed, naming it and its line',
      '<rss>\n<channel>\n<item><title>x</title>\n</channel></rss>',
      /^<\/channel> where <\/item> was expected \(<item> opened on line 3\)$/,
      4,
      10,
    ],
    ['a stray close tag', '<a>\n<b/></b></a>', /^<\/b> where <\/a> was expected \(<a> opened on line 1\)$/, 2, 8],
    ['a raw < in text', '<a>1 < 2</a>', /^a "<" that starts no tag \(write &lt;\)$/, 1, 7],
    ['a raw < in an attribute', '<a title="x<y"/>', /^a "<" inside an attribute value \(write &lt;\)$/, 1, 12],
    ['a raw & in an attribute', '<a href="?a=1&b=2"/>', /bare "&"/, 1, 14],
    ['a raw & in text', '<a>\n Tom & Jerry</a>', /bare "&".*write &amp;/, 2, 6],
    [']]> in text', '<a>x ]]> y</a>', /"\]\]>" is disallowed/, 1, 8],
    ['a CDATA section closed twice (only the first ]]> split)', '<a><![CDATA[a ]]]]><![CDATA[> b ]]> c]]></a>', /"\]\]>" is disallowed/, 1, 40],
    ['two root elements', '<a/><b/>', /only one root/, 1, 7],
    ['an unbound prefix', '<media:content url="x"/>', /unbound namespace prefix/, 1, 24],
  ];
  it.each(bad)('rejects %s with line and column', (_name, xml, message, line, column) => {
    const result = checkWellFormedXml(xml);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(message);
    expect(result.error).toMatchObject({ line, column, truncated: false });
  });

  it('says when a document is truncated, and which element is left open', () => {
    const result = checkWellFormedXml('<rss version="2.0">\n  <channel>\n    <item><title>T</title>');
    expect(result).toEqual({
      ok: false,
      error: { message: 'the XML ends too early (truncated?): <item> opened on line 3 is never closed', line: 3, column: 26, truncated: true },
    });
  });

  it('says when a CDATA section is cut off', () => {
    const result = checkWellFormedXml('<a><![CDATA[half');
    expect(!result.ok && result.error.truncated).toBe(true);
  });

  it('reads 256 nested elements that each declare a namespace, through either reader, and stops at the 257th', () => {
    const nested = (depth: number, lineEnd: string): string =>
      `<a xmlns:p0="urn:p">${lineEnd}${Array.from({ length: depth - 1 }, (_, i) => `<b xmlns:p${i + 1}="urn:p">`).join('')}${'</b>'.repeat(depth - 1)}</a>`;
    for (const lineEnd of ['\n', '\r\n']) {
      // A CR keeps the document off the fast path: saxes reads it.
      expect(checkWellFormedXml(nested(256, lineEnd)).ok).toBe(true);
      const deeper = checkWellFormedXml(nested(257, lineEnd));
      expect(!deeper.ok && deeper.error).toMatchObject({ message: expect.stringMatching(/^more than 256 nested elements declare namespaces/), line: 2, truncated: false });
    }
  });

  it('reads deep nesting without declarations in linear time through saxes too (no walk over the open elements per element)', () => {
    // A CR sends it to saxes, whose own lookup took minutes on 200,000 open elements. As deep as storyfeed reads:
    const deep = MAX_XML_DEPTH - 1;
    const closed = checkWellFormedXml(`<a xmlns:x="urn:x">\r\n${'<b x:c="1">'.repeat(deep)}${'</b>'.repeat(deep)}</a>`);
    expect(closed.ok).toBe(true);
    const open = checkWellFormedXml(`<rss version="2.0">\r\n${'<a>'.repeat(deep)}`);
    expect(!open.ok && open.error).toMatchObject({ truncated: true });
  });

  it('rejects empty input', () => {
    const result = checkWellFormedXml('  \n');
    expect(result).toEqual({ ok: false, error: { message: 'the document has no root element', line: 2, column: 0, truncated: false } });
  });
});

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('checkUtf8', () => {
  it('decodes UTF-8 and drops the byte-order mark', () => {
    expect(checkUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<a>Київ 😀</a>')]))).toEqual({ ok: true, text: '<a>Київ 😀</a>' });
  });

  it('accepts an XML declaration that says UTF-8', () => {
    expect(checkUtf8(utf8('<?xml version="1.0" encoding="UTF-8"?><a/>')).ok).toBe(true);
  });

  it('reports the byte offset and line of a Latin-1 byte', () => {
    const input = new Uint8Array([...utf8('<a>\nline two\ncaf'), 0xe9, ...utf8('</a>')]);
    const result = checkUtf8(input);
    expect(result).toMatchObject({ ok: false, offset: 16, line: 3 });
    expect(!result.ok && result.message).toMatch(/byte 16 \(line 3\).*0xE9/);
  });

  it('reports a character cut off at the end of the file', () => {
    expect(checkUtf8(bytes(0x3c, 0x61, 0xe2, 0x82))).toMatchObject({ ok: false, offset: 2, message: expect.stringMatching(/ends in the middle/) });
  });

  it('rejects overlong encodings and encoded surrogates', () => {
    expect(checkUtf8(bytes(0xc0, 0xbc)).ok).toBe(false);
    expect(checkUtf8(bytes(0xe0, 0x80, 0xbc))).toMatchObject({ ok: false, message: expect.stringMatching(/overlong/) });
    expect(checkUtf8(bytes(0xed, 0xa0, 0x80))).toMatchObject({ ok: false, message: expect.stringMatching(/surrogate/) });
    expect(checkUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toMatchObject({ ok: false, message: expect.stringMatching(/U\+10FFFF/) });
  });

  it('rejects UTF-16', () => {
    expect(checkUtf8(bytes(0xff, 0xfe, 0x3c, 0x00))).toMatchObject({ ok: false, offset: 0, message: expect.stringMatching(/UTF-16/) });
  });

  it('rejects a declaration of another encoding, even when the bytes happen to be valid UTF-8', () => {
    const result = checkUtf8(utf8("<?xml version='1.0' encoding='ISO-8859-1'?><rss/>"));
    expect(result).toMatchObject({ ok: false, offset: 0, line: 1, message: expect.stringMatching(/encoding="ISO-8859-1"/) });
  });
});
