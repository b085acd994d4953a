/**
 * Helpers of the deploy tests: a site folder built from the repository's seeds and fixtures, the
 * CLI run as a child process (as users run it, with credentials only in the environment), and an
 * S3 client of the test's own for reading the store back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { cli } from '../support/cli.js';
import { STORE_CREDENTIALS } from './store.js';

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
/** Commit time of every build, so only edited seeds change their feeds. */
export const EPOCH = '1730000000';

/** A site folder: seeds, a configuration and its build output. */
export interface TestSite {
  /** The folder. */
  dir: string;
  /** The built output folder. */
  out: string;
}

/**
 * Creates a site from `seeds/` and the article fixtures, with archive pages (three items per
 * page), tag and author feeds, and a `deploy` section pointing at the store.
 */
export function createSite(deploy: Record<string, unknown>, extra: Record<string, unknown> = {}): TestSite {
  const dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-deploy-'));
  mkdirSync(path.join(dir, 'seeds'));
  cpSync(path.join(ROOT, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  for (const name of readdirSync(path.join(ROOT, 'tests/fixtures/articles'))) cpSync(path.join(ROOT, 'tests/fixtures/articles', name), path.join(dir, 'seeds', name));
  const config = JSON.parse(readFileSync(path.join(ROOT, 'storyfeed.config.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(path.join(dir, 'storyfeed.config.json'), JSON.stringify({ ...config, archive: true, itemLimit: 3, tagFeeds: true, authorFeeds: true, deploy, ...extra }, null, 2));
  return { dir, out: path.join(dir, 'public') };
}

/** Builds the site (in-process CLI) and fails the test on a build error. */
export async function buildSite(site: TestSite): Promise<void> {
  const run = await cli(['build', '-q'], { cwd: site.dir, env: { SOURCE_DATE_EPOCH: EPOCH } });
  if (run.code !== 0) throw new Error(`build failed (${run.code}):\n${run.stderr}`);
}

/** SHA-256 of every published file (no dot-files), by path relative to the output folder. */
export function snapshot(out: string): Map<string, string> {
  const root = realpathSync(out);
  const files = new Map<string, string>();
  const pending = [''];
  for (let rel = pending.pop(); rel !== undefined; rel = pending.pop()) {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) pending.push(child);
      else
        files.set(
          child,
          createHash('sha256')
            .update(readFileSync(path.join(root, child)))
            .digest('hex'),
        );
    }
  }
  return files;
}

/** Paths whose bytes differ (or that exist only in `after`). */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after]
    .filter(([p, sha]) => before.get(p) !== sha)
    .map(([p]) => p)
    .sort();
}

/** The environment the CLI gets: the store's credentials and nothing from the machine's AWS setup. */
export function deployEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: tmpdir(),
    AWS_ACCESS_KEY_ID: STORE_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: STORE_CREDENTIALS.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: path.join(tmpdir(), 'storyfeed-no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(tmpdir(), 'storyfeed-no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...overrides,
  };
}

/** What a CLI run printed and returned; `summary` is the parsed `--json` output when there is one. */
export interface DeployRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  summary: DeploySummaryJson | undefined;
}

/** The `--json` summary as the tests read it. */
export interface DeploySummaryJson {
  uploaded: { path: string; stage: string; contentType: string; cacheControl: string; contentEncoding?: string }[];
  unchanged: number;
  deleted: string[];
  foreign: number;
  pinged: string[];
  dryRun: boolean;
}

/** Starts `storyfeed deploy --json ARGS` from the built `dist/` in the site folder. */
export function spawnDeploy(site: TestSite, args: string[], env: NodeJS.ProcessEnv = deployEnv()): { child: ChildProcess; done: Promise<DeployRun> } {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'deploy', '--json', ...args], { cwd: site.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<DeployRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      let summary: DeploySummaryJson | undefined;
      try {
        summary = stdout.trim() ? (JSON.parse(stdout) as DeploySummaryJson) : undefined;
      } catch {
        summary = undefined;
      }
      resolve({ code, signal, stdout, stderr, summary });
    });
  });
  return { child, done };
}

/** Runs `storyfeed deploy --json ARGS` to the end. */
export function runDeploy(site: TestSite, args: string[], env?: NodeJS.ProcessEnv): Promise<DeployRun> {
  return spawnDeploy(site, args, env).done;
}

/** The test's own S3 client on the store. */
export function storeClient(endpoint: string): S3Client {
  return new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { ...STORE_CREDENTIALS }, requestChecksumCalculation: 'WHEN_REQUIRED' });
}

/** Creates a bucket. */
export async function createBucket(client: S3Client, bucket: string): Promise<void> {
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
}

/** Stores an object as a user would (no storyfeed metadata). */
export async function putUserObject(client: S3Client, bucket: string, key: string, body: string): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'text/plain' }));
}

/** Every key in the bucket under `prefix`, relative to it. */
export async function listKeys(client: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const o of page.Contents ?? []) keys.push(o.Key!.slice(prefix.length));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys.sort();
}

/** HEAD of one object. */
export async function headObject(client: S3Client, bucket: string, key: string) {
  return client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
}

/** `true` when the object exists. */
export async function exists(client: S3Client, bucket: string, key: string): Promise<boolean> {
  try {
    await headObject(client, bucket, key);
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

/** The stored bytes of one object. */
export async function getBytes(client: S3Client, bucket: string, key: string): Promise<Uint8Array> {
  const o = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return o.Body!.transformToByteArray();
}

/** Rank of each upload stage, to check that a sequence of uploads never goes back a stage. */
export const STAGE_RANK: Record<string, number> = { archive: 0, sections: 1, main: 2, site: 3 };

/** The independent expectation of a path's stage: where it sits in the output folder. */
export function expectedStage(p: string): string {
  if (p.startsWith('archive/')) return 'archive';
  if (p.startsWith('tags/') || p.startsWith('authors/')) return 'sections';
  if (['rss.xml', 'atom.xml', 'feed.json'].includes(p)) return 'main';
  if (['index.html', 'feed.xsl'].includes(p)) return 'site';
  return 'archive';
}
