import { StoryfeedError } from '../errors.js';

/** Options for {@link pingHub}. */
export interface PingOptions {
  /** Attempts per topic, including the first (default 3). */
  attempts?: number;
  /** Time allowed for each request, in milliseconds (default 10 000). */
  timeoutMs?: number;
  /** Time allowed for all topics together, retries included, in milliseconds (default {@link PING_DEADLINE_MS}). */
  deadlineMs?: number;
  /** Delay before the first retry, doubled after each (default 500 ms). */
  retryDelayMs?: number;
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof globalThis.fetch;
}

/** The outcome for one topic. */
export interface PingResult {
  /** The feed URL announced. */
  topic: string;
  /** HTTP status of the last attempt (0 when no answer came). */
  status: number;
  /** Attempts made. */
  attempts: number;
}

/**
 * Default time for all pings of one build together: a hub that never answers costs the build this
 * much, not three attempts of ten seconds per feed URL, one after another.
 */
export const PING_DEADLINE_MS = 30_000;

/**
 * Tells a WebSub hub that feeds changed (`hub.mode=publish`, one request per feed URL, as most hubs
 * expect) in order, retrying network failures and 5xx answers with exponential back-off, all
 * within one overall deadline. Rejects with `E_PUBLISH` naming every topic that could not be
 * announced.
 */
export async function pingHub(hub: string, topics: readonly string[], options: PingOptions = {}): Promise<PingResult[]> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const attempts = Math.max(1, options.attempts ?? 3);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadlineMs = options.deadlineMs ?? PING_DEADLINE_MS;
  const overall = new AbortController();
  const deadline = setTimeout(() => overall.abort(), deadlineMs);
  const results: PingResult[] = new Array(topics.length);
  const failures: (string | undefined)[] = new Array(topics.length);

  const pingOne = async (topic: string): Promise<{ status: number; tries: number; why: string }> => {
    let status = 0;
    let why = '';
    let tries = 0;
    for (let delay = options.retryDelayMs ?? 500; tries < attempts; delay *= 2) {
      if (overall.signal.aborted) {
        why = tries === 0 ? `no attempt before the ${deadlineMs / 1000} s deadline` : `${why}; then the ${deadlineMs / 1000} s deadline passed`;
        break;
      }
      tries++;
      try {
        const response = await doFetch(hub, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString(),
          signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), overall.signal]),
        });
        status = response.status;
        await response.body?.cancel();
        if (status >= 200 && status < 300) break;
        why = `the hub answered ${status}`;
        if (status < 500 && status !== 429) break;
      } catch (error) {
        status = 0;
        const name = (error as Error).name;
        why = overall.signal.aborted ? `no answer before the ${deadlineMs / 1000} s deadline` : name === 'TimeoutError' ? 'no answer in time' : (error as Error).message;
      }
      if (tries < attempts && !overall.signal.aborted) await pause(delay, overall.signal);
    }
    return { status, tries, why };
  };

  try {
    for (let i = 0; i < topics.length; i++) {
      const topic = topics[i]!;
      const { status, tries, why } = await pingOne(topic);
      results[i] = { topic, status, attempts: tries };
      if (status < 200 || status >= 300) failures[i] = `${topic}: ${why} (after ${tries} attempt${tries === 1 ? '' : 's'})`;
    }
  } finally {
    clearTimeout(deadline);
  }
  const failed = failures.filter((f): f is string => f !== undefined);
  if (failed.length) {
    throw new StoryfeedError('E_PUBLISH', `the WebSub hub ${hub} was not notified of ${failed.length} feed${failed.length === 1 ? '' : 's'}`, { problems: failed });
  }
  return results;
}

/** Waits `ms`, or less when `signal` aborts first. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
