import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
 * Publishing must leave readers the complete old set or the complete new set, whatever happens:
 * child processes publish real file sets and are killed with SIGKILL at random moments (seeded,
 * so a failure can be replayed with RELIABILITY_SEED) and at every named step; after each kill
 * the output folder is compared byte for byte with the known sets.
 */

type FileSet = Record<string, string>;

/** Three sets with shared files (hard-linked between builds), files of their own, sub-folders, and sizes from bytes to ~200 KB. */
function fileSets(): Record<string, FileSet> {
  const make = (tag: string, extra: string): FileSet => {
    const files: FileSet = {};
    for (let i = 0; i < 36; i++) {
      const name = `${i % 4 === 0 ? 'tags/t' + (i % 3) + '/' : ''}f${i}.${i % 2 ? 'xml' : 'json'}`;
      files[name] = (i % 3 === 0 ? `shared ${i} ` : `${tag} ${i} `).repeat(1 + ((i * 7919) % 9000));
    }
    files[`only-${tag}.txt`] = extra;
    return files;
  };
  return { A: make('A', 'a'), B: make('B', 'b'.repeat(100_000)), C: make('C', '') };
}

let dir: string;
beforeAll(async () => {
  dir = makeTemp('atomic');
  await childScripts();
}, 120_000);
afterAll(() => removeTemp(dir));

/** The build folders and leftovers next to an output folder. */
function buildsOf(out: string): string[] {
  const { builds } = publishPaths(out);
  return existsSync(builds) ? readdirSync(builds).sort() : [];
}

describe('atomic publishing', () => {
  it('leaves exactly the old or the new complete set after SIGKILL at random moments', async () => {
    const sets = fileSets();
    const setsFile = path.join(dir, 'sets.json');
    writeFileSync(setsFile, JSON.stringify(sets));
    const total = envCount('RELIABILITY_KILLS', 240);
    const lanes = 2;
    const landed = new Map<string, number>();
    const seen = new Map<string, number>();
    let survived = 0;

    const lane = async (laneNo: number, kills: number): Promise<void> => {
      const random = prng(SEED + laneNo);
      const out = path.join(dir, `lane${laneNo}`, 'public');
      mkdirSync(path.dirname(out), { recursive: true });
      await publishFiles(out, sets.A!);
      for (let k = 0; k < kills; k++) {
        const delay = Math.floor(random() * 160);
        const child = await startChild('publish-loop', [out, setsFile], { env: { START: String(k % 3), TRACE: '1' } });
        await child.printed('ready');
        await sleep(delay);
        child.process.kill('SIGKILL');
        const how = await child.exited;
        const state = whichSet(snapshot(out), sets);
        expect(state.name, `lane ${laneNo}, kill ${k} after ${delay} ms (RELIABILITY_SEED=${SEED}, exit ${how}): ${state.why}\n${child.stderr()}`).toBeDefined();
        const steps = child.stdout().match(/^step \w+$/gm) ?? [];
        const last = steps.at(-1)?.slice(5) ?? 'before the first step';
        landed.set(last, (landed.get(last) ?? 0) + 1);
        seen.set(state.name!, (seen.get(state.name!) ?? 0) + 1);
        survived++;
      }
      // The next build after all those kills takes over the stale lock, publishes, and clears the leftovers.
      const final = await startChild('publish-loop', [out, setsFile], { env: { ROUNDS: '3', START: '0' } });
      expect(await final.exited, final.stderr()).toBe(0);
      expect(whichSet(snapshot(out), sets).name).toBe('C');
      expect(existsSync(publishPaths(out).lock)).toBe(false);
      expect(buildsOf(out).every((n) => /^[0-9a-f]{16}$/.test(n)), buildsOf(out).join(', ')).toBe(true);
      expect(buildsOf(out).length).toBeLessThanOrEqual(2);
    };
    await Promise.all(Array.from({ length: lanes }, (_, i) => lane(i, Math.ceil(total / lanes))));
    const where = [...landed].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s} ${n}`).join(', ');
    tally('kill points survived (random SIGKILL during publishFiles)', survived, `last step reached: ${where}; sets found: ${[...seen].map(([s, n]) => `${s} ${n}`).join(', ')}`);
    expect(survived).toBe(lanes * Math.ceil(total / lanes));
    // The kills must have landed inside publishing, not only before or after it.
    expect(landed.get('file') ?? 0).toBeGreaterThan(0);
  }, 600_000);

  it('leaves a complete set after SIGKILL at every step of a publish', async () => {
    const sets = fileSets();
    const setsFile = path.join(dir, 'sets-steps.json');
    writeFileSync(setsFile, JSON.stringify(sets));
    const out = path.join(dir, 'steps', 'public');
    mkdirSync(path.dirname(out), { recursive: true });
    await publishFiles(out, sets.A!);
    const points = ['locked', 'file:1', 'file:18', 'file:37', 'written', 'renamed', 'linked', 'swapped', 'pruned'];
    let survived = 0;
    const names = Object.keys(sets);
    for (const point of points) {
      const [step, n = '1'] = point.split(':');
      const before = whichSet(snapshot(out), sets).name!;
      const next = names.indexOf(before) === names.length - 1 ? 0 : names.indexOf(before) + 1;
      const child = await startChild('publish-loop', [out, setsFile], { env: { ROUNDS: '1', START: String(next), KILL_AT: `${step}:${n}` } });
      expect(await child.exited, child.stderr()).toBe('SIGKILL');
      const after = whichSet(snapshot(out), sets);
      expect(after.name, `killed at ${point}: ${after.why}`).toBeDefined();
      // Up to the swap the old set is published; from the swap on, the new one.
      const swapped = ['swapped', 'pruned'].includes(step!);
      expect(after.name, `killed at ${point}`).toBe(swapped ? names[next] : before);
      survived++;
    }
    tally('kill points survived (SIGKILL at each named step)', survived, points.join(', '));
  }, 120_000);

  it('repairs an output folder killed while a plain folder was being adopted, losing nothing', async () => {
    const sets = fileSets();
    const setsFile = path.join(dir, 'sets-adopt.json');
    writeFileSync(setsFile, JSON.stringify(sets));
    let survived = 0;
    for (const step of ['adopting', 'adopted']) {
      const out = path.join(dir, `adopt-${step}`, 'public');
      for (const [name, text] of Object.entries(sets.A!)) {
        mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
        writeFileSync(path.join(out, name), text);
      }
      const child = await startChild('publish-loop', [out, setsFile], { env: { ROUNDS: '1', START: '1', KILL_AT: `${step}:1` } });
      expect(await child.exited).toBe('SIGKILL');
      // POSIX cannot swap a folder for a link in one step: killed in between, the old set waits, complete, in the builds folder.
      const adopted = path.join(publishPaths(out).builds, 'adopted');
      if (step === 'adopting') {
        expect(existsSync(out)).toBe(false);
        expect(whichSet(snapshot(adopted), sets).name).toBe('A');
      } else {
        expect(lstatSync(out).isSymbolicLink()).toBe(true);
        expect(whichSet(snapshot(out), sets).name).toBe('A');
      }
      const next = await startChild('publish-loop', [out, setsFile], { env: { ROUNDS: '1', START: '1', KILL_AT: 'file:3' } });
      expect(await next.exited).toBe('SIGKILL');
      expect(whichSet(snapshot(out), sets).name, 'the next build links the adopted set back first').toBe('A');
      const last = await startChild('publish-loop', [out, setsFile], { env: { ROUNDS: '1', START: '1' } });
      expect(await last.exited, last.stderr()).toBe(0);
      expect(whichSet(snapshot(out), sets).name).toBe('B');
      survived += 2;
    }
    tally('kill points survived (SIGKILL while adopting a plain output folder)', survived);
  }, 60_000);

  it('leaves a complete site after SIGKILL during real builds (buildSite over two seed folders)', async () => {
    const work = path.join(dir, 'site');
    const config = { siteUrl: 'https://news.example.com', title: 'News', authors: ['Desk <desk@news.example.com>'], entities: false, tagFeeds: true };
    mkdirSync(work, { recursive: true });
    writeFileSync(path.join(work, 'config.json'), JSON.stringify(config));
    for (const folder of ['seeds-a', 'seeds-b']) {
      mkdirSync(path.join(work, folder));
      for (let i = 0; i < 30; i++) {
        const own = folder === 'seeds-a' ? i % 3 === 0 : i % 3 === 1;
        if (i % 3 !== 2 && !own) continue;
        const text = `---\ntitle: Story ${i} ${i % 3 === 2 ? '' : folder}\ndate: 2024-03-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z\ntags: [Energy, T${i % 4}]\n---\nThe first paragraph of story ${i}.\n\n${'More text. '.repeat(200 + i * 10)}\n`;
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
    const first = await startChild('build-loop', [work, out, path.join(work, 'config.json'), 'seeds-a'], { env: { ROUNDS: '1' } });
    expect(await first.exited, first.stderr()).toBe(0);
    expect(whichSet(snapshot(out), expected).name).toBe('seeds-a');

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
      const state = whichSet(snapshot(out), expected);
      expect(state.name, `build kill ${k}: ${state.why}\n${child.stderr()}`).toBeDefined();
      survived++;
    }
    const last = await startChild('build-loop', [work, out, path.join(work, 'config.json'), 'seeds-b'], { env: { ROUNDS: '1' } });
    expect(await last.exited, last.stderr()).toBe(0);
    expect(whichSet(snapshot(out), expected).name).toBe('seeds-b');
    tally('kill points survived (random SIGKILL during buildSite)', survived);
  }, 300_000);
});

describe('readers during publishing', () => {
  it('only ever get complete files from the served folder while builds swap it', async () => {
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
      // A file of only some sets is missing from the others; a reader that resolved a build folder
      // two builds ago may also find it pruned (404, never a partial file).
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
    expect(second.stderr).toContain(publishPaths(out).lock);
    holder.process.stdin!.write('go on\n');
    expect(await holder.exited, holder.stderr()).toBe(0);
    expect(whichSet(snapshot(out), sets).name, 'the first build published its complete set').toBe('B');

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
      // A lock left by a build that was killed: every child finds it stale at about the same time.
      mkdirSync(path.dirname(publishPaths(out).lock), { recursive: true });
      writeFileSync(publishPaths(out).lock, '999999999 0123456789abcdef\n');
      const children = await Promise.all(Array.from({ length: 6 }, (_, i) => startChild('publish-loop', [out, setsFile], { env: { ROUNDS: '4', START: String(i + round), LOCK_LOG: log } })));
      await Promise.all(children.map((c) => c.printed('ready')));
      for (const c of children) expect(await c.exited, c.stderr()).toBe(0);
      for (const c of children) {
        for (const line of c.stdout().split('\n')) {
          if (line.startsWith('published ')) publishes++;
          if (line.startsWith('locked: ')) {
            refusals++;
            expect(line).toMatch(/another build( \(process \d+\))? is writing to this output folder; wait for it to finish, or delete .+ if no build is running \[E_LOCKED\]/);
          }
        }
      }
      expect(whichSet(snapshot(out), sets).name).toBeDefined();
    }
    const events = readFileSync(log, 'utf8').trim().split('\n');
    for (let i = 0; i < events.length; i += 2) {
      const [enter, exit] = [events[i]!, events[i + 1]];
      expect(enter.startsWith('enter '), `event ${i}: ${events.slice(Math.max(0, i - 2), i + 3).join(' | ')}`).toBe(true);
      expect(exit, `the lock holder ${enter} exits before anyone else enters`).toBe(`exit ${enter.slice(6)}`);
    }
    expect(publishes).toBeGreaterThan(0);
    tally('simultaneous publishes', publishes + refusals, `${publishes} published, ${refusals} refused with E_LOCKED, no overlap`);
  }, 120_000);
});
