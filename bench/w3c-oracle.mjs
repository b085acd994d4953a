#!/usr/bin/env node
// Runs the W3C Feed Validation Service over storyfeed's own RSS and Atom outputs and prints a table
// (feed, errors, warnings). The validator is not in Debian or npm; point STORYFEED_W3C_VALIDATOR at a
// local copy of its Python package folder holding a `validate.py` front end that prints
// `{"errors": [...], "warnings": [...]}` as JSON for one file (`--base URL FILE`). This script
// contains none of the validator's code.
//
//   npm run build && STORYFEED_W3C_VALIDATOR=/path/to/validator node bench/w3c-oracle.mjs [--details]
//
// Feeds: the plain-item call of issue #15, the podcast example, the seeds/ build (every XML feed it
// publishes), and plain items with enclosures, categories, authors with e-mails, custom namespaces
// and summary-only content. Exit code 1 when any feed has a validator error.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const validatorDir = process.env.STORYFEED_W3C_VALIDATOR;
if (!validatorDir) {
  console.log('w3c-oracle: skipped: set STORYFEED_W3C_VALIDATOR to a local copy of the W3C feed validator (a folder with validate.py).');
  process.exit(0);
}
const frontEnd = path.join(validatorDir, 'validate.py');
if (!existsSync(frontEnd)) {
  console.error(`w3c-oracle: ${frontEnd} not found: STORYFEED_W3C_VALIDATOR must name the folder holding validate.py`);
  process.exit(2);
}
if (!existsSync(path.join(repo, 'dist', 'index.js'))) {
  console.error('w3c-oracle: dist/ is missing: run `npm run build` first');
  process.exit(2);
}
const details = process.argv.includes('--details');
const python = process.env.STORYFEED_W3C_PYTHON ?? 'python3';

const { buildFeeds } = await import(path.join(repo, 'dist', 'index.js'));
const { renderMarkdown } = await import(path.join(repo, 'dist', 'story.js'));
const work = mkdtempSync(path.join(tmpdir(), 'storyfeed-w3c-'));

/** SOURCE_DATE_EPOCH of the seeds build, so runs compare. */
const NOW = new Date('2024-06-01T00:00:00Z');

/** Feeds to check: name, XML text and the URL it would be served from (the validator's base). */
const feeds = [];
const addOutputs = (name, outputs, document) => {
  feeds.push({ name: `${name} (RSS)`, xml: outputs.rss, base: document.selfUrls.rss });
  feeds.push({ name: `${name} (Atom)`, xml: outputs.atom, base: document.selfUrls.atom });
};

// 1. The call of issue #15, exactly as written there.
{
  const { outputs, document } = buildFeeds(
    [
      { url: 'https://x.example/a', title: 'A', published: '2024-01-02T03:04:05Z', contentHtml: '<p>Hi</p>' },
      {
        url: 'https://x.example/ep1',
        title: 'Episode 1',
        published: new Date('2024-01-03'),
        summary: 'An episode.',
        enclosures: [{ url: 'https://x.example/ep1.mp3', type: 'audio/mpeg', length: 1234 }],
      },
    ],
    { siteUrl: 'https://x.example', title: 'X' },
  );
  addOutputs('issue #15 call', outputs, document);
}

// 2. examples/podcast.mjs, as a user runs it (it prints the RSS, then one summary line).
{
  const out = execFileSync(process.execPath, [path.join(repo, 'examples', 'podcast.mjs')], { cwd: repo, encoding: 'utf8' });
  const end = out.indexOf('</rss>');
  if (end < 0) throw new Error('examples/podcast.mjs printed no RSS');
  feeds.push({ name: 'examples/podcast.mjs (RSS)', xml: out.slice(0, end + '</rss>'.length), base: 'https://podcast.example.com/feed.xml' });
}

// 3. Plain items: enclosures, categories, authors with e-mails, custom namespaces, summary-only.
{
  const site = {
    siteUrl: 'https://blog.example.org',
    title: 'Field Notes',
    description: 'Notes from the field.',
    language: 'en',
    authors: [{ name: 'Ada Field', email: 'ada@blog.example.org', url: 'https://blog.example.org/ada' }],
    namespaces: { media: 'http://search.yahoo.com/mrss/', dcterms: 'http://purl.org/dc/terms/' },
    extensions: { 'dcterms:license': 'https://creativecommons.org/licenses/by/4.0/' },
  };
  const items = [
    {
      id: 'https://blog.example.org/notes/1',
      url: 'https://blog.example.org/notes/1',
      title: 'Rivers & <tides>',
      summary: 'Tides on the river, measured by hand.',
      contentHtml: '<p>Tides on the <em>river</em>, measured by hand &amp; logged.</p><p><img src="https://blog.example.org/t.png" alt="tide chart"></p>',
      published: '2024-05-01T08:00:00Z',
      updated: '2024-05-02T09:30:00+02:00',
      authors: [{ name: 'Ada Field', email: 'ada@blog.example.org' }],
      tags: ['rivers', 'field work', 'C#'],
      image: 'https://blog.example.org/t.png',
      enclosures: [{ url: 'https://cdn.blog.example.org/notes-1.mp3', type: 'audio/mpeg', length: 48_000_000, title: 'Audio version', duration: 2400 }],
      extensions: { 'media:rating': 'nonadult' },
    },
    {
      url: 'https://blog.example.org/notes/2',
      title: 'Two authors, no e-mail',
      contentMarkdown: 'A *second* note with a [link](https://example.com/).',
      published: new Date('2024-05-03T10:00:00Z'),
      authors: [{ name: 'Ada Field' }, { name: 'Ben Reed', url: 'https://ben.example.net' }],
      tags: ['rivers'],
    },
    {
      url: 'https://blog.example.org/notes/3',
      title: 'Text only',
      contentText: 'Plain text: 3 < 4 and "quotes".',
      published: '2024-05-04T12:00:00Z',
      authors: [{ name: 'Ben Reed', email: 'ben@ben.example.net' }],
    },
  ];
  for (const [label, extra] of [
    ['plain items, full content', {}],
    ['plain items, summary only', { content: 'summary' }],
    ['plain items, content limit 40', { contentLimit: 40 }],
  ]) {
    const { outputs, document } = buildFeeds(items, { ...site, ...extra }, { markdown: renderMarkdown });
    addOutputs(label, outputs, document);
  }
}

// 4. The seeds/ build: every RSS and Atom file the CLI publishes.
{
  const project = path.join(work, 'project');
  mkdirSync(project, { recursive: true });
  const out = path.join(project, 'public');
  execFileSync(process.execPath, [path.join(repo, 'dist', 'cli.js'), 'build', path.join(repo, 'seeds'), '--out', out, '-q'], {
    cwd: repo,
    env: { ...process.env, SOURCE_DATE_EPOCH: String(NOW.getTime() / 1000) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stack = [out];
  const files = [];
  while (stack.length) {
    const dir = stack.pop();
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) stack.push(p);
      else if (name.endsWith('.xml') && !name.endsWith('.xsl')) files.push(p);
    }
  }
  files.sort();
  const siteUrl = 'https://news.example.com';
  for (const file of files) {
    const rel = path.relative(out, file).split(path.sep).join('/');
    feeds.push({ name: `seeds build: ${rel}`, file, base: `${siteUrl}/${rel}` });
  }
}

/** Runs the validator on one feed; returns its errors and warnings. */
function validate(feed, index) {
  let file = feed.file;
  if (!file) {
    file = path.join(work, `feed-${index}.xml`);
    writeFileSync(file, feed.xml);
  }
  const args = [frontEnd, ...(feed.base ? ['--base', feed.base] : []), file];
  const json = execFileSync(python, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(json);
}

const rows = [];
let failing = 0;
for (const [i, feed] of feeds.entries()) {
  const r = validate(feed, i);
  rows.push({ feed: feed.name, errors: r.errors.length, warnings: r.warnings.length, detail: r });
  if (r.errors.length) failing++;
}
rmSync(work, { recursive: true, force: true });

const width = rows.reduce((w, r) => Math.max(w, r.feed.length), 4);
console.log(`${'feed'.padEnd(width)}  errors  warnings`);
for (const r of rows) {
  console.log(`${r.feed.padEnd(width)}  ${String(r.errors).padStart(6)}  ${String(r.warnings).padStart(8)}`);
  if (details || r.errors) {
    for (const e of r.detail.errors) console.log(`    error   ${e.type} ${e.element ?? ''} line ${e.line ?? '?'}${e.value ? ` value=${JSON.stringify(e.value)}` : ''}`);
    if (details)
      for (const w of r.detail.warnings) console.log(`    warning ${w.type} ${w.element ?? ''} line ${w.line ?? '?'}${w.value ? ` value=${JSON.stringify(w.value)}` : ''}`);
  }
}
console.log(`${rows.length} feeds, ${failing} with errors, ${rows.reduce((n, r) => n + r.warnings, 0)} warnings in all`);
process.exit(failing ? 1 : 0);
