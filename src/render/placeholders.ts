/**
 * `feed` escapes values inconsistently (raw `<` in attributes, `&amp;` un-escaped back to `&`,
 * only the first `]]>` split, CDATA around plain-text titles). So no user value ever reaches it:
 * each is swapped for a placeholder made of private-use characters, `feed` builds the document
 * around the placeholders, and {@link Placeholders.fill} then writes every value with exactly one
 * escaping step chosen for its context. Placeholders cannot collide with content because user
 * values never pass through `feed`, and URLs it does see are percent-encoded by `new URL`.
 */

const TEXT = '\uE000';
const ATTR = '\uE001';
const CDATA = '\uE002';
const END = '\uE003';

/** A placeholder is a kind character, the value's index, and END; `feed` may wrap it in CDATA. */
const MARKER = /[\uE000-\uE002]/g;
const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';

/** Escapes XML element text: `&`, `<`, `>` and CR (which parsers would otherwise turn into LF). */
export function escapeXmlText(value: string): string {
  return value.replace(/[&<>\r]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&#13;'));
}

/** Text a reader that takes RSS text for HTML would misread: a `<`, or `&` before `#` or a letter. */
const MARKUP_LIKE = /<|&[#A-Za-z]/;

/**
 * Escapes RSS element text. RSS never says whether a title is text or HTML, and readers that treat
 * it as HTML turn `&lt;b&gt;` into a tag and `&amp;copy` into ©. So text that could be read as
 * markup gets `&` and `<` as hexadecimal character references (`&#x26;`, `&#x3C;`), which the RSS
 * Best Practices Profile asks for and the W3C validator checks ("CharacterData", "ContainsHTML");
 * other text is escaped as usual. Parsed as XML, both forms give the same text.
 */
export function escapeRssText(value: string): string {
  if (!MARKUP_LIKE.test(value)) return escapeXmlText(value);
  return value.replace(/[&<>\r]/g, (ch) => (ch === '&' ? '&#x26;' : ch === '<' ? '&#x3C;' : ch === '>' ? '&gt;' : '&#13;'));
}

/** Escapes a double-quoted XML attribute value, keeping tabs and line breaks as character references. */
export function escapeXmlAttribute(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (ch) => ATTRIBUTE_ESCAPES[ch]!);
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Wraps a value in CDATA, splitting every `]]>` (not just the first). CR is kept as a reference outside CDATA. */
export function cdata(value: string): string {
  if (value === '') return '';
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>').replaceAll('\r', ']]>&#13;<![CDATA[')}]]>`;
}

/** Collects values for one document and writes them back after `feed` has built it. */
export class Placeholders {
  private readonly values: string[] = [];
  private readonly escapeText: (value: string) => string;

  /** `text` chooses how element text is escaped: plain XML escaping (default) or RSS's hexadecimal form. */
  constructor(text: 'xml' | 'rss' = 'xml') {
    this.escapeText = text === 'rss' ? escapeRssText : escapeXmlText;
  }

  /** A placeholder for plain text in element content. */
  text(value: string): string {
    return this.add(TEXT, value);
  }

  /** A placeholder for an attribute value. */
  attr(value: string): string {
    return this.add(ATTR, value);
  }

  /** A placeholder for markup (HTML) carried in a CDATA section. */
  cdata(value: string): string {
    return this.add(CDATA, value);
  }

  /** Replaces every placeholder in `xml` (and any CDATA wrapper `feed` put around it) with its escaped value. */
  fill(xml: string): string {
    // A scan for the marker characters (not a replace with a callback): the skeleton is mostly
    // markup, and the values spliced in are the bulk of the output.
    let out = '';
    let copied = 0;
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(xml); m; m = MARKER.exec(xml)) {
      const at = m.index;
      const end = xml.indexOf(END, at + 1);
      const digits = end > at + 1 ? xml.slice(at + 1, end) : '';
      if (!/^\d+$/.test(digits)) continue;
      const wrapped = at >= CDATA_OPEN.length && xml.startsWith(CDATA_OPEN, at - CDATA_OPEN.length);
      const start = wrapped ? at - CDATA_OPEN.length : at;
      const close = xml.startsWith(CDATA_CLOSE, end + 1) ? end + 1 + CDATA_CLOSE.length : end + 1;
      const kind = m[0];
      const value = this.values[Number(digits)] ?? '';
      out += xml.slice(copied, start) + (kind === TEXT ? this.escapeText(value) : kind === ATTR ? escapeXmlAttribute(value) : cdata(value));
      copied = close;
      MARKER.lastIndex = close;
    }
    return copied === 0 ? xml : out + xml.slice(copied);
  }

  private add(kind: string, value: string): string {
    this.values.push(value);
    return `${kind}${this.values.length - 1}${END}`;
  }
}
