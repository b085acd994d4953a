/**
 * The fast path of the strict XML pass. Feeds use a small part of XML: ASCII element and attribute
 * names, the five predefined entities and character references, CDATA sections, comments, and a
 * prolog of a declaration and processing instructions. For a document inside that subset this
 * reader builds the same tree as the saxes pass, scanning with `indexOf` and sticky regular
 * expressions instead of one character at a time (about ten times faster on feeds, whose bulk is
 * CDATA). Anything else — a DOCTYPE, a CR, a non-ASCII name, an unknown entity, a processing
 * instruction after the prolog, and every error — makes it return `undefined`, and the caller runs
 * saxes, which finds and describes the problem. So it never accepts a document saxes would reject,
 * and it never writes an error message.
 */
import { SaxesParser } from 'saxes';
import type { XmlAttribute, XmlDocument, XmlElement, XmlNode, XmlText } from './xml-check.js';

/** The namespace the `xml` prefix is bound to. */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** The namespace of `xmlns` declarations. */
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * Characters outside XML 1.0's `Char` production, CR (whose line-end normalisation is left to
 * saxes), and every surrogate: a pair is let through where it is found, so one pass over the text
 * finds both characters outside the subset and lone surrogates.
 */
const OUTSIDE_SUBSET_OR_SURROGATE = /[\0-\x08\x0B-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/g;
const NAME = '[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?';
/** A name where the scan stands (sticky; `test` and `lastIndex`, so no match array per tag). */
const NAME_AT = new RegExp(NAME, 'y');
const TAG_END = /[ \t\n]*(\/?)>/y;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));/y;
const SPACES_TO_END = /[ \t\n]*$/y;
const ROOT_NAME_START = /[A-Za-z_]/;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * How many open elements may declare namespaces at once (any depth of elements that declare none
 * is fine). A prefix is looked up through every enclosing declaration, so a document whose every
 * element declares one would make each lookup walk all of them (quadratic); no feed declares
 * namespaces on more than a few nested elements. The fast path leaves such a document to saxes,
 * whose reading (`xml-check.ts`) stops at the same bound with the error.
 */
export const MAX_NAMESPACE_SCOPES = 256;

/**
 * How deep elements may nest. A feed nests a few dozen levels; past this bound a document is
 * refused at the first element deeper (saxes's reading in `xml-check.ts` stops there with the
 * error, the fast path leaves it to that reading). Without it a document of start tags alone
 * (`<a><a><a>…`, 3 bytes an element) kept every element open to its end: the tree and saxes's
 * own record of each open tag took about 800 bytes an element, 2.6 GB for 10 MB, where a
 * well-formed document of the same size takes 400 MB. The bound leaves room for the deep XHTML
 * and nested groups the readers are tested on.
 */
export const MAX_XML_DEPTH = 100_000;

/** Prefix → namespace, inheriting from the enclosing scope through the prototype chain. */
type Scope = Record<string, string>;

const ROOT_SCOPE: Scope = Object.assign(Object.create(null) as Scope, { xml: XML_NS, xmlns: XMLNS_NS });

/**
 * The tree of `text`, or `undefined` when the document is outside the subset (a lone surrogate
 * included) or not well-formed.
 */
export function parseXmlFast(text: string): XmlDocument | undefined {
  if (text.charCodeAt(0) === 0xfeff || !insideSubset(text)) return undefined;
  const prolog = readProlog(text);
  if (!prolog) return undefined;

  let line = 1;
  // The next line feed not yet counted (-1: none left). Searching afresh from the last position on
  // every call would scan to the end of a document without line feeds each time: quadratic.
  let nextLineFeed = text.indexOf('\n');
  // The last two line feeds counted, for columns: one walk over the line feeds serves both.
  let lastLineFeed = -1;
  let lineFeedBefore = -1;
  /** 1-based line after the character at `end - 1`, counting forward from the last call. */
  const lineAt = (end: number): number => {
    while (nextLineFeed >= 0 && nextLineFeed < end) {
      line++;
      lineFeedBefore = lastLineFeed;
      lastLineFeed = nextLineFeed;
      nextLineFeed = text.indexOf('\n', nextLineFeed + 1);
    }
    return line;
  };
  /**
   * 1-based column of the `<` at `offset` of the tag whose line {@link lineAt} just gave. The only
   * line feed it can have counted at or after `offset` is the one right after the tag's name.
   */
  const columnAt = (offset: number): number => offset - (lastLineFeed < offset ? lastLineFeed : lineFeedBefore);

  const names = new Names();
  // Text nodes of white space shared between elements, by length, and all of them (never changed).
  const blankNodes = new Map<number, XmlText>();
  const shared = new Set<XmlText>();
  const elements: XmlElement[] = [];
  const scopes: Scope[] = [];
  /** How many of the open elements declare namespaces: `scopeDepths[i]` for `scopes[i]`. */
  const scopeDepths: number[] = [];
  let root: XmlElement | undefined;
  let pos = prolog.rootStart;
  while (root === undefined || elements.length > 0) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) return undefined;
    const parent = elements[elements.length - 1];
    if (lt > pos && parent) {
      const last = parent.children[parent.children.length - 1];
      if (last?.kind !== 'text' && isSpaceRun(text, pos, lt)) {
        // The white space between elements repeats (one run per indentation): one node for each
        // run, shared by every element it follows (a text added after it copies it: addText).
        let node = blankNodes.get(lt - pos);
        if (node === undefined || !text.startsWith(node.text, pos)) {
          node = { kind: 'text', text: text.slice(pos, lt) };
          if (!blankNodes.has(lt - pos)) {
            blankNodes.set(lt - pos, node);
            shared.add(node);
          }
        }
        addChild(parent, node);
      } else {
        const raw = text.slice(pos, lt);
        if (raw.includes(']]>')) return undefined;
        const value = raw.includes('&') ? decodeReferences(raw) : raw;
        if (value === undefined) return undefined;
        addText(parent, value, shared);
      }
    }
    const next = text.charCodeAt(lt + 1);
    if (next === 0x2f) {
      // `</name>` must close the innermost open element: its name, then nothing but white space before `>`.
      if (!parent || !text.startsWith(parent.name, lt + 2)) return undefined;
      const end = endOfEndTag(text, lt + 2 + parent.name.length);
      if (end < 0) return undefined;
      elements.pop();
      scopes.pop();
      scopeDepths.pop();
      pos = end;
      continue;
    }
    if (next === 0x21) {
      if (!parent) return undefined;
      if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) return undefined;
        // saxes reports every CDATA section, even an empty one.
        addText(parent, text.slice(lt + 9, end), shared);
        pos = end + 3;
      } else if (text.startsWith('<!--', lt)) {
        // The first `--` must be the end of the comment.
        const end = text.indexOf('-->', lt + 4);
        if (end < 0 || text.indexOf('--', lt + 4) !== end) return undefined;
        pos = end + 3;
      } else {
        return undefined;
      }
      continue;
    }

    // One element more than the bound allows: saxes's reading reports it.
    if (elements.length >= MAX_XML_DEPTH) return undefined;
    NAME_AT.lastIndex = lt + 1;
    if (!NAME_AT.test(text)) return undefined;
    let at = NAME_AT.lastIndex;
    const name = names.at(text, lt + 1, at);
    // saxes takes the line after reading the character that ends the name.
    const tagLine = lineAt(at + 1);
    // The attributes as written (`local` and `uri` are set once the tag's namespaces are known).
    let raw: XmlAttribute[] | undefined;
    // An attribute starts after white space: most tags have none, and are not searched for one.
    while (isSpace(text.charCodeAt(at))) {
      // `[ \t\n]+ Name [ \t\n]* = [ \t\n]* ("[^"<]*" | '[^'<]*')`, read without a match array. A tag
      // where it is not found ends here, and is checked as the end of a tag below.
      let i = at + 1;
      while (isSpace(text.charCodeAt(i))) i++;
      NAME_AT.lastIndex = i;
      if (!NAME_AT.test(text)) break;
      const nameEnd = NAME_AT.lastIndex;
      let j = nameEnd;
      while (isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 0x3d) break;
      j++;
      while (isSpace(text.charCodeAt(j))) j++;
      const quote = text.charCodeAt(j);
      if (quote !== 0x22 && quote !== 0x27) break;
      const end = text.indexOf(quote === 0x22 ? '"' : "'", j + 1);
      if (end < 0) break;
      let value = text.slice(j + 1, end);
      if (value.includes('<')) break;
      at = end + 1;
      // Attribute-value normalisation: literal tabs and line feeds become spaces, references do not.
      if (value.includes('\n') || value.includes('\t')) value = value.replace(/[\t\n]/g, ' ');
      if (value.includes('&')) {
        const decoded = decodeReferences(value);
        if (decoded === undefined) return undefined;
        value = decoded;
      }
      const attributeName = text.slice(i, nameEnd);
      const attribute: XmlAttribute = { name: attributeName, local: attributeName, uri: '', value };
      if (raw) raw.push(attribute);
      else raw = [attribute];
    }
    let selfClosing: boolean;
    const close = text.charCodeAt(at);
    if (close === 0x3e) {
      selfClosing = false;
      pos = at + 1;
    } else if (close === 0x2f && text.charCodeAt(at + 1) === 0x3e) {
      selfClosing = true;
      pos = at + 2;
    } else {
      TAG_END.lastIndex = at;
      const tagEnd = TAG_END.exec(text);
      if (!tagEnd) return undefined;
      selfClosing = tagEnd[1] === '/';
      pos = TAG_END.lastIndex;
    }

    const parentScope = scopes[scopes.length - 1] ?? ROOT_SCOPE;
    const scope = raw ? declareNamespaces(raw, parentScope) : parentScope;
    if (!scope) return undefined;
    const scopeDepth = (scopeDepths[scopeDepths.length - 1] ?? 0) + (scope === parentScope ? 0 : 1);
    if (scopeDepth > MAX_NAMESPACE_SCOPES) return undefined;
    const element = makeElement(name, raw, scope, tagLine, columnAt(lt), parent);
    if (!element) return undefined;
    if (parent) addChild(parent, element);
    else root = element;
    if (!selfClosing) {
      elements.push(element);
      scopes.push(scope);
      scopeDepths.push(scopeDepth);
    }
  }
  // After the root: only white space (comments and processing instructions are left to saxes).
  SPACES_TO_END.lastIndex = pos;
  if (!SPACES_TO_END.test(text)) return undefined;
  return prolog.encoding === undefined ? { root } : { root, encoding: prolog.encoding };
}

/**
 * Finds where the root element starts. What comes before it (declaration, processing
 * instructions, comments) is checked by saxes itself, on the prolog alone; a DOCTYPE is not handled.
 */
function readProlog(text: string): { rootStart: number; encoding?: string } | undefined {
  let i = 0;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\n' || text[i] === '\t') i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return undefined;
      i = end + 3;
    } else {
      break;
    }
  }
  if (text[i] !== '<' || !ROOT_NAME_START.test(text[i + 1] ?? '')) return undefined;
  if (i === 0) return { rootStart: 0 };
  let version: string | undefined;
  let encoding: string | undefined;
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('xmldecl', (decl) => {
    version = decl.version;
    encoding = decl.encoding;
  });
  try {
    parser.write(`${text.slice(0, i)}<x/>`).close();
  } catch {
    return undefined;
  }
  // XML 1.1 reads line ends and characters differently.
  if (version !== undefined && version !== '1.0') return undefined;
  return encoding === undefined ? { rootStart: i } : { rootStart: i, encoding };
}

/** The scope of an element: its parent's, plus its own `xmlns` declarations (undefined when one is not allowed). */
function declareNamespaces(attributes: readonly XmlAttribute[], parent: Scope): Scope | undefined {
  let scope = parent;
  for (const { name, value } of attributes) {
    let prefix: string;
    if (name === 'xmlns') prefix = '';
    else if (name.startsWith('xmlns:')) prefix = name.slice(6);
    else continue;
    const uri = value.trim();
    // Rebinding `xml` or `xmlns`, binding their namespaces, or undeclaring a prefix (XML 1.0) is saxes's to judge.
    if (uri === XML_NS || uri === XMLNS_NS || (prefix !== '' && (uri === '' || prefix === 'xml' || prefix === 'xmlns'))) return undefined;
    if (scope === parent) scope = Object.create(parent) as Scope;
    scope[prefix] = uri;
  }
  return scope;
}

/**
 * The element of a start tag; `raw` are its attributes as read (their `local` and `uri` are set
 * here, and the list becomes the element's). `undefined` when a prefix is undeclared or an
 * attribute appears twice.
 */
function makeElement(name: Name, raw: XmlAttribute[] | undefined, scope: Scope, line: number, column: number, parent: XmlElement | undefined): XmlElement | undefined {
  const { prefix, local } = name;
  if (prefix === 'xmlns') return undefined;
  const uri = scope[prefix];
  if (prefix !== '' && uri === undefined) return undefined;
  if (raw === undefined) {
    const element: XmlElement = { kind: 'element', name: name.name, local, uri: uri ?? '', attributes: NO_ATTRIBUTES, children: NO_CHILDREN, line, column };
    if (parent?.lang !== undefined) element.lang = parent.lang;
    return element;
  }
  const seen = raw.length > 1 ? new Set<string>() : undefined;
  let lang: string | undefined;
  for (const attribute of raw) {
    const c = attribute.name.indexOf(':');
    if (c < 0) {
      if (attribute.name === 'xmlns') attribute.uri = XMLNS_NS;
    } else {
      const attributeUri = scope[attribute.name.slice(0, c)];
      if (attributeUri === undefined) return undefined;
      attribute.local = attribute.name.slice(c + 1);
      attribute.uri = attributeUri;
    }
    if (seen) {
      const key = c < 0 ? attribute.name : `{${attribute.uri}}${attribute.local}`;
      if (seen.has(key)) return undefined;
      seen.add(key);
    }
    if (lang === undefined && attribute.uri === XML_NS && attribute.local === 'lang') lang = attribute.value;
  }
  const element: XmlElement = { kind: 'element', name: name.name, local, uri: uri ?? '', attributes: raw, children: NO_CHILDREN, line, column };
  lang ??= parent?.lang;
  if (lang !== undefined) element.lang = lang;
  return element;
}

/** Space, tab or line feed (CR is outside the subset). */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a;
}

/** Where an end tag whose name ends at `at` ends (after its `>`): -1 unless only white space comes before the `>`. */
function endOfEndTag(text: string, at: number): number {
  let i = at;
  while (isSpace(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === 0x3e ? i + 1 : -1;
}

/** Adjacent text and CDATA are one text node, as the saxes pass builds them. */
function addText(parent: XmlElement, chunk: string, shared: ReadonlySet<XmlText>): void {
  const children = parent.children;
  const last = children[children.length - 1];
  if (last?.kind !== 'text') addChild(parent, { kind: 'text', text: chunk });
  // A shared node of white space is not changed: this element gets its own.
  else if (shared.has(last)) children[children.length - 1] = { kind: 'text', text: last.text + chunk };
  else last.text += chunk;
}

/** Whether `text` from `start` to `end` is spaces, tabs and line feeds only. */
function isSpaceRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** An element name, split at its colon. */
interface Name {
  name: string;
  prefix: string;
  local: string;
}

/**
 * The element names of one document, each read once: a feed repeats a few names thousands of
 * times, and each tag's name was a new string (and its local name another). Names are found by
 * length, then compared with the text in place. At most {@link MAX_NAMES_PER_LENGTH} names of
 * each length are kept (later ones are read afresh each time), so a tag costs a bounded number of
 * comparisons whatever the document.
 */
class Names {
  private readonly byLength: Name[][] = [];

  /** The name written from `start` to `end` of `text` (a well-formed name: NAME_AT matched it). */
  at(text: string, start: number, end: number): Name {
    const length = end - start;
    const known = this.byLength[length];
    if (known) {
      for (const name of known) if (text.startsWith(name.name, start)) return name;
    }
    const written = text.slice(start, end);
    const colon = written.indexOf(':');
    const name: Name = colon < 0 ? { name: written, prefix: '', local: written } : { name: written, prefix: written.slice(0, colon), local: written.slice(colon + 1) };
    if (!known) this.byLength[length] = [name];
    else if (known.length < MAX_NAMES_PER_LENGTH) known.push(name);
    return name;
  }
}

const MAX_NAMES_PER_LENGTH = 8;

/**
 * The attributes of every element without any, and the children of every element until it gets
 * one: empty and shared (tens of thousands of empty arrays less per feed). Nothing changes them:
 * {@link addChild} gives an element its own array, and readers of the tree never change it. (Not
 * frozen: frozen arrays are another kind of array to V8, and loops over children and attributes
 * that meet both kinds run slower.)
 */
export const NO_ATTRIBUTES: XmlAttribute[] = [];
/** See {@link NO_ATTRIBUTES}. */
export const NO_CHILDREN: XmlNode[] = [];

/**
 * Appends a child. Most elements have one child (their text): the first one gets an array of its
 * own size, where a push onto an empty array would reserve room for seventeen. The tree lives
 * through the whole verification, so its size is copied on every garbage collection meanwhile.
 */
export function addChild(parent: XmlElement, child: XmlNode): void {
  if (parent.children.length === 0) parent.children = [child];
  else parent.children.push(child);
}

/** Resolves the predefined entities and character references; `undefined` for anything else. */
function decodeReferences(raw: string): string | undefined {
  let out = '';
  let from = 0;
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', from)) {
    REFERENCE.lastIndex = amp;
    const m = REFERENCE.exec(raw);
    if (!m) return undefined;
    let ch: string;
    if (m[1] !== undefined) ch = PREDEFINED[m[1]]!;
    else {
      const code = m[2] !== undefined ? Number.parseInt(m[2], 10) : Number.parseInt(m[3]!, 16);
      if (!isXmlChar(code)) return undefined;
      ch = String.fromCodePoint(code);
    }
    out += raw.slice(from, amp) + ch;
    from = REFERENCE.lastIndex;
  }
  return out + raw.slice(from);
}

/** Whether every character of `text` is in the subset: an XML `Char` other than CR, surrogates only in pairs. */
function insideSubset(text: string): boolean {
  OUTSIDE_SUBSET_OR_SURROGATE.lastIndex = 0;
  for (;;) {
    // `test` with the global flag moves lastIndex past the character found, and makes no match array.
    if (!OUTSIDE_SUBSET_OR_SURROGATE.test(text)) return true;
    const at = OUTSIDE_SUBSET_OR_SURROGATE.lastIndex - 1;
    const code = text.charCodeAt(at);
    const low = text.charCodeAt(at + 1);
    if (code < 0xd800 || code > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return false;
    OUTSIDE_SUBSET_OR_SURROGATE.lastIndex = at + 2;
  }
}

/** `false` when `text` holds a lone surrogate (`String.prototype.isWellFormed`, Node 20+). */
export function isWellFormedUtf16(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

/** Whether the code point `code` is a character XML 1.0 allows (its `Char` production). */
export function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}
