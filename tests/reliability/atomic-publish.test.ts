import { appendFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { buildSite } from '../../src/node/build.js';
import { publishFiles, publishPaths } from '../../src/node/publish.js';
import { createFolderHandler } from '../../src/node/serve.js';
import { checkWellFormedXml } from '../../src/verify/index.js';
import { cli } from '../support/cli.js';
import { childScripts, envCount, makeTemp, prng, removeTemp, SEED, sleep, snapshot, startChild, tally, whichSet } from './support.js';

/**
 * Publishing must leave readers each file as its complete old or complete new version, whatever
 * happens, and never touch a file storyfeed did not write: child processes publish real file sets
 * into folders holding user files and are killed with SIGKILL at random moments (seeded, so a
 * failure can be replayed with RELIABILITY_SEED) and at every named step; after each kill every
 * file is compared byte for byte with the known versions, and the next build must succeed and
 * leave no temporary files.
 */

type FileSet = Record<string, string>;

/** Three sets with shared files, files of their own, sub-folders, and sizes from bytes to ~200 KB. */
function fileSets(): Record<string, FileSet> {
  const make = (tag: string, extra: string): FileSet => {
    const files: FileSet = {};
    for (let i = 0; i < 36; i++) {
      const name = `${i % 4 === 0 ? `tags/t${i % 3}/` : ''}f${i}.${i % 2 ? 'xml' : 'json'}`;
      files[name] = (i % 3 === 0 ? `shared ${i} ` : `${tag} ${i} `).repeat(1 + ((i * 7919) % 9000));
    }
    files[`only-${tag}.txt`] = extra;
    return files;
  };
  return { A: make('A', 'a'), B: make('B', 'b'.repeat(100_000)), C: make('C', '') };
}

/** The user's own files, planted in output folders: nested, hidden, and in a folder storyfeed writes into. */
const USER_FILES: FileSet = {
  'robots.txt': 'User-agent: *\nDisallow:\n',
  'css/site.css': 'body { color: #222 }\n',
  '.htaccess': 'Options -Indexes\n',
  'deep/a/b/c/note.md': '# a note\n',
  'tags/README.txt': 'my own file in a folder storyfeed also writes into\n',
};

function plantUserFiles(out: string): void {
  for (const [name, text] of Object.entries(USER_FILES)) {
    mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
    writeFileSync(path.join(out, name), text);
  }
}

/**
 * Checks a folder file by file: every user file byte-identical, every other file a complete version
 * of that file from one of the sets. Returns the snapshot without the user files, or a reason.
 */
function fileByFile(out: string, sets: Record<string, FileSet>): { rest?: Map<string, Buffer>; why: string } {
  const files = snapshot(out);
  if (!files) return { why: 'the output folder does not exist' };
  const bad: string[] = [];
  for (const [name, text] of Object.entries(USER_FILES)) {
    if (!files.get(name)?.equals(Buffer.from(text))) bad.push(`user file ${name} ${files.has(name) ? 'changed' : 'missing'}`);
    files.delete(name);
  }
  // The build manifest keeps history (the folder slug of every tag ever seen, first-published dates),
  // so it equals no single in-memory build; it must still be a complete version: whole JSON.
  const manifest = files.get(MANIFEST);
  if (manifest) {
    if (!isCompleteJson(manifest)) bad.push(`${MANIFEST} (${manifest.length} bytes) is not complete JSON`);
    files.delete(MANIFEST);
  }
  for (const [name, bytes] of files) {
    if (!Object.values(sets).some((set) => name in set && bytes.equals(Buffer.from(set[name]!)))) bad.push(`${name} (${bytes.length} bytes) is no complete version`);
  }
  return bad.length ? { why: bad.slice(0, 5).join('; ') } : { rest: files, why: '' };
}

const MANIFEST = '.storyfeed-manifest.json';

function isCompleteJson(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** The set the folder holds exactly (besides the user files, which must be intact, and the manifest, checked whole). */
function exactSet(out: string, sets: Record<string, FileSet>): { name?: string; why: string } {
  const checked = fileByFile(out, sets);
  const comparable = Object.fromEntries(Object.entries(sets).map(([name, set]) => [name, Object.fromEntries(Object.entries(set).filter(([file]) => file !== MANIFEST))]));
  return checked.rest ? whichSet(checked.rest, comparable) : { why: checked.why };
}

/** What a finished build may leave besides the output folder: the ownership record only, no temporary files anywhere. */
function leftovers(out: string): string[] {
  const { state, legacyBuilds, legacyLock } = publishPaths(out);
  const left = existsSync(state) ? readdirSync(state).filter((n) => n !== 'owned.json') : [];
  for (const name of snapshot(out)?.keys() ?? []) if (path.posix.basename(name).startsWith('.storyfeed-tmp-')) left.push(name);
  if (existsSync(legacyBuilds)) left.push(legacyBuilds);
  if (existsSync(legacyLock)) left.push(legacyLock);
  return left;
}

let dir: string;
beforeAll(async () => {
  dir = makeTemp('atomic');
  await childScripts();
}, 120_000);
afterAll(() => removeTemp(dir));

describe('atomic publishing', () => {
  it('leaves each file complete (old or new) and the user files intact after SIGKILL at random moments', async () => {
    const sets = fileSets();
    const setsFile = path.join(dir, 'sets.json');
    writeFileSync(setsFile, JSON.stringify(sets));
    const total = envCount('RELIABILITY_KILLS', 240);
    const lanes = 2;
    const landed = new Map<string, number>();
    let survived = 0;

    const lane = async (laneNo: number, kills: number): Promise<void> => {
      const random = prng(SEED + laneNo);
      const out = path.join(dir, `lane${laneNo}`, 'public');
      plantUserFiles(out);
      await publishFiles(out, sets.A!);
      for (let k = 0; k < kills; k++) {
        const delay = Math.floor(random() * 160);
        const child = await startChild('publish-loop', [out, setsFile], { env: { START: String(k % 3), TRACE: '1' } });
        await child.printed('ready');
        await sleep(delay);
        child.process.kill('SIGKILL');
        const how = await child.exited;
        const state = fileByFile(out, sets);
        expect(state.rest, `lane ${laneNo}, kill ${k} after ${delay} ms (RELIABILITY_SEED=${SEED}, exit ${how}): ${state.why}\n${child.stderr()}`).toBeDefined();
        const steps = child.stdout().match(/^step \w+$/gm) ?? [];
        const last = steps.at(-1)?.slice(5) ?? 'before the first step';
        landed.set(last, (landed.get(last) ?? 0) + 1);
        survived++;
      }
      // The next build after all those kills publishes and clears every leftover.
      const final = await startChild('publish-loop', [out, setsFile], { env: { ROUNDS: '3', START: '0' } });
      expect(await final.exited, final.stderr()).toBe(0);
      expect(exactSet(out, sets).name).toBe('C');
      expect(leftovers(out), `lane ${laneNo}`).toEqual([]);
      expect(lstatSync(out).isDirectory()).toBe(true);
    };
    await Promise.all(Array.from({ length: lanes }, (_, i) => lane(i, Math.ceil(total / lanes))));
    const where = [...landed]
      .sort((a, b) => b[1] - a[1])
      .map(([s, n]) => `${s} ${n}`)
      .join(', ');
    tally('kill points survived (random SIGKILL during publishFiles)', survived, `last step reached: ${where}`);
    expect(survived).toBe(lanes * Math.ceil(total / lanes));
    // The kills must have landed inside publishing, not only before or after it.
    expect(landed.get('file') ?? 0).toBeGreaterThan(0);
  }, 600_000);

  it.each([
    ['given whole', ''],
    ['read when due (hashed while written)', '1'],
  ])(
    'leaves each file complete after SIGKILL at every step of a publish of contents %s, and the next build finishes it',
    async (_, lazy) => {
      const sets = fileSets();
      const setsFile = path.join(dir, `sets-steps${lazy}.json`);
      writeFileSync(setsFile, JSON.stringify(sets));
      const out = path.join(dir, `steps${lazy}`, 'public');
      plantUserFiles(out);
      const names = Object.keys(sets);
      const changedFiles = Object.keys(sets.B!).filter((f) => sets.A![f] !== sets.B![f]).length;
      // Every temporary file and every rename under `npm run stress`; the first, middle and last otherwise.
      const each = process.env.RELIABILITY_KILLS ? Array.from({ length: changedFiles }, (_, i) => i + 1) : [...new Set([1, Math.ceil(changedFiles / 2), changedFiles])];
      const points = ['locked', 'cleaned', 'planned', 'recorded', ...each.flatMap((n) => [`temp:${n}`, `file:${n}`]), 'written', 'removed:1', 'pruned', 'unlocking'];
      let survived = 0;
      for (const [k, point] of points.entries()) {
        const before = names[k % names.length]!;
        const next = names[(k + 1) % names.length]!;
        await publishFiles(out, sets[before]!);
        const [step, n = '1'] = point.split(':');
        const child = await startChild('publish-loop', [out, setsFile], { env: { ROUNDS: '1', START: String(names.indexOf(next)), KILL_AT: `${step}:${n}`, LAZY: lazy } });
        expect(await child.exited, `${point}: ${child.stderr()}`).toBe('SIGKILL');
        const state = fileByFile(out, sets);
        expect(state.rest, `killed at ${point}: ${state.why}`).toBeDefined();
        // Before the first rename the old set is published; once the record is settled, the new one; in between, a mix of complete files.
        if (['locked', 'cleaned', 'planned', 'recorded', 'temp:1'].includes(point)) expect(exactSet(out, sets).name, `killed at ${point}`).toBe(before);
        if (['pruned', 'unlocking'].includes(step!)) expect(exactSet(out, sets).name, `killed at ${point}`).toBe(next);
        await publishFiles(out, sets[next]!);
        expect(exactSet(out, sets).name, `the build after a kill at ${point}`).toBe(next);
        expect(leftovers(out), `after a kill at ${point}`).toEqual([]);
        survived++;
      }
      tally('kill points survived (SIGKILL at each named step)', survived, points.join(', '));
    },
    120_000,
  );

  it('completes a 0.1 output folder (a link into .public.builds/) killed at each step of its migration, losing nothing', async () => {
    const sets = fileSets();
    const setsFile = path.join(dir, 'sets-migrate.json');
    writeFileSync(setsFile, JSON.stringify(sets));
    let survived = 0;
    for (const step of ['migrating', 'staged', 'swapped', 'migrated']) {
      const out = path.join(dir, `migrate-${step}`, 'public');
      const { legacyBuilds, legacyLock } = publishPaths(out);
      const build = path.join(legacyBuilds, '0123456789abcdef');
      for (const [name, text] of Object.entries(sets.A!)) {
        mkdirSync(path.dirname(path.join(build, name)), { recursive: true });
        writeFileSync(path.join(build, name), text);
      }
      // 0.1 moved the user's files to adopted/ and linked the output folder to its build.
      plantUserFiles(path.join(legacyBuilds, 'adopted'));
      symlinkSync(path.relative(path.dirname(out), build), out, 'dir');
      writeFileSync(legacyLock, '999999999 0123456789abcdef\n');
      const child = await startChild('publish-loop', [out, setsFile], { env: { ROUNDS: '1', START: '1', KILL_AT: `${step}:1` } });
      expect(await child.exited, child.stderr()).toBe('SIGKILL');
      // Killed before the swap, the link still shows the old build; after it, the plain folder holds the same files and the user's.
      if (step === 'migrating' || step === 'staged') expect(whichSet(snapshot(out), sets).name).toBe('A');
      else expect(exactSet(out, sets).name).toBe('A');
      const next = await startChild('publish-loop', [out, setsFile], { env: { ROUNDS: '1', START: '1' } });
      expect(await next.exited, next.stderr()).toBe(0);
      expect(lstatSync(out).isSymbolicLink()).toBe(false);
      // only-A.txt has neither a path nor a feed file name of the new build: from a 0.1 build folder,
      // such a file may have been put there by the user, so it stays, as theirs (and is taken away here).
      expect(readFileSync(path.join(out, 'only-A.txt'), 'utf8')).toBe(sets.A!['only-A.txt']);
      rmSync(path.join(out, 'only-A.txt'));
      expect(exactSet(out, sets).name, `killed at ${step}`).toBe('B');
      expect(leftovers(out)).toEqual([]);
      survived++;
    }
    tally('kill points survived (SIGKILL while migrating a 0.1 output folder)', survived);
  }, 60_000);

  it('leaves complete files after SIGKILL during real builds (buildSite over two seed folders)', async () => {
    const work = path.join(dir, 'site');
    const config = { siteUrl: 'https://news.example.com', title: 'News', authors: ['Desk <desk@news.example.com>'], entities: false, tagFeeds: true };
    mkdirSync(work, { recursive: true });
    writeFileSync(path.join(work, 'config.json'), JSON.stringify(config));
    for (const folder of ['seeds-a', 'seeds-b']) {
      mkdirSync(path.join(work, folder));
      for (let i = 0; i < 30; i++) {
        const own = folder === 'seeds-a' ? i % 3 === 0 : i % 3 === 1;
        if (i % 3 !== 2 && !own) continue;
        const text = `---\ntitle: Story ${i} ${i % 3 === 2 ? '' : folder}\ndate: 2024-03-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z\ntags: [Energy, T${i % 4}, ${folder === 'seeds-a' ? 'Alpha' : 'Beta'}]\n---\nThe first paragraph of story ${i}.\n\n${'More text. '.repeat(200 + i * 10)}\n`;
        writeFileSync(path.join(work, folder, `story-${i}-${i % 3 === 2 ? 'shared' : folder}.md`), text);
      }
    }
    // The two complete sites a reader may see, built in memory with the same settings.
    const valid = validateConfig(config);
    const expected: Record<string, FileSet> = {};
    for (const folder of ['seeds-a', 'seeds-b']) {
      const result = await buildSite({ config: valid, cwd: work, seeds: folder, out: path.join(work, 'expected-out'), write: false, cache: false, sourceDateEpoch: '1700000000' });
      expected[folder] = result.contents;
    }
    const out = path.join(work, 'public');
    plantUserFiles(out);
    const first = await startChild('build-loop', [work, out, path.join(work, 'config.json'), 'seeds-a'], { env: { ROUNDS: '1' } });
    expect(await first.exited, first.stderr()).toBe(0);
    expect(exactSet(out, expected).name).toBe('seeds-a');

    const kills = envCount('RELIABILITY_BUILD_KILLS', 16);
    const random = prng(SEED + 99);
    let survived = 0;
    for (let k = 0; k < kills; k++) {
      const order = k % 2 ? ['seeds-a', 'seeds-b'] : ['seeds-b', 'seeds-a'];
      const child = await startChild('build-loop', [work, out, path.join(work, 'config.json'), ...order]);
      await child.printed('ready');
      await sleep(Math.floor(random() * 1500));
      child.process.kill('SIGKILL');
      await child.exited;
      const state = fileByFile(out, expected);
      expect(state.rest, `build kill ${k}: ${state.why}\n${child.stderr()}`).toBeDefined();
      survived++;
    }
    const last = await startChild('build-loop', [work, out, path.join(work, 'config.json'), 'seeds-b'], { env: { ROUNDS: '1' } });
    expect(await last.exited, last.stderr()).toBe(0);
    expect(exactSet(out, expected).name).toBe('seeds-b');
    expect(leftovers(out)).toEqual([]);
    tally('kill points survived (random SIGKILL during buildSite)', survived);
  }, 1_800_000);
});

describe('readers during publishing', () => {
  it('only ever get complete files from the served folder while builds replace them', async () => {
    const sets = fileSets();
    const setsFile = path.join(dir, 'sets-readers.json');
    writeFileSync(setsFile, JSON.stringify(sets));
    const out = path.join(dir, 'readers', 'public');
    mkdirSync(path.dirname(out), { recursive: true });
    await publishFiles(out, sets.A!);
    const handler = createFolderHandler({ root: out });
    const names = [...new Set(Object.values(sets).flatMap((set) => Object.keys(set)))].sort();
    const writer = await startChild('publish-loop', [out, setsFile], { env: { ROUNDS: '30', START: '1' } });
    let reads = 0;
    let missing = 0;
    let running = true;
    void writer.exited.then(() => (running = false));
    const random = prng(SEED + 7);
    while (running) {
      const name = names[Math.floor(random() * names.length)]!;
      const response = await handler(new Request(`http://localhost/${name}`));
      const versions = Object.values(sets).flatMap((set) => (name in set ? [set[name]!] : []));
      // A file of only some sets is missing from the others (404, never a partial file).
      if (response.status === 404) missing++;
      else expect(versions, `${name} was served incomplete or mixed`).toContain(await response.text());
      reads++;
    }
    expect(await writer.exited, writer.stderr()).toBe(0);
    expect(reads).toBeGreaterThan(50);
    tally('reads during publishing', reads, `every body a complete version of its file; ${missing} answered 404`);
  }, 120_000);
});

describe('two builds at once', () => {
  it('refuses the second build with E_LOCKED and a clear message; the first completes', async () => {
    const work = path.join(dir, 'locked');
    mkdirSync(path.join(work, 'seeds'), { recursive: true });
    writeFileSync(path.join(work, 'seeds', 'one.md'), '---\ntitle: One\ndate: 2024-01-01T00:00:00Z\n---\nThe only story.\n');
    writeFileSync(path.join(work, 'storyfeed.config.json'), JSON.stringify({ siteUrl: 'https://news.example.com', title: 'News', entities: false }));
    const sets = fileSets();
    const setsFile = path.join(work, 'sets.json');
    writeFileSync(setsFile, JSON.stringify(sets));
    const out = path.join(work, 'public');

    const holder = await startChild('publish-loop', [out, setsFile], { env: { ROUNDS: '1', START: '1', PAUSE_AT: 'written' } });
    await holder.printed('paused');
    const second = await cli(['build', '--no-cache'], { cwd: work, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('[E_LOCKED]');
    expect(second.stderr).toContain(`another build (process ${holder.process.pid}) is writing to this output folder; wait for it to finish`);
    expect(second.stderr).toContain(out);
    holder.process.stdin!.write('go on\n');
    expect(await holder.exited, holder.stderr()).toBe(0);
    expect(whichSet(snapshot(out), sets).name, 'the first build published its complete set').toBe('B');

    // The files the first build wrote are storyfeed's: the next build replaces and prunes them.
    const third = await cli(['build', '--no-cache'], { cwd: work, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(third.code, third.stderr).toBe(0);
    const site = snapshot(out)!;
    expect([...site.keys()].filter((f) => !f.startsWith('.')).sort()).toEqual(['atom.xml', 'feed.json', 'feed.xsl', 'index.html', 'rss.xml']);
    expect(checkWellFormedXml(site.get('rss.xml')!.toString()).ok).toBe(true);
    expect(JSON.parse(site.get('feed.json')!.toString()).items[0].title).toBe('One');
  }, 60_000);

  it('never lets two of many simultaneous builds hold the lock at once, even when they race for a stale lock', async () => {
    const work = path.join(dir, 'race');
    mkdirSync(work, { recursive: true });
    const sets: Record<string, FileSet> = {};
    for (let i = 0; i < 6; i++) sets[`S${i}`] = { 'rss.xml': `<rss>${i}</rss>`.repeat(2000 + i), [`only-${i}.txt`]: String(i) };
    const setsFile = path.join(work, 'sets.json');
    writeFileSync(setsFile, JSON.stringify(sets));
    const out = path.join(work, 'public');
    const log = path.join(work, 'lock.log');
    let publishes = 0;
    let refusals = 0;
    for (let round = 0; round < 4; round++) {
      // A build killed while holding the lock, and a lock file from 0.1: neither may keep the others out, nor let two in.
      const stale = await startChild('publish-loop', [out, setsFile], { env: { ROUNDS: '1', START: String(round), PAUSE_AT: 'locked', LOCK_LOG: log } });
      await stale.printed('paused');
      stale.process.kill('SIGKILL');
      await stale.exited;
      appendFileSync(log, `died ${stale.process.pid}\n`);
      writeFileSync(publishPaths(out).legacyLock, '999999999 0123456789abcdef\n');
      const children = await Promise.all(
        Array.from({ length: 6 }, (_, i) => startChild('publish-loop', [out, setsFile], { env: { ROUNDS: '4', START: String(i + round), LOCK_LOG: log } })),
      );
      await Promise.all(children.map((c) => c.printed('ready')));
      for (const c of children) expect(await c.exited, c.stderr()).toBe(0);
      for (const c of children) {
        for (const line of c.stdout().split('\n')) {
          if (line.startsWith('published ')) publishes++;
          if (line.startsWith('locked: ')) {
            refusals++;
            expect(line).toMatch(/another build( \(process \d+\))? is writing to this output folder; wait for it to finish \(.+\) \[E_LOCKED\]/);
          }
        }
      }
      expect(whichSet(snapshot(out), sets).name).toBeDefined();
    }
    const events = readFileSync(log, 'utf8').trim().split('\n');
    let holder: string | undefined;
    for (const [i, line] of events.entries()) {
      const [event, pid] = line.split(' ');
      const context = events.slice(Math.max(0, i - 2), i + 3).join(' | ');
      if (event === 'enter') {
        expect(holder, `event ${i}: ${pid} entered while ${holder} held the lock: ${context}`).toBeUndefined();
        holder = pid;
      } else {
        expect(pid, `event ${i}: the lock holder exits (or dies) before anyone else enters: ${context}`).toBe(holder);
        holder = undefined;
      }
    }
    expect(publishes).toBeGreaterThan(0);
    tally('simultaneous publishes', publishes + refusals, `${publishes} published, ${refusals} refused with E_LOCKED, no overlap`);
  }, 120_000);
});
