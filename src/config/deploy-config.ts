import { describeValue, didYouMean } from '../errors.js';

/** Where and how `storyfeed deploy` publishes the output folder (the `deploy` key of the configuration). */
export interface DeployConfig {
  /** Bucket name. */
  bucket?: string;
  /** Key prefix inside the bucket (`feeds/`); empty for the bucket root. Always ends with `/` when set. */
  prefix?: string;
  /** Region (default: from the AWS environment, else `us-east-1`). */
  region?: string;
  /** Endpoint of an S3-compatible store (R2, B2, MinIO, Ceph, Swift); omit for AWS S3. */
  endpoint?: string;
  /** Address objects as `endpoint/bucket/key` instead of `bucket.endpoint/key` (most self-hosted stores need it). */
  pathStyle?: boolean;
  /** Name of a shared AWS profile (`~/.aws/credentials`); a name, never a secret. */
  profile?: string;
  /** Public URL the prefix is served at (a CDN); WebSub topics are built from it. Default `feedBaseUrl`, else `siteUrl`. */
  publicUrl?: string;
  /** `Cache-Control` of each kind of object. */
  cacheControl?: DeployCacheControl;
  /** Store text objects gzip-compressed with `Content-Encoding: gzip`. Default `false`. */
  gzip?: boolean;
  /** Uploads in flight at once (default 8). */
  concurrency?: number;
  /** Attempts per request, including the first, with exponential back-off (default 4). */
  attempts?: number;
  /** Overall deadline of one deploy, in milliseconds (default 600 000). */
  timeoutMs?: number;
}

/** `Cache-Control` header values per kind of object. */
export interface DeployCacheControl {
  /** Subscription feeds (main, tag, author, and the newest archive page): they change on every build. */
  feeds?: string;
  /** Closed RFC 5005 archive pages, which never change as stories are added. */
  archive?: string;
  /** The index page, stylesheet and anything else. */
  other?: string;
}

const FIELDS = ['bucket', 'prefix', 'region', 'endpoint', 'pathStyle', 'profile', 'publicUrl', 'cacheControl', 'gzip', 'concurrency', 'attempts', 'timeoutMs'] as const;
const CACHE_FIELDS = ['feeds', 'archive', 'other'] as const;
const SECRET_FIELDS = ['accessKeyId', 'secretAccessKey', 'sessionToken', 'credentials', 'accessKey', 'secretKey', 'secret', 'password', 'token'];
/** S3 bucket names: 3–63 lowercase letters, digits, dots and hyphens (some stores allow more; none allow `/`). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/i;

/** Reports one problem of a configuration field: its dotted path, what is wrong, how to fix it. */
export type AddProblem = (path: string, message: string, hint?: string) => void;

/**
 * Validates the `deploy` section of a configuration, reporting every problem through `add`
 * (field paths start with `deploy.`). Credentials are refused: they come only from the standard
 * AWS sources, never from a file that is likely committed.
 */
export function validateDeployConfig(value: unknown, add: AddProblem): DeployConfig {
  const config: DeployConfig = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    add('deploy', `must be a mapping of settings, found ${describeValue(value)}`, 'See "Deploy" in the README.');
    return config;
  }
  const v = value as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const x = v[key];
    if (x === undefined || x === null) return undefined;
    if (typeof x !== 'string' || x.trim() === '') {
      add(`deploy.${key}`, `must be non-empty text, found ${describeValue(x)}`);
      return undefined;
    }
    return x.trim();
  };
  const bucket = text('bucket');
  if (bucket !== undefined) {
    if (BUCKET_NAME.test(bucket)) config.bucket = bucket;
    else add('deploy.bucket', `"${bucket}" is not a bucket name`, 'Use 3–63 letters, digits, dots and hyphens; put folders in "prefix".');
  }
  if (v.prefix !== undefined && v.prefix !== null) {
    if (typeof v.prefix !== 'string') add('deploy.prefix', `must be text, found ${describeValue(v.prefix)}`);
    else {
      const prefix = normalizePrefix(v.prefix);
      if (prefix === undefined) add('deploy.prefix', `"${v.prefix}" is not a safe key prefix`, 'Use folder names separated by "/", without "." or ".." segments.');
      else config.prefix = prefix;
    }
  }
  const region = text('region');
  if (region !== undefined) config.region = region;
  const profile = text('profile');
  if (profile !== undefined) config.profile = profile;
  for (const key of ['endpoint', 'publicUrl'] as const) {
    const x = text(key);
    if (x === undefined) continue;
    if (isHttpUrl(x)) config[key] = x;
    else add(`deploy.${key}`, `"${x}" is not an absolute http(s) URL`, 'Write it like https://s3.example.com');
  }
  for (const key of ['pathStyle', 'gzip'] as const) {
    const x = v[key];
    if (x === undefined || x === null) continue;
    if (typeof x === 'boolean') config[key] = x;
    else add(`deploy.${key}`, `must be true or false, found ${describeValue(x)}`);
  }
  const int = (key: 'concurrency' | 'attempts' | 'timeoutMs', min: number, max: number): void => {
    const x = v[key];
    if (x === undefined || x === null) return;
    if (typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max) config[key] = x;
    else add(`deploy.${key}`, `must be a whole number from ${min} to ${max}, found ${describeValue(x)}`);
  };
  int('concurrency', 1, 64);
  int('attempts', 1, 10);
  int('timeoutMs', 1_000, 86_400_000);
  if (v.cacheControl !== undefined && v.cacheControl !== null) {
    const c = v.cacheControl;
    if (typeof c !== 'object' || Array.isArray(c)) add('deploy.cacheControl', `must be a mapping of feeds/archive/other, found ${describeValue(c)}`);
    else {
      const cache: DeployCacheControl = {};
      for (const [key, x] of Object.entries(c as Record<string, unknown>)) {
        if (!(CACHE_FIELDS as readonly string[]).includes(key)) {
          add(`deploy.cacheControl.${key}`, 'is not a kind of object', `Use ${CACHE_FIELDS.join(', ')}.`);
        } else if (typeof x === 'string' && /[\r\n]/.test(x)) {
          add(`deploy.cacheControl.${key}`, 'must be one line (a header value cannot hold line breaks)');
        } else if (typeof x !== 'string' || x.trim() === '') {
          add(`deploy.cacheControl.${key}`, `must be a Cache-Control header value, found ${describeValue(x)}`, 'For example "public, max-age=300".');
        } else {
          cache[key as keyof DeployCacheControl] = x.trim();
        }
      }
      config.cacheControl = cache;
    }
  }
  for (const key of Object.keys(v)) {
    if ((FIELDS as readonly string[]).includes(key)) continue;
    if (SECRET_FIELDS.includes(key)) {
      add(
        `deploy.${key}`,
        'credentials are never read from the configuration',
        'Set AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment, or name a shared profile in "profile".',
      );
    } else {
      const near = didYouMean(key, FIELDS);
      add(`deploy.${key}`, 'is not a deploy setting', near ? `Did you mean "${near}"?` : 'See "Deploy" in the README.');
    }
  }
  return config;
}

/** `feeds`, `/feeds/`, `feeds//x` → `feeds/`, `feeds/x/`; `''` stays empty; `undefined` for `.`/`..` segments. */
export function normalizePrefix(prefix: string): string | undefined {
  const segments = prefix.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..' || /[\u0000-\u001f\\]/.test(s))) return undefined;
  return segments.length ? `${segments.join('/')}/` : '';
}

function isHttpUrl(x: string): boolean {
  try {
    const u = new URL(x);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
