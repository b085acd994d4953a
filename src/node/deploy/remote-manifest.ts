/**
 * The remote record of what storyfeed uploaded under a prefix: an index that saves a HEAD request
 * per object. The truth about ownership is the `storyfeed-sha256` metadata on each object; the
 * record only says where to look, so a lost or damaged record is rebuilt from the objects.
 */

/** Name of the record, under the prefix. A dot-name: never produced by a build, never deleted. */
export const REMOTE_MANIFEST_NAME = '.storyfeed-deploy.json';

/** Metadata key (`x-amz-meta-…`) holding the SHA-256 of the uploaded file's bytes. */
export const META_SHA256 = 'storyfeed-sha256';
/** Metadata key holding the object's fingerprint (content hash plus headers). */
export const META_FINGERPRINT = 'storyfeed-fingerprint';

/** One object storyfeed uploaded. */
export interface OwnedObject {
  /** Fingerprint of content and headers at upload (see `objectFingerprint`). */
  fingerprint: string;
  /** ETag the store answered; a listing showing another ETag means the object changed since. */
  etag: string;
}

/** The record. */
export interface RemoteManifest {
  /** Format version. */
  version: 1;
  /** Objects storyfeed uploaded, by path relative to the prefix. */
  objects: Record<string, OwnedObject>;
  /** Paths a deploy was about to upload when the record was written; a deploy that was stopped leaves them here. */
  pending: string[];
}

/** An empty record. */
export function emptyManifest(): RemoteManifest {
  return { version: 1, objects: {}, pending: [] };
}

/** Parses a record; `undefined` when it is not one (then ownership is read from object metadata). */
export function parseRemoteManifest(text: string): RemoteManifest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { version?: unknown; objects?: unknown; pending?: unknown };
  if (v.version !== 1 || typeof v.objects !== 'object' || v.objects === null || !Array.isArray(v.pending)) return undefined;
  const manifest = emptyManifest();
  for (const [path, entry] of Object.entries(v.objects as Record<string, unknown>)) {
    const e = entry as { fingerprint?: unknown; etag?: unknown } | null;
    if (e && typeof e.fingerprint === 'string' && typeof e.etag === 'string') manifest.objects[path] = { fingerprint: e.fingerprint, etag: e.etag };
  }
  manifest.pending = (v.pending as unknown[]).filter((p): p is string => typeof p === 'string');
  return manifest;
}

/** Serializes a record with sorted keys, so the same state gives the same bytes. */
export function serializeRemoteManifest(manifest: RemoteManifest): string {
  const objects: Record<string, OwnedObject> = {};
  for (const path of Object.keys(manifest.objects).sort()) objects[path] = manifest.objects[path]!;
  return `${JSON.stringify({ version: 1, objects, pending: [...new Set(manifest.pending)].sort() }, null, 1)}\n`;
}
