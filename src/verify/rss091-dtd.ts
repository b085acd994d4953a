/**
 * What the RSS 0.91 DTD (Netscape's, also served by the RSS Advisory Board) brings to a document
 * that names it: the HTML 4 Latin-1 character entities (`&nbsp;` … `&yuml;`, U+00A0 to U+00FF in
 * order), which RSS 0.91 feeds use unescaped. A non-validating parser never fetches a DTD, so
 * these are known by the DTD's public identifier or the addresses it is served at, as an XML
 * catalog would resolve them.
 */
import { readReference } from '../html/entities.js';

/** The public identifier of the RSS 0.91 DTD. */
export const RSS_091_PUBLIC_ID = '-//Netscape Communications//DTD RSS 0.91//EN';

/** Where Netscape served the RSS 0.91 DTD: gone since 2001; the RSS Advisory Board serves it now. */
export const RETIRED_RSS_091_DTD = 'http://my.netscape.com/publish/formats/rss-0.91.dtd';

/** Where the RSS Advisory Board serves the RSS 0.91 DTD. */
export const RSS_091_DTD = 'http://www.rssboard.org/rss-0.91.dtd';

/** The Latin-1 entity names of HTML 4 (and of the RSS 0.91 DTD), for U+00A0 onward, one code point each. */
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

/** The first code point {@link LATIN1_NAMES} name (no-break space). */
const FIRST_LATIN1 = 0xa0;

/** The entities the RSS 0.91 DTD declares, by name. */
export const RSS_091_ENTITIES: ReadonlyMap<string, string> = new Map(LATIN1_NAMES.split(' ').map((name, i) => [name, String.fromCharCode(FIRST_LATIN1 + i)]));

/** A document type declaration's external identifiers, as written. */
export interface ExternalIdentifiers {
  /** Its public identifier, when it has one. */
  publicId?: string;
  /** Its system identifier, when it has one. */
  systemId?: string;
}

/** Whether a system identifier is an address the RSS 0.91 DTD is (or was) served at. */
const isRss091Address = (systemId: string | undefined): boolean => systemId === RSS_091_DTD || systemId === RETIRED_RSS_091_DTD;

/** Whether a DOCTYPE names the RSS 0.91 DTD: by its public identifier, or by an address it is or was served at. */
export function namesRss091Dtd(doctype: ExternalIdentifiers): boolean {
  return doctype.publicId === RSS_091_PUBLIC_ID || isRss091Address(doctype.systemId);
}

/**
 * Whether a DOCTYPE names the RSS 0.91 DTD as the W3C validator recognises it (`ValidDoctype`): its
 * public identifier and an address it is or was served at. The validator then takes every entity
 * HTML names, not only the DTD's Latin-1 ones; with a system identifier alone it takes none.
 */
export function isRecognisedRss091Doctype(doctype: ExternalIdentifiers): boolean {
  return doctype.publicId === RSS_091_PUBLIC_ID && isRss091Address(doctype.systemId);
}

/**
 * Whether a DOCTYPE names the RSS 0.91 DTD at the address Netscape no longer serves it at, with
 * its public identifier: the validator's `DeprecatedDTD`, an error. The address alone is only
 * a system entity to it, and a warning here.
 */
export function isDeprecatedRss091Doctype(doctype: ExternalIdentifiers): boolean {
  return doctype.publicId === RSS_091_PUBLIC_ID && doctype.systemId === RETIRED_RSS_091_DTD;
}

/** The character HTML's entity `name` stands for (`rsquo` → U+2019), or `undefined` when HTML has no entity of that whole name. */
export function htmlEntityCharacter(name: string): string | undefined {
  const reference = `&${name};`;
  const read = readReference(reference, 0, 'text');
  return read && read.end === reference.length ? read.text : undefined;
}
