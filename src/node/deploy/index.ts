/**
 * `deploy()`: publishes a built output folder to an S3-compatible bucket. It only sequences the
 * decisions made elsewhere: which files ({@link deployableFiles}), which headers and order
 * (`objects.ts`), what changed and what is ours (`plan.ts`), and how to talk to the store
 * (`s3-client.ts`).
 */
import { gzipSync } from 'node:zlib';
import type { DeployCacheControl } from '../../config/deploy-config.js';
import { StoryfeedError } from '../../errors.js';
import { pingHub } from '../websub.js';
import { deployableFiles, hashLocalFile, readLocalBytes, sha256Hex, type LocalObject } from './files.js';
import type { ObjectStore } from './object-store.js';
import { isFeedPath, newestArchiveFolder, objectFingerprint, UPLOAD_STAGES, type HeaderPolicy, type UploadStage } from './objects.js';
import { inParallel } from '../in-parallel.js';
import { planDeploy, type PlannedObject } from './plan.js';
import { META_FINGERPRINT, META_SHA256, parseRemoteManifest, REMOTE_MANIFEST_NAME, serializeRemoteManifest, type RemoteManifest } from './remote-manifest.js';
import { openS3Store, type S3Credentials } from './s3-client.js';

export { deployableFiles } from './files.js';
export type { DeployableFile } from './files.js';
export { DEFAULT_CACHE_CONTROL, UPLOAD_STAGES, uploadStage } from './objects.js';
export type { UploadStage } from './objects.js';
export { REMOTE_MANIFEST_NAME, META_SHA256 } from './remote-manifest.js';
export type { S3Credentials } from './s3-client.js';

/** Default uploads in flight. */
export const DEFAULT_DEPLOY_CONCURRENCY = 8;
/** Default attempts per request (the first and three retries, with exponential back-off). */
export const DEFAULT_DEPLOY_ATTEMPTS = 4;
/** Default overall deadline: ten minutes. */
export const DEFAULT_DEPLOY_TIMEOUT_MS = 600_000;
/** gzip level of objects compressed on upload: the smallest output; feeds are small and uploaded rarely. */
const GZIP_LEVEL = 9;

/** Options of {@link deploy}. */
export interface DeployOptions {
  /** The built output folder. */
  outDir: string;
  /** Bucket name. */
  bucket: string;
  /** Key prefix (`feeds/`); default the bucket root. */
  prefix?: string;
  /** Region; default `AWS_REGION`, else `us-east-1`. */
  region?: string;
  /** Endpoint of an S3-compatible store; omit for AWS S3. */
  endpoint?: string;
  /** Path-style addressing (`endpoint/bucket/key`). */
  pathStyle?: boolean;
  /** Shared AWS profile name. */
  profile?: string;
  /** Credentials a program already holds; default: the standard AWS chain (environment, profile, roles). */
  credentials?: S3Credentials;
  /** `Cache-Control` per kind of object. */
  cacheControl?: DeployCacheControl;
  /** Store text objects gzip-compressed (`Content-Encoding: gzip`). */
  gzip?: boolean;
  /** File names of the feeds when the config renames them (`outputs`); `rss.xml`, `atom.xml`, `feed.json` are known. */
  feedNames?: readonly string[];
  /** Uploads in flight at once. */
  concurrency?: number;
  /** Attempts per request. */
  attempts?: number;
  /** Overall deadline in milliseconds. */
  timeoutMs?: number;
  /** Plan and report, but change nothing. */
  dryRun?: boolean;
  /** WebSub hub to notify of the feeds that changed. */
  hub?: string;
  /** Public URL of the prefix (where readers fetch the feeds); needed with `hub`. */
  publicUrl?: string;
  /** Called after each object is uploaded or deleted. */
  onProgress?: (progress: DeployProgress) => void;
  /** The store to use instead of opening the S3 bucket (another backend). */
  store?: ObjectStore;
}

/** One step of a running deploy. */
export interface DeployProgress {
  /** `upload` or `delete`. */
  action: 'upload' | 'delete';
  /** The object's path relative to the prefix. */
  path: string;
  /** Steps done so far, this one included. */
  done: number;
  /** Steps in all. */
  total: number;
}

/** One uploaded (or, in a dry run, to-be-uploaded) object. */
export interface DeployedObject {
  /** Path relative to the prefix. */
  path: string;
  /** Upload stage. */
  stage: UploadStage;
  /** Content type stored. */
  contentType: string;
  /** Cache-Control stored. */
  cacheControl: string;
  /** Content-Encoding stored, if any. */
  contentEncoding?: string;
}

/** What a deploy did (or, with `dryRun`, would do). */
export interface DeploySummary {
  /** Bucket. */
  bucket: string;
  /** Prefix. */
  prefix: string;
  /** `true` when nothing was changed. */
  dryRun: boolean;
  /** Objects uploaded, in the order their uploads finished. */
  uploaded: DeployedObject[];
  /** Objects left as they were. */
  unchanged: number;
  /** Objects storyfeed had uploaded and the build no longer produces, deleted. */
  deleted: string[];
  /** Objects under the prefix that storyfeed did not upload, left alone. */
  foreign: number;
  /** Feed URLs announced to the WebSub hub. */
  pinged: string[];
}

/**
 * Publishes a built output folder to an S3-compatible bucket: uploads only objects whose content
 * or headers changed, stage by stage in reader-safe order, then deletes the objects storyfeed had
 * uploaded and no longer produces, and finally notifies the WebSub hub of the changed feeds.
 * Nothing is deleted after a failed upload; a deploy that was stopped is completed by the next.
 */
export async function deploy(options: DeployOptions): Promise<DeploySummary> {
  if (options.hub && !options.publicUrl) {
    throw new StoryfeedError('E_USAGE', 'notifying a WebSub hub after a deploy needs the public URL of the deployed feeds (publicUrl, feedBaseUrl or siteUrl)');
  }
  const files = await deployableFiles(options.outDir);
  const local: LocalObject[] = [];
  for (const file of files) local.push(await hashLocalFile(file));
  const prefix = options.prefix ?? '';
  const deadline = new AbortController();
  const timeoutMs = options.timeoutMs ?? DEFAULT_DEPLOY_TIMEOUT_MS;
  const timer = setTimeout(() => deadline.abort(new Error(`the deploy did not finish within ${timeoutMs} ms`)), timeoutMs);
  let opened: ObjectStore | undefined;
  try {
    const store =
      options.store ??
      (opened = await openS3Store({
        bucket: options.bucket,
        prefix,
        region: options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
        endpoint: options.endpoint,
        pathStyle: options.pathStyle,
        profile: options.profile,
        credentials: options.credentials,
        attempts: options.attempts ?? DEFAULT_DEPLOY_ATTEMPTS,
        signal: deadline.signal,
      }));
    return await runDeploy(local, store, { ...options, prefix });
  } finally {
    // Also when the client cannot be loaded: a pending deadline would keep the process alive.
    clearTimeout(timer);
    opened?.close();
  }
}

async function runDeploy(local: LocalObject[], store: ObjectStore, options: DeployOptions & { prefix: string }): Promise<DeploySummary> {
  const policy: HeaderPolicy = { newestArchive: newestArchiveFolder(local.map((l) => l.path)) };
  if (options.cacheControl) policy.cacheControl = options.cacheControl;
  if (options.gzip) policy.gzip = true;
  if (options.feedNames) policy.feedNames = options.feedNames;
  const stored = await store.get(REMOTE_MANIFEST_NAME);
  const previous = stored === undefined ? undefined : parseRemoteManifest(new TextDecoder().decode(stored));
  const plan = await planDeploy(local, store, previous, policy);
  if (plan.conflicts.length) {
    throw new StoryfeedError(
      'E_DEPLOY_CONFLICT',
      `${plural(plan.conflicts.length, 'object')} under s3://${options.bucket}/${options.prefix} that storyfeed did not upload would be overwritten`,
      {
        problems: plan.conflicts.map((p) => options.prefix + p),
      },
    );
  }
  const summary: DeploySummary = {
    bucket: options.bucket,
    prefix: options.prefix,
    dryRun: Boolean(options.dryRun),
    uploaded: [],
    unchanged: plan.unchanged.length,
    deleted: [],
    foreign: plan.foreign,
    pinged: [],
  };
  if (options.dryRun) {
    summary.uploaded = plan.uploads.map(describeUpload);
    summary.deleted = plan.deletes;
    return summary;
  }
  // The record first names everything this deploy may leave behind, so a stopped deploy's
  // uploads are found (and cleaned up if no longer needed) by the next one.
  const manifest: RemoteManifest = { version: 1, objects: { ...plan.owned }, pending: [...(previous?.pending ?? []), ...plan.uploads.map((u) => u.path)] };
  const changed = plan.uploads.length > 0 || plan.deletes.length > 0 || stored === undefined || previous === undefined;
  if (plan.uploads.length) await writeManifest(store, manifest);

  const total = plan.uploads.length + plan.deletes.length;
  let done = 0;
  const failures: { path: string; error: StoryfeedError }[] = [];
  for (const stage of UPLOAD_STAGES) {
    const batch = plan.uploads.filter((u) => u.stage === stage);
    await inParallel(batch, options.concurrency ?? DEFAULT_DEPLOY_CONCURRENCY, async (object) => {
      try {
        manifest.objects[object.path] = await upload(store, object);
        summary.uploaded.push(describeUpload(object));
        options.onProgress?.({ action: 'upload', path: object.path, done: ++done, total });
      } catch (error) {
        failures.push({ path: object.path, error: asStoryfeedError(error) });
      }
    });
    // A later stage links to this one: never publish it over a gap.
    if (failures.length) {
      await writeManifest(store, manifest).catch(() => undefined);
      throw uploadFailure(failures, plan.uploads.length - summary.uploaded.length, options);
    }
  }

  for (const path of plan.deletes) {
    await store.delete(path);
    delete manifest.objects[path];
    summary.deleted.push(path);
    options.onProgress?.({ action: 'delete', path, done: ++done, total });
  }
  const produced = new Set(local.map((l) => l.path));
  for (const path of Object.keys(manifest.objects)) if (!produced.has(path)) delete manifest.objects[path];
  manifest.pending = [];
  if (changed) await writeManifest(store, manifest);

  if (options.hub && options.publicUrl) summary.pinged = await announce(options.hub, options.publicUrl, summary.uploaded, policy.feedNames);
  return summary;
}

async function upload(store: ObjectStore, object: PlannedObject): Promise<{ fingerprint: string; etag: string }> {
  // Read again and hash what is actually sent: the folder may have been rebuilt since planning.
  const bytes = await readLocalBytes(object);
  const sha256 = sha256Hex(bytes);
  const fingerprint = sha256 === object.sha256 ? object.fingerprint : objectFingerprint(sha256, object.headers);
  const body = object.headers.compressOnUpload ? gzipSync(bytes, { level: GZIP_LEVEL }) : bytes;
  const etag = await store.put(object.path, body, {
    contentType: object.headers.contentType,
    cacheControl: object.headers.cacheControl,
    ...(object.headers.contentEncoding ? { contentEncoding: object.headers.contentEncoding } : {}),
    metadata: { [META_SHA256]: sha256, [META_FINGERPRINT]: fingerprint },
  });
  return { fingerprint, etag };
}

async function writeManifest(store: ObjectStore, manifest: RemoteManifest): Promise<void> {
  await store.put(REMOTE_MANIFEST_NAME, new TextEncoder().encode(serializeRemoteManifest(manifest)), {
    contentType: 'application/json; charset=utf-8',
    cacheControl: 'no-store',
    metadata: {},
  });
}

/** Announces the changed subscription feeds (not archive pages, which readers do not poll). */
async function announce(hub: string, publicUrl: string, uploaded: readonly DeployedObject[], feedNames: readonly string[] | undefined): Promise<string[]> {
  const feeds = uploaded.filter((u) => u.stage !== 'archive' && isFeedPath(u.path, feedNames));
  if (!feeds.length) return [];
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  const topics = [...new Set(feeds.map((f) => new URL(f.path.replace(/\.(gz|br)$/i, ''), base).href))].sort();
  await pingHub(hub, topics);
  return topics;
}

function describeUpload(object: PlannedObject): DeployedObject {
  const d: DeployedObject = { path: object.path, stage: object.stage, contentType: object.headers.contentType, cacheControl: object.headers.cacheControl };
  if (object.headers.contentEncoding) d.contentEncoding = object.headers.contentEncoding;
  return d;
}

function uploadFailure(failures: { path: string; error: StoryfeedError }[], notUploaded: number, options: { bucket: string; prefix: string }): StoryfeedError {
  const first = failures[0]!.error;
  const problems = failures.map((f) => `${f.path}: ${f.error.detail}`);
  const detail = `${plural(notUploaded, 'object')} of the deploy to s3://${options.bucket}/${options.prefix} were not uploaded; nothing was deleted`;
  // One cause for every failure (bad credentials, no network) is reported as that cause.
  const code = failures.every((f) => f.error.code === first.code) && first.code !== 'E_DEPLOY_PARTIAL' ? first.code : 'E_DEPLOY_PARTIAL';
  return new StoryfeedError(code, `${detail}: ${first.detail}`, { problems, cause: first });
}

function asStoryfeedError(error: unknown): StoryfeedError {
  return error instanceof StoryfeedError ? error : new StoryfeedError('E_DEPLOY_PARTIAL', (error as Error).message ?? String(error), { cause: error });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
