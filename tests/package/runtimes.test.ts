import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNodeBuiltin, moduleGraph } from '../../bench/package-footprint.mjs';

/**
 * The core runs wherever JavaScript runs: the pure entry points name no Node built-in, the browser
 * bundle of buildFeeds + createFeedHandler stays within budget, and the bundled core works in a
 * second runtime (Bun, whose binary ships inside the `@oven/bun-*` npm packages). Needs `dist/`.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist');
/** Issue 16: the browser bundle of buildFeeds + createFeedHandler, minified. */
const BROWSER_BUDGET_BYTES = 300_000;
let work: string;

beforeAll(() => {
  if (!existsSync(path.join(dist, 'index.js'))) throw new Error('build first: npx tsup');
  work = mkdtempSync(path.join(tmpdir(), 'storyfeed-runtimes-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Bundles `code` (which imports storyfeed's entry points by name) from the repository root. */
const bundle = async (code: string, platform: 'browser' | 'node') => {
  const result = await build({
    stdin: { contents: code, resolveDir: root, sourcefile: 'entry.mjs', loader: 'js' },
    bundle: true,
    platform,
    format: 'esm',
    minify: platform === 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.entries(result.metafile.inputs);
  return {
    text: result.outputFiles[0]!.text,
    bytes: result.outputFiles[0]!.contents.byteLength,
    /** Built-ins named by storyfeed's own files, and by anything else. */
    ownBuiltins: inputs
      .filter(([file]) => file.startsWith('dist/'))
      .flatMap(([, input]) => input.imports.map((i) => i.path))
      .filter(isNodeBuiltin),
    otherBuiltins: [
      ...new Set(
        inputs
          .filter(([file]) => !file.startsWith('dist/'))
          .flatMap(([, input]) => input.imports.map((i) => i.path))
          .filter(isNodeBuiltin),
      ),
    ].sort(),
  };
};

describe('entry points', () => {
  it.each(['index', 'story', 'verify', 'server'])('dist/%s.js and every chunk it loads name no Node built-in and no file inside another package', (entry) => {
    const { bare } = moduleGraph(path.join(dist, `${entry}.js`));
    expect(bare.filter(isNodeBuiltin)).toEqual([]);
    // A bare specifier is a package name ("yaml", "@scope/name"), never a path into a package.
    expect(bare.filter((s) => s.split('/').length > (s.startsWith('@') ? 2 : 1))).toEqual([]);
  });

  it('the root entry loads only feed and any-ascii, in four files of its own (import time: no HTML parser package)', () => {
    const root = moduleGraph(path.join(dist, 'index.js'));
    // Plain items' HTML goes through our own tokenizer (src/html/), not htmlparser2, whose entry point also
    // loads its DOM modules and the entities trie (about 20 ms); Markdown and analysis are passed in from storyfeed/story.
    expect(root.bare).toEqual(['any-ascii', 'feed']);
    // index.js, core.js, core-render.js, core-errors.js: each module file costs the loader about half a millisecond.
    expect(root.files.map((f) => path.basename(f)).sort()).toEqual(['core-errors.js', 'core-render.js', 'core.js', 'index.js']);
    const server = moduleGraph(path.join(dist, 'server.js'));
    expect(server.bare).toEqual([]);
    // The server throws StoryfeedErrors but loads none of the core's parsers or renderers.
    expect(server.files.map((f) => path.basename(f))).not.toContain('core.js');
    // Reading articles needs no feed renderer.
    expect(moduleGraph(path.join(dist, 'story.js')).bare).not.toContain('feed');
  });
});

describe('in a browser bundle', () => {
  it('buildFeeds + createFeedHandler bundle without Node built-ins within 300 KB, and run without require', async () => {
    const { text, bytes, ownBuiltins, otherBuiltins } = await bundle(
      "import { buildFeeds } from 'storyfeed';\nimport { createFeedHandler } from 'storyfeed/server';\nexport { buildFeeds, createFeedHandler };\n",
      'browser',
    );
    expect(ownBuiltins).toEqual([]);
    // feed → xml-js → sax asks for `stream` inside a try/catch and works without it (shown below).
    expect(otherBuiltins).toEqual(['stream']);
    expect(bytes).toBeLessThanOrEqual(BROWSER_BUDGET_BYTES);
    // ES module scope has no `require`: the bundle must not need one.
    const file = path.join(work, 'browser-bundle.mjs');
    writeFileSync(file, text);
    const { buildFeeds, createFeedHandler } = (await import(pathToFileURL(file).href)) as typeof import('../../src/index.js') & typeof import('../../src/server/index.js');
    const site = { siteUrl: 'https://x.example', title: 'X', description: 'X', language: 'en', authors: [] };
    const { outputs } = buildFeeds([{ url: 'https://x.example/a', title: 'A', published: '2024-01-02T03:04:05Z', contentHtml: '<p>Hi<script>x()</script></p>' }], site);
    const response = await createFeedHandler({ files: { 'rss.xml': outputs.rss } })(new Request('https://x.example/rss.xml'));
    expect(response.status).toBe(200);
    const rss = await response.text();
    expect(rss).toContain('<title>A</title>');
    expect(rss).toContain('Hi');
    expect(rss).not.toContain('<script');
    expect(rss).not.toContain('x()');
  });
});

/**
 * The Bun binary of this platform, from the npm packages that ship it: `bun`'s install script moves
 * the platform package's binary to `bun/bin/bun.exe`; without install scripts it stays in
 * `@oven/bun-<platform>/bin/bun`.
 */
const bunBinary = (): string | undefined => {
  const modules = path.join(root, 'node_modules');
  const scope = path.join(modules, '@oven');
  const candidates = [path.join(modules, 'bun', 'bin', 'bun.exe'), ...(existsSync(scope) ? readdirSync(scope).map((name) => path.join(scope, name, 'bin', 'bun')) : [])];
  for (const bin of candidates) {
    try {
      if (existsSync(bin) && execFileSync(bin, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()) return bin;
    } catch {
      // A placeholder, or another platform's or CPU's build: try the next.
    }
  }
  return undefined;
};

const SECOND_RUNTIME_SCRIPT = `
import { buildFeeds } from 'storyfeed';
import { parseSeed } from 'storyfeed/story';
import { verifyFeeds } from 'storyfeed/verify';
import { createFeedHandler } from 'storyfeed/server';

const site = { siteUrl: 'https://news.example.com', title: 'News', description: 'News', language: 'en', authors: [{ name: 'Desk' }] };
const seeds = [
  ['first.txt', 'First story\\n\\nA first paragraph with enough words to be a paragraph of its own.'],
  ['second.md', '---\\ntitle: Second story\\ndate: 2024-05-01T10:00:00Z\\n---\\n\\nThe *second* story, in Markdown.'],
];
const stories = seeds.map(([file, text]) => parseSeed(text, { file, site, fallbackDate: new Date(Date.UTC(2024, 4, 2)) }));
const { outputs } = buildFeeds(stories, site);
const report = await verifyFeeds(outputs, stories, site);
const handler = createFeedHandler({ basePath: '/feeds', files: { 'rss.xml': outputs.rss, 'atom.xml': outputs.atom, 'feed.json': outputs.json } });
const json = await handler(new Request('https://news.example.com/feeds/feed.json'));
const etag = json.headers.get('etag');
const again = await handler(new Request('https://news.example.com/feeds/feed.json', { headers: { 'if-none-match': etag } }));
const rss = await handler(new Request('https://news.example.com/feeds/rss.xml', { headers: { 'accept-encoding': 'gzip' } }));
console.log(JSON.stringify({
  runtime: typeof Bun === 'undefined' ? 'other' : 'bun',
  verified: report.ok,
  problems: report.problems.length,
  formats: Object.keys(report.formats).sort(),
  items: JSON.parse(await json.text()).items.map((i) => i.title),
  type: json.headers.get('content-type'),
  notModified: again.status,
  gzip: rss.headers.get('content-encoding'),
}));
`;

describe('in a second runtime (Bun)', () => {
  it('the bundled core builds three feeds from stories, verifies them and answers requests', async () => {
    const bun = bunBinary();
    expect(bun, 'the bun devDependency provides the binary').toBeDefined();
    const { text } = await bundle(SECOND_RUNTIME_SCRIPT, 'node');
    const file = path.join(work, 'second-runtime.mjs');
    writeFileSync(file, text);
    const out = execFileSync(bun!, [file], { cwd: work, encoding: 'utf8', timeout: 60_000, env: { ...process.env, BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' } });
    expect(JSON.parse(out.trim())).toEqual({
      runtime: 'bun',
      verified: true,
      problems: 0,
      formats: ['atom', 'json', 'rss'],
      items: ['First story', 'Second story'],
      type: 'application/feed+json; charset=utf-8',
      notModified: 304,
      gzip: 'gzip',
    });
  });
});
