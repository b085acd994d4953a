import path from 'node:path';
import { oneLine } from './terminal.js';
import { validateDeployConfig, type DeployConfig } from '../config/deploy-config.js';
import { StoryfeedError } from '../errors.js';
import { loadConfigFile } from '../node/config-file.js';
import { deploy, type DeployProgress, type DeploySummary } from '../node/deploy/index.js';
import { displayPath } from '../node/seed-files.js';
import { outputNames } from '../feed/document.js';
import { EXIT, type CliIo } from './main.js';

/** Flags of `deploy`: the settings of the `deploy` configuration key that a flag gives as is, plus those given as text. */
export interface DeployFlags extends Pick<DeployConfig, 'bucket' | 'prefix' | 'region' | 'endpoint' | 'pathStyle' | 'profile' | 'publicUrl' | 'gzip'> {
  cacheFeeds?: string;
  cacheArchive?: string;
  cacheOther?: string;
  concurrency?: string;
  timeout?: string;
  dryRun?: boolean;
  ping?: boolean;
  config?: string;
  json?: boolean;
  quiet?: boolean;
}

/** `storyfeed deploy [DIR]`: publishes the built output folder to an S3-compatible bucket. */
export async function runDeploy(dir: string | undefined, flags: DeployFlags, io: CliIo): Promise<number> {
  const loaded = await loadConfigFile(flags.config, io.cwd);
  const outDir = dir ? path.resolve(io.cwd, dir) : loaded ? path.resolve(loaded.dir, loaded.config.out ?? 'public') : path.resolve(io.cwd, 'public');
  const settings = { ...loaded?.config.deploy, ...flagSettings(flags) };
  if (!settings.bucket) throw new StoryfeedError('E_USAGE', 'deploy needs a bucket: pass --bucket NAME or set "deploy": { "bucket": … } in the configuration');
  const hub = flags.ping === false ? undefined : loaded?.config.hub;
  const publicUrl = settings.publicUrl ?? loaded?.config.feedBaseUrl ?? loaded?.config.siteUrl;
  const progress = io.isTTY && !flags.quiet && !flags.json && !io.env.CI ? progressLine(io) : undefined;

  let summary: DeploySummary;
  try {
    summary = await deploy({
      outDir,
      bucket: settings.bucket,
      ...optional({
        prefix: settings.prefix,
        region: settings.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION,
        endpoint: settings.endpoint,
        pathStyle: settings.pathStyle,
        profile: settings.profile,
      }),
      ...optional({ cacheControl: settings.cacheControl, gzip: settings.gzip, concurrency: settings.concurrency, attempts: settings.attempts, timeoutMs: settings.timeoutMs }),
      ...optional({ hub, publicUrl, dryRun: flags.dryRun }),
      feedNames: Object.values(outputNames(loaded?.config.outputs)),
      ...(progress ? { onProgress: progress.update } : {}),
    });
  } finally {
    progress?.clear();
  }
  if (flags.json) io.out(`${JSON.stringify(summary, null, 2)}\n`);
  else if (!flags.quiet) io.out(describeSummary(summary, displayPath(outDir, io.cwd)));
  return EXIT.ok;
}

/** Flags turned into deploy settings, validated like the configuration (problems name the flag). */
function flagSettings(flags: DeployFlags): DeployConfig {
  const raw: Record<string, unknown> = {};
  const number = (value: string | undefined): number | string | undefined => (value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : value);
  const set = (key: string, value: unknown): void => {
    if (value !== undefined) raw[key] = value;
  };
  set('bucket', flags.bucket);
  set('prefix', flags.prefix);
  set('region', flags.region);
  set('endpoint', flags.endpoint);
  set('pathStyle', flags.pathStyle);
  set('profile', flags.profile);
  set('publicUrl', flags.publicUrl);
  set('gzip', flags.gzip);
  set('concurrency', number(flags.concurrency));
  set('timeoutMs', number(flags.timeout));
  const cache: Record<string, string> = {};
  if (flags.cacheFeeds !== undefined) cache.feeds = flags.cacheFeeds;
  if (flags.cacheArchive !== undefined) cache.archive = flags.cacheArchive;
  if (flags.cacheOther !== undefined) cache.other = flags.cacheOther;
  const problems: string[] = [];
  const settings = validateDeployConfig(raw, (field, message, hint) => problems.push(`${flagName(field)}: ${message}${hint ? ` (${hint})` : ''}`));
  if (Object.keys(cache).length) {
    const checked = validateDeployConfig({ cacheControl: cache }, (field, message) => problems.push(`${flagName(field)}: ${message}`));
    if (checked.cacheControl) settings.cacheControl = checked.cacheControl;
  }
  if (problems.length) throw new StoryfeedError('E_USAGE', `${problems.length === 1 ? 'a deploy option is' : `${problems.length} deploy options are`} not valid`, { problems });
  return settings;
}

function flagName(field: string): string {
  const key = field.replace(/^deploy\./, '');
  const names: Record<string, string> = {
    timeoutMs: '--timeout',
    pathStyle: '--path-style',
    publicUrl: '--public-url',
    'cacheControl.feeds': '--cache-feeds',
    'cacheControl.archive': '--cache-archive',
    'cacheControl.other': '--cache-other',
  };
  return names[key] ?? `--${key}`;
}

/** Drops `undefined` values (the options are declared without `| undefined`). */
function optional<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}

function describeSummary(s: DeploySummary, shownDir: string): string {
  const target = `s3://${s.bucket}/${s.prefix}`;
  const lines = [s.dryRun ? `Dry run: deploying ${shownDir} to ${target} would` : `Deployed ${shownDir} to ${target}:`];
  const verb = (done: string, would: string): string => (s.dryRun ? would : done);
  lines.push(
    `  ${verb('uploaded', 'upload')} ${plural(s.uploaded.length, 'object')}, ${verb('kept', 'keep')} ${s.unchanged} unchanged, ${verb('deleted', 'delete')} ${s.deleted.length}; ${plural(s.foreign, 'object')} storyfeed did not upload left alone.`,
  );
  if (s.dryRun) {
    for (const u of s.uploaded) lines.push(`  + ${u.path}  (${u.contentType}; ${u.cacheControl}${u.contentEncoding ? `; ${u.contentEncoding}` : ''})`);
    for (const d of s.deleted) lines.push(`  - ${d}`);
  }
  if (s.pinged.length) lines.push(`Notified the WebSub hub of ${plural(s.pinged.length, 'feed')}.`);
  return `${lines.join('\n')}\n`;
}

/** A one-line `uploading 12/105 tags/nato/rss.xml` counter on a terminal, redrawn at most every 100 ms. */
function progressLine(io: CliIo): { update: (p: DeployProgress) => void; clear: () => void } {
  let shown = false;
  let last = 0;
  return {
    update(p) {
      const now = performance.now();
      if (now - last < 100 && p.done < p.total) return;
      last = now;
      shown = true;
      // The line's own control sequences go out raw; the object path, from the folder, is escaped.
      (io.control ?? io.err)('\r\x1b[K');
      io.err(`${p.action === 'upload' ? 'uploading' : 'deleting'} ${p.done}/${p.total} ${oneLine(p.path)}`);
    },
    clear() {
      if (shown) (io.control ?? io.err)('\r\x1b[K');
      shown = false;
    },
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
