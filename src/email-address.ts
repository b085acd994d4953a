/**
 * Email addresses as feeds carry them. The rule is the strictest of the formats' validators (the W3C
 * Feed Validation Service's for Atom, whose domain needs a dot as iTunes's owner email does): letters,
 * digits and `_ - + . '` before the `@`, dotted names (or an IPv4 address) after it. An address outside
 * it (`a&b@x.example`, `"a b"@x.example`, `ann@localhost`, a non-ASCII local part) may be valid mail but
 * makes an invalid feed, so it is refused where it is read, with this rule in the message.
 */

const FEED_EMAIL = /^[A-Z0-9_\-+.']+@(?:\d{1,3}\.\d{1,3}\.\d{1,3}\.|(?:[A-Z0-9-]+\.)+)[A-Z0-9][-A-Z0-9]*$/i;
/** A host the URL parser made of digits: an IPv4 address, never what a domain in another script means (`１２３` → `0.0.0.123`). */
const NUMERIC_HOST = /^[\d.]+$/;
/** Characters that end or change a URL's host: a domain holding one is no domain. */
const NOT_IN_DOMAIN = /[\s/?#:@[\]\\%<>()]/;
/** Printable ASCII: a domain of only these needs no conversion. */
const ASCII = /^[\x21-\x7e]*$/;

/** What an address feeds accept looks like, for problems that refuse one. */
export const EMAIL_ADDRESS_RULE = "letters, digits and _ - + . ' before the @, a domain with a dot after it";

/** The words of every problem that refuses an address, with the rule. */
export const NOT_A_FEED_EMAIL = `is not an email address feeds accept (${EMAIL_ADDRESS_RULE})`;

/**
 * `text` as an address every feed format accepts, its domain in ASCII (`joerg@müller.de` →
 * `joerg@xn--mller-kva.de`, as mail itself sends it); `undefined` when it is not one.
 */
export function feedEmailAddress(text: string): string | undefined {
  const at = text.lastIndexOf('@');
  if (at <= 0) return undefined;
  const domain = text.slice(at + 1);
  let address = text;
  if (!ASCII.test(domain)) {
    if (NOT_IN_DOMAIN.test(domain)) return undefined;
    let host: string;
    try {
      host = new URL(`http://${domain}/`).hostname;
    } catch {
      return undefined;
    }
    if (NUMERIC_HOST.test(host)) return undefined;
    address = `${text.slice(0, at)}@${host}`;
  }
  return FEED_EMAIL.test(address) ? address : undefined;
}

/** `author` with its email as feeds carry it (see {@link feedEmailAddress}; one already checked, or left as it is). */
export function withFeedEmail<T extends { email?: string | undefined }>(author: T): T {
  return author.email === undefined ? { ...author } : { ...author, email: feedEmailAddress(author.email) ?? author.email };
}

/** Whether `text` is an address feeds accept (see {@link feedEmailAddress}), the one check every author and owner email passes. */
export function isEmailAddress(text: string): boolean {
  return feedEmailAddress(text) !== undefined;
}
