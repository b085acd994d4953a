import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cli } from '../support/cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWellFormedXml } from '../../src/verify/index.js';
import { childScripts, makeTemp, removeTemp, root, snapshot, startChild, tally } from './support.js';

/**
 * The two heavy hostile inputs, each a real build (`buildSite`, entity extraction on) in a child
 * process with a fixed 2 GiB heap, so time and peak memory are measured and bounded and an
 * out-of-memory abort would fail the test instead of the test runner. The limits are safety nets,
 * not benchmarks: a 20 MB article takes ~20 s and ~1.5 GB here.
 */

interface Report {
  ms: number;
  maxRssMb: number;
  stories: number;
  skipped: string[];
  items: number;
  bytes: Record<string, number>;
}

let dir: string;
beforeAll(async () => {
  dir = makeTemp('large');
  await childScripts();
}, 120_000);
afterAll(() => removeTemp(dir));

async function build(work: string, seeds: string, settings: Record<string, unknown> = {}): Promise<{ report: Report; stderr: string }> {
  writeFileSync(path.join(work, 'config.json'), JSON.stringify({ siteUrl: 'https://news.example.com', title: 'Large', ...settings }));
  const child = await startChild('build-loop', [work, path.join(work, 'public'), path.join(work, 'config.json'), seeds], {
    env: { ROUNDS: '1', REPORT: '1' },
    nodeFlags: ['--max-old-space-size=2048'],
  });
  const how = await child.exited;
  expect(how, `the build ended with ${how}:\n${child.stderr().slice(-3000)}`).toBe(0);
  const line = child
    .stdout()
    .split('\n')
    .find((l) => l.startsWith('report '))!;
  return { report: JSON.parse(line.slice(7)) as Report, stderr: child.stderr() };
}

describe('hostile sizes', () => {
  it('refuses a seed over the size limit by its size, naming the file, and publishes the rest', async () => {
    const work = path.join(dir, 'capped');
    mkdirSync(path.join(work, 'seeds'), { recursive: true });
    writeFileSync(path.join(work, 'seeds', 'huge.txt'), `Huge\n${'word '.repeat(1_300_000)}\n`);
    writeFileSync(path.join(work, 'seeds', '2024-05-02-small.txt'), 'A small article\n\nIt is short.\n');
    writeFileSync(path.join(work, 'storyfeed.config.json'), JSON.stringify({ siteUrl: 'https://news.example.com', title: 'Capped' }));
    const refused = await cli(['build'], { cwd: work });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/seeds\/huge\.txt is 6\.5 MB; seeds are limited to 5\.0 MB \[E_TOO_LARGE\]/);
    const kept = await cli(['build', '--keep-going'], { cwd: work });
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain('Built 1 item');
  });

  it('builds a 20 MB article within bounded time and memory when the limit allows it', async () => {
    const work = path.join(dir, 'big');
    mkdirSync(path.join(work, 'seeds'), { recursive: true });
    const source = readFileSync(path.join(root, 'tests/fixtures/analysis/hamburg-election.txt'), 'utf8');
    const body = `${source.split('\n').slice(1).join('\n')}\n\n`;
    const text = `A very long article\n\n${body.repeat(Math.ceil(20_000_000 / body.length))}`;
    writeFileSync(path.join(work, 'seeds', '2024-05-01-big.txt'), text);
    writeFileSync(path.join(work, 'seeds', '2024-05-02-small.txt'), 'A small article\n\nIt is short.\n');
    const { report } = await build(work, 'seeds', { maxSeedBytes: 30_000_000 });
    expect(report.stories).toBe(2);
    expect(report.ms).toBeLessThan(150_000);
    expect(report.maxRssMb).toBeLessThan(2_600);
    const site = snapshot(path.join(work, 'public'))!;
    expect(site.get('rss.xml')!.length).toBeGreaterThan(20_000_000);
    expect(checkWellFormedXml(site.get('atom.xml')!.toString()).ok).toBe(true);
    tally('hostile input: 20 MB article', 1, `${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB built in ${(report.ms / 1000).toFixed(1)} s, peak RSS ${report.maxRssMb} MB`);
  }, 240_000);

  it('builds 20,000 small seeds within bounded time and memory', async () => {
    const work = path.join(dir, 'many');
    const count = 20_000;
    for (let i = 0; i < count; i++) {
      const folder = path.join(work, 'seeds', `batch-${String(i % 100).padStart(2, '0')}`);
      if (i < 100) mkdirSync(folder, { recursive: true });
      const day = String((i % 28) + 1).padStart(2, '0');
      writeFileSync(
        path.join(folder, `story-${i}.md`),
        `---\ntitle: Story ${i}\ndate: 2024-02-${day}T${String(i % 24).padStart(2, '0')}:00:00Z\n---\nPara ${i}: Maria Lopez said in Kyiv on Monday that the ferry would sail.\n`,
      );
    }
    const { report } = await build(work, 'seeds');
    expect(report.stories).toBe(count);
    expect(report.skipped).toEqual([]);
    expect(report.ms).toBeLessThan(150_000);
    expect(report.maxRssMb).toBeLessThan(2_600);
    const feed = JSON.parse(readFileSync(path.join(work, 'public', 'feed.json'), 'utf8')) as { items: unknown[] };
    expect(feed.items.length).toBe(report.items);
    tally('hostile input: 20,000 small seeds', count, `built in ${(report.ms / 1000).toFixed(1)} s, peak RSS ${report.maxRssMb} MB`);
  }, 240_000);
});
