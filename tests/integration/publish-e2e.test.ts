import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { readersSkipReason, readWithNewsboat, requireReaders, type NewsboatSnapshot } from '../support/readers.js';

/**
 * The publishing loop as a user runs it: `storyfeed serve` on 127.0.0.1, newsboat subscribed to the
 * feeds, one seed edited and the site rebuilt between polls. Readers must see the edit as an update
 * of the same item (no duplicate), and a poll of an unchanged feed must cost a 304.
 */
const SKIP = readersSkipReason();
const root = path.resolve(import.meta.dirname, '../..');
const SEED = 'seeds/nato-north-korea-troops.txt';
const EDITED_TITLE = 'NATO official: North Korea sending troops shows how weak Russia has become';

let dir: string;
let server: ChildProcess;
let base: string;
const log: string[] = [];
// Each build runs at a later "commit time", as in CI (SOURCE_DATE_EPOCH = the commit's date): an
// edit moves the story's `updated`, which is how Atom readers such as newsboat notice it.
let epoch = 1_730_000_000;
const build = () => cli(['build', '-q'], { cwd: dir, env: { SOURCE_DATE_EPOCH: String((epoch += 3600)) } });

beforeAll(async () => {
  if (SKIP) return;
  await requireReaders({ newsboat: true });
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-e2e-'));
  cpSync(path.join(root, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  cpSync(path.join(root, 'tests/fixtures/articles/front-matter.md'), path.join(dir, 'seeds/front-matter.md'));
  cpSync(path.join(root, 'storyfeed.config.json'), path.join(dir, 'storyfeed.config.json'));
  expect((await build()).code).toBe(0);
  server = spawn(process.execPath, [path.join(root, 'dist/cli.js'), 'serve', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      for (const line of out.split('\n').slice(0, -1)) log.push(line);
      out = out.slice(out.lastIndexOf('\n') + 1);
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(log.join('\n'));
      if (m) resolve(m[1]!);
    });
    server.once('exit', (code) => reject(new Error(`storyfeed serve exited with ${code}`)));
    setTimeout(() => reject(new Error('storyfeed serve did not start')), 15_000);
  });
}, 60_000);

afterAll(() => {
  server?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(Boolean(SKIP))('storyfeed serve, newsboat, an edit and a rebuild', () => {
  const polls: Record<string, NewsboatSnapshot[]> = {};

  it.each(['rss.xml', 'atom.xml'])(
    'newsboat on %s sees the edited story as the same item, with no duplicate',
    async (file) => {
      const original = readFileSync(path.join(dir, SEED), 'utf8');
      const snapshots = await readWithNewsboat([`${base}/${file}`], {
        reloads: 4,
        beforeReload: async (reload) => {
          if (reload !== 2) return;
          writeFileSync(path.join(dir, SEED), original.replace(/^.*\n/, `${EDITED_TITLE}\n`));
          const rebuilt = await build();
          expect(rebuilt.code).toBe(0);
        },
      });
      writeFileSync(path.join(dir, SEED), original);
      expect((await build()).code).toBe(0);
      polls[file] = snapshots;
      for (const s of snapshots) expect(s.errorLog).toBe('');
      const [first, , afterEdit, last] = snapshots;
      expect(first!.items).toHaveLength(2);
      const guid = first!.items.find((i) => i.title.startsWith('NATO official'))!.guid;
      expect(afterEdit!.items).toHaveLength(2);
      expect(last!.items).toHaveLength(2);
      const edited = afterEdit!.items.filter((i) => i.guid === guid);
      expect(edited).toHaveLength(1);
      expect(edited[0]!.title).toBe(EDITED_TITLE);
      expect(new Set(last!.items.map((i) => i.guid)).size).toBe(2);
    },
    120_000,
  );

  it('answered the polls of an unchanged feed with 304', () => {
    const requests = log.filter((l) => /^GET \/(rss|atom)\.xml /.test(l));
    for (const file of ['rss.xml', 'atom.xml']) {
      const statuses = requests.filter((l) => l.startsWith(`GET /${file} `)).map((l) => Number(l.split(' ')[2]));
      // polls 1–2 before the edit (newsboat sends its ETag from the third poll), 3 after it, 4 unchanged
      expect(statuses, file).toHaveLength(4);
      expect(statuses[2], `${file}: the edited feed is downloaded again`).toBe(200);
      expect(statuses[3], `${file}: the unchanged feed costs a 304`).toBe(304);
    }
    expect(Object.keys(polls)).toEqual(['rss.xml', 'atom.xml']);
  });
});
