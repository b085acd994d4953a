/**
 * Small HTML and text utilities for checking what readers hand back: the text a person would read,
 * every URL in the markup, anything unsafe, and characters that should never survive.
 */
import { Parser } from 'htmlparser2';
import type { Block, Story } from '../../src/types.js';

const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'img',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** NFC, every run of whitespace (including no-break spaces) as one space, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** The readable text of an HTML fragment: entities decoded, block elements separated, whitespace normalized. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  const parser = new Parser(
    {
      ontext: (text) => parts.push(text),
      onopentag: (name) => {
        if (BLOCK_ELEMENTS.has(name)) parts.push(' ');
      },
      onclosetag: (name) => {
        if (BLOCK_ELEMENTS.has(name)) parts.push(' ');
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return normalizeText(parts.join(''));
}

/** One element of a fragment: its name and attributes. */
export interface HtmlElement {
  name: string;
  attributes: Record<string, string>;
}

/** Every element of an HTML fragment, in document order. */
export function htmlElements(html: string): HtmlElement[] {
  const elements: HtmlElement[] = [];
  const parser = new Parser({ onopentag: (name, attributes) => elements.push({ name, attributes }) }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return elements;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'background', 'longdesc', 'xlink:href']);
const DANGEROUS_ELEMENTS = new Set(['script', 'style', 'iframe', 'frame', 'object', 'embed', 'form', 'base', 'meta', 'link']);

/**
 * What is wrong with a fragment meant for a feed: dangerous elements, event-handler attributes,
 * non-http(s) URLs and relative URLs (which readers resolve against the wrong base).
 */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push('contains "<script"');
  if (/onerror/i.test(html)) problems.push('contains "onerror"');
  for (const { name, attributes } of htmlElements(html)) {
    if (DANGEROUS_ELEMENTS.has(name)) problems.push(`<${name}> element`);
    for (const [attribute, value] of Object.entries(attributes)) {
      if (/^on/i.test(attribute)) problems.push(`<${name} ${attribute}="${value}">: event handler`);
      if (attribute === 'style') problems.push(`<${name} style="${value}">: inline style`);
      if (!URL_ATTRIBUTES.has(attribute)) continue;
      const urls = attribute === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value.trim()];
      for (const url of urls) {
        if (!/^https?:\/\/[^/]/i.test(url)) problems.push(`<${name} ${attribute}="${url}">: not an absolute http(s) URL`);
      }
    }
  }
  return problems;
}

/**
 * Characters that must not reach a reader: XML-illegal ones (C0 controls other than tab, LF and CR,
 * U+FFFE, U+FFFF, lone surrogates), other non-characters, and U+FFFD (a sign of broken decoding).
 * Returns them as `U+XXXX` with their position.
 */
export function badCharacters(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let code = unit;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = text.codePointAt(i)!;
        i++;
      } else {
        found.push(`lone surrogate U+${unit.toString(16).toUpperCase()} at ${i}`);
        continue;
      }
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      found.push(`lone surrogate U+${unit.toString(16).toUpperCase()} at ${i}`);
      continue;
    }
    const illegal = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd || (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe;
    if (illegal) found.push(`U+${code.toString(16).toUpperCase().padStart(4, '0')} at ${i}`);
  }
  return found;
}

function blockTexts(block: Block): string[] {
  switch (block.kind) {
    case 'paragraph':
    case 'quote':
    case 'code':
      return [block.text];
    case 'list':
      return block.items;
  }
}

/** Every piece of body text a reader must show for a story: subheadings, paragraphs, list items, quotes. */
export function storyTexts(story: Story): string[] {
  return story.sections
    .flatMap((section) => [...(section.heading === null ? [] : [section.heading]), ...section.blocks.flatMap(blockTexts)])
    .map(normalizeText)
    .filter((text) => text !== '');
}

/** Whole seconds since 1970 of a date. */
export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** ISO 8601 in UTC to the second, as the readers report it (`2024-10-21T05:30:00Z`). */
export function isoSeconds(date: Date): string {
  return new Date(unixSeconds(date) * 1000).toISOString().replace('.000Z', 'Z');
}
