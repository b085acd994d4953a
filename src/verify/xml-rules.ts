/**
 * What the RSS and Atom readers share: the namespaces they match elements by (never by prefix),
 * problems with the line of the element they concern, child elements grouped by name with
 * repeated single-valued elements and unknown elements reported, and text that keeps markup a
 * feed forgot to escape (reported) instead of dropping it.
 */
import { ProblemList } from './problem-list.js';
import type { FeedProblem } from './types.js';
import { serializeChildren, textContent, type XmlElement } from './xml-check.js';

/** Atom 1.0 (RFC 4287). */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** Atom 0.3, which is not Atom 1.0. */
export const ATOM_03_NS = 'http://purl.org/atom/ns#';
/** XHTML, for Atom `type="xhtml"` text. */
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
/** RSS 1.0 content module (`content:encoded`). */
export const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
/** Dublin Core elements (`dc:creator`). */
export const DC_NS = 'http://purl.org/dc/elements/1.1/';
/** Media RSS (`media:content`). */
export const MEDIA_NS = 'http://search.yahoo.com/mrss/';
/** RDF (`rdf:RDF`, `rdf:about`, `rdf:resource`): the syntax of RSS 1.0. */
export const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** Collects problems for one document; see {@link ProblemList} for the limits. */
export class ProblemLog {
  private readonly list: ProblemList;

  constructor(readonly problems: FeedProblem[]) {
    this.list = new ProblemList(problems);
  }

  /** A MUST of the format is broken; `at` is the element concerned. */
  error(path: string, message: string, at: XmlElement): void {
    this.list.add({ path, message, severity: 'error', line: at.line, column: at.column });
  }

  /** Readers may misread this; `at` is the element concerned. */
  warning(path: string, message: string, at: XmlElement): void {
    this.list.add({ path, message, severity: 'warning', line: at.line, column: at.column });
  }

  /** Adds the counts of the problems listed no more. */
  finish(): void {
    this.list.finish();
  }
}

/** The names of a {@link Children} that has found none yet (never added to). */
const NO_NAMES: string[] = [];

/** How many distinct names {@link Children} looks through before it indexes them. */
const MAX_SCANNED = 16;

/** The children of one element in one namespace, by local name, in document order. */
export class Children {
  /**
   * The local names found, and the element with each, or the elements when there are several
   * (same index). An element has a few names among its children: looking through them costs less
   * than a Map made for each element. Past {@link MAX_SCANNED} names a Map finds the index, so that
   * hostile input stays linear.
   */
  private names: string[] = NO_NAMES;
  private found: (XmlElement | XmlElement[])[] = [];
  private indexes: Map<string, number> | undefined;
  /** Whether some name was found twice or more. */
  anyRepeated = false;

  /**
   * Groups the children of `parent` that are in `uri`; `known`, when given, lists the local names the
   * format defines: others are reported, with what `instead` says the format has in their place.
   */
  constructor(
    readonly parent: XmlElement,
    readonly uri: string,
    readonly path: string,
    log: ProblemLog,
    known?: ReadonlySet<string>,
    parentName = parent.name,
    instead?: ReadonlyMap<string, string>,
  ) {
    let textReported = false;
    for (const child of parent.children) {
      if (child.kind === 'text') {
        if (!textReported && !isBlank(child.text)) {
          textReported = true;
          log.error(path, `unexpected text ${JSON.stringify(child.text.trim().slice(0, 40))} directly inside <${parentName}>`, parent);
        }
        continue;
      }
      if (child.uri !== uri) continue;
      if (known && !known.has(child.local)) {
        const other = instead?.get(child.local);
        log.error(`${path}.${child.local}`, `<${child.name}> is not an element of <${parentName}>${other === undefined ? '' : ` (${other})`}`, child);
        continue;
      }
      const index = this.indexOf(child.local);
      if (index >= 0) {
        this.anyRepeated = true;
        const before = this.found[index]!;
        if (Array.isArray(before)) before.push(child);
        else this.found[index] = [before, child];
        continue;
      }
      if (!this.indexes && this.names.length === MAX_SCANNED) this.indexes = new Map(this.names.map((name, i) => [name, i]));
      this.indexes?.set(child.local, this.names.length);
      // The first name makes arrays of one (a push onto an empty array reserves room for seventeen).
      if (this.names === NO_NAMES) {
        this.names = [child.local];
        this.found = [child];
      } else {
        this.names.push(child.local);
        this.found.push(child);
      }
    }
  }

  /** Every child with this local name. */
  all(local: string): XmlElement[] {
    const found = this.at(local);
    return found === undefined ? [] : Array.isArray(found) ? found : [found];
  }

  /** The first child with this local name. */
  first(local: string): XmlElement | undefined {
    const found = this.at(local);
    return Array.isArray(found) ? found[0] : found;
  }

  /** The children with this local name when there are two or more, else `undefined`. */
  repeated(local: string): readonly XmlElement[] | undefined {
    const found = this.at(local);
    return Array.isArray(found) ? found : undefined;
  }

  private at(local: string): XmlElement | XmlElement[] | undefined {
    const index = this.indexOf(local);
    return index < 0 ? undefined : this.found[index];
  }

  private indexOf(local: string): number {
    return this.indexes ? (this.indexes.get(local) ?? -1) : this.names.indexOf(local);
  }
}

/**
 * Whether `char` stands in `text` with something before and after it (the `@` of an address, the dot
 * of a domain): what `[^c]+c[^c]+`-style patterns ask, without trying every place a run could split.
 */
export function hasInnerChar(text: string, char: string): boolean {
  const at = text.indexOf(char, 1);
  return at > 0 && at < text.length - 1;
}

/** The most bytes a file's `length` may give: podcast apps and feed readers hold a size in a signed 64-bit integer. */
const MAX_BYTE_COUNT = '9223372036854775807';

/**
 * An RSS enclosure's or Atom link's `length` as a number of bytes, or why it is none: a whole
 * number, at most {@link MAX_BYTE_COUNT} (a length of hundreds of digits is no file's, and reads as
 * Infinity). Compared as digits, so the check is linear in the attribute's length.
 */
export function byteCount(length: string): { bytes: number } | { problem: string } {
  const digits = /^\s*(\d+)\s*$/.exec(length)?.[1];
  if (digits === undefined) return { problem: `expected length to be a number of bytes, found ${JSON.stringify(length)}` };
  let first = 0;
  while (first < digits.length - 1 && digits.charCodeAt(first) === 0x30) first++;
  const significant = digits.length - first;
  if (significant > MAX_BYTE_COUNT.length || (significant === MAX_BYTE_COUNT.length && digits.slice(first) > MAX_BYTE_COUNT))
    return { problem: `expected length to be a number of bytes, found a number of ${significant} digits, more than any reader holds (at most ${MAX_BYTE_COUNT})` };
  return { bytes: Number(digits) };
}

/** The characters of a text, as its length limits count them (an emoji is one, not two UTF-16 code units). */
export function characterCount(value: string): number {
  let count = value.length;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/**
 * Whether `text` is empty or white space only, as `text.trim() === ''` says: the white space
 * between elements is read without a new string (characters outside ASCII are left to `trim`).
 */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d) continue;
    return code > 0x20 && code < 0x7f ? false : text.trim() === '';
  }
  return true;
}

/** Reports every repeated child whose name is in `single` (elements that may appear once). */
export function reportRepeated(children: Children, single: Iterable<string>, log: ProblemLog): void {
  if (!children.anyRepeated) return;
  for (const local of single) {
    const list = children.repeated(local);
    if (!list) continue;
    for (let i = 1; i < list.length; i++) {
      log.error(`${children.path}.${local}[${i}]`, `<${list[i]!.name}> appears again (first on line ${list[0]!.line}); only one is allowed`, list[i]!);
    }
  }
}

/**
 * The text of an element that must hold text only. Child elements mean markup that was not
 * escaped: it is kept as markup (not dropped) and reported.
 */
export function plainText(element: XmlElement, path: string, log: ProblemLog): string {
  const child = element.children.find((c): c is XmlElement => c.kind === 'element');
  if (!child) return textContent(element);
  // RDF/XML: rdf:parseType="Literal" says the element's value is the XML it holds, written as such.
  if (isRdfLiteral(element)) return serializeChildren(element);
  log.error(path, `<${element.name}> contains the element <${child.name}>: markup inside it must be escaped (&lt;${child.name}&gt;) or in CDATA`, child);
  return serializeChildren(element);
}

/** Whether `element` holds XML as its value (`rdf:parseType="Literal"`), not elements to read. */
export function isRdfLiteral(element: XmlElement): boolean {
  for (const a of element.attributes) if (a.local === 'parseType' && a.uri === RDF_NS) return a.value === 'Literal';
  return false;
}

/**
 * `list` with `value` at its end: a new array of one for an empty (or no) list (a push onto an empty
 * array reserves room for seventeen; items keep their authors and tags to the end of a verification).
 */
export function append<T>(list: T[] | undefined, value: T): T[] {
  if (list === undefined || list.length === 0) return [value];
  list.push(value);
  return list;
}

/** An attribute (no namespace) by local name. */
export function attr(element: XmlElement, local: string): string | undefined {
  for (const a of element.attributes) if (a.local === local && a.uri === '') return a.value;
  return undefined;
}

/** A copy of the tree with the elements of namespace `from` moved to `to` (iterative: the depth is the document's). */
export function moveNamespace(root: XmlElement, from: string, to: string): XmlElement {
  const copy = (e: XmlElement): XmlElement => ({ ...e, uri: e.uri === from ? to : e.uri, children: [...e.children] });
  const top = copy(root);
  const stack = [top];
  for (let element = stack.pop(); element; element = stack.pop()) {
    element.children = element.children.map((child) => {
      if (child.kind !== 'element') return child;
      const moved = copy(child);
      stack.push(moved);
      return moved;
    });
  }
  return top;
}
