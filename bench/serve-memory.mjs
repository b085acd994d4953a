#!/usr/bin/env node
// `storyfeed serve` under load: 100 concurrent clients of a 20 MB feed (a third asking for gzip, a
// third for Brotli, a third for plain bytes), in waves, against the built CLI in its own process.
// Reports the server's peak RSS (VmHWM, Linux) and fails (exit 1) above the budget.
//
//   npm run build && node bench/serve-memory.mjs [--clients 100] [--waves 3] [--mb 20] [--budget-mb 300]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? Number(argv[i + 1]) : fallback;
};
const clients = option('--clients', 100);
const waves = option('--waves', 3);
const megabytes = option('--mb', 20);
const budgetMb = option('--budget-mb', 300);

/** A well-formed RSS document of about `mb` megabytes (varied text, so it compresses like a real feed). */
function bigFeed(mb) {
  const items = [];
  let size = 0;
  for (let i = 0; size < mb * 1e6; i++) {
    const item = `<item><title>Story ${i}: the ferry left Izmail at ${i % 24}:00</title><link>https://news.example.com/story-${i}</link><guid>https://news.example.com/story-${i}</guid><description>Paragraph ${(i * 7919) % 100003}: Maria Lopez said the crossing took ${i % 97} minutes and ${(i * 31) % 113} passengers were aboard.</description></item>\n`;
    items.push(item);
    size += item.length;
  }
  return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Big</title><link>https://news.example.com/</link><description>Big</description>\n${items.join('')}</channel></rss>\n`;
}

function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

function get(port, encoding) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/rss.xml', headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode, bytes, encoding: res.headers['content-encoding'] ?? 'identity' }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-serve-memory-'));
let server;
try {
  writeFileSync(path.join(dir, 'rss.xml'), bigFeed(megabytes));
  server = spawn(process.execPath, [path.join(repo, 'dist', 'cli.js'), 'serve', dir, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /http:\/\/[^:]+:(\d+)\//.exec(out);
      if (m) resolve(Number(m[1]));
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const started = performance.now();
  const encodings = ['gzip', 'br', undefined];
  const seen = new Map();
  for (let wave = 0; wave < waves; wave++) {
    const answers = await Promise.all(Array.from({ length: clients }, (_, i) => get(port, encodings[i % 3])));
    for (const a of answers) {
      if (a.status !== 200) throw new Error(`status ${a.status}`);
      seen.set(a.encoding, a.bytes);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = peakRssMb(server.pid);
  const result = { clients, waves, feedMb: megabytes, seconds: Number(seconds.toFixed(1)), peakRssMb: Math.round(peak), budgetMb, bodies: Object.fromEntries(seen) };
  console.log(JSON.stringify(result));
  if (!(peak < budgetMb)) {
    console.error(`serve peaked at ${Math.round(peak)} MB RSS, over the ${budgetMb} MB budget`);
    process.exitCode = 1;
  }
} finally {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
}
