import { describe, expect, it } from 'vitest';
import { withHashnodeMarks } from '../../src/seed/hashnode-marks.js';
import { parseSeed } from '../../src/story/normalize.js';
import { costGrowth } from '../support/linear.js';

const site = { siteUrl: 'https://blog.example', language: 'en' };

describe("Hashnode's embeds", () => {
  it('are links to what they show, not their marks', () => {
    const post =
      '---\ntitle: "Building a CLI in Go"\nslug: building-a-cli-in-go\ntags: go, cli\n\n---\n\nHere is the talk that got me started:\n\n%[https://www.youtube.com/watch?v=dQw4w9WgXcQ]\n\nAnd the repository:\n\n%[https://github.com/spf13/cobra]\n\nThe rest is practice.\n';
    const story = parseSeed(post, { site, file: 'clvw1x2y3000008l4abcd1234.md', analysis: false });
    expect(story.contentHtml).toContain('<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></p>');
    expect(story.contentHtml).toContain('<a href="https://github.com/spf13/cobra">');
    expect(story.contentText).not.toContain('%[');
  });

  it('stay as written in code, and text that only looks like one stays text', () => {
    const code = '```md\n%[https://github.com/spf13/cobra]\n```\n\n    %[https://x.example/a]\n\nSee %[https://x.example/b] inline.\n\n%[not an address]\n';
    expect(withHashnodeMarks(code)).toBe(code);
  });
});

describe("Hashnode's images", () => {
  it('are images, not text: the alignment Hashnode writes after the address is left out', () => {
    const post =
      '---\ntitle: "Deploying with GitHub Actions"\nslug: deploying-with-github-actions\n\n---\n\nThe workflow runs on every push.\n\n![The workflow jobs](https://cdn.hashnode.com/res/hashnode/image/upload/v1711411479019/jobs.png align="center")\n\n1. Open the repository.\n    \n    ![](https://cdn.hashnode.com/res/hashnode/image/upload/v1711411479020/new.png align="left")\n    \n2. Add the secret.\n';
    const story = parseSeed(post, { site, file: 'clvw1x2y3000008l4abcd1234.md', analysis: false });
    expect(story.contentHtml).toContain('<img src="https://cdn.hashnode.com/res/hashnode/image/upload/v1711411479019/jobs.png" alt="The workflow jobs" />');
    // In a list item, as Hashnode's editor indents an image under a step.
    expect(story.contentHtml).toContain('<img src="https://cdn.hashnode.com/res/hashnode/image/upload/v1711411479020/new.png" alt="" />');
    expect(story.contentHtml).not.toContain('align=');
  });

  it('stay as written in code, and text that only looks like one stays text', () => {
    const code =
      '```md\n![](https://x.example/a.png align="center")\n```\n\n    ![](https://x.example/b.png align="center")\n\nWrite `![](https://x.example/c.png align="center")` to align it.\n\nalign="center") alone, [a link](https://x.example/d align="center")\n';
    expect(withHashnodeMarks(code)).toBe(code);
  });

  it('are read in time linear in the line, however many image starts it holds', async () => {
    for (const shape of [(n: number) => '![a](x align="center" '.repeat(n), (n: number) => `![](${'x'.repeat(n)} align=`, (n: number) => '![ align="center")'.repeat(n)])
      expect(await costGrowth((n) => withHashnodeMarks(shape(n)), 5_000, 50_000, 4)).toBeLessThan(4);
  });
});
