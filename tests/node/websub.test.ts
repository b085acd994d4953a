import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { pingHub } from '../../src/node/websub.js';

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

/** A hub on 127.0.0.1 that records what it is sent and answers with the given statuses in turn. */
async function hub(statuses: number[]): Promise<{ url: string; received: URLSearchParams[] }> {
  const received: URLSearchParams[] = [];
  let n = 0;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push(new URLSearchParams(body));
      res.statusCode = statuses[Math.min(n++, statuses.length - 1)]!;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, received };
}

describe('pingHub', () => {
  it('sends hub.mode=publish with the right hub.url for each feed', async () => {
    const h = await hub([204]);
    const topics = ['https://news.example.com/rss.xml', 'https://news.example.com/atom.xml', 'https://news.example.com/feed.json'];
    const results = await pingHub(h.url, topics);
    expect(results.map((r) => r.status)).toEqual([204, 204, 204]);
    expect(h.received.map((p) => [p.get('hub.mode'), p.get('hub.url')])).toEqual(topics.map((t) => ['publish', t]));
  });

  it('retries server errors, then succeeds', async () => {
    const h = await hub([503, 502, 202]);
    const [result] = await pingHub(h.url, ['https://x.example/rss.xml'], { retryDelayMs: 10 });
    expect(result).toMatchObject({ status: 202, attempts: 3 });
  });

  it('gives a clear error naming the feeds it could not announce', async () => {
    const h = await hub([400]);
    await expect(pingHub(h.url, ['https://x.example/rss.xml'], { retryDelayMs: 10 })).rejects.toMatchObject({
      code: 'E_PUBLISH',
      problems: ['https://x.example/rss.xml: the hub answered 400 (after 1 attempt)'],
    });
    await expect(pingHub('http://127.0.0.1:9/', ['https://x.example/a'], { attempts: 2, retryDelayMs: 10 })).rejects.toMatchObject({ code: 'E_PUBLISH' });
  });
});
