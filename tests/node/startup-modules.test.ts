import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Start-up cost: a build loads only what its job needs. A rebuild with every seed in the story cache
 * and every feed in the feed cache parses no seed and renders nothing, so it must not load the seed
 * parsers (YAML, Markdown), the renderer (`feed`) or the reader used to verify (`rss-parser`, saxes):
 * loading them is most of a small build's time. The CLI runs from `dist/` (built by `npm test`), with a
 * module resolution hook that logs every module loaded.
 */
const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cli.js');

/** Installed packages only rendering or verifying needs. */
const HEAVY = ['feed', 'rss-parser', 'saxes', 'xml-js'];

/**
 * Packages bundled into dist (see tsup.config.ts) that only parsing or verifying needs, each known by
 * one of its error messages: the dist file holding it is what must not be loaded.
 */
const BUNDLED_HEAVY = {
  yaml: 'Implicit keys need to be on a single line',
  'markdown-it': 'Wrong `markdown-it` preset',
};

/** The dist file that holds `marker` (exactly one). */
function distFileWith(marker: string): string {
  const dist = path.join(root, 'dist');
  const files = readdirSync(dist).filter((f) => f.endsWith('.js') && readFileSync(path.join(dist, f), 'utf8').includes(marker));
  expect(files, marker).toHaveLength(1);
  return files[0]!;
}

describe.skipIf(!existsSync(cli))('modules a build loads', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-startup-'));
    cpSync(path.join(root, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
    cpSync(path.join(root, 'storyfeed.config.json'), path.join(dir, 'storyfeed.config.json'));
    writeFileSync(
      path.join(dir, 'hooks.mjs'),
      `import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const result = await next(specifier, context);\n  appendFileSync(process.env.STARTUP_LOG, result.url + '\\n');\n  return result;\n}\n`,
    );
    writeFileSync(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The packages (under node_modules) and the dist files one `storyfeed build` loads. */
  const packagesLoaded = (run: string): Set<string> => {
    const log = path.join(dir, `${run}.log`);
    writeFileSync(log, '');
    execFileSync(process.execPath, ['--import', './register.mjs', cli, 'build', 'seeds', '--out', 'public', '-q'], {
      cwd: dir,
      env: { ...process.env, STARTUP_LOG: log, SOURCE_DATE_EPOCH: '1700000000' },
      stdio: 'pipe',
    });
    const names = new Set<string>();
    for (const url of readFileSync(log, 'utf8').split('\n')) {
      const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
      if (m) names.add(m[1]!);
      else if (url.includes('/dist/')) names.add(path.basename(url));
    }
    return names;
  };

  it('a cold build loads the parsers, the renderer and the verifier; a warm one none of them', () => {
    const cold = packagesLoaded('cold');
    // The hook sees them when they are loaded: the check below can fail.
    for (const name of HEAVY) expect(cold, name).toContain(name);
    for (const [name, marker] of Object.entries(BUNDLED_HEAVY)) expect(cold, name).toContain(distFileWith(marker));
    const warm = packagesLoaded('warm');
    for (const name of HEAVY) expect(warm, name).not.toContain(name);
    for (const [name, marker] of Object.entries(BUNDLED_HEAVY)) expect(warm, name).not.toContain(distFileWith(marker));
  });
});
