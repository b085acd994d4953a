import path from 'node:path';
import type { Diagnostic } from '../errors.js';
import { buildSite } from '../node/build.js';
import { displayPath } from '../node/seed-files.js';
import type { FeedFormat } from '../types.js';
import { EXIT, type BuildFlags, type CliIo } from './main.js';
import { resolveConfig } from './site.js';

const FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS 2.0', atom: 'Atom 1.0', json: 'JSON Feed 1.1' };

/** `storyfeed build`: seeds → verified feeds on disk, with a short summary. */
export async function runBuild(flags: BuildFlags, io: CliIo, warn: (d: Diagnostic) => void): Promise<number> {
  const { config, dir } = await resolveConfig(flags, io.cwd);
  const seeds = flags.seeds ? path.resolve(io.cwd, flags.seeds) : path.resolve(dir, config.seeds ?? 'seeds');
  const out = flags.out ? path.resolve(io.cwd, flags.out) : path.resolve(dir, config.out ?? 'public');
  const warnings: Diagnostic[] = [];
  const result = await buildSite({
    config,
    seeds,
    out,
    cwd: io.cwd,
    write: !flags.dryRun,
    keepGoing: flags.keepGoing === true,
    ...(io.env.SOURCE_DATE_EPOCH !== undefined ? { sourceDateEpoch: io.env.SOURCE_DATE_EPOCH } : {}),
    onWarning: (d) => {
      warnings.push(d);
      warn(d);
    },
  });
  for (const skipped of result.skipped) io.err(`skipped: ${skipped.message}\n`);
  const items = result.document.items.length;
  const formats = Object.keys(result.outputs) as FeedFormat[];
  if (flags.json) {
    io.out(`${JSON.stringify({
      ok: true,
      seeds: displayPath(seeds, io.cwd),
      out: displayPath(out, io.cwd),
      stories: result.stories.length,
      items,
      skipped: result.skipped.map((e) => ({ code: e.code, file: e.file ?? null, line: e.line ?? null, message: e.detail })),
      warnings: warnings.map((w) => ({ code: w.code, file: w.file ?? null, line: w.line ?? null, message: w.message })),
      files: formats.map((f) => ({ format: f, file: result.files[f] ? displayPath(result.files[f], io.cwd) : null, bytes: Buffer.byteLength(result.outputs[f]) })),
      verification: { problems: result.report.problems.length },
    }, null, 2)}\n`);
    return EXIT.ok;
  }
  if (flags.quiet) return EXIT.ok;
  const lines = [
    `${flags.dryRun ? 'Built (dry run, nothing written)' : 'Built'} ${plural(items, 'item')} from ${plural(result.stories.length, 'story', 'stories')} in ${displayPath(seeds, io.cwd)}${flags.dryRun ? '' : ` → ${displayPath(out, io.cwd)}`}`,
  ];
  for (const f of formats) {
    const where = result.files[f] ? displayPath(result.files[f], io.cwd) : f;
    lines.push(`  ${where.padEnd(28)} ${FORMAT_NAMES[f].padEnd(14)} ${formatBytes(Buffer.byteLength(result.outputs[f])).padStart(9)}`);
  }
  lines.push(`Verified: parsed all 3 formats back and compared ${plural(items, 'item')} field by field: ${plural(result.report.problems.length, 'problem')}.`);
  if (warnings.length) lines.push(`${plural(warnings.length, 'warning')} (see above).`);
  io.out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
