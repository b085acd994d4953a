import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import type { Diagnostic } from '../../src/errors.js';
import { readAuthorProfiles } from '../../src/node/author-profiles.js';
import { buildSite } from '../../src/node/build.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-authors-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (file: string, text: string): void => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};

describe('authors described by id in another generator’s authors file', () => {
  it("reads Docusaurus's authors.yml, Material for MkDocs' .authors.yml and Jekyll's _data/authors.yml, each where its generator keeps it", async () => {
    write(
      'blog/authors.yml',
      'slorber:\n  name: Sébastien Lorber\n  title: Docusaurus maintainer\n  url: https://sebastienlorber.com\n  image_url: https://github.com/slorber.png\nnoname:\n  title: Nobody\n',
    );
    expect(await readAuthorProfiles(path.join(dir, 'blog'), dir)).toEqual({
      slorber: { name: 'Sébastien Lorber', url: 'https://sebastienlorber.com/', avatar: 'https://github.com/slorber.png' },
    });
    write('docs/blog/.authors.yml', 'authors:\n  squidfunk:\n    name: Martin Donath\n    description: Creator\n    avatar: https://github.com/squidfunk.png\n');
    expect(await readAuthorProfiles(path.join(dir, 'docs/blog/posts'), dir)).toEqual({ squidfunk: { name: 'Martin Donath', avatar: 'https://github.com/squidfunk.png' } });
    write('site/_data/authors.yml', 'billy_rick:\n  name: Billy Rick\n  web: https://thewhip.com\n  email: billy@rick.com\n  avatar: /assets/images/bio-photo.jpg\n');
    expect(await readAuthorProfiles(path.join(dir, 'site/_posts'), dir)).toEqual({ billy_rick: { name: 'Billy Rick', url: 'https://thewhip.com/', email: 'billy@rick.com' } });
    expect(await readAuthorProfiles(path.join(dir, 'elsewhere'), dir)).toBeUndefined();
  });

  it('names a file it cannot read in a W_AUTHORS_FILE warning, and reads no ids from it', async () => {
    write('blog/authors.yml', 'slorber:\n  name: [unclosed\n');
    const warnings: Diagnostic[] = [];
    expect(await readAuthorProfiles(path.join(dir, 'blog'), dir, (d) => warnings.push(d))).toBeUndefined();
    expect(warnings).toEqual([expect.objectContaining({ code: 'W_AUTHORS_FILE', file: 'blog/authors.yml' })]);
    write('list/authors.yml', '- slorber\n');
    expect(await readAuthorProfiles(path.join(dir, 'list'), dir, (d) => warnings.push(d))).toBeUndefined();
    expect(warnings[1]?.message).toContain('expected a mapping of ids to authors');
    // The file is named once, before the message (regression: `blog/authors.yml: blog/authors.yml could not be read`).
    expect(warnings[0]?.message).toMatch(/^this authors file could not be read \(/);
  });

  it("gives a build's stories the authors their ids name (they were published as the ids), and follows an edit of the file on a warm build", async () => {
    write('blog/authors.yml', 'slorber:\n  name: Sébastien Lorber\n  url: https://sebastienlorber.com\n');
    write('blog/2024-01-02-welcome.md', '---\ntitle: Welcome\nauthors: [slorber, guest, Jane Doe <jane@example.com>]\n---\n\nHello.\n');
    const config = validateConfig({ siteUrl: 'https://blog.example.com', title: 'Blog', entities: false });
    const build = async (): Promise<{ name: string; url?: string }[]> =>
      JSON.parse((await buildSite({ config, cwd: dir, seeds: 'blog', out: 'public', workers: 0, sourceDateEpoch: '1717200000' })).contents['feed.json']!).items[0].authors;
    expect(await build()).toEqual([{ name: 'Sébastien Lorber', url: 'https://sebastienlorber.com/' }, { name: 'guest' }, { name: 'Jane Doe' }]);
    write('blog/authors.yml', 'slorber:\n  name: Sébastien L.\n');
    expect((await build())[0]).toEqual({ name: 'Sébastien L.' });
  });
});
