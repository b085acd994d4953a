import type { FeedFormat } from '../types.js';
import type { VerifyProblem, VerifyReport } from './types.js';
import { checkProblemArgument, checkReportArgument } from './arguments.js';

const WIDTH = 72;
const CONTEXT = 24;

/**
 * Formats a report for people: one line per problem
 * (`rss   item https://…/x  title: expected "…" got "…"`), long values cut around their first
 * difference, and a summary line.
 */
export function formatReport(report: VerifyReport): string {
  checkReportArgument(report);
  const lines = report.problems.map(formatProblemLine);
  lines.push(summary(report));
  return lines.join('\n');
}

/** One problem as one line. */
export function formatProblemLine(problem: VerifyProblem): string {
  checkProblemArgument(problem);
  const where = problem.itemId === null ? 'feed' : `item ${problem.itemId}`;
  const [expected, actual] = excerpts(problem.expected, problem.actual);
  return `${problem.format.padEnd(5)} ${where}  ${problem.field}: expected ${expected} got ${actual}`;
}

function summary(report: VerifyReport): string {
  const checked = Object.entries(report.formats) as [FeedFormat, NonNullable<VerifyReport['formats'][FeedFormat]>][];
  const cross = report.problems.filter((p) => p.format === 'cross').length;
  if (report.ok) {
    const items = [...new Set(checked.map(([, s]) => s.items))];
    const count =
      items.length === 1 ? `${items[0]} item${items[0] === 1 ? '' : 's'}${checked.length > 1 ? ' each' : ''}` : `${checked.map(([f, s]) => `${f} ${s.items}`).join(', ')} items`;
    return `OK: ${checked.map(([f]) => f).join(', ') || 'nothing'} checked, no problems (${count})`;
  }
  const n = report.problems.length;
  const per = checked.map(([f, s]) => (s.problems ? `${f} ${s.problems}` : `${f} OK`));
  if (cross && !checked.some(([, s]) => s.problems)) per.push(`cross ${cross}`);
  return `${n} problem${n === 1 ? '' : 's'}: ${per.join(', ')}`;
}

/** Both values quoted; when long, cut to a window around the first character where they differ. */
function excerpts(expected: string, actual: string): [string, string] {
  if (expected.length <= WIDTH && actual.length <= WIDTH) return [quote(expected), quote(actual)];
  let d = 0;
  while (d < expected.length && d < actual.length && expected[d] === actual[d]) d++;
  const start = Math.max(0, d - CONTEXT);
  return [cut(expected, start), cut(actual, start)];
}

function cut(value: string, from: number): string {
  // Never split a surrogate pair: half of an emoji would print as an escape.
  const start = isLowSurrogate(value.charCodeAt(from)) ? from + 1 : from;
  const end = isLowSurrogate(value.charCodeAt(start + WIDTH)) ? start + WIDTH + 1 : start + WIDTH;
  const body = value.slice(start, end);
  return `${start > 0 ? '…' : ''}${quote(body)}${end < value.length ? `… (${value.length} chars)` : ''}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function quote(value: string): string {
  // JSON quoting makes line breaks and control characters visible.
  return value === '(none)' ? value : JSON.stringify(value);
}
