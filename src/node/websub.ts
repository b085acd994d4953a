import { StoryfeedError } from '../errors.js';

/** Options for {@link pingHub}. */
export interface PingOptions {
  /** Attempts per topic, including the first (default 3). */
  attempts?: number;
  /** Time allowed for each request, in milliseconds (default 10 000). */
  timeoutMs?: number;
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
 * Tells a WebSub hub that feeds changed (`hub.mode=publish`, one request per feed URL, as most hubs
 * expect), retrying network failures and 5xx answers with exponential back-off. Rejects with
 * `E_PUBLISH` naming every topic that could not be announced.
 */
export async function pingHub(hub: string, topics: readonly string[], options: PingOptions = {}): Promise<PingResult[]> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const attempts = Math.max(1, options.attempts ?? 3);
  const results: PingResult[] = [];
  const failures: string[] = [];
  for (const topic of topics) {
    let status = 0;
    let why = '';
    let tries = 0;
    for (let delay = options.retryDelayMs ?? 500; tries < attempts; delay *= 2) {
      tries++;
      try {
        const response = await doFetch(hub, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString(),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        status = response.status;
        await response.body?.cancel();
        if (status >= 200 && status < 300) break;
        why = `the hub answered ${status}`;
        if (status < 500 && status !== 429) break;
      } catch (error) {
        status = 0;
        why = (error as Error).name === 'TimeoutError' ? 'no answer in time' : (error as Error).message;
      }
      if (tries < attempts) await new Promise((resolve) => setTimeout(resolve, delay));
    }
    results.push({ topic, status, attempts: tries });
    if (status < 200 || status >= 300) failures.push(`${topic}: ${why} (after ${tries} attempt${tries === 1 ? '' : 's'})`);
  }
  if (failures.length) {
    throw new StoryfeedError('E_PUBLISH', `the WebSub hub ${hub} was not notified of ${failures.length} feed${failures.length === 1 ? '' : 's'}`, { problems: failures });
  }
  return results;
}
