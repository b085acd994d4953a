import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoryfeedError } from '../../src/errors.js';
import { loadConfigFile } from '../../src/node/config-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-config-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SETTINGS = { siteUrl: 'https://x.example', title: 'X' };

/** The error `loadConfigFile` rejects with for `name`, holding `text`. */
async function refusal(name: string, text: string): Promise<StoryfeedError> {
  writeFileSync(path.join(dir, name), text);
  const error = await loadConfigFile(name, dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, name).toBeInstanceOf(StoryfeedError);
  return error as StoryfeedError;
}

describe('a configuration file given with --config', () => {
  it('in a format storyfeed does not read is E_CONFIG naming the formats it reads, not a module loader error (regression: Unknown file extension ".yaml")', async () => {
    for (const [name, text] of [
      ['site.yaml', 'siteUrl: https://x.example\ntitle: X\n'],
      ['site.toml', 'siteUrl = "https://x.example"\n'],
      ['site-settings', JSON.stringify(SETTINGS)],
    ] as const) {
      const error = await refusal(name, text);
      expect(error.code, name).toBe('E_CONFIG');
      expect(error.file, name).toBe(name);
      expect(error.message, name).toMatch(/\.json.*\.mjs.*\.ts/);
      expect(error.message, name).not.toMatch(/Unknown file extension|Unexpected token/);
    }
  });

  it('is read as JSON whatever the case of its .json extension', async () => {
    writeFileSync(path.join(dir, 'SITE.JSON'), JSON.stringify(SETTINGS));
    expect((await loadConfigFile('SITE.JSON', dir))?.config.title).toBe('X');
  });

  it('in JavaScript is still loaded by its extension, .mjs, .js or .cjs', async () => {
    writeFileSync(path.join(dir, 'a.mjs'), `export default ${JSON.stringify(SETTINGS)};\n`);
    writeFileSync(path.join(dir, 'b.cjs'), `module.exports = ${JSON.stringify(SETTINGS)};\n`);
    for (const name of ['a.mjs', 'b.cjs']) expect((await loadConfigFile(name, dir))?.config.title, name).toBe('X');
  });
});

describe('the configuration found in the working directory', () => {
  const folder = (): string => mkdtempSync(path.join(dir, 'cwd-'));

  it('is read from storyfeed.config.cjs, .mts and .cts too, as --config reads them (regression: "no configuration found")', async () => {
    const cjs = folder();
    writeFileSync(path.join(cjs, 'storyfeed.config.cjs'), `module.exports = ${JSON.stringify(SETTINGS)};\n`);
    const loaded = await loadConfigFile(undefined, cjs);
    expect(loaded?.config.title).toBe('X');
    expect(loaded?.file).toBe(path.join(cjs, 'storyfeed.config.cjs'));
  });

  it('in a format storyfeed does not read is named, not passed over as if there were none (regression: its settings silently ignored)', async () => {
    for (const name of ['storyfeed.config.yaml', 'storyfeed.config.yml', 'storyfeed.config.toml', 'storyfeed.config.json5']) {
      const cwd = folder();
      writeFileSync(path.join(cwd, name), 'siteUrl: https://x.example\n');
      const error = await loadConfigFile(undefined, cwd).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, name).toMatchObject({ code: 'E_CONFIG', file: name, message: expect.stringContaining('write its settings as storyfeed.config.json') });
      // Its fix says what to do, not "Correct the fields listed" (none are).
      expect((error as StoryfeedError).fix, name).toMatch(/^Write the settings as storyfeed\.config\.json/);
    }
  });

  it('is none beside a backup or another file named like one, and a readable one wins over an unread one', async () => {
    const cwd = folder();
    writeFileSync(path.join(cwd, 'storyfeed.config.json.bak'), '{');
    writeFileSync(path.join(cwd, 'storyfeed.config.md'), '# notes');
    expect(await loadConfigFile(undefined, cwd)).toBeUndefined();
    writeFileSync(path.join(cwd, 'storyfeed.config.yaml'), 'siteUrl: https://x.example\n');
    // Beside a package.json's "storyfeed" key it is named too (regression: the key was read, the file ignored).
    writeFileSync(path.join(cwd, 'package.json'), JSON.stringify({ storyfeed: SETTINGS }));
    await expect(loadConfigFile(undefined, cwd)).rejects.toMatchObject({ code: 'E_CONFIG', file: 'storyfeed.config.yaml' });
    writeFileSync(path.join(cwd, 'storyfeed.config.json'), JSON.stringify(SETTINGS));
    expect((await loadConfigFile(undefined, cwd))?.config.title).toBe('X');
  });
});
