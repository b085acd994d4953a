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
