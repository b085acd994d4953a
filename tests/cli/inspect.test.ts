import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-inspect-'));
  mkdirSync(path.join(dir, 'seeds'));
  writeFileSync(path.join(dir, 'storyfeed.config.json'), JSON.stringify({ siteUrl: 'https://news.example.com/', title: 'News' }));
  writeFileSync(path.join(dir, 'seeds', '2024-01-01-one.md'), '# Story one\n\nA paragraph.\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `text` to `file` (below `dir`), making its folders. */
function put(file: string, text = '# A page\n\nIts text.\n'): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

describe('storyfeed inspect of a file a build does not read', () => {
  it('says so and why, as the walk of the seeds folder skips it, instead of reading it as a text seed', async () => {
    put('seeds/page.html', '<p>A page of the site.</p>\n');
    put('seeds/README.md');
    put('seeds/_drafts/2024-02-01-draft.md');
    put('seeds/.hidden.md');
    put('seeds/2024-01-01-one.meta.yaml', 'title: From the sidecar\n');
    put('seeds/notes.rst', 'A title\n=======\n\nText.\n');
    for (const [file, why] of [
      ['seeds/page.html', /storyfeed reads Markdown, plain text and JSON seeds \(\.txt, .*\.json\).*not \.html files/],
      ['seeds/README.md', /a folder's notes \(a README, licence, changelog or contributing guide\), not an article/],
      ['seeds/_drafts/2024-02-01-draft.md', /the folder seeds\/_drafts is not read: its name starts with an underscore/],
      ['seeds/.hidden.md', /its name starts with a dot/],
      ['seeds/2024-01-01-one.meta.yaml', /a sidecar: its fields are read with the seed of the same name/],
      ['seeds/notes.rst', /an article in a format storyfeed does not read/],
    ] as const) {
      const run = await cli(['inspect', file], { cwd: dir });
      expect(run.code, file).toBe(1);
      expect(run.stdout, file).toBe('');
      expect(run.stderr, file).toContain(`error: ${file}: a build of the seeds folder does not read this file: `);
      expect(run.stderr, file).toMatch(why);
      expect(run.stderr, file).toContain('[E_UNSUPPORTED]');
    }
    const json = await cli(['inspect', 'seeds/page.html', '--json'], { cwd: dir });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'E_UNSUPPORTED', file: 'seeds/page.html' } });
  });

  it("a Jekyll site's page, or a post of its _posts not named with its date first, is named as a build skips it", async () => {
    put('site/_config.yml', 'title: Site\n');
    put('site/about.md');
    put('site/_posts/2024-01-02-storm.md');
    put('site/_posts/undated-storm.md');
    const page = await cli(['inspect', 'site/about.md'], { cwd: dir });
    expect(page.code).toBe(1);
    expect(page.stderr).toMatch(/only the posts in its _posts folders are read/);
    const undated = await cli(['inspect', 'site/_posts/undated-storm.md'], { cwd: dir });
    expect(undated.code).toBe(1);
    expect(undated.stderr).toMatch(/without a date first in its name \(2024-01-02-title\.md\)/);
    expect((await cli(['inspect', 'site/_posts/2024-01-02-storm.md'], { cwd: dir })).code).toBe(0);
  });

  it('decides from the seeds folder a build of the working directory walks, not the folder the file is in: a post of a site with a _config.yml and source/_posts', async () => {
    // No configuration: a build of the working directory (`build .`) publishes the post, whose folder alone looks like Jekyll's _posts.
    const site = path.join(dir, 'blog');
    put('blog/_config.yml', 'title: Site\n');
    put('blog/source/_posts/hello-world.md', '# Hello world\n\nA paragraph.\n');
    const build = await cli(['build', '.', '--out', path.join(dir, 'out'), '--site', 'https://blog.example.com/', '--title', 'Blog'], { cwd: site });
    expect(build.code, build.stderr).toBe(0);
    const alone = await cli(['inspect', 'source/_posts/hello-world.md'], { cwd: site });
    expect(alone.code, alone.stderr).toBe(0);
    expect(alone.stdout).toContain('Hello world');
    // With a configuration whose seeds folder does not hold the file: the working directory does, as a build of it reads it.
    const configured = await cli(['inspect', 'blog/source/_posts/hello-world.md'], { cwd: dir });
    expect(configured.code, configured.stderr).toBe(0);
    expect(configured.stdout).toContain('Hello world');
  });

  it("still names a Jekyll site's undated post as skipped when the working directory is the site", async () => {
    const site = path.join(dir, 'jekyll');
    put('jekyll/_config.yml', 'title: Site\n');
    put('jekyll/_posts/hello-world.md', '# Hello world\n\nA paragraph.\n');
    put('jekyll/_posts/2024-01-02-storm.md', '# Storm\n\nA paragraph.\n');
    const undated = await cli(['inspect', '_posts/hello-world.md'], { cwd: site });
    expect(undated.code).toBe(1);
    expect(undated.stderr).toMatch(/without a date first in its name \(2024-01-02-title\.md\)/);
    expect((await cli(['inspect', '_posts/2024-01-02-storm.md'], { cwd: site })).code).toBe(0);
  });

  it('still shows the seeds a build reads, in the seeds folder and out of it, and names a missing file as before', async () => {
    const seed = await cli(['inspect', 'seeds/2024-01-01-one.md'], { cwd: dir });
    expect(seed.code, seed.stderr).toBe(0);
    expect(seed.stdout).toContain('Story one');
    put('elsewhere/post.md');
    expect((await cli(['inspect', 'elsewhere/post.md'], { cwd: dir })).code).toBe(0);
    put('elsewhere/page.html', '<p>A page.</p>\n');
    const page = await cli(['inspect', 'elsewhere/page.html'], { cwd: dir });
    expect(page.code).toBe(1);
    expect(page.stderr).toContain('[E_UNSUPPORTED]');
    const missing = await cli(['inspect', 'seeds/nope.md'], { cwd: dir });
    expect(missing.stderr).toContain('does not exist');
  });
});
