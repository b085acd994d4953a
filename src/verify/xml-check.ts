/**
 * The strict XML 1.0 pass (saxes, namespaces on) that every XML feed goes through: control
 * characters, undefined entities, raw `<` in attributes and broken CDATA are errors here (lenient
 * parsers such as `rss-parser` accept them and corrupt the data). The pass keeps a small tree with
 * namespaces and line numbers, from which the RSS and Atom readers take every field.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { SyntaxErrorInfo, XmlCheckResult } from './types.js';
import { LineIndex } from './lines.js';
import { addChild, isWellFormedUtf16, MAX_NAMESPACE_SCOPES, MAX_XML_DEPTH, NO_ATTRIBUTES, NO_CHILDREN, parseXmlFast, XML_NS, XMLNS_NS } from './xml-fast.js';
import { checkTextArgument } from './arguments.js';
import { defineInternalEntities, ENTITY_EXPANSION_ALLOWANCE } from './internal-entities.js';
import { errorText } from '../errors.js';
import { htmlEntityCharacter, namesRss091Dtd, RSS_091_ENTITIES } from './rss091-dtd.js';

export { XML_NS } from './xml-fast.js';
/** The RFC 5005 feed-history namespace (`<fh:archive/>`). */
export const HISTORY_NS = 'http://purl.org/syndication/history/1.0';

/** An attribute with its namespace resolved. */
export interface XmlAttribute {
  /** Qualified name as written. */
  name: string;
  /** Local name. */
  local: string;
  /** Namespace URI (`''` for unprefixed attributes). */
  uri: string;
  /** Value with entities and character references resolved. */
  value: string;
}

/** Text or CDATA inside an element. */
export interface XmlText {
  /** Discriminant. */
  kind: 'text';
  /** The characters, entities resolved. */
  text: string;
}

/** An element of the tree kept by {@link parseXml}. */
export interface XmlElement {
  /** Discriminant. */
  kind: 'element';
  /** Qualified name as written, e.g. `atom:link`. */
  name: string;
  /** Local name, e.g. `link`. */
  local: string;
  /** Namespace URI (`''` when none). */
  uri: string;
  /** Attributes in document order. */
  attributes: XmlAttribute[];
  /** Children in document order (comments and processing instructions are dropped). */
  children: XmlNode[];
  /** 1-based line of the start tag. */
  line: number;
  /** 1-based column of the start tag's `<` (in UTF-16 code units). */
  column: number;
  /** The element's `xml:lang`, inherited from its ancestors when it has none. */
  lang?: string;
}

/** A node of the tree. */
export type XmlNode = XmlElement | XmlText;

/** A parsed XML document. */
export interface XmlDocument {
  /** The root element. */
  root: XmlElement;
  /** `encoding` of the XML declaration, if any. */
  encoding?: string;
  /** External entities the DOCTYPE declares (`<!ENTITY x SYSTEM "file:…">`): references to them read as nothing, never fetched. */
  externalEntities?: ExternalEntity[];
  /** The document type declaration, when there is one. */
  doctype?: DocumentType;
  /** References to entities the RSS 0.91 DTD does not declare, in a document naming it: read on, not fatal. */
  undeclaredEntities?: UndeclaredEntities;
}

/**
 * References to entities a document naming the RSS 0.91 DTD uses that neither the DTD nor its
 * internal subset declares. XML makes them no well-formedness error in a document whose DTD is not
 * read (a non-validating parser skips them), so the document is read on.
 */
export interface UndeclaredEntities {
  /** References to entities HTML defines (`&rsquo;`, `&mdash;`), read as HTML's characters. */
  html?: EntityReferences;
  /** References to entities HTML does not define either, read as nothing. */
  unknown?: EntityReferences;
}

/** Some references to undeclared entities: the first few names and how many references in all. */
export interface EntityReferences {
  /** The first {@link MAX_ENTITY_NAMES_KEPT} distinct names, in the order first used. */
  names: string[];
  /** How many references in all. */
  count: number;
  /** 1-based line of the first. */
  line: number;
}

/** How many distinct undeclared entity names are kept to name in a message (the count covers the rest). */
export const MAX_ENTITY_NAMES_KEPT = 5;

/** A document type declaration: the root it names and the DTD it points to (never fetched). */
export interface DocumentType {
  /** The root element's name as the declaration gives it. */
  name: string;
  /** Its public identifier (`-//Netscape Communications//DTD RSS 0.91//EN`), when it has one. */
  publicId?: string;
  /** Its system identifier (the DTD's URL), when it has one. */
  systemId?: string;
  /** 1-based line where the declaration ends. */
  line: number;
}

/** The start of a DOCTYPE's text: the root's name and its external identifier, if any. One pass; no nested repetition. */
const EXTERNAL_ID = /^\s*([^\s[>]+)(?:\s+(?:PUBLIC\s+("[^"]*"|'[^']*')(?:\s+("[^"]*"|'[^']*'))?|SYSTEM\s+("[^"]*"|'[^']*')))?/;

/** An external general entity declared in the internal DTD subset. */
export interface ExternalEntity {
  /** Entity name (`&name;`). */
  name: string;
  /** Its system identifier, as written. */
  system: string;
  /** 1-based line where the DOCTYPE ends. */
  line: number;
}

/**
 * General entity declarations of an internal DTD subset: `<!ENTITY name SYSTEM "uri">`,
 * `<!ENTITY name PUBLIC "id" "uri">` and `<!ENTITY name "text">` (parameter entities, `%`, are not
 * general entities). The alternatives keep the regex linear.
 */
const ENTITY_DECLARATION = /<!ENTITY\s+([^\s%"'<>]+)\s+(?:SYSTEM\s+("[^"]*"|'[^']*')|PUBLIC\s+(?:"[^"]*"|'[^']*')\s+("[^"]*"|'[^']*')|("[^"]*"|'[^']*'))/g;

/** Thrown by {@link parseXml} for the first well-formedness error. */
export class XmlSyntaxError extends Error {
  /** Where and what. */
  readonly info: SyntaxErrorInfo;

  constructor(info: SyntaxErrorInfo) {
    super(`${info.line}:${info.column}: ${info.message}`);
    this.name = 'XmlSyntaxError';
    this.info = info;
  }
}

// Lone surrogates cannot come from decoded bytes, only from JS strings; saxes then reports a misleading "unclosed tag".
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Parses `text` as a namespace-well-formed XML 1.0 document and returns its tree; throws
 * {@link XmlSyntaxError} for the first error, with a message saying when the document is truncated.
 */
export function parseXml(text: string): XmlDocument {
  // The fast path takes no text with a lone surrogate: those are reported below, before saxes runs.
  const fast = parseXmlFast(text);
  if (fast) return fast;
  rejectLoneSurrogates(text);
  return saxesTree(text);
}

/** {@link parseXml} through saxes alone, without the fast path (same tree, same errors). */
export function parseXmlWithSaxes(text: string): XmlDocument {
  rejectLoneSurrogates(text);
  return saxesTree(text);
}

function rejectLoneSurrogates(text: string): void {
  if (isWellFormedUtf16(text)) return;
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) {
    const { line, column } = lineAndColumn(text, surrogate.index);
    throw new XmlSyntaxError({ message: `disallowed character (lone surrogate U+${surrogate[0].charCodeAt(0).toString(16).toUpperCase()})`, line, column, truncated: false });
  }
}

/**
 * What saxes looks prefixes up in: its parser's `topNS` (the open element's own declarations). saxes
 * gives every element an empty object of its own and, when a prefix is not there, walks every open
 * element's object, so an element without a prefix (no default namespace declared) costs as many
 * steps as elements are open: quadratic in a deeply nested document. {@link saxesTree} instead gives
 * each element an object inheriting the declarations in scope, ending in one that binds the empty
 * prefix to no namespace (what saxes answers when nothing binds it) and `xml` and `xmlns`: every
 * lookup is found there, through as many objects as enclosing elements declare namespaces, at most
 * {@link MAX_NAMESPACE_SCOPES}.
 */
interface SaxesNamespaces {
  topNS: Record<string, string> | null;
}

// Not frozen: an element declaring the empty prefix assigns it on its own object, which a read-only
// property of the same name up the prototype chain would forbid.
const SAXES_DEFAULT_NAMESPACES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  '': '',
  xml: XML_NS,
  xmlns: XMLNS_NS,
});

function saxesTree(text: string): XmlDocument {
  const parser = new SaxesParser({ xmlns: true, position: true });
  /** Per open element: the declarations in scope, and how many open elements declare namespaces. */
  const scopes: { ns: Readonly<Record<string, string>>; depth: number }[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let encoding: string | undefined;
  let failure: SyntaxErrorInfo | undefined;
  let closing = false;

  /** The element saxes closed last: when a close tag names another element, the one it closed instead. */
  let lastClosed: XmlElement | undefined;
  parser.on('error', (error) => {
    // Stop at the first error: later ones are usually consequences of it. saxes's messages name
    // neither the tag nor the entity; each is read back from the text just before the error.
    const raw = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    const message =
      raw === 'undefined entity'
        ? undefinedEntity(text, parser.position)
        : raw === 'unexpected close tag' && lastClosed
          ? unexpectedCloseTag(text, parser.position, lastClosed)
          : raw === 'disallowed character'
            ? (disallowedCharacter(text.charCodeAt(parser.position - 1)) ?? error.message)
            : raw === 'disallowed character in tag name' && text.charCodeAt(parser.position - 2) === 0x3c
              ? 'a "<" that starts no tag (write &lt;)'
              : error.message;
    failure ??= describeSaxesError(message, parser.line, parser.column, closing && root !== undefined, stack);
    throw new XmlSyntaxError(failure);
  });
  parser.on('xmldecl', (decl) => {
    encoding = decl.encoding;
  });
  const externalEntities: ExternalEntity[] = [];
  let documentType: DocumentType | undefined;
  let undeclared: UndeclaredEntities | undefined;
  parser.on('doctype', (doctype) => {
    documentType = documentTypeOf(doctype, parser.line);
    // A non-validating parser does not read external entities (and must never fetch them: a feed
    // could name a local file); a reference to a declared one is well-formed and reads as nothing.
    // Internal entities are expanded, as XML 1.0 requires, within a budget linear in the document.
    // The first declaration of a name is the one that counts.
    const internal = new Map<string, string>();
    for (const m of declarationsOf(doctype).matchAll(ENTITY_DECLARATION)) {
      const [, name = '', system, publicSystem, literal] = m;
      if (Object.hasOwn(parser.ENTITIES, name) || internal.has(name)) continue;
      if (literal !== undefined) {
        internal.set(name, literal.slice(1, -1));
        continue;
      }
      const external = (system ?? publicSystem)!;
      parser.ENTITIES[name] = '';
      externalEntities.push({ name, system: external.slice(1, -1), line: parser.line });
    }
    defineInternalEntities(parser.ENTITIES, internal, text.length + ENTITY_EXPANSION_ALLOWANCE, (message) => {
      failure ??= { message, line: parser.line, column: parser.column, truncated: false };
      throw new XmlSyntaxError(failure);
    });
    // The DTD is never read; the RSS 0.91 DTD is known by its public identifier or its addresses (the internal subset's declarations come first).
    if (documentType && namesRss091Dtd(documentType)) {
      for (const [name, value] of RSS_091_ENTITIES) if (!Object.hasOwn(parser.ENTITIES, name)) parser.ENTITIES[name] = value;
      parser.ENTITIES = readingUndeclared(parser.ENTITIES, () => parser.line, (undeclared ??= {}));
    }
  });
  let tagLine = 1;
  let tagColumn = 1;
  let lines: LineIndex | undefined;
  parser.on('opentagstart', (tag) => {
    // saxes has just made `tag.ns` its `topNS`, empty; it fills it with the tag's declarations next.
    const ns = Object.create(scopes[scopes.length - 1]?.ns ?? SAXES_DEFAULT_NAMESPACES) as Record<string, string>;
    (tag as { ns?: Record<string, string> }).ns = ns;
    (parser as unknown as SaxesNamespaces).topNS = ns;
    tagLine = parser.line;
    // saxes is just past the character that ends the name: the `<` is the name's length and two before.
    tagColumn = (lines ??= new LineIndex(text)).at(Math.max(0, parser.position - tag.name.length - 2)).column;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    // `stack` holds the enclosing elements: this one would nest one level too deep. Stopping here
    // bounds what the open elements cost (this tree and saxes's own tags), however long the document.
    if (stack.length >= MAX_XML_DEPTH) {
      failure = {
        message: `more than ${MAX_XML_DEPTH} nested elements (<${tag.name}> is one more): storyfeed reads no further`,
        line: tagLine,
        column: tagColumn,
        truncated: false,
        limit: true,
      };
      throw new XmlSyntaxError(failure);
    }
    const enclosing = scopes[scopes.length - 1] ?? { ns: SAXES_DEFAULT_NAMESPACES, depth: 0 };
    const declares = Object.keys(tag.ns).length > 0;
    if (declares && enclosing.depth >= MAX_NAMESPACE_SCOPES) {
      failure = {
        message: `more than ${MAX_NAMESPACE_SCOPES} nested elements declare namespaces (<${tag.name}> is one more): storyfeed reads no further`,
        line: tagLine,
        column: tagColumn,
        truncated: false,
        limit: true,
      };
      throw new XmlSyntaxError(failure);
    }
    // An element that declares nothing passes on the scope it is in, so lookups skip it.
    scopes.push(declares ? { ns: tag.ns, depth: enclosing.depth + 1 } : enclosing);
    const parent = stack[stack.length - 1];
    // Shared empty lists and children arrays of their own size, as the fast path builds them: an
    // element's `children: []` reserved room for seventeen at its first child.
    const values = Object.values(tag.attributes);
    const attributes = values.length === 0 ? NO_ATTRIBUTES : values.map((a) => ({ name: a.name, local: a.local, uri: a.uri, value: a.value }));
    const ownLang = attributes.find((a) => a.uri === XML_NS && a.local === 'lang')?.value;
    const lang = ownLang ?? parent?.lang;
    const element: XmlElement = { kind: 'element', name: tag.name, local: tag.local, uri: tag.uri, attributes, children: NO_CHILDREN, line: tagLine, column: tagColumn };
    if (lang !== undefined) element.lang = lang;
    if (parent) addChild(parent, element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    lastClosed = stack.pop();
    scopes.pop();
  });
  const addText = (chunk: string): void => {
    const parent = stack[stack.length - 1];
    if (!parent) return;
    const last = parent.children[parent.children.length - 1];
    if (last?.kind === 'text') last.text += chunk;
    else addChild(parent, { kind: 'text', text: chunk });
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  try {
    parser.write(text);
    closing = true;
    parser.close();
  } catch (error) {
    // saxes reads a bare `&` as the start of a reference that swallows the rest of the document,
    // and then reports the end of the input; point at the `&` instead.
    if (error instanceof XmlSyntaxError && closing) {
      const ampersand = bareAmpersand(text);
      if (ampersand !== undefined) {
        const { line, column } = lineAndColumn(text, ampersand);
        throw new XmlSyntaxError({ message: 'a bare "&" that starts no entity or character reference (write &amp;)', line, column, truncated: false });
      }
    }
    if (error instanceof XmlSyntaxError) throw error;
    throw new XmlSyntaxError(failure ?? { message: errorText(error), line: parser.line, column: parser.column, truncated: false });
  }
  if (!root) throw new XmlSyntaxError({ message: 'the document has no root element', line: parser.line, column: parser.column, truncated: false });
  const document: XmlDocument = { root };
  if (encoding !== undefined) document.encoding = encoding;
  if (externalEntities.length > 0) document.externalEntities = externalEntities;
  if (documentType) document.doctype = documentType;
  if (undeclared && (undeclared.html || undeclared.unknown)) document.undeclaredEntities = undeclared;
  return document;
}

/**
 * The entities of a document whose DTD is not read, as saxes looks them up: a name not declared
 * (and none of the five XML predefines) is recorded in `out` and read as the character HTML gives
 * it, or as nothing, instead of stopping the parse. Only strings count as declared: the table
 * inherits from Object.prototype, whose `constructor` is no entity.
 */
function readingUndeclared(declared: Record<string, string>, line: () => number, out: UndeclaredEntities): Record<string, string> {
  return new Proxy(declared, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value === 'string' || typeof name !== 'string') return value;
      const character = htmlEntityCharacter(name);
      const group = character === undefined ? 'unknown' : 'html';
      const references = (out[group] ??= { names: [], count: 0, line: line() });
      references.count++;
      if (references.names.length < MAX_ENTITY_NAMES_KEPT && !references.names.includes(name)) references.names.push(name);
      return character ?? '';
    },
  });
}

/** The root name and external identifier of a DOCTYPE as saxes gives its text (after `<!DOCTYPE`). */
function documentTypeOf(doctype: string, line: number): DocumentType {
  const m = EXTERNAL_ID.exec(doctype);
  const out: DocumentType = { name: m?.[1] ?? '', line };
  const publicId = m?.[2];
  const systemId = m?.[3] ?? m?.[4];
  if (publicId !== undefined) out.publicId = publicId.slice(1, -1).trim();
  if (systemId !== undefined) out.systemId = systemId.slice(1, -1).trim();
  return out;
}

/** Checks that `text` is well-formed XML 1.0 with namespaces; returns the root element, or the first error with its line and column. */
export function checkWellFormedXml(text: string): XmlCheckResult {
  checkTextArgument(text, 'text');
  try {
    const { root } = parseXml(text);
    return {
      ok: true,
      root: { name: root.name, local: root.local, namespace: root.uri, attributes: Object.fromEntries(root.attributes.map((a) => [a.name, a.value])) },
    };
  } catch (error) {
    if (error instanceof XmlSyntaxError) return { ok: false, error: error.info };
    throw error;
  }
}

/**
 * The DOCTYPE's text without the comments and processing instructions of its internal subset, which
 * declare nothing (`<!-- <!ENTITY a "x"> -->` leaves `&a;` undefined). Quoted literals of declarations
 * are kept whole: a `<!--` inside one is text. One pass over the text.
 */
function declarationsOf(doctype: string): string {
  if (!doctype.includes('<!--') && !doctype.includes('<?')) return doctype;
  let out = '';
  let kept = 0;
  let quote = '';
  let inDeclaration = false;
  for (let i = 0; i < doctype.length; i++) {
    const c = doctype[i]!;
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (inDeclaration) {
      if (c === '"' || c === "'") quote = c;
      else if (c === '>') inDeclaration = false;
    } else if (doctype.startsWith('<!--', i) || doctype.startsWith('<?', i)) {
      const comment = doctype[i + 1] === '!';
      const end = doctype.indexOf(comment ? '-->' : '?>', i + (comment ? 4 : 2));
      out += doctype.slice(kept, i);
      kept = end < 0 ? doctype.length : end + (comment ? 3 : 2);
      i = kept - 1;
    } else if (doctype.startsWith('<!', i)) inDeclaration = true;
  }
  return out + doctype.slice(kept);
}

/** Longest text quoted from the document in a message (a name may run on to the end of a broken document). */
const MAX_QUOTED = 80;

/** `text` from `start` to `end`, cut at {@link MAX_QUOTED} characters with an ellipsis. */
function quoted(text: string, start: number, end: number): string {
  return end - start > MAX_QUOTED ? `${text.slice(start, start + MAX_QUOTED)}…` : text.slice(start, end);
}

/** saxes's "undefined entity", naming the entity: its reference ends just before `position`. */
function undefinedEntity(text: string, position: number): string {
  const start = text.lastIndexOf('&', position - 1);
  const reference = start < 0 ? 'an entity' : quoted(text, start, position);
  return `undefined entity ${reference}: XML defines only &amp; &lt; &gt; &quot; and &apos; (HTML's names are not XML's), and the DOCTYPE declares no such entity; write the character itself or a character reference (&#160;)`;
}

/**
 * saxes's "unexpected close tag": the close tag ending just before `position` names another element
 * than `open`, the innermost one open (a typo, a stray close tag, or `open` was never closed).
 */
function unexpectedCloseTag(text: string, position: number, open: XmlElement): string {
  const start = text.lastIndexOf('</', position - 1);
  const name = start >= 0 ? /^<\/[^\s>]+/.exec(quoted(text, start, position))?.[0] : undefined;
  const found = name === undefined ? 'a close tag' : `${name}>`;
  return `${found} where </${open.name}> was expected (<${open.name}> opened on line ${open.line})`;
}

/**
 * What saxes's "disallowed character" is, from the character it has just read: invisible control
 * characters (pasted into titles from other programs) are named by their code point, and a `<`
 * (the only other character it reports so) is one inside an attribute value.
 */
function disallowedCharacter(code: number): string | undefined {
  if (code === 0x3c) return 'a "<" inside an attribute value (write &lt;)';
  const control = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
  if (!control && code !== 0xfffe && code !== 0xffff) return undefined;
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}${control ? ', a control character' : ''}`;
  return `disallowed character (${name}): XML 1.0 allows it nowhere, not even as a character reference; remove it`;
}

/** `endedInsideRoot`: the input ended after the root element had started, so the document is cut short. */
function describeSaxesError(raw: string, line: number, column: number, endedInsideRoot: boolean, stack: readonly XmlElement[]): SyntaxErrorInfo {
  // saxes prefixes its messages with "line:column: ".
  const message = raw.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
  if (/must contain a root element/.test(message)) return { message: 'the document has no root element', line, column, truncated: false };
  const open = stack[stack.length - 1];
  if (endedInsideRoot && (open || /unclosed|unexpected end/i.test(message))) {
    const where = open ? `: <${open.name}> opened on line ${open.line} is never closed` : '';
    return { message: `the XML ends too early (truncated?)${where}`, line, column, truncated: true };
  }
  return { message, line, column, truncated: false };
}

const REFERENCE = /^&(?:[A-Za-z_:\u00C0-\uFFFF][\w.:\-\u00B7-\uFFFF]*|#[0-9]+|#x[0-9A-Fa-f]+);/;

/** Offset of the first `&` in markup or text that does not start a reference (CDATA, comments and PIs skipped). */
function bareAmpersand(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '<') {
      const close = text.startsWith('<![CDATA[', i) ? ']]>' : text.startsWith('<!--', i) ? '-->' : text.startsWith('<?', i) ? '?>' : undefined;
      if (close) {
        const end = text.indexOf(close, i);
        if (end < 0) return undefined;
        i = end + close.length - 1;
      }
    } else if (ch === '&' && !REFERENCE.test(text.slice(i, i + 64))) {
      return i;
    }
  }
  return undefined;
}

/** 1-based line and column of a UTF-16 offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Child elements of `element`, optionally only those with this local name (and namespace). */
export function childElements(element: XmlElement, local?: string, uri?: string): XmlElement[] {
  // Most calls find one element or none: the array is made for the first one found, at its size
  // (a push onto an empty array reserves room for seventeen).
  let out: XmlElement[] | undefined;
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.kind !== 'element') continue;
    if (local !== undefined && child.local !== local) continue;
    if (uri !== undefined && child.uri !== uri) continue;
    if (out) out.push(child);
    else out = [child];
  }
  return out ?? [];
}

/** The first child element with this local name (and namespace). */
export function childElement(element: XmlElement, local: string, uri?: string): XmlElement | undefined {
  for (const child of element.children) {
    if (child.kind === 'element' && child.local === local && (uri === undefined || child.uri === uri)) return child;
  }
  return undefined;
}

/** An attribute's value by local name (and namespace, default none). */
export function attribute(element: XmlElement, local: string, uri = ''): string | undefined {
  return element.attributes.find((a) => a.local === local && a.uri === uri)?.value;
}

/** All text inside `node`, concatenated in document order (iterative: documents may nest thousands deep). */
export function textContent(node: XmlNode): string {
  if (node.kind === 'text') return node.text;
  // Most elements hold one text node, or nothing.
  const children = node.children;
  if (children.length === 0) return '';
  if (children.length === 1 && children[0]!.kind === 'text') return children[0]!.text;
  let out = '';
  const stack: XmlNode[] = node.children.slice().reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.kind === 'text') out += next.text;
    else for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!);
  }
  return out;
}

/**
 * Serializes the children of an XHTML element as HTML markup (element names without prefixes),
 * for Atom `type="xhtml"` content.
 */
export function serializeChildren(element: XmlElement): string {
  let out = '';
  // An explicit stack of children still to write and end tags still to close: hostile XHTML may nest thousands deep.
  const stack: (XmlNode | string)[] = element.children.slice().reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next === 'string') {
      out += next;
      continue;
    }
    if (next.kind === 'text') {
      out += escapeMarkup(next.text);
      continue;
    }
    const attrs = next.attributes
      .filter((a) => a.name !== 'xmlns' && !a.name.startsWith('xmlns:'))
      .map((a) => ` ${a.local}="${escapeMarkup(a.value).replaceAll('"', '&quot;')}"`)
      .join('');
    out += `<${next.local}${attrs}>`;
    // An HTML parser reads `</br>` as a second `<br>`, so void elements get no end tag.
    if (VOID_ELEMENTS.has(next.local)) continue;
    stack.push(`</${next.local}>`);
    for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!);
  }
  return out;
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function escapeMarkup(text: string): string {
  return text.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}
