// Takes the README's screenshot: the bundled seeds' RSS feed as a browser shows it with the bundled
// XSL stylesheet. Needs Debian's chromium (apt-get install chromium) and a build (npm run build).
//   npm run screenshot
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite, loadConfigFile, serveFolder } from '../../dist/node.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = path.join(root, 'examples/screenshots/feed-in-browser.png');
const work = mkdtempSync(path.join(tmpdir(), 'storyfeed-shot-'));
const { config } = await loadConfigFile(undefined, root);
await buildSite({ config, cwd: root, out: path.join(work, 'public'), cache: false });
const server = await serveFolder({ root: path.join(work, 'public'), port: 0 });
const url = `http://127.0.0.1:${server.address().port}/rss.xml`;
try {
  rmSync(out, { force: true });
  // Chromium complains about D-Bus and exits non-zero in containers even when the shot is taken.
  // It runs asynchronously: the server answering it lives in this process.
  const run = await new Promise((resolve) => {
    const child = spawn(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--hide-scrollbars',
        `--user-data-dir=${path.join(work, 'profile')}`,
        '--window-size=1000,640',
        `--screenshot=${out}`,
        url,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', () => resolve({ stderr }));
    child.on('error', (error) => resolve({ stderr: String(error) }));
  });
  if (!existsSync(out) || statSync(out).size === 0) throw new Error(`chromium took no screenshot:\n${run.stderr}`);
  console.log(`wrote ${path.relative(root, out)} from ${url}`);
} finally {
  server.close();
  rmSync(work, { recursive: true, force: true });
}
