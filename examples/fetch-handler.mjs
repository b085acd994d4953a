// A fetch-style handler (Request → Response) for serverless and edge runtimes. It uses only web
// APIs, so the same code runs in Cloudflare Workers, Deno, Bun, Next.js route handlers and Hono:
//
//   Cloudflare / Bun / Deno:  export default { fetch: handler };
//   Hono:                     app.get('/feeds/*', (c) => handler(c.req.raw));
//   Next.js (app router):     export const GET = handler;   // in app/feeds/[...path]/route.js
//
// Here the feeds are built in memory from the bundled seeds and the handler is called directly,
// so this file runs as is: node examples/fetch-handler.mjs (after `npm run build`).
import { buildFeeds } from 'storyfeed';
import { createFeedHandler } from 'storyfeed/server';
import { loadConfigFile, loadStories } from 'storyfeed/node';

const { config } = await loadConfigFile();
const { stories } = await loadStories('seeds', { site: config });
const { outputs, document } = buildFeeds(stories, config);

export const handler = createFeedHandler({
  basePath: '/feeds',
  files: {
    'rss.xml': { body: outputs.rss, lastModified: document.updated },
    'atom.xml': { body: outputs.atom, lastModified: document.updated },
    'feed.json': { body: outputs.json, lastModified: document.updated },
  },
  // Told of any request answered with a 500 (the client sees only "Internal Server Error").
  onError: (error, request) => console.error(`feeds: ${request.url}: ${error instanceof Error ? error.message : error}`),
});

for (const [path, headers] of [
  ['/feeds/feed.json', {}],
  ['/feeds/rss.xml', { 'accept-encoding': 'gzip' }],
  ['/feeds/atom.xml', { 'if-modified-since': document.updated.toUTCString() }],
  ['/feeds/../secret', {}],
]) {
  const response = await handler(new Request(`https://news.example.com${path}`, { headers }));
  console.log(
    `GET ${path} → ${response.status} ${response.headers.get('content-type') ?? ''}${response.headers.get('content-encoding') ? ` (${response.headers.get('content-encoding')})` : ''}`,
  );
}
