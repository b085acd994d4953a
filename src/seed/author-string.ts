import type { Author } from '../types.js';

/** Reads "Jane Doe <jane@example.com>" or "jane@example.com (Jane Doe)" or a bare name. */
export function parseAuthorString(raw: string): Author {
  const s = raw.trim();
  const angle = /^(.+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(s);
  if (angle) return { name: angle[1]!.trim(), email: angle[2]! };
  const paren = /^([^\s()]+@[^\s()]+)\s*\((.+)\)$/.exec(s);
  if (paren) return { name: paren[2]!.trim(), email: paren[1]! };
  return { name: s };
}
