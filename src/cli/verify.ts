import path from 'node:path';
import { PROBLEMS, StoryfeedError } from '../errors.js';
import { formatProblemLine } from '../verify/index.js';
import { STDIN_SOURCE, verifySources, type SourceResult } from '../node/verify-sources.js';
import { EXIT, type CliIo, type VerifyFlags } from './main.js';
import { oneLine } from './terminal.js';

/** Longest `--timeout`: one hour (Node timers cannot wait past 2^31 - 1 ms and would fire at once). */
export const MAX_TIMEOUT_MS = 3_600_000;
/** Largest `--max-bytes`: 1 GiB, far beyond any feed, well inside what one buffer can hold. */
export const MAX_MAX_BYTES = 1024 * 1024 * 1024;

/** `storyfeed verify FEED...`: checks files and URLs; exit 1 on any error. */
export async function runVerify(feeds: string[], flags: VerifyFlags, io: CliIo): Promise<number> {
  const timeoutMs = wholeNumber(flags.timeout, '--timeout', MAX_TIMEOUT_MS, 'milliseconds (one hour)');
  const maxBytes = wholeNumber(flags.maxBytes, '--max-bytes', MAX_MAX_BYTES, 'bytes (1 GiB)');
  // `-` is standard input, when there is one to read.
  const stdin = io.stdin?.();
  // An address (http://, file://, ftp://) is passed on as it is: resolved as a path it became a file name in the working directory.
  const resolved = feeds.map((f) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(f) || (f === STDIN_SOURCE && stdin) ? f : path.resolve(io.cwd, f)));
  const result = await verifySources(resolved, { timeoutMs, maxBytes, ...(stdin ? { stdin } : {}) });
  // Show sources as the user typed them. A source's messages name that source alone: replacing every
  // source's path in every message cost the number of sources times the number of problems.
  result.sources.forEach((s, i) => {
    const given = feeds[i]!;
    const path = resolved[i]!;
    s.source = given;
    if (path !== given) for (const p of s.problems) p.message = p.message.replaceAll(path, given);
  });
  const givenFor = new Map(resolved.map((r, i) => [r, feeds[i]!]));
  for (const c of result.cross) c.sources = c.sources.map((s) => givenFor.get(s) ?? s);
  if (flags.json) {
    const json = {
      ok: result.ok,
      sources: result.sources.map(({ feed: _feed, ...rest }) => rest),
      cross: result.cross.map((c) => ({ sources: c.sources, problems: c.report.problems })),
    };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
    return result.ok ? EXIT.ok : EXIT.failed;
  }
  const lines: string[] = [];
  // A loop, not push(...lines): a feed with 100,000 problems must not overflow the argument stack.
  for (const source of result.sources) for (const line of describeSource(source)) lines.push(line);
  for (const cross of result.cross) {
    const names = cross.sources.map(oneLine);
    if (cross.report.ok) lines.push(`✓ ${names.join(' = ')}: the same items in the same order`);
    else {
      lines.push(`✗ ${names.join(' vs ')}: ${cross.report.problems.length} difference(s)`);
      for (const p of cross.report.problems) lines.push(`    ${oneLine(formatProblemLine(p))}`);
    }
  }
  const failed = result.sources.filter((s) => !s.ok).length;
  lines.push(
    result.ok ? `All ${feeds.length} feed(s) OK.` : `${failed} of ${feeds.length} feed(s) failed${result.cross.some((c) => !c.report.ok) ? ', and the formats disagree' : ''}.`,
  );
  (result.ok ? io.out : io.err)(`${lines.join('\n')}\n`);
  return result.ok ? EXIT.ok : EXIT.failed;
}

/** Lines for one source; its name, title and problem messages come from outside, so each is shown on one line. */
function describeSource(s: SourceResult): string[] {
  const errors = s.problems.filter((p) => p.severity === 'error');
  const source = oneLine(s.source);
  const head = s.ok
    ? `✓ ${source}: ${s.format === 'json' ? 'JSON Feed' : s.format === 'atom' ? 'Atom' : 'RSS'} ${s.version ?? ''}${s.compression ? ` (${s.compression}-compressed)` : ''}, ${s.items ?? 0} item(s)${s.title ? `, "${oneLine(s.title)}"` : ''}`
    : `✗ ${source}: ${errors.length} error(s)`;
  const lines = [head.replace(/ ,/, ',')];
  for (const p of s.problems) {
    const where = p.line ? `:${p.line}` : '';
    lines.push(`    ${p.severity} ${source}${where}: ${oneLine(p.message)} [${p.code}]`);
    if (p.severity === 'error' && p.code in PROBLEMS) lines.push(`      fix: ${PROBLEMS[p.code].fix}`);
  }
  return lines;
}

/** A whole number from 1 to `max`, else a usage error naming the flag and the range. */
function wholeNumber(value: string, flag: string, max: number, unit: string): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n <= 0 || n > max) {
    throw new StoryfeedError('E_USAGE', `${flag} must be a whole number from 1 to ${max} ${unit}, found "${oneLine(value)}"`);
  }
  return n;
}
