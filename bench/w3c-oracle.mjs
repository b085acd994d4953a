#!/usr/bin/env node
// Runs the W3C Feed Validation Service over storyfeed's own RSS and Atom outputs and prints a table
// (feed, errors, warnings). The validator is not in Debian or npm: point STORYFEED_W3C_VALIDATOR at
// a checkout of it (github.com/w3c/feedvalidator: the repository or its src/ folder, which holds the
// `feedvalidator` Python package; it needs html5lib). This script holds none of the validator's
// code: it calls its `validateString` and counts the events of class Error and Warning, as the web
// service does (Info events are not shown there either).
//
//   npm run build && STORYFEED_W3C_VALIDATOR=/path/to/feedvalidator node bench/w3c-oracle.mjs [--details]
//   (npm run bench:w3c does both; STORYFEED_W3C_PYTHON picks the interpreter, default python3)
//
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const validatorDir = process.env.STORYFEED_W3C_VALIDATOR;
if (!validatorDir) {
  console.log('w3c-oracle: skipped: set STORYFEED_W3C_VALIDATOR to a checkout of the W3C feed validator (github.com/w3c/feedvalidator).');
  process.exit(0);
}
const packageRoot = [validatorDir, path.join(validatorDir, 'src')].find((dir) => existsSync(path.join(dir, 'feedvalidator', '__init__.py')));
if (!packageRoot) {
  console.error(`w3c-oracle: no feedvalidator package in ${validatorDir} or ${path.join(validatorDir, 'src')}`);
  process.exit(2);
}
if (!existsSync(path.join(repo, 'dist', 'index.js'))) {
  console.error('w3c-oracle: dist/ is missing: run `npm run build` first');
  process.exit(2);
}
const details = process.argv.includes('--details');
const python = process.env.STORYFEED_W3C_PYTHON ?? 'python3';

const { buildFeeds, buildFeedSet, renderFeeds } = await import(path.join(repo, 'dist', 'index.js'));
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
  const xml = out.slice(0, end + '</rss>'.length);
  // Served from its own self link, as a podcast app would fetch it.
  const self = /<atom:link href="([^"]+)" rel="self"/.exec(xml)?.[1];
  feeds.push({ name: 'examples/podcast.mjs (RSS)', xml, base: self });
}

// 3. Plain items: enclosures, categories, authors with e-mails, custom namespaces, summary-only.
{
  const site = {
    siteUrl: 'https://blog.example.org',
    title: 'Field Notes',
    description: 'Notes from the field.',
    language: 'en',
    authors: [{ name: 'Ada Field', email: 'ada@blog.example.org', url: 'https://blog.example.org/ada' }],
    logo: 'https://blog.example.org/logo.svg',
    icon: 'https://blog.example.org/icon.png',
    copyright: '© 2024 Ada Field & co.',
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
  // The same items as a feed set: RFC 5005 archive pages of two items, per-tag and per-author feeds.
  const set = buildFeedSet(items, { ...site, archive: true, itemLimit: 2 }, { tagFeeds: true, authorFeeds: true, markdown: renderMarkdown });
  for (const entry of set) addOutputs(`feed set: ${entry.kind} ${entry.path || '/'}`, renderFeeds(entry.document), entry.document);
}

// 4. The seeds/ build: every RSS and Atom file the CLI publishes, built in a scratch project with
// the repository's config (so its cache and output stay out of the repository).
{
  const project = path.join(work, 'project');
  mkdirSync(project, { recursive: true });
  copyFileSync(path.join(repo, 'storyfeed.config.json'), path.join(project, 'storyfeed.config.json'));
  const out = path.join(project, 'public');
  execFileSync(process.execPath, [path.join(repo, 'dist', 'cli.js'), 'build', path.join(repo, 'seeds'), '--out', out, '-q'], {
    cwd: project,
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
  const siteUrl = JSON.parse(readFileSync(path.join(project, 'storyfeed.config.json'), 'utf8')).siteUrl.replace(/\/$/, '');
  for (const file of files) {
    const rel = path.relative(out, file).split(path.sep).join('/');
    feeds.push({ name: `seeds build: ${rel}`, file, base: `${siteUrl}/${rel}` });
  }
}

/**
 * Glue run by Python for one file: validates it as the web service validates a document fetched from
 * `base`, and prints the events of class Error and Warning as JSON. (validators.py uses
 * `collections.Callable`, gone since Python 3.10, hence the alias.)
 */
const GLUE = `
import sys, json, collections, collections.abc
if 'Callable' not in vars(collections): collections.Callable = collections.abc.Callable
import feedvalidator
from feedvalidator.logging import Error, Warning
base, name = sys.argv[1], sys.argv[2]
events = feedvalidator.validateString(open(name, 'rb').read(), firstOccurrenceOnly=0, base=base)['loggedEvents']
def plain(e):
  return dict([('type', e.__class__.__name__)] + [(k, v if isinstance(v, (str, int, float)) else str(v)) for k, v in e.params.items()])
print(json.dumps({'errors': [plain(e) for e in events if isinstance(e, Error)], 'warnings': [plain(e) for e in events if isinstance(e, Warning)]}))
`;

/** Runs the validator on one feed; returns its errors and warnings. */
function validate(feed, index) {
  let file = feed.file;
  if (!file) {
    file = path.join(work, `feed-${index}.xml`);
    writeFileSync(file, feed.xml);
  }
  const pythonPath = [packageRoot, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter);
  const json = execFileSync(python, ['-c', GLUE, feed.base ?? '', file], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: pythonPath }, maxBuffer: 64 * 1024 * 1024 });
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
