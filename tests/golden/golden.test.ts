import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { buildFeeds } from '../../src/pipeline.js';
import { decodeSeedBytes } from '../../src/seed/decode.js';
import { parseYamlMeta } from '../../src/seed/front-matter.js';
import { storyToJson } from '../../src/story/json.js';
import { parseSeed } from '../../src/story/normalize.js';

/**
 * Golden files: for the bundled seed and every article fixture, the Story (as `inspect --json`
 * prints it) and the three feeds are pinned in tests/golden/<name>/. Each was read by hand when it
 * was first written. Regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/golden` and review the diff.
 */
const root = path.resolve(import.meta.dirname, '../..');
const update = process.env.UPDATE_GOLDEN === '1';
const config = validateConfig(JSON.parse(readFileSync(path.join(root, 'storyfeed.config.json'), 'utf8')));
const site = { ...config, defaultYear: 2024 };

const cases = [
  { name: 'nato-north-korea-troops', file: 'seeds/nato-north-korea-troops.txt', sidecar: 'seeds/nato-north-korea-troops.meta.yaml' },
  ...readdirSync(path.join(root, 'tests/fixtures/articles')).sort().map((f) => ({ name: f.replace(/\.[^.]+$/, ''), file: `tests/fixtures/articles/${f}`, sidecar: undefined })),
];

function check(dir: string, name: string, actual: string): void {
  const file = path.join(dir, name);
  if (update) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, actual);
  }
  // A missing golden file is a failure, never written silently: it must be generated on purpose and reviewed.
  expect(existsSync(file), `${path.relative(root, file)} is missing; generate it with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(actual, `${path.relative(root, file)} differs; if the change is intended, regenerate with UPDATE_GOLDEN=1 and review the diff`).toBe(readFileSync(file, 'utf8'));
}

describe.each(cases)('golden: $name', ({ name, file, sidecar }) => {
  const text = decodeSeedBytes(readFileSync(path.join(root, file)), file);
  const meta = sidecar ? parseYamlMeta(readFileSync(path.join(root, sidecar), 'utf8'), { file: sidecar }) : undefined;
  const story = parseSeed(text, { file, site, fallbackDate: new Date('2024-11-01T00:00:00Z'), ...(meta ? { sidecar: meta } : {}) });
  const dir = path.join(root, 'tests/golden', name);

  it('story.json', () => check(dir, 'story.json', `${JSON.stringify(storyToJson(story), null, 2)}\n`));

  it('rss.xml, atom.xml, feed.json', () => {
    const { outputs } = buildFeeds([story], site);
    check(dir, 'rss.xml', outputs.rss);
    check(dir, 'atom.xml', outputs.atom);
    check(dir, 'feed.json', outputs.json);
  });
});
