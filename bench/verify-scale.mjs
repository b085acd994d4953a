#!/usr/bin/env node
// `verify` at scale: RSS 2.0, Atom 1.0 and JSON Feed documents of growing size (about 100 MB in
// all by default) are decoded and read with every rule checked, each in its own process so that
// its peak memory is its own. Linear means the time per MB stays flat as feeds grow; bounded means
// peak memory grows with the one feed being read, by a fixed factor, never with what came before.
//
//   npm run build && node bench/verify-scale.mjs              sizes 2, 4, 8 and 20 MB per format (102 MB)
//   node bench/verify-scale.mjs --sizes 1,2,4                 other sizes (MB)
//
// Prints one row per format and size, and the ratio of the largest size's time per MB to the smallest's.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};

/** A deterministic paragraph of about `n` characters (no randomness: runs are comparable). */
function prose(seed, n) {
  const words = ['river', 'council', 'ferry', 'grain', 'port', 'levy', 'harbour', 'summit', 'budget', 'bridge', 'Izmail', 'Reni', 'Odesa', '&', '<b>'];
  let out = '';
  for (let i = 0; out.length < n; i++) out += `${words[(seed * 7 + i * 13) % words.length]} `;
  return out;
}

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const rfc822 = (d) => `${DAYS[d.getUTCDay()]}, ${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 19)} GMT`;

/** A feed of about `mb` megabytes in `format`. */
export function generate(format, mb) {
  const target = mb * 1024 * 1024;
  const parts = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const date = new Date(Date.UTC(2024, 0, 1) + i * 60_000);
    const title = `Story ${i}: ${prose(i, 40).trim()}`;
    const body = `<p>${escapeXml(prose(i, 1500))}</p>`;
    let item;
    if (format === 'rss') {
      item =
        `<item><title>${escapeXml(title)}</title><link>https://ex.com/${i}</link><guid>https://ex.com/${i}</guid><pubDate>${rfc822(date)}</pubDate>` +
        `<dc:creator>Reporter ${i % 50}</dc:creator><category>Topic ${i % 20}</category><description>${escapeXml(escapeXml(prose(i + 1, 200)))}</description>` +
        `<content:encoded><![CDATA[${body}]]></content:encoded></item>\n`;
    } else if (format === 'atom') {
      item =
        `<entry><id>https://ex.com/${i}</id><title type="text">${escapeXml(title)}</title><link href="https://ex.com/${i}"/><updated>${date.toISOString().replace('.000', '')}</updated>` +
        `<author><name>Reporter ${i % 50}</name></author><category term="Topic ${i % 20}"/><summary type="text">${escapeXml(prose(i + 1, 200))}</summary>` +
        `<content type="html">${escapeXml(body)}</content></entry>\n`;
    } else {
      item = `${i ? ',' : ''}${JSON.stringify({ id: `https://ex.com/${i}`, url: `https://ex.com/${i}`, title, date_published: date.toISOString(), authors: [{ name: `Reporter ${i % 50}` }], tags: [`Topic ${i % 20}`], summary: prose(i + 1, 200), content_html: body })}\n`;
    }
    parts.push(item);
    size += item.length;
  }
  if (format === 'rss') {
    return (
      `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>` +
      '<title>Scale</title><link>https://ex.com/</link><description>Scale test</description><atom:link rel="self" href="https://ex.com/rss.xml"/>\n' +
      `${parts.join('')}</channel></rss>\n`
    );
  }
  if (format === 'atom') {
    return (
      '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Scale</title><id>https://ex.com/</id><updated>2024-01-01T00:00:00Z</updated>' +
      `<link rel="self" href="https://ex.com/atom.xml"/><link href="https://ex.com/"/><author><name>Desk</name></author>\n${parts.join('')}</feed>\n`
    );
  }
  return `{"version":"https://jsonfeed.org/version/1.1","title":"Scale","home_page_url":"https://ex.com/","items":[\n${parts.join('')}]}\n`;
}

async function one(format, mb) {
  const { decodeFeed, readFeed } = await import('../dist/verify.js');
  const bytes = new TextEncoder().encode(generate(format, mb));
  const start = performance.now();
  const feed = await readFeed(decodeFeed(bytes).text);
  const ms = performance.now() - start;
  const errors = feed.problems.filter((p) => p.severity === 'error').length;
  // maxRSS is in KiB; it includes the generated text and its bytes, which the reader is given.
  console.log(JSON.stringify({ format, mb: bytes.length / 1048576, ms, items: feed.items.length, errors, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

if (argv[0] === '--one') {
  await one(argv[1], Number(argv[2]));
} else {
  const sizes = option('--sizes', '2,4,8,20').split(',').map(Number);
  const script = fileURLToPath(import.meta.url);
  let total = 0;
  console.log('format  size MB   time s   s/MB   items    errors  peak RSS MB  RSS/MB');
  for (const format of ['rss', 'atom', 'json']) {
    const rows = [];
    for (const mb of sizes) {
      const run = spawnSync(process.execPath, [script, '--one', format, String(mb)], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(run.stderr);
      const row = JSON.parse(run.stdout.trim().split('\n').pop());
      rows.push(row);
      total += row.mb;
      console.log(
        `${format.padEnd(6)}  ${row.mb.toFixed(1).padStart(7)}  ${(row.ms / 1000).toFixed(2).padStart(7)}  ${(row.ms / 1000 / row.mb).toFixed(3).padStart(5)}  ${String(row.items).padStart(7)}  ${String(row.errors).padStart(6)}  ${row.maxRssMb.toFixed(0).padStart(11)}  ${(row.maxRssMb / row.mb).toFixed(1).padStart(6)}`,
      );
    }
    const first = rows[0];
    const last = rows[rows.length - 1];
    console.log(`${format}: time per MB at ${last.mb.toFixed(0)} MB is ${(last.ms / last.mb / (first.ms / first.mb)).toFixed(2)}x that at ${first.mb.toFixed(0)} MB`);
  }
  console.log(`verified ${total.toFixed(0)} MB of feeds`);
}
