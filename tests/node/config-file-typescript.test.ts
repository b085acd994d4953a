import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// jiti is an optional peer dependency: here it is missing.
vi.mock('jiti', () => {
  throw new Error("Cannot find package 'jiti'");
});

const { loadConfigFile } = await import('../../src/node/config-file.js');
const { StoryfeedError } = await import('../../src/errors.js');

const dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-ts-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Whether this Node loads `.ts` files itself (Node 22.18 and later). */
const nodeStripsTypes = typeof Reflect.get(process.features, 'typescript') === 'string';

describe('a TypeScript configuration without jiti installed', () => {
  it(nodeStripsTypes ? 'is loaded by Node itself' : 'is refused with a StoryfeedError naming both ways out', async () => {
    writeFileSync(
      path.join(dir, 'storyfeed.config.ts'),
      "const config: { siteUrl: string; title: string } = { siteUrl: 'https://x.example', title: 'X' };\nexport default config;\n",
    );
    const loading = loadConfigFile(undefined, dir);
    if (nodeStripsTypes) {
      expect((await loading)?.config.title).toBe('X');
      return;
    }
    const error: unknown = await loading.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoryfeedError);
    expect((error as InstanceType<typeof StoryfeedError>).code).toBe('E_CONFIG');
    expect((error as Error).message).toMatch(/Node 22\.18 or later, or the jiti package/);
    expect((error as InstanceType<typeof StoryfeedError>).file).toBe('storyfeed.config.ts');
  });
});
