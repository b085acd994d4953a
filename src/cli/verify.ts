import path from 'node:path';
import { PROBLEMS, StoryfeedError } from '../errors.js';
import { formatProblemLine } from '../verify/index.js';
import { verifySources, type SourceResult } from '../node/verify-sources.js';
import { EXIT, type CliIo, type VerifyFlags } from './main.js';

/** `storyfeed verify FEED...`: checks files and URLs; exit 1 on any error. */
export async function runVerify(feeds: string[], flags: VerifyFlags, io: CliIo): Promise<number> {
  const timeoutMs = positiveInteger(flags.timeout, '--timeout');
  const maxBytes = positiveInteger(flags.maxBytes, '--max-bytes');
  const resolved = feeds.map((f) => (/^https?:\/\//i.test(f) ? f : path.resolve(io.cwd, f)));
  const result = await verifySources(resolved, { timeoutMs, maxBytes });
  // Show sources as the user typed them.
  const asGiven = (text: string): string => resolved.reduce((t, r, i) => (r === feeds[i] ? t : t.replaceAll(r, feeds[i]!)), text);
  result.sources.forEach((s, i) => {
    s.source = feeds[i]!;
    for (const p of s.problems) p.message = asGiven(p.message);
  });
  for (const c of result.cross) c.sources = c.sources.map(asGiven);
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
  for (const source of result.sources) lines.push(...describeSource(source));
  for (const cross of result.cross) {
    if (cross.report.ok) lines.push(`✓ ${cross.sources.join(' = ')}: the same items in the same order`);
    else {
      lines.push(`✗ ${cross.sources.join(' vs ')}: ${cross.report.problems.length} difference(s)`);
      for (const p of cross.report.problems) lines.push(`    ${formatProblemLine(p)}`);
    }
  }
  const failed = result.sources.filter((s) => !s.ok).length;
  lines.push(result.ok ? `All ${feeds.length} feed(s) OK.` : `${failed} of ${feeds.length} feed(s) failed${result.cross.some((c) => !c.report.ok) ? ', and the formats disagree' : ''}.`);
  (result.ok ? io.out : io.err)(`${lines.join('\n')}\n`);
  return result.ok ? EXIT.ok : EXIT.failed;
}

function describeSource(s: SourceResult): string[] {
  const errors = s.problems.filter((p) => p.severity === 'error');
  const head = s.ok
    ? `✓ ${s.source}: ${s.format === 'json' ? 'JSON Feed' : s.format === 'atom' ? 'Atom' : 'RSS'} ${s.version ?? ''}, ${s.items ?? 0} item(s)${s.title ? `, "${s.title}"` : ''}`
    : `✗ ${s.source}: ${errors.length} error(s)`;
  const lines = [head.replace(/ ,/, ',')];
  for (const p of s.problems) {
    const where = p.line ? `:${p.line}` : '';
    lines.push(`    ${p.severity} ${s.source}${where}: ${p.message} [${p.code}]`);
    if (p.severity === 'error' && p.code in PROBLEMS) lines.push(`      fix: ${PROBLEMS[p.code].fix}`);
  }
  return lines;
}

function positiveInteger(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new StoryfeedError('E_USAGE', `${flag} must be a positive whole number, found "${value}"`);
  return n;
}
