import type { Author } from '../types.js';

/** Characters a regular expression's `.` does not match: a name in one of the two forms holds none. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** The leading run of what an email address before `(Name)` may hold. */
const EMAIL_RUN = /[^\s()]+/y;

/**
 * Reads "Jane Doe <jane@example.com>" or "jane@example.com (Jane Doe)" or a bare name. Read by
 * position in one pass: the patterns that did it backtracked over runs of `@` or of spaces (60 KB of
 * them took seconds).
 */
export function parseAuthorString(raw: string): Author {
  const s = raw.trim();
  return nameThenEmail(s) ?? emailThenName(s) ?? { name: s };
}

/** `Name <email>`: the address in the last angle brackets, ending the text, after a name on one line. */
function nameThenEmail(s: string): Author | undefined {
  if (!s.endsWith('>')) return undefined;
  const open = s.lastIndexOf('<');
  if (open <= 0) return undefined;
  const email = s.slice(open + 1, -1);
  const name = s.slice(0, open).trimEnd();
  if (name === '' || LINE_BREAK.test(name) || /[<>\s]/.test(email) || !hasInnerAt(email)) return undefined;
  return { name: name.trim(), email };
}

/** `email (Name)`: the address (no white space or parentheses), then the name in parentheses on one line. */
function emailThenName(s: string): Author | undefined {
  EMAIL_RUN.lastIndex = 0;
  const email = EMAIL_RUN.exec(s)?.[0];
  if (email === undefined || !hasInnerAt(email)) return undefined;
  const rest = s.slice(email.length).trimStart();
  const name = rest.slice(1, -1);
  if (!rest.startsWith('(') || !rest.endsWith(')') || name === '' || LINE_BREAK.test(name)) return undefined;
  return { name: name.trim(), email };
}

/** Whether an `@` stands with something before and after it. */
function hasInnerAt(text: string): boolean {
  const at = text.indexOf('@', 1);
  return at > 0 && at < text.length - 1;
}
