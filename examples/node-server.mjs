// Serves the built feeds with Node's own http module: correct content types, ETag/Last-Modified
// with 304, gzip/Brotli, HEAD, CORS, and nothing outside the folder. Run after `npm start`:
//   node examples/node-server.mjs [PORT]
// With --once it starts, fetches its own feeds twice (the second time with the ETag), prints what
// happened and exits, which is how CI checks this example.
import { createServer } from 'node:http';
import { createFolderHandler, toNodeListener } from 'storyfeed/node';

const port = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 8080);
const handler = createFolderHandler({ root: 'public', cacheControl: 'public, max-age=600' });
const server = createServer(toNodeListener(handler));

// The same listener mounts in Express or Connect: app.use('/feeds', toNodeListener(createFolderHandler({ root: 'public', basePath: '/feeds' })))
server.listen(process.argv.includes('--once') ? 0 : port, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  console.log(`Serving public/ at ${base}/`);
  if (!process.argv.includes('--once')) return;
  for (const file of ['rss.xml', 'atom.xml', 'feed.json']) {
    const first = await fetch(`${base}/${file}`);
    await first.arrayBuffer();
    const second = await fetch(`${base}/${file}`, { headers: { 'if-none-match': first.headers.get('etag') } });
    console.log(`${file}: ${first.status} ${first.headers.get('content-type')}, then ${second.status} with If-None-Match`);
  }
  const outside = await fetch(`${base}/../package.json`);
  console.log(`../package.json: ${outside.status}`);
  server.close();
});
