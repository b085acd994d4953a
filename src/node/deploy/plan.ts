import type { LocalObject } from './files.js';
import type { ObjectStore, RemoteHead } from './object-store.js';
import { inParallel } from '../in-parallel.js';
import { objectFingerprint, objectHeaders, uploadStage, UPLOAD_STAGES, type HeaderPolicy, type ObjectHeaders, type UploadStage } from './objects.js';
import { META_FINGERPRINT, META_SHA256, REMOTE_MANIFEST_NAME, type OwnedObject, type RemoteManifest } from './remote-manifest.js';

/** A local file with the headers and fingerprint it is stored with. */
export interface PlannedObject extends LocalObject {
  /** Headers of the object. */
  headers: ObjectHeaders;
  /** Fingerprint of content and headers. */
  fingerprint: string;
  /** Upload stage. */
  stage: UploadStage;
}

/** What a deploy will do. */
export interface DeployPlan {
  /** Objects to upload, in upload order (stage by stage, by path within a stage). */
  uploads: PlannedObject[];
  /** Paths already stored with the same content and headers. */
  unchanged: string[];
  /** Objects storyfeed uploaded that the build no longer produces: deleted last. */
  deletes: string[];
  /** Local paths where an object storyfeed did not upload already is: the deploy refuses to overwrite them. */
  conflicts: string[];
  /** Ownership known after planning: unchanged objects and previous uploads still stored. */
  owned: Record<string, OwnedObject>;
  /** Count of objects under the prefix that storyfeed did not upload (left alone). */
  foreign: number;
}

/** Lookups needed at once while planning (HEAD requests), bounded so planning stays polite. */
const HEAD_CONCURRENCY = 8;

/**
 * Decides what to upload, keep and delete. The remote record says which objects storyfeed
 * uploaded and what they held; anything it cannot vouch for (no record, an ETag that moved, an
 * object left by a stopped deploy) is looked up with HEAD, whose `storyfeed-sha256` metadata is
 * the proof of ownership. Objects without it are never overwritten or deleted.
 */
export async function planDeploy(local: readonly LocalObject[], store: ObjectStore, manifest: RemoteManifest | undefined, policy: HeaderPolicy): Promise<DeployPlan> {
  const listing = new Map<string, string>();
  for (const o of await store.list()) if (o.path !== REMOTE_MANIFEST_NAME) listing.set(o.path, o.etag);
  const recorded = manifest?.objects ?? {};
  const pending = new Set(manifest?.pending ?? []);

  const planned = local.map((file): PlannedObject => {
    const headers = objectHeaders(file.path, policy);
    return { ...file, headers, fingerprint: objectFingerprint(file.sha256, headers), stage: uploadStage(file.path, policy.feedNames) };
  });
  const localPaths = new Set(planned.map((p) => p.path));
  const owned: Record<string, OwnedObject> = {};
  const uploads: PlannedObject[] = [];
  const unchanged: string[] = [];
  const conflicts: string[] = [];
  const toCheck: PlannedObject[] = [];

  for (const p of planned) {
    const etag = listing.get(p.path);
    const record = recorded[p.path];
    if (etag === undefined) uploads.push(p);
    else if (record && sameEtag(record.etag, etag) && (record.fingerprint === p.fingerprint || !pending.has(p.path))) {
      owned[p.path] = record;
      if (record.fingerprint === p.fingerprint) unchanged.push(p.path);
      else uploads.push(p);
    } else {
      // No record, a changed ETag, or a stopped deploy that may have re-uploaded it with new
      // headers (the ETag hashes the bytes only): the object's own metadata decides.
      toCheck.push(p);
    }
  }
  const checked = await headAll(
    store,
    toCheck.map((p) => p.path),
  );
  for (const p of toCheck) {
    const head = checked.get(p.path);
    if (!head) uploads.push(p);
    else if (!isOurs(head)) conflicts.push(p.path);
    else {
      owned[p.path] = { fingerprint: head.metadata[META_FINGERPRINT] ?? '', etag: head.etag };
      if (head.metadata[META_FINGERPRINT] === p.fingerprint) unchanged.push(p.path);
      else uploads.push(p);
    }
  }

  // Only objects we have reason to think are ours are looked up; without a record, every one is.
  const candidates = [...listing.keys()].filter((path) => !localPaths.has(path) && (!manifest || path in recorded || pending.has(path)));
  const candidateHeads = await headAll(store, candidates);
  const deletes: string[] = [];
  for (const path of candidates) {
    const head = candidateHeads.get(path);
    if (head && isOurs(head)) {
      deletes.push(path);
      owned[path] = { fingerprint: head.metadata[META_FINGERPRINT] ?? '', etag: head.etag };
    }
  }
  const deleted = new Set(deletes);
  const foreign = [...listing.keys()].filter((path) => !localPaths.has(path) && !deleted.has(path)).length + conflicts.length;
  const stageOf = (p: PlannedObject): number => UPLOAD_STAGES.indexOf(p.stage);
  uploads.sort((a, b) => stageOf(a) - stageOf(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { uploads, unchanged: unchanged.sort(), deletes: deletes.sort(), conflicts: conflicts.sort(), owned, foreign };
}

/** `true` when the object carries storyfeed's upload metadata. */
export function isOurs(head: RemoteHead): boolean {
  return typeof head.metadata[META_SHA256] === 'string' && /^[0-9a-f]{64}$/.test(head.metadata[META_SHA256]);
}

/** ETags compare without quotes (stores differ in quoting listings and PUT answers). */
function sameEtag(a: string, b: string): boolean {
  const bare = (s: string): string => s.replace(/^W\//, '').replace(/"/g, '');
  return a !== '' && bare(a) === bare(b);
}

async function headAll(store: ObjectStore, paths: readonly string[]): Promise<Map<string, RemoteHead | undefined>> {
  const heads = new Map<string, RemoteHead | undefined>();
  await inParallel(paths, HEAD_CONCURRENCY, async (path) => {
    heads.set(path, await store.head(path));
  });
  return heads;
}
