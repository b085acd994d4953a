/**
 * Wire-service conventions: the agency named in a dateline ("KYIV, Nov 3 (Reuters) -", "(AP) —") and the
 * credit line at the end of a story ("(Reporting by A; Editing by B)"). The agency is the story's source;
 * the credits name the desk that wrote it, not people the story is about, so the analysis reads neither
 * as body text.
 */

/**
 * A dateline's agency: optional place and date in capitals or words, then "(Agency)" (or a short
 * lowercase one: "(dpa)") and a dash (Spanish writes "(EFE).-"). Every run is bounded, white space
 * too (a few characters between the parts, as datelines have): runs of white space side by side,
 * unbounded, split a long run in every way before failing (60 KB took 3 s).
 */
const AGENCY_DATELINE =
  /^(?:[\p{Lu}][\p{L}\p{M}.'’ -]{0,40}(?:,\s{0,8}[\p{L}\p{M}\d.'’ -]{1,30}){0,2}\s{0,8})?\(([\p{Lu}][\p{L}\p{M}&.' -]{0,38}[\p{L}.]|\p{Ll}{2,5})\)\s{0,8}(?:\.?\s{0,8}[-—–]{1,2}|:)\s*/u;

/** Words that open a credit line ("Reporting by …", "Editing by …", "Additional reporting by …", "Compiled by …"). */
const CREDIT_LEAD = /^(?:additional\s+)?(?:reporting|writing|editing|compiled|written|produced|graphics|photos?|translation|translated|research)\b[^()]{0,30}?\bby\b/i;

/** The longest credit line read. */
const MAX_CREDIT_CHARS = 400;

/** The parenthesis that ends a paragraph ("… said. (Reporting by …)"), found without a regular expression so that long text stays linear. */
const trailingParenthesis = (text: string): { start: number; inner: string } | null => {
  const end = text.trimEnd();
  if (!end.endsWith(')')) return null;
  const open = end.lastIndexOf('(');
  if (open < 0 || end.length - open > MAX_CREDIT_CHARS + 2) return null;
  const inner = end.slice(open + 1, -1);
  return inner.length >= 4 && !inner.includes(')') ? { start: open, inner } : null;
};

/** What {@link splitWire} separates from a story's paragraphs. */
export interface WireParts {
  /** The paragraphs without credit lines (a dateline stays: it names the place the story was filed from). */
  paragraphs: string[];
  /** The agency named in the dateline of the first paragraph, if any. */
  agency: string | null;
  /** Credit lines, without their parentheses ("Reporting by A; Editing by B"). */
  credits: string[];
}

/** Whether a text (without parentheses) is a credit line: every ";"-separated part says who did what "by" whom. */
export function isCreditLine(text: string): boolean {
  // Every part needs its "by": a text without one is no credit line (most paragraphs, told without splitting them).
  if (!/by/i.test(text)) return false;
  const parts = text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every((p) => CREDIT_LEAD.test(p));
}

/** The agency of a wire dateline at the start of a lede, with where the story text starts after it. */
export function wireDateline(lede: string): { agency: string; rest: number } | null {
  // The agency's "(" is the first one in the lede (the place and date before it have none); most ledes have none.
  if (!lede.includes('(')) return null;
  const m = AGENCY_DATELINE.exec(lede);
  if (!m?.[1]) return null;
  // Only a real sentence follows a dateline: a capital letter, a digit or an opening quotation mark.
  const after = lede.slice(m[0].length);
  if (!/^[\p{Lu}\p{N}"“„«‘']/u.test(after)) return null;
  return { agency: m[1].trim(), rest: m[0].length };
}

/** The lede without a wire dateline's "(Agency) -" prefix (the whole dateline, when it has one). */
export function withoutWireDateline(lede: string): string {
  const d = wireDateline(lede);
  return d ? lede.slice(d.rest) : lede;
}

/** Separates the wire dateline's agency and the credit lines from a story's paragraphs. */
export function splitWire(paragraphs: readonly string[]): WireParts {
  const out: string[] = [];
  const credits: string[] = [];
  let agency: string | null = null;
  for (const raw of paragraphs) {
    let text = typeof raw === 'string' ? raw : '';
    if (out.length === 0 && agency === null && text.trim() !== '') {
      const d = wireDateline(text);
      if (d) agency = d.agency;
    }
    const trimmed = text.trim();
    // A whole paragraph of credits, with or without parentheses.
    const bare = trimmed.startsWith('(') && trimmed.endsWith(')') ? trimmed.slice(1, -1) : trimmed;
    if (bare.length <= MAX_CREDIT_CHARS && isCreditLine(bare)) {
      credits.push(bare.trim());
      continue;
    }
    const credit = trailingParenthesis(text);
    if (credit && isCreditLine(credit.inner)) {
      credits.push(credit.inner.trim());
      text = text.slice(0, credit.start).trimEnd();
    }
    out.push(text);
  }
  return { paragraphs: out, agency, credits };
}
