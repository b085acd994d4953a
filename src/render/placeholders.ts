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

const PLACEHOLDER = /(?:<!\[CDATA\[)?([\uE000-\uE002])(\d+)\uE003(?:\]\]>)?/g;

/** Escapes XML element text: `&`, `<`, `>` and CR (which parsers would otherwise turn into LF). */
export function escapeXmlText(value: string): string {
  return value.replace(/[&<>\r]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&#13;'));
}

/** Escapes a double-quoted XML attribute value, keeping tabs and line breaks as character references. */
export function escapeXmlAttribute(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (ch) => ATTRIBUTE_ESCAPES[ch]!);
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
};

/** Wraps a value in CDATA, splitting every `]]>` (not just the first). CR is kept as a reference outside CDATA. */
export function cdata(value: string): string {
  if (value === '') return '';
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>').replaceAll('\r', ']]>&#13;<![CDATA[')}]]>`;
}

/** Collects values for one document and writes them back after `feed` has built it. */
export class Placeholders {
  private readonly values: string[] = [];

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
    return xml.replace(PLACEHOLDER, (_match, kind: string, index: string) => {
      const value = this.values[Number(index)] ?? '';
      return kind === TEXT ? escapeXmlText(value) : kind === ATTR ? escapeXmlAttribute(value) : cdata(value);
    });
  }

  private add(kind: string, value: string): string {
    this.values.push(value);
    return `${kind}${this.values.length - 1}${END}`;
  }
}
