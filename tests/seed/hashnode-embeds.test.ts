import { describe, expect, it } from 'vitest';
import { withHashnodeEmbeds } from '../../src/seed/hashnode-embeds.js';
import { parseSeed } from '../../src/story/normalize.js';

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
    expect(withHashnodeEmbeds(code)).toBe(code);
  });
});
