/** What a deploy needs from an object store, with keys relative to the deploy prefix. */
export interface ObjectStore {
  /** Every object under the prefix (paged internally). */
  list(): Promise<RemoteObject[]>;
  /** An object's headers and metadata, or `undefined` when there is none. */
  head(path: string): Promise<RemoteHead | undefined>;
  /** An object's bytes, or `undefined` when there is none. */
  get(path: string): Promise<Uint8Array | undefined>;
  /** Stores an object and resolves to its ETag. */
  put(path: string, body: Uint8Array, headers: PutHeaders): Promise<string>;
  /** Deletes an object (no error when it is already gone). */
  delete(path: string): Promise<void>;
  /** Releases connections. */
  close(): void;
}

/** One listed object. */
export interface RemoteObject {
  /** Path relative to the prefix. */
  path: string;
  /** ETag from the listing. */
  etag: string;
}

/** What HEAD tells about an object. */
export interface RemoteHead {
  /** ETag. */
  etag: string;
  /** `x-amz-meta-*` metadata, keys lowercase without the prefix. */
  metadata: Record<string, string>;
}

/** Headers and metadata of an upload. */
export interface PutHeaders {
  /** `Content-Type`. */
  contentType: string;
  /** `Cache-Control`. */
  cacheControl: string;
  /** `Content-Encoding`, for compressed bytes. */
  contentEncoding?: string;
  /** `x-amz-meta-*` metadata. */
  metadata: Record<string, string>;
}
