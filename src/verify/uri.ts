/**
 * URI and IRI checks as feed readers need them: RFC 3986 characters (non-ASCII allowed, as IRIs,
 * RFC 3987), `http`/`ftp` URLs with a host, and the structure of `tag:` (RFC 4151) and `urn:`
 * (RFC 8141, with `urn:uuid:` per RFC 4122) identifiers, which feeds use as ids.
 */
import { isIso639Code } from './language-codes.js';

/** What is wrong with a URI, or `undefined` when nothing is. */
export type UriProblem = { severity: 'error' | 'warning'; message: string } | undefined;

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
/** An ASCII character that is not RFC 3986 unreserved, reserved or `%` (IRIs allow every non-ASCII character). */
const NOT_URI_CHAR = /[^A-Za-z0-9;/?:@&=+$.\-_!~*'()%,#[\]\u0080-\uFFFF]/;
/**
 * The one place RFC 3986 (§3.2.2) lets `[` and `]` stand: around an IP literal, the host after `//`
 * (and a user name): an IPv6 address, or `v`, a version and an address of a future kind.
 */
const IP_LITERAL_HOST = /^(?:[A-Za-z][A-Za-z0-9+.-]*:)?\/\/(?:[^@/?#[\]]*@)?\[(?:[0-9A-Fa-f:.]+|v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+)\]/;
const TAG = /^tag:(?:[a-z0-9\-._]+?@)?[a-z0-9.-]+?,\d{4}(?:-\d{2}(?:-\d{2})?)?:[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*(?:#[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*)?$/;
const URN = /^urn:[a-zA-Z0-9][a-zA-Z0-9-]{1,31}:(?:[a-zA-Z0-9()+,.:=@;$_!*'-]|%[0-9A-Fa-f]{2})+$/i;
const UUID = /^urn:uuid:[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/i;

/**
 * Checks a URI or IRI. `absolute`: a relative reference is an error (ids, RSS links); otherwise it
 * is allowed (Atom `href`, resolved against `xml:base`).
 */
export function checkUri(value: string, absolute: boolean): UriProblem {
  const uri = value.trim();
  // An empty relative reference is the document itself (RFC 3986 §4.4).
  if (uri === '') return absolute ? { severity: 'error', message: 'expected a URI, found an empty value' } : undefined;
  const ch = NOT_URI_CHAR.exec(uri)?.[0];
  if (ch !== undefined) return { severity: 'error', message: `the URI ${JSON.stringify(uri)} contains ${JSON.stringify(ch)}, which must be percent-encoded` };
  const bracket = misplacedBracket(uri);
  if (bracket !== undefined) {
    return { severity: 'error', message: `the URI ${JSON.stringify(uri)} contains ${JSON.stringify(bracket)}, which must be percent-encoded (brackets only enclose an IPv6 host)` };
  }
  // The scheme ends at the first colon (its characters include none): no match array to make.
  const scheme = SCHEME.test(uri) ? uri.slice(0, uri.indexOf(':')).toLowerCase() : undefined;
  if (scheme === undefined) {
    return absolute ? { severity: 'error', message: `expected an absolute URI, found the relative reference ${JSON.stringify(uri)}` } : undefined;
  }
  if (scheme === 'tag' && !TAG.test(uri))
    return { severity: 'error', message: `expected a tag: URI such as "tag:example.com,2024:post-1" (RFC 4151), found ${JSON.stringify(uri)}` };
  if (scheme === 'urn') {
    if (/^urn:uuid:/i.test(uri) && !UUID.test(uri)) return { severity: 'error', message: `expected urn:uuid: and a UUID (RFC 4122), found ${JSON.stringify(uri)}` };
    if (!URN.test(uri)) return { severity: 'error', message: `expected a URN such as "urn:isbn:0451450523" (RFC 8141), found ${JSON.stringify(uri)}` };
  }
  if ((scheme === 'http' || scheme === 'https' || scheme === 'ftp') && !/^[A-Za-z]+:\/\/[^/]/.test(uri)) {
    return { severity: 'error', message: `expected ${scheme}:// and a host, found ${JSON.stringify(uri)}` };
  }
  return undefined;
}

/**
 * A URI reference resolved against `base` (RFC 3986 §5), as RDF/XML resolves `rdf:about` and
 * `rdf:resource` against `xml:base` or the document's address: an absolute reference as written; a
 * relative or empty one against the base, `undefined` when no base is known or it does not resolve.
 * `reference` is taken as given: trim it first. A resolved reference has its scheme and host in lower case (as `URL`
 * gives it) where an absolute one keeps its case: compare them by {@link comparableReference}.
 */
export function resolveReference(reference: string, base: string | undefined): string | undefined {
  if (SCHEME.test(reference)) return reference;
  if (base === undefined) return undefined;
  try {
    return new URL(reference, base).href;
  } catch {
    return undefined;
  }
}

/** A scheme and, after `//`, an authority (RFC 3986 §3): the parts whose case {@link comparableReference} changes. */
const SCHEME_AND_AUTHORITY = /^([A-Za-z][A-Za-z0-9+.-]*):(?:\/\/([^/?#]*))?/;
/** A percent-encoded octet. */
const PERCENT_ENCODED = /%([0-9A-Fa-f]{2})/g;
/** RFC 3986 §2.3's unreserved characters, which percent-encoding does not change. */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/**
 * A URI reference in the form RFC 3986 §6.2.2 compares: its scheme and host in lower case (they are case-insensitive;
 * a user name is not), each percent-encoding in upper case, and one of an unreserved character decoded. Two references
 * naming one resource, one written as is and one resolved by {@link resolveReference} (which lower-cases the host),
 * compare equal in this form; the reference itself is kept as written or resolved.
 */
export function comparableReference(reference: string): string {
  let out = reference;
  const head = SCHEME_AND_AUTHORITY.exec(reference);
  if (head) {
    const authority = head[2];
    let start = `${head[1]!.toLowerCase()}:`;
    if (authority !== undefined) {
      const host = authority.lastIndexOf('@') + 1;
      start += `//${authority.slice(0, host)}${authority.slice(host).toLowerCase()}`;
    }
    out = start + reference.slice(head[0].length);
  }
  if (!out.includes('%')) return out;
  return out.replace(PERCENT_ENCODED, (_, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

/** The first `[` or `]` of `uri` outside an IP literal host, or `undefined`. */
function misplacedBracket(uri: string): string | undefined {
  if (!uri.includes('[') && !uri.includes(']')) return undefined;
  const host = IP_LITERAL_HOST.exec(uri);
  const rest = host ? uri.slice(host[0].length) : uri;
  const at = rest.search(/[[\]]/);
  return at < 0 ? undefined : rest[at];
}

/** `true` for a MIME type such as `text/html` or `audio/mpeg; charset=x` (RFC 2045 tokens). */
export function isMimeType(value: string): boolean {
  return /^[A-Za-z0-9!#$&.+\-^_]+\/[A-Za-z0-9!#$&.+\-^_]+(?:\s*;\s*[A-Za-z0-9!#$&.+\-^_]+=(?:[A-Za-z0-9!#$&.+\-^_]+|"[^"]*"))*$/.test(value.trim());
}

/** BCP 47 (and RFC 3066), loosely: a two- or three-letter primary language, or `i`/`x` for registered and private tags, then subtags. */
const LANGUAGE_TAG = /^(?:[A-Za-z]{2,3}|[iIxX])(?:-[A-Za-z0-9]{1,8})*$/;

/** The primary language subtag of a tag that has the syntax of one. */
function primaryLanguage(tag: string): string {
  const dash = tag.indexOf('-');
  return dash < 0 ? tag : tag.slice(0, dash);
}

/**
 * `true` for a language tag such as `en`, `pt-BR` or `x-klingon` whose two-letter language, if it
 * has one, is an ISO 639-1 code (`zz` is none). A three-letter language is checked by
 * {@link unlistedLanguage}.
 */
export function isLanguageTag(value: string): boolean {
  const tag = value.trim();
  if (!LANGUAGE_TAG.test(tag)) return false;
  const primary = primaryLanguage(tag);
  return primary.length !== 2 || isIso639Code(primary);
}

/**
 * For a language tag whose three-letter language ISO 639-2 does not list (`yue`, `zzz`): a warning
 * saying so. BCP 47 takes ISO 639-3 codes too, which this list does not hold, but the W3C validator
 * and older readers know only ISO 639-1 and 639-2. `undefined` for any other value.
 */
export function unlistedLanguage(value: string): string | undefined {
  const tag = value.trim();
  if (!LANGUAGE_TAG.test(tag)) return undefined;
  const primary = primaryLanguage(tag);
  if (primary.length !== 3 || isIso639Code(primary)) return undefined;
  return `"${primary}"${primary === tag ? '' : ` (in ${JSON.stringify(tag)})`} is not an ISO 639-1 or 639-2 language code: BCP 47 allows it, but the W3C validator and older readers know only those`;
}
