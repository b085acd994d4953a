/**
 * The only importer of `@aws-sdk/client-s3`, an optional peer dependency loaded on first use so
 * that installing storyfeed does not pull in the SDK and `build` never loads it. Credentials come
 * from the SDK's standard chain (environment, shared profile, SSO, container or instance roles),
 * never from storyfeed's configuration.
 */
import { StoryfeedError } from '../../errors.js';
import type { ObjectStore, PutHeaders, RemoteHead, RemoteObject } from './object-store.js';

/** How to reach a bucket. */
export interface S3Target {
  /** Bucket name. */
  bucket: string;
  /** Key prefix (empty or ending in `/`). */
  prefix: string;
  /** Region. */
  region: string;
  /** Endpoint of an S3-compatible store; `undefined` for AWS. */
  endpoint?: string | undefined;
  /** Path-style addressing. */
  pathStyle?: boolean | undefined;
  /** Shared profile name. */
  profile?: string | undefined;
  /** Explicit credentials (for programs that hold them already); default: the standard AWS chain. */
  credentials?: S3Credentials | undefined;
  /** Attempts per request, with the SDK's exponential back-off and jitter. */
  attempts: number;
  /** Aborts every request when the overall deadline passes. */
  signal: AbortSignal;
}

/** Static credentials. */
export interface S3Credentials {
  /** Access key id. */
  accessKeyId: string;
  /** Secret access key. */
  secretAccessKey: string;
  /** Session token of temporary credentials. */
  sessionToken?: string;
}

type Sdk = typeof import('@aws-sdk/client-s3');

const CONNECT_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 60_000;
const AUTH_ERRORS = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'AccessDenied',
  'CredentialsProviderError',
  'ExpiredToken',
  'InvalidToken',
  'TokenRefreshRequired',
  'Forbidden',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

async function loadSdk(): Promise<Sdk> {
  try {
    return await import('@aws-sdk/client-s3');
  } catch (cause) {
    throw new StoryfeedError('E_DEPLOY_CLIENT', `deploy needs the package @aws-sdk/client-s3, which could not be loaded (${(cause as Error).message.split('\n')[0]})`, { cause });
  }
}

/** Opens an {@link ObjectStore} on an S3-compatible bucket. */
export async function openS3Store(target: S3Target): Promise<ObjectStore> {
  const sdk = await loadSdk();
  const client = new sdk.S3Client({
    region: target.region,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    forcePathStyle: target.pathStyle ?? false,
    ...(target.profile ? { profile: target.profile } : {}),
    ...(target.credentials ? { credentials: target.credentials } : {}),
    maxAttempts: target.attempts,
    retryMode: 'standard',
    // Many S3-compatible stores reject the newer default CRC32 checksum headers; ask only when required.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
  });
  const { bucket, prefix, signal } = target;
  const send = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw storeError(error, what, target);
    }
  };

  return {
    list: () =>
      send(`listing s3://${bucket}/${prefix}`, async () => {
        const objects: RemoteObject[] = [];
        let token: string | undefined;
        do {
          const page = await client.send(new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token }), { abortSignal: signal });
          for (const o of page.Contents ?? []) {
            if (o.Key?.startsWith(prefix)) objects.push({ path: o.Key.slice(prefix.length), etag: o.ETag ?? '' });
          }
          token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
        return objects;
      }),
    head: (path) =>
      send(`reading the headers of ${path}`, async (): Promise<RemoteHead | undefined> => {
        try {
          const h = await client.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: prefix + path }), { abortSignal: signal });
          const metadata: Record<string, string> = {};
          for (const [k, v] of Object.entries(h.Metadata ?? {})) metadata[k.toLowerCase()] = v;
          return { etag: h.ETag ?? '', metadata };
        } catch (error) {
          if (isNotFound(error)) return undefined;
          throw error;
        }
      }),
    get: (path) =>
      send(`reading ${path}`, async () => {
        try {
          const o = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: prefix + path }), { abortSignal: signal });
          return o.Body ? await o.Body.transformToByteArray() : new Uint8Array();
        } catch (error) {
          if (isNotFound(error)) return undefined;
          throw error;
        }
      }),
    put: (path, body, headers: PutHeaders) =>
      send(`uploading ${path}`, async () => {
        const r = await client.send(
          new sdk.PutObjectCommand({
            Bucket: bucket,
            Key: prefix + path,
            Body: body,
            ContentLength: body.byteLength,
            ContentType: headers.contentType,
            CacheControl: headers.cacheControl,
            ...(headers.contentEncoding ? { ContentEncoding: headers.contentEncoding } : {}),
            Metadata: headers.metadata,
          }),
          { abortSignal: signal },
        );
        return r.ETag ?? '';
      }),
    delete: (path) =>
      send(`deleting ${path}`, async () => {
        await client.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: prefix + path }), { abortSignal: signal });
      }),
    close: () => client.destroy(),
  };
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || (e.$metadata?.httpStatusCode === 404 && e.name !== 'NoSuchBucket');
}

/** Turns an SDK or network error into a StoryfeedError that says which kind of failure it is. */
function storeError(error: unknown, what: string, target: S3Target): StoryfeedError {
  if (error instanceof StoryfeedError) return error;
  const e = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number }; cause?: { code?: string } };
  const status = e.$metadata?.httpStatusCode;
  const where = `s3://${target.bucket}/${target.prefix}${target.endpoint ? ` at ${target.endpoint}` : ''}`;
  const message = (e.message ?? String(error)).split('\n')[0] ?? '';
  if (target.signal.aborted) {
    return new StoryfeedError('E_DEPLOY_NETWORK', `${what}: the deploy to ${where} did not finish before its deadline`, { cause: error });
  }
  if (e.name === 'NoSuchBucket')
    return new StoryfeedError('E_DEPLOY_BUCKET', `the bucket "${target.bucket}" does not exist${target.endpoint ? ` at ${target.endpoint}` : ''}`, { cause: error });
  if ((e.name && AUTH_ERRORS.has(e.name)) || status === 401 || status === 403) {
    return new StoryfeedError('E_DEPLOY_AUTH', `${what}: ${where} refused the credentials (${e.name ?? status}: ${message})`, { cause: error });
  }
  const code = e.code ?? e.cause?.code;
  if ((code && NETWORK_CODES.has(code)) || e.name === 'TimeoutError' || e.name === 'AbortError' || (status === undefined && /socket|network|connect|timed? ?out/i.test(message))) {
    return new StoryfeedError('E_DEPLOY_NETWORK', `${what}: ${where} could not be reached (${code ?? e.name}: ${message})`, { cause: error });
  }
  return new StoryfeedError('E_DEPLOY_PARTIAL', `${what}: ${where} answered ${status ?? 'with an error'} (${e.name ?? 'Error'}: ${message})`, { cause: error });
}
