import path from 'node:path';
import { StoryfeedError, type Diagnostic } from '../errors.js';
import type { StoryfeedConfig } from '../config/site-config.js';
import { DEFAULT_OUTPUTS } from '../feed/document.js';
import { buildFeeds } from '../pipeline.js';
import type { FeedDocument, FeedFormat, FeedOutputs, Story } from '../types.js';
import { formatReport, verifyDocument, type VerifyReport } from '../verify/index.js';
import { loadStories } from './load-stories.js';
import { displayPath } from './seed-files.js';
import { writeFilesAtomic } from './write-files.js';

/** Options for {@link buildSite}. */
export interface BuildSiteOptions {
  /** The configuration (site, seeds folder, output folder). */
  config: StoryfeedConfig;
  /** Seeds folder; default `config.seeds`, else `seeds`. */
  seeds?: string;
  /** Output folder; default `config.out`, else `public`. */
  out?: string;
  /** Folder relative paths are resolved against (default: the working directory). */
  cwd?: string;
  /** Write the files (default `true`); `false` builds and verifies only. */
  write?: boolean;
  /** Publish the good seeds when some fail (default `false`: any bad seed fails the build). */
  keepGoing?: boolean;
  /** `SOURCE_DATE_EPOCH` (seconds): the date for undated stories and empty feeds. */
  sourceDateEpoch?: string;
  /** Receives warnings as they are found. */
  onWarning?: (d: Diagnostic) => void;
}

/** What a build produced. */
export interface BuildSiteResult {
  /** Every story read (drafts included). */
  stories: Story[];
  /** Seeds skipped with `keepGoing`. */
  skipped: StoryfeedError[];
  /** The feed document. */
  document: FeedDocument;
  /** The rendered feeds. */
  outputs: FeedOutputs;
  /** The round-trip verification of the outputs against the stories. */
  report: VerifyReport;
  /** Output folder (absolute). */
  outDir: string;
  /** Files written (absolute), by format; empty when `write` is false. */
  files: Partial<Record<FeedFormat, string>>;
}

/** Reads a `SOURCE_DATE_EPOCH` value (whole seconds since 1970) as a Date. */
export function sourceDateEpoch(value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value.trim())) throw new StoryfeedError('E_CONFIG', `SOURCE_DATE_EPOCH must be whole seconds since 1970, found "${value}"`);
  return new Date(Number(value.trim()) * 1000);
}

/**
 * Seeds folder in, verified feeds out: reads every seed, builds RSS, Atom and JSON Feed, parses
 * them back and compares them with the stories, and only then writes them (each file atomically).
 * Any bad seed or verification problem rejects with a {@link StoryfeedError} before anything is written.
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const cwd = options.cwd ?? process.cwd();
  const { config } = options;
  const seedsDir = path.resolve(cwd, options.seeds ?? config.seeds ?? 'seeds');
  const outDir = path.resolve(cwd, options.out ?? config.out ?? 'public');
  const epoch = sourceDateEpoch(options.sourceDateEpoch);
  const loaded = await loadStories(seedsDir, {
    site: config,
    cwd,
    ...(epoch ? { fallbackDate: epoch } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  });
  if (loaded.errors.length && !options.keepGoing) {
    const n = loaded.errors.length;
    throw new StoryfeedError('E_BAD_SEEDS', `${n} of ${loaded.files.length} seed${loaded.files.length === 1 ? '' : 's'} could not be read; nothing was written`, {
      problems: loaded.errors.map((e) => e.message),
    });
  }
  if (loaded.stories.filter((s) => !s.draft).length === 0) {
    throw new StoryfeedError('E_NO_STORIES', `no publishable stories in ${displayPath(seedsDir, cwd)}`);
  }
  const built = buildFeeds(loaded.stories, config, epoch ? { emptyFeedDate: epoch } : {});
  built.warnings.forEach((w) => options.onWarning?.(w));
  const report = await verifyDocument(built.outputs, built.document);
  if (!report.ok) {
    throw new StoryfeedError('E_VERIFY', `the feeds do not match the stories; nothing was written\n${formatReport(report)}`);
  }
  const files: Partial<Record<FeedFormat, string>> = {};
  if (options.write !== false) {
    const names = { ...DEFAULT_OUTPUTS, ...config.outputs };
    const written = await writeFilesAtomic(outDir, { [names.rss]: built.outputs.rss, [names.atom]: built.outputs.atom, [names.json]: built.outputs.json });
    files.rss = written[0]!;
    files.atom = written[1]!;
    files.json = written[2]!;
  }
  return { stories: loaded.stories, skipped: loaded.errors, document: built.document, outputs: built.outputs, report, outDir, files };
}
