/**
 * Item ids as storyfeed publishes them: an absolute URI every format can carry (Atom `<id>` must be
 * one), never a script or data URL, and `tag:` (RFC 4151) and `urn:` (RFC 8141, `urn:uuid:` per RFC
 * 4122) ids held to their syntax, as feed readers hold them. Written apart from the verifier's URI
 * checks (`src/verify/uri.ts`) on purpose: `verify` checks the ids this lets through, and a rule both
 * shared could never fail. `tests/story/item-id.test.ts` checks that every id accepted here passes
 * the verifier.
 */

import { describeValue } from '../errors.js';

/** The id to publish (`ok`), or what is wrong with it: `form` (not an absolute URI at all) or `rule` (a scheme's syntax). */
export type PublishedId = { kind: 'ok'; id: string } | { kind: 'form'; problem: string } | { kind: 'rule'; problem: string };

/** Schemes never published as ids: they run code or name local files. */
const REFUSED_SCHEMES = new Set(['javascript', 'data', 'vbscript', 'file']);

/** The ASCII characters a URI may hold as they are (RFC 3986: unreserved, reserved and `%`). */
const URI_ASCII = charSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%");
/** The characters of a `tag:` id's specific part and fragment (RFC 4151 `pchar`, `/` and `?`). */
const TAG_SPECIFIC = charSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789;/?:@&=+$.-_!~*'()%,");
/** The characters of a `urn:` id's namespace-specific string besides `%HH` (RFC 8141). */
const URN_NSS = charSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789()+,.:=@;$_!*'-");

/** Reads `raw` as an item id: `http(s)` ids come back as the URL parser writes them. */
export function publishedId(raw: string): PublishedId {
  const colon = raw.indexOf(':');
  const scheme = colon > 0 ? raw.slice(0, colon).toLowerCase() : '';
  let form = colon > 0 && isScheme(scheme) && !/\s/.test(raw) && !REFUSED_SCHEMES.has(scheme);
  let url: URL | undefined;
  if (form) {
    try {
      url = new URL(raw);
    } catch {
      form = false;
    }
  }
  if (!form || url === undefined) return { kind: 'form', problem: `${describeValue(raw)} must be an absolute URI such as https://…, tag:… or urn:…` };
  const id = scheme === 'http' || scheme === 'https' ? url.href : raw;
  const problem = ruleProblem(id, scheme);
  return problem === undefined ? { kind: 'ok', id } : { kind: 'rule', problem };
}

function ruleProblem(id: string, scheme: string): string | undefined {
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    // Non-ASCII characters are allowed as they are (IRIs, RFC 3987).
    if (c < 0x80 && !URI_ASCII.has(c)) return `the URI ${describeValue(id)} contains ${JSON.stringify(id[i])}, which must be percent-encoded`;
  }
  const bracket = bracketOutsideHost(id);
  if (bracket !== undefined) return `the URI ${describeValue(id)} contains ${JSON.stringify(bracket)}, which must be percent-encoded (brackets only enclose an IPv6 host)`;
  if ((scheme === 'http' || scheme === 'https' || scheme === 'ftp') && !(id.startsWith('//', scheme.length + 1) && id.length > scheme.length + 3 && id[scheme.length + 3] !== '/'))
    return `expected ${scheme}:// and a host, found ${describeValue(id)}`;
  if (scheme === 'tag' && !isTagId(id)) return `expected a tag: URI such as "tag:example.com,2024:post-1" (RFC 4151), found ${describeValue(id)}`;
  if (scheme === 'urn') {
    const rest = id.slice(4);
    if (rest.slice(0, 5).toLowerCase() === 'uuid:' && !isUuid(rest.slice(5))) return `expected urn:uuid: and a UUID (RFC 4122), found ${describeValue(id)}`;
    if (!isUrnBody(rest)) return `expected a URN such as "urn:isbn:0451450523" (RFC 8141), found ${describeValue(id)}`;
  }
  return undefined;
}

/** A host written as an IP literal (RFC 3986 §3.2.2: an IPv6 address, or `v`, a version and an address), after `scheme://` and a user name. */
const IP_LITERAL_HOST = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^@/?#[\]]*@)?\[(?:[0-9A-Fa-f:.]+|v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+)\]/;

/** The first `[` or `]` of `id` outside an IP literal host, where RFC 3986 allows them nowhere, or `undefined`. */
function bracketOutsideHost(id: string): string | undefined {
  if (!id.includes('[') && !id.includes(']')) return undefined;
  const host = IP_LITERAL_HOST.exec(id)?.[0].length ?? 0;
  const at = id.slice(host).search(/[[\]]/);
  return at < 0 ? undefined : id[host + at];
}

/** `tag:` authority `,` date `:` specific [`#` fragment], the authority a lowercase domain or e-mail address. */
function isTagId(id: string): boolean {
  if (!id.startsWith('tag:')) return false;
  const comma = id.indexOf(',', 4);
  if (comma === -1) return false;
  const authority = id.slice(4, comma);
  const at = authority.indexOf('@');
  const domain = at === -1 ? authority : authority.slice(at + 1);
  if (at !== -1 && (at === 0 || !everyChar(authority.slice(0, at), (c) => isLowerOrDigit(c) || c === 0x2d || c === 0x2e || c === 0x5f))) return false;
  if (domain === '' || !everyChar(domain, (c) => isLowerOrDigit(c) || c === 0x2d || c === 0x2e)) return false;
  // The date: YYYY, YYYY-MM or YYYY-MM-DD, then a colon.
  let i = comma + 1;
  if (!digits(id, i, 4)) return false;
  i += 4;
  for (let part = 0; part < 2 && id[i] === '-' && digits(id, i + 1, 2); part++) i += 3;
  if (id[i] !== ':') return false;
  const specific = id.slice(i + 1);
  const hash = specific.indexOf('#');
  const parts = hash === -1 ? [specific] : [specific.slice(0, hash), specific.slice(hash + 1)];
  return parts.every((part) => everyChar(part, (c) => TAG_SPECIFIC.has(c)));
}

/** A URN after `urn:`: a namespace id of 2 to 32 letters, digits and hyphens (not first), `:`, and a non-empty string. */
function isUrnBody(rest: string): boolean {
  const colon = rest.indexOf(':');
  if (colon < 2 || colon > 32) return false;
  const nid = rest.slice(0, colon);
  if (!isAlnum(nid.charCodeAt(0)) || !everyChar(nid, (c) => isAlnum(c) || c === 0x2d)) return false;
  const nss = rest.slice(colon + 1);
  if (nss === '') return false;
  for (let i = 0; i < nss.length; i++) {
    const c = nss.charCodeAt(i);
    if (URN_NSS.has(c)) continue;
    if (c === 0x25 && isHex(nss.charCodeAt(i + 1)) && isHex(nss.charCodeAt(i + 2))) {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

/** `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hexadecimal digits. */
function isUuid(text: string): boolean {
  if (text.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const dash = i === 8 || i === 13 || i === 18 || i === 23;
    if (dash ? text[i] !== '-' : !isHex(text.charCodeAt(i))) return false;
  }
  return true;
}

function isScheme(scheme: string): boolean {
  return isLetter(scheme.charCodeAt(0)) && everyChar(scheme, (c) => isAlnum(c) || c === 0x2b || c === 0x2d || c === 0x2e);
}

function digits(text: string, at: number, count: number): boolean {
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 0x30 && c <= 0x39)) return false;
  }
  return true;
}

function everyChar(text: string, ok: (c: number) => boolean): boolean {
  for (let i = 0; i < text.length; i++) if (!ok(text.charCodeAt(i))) return false;
  return true;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAlnum(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39);
}

function isLowerOrDigit(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function charSet(chars: string): Set<number> {
  return new Set(Array.from(chars, (ch) => ch.charCodeAt(0)));
}
