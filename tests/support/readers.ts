/**
 * Real feed readers, driven from tests: Python's feedparser (Debian package `python3-feedparser`)
 * and the terminal reader newsboat (Debian package `newsboat`). Both only ever fetch the URLs they
 * are given, and those must be on the loopback interface.
 */
import { spawn } from 'node:child_process';
import { access, constants, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The system Python; the Debian feedparser package installs for it (a pyenv `python3` on PATH may lack it). */
export const PYTHON = '/usr/bin/python3';

/** Set to `1` to skip reader tests (with a visible reason) on machines without the readers. */
export const SKIP_READERS_ENV = 'STORYFEED_SKIP_READERS';

const DEFAULT_TIMEOUT_MS = 20_000;

/** The User-Agent each reader sends, so a test server can tell their requests apart. */
export const READER_AGENTS = {
  feedparser: 'storyfeed-integration-tests (feedparser)',
  newsboat: 'storyfeed-integration-tests (newsboat)',
} as const;

/** Why reader tests are skipped, or `undefined` when they must run. */
export function readersSkipReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[SKIP_READERS_ENV] === '1' ? `${SKIP_READERS_ENV}=1 is set, so the feedparser and newsboat checks are skipped` : undefined;
}

// ---------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------

/** How a child process ended. */
export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Thrown when a reader could not run or failed; the message carries its stderr. */
export class ReaderError extends Error {
  override readonly name = 'ReaderError';
}

/**
 * Runs a command without a terminal: no stdin, its own session (so nothing can open the
 * controlling TTY), a hard timeout that kills the whole process group, and output captured.
 */
export function runProcess(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ProcessResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const result = { code, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
      if (timedOut) {
        reject(new ReaderError(`${command} ${args.join(' ')} did not finish within ${timeoutMs} ms and was killed${formatStderr(result.stderr)}`));
      } else {
        resolve(result);
      }
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function formatStderr(stderr: string): string {
  const text = stderr.trim();
  return text ? `\n--- stderr ---\n${text.length > 4000 ? `${text.slice(0, 4000)}…` : text}` : '';
}

/** A minimal environment: no proxies, no user configuration, UTF-8 locale. */
function isolatedEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TERM: 'dumb',
    // Loopback is always reached directly (newsboat sends everything else to a dead proxy).
    no_proxy: '127.0.0.1,localhost,::1',
    NO_PROXY: '127.0.0.1,localhost,::1',
  };
}

/** Rejects any URL that is not plain http on the loopback interface. */
export function assertLoopbackUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ReaderError(`not a URL: ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) {
    throw new ReaderError(`readers may only fetch http://127.0.0.1 URLs in tests, not ${url}`);
  }
  return parsed;
}

async function withTempDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Availability
// ---------------------------------------------------------------------------------------------

/** A probe that could not even start: ENOENT says enough on its own. */
function failedProbe(error: unknown): ProcessResult {
  return { code: -1, signal: null, stdout: '', stderr: (error as NodeJS.ErrnoException).code === 'ENOENT' ? '' : String(error) };
}

/** Problems that prevent {@link readWithFeedparser} from running, each naming the Debian package to install. */
export async function feedparserProblems(): Promise<string[]> {
  try {
    await access(PYTHON, constants.X_OK);
  } catch {
    return [`${PYTHON} is missing; install the Debian packages python3 and python3-feedparser (apt-get install python3 python3-feedparser)`];
  }
  const probe = await runProcess(PYTHON, ['-I', '-c', 'import feedparser, sqlite3; print(feedparser.__version__)'], {
    timeoutMs: 10_000,
    env: isolatedEnv(os.tmpdir()),
  }).catch(failedProbe);
  if (probe.code !== 0) {
    return [`Python's feedparser cannot be imported by ${PYTHON}; install the Debian package python3-feedparser (apt-get install python3-feedparser)${formatStderr(probe.stderr)}`];
  }
  return [];
}

/** Problems that prevent {@link readWithNewsboat} from running, each naming the Debian package to install. */
export async function newsboatProblems(): Promise<string[]> {
  const problems: string[] = [];
  const probe = await runProcess('newsboat', ['--version'], { timeoutMs: 10_000, env: isolatedEnv(os.tmpdir()) }).catch(failedProbe);
  if (probe.code !== 0 || !/newsboat/i.test(probe.stdout)) {
    problems.push(`newsboat is not installed (or does not run); install the Debian package newsboat (apt-get install newsboat)${formatStderr(probe.stderr)}`);
  }
  // The cache is read back with Python's sqlite3 module.
  try {
    await access(PYTHON, constants.X_OK);
  } catch {
    problems.push(`${PYTHON} is missing (needed to read newsboat's cache); install the Debian package python3 (apt-get install python3)`);
  }
  return problems;
}

/** Throws one error listing everything missing, or returns when the readers can run. */
export async function requireReaders(which: { feedparser?: boolean; newsboat?: boolean } = { feedparser: true, newsboat: true }): Promise<void> {
  const problems = [...(which.feedparser ? await feedparserProblems() : []), ...(which.newsboat ? await newsboatProblems() : [])];
  if (problems.length) {
    throw new ReaderError(`feed readers needed by the integration tests are missing:\n- ${problems.join('\n- ')}\n(set ${SKIP_READERS_ENV}=1 to skip these tests instead)`);
  }
}

// ---------------------------------------------------------------------------------------------
// feedparser
// ---------------------------------------------------------------------------------------------

/** A person as feedparser reports it. */
export interface FeedparserPerson {
  name: string | null;
  email: string | null;
  href: string | null;
}

/** A text construct: its value and the type feedparser decided on (`text/plain`, `text/html`, …). */
export interface FeedparserText {
  value: string | null;
  type: string | null;
}

/** One entry as feedparser reports it. */
export interface FeedparserEntry {
  id: string | null;
  title: string | null;
  titleType: string | null;
  link: string | null;
  links: { rel: string | null; href: string | null; type: string | null }[];
  /** ISO 8601 (UTC, whole seconds) from `published_parsed`. */
  published: string | null;
  /** ISO 8601 (UTC, whole seconds) from `updated_parsed`. */
  updated: string | null;
  /** feedparser's `author` string. */
  author: string | null;
  authorDetail: FeedparserPerson | null;
  authors: FeedparserPerson[];
  tags: string[];
  summary: string | null;
  summaryType: string | null;
  /** Every `content` value, in order. */
  contents: FeedparserText[];
  /** `content[0].value`, for convenience. */
  content: string | null;
}

/** What feedparser made of a feed. */
export interface FeedparserResult {
  /** HTTP status of the fetch. */
  status: number | null;
  /** Response headers, lower-cased names. */
  headers: Record<string, string>;
  encoding: string | null;
  bozo: boolean;
  bozoException: string | null;
  /** `rss20`, `atom10`, … (empty when feedparser did not recognise the format). */
  version: string | null;
  feed: { title: string | null; titleType: string | null; link: string | null; language: string | null; updated: string | null };
  entries: FeedparserEntry[];
}

/** Options for {@link readWithFeedparser}. */
export interface FeedparserOptions {
  /**
   * feedparser's own HTML sanitizer (default on, as in readers). Turn it off to see the markup
   * exactly as published, e.g. to prove the feed itself carries no script.
   */
  sanitizeHtml?: boolean;
  /** feedparser's relative-URI resolution (default on). Turn it off to see the links exactly as published. */
  resolveRelativeUris?: boolean;
  timeoutMs?: number;
}

const FEEDPARSER_SCRIPT = String.raw`
import json, socket, sys, time, urllib.error, urllib.request
import feedparser

url, timeout, sanitize, resolve, agent = sys.argv[1], float(sys.argv[2]), sys.argv[3] == '1', sys.argv[4] == '1', sys.argv[5]
socket.setdefaulttimeout(timeout)

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise urllib.error.HTTPError(newurl, code, 'redirects are not followed in tests: ' + newurl, headers, fp)

d = feedparser.parse(
    url,
    agent=agent,
    handlers=[urllib.request.ProxyHandler({}), NoRedirect()],
    sanitize_html=sanitize,
    resolve_relative_uris=resolve,
)

def iso(t):
    return time.strftime('%Y-%m-%dT%H:%M:%SZ', t) if t else None

def text_type(obj, key):
    detail = obj.get(key + '_detail')
    return detail.get('type') if detail else None

def person(p):
    return {'name': p.get('name'), 'email': p.get('email'), 'href': p.get('href')} if p else None

def entry(e):
    contents = [{'value': c.get('value'), 'type': c.get('type')} for c in e.get('content', [])]
    return {
        'id': e.get('id'),
        'title': e.get('title'),
        'titleType': text_type(e, 'title'),
        'link': e.get('link'),
        'links': [{'rel': l.get('rel'), 'href': l.get('href'), 'type': l.get('type')} for l in e.get('links', [])],
        'published': iso(e.get('published_parsed')),
        'updated': iso(e.get('updated_parsed')),
        'author': e.get('author'),
        'authorDetail': person(e.get('author_detail')),
        'authors': [person(a) for a in e.get('authors', []) if a],
        'tags': [t.get('term') for t in e.get('tags', [])],
        'summary': e.get('summary'),
        'summaryType': text_type(e, 'summary'),
        'contents': contents,
        'content': contents[0]['value'] if contents else None,
    }

exc = d.get('bozo_exception')
f = d.get('feed', {})
out = {
    'status': d.get('status'),
    'headers': {str(k).lower(): str(v) for k, v in dict(d.get('headers', {})).items()},
    'encoding': d.get('encoding'),
    'bozo': bool(d.get('bozo')),
    'bozoException': (type(exc).__name__ + ': ' + str(exc)) if exc else None,
    'version': d.get('version'),
    'feed': {
        'title': f.get('title'),
        'titleType': text_type(f, 'title'),
        'link': f.get('link'),
        'language': f.get('language'),
        'updated': iso(f.get('updated_parsed')),
    },
    'entries': [entry(e) for e in d.get('entries', [])],
}
sys.stdout.write(json.dumps(out, ensure_ascii=True))
`;

/**
 * Fetches `url` with Python's feedparser (as a reader would: over HTTP, with its default
 * sanitizing unless told otherwise) and returns what it parsed. Proxies are bypassed and
 * redirects refused, so nothing but the given loopback URL is fetched.
 */
export async function readWithFeedparser(url: string, options: FeedparserOptions = {}): Promise<FeedparserResult> {
  assertLoopbackUrl(url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return withTempDir('storyfeed-feedparser-', async (home) => {
    const args = [
      '-I',
      '-c',
      FEEDPARSER_SCRIPT,
      url,
      String(Math.max(1, timeoutMs / 2000)),
      options.sanitizeHtml === false ? '0' : '1',
      options.resolveRelativeUris === false ? '0' : '1',
      READER_AGENTS.feedparser,
    ];
    let result: ProcessResult;
    try {
      result = await runProcess(PYTHON, args, { cwd: home, env: isolatedEnv(home), timeoutMs });
    } catch (error) {
      throw new ReaderError(`feedparser could not be started for ${url}: ${String(error)} (is the Debian package python3-feedparser installed?)`);
    }
    if (result.code !== 0) {
      throw new ReaderError(`feedparser failed on ${url} (exit ${result.code ?? result.signal})${formatStderr(result.stderr)}`);
    }
    try {
      return JSON.parse(result.stdout) as FeedparserResult;
    } catch (error) {
      throw new ReaderError(`feedparser printed something that is not JSON for ${url}: ${String(error)}\n${result.stdout.slice(0, 500)}${formatStderr(result.stderr)}`);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// newsboat
// ---------------------------------------------------------------------------------------------

/** A row of newsboat's `rss_feed` table. */
export interface NewsboatFeed {
  rssurl: string;
  url: string;
  title: string;
  etag: string;
  lastmodified: number;
}

/** A row of newsboat's `rss_item` table. */
export interface NewsboatItem {
  guid: string;
  title: string;
  url: string;
  author: string;
  /** Unix seconds. */
  pubDate: number;
  content: string;
  feedurl: string;
}

/** The cache after one `newsboat -x reload`, plus what newsboat complained about. */
export interface NewsboatSnapshot {
  feeds: NewsboatFeed[];
  items: NewsboatItem[];
  /** newsboat's `error-log` (errors shown to a user, e.g. "Error while retrieving …"). */
  errorLog: string;
  /** Warning, error and user-error lines of newsboat's debug log. */
  complaints: string[];
  stdout: string;
  stderr: string;
}

/** Options for {@link readWithNewsboat}. */
export interface NewsboatOptions {
  /**
   * How many times to run `newsboat -x reload` on the same cache (default 1). newsboat stores a
   * feed's ETag and Last-Modified from its second download on, and sends them from the third.
   */
  reloads?: number;
  /** Runs before each reload after the first (to edit and rebuild the feeds between polls). */
  beforeReload?: (reload: number) => Promise<void>;
  timeoutMs?: number;
}

const SQLITE_DUMP = String.raw`
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.row_factory = sqlite3.Row
feeds = [dict(r) for r in db.execute('SELECT rssurl, url, title, etag, lastmodified FROM rss_feed ORDER BY rssurl')]
items = [dict(r) for r in db.execute('SELECT guid, title, url, author, pubDate, content, feedurl FROM rss_item WHERE deleted = 0 ORDER BY id')]
sys.stdout.write(json.dumps({'feeds': feeds, 'items': items}, ensure_ascii=True))
`;

/** Config that keeps newsboat on the given URLs: no full-page downloads, no hooks, dead proxy for anything non-local. */
function newsboatConfig(dir: string): string {
  const q = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return [
    `error-log ${q(path.join(dir, 'error.log'))}`,
    // Anything that is not loopback (see no_proxy) would be sent to port 9 and refused at once.
    'use-proxy yes',
    'proxy-type http',
    'proxy 127.0.0.1:9',
    'download-full-page no',
    'download-retries 1',
    'download-timeout 10',
    'reload-threads 2',
    'max-items 0',
    'prepopulate-query-feeds no',
    'auto-reload no',
    'cleanup-on-quit no',
    'confirm-exit no',
    `user-agent ${q(READER_AGENTS.newsboat)}`,
    '',
  ].join('\n');
}

/**
 * Subscribes newsboat to `urls` in a fresh temporary profile (`-u urls -c cache.db -C config`),
 * runs `newsboat -x reload` (no terminal needed), and returns the items read back from its SQLite
 * cache: one snapshot per reload.
 *
 * Note: newsboat keys cached items by guid across all feeds, so an item that appears in two
 * subscribed feeds (RSS and Atom of the same site) is stored once, under the last feed read.
 * Subscribe to one feed per call to see each feed's items.
 */
export async function readWithNewsboat(urls: readonly string[], options: NewsboatOptions = {}): Promise<NewsboatSnapshot[]> {
  if (urls.length === 0) throw new ReaderError('readWithNewsboat needs at least one URL');
  urls.forEach(assertLoopbackUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return withTempDir('storyfeed-newsboat-', async (dir) => {
    const env = isolatedEnv(dir);
    const urlsFile = path.join(dir, 'urls');
    const configFile = path.join(dir, 'config');
    const cacheFile = path.join(dir, 'cache.db');
    const errorLog = path.join(dir, 'error.log');
    await writeFile(urlsFile, `${urls.join('\n')}\n`);
    await writeFile(configFile, newsboatConfig(dir));

    const python = async (script: string, what: string): Promise<string> => {
      const result = await runProcess(PYTHON, ['-I', '-c', script, cacheFile], { cwd: dir, env, timeoutMs });
      if (result.code !== 0) throw new ReaderError(`${what} failed (exit ${result.code ?? result.signal})${formatStderr(result.stderr)}`);
      return result.stdout;
    };

    const snapshots: NewsboatSnapshot[] = [];
    const reloads = options.reloads ?? 1;
    for (let index = 0; index < reloads; index++) {
      if (index > 0) await options.beforeReload?.(index);
      const debugLog = path.join(dir, `debug-${index}.log`);
      await rm(errorLog, { force: true });
      let run: ProcessResult;
      try {
        run = await runProcess('newsboat', ['-u', urlsFile, '-c', cacheFile, '-C', configFile, '-d', debugLog, '-l', '4', '-x', 'reload'], { cwd: dir, env, timeoutMs });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new ReaderError('newsboat is not installed; install the Debian package newsboat (apt-get install newsboat)');
        }
        throw error;
      }
      if (run.code !== 0) {
        throw new ReaderError(`newsboat -x reload (reload ${index + 1}) exited with ${run.code ?? run.signal}${formatStderr(run.stderr || run.stdout)}`);
      }
      const dump = JSON.parse(await python(SQLITE_DUMP, 'reading the newsboat cache')) as { feeds: NewsboatFeed[]; items: NewsboatItem[] };
      snapshots.push({
        ...dump,
        errorLog: await readText(errorLog),
        complaints: (await readText(debugLog)).split('\n').filter((line) => /^\[[^\]]*\] (USERERROR|CRITICAL|ERROR|WARNING):/.test(line)),
        stdout: run.stdout,
        stderr: run.stderr,
      });
    }
    return snapshots;
  });
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return '';
  }
}
