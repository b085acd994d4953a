#!/usr/bin/env node
// What the second reading of the round trip costs: our RSS and Atom outputs for N items (1,000 by
// default) are read with the strict reader (readFeed), with rss-parser on the text plus the
// item-by-item cross-check (readWithRssParser + compareReadings), and with rss-parser's builders on
// the tree the strict reader parsed, item bodies left out, plus the cross-check (readTreeWithRssParser
// + compareReadings: what verifyDocument runs), alternately, and the medians are printed.
// Imports the TypeScript sources through jiti (no build needed).
//
//   node bench/rss-parser-reading.mjs                 1,000 items, 7 rounds
//   node bench/rss-parser-reading.mjs --items 10000 --rounds 3
import { createJiti } from 'jiti';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? Number(argv[i + 1]) : fallback;
};
const ITEMS = option('--items', 1000);
const ROUNDS = option('--rounds', 7);

const jiti = createJiti(new URL('../', import.meta.url).pathname);
const { renderFeeds } = await jiti.import('./src/render/index.ts');
const { readFeed } = await jiti.import('./src/verify/read.ts');
const { readTreeWithRssParser, readWithRssParser } = await jiti.import('./src/verify/rss-parser-reading.ts');
const { parseXml } = await jiti.import('./src/verify/xml-check.ts');
const { compareReadings } = await jiti.import('./src/verify/second-reading.ts');

const site = 'https://news.example.com/';
const paragraph = '<p>Ferries crossed the river again; traders said <em>queues</em> were short &amp; calm.</p>\n';
const items = [];
for (let i = 0; i < ITEMS; i++) {
  const url = `${site}2024/item-${i}`;
  items.push({
    id: url,
    url,
    title: `Item ${i}: ferries resume at Izmail`,
    summary: 'Ferries crossed the river again on Sunday.',
    contentHtml: paragraph.repeat(10),
    contentText: 'Ferries crossed the river again.',
    published: new Date(Date.UTC(2024, 0, 1) + i * 60_000),
    updated: new Date(Date.UTC(2024, 0, 2) + i * 60_000),
    authors: [{ name: 'Olena Marchenko' }],
    tags: ['Transport', 'Izmail'],
    image: { url: `${site}img/${i}.jpg`, type: 'image/jpeg' },
  });
}
const doc = {
  title: 'Danube Dispatch',
  description: 'Reporting from the lower Danube.',
  siteUrl: site,
  language: 'en',
  selfUrls: { rss: `${site}rss.xml`, atom: `${site}atom.xml`, json: `${site}feed.json` },
  updated: new Date(Date.UTC(2024, 0, 3)),
  authors: [{ name: 'Desk Editor', email: 'desk@example.com' }],
  generator: { name: 'storyfeed', version: '0.1.0' },
  items,
};
const outputs = renderFeeds(doc);
const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];

for (const format of ['rss', 'atom']) {
  const text = outputs[format];
  const strict = [];
  const second = [];
  const tree = [];
  const { root } = parseXml(text);
  let disagreements = 0;
  let treeDisagreements = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let start = performance.now();
    const parsed = await readFeed(text, { format });
    strict.push(performance.now() - start);
    start = performance.now();
    disagreements = compareReadings(parsed, await readWithRssParser(text), format).length;
    second.push(performance.now() - start);
    start = performance.now();
    treeDisagreements = compareReadings(parsed, await readTreeWithRssParser(root, text), format).length;
    tree.push(performance.now() - start);
  }
  const s = median(strict);
  const r = median(second);
  const t = median(tree);
  console.log(
    `${format.padEnd(4)} ${ITEMS} items, ${(text.length / 1e6).toFixed(2)} MB: strict reading ${s.toFixed(1)} ms, rss-parser reading + cross-check ${r.toFixed(1)} ms (x${(r / s).toFixed(2)}), ${disagreements} disagreements; on the tree ${t.toFixed(1)} ms (x${(t / s).toFixed(2)}), ${treeDisagreements} disagreements`,
  );
}
