import { StoryfeedError } from '../errors.js';
import type { FeedFormat } from '../types.js';
import { ATOM_03_NS, ATOM_NS, RDF_NS } from './xml-rules.js';
import { readAtom } from './atom.js';
import { alternateFeedLinks } from './html-canon.js';
import { readJsonFeed } from './json-feed.js';
import { inDocumentOrder } from './problem-list.js';
import { rdfVersion, readRdf } from './rdf.js';
import { htmlEntityCharacter, isDeprecatedRss091Doctype, isRecognisedRss091Doctype, RETIRED_RSS_091_DTD, RSS_091_DTD } from './rss091-dtd.js';
import { LEGACY_VERSIONS, readRss } from './rss.js';
import type { ParsedFeed, ReadFeedOptions } from './types.js';
import { attribute, type EntityReferences, lineAndColumn, parseXml, type XmlDocument, XmlSyntaxError, type XmlElement } from './xml-check.js';
import type { FeedProblem } from './types.js';
import { checkOptionsArgument, checkTextArgument } from './arguments.js';

/** How each format is named in messages. */
export const FORMAT_NAMES: Readonly<Record<FeedFormat, string>> = { rss: 'RSS 2.0', atom: 'Atom 1.0', json: 'JSON Feed' };

/** An HTML page's start, after its prolog (see {@link afterProlog}). */
const HTML_START = /<!doctype\s+html\b|<(?:html|head|body)[\s>]/iy;

/**
 * Reads an RSS 2.0, 0.92, 0.91 or 1.0 (RDF), Atom 1.0 or JSON Feed 1.0/1.1 document into one normalized {@link ParsedFeed}.
 * XML is checked strictly first. Spec violations are listed in `problems`; text that is not a
 * readable feed (empty, an HTML page, truncated or malformed, JSON that is not a feed, an unknown
 * root element, or not the `format` asked for) throws `StoryfeedError` `E_FEED` with a line.
 */
export async function readFeed(text: string, options: ReadFeedOptions = {}): Promise<ParsedFeed> {
  checkTextArgument(text, 'text');
  checkOptionsArgument(options, 'options');
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const first = /\S/.exec(body);
  if (!first) throw new StoryfeedError('E_FEED', 'the input is empty', { line: 1 });
  const start = first[0];
  if (start === '{' || start === '[') {
    expectFormat(options.format, 'json');
    const feed = readJsonFeed(body);
    inDocumentOrder(feed.problems);
    return feed;
  }
  if (start === '<') return (await readXmlFeed(body, options.format, options.url)).feed;
  const preview = body.slice(first.index, first.index + 30).split('\n')[0]!;
  throw new StoryfeedError('E_FEED', `this is not a feed: it starts with ${JSON.stringify(preview)} (expected XML or JSON)`, { line: lineAndColumn(body, first.index).line });
}

/**
 * {@link readFeed} for an RSS or Atom text (no byte order mark), also giving the XML tree it read
 * the feed from, so that a second reader can work on the same parse. `url` is where the text came from.
 */
export async function readXmlFeed(text: string, format: FeedFormat | undefined, url?: string): Promise<{ feed: ParsedFeed; root: XmlElement }> {
  if (startsWith(text, afterProlog(text, false), HTML_START)) throw htmlPage(text, 1, url);
  let document: XmlDocument;
  try {
    document = parseXml(text);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    // A draft RSS 0.9x (0.93, 0.94) is unsupported, whatever its XML; 0.91 and 0.92 are read, and their XML errors named.
    const root = afterProlog(text, true);
    const legacy = matchAt(text, root, LEGACY_RSS)?.[1];
    if (legacy !== undefined && !LEGACY_VERSIONS.has(legacy)) throw unsupported(`RSS ${legacy}`, 1);
    const { message, line, column, truncated, limit } = error.info;
    // Broken XML whose first element is no feed's root is not a feed at all: say so first.
    const first = matchAt(text, root, FIRST_ELEMENT)?.[1];
    if (first !== undefined && !FEED_ROOTS.has(first.slice(first.indexOf(':') + 1)))
      throw unsupported(
        `an XML document with the root <${first}>, not a feed (${limit ? 'and nested deeper than storyfeed reads' : 'and not well-formed XML either'}: ${message} at line ${line})`,
        line,
      );
    // A document nested deeper than storyfeed reads may well be well-formed: it is not called otherwise.
    const detail = truncated
      ? `${message} (line ${line})`
      : limit
        ? `the XML nests deeper than storyfeed reads, at line ${line}, column ${column}: ${message}`
        : `the XML is not well-formed at line ${line}, column ${column}: ${message}`;
    throw new StoryfeedError('E_FEED', detail, { line, cause: error });
  }
  const { root } = document;
  const kind = rootKind(root);
  if (kind === 'html') throw htmlPage(text, root.line, url);
  if (kind === undefined) throw unsupported(`an XML document with the root <${root.name}>${root.uri ? ` (namespace ${root.uri})` : ''}, not a feed`, root.line);
  if (kind !== 'rss' && kind !== 'atom' && kind !== RDF) throw unsupported(kind, root.line);
  expectFormat(format, kind === RDF ? 'rss' : kind, () => (kind === 'rss' ? rssVersionName(root) : kind === RDF ? `RSS ${rdfVersion(root)}` : FORMAT_NAMES.atom));
  const feed = kind === 'rss' ? readRss(root) : kind === RDF ? readRdf(root, url) : readAtom(root);
  const doctype = document.doctype;
  // Validating readers cannot fetch the DTD Netscape no longer serves. The W3C validator counts it an
  // error (DeprecatedDTD) with the DTD's public identifier; the address alone is only a system entity to it.
  if (doctype?.systemId === RETIRED_RSS_091_DTD) {
    feed.problems.push({
      path: 'DOCTYPE',
      severity: isDeprecatedRss091Doctype(doctype) ? 'error' : 'warning',
      message: `the DTD ${doctype.systemId} is no longer served (Netscape took it down); name ${RSS_091_DTD}, where the RSS Advisory Board serves it`,
      line: doctype.line,
      column: 1,
    });
  }
  const { html, unknown } = document.undeclaredEntities ?? {};
  // With the DTD's public identifier and an address it is served at, the W3C validator takes every entity HTML names; otherwise it reports each as undefined.
  if (html) feed.problems.push(undeclaredEntitiesProblem(html, doctype !== undefined && isRecognisedRss091Doctype(doctype) ? 'recognised' : 'html'));
  if (unknown) feed.problems.push(undeclaredEntitiesProblem(unknown, 'unknown'));
  for (const entity of document.externalEntities ?? []) {
    feed.problems.push({
      path: 'DOCTYPE',
      severity: 'warning',
      message: `&${entity.name}; names the external entity ${JSON.stringify(entity.system)}, which is never read (it reads as nothing); readers that do read it may leak a local file`,
      line: entity.line,
      column: 1,
    });
  }
  inDocumentOrder(feed.problems);
  return { feed, root };
}

/**
 * One problem for every reference to entities the RSS 0.91 DTD a document names does not declare
 * (the W3C validator reports them once), naming the first and how many there are. `kind`: HTML
 * names them and the DOCTYPE is one the validator takes HTML's entities with (a warning), HTML
 * names them but the DOCTYPE is not (an error), or HTML does not name them either (an error).
 */
function undeclaredEntitiesProblem(references: EntityReferences, kind: 'recognised' | 'html' | 'unknown'): FeedProblem {
  const [first = '', ...others] = references.names;
  const more = references.count > 1 ? ` (${references.count} references in all${others.length > 0 ? `, also ${others.map((name) => `&${name};`).join(' ')}` : ''})` : '';
  const character = htmlEntityCharacter(first);
  const reading =
    kind === 'unknown'
      ? `is declared neither by the RSS 0.91 DTD nor by HTML: it reads as nothing, and XML readers that read the DTD stop there`
      : `is not declared by the RSS 0.91 DTD, which declares only HTML's Latin-1 entities (&nbsp; to &yuml;): it is read as HTML's character${
          kind === 'recognised' ? ', as the W3C validator reads it, but' : ", but the W3C validator takes no entity of HTML without the DTD's public identifier and address, and"
        } XML readers that read the DTD stop there`;
  const instead = character === undefined ? 'a character reference' : `a character reference (&#${character.codePointAt(0)};)`;
  return {
    path: 'DOCTYPE',
    severity: kind === 'recognised' ? 'warning' : 'error',
    message: `&${first};${more} ${reading}; write the character itself or ${instead}`,
    line: references.line,
    column: 1,
  };
}

/** The kind {@link rootKind} gives an RSS 1.0 (or 0.90) document: RSS, read from RDF. */
const RDF = 'rdf';

/** The format a root element names, by namespace URI (never by prefix); other feed formats are named for the "unsupported" answer. */
function rootKind(root: XmlElement): FeedFormat | typeof RDF | 'html' | string | undefined {
  // RSS has no namespace; an <rss> put in one (other than RSS 1.1's) is still read as RSS, and the namespace reported.
  if (root.local === 'rss' && root.uri !== RSS11_NS) {
    const version = attribute(root, 'version')?.trim();
    return version !== undefined && /^0\.9/.test(version) && !LEGACY_VERSIONS.has(version) ? `RSS ${version}` : 'rss';
  }
  if (root.uri === ATOM_NS) return root.local === 'feed' ? 'atom' : root.local === 'entry' ? 'an Atom entry document (not a feed)' : undefined;
  if (root.uri === ATOM_03_NS || (root.local === 'feed' && attribute(root, 'version')?.trim() === '0.3')) return 'Atom 0.3';
  if (root.local === 'feed') return 'atom';
  if (root.local === 'RDF' && root.uri === RDF_NS) return RDF;
  if (root.uri === RSS11_NS) return 'RSS 1.1';
  if (root.local.toLowerCase() === 'html') return 'html';
  if (root.local === 'opml') return 'OPML (a list of feeds, not a feed)';
  return undefined;
}

const RSS11_NS = 'http://purl.org/net/rss1.1#';

/** The first element's name, after the prolog. */
const FIRST_ELEMENT = /<([A-Za-z_][\w.:-]*)/y;
/** Local names of the root elements of the feed formats storyfeed reads or names. */
const FEED_ROOTS = new Set(['rss', 'feed', 'RDF', 'entry', 'html', 'HTML', 'opml']);
/** An RSS 0.9x root and its version, after the prolog. */
const LEGACY_RSS = /<rss\b[^>]*\bversion\s*=\s*["'](0\.9[0-9]*)["']/y;
/** White space, from where it is tried. */
const SPACE_RUN = /\s*/y;

/**
 * Where the text's markup starts after its prolog: processing instructions (the XML declaration),
 * comments, white space and, with `doctype`, a document type declaration. Each is passed with one
 * search for its end, so a prolog of many comments is passed in one pass; a regular expression
 * repeating a lazy comment pattern tried them in exponentially many ways (28 comments: 9 s).
 */
function afterProlog(text: string, doctype: boolean): number {
  let at = 0;
  for (;;) {
    SPACE_RUN.lastIndex = at;
    SPACE_RUN.test(text);
    at = SPACE_RUN.lastIndex;
    const [open, close] = text.startsWith('<?', at)
      ? ['<?', '?>']
      : text.startsWith('<!--', at)
        ? ['<!--', '-->']
        : doctype && text.startsWith('<!DOCTYPE', at)
          ? ['<!DOCTYPE', '>']
          : [];
    if (open === undefined || close === undefined) return at;
    const end = text.indexOf(close, at + open.length);
    if (end < 0) return at;
    at = end + close.length;
  }
}

/** The match of a sticky `pattern` exactly at `at`. */
function matchAt(text: string, at: number, pattern: RegExp): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** Whether a sticky `pattern` matches exactly at `at`. */
function startsWith(text: string, at: number, pattern: RegExp): boolean {
  return matchAt(text, at, pattern) !== null;
}

/** The answer for a document in a format storyfeed does not read: "unsupported: <format>". */
function unsupported(format: string, line: number): StoryfeedError {
  return new StoryfeedError('E_FEED', `unsupported: ${format} (storyfeed reads RSS 2.0, 0.92, 0.91 and 1.0, Atom 1.0 and JSON Feed 1.0/1.1)`, { line });
}

function htmlPage(text: string, line: number, url: string | undefined): StoryfeedError {
  const links = alternateFeedLinks(text, url);
  const hint = links.length ? ` (it links to ${links.length === 1 ? 'a feed' : 'feeds'}: ${links.slice(0, 3).join(', ')})` : '';
  return new StoryfeedError('E_FEED', `this is an HTML page, not a feed${hint}`, { line });
}

/** Throws when a format was asked for and another found; `name` says what was found (`RSS 0.91`), when the format's name alone would not. */
function expectFormat(wanted: FeedFormat | undefined, found: FeedFormat, name: () => string = () => FORMAT_NAMES[found]): void {
  if (wanted !== undefined && wanted !== found) {
    throw new StoryfeedError('E_FEED', `expected ${FORMAT_NAMES[wanted]}, found ${name()}`, { line: 1 });
  }
}

/** The RSS version an `<rss>` root names (`RSS 0.91`, `RSS 0.92`), or RSS 2.0, as {@link readRss} reads it. */
function rssVersionName(root: XmlElement): string {
  const version = attribute(root, 'version')?.trim();
  return version !== undefined && LEGACY_VERSIONS.has(version) ? `RSS ${version}` : FORMAT_NAMES.rss;
}
