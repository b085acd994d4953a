import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { parseSeed } from '../../src/story/normalize.js';
import { sourceImagePath } from '../../src/story/source-image.js';

const SITE = 'https://ex.com/blog/';

describe('sourceImagePath', () => {
  it("names a path climbing above the site's root from where it is read, and a path through an import alias", () => {
    const story = 'https://ex.com/blog/first-post';
    const bundle = 'https://ex.com/blog/posts/trip/';
    for (const [address, base] of [
      ['../../assets/stars.png', story],
      ['../stars.png', story],
      ['..\\assets\\stars.png', story],
      ['%2e%2e/assets/stars.png', story],
      ['a/../../x.png', story],
      ['../../../x.png', bundle],
      ['../../..', bundle],
      [' ../x.png?w=3#top', story],
    ] as const)
      expect(sourceImagePath(address, base, SITE), address).toBe("a path climbing above the site's root");
    for (const alias of ['~/assets/x.png', '@/assets/x.png', '@assets/x.png', '~\\x.png'])
      expect(sourceImagePath(alias, story, SITE), alias).toBe('a path through an import alias');
  });

  it('takes every other address as one the site may publish', () => {
    const story = 'https://ex.com/blog/first-post';
    const bundle = 'https://ex.com/blog/posts/trip/';
    for (const [address, base] of [
      ['stars.png', story],
      ['./stars.png', story],
      ['img/../stars.png', story],
      ['../../x.png', bundle],
      ['../x.png?a=../../..', bundle],
      ['/assets/x.png', story],
      ['//cdn.example/x.png', story],
      ['https://cdn.example/../../x.png', story],
      ['data:image/png;base64,AAAA', story],
      ['', story],
      // A story whose address is off the site (its front matter's url) is not judged.
      ['../../x.png', 'https://other.example/a/b'],
    ] as const)
      expect(sourceImagePath(address, base, SITE), `${address} from ${base}`).toBeUndefined();
  });

  it('reads a long path once, in time linear in its length', () => {
    const deep = `${'a/'.repeat(200_000)}${'../'.repeat(200_000)}x.png`;
    expect(sourceImagePath(deep, 'https://ex.com/blog/p', SITE)).toBeUndefined();
    expect(sourceImagePath(`${deep.slice(0, -5)}../x.png`, 'https://ex.com/blog/p', SITE)).toBe("a path climbing above the site's root");
  });
});

describe("a story's images named by source paths", () => {
  const site = { siteUrl: 'https://ex.com/blog', language: 'en' };
  const read = (text: string, file = 'src/content/blog/first-post.md') => {
    const warnings: Diagnostic[] = [];
    const story = parseSeed(text, { site, file, analysis: false, onWarning: (d) => warnings.push(d) });
    return { story, warnings: warnings.filter((d) => d.code === 'W_IMAGE_PATH').map((d) => d.message) };
  };

  it("are left out, named in one warning, as Astro's Markdown writes them; pictures the site publishes stay", () => {
    const { story, warnings } = read(
      '---\ntitle: First post\ndate: 2024-07-08\nimage: ../../assets/cover.png\n---\n\nThe night was clear.\n\n![A starry night sky.](../../assets/stars.png)\n\n![A moon](/images/moon.png)\n\n<img src="~/assets/comet.png" alt="A comet"><img src="../../assets/stars.png" alt="Again">\n',
    );
    expect(story.contentHtml).not.toMatch(/stars\.png|comet\.png|A starry|A comet/);
    expect(story.contentHtml).toContain('<img src="https://ex.com/images/moon.png" alt="A moon" />');
    expect(story.image).toBeUndefined();
    expect(warnings).toEqual([
      '3 images were left out: "../../assets/stars.png" (a path climbing above the site\'s root), "~/assets/comet.png" (a path through an import alias), "../../assets/cover.png" (a path climbing above the site\'s root) name a source file, not an address readers can load (a site generator publishes such a picture under a name of its own, as Astro does under /_astro/); give the picture\'s published URL, or its path from the site\'s root (/images/x.png)',
    ]);
    const one = read('---\ntitle: One\ndate: 2024-07-08\n---\n\nText.\n\n![a](../x.png)\n');
    expect(one.warnings).toEqual([expect.stringMatching(/^an image was left out: "\.\.\/x\.png" \(a path climbing above the site's root\) names a source file, /)]);
    const many = read(`---\ntitle: Many\ndate: 2024-07-08\n---\n\nText.\n\n${Array.from({ length: 5 }, (_, i) => `![${i}](../${i}.png)`).join(' ')}\n`);
    expect(many.warnings).toEqual([expect.stringMatching(/^5 images were left out: .*"\.\.\/2\.png" \(a path climbing above the site's root\) and 2 more name a source file, /)]);
  });

  it("leave a video's poster named by a source path out, the video kept", () => {
    const { story, warnings } = read('---\ntitle: Clip\ndate: 2024-07-08\n---\n\nA clip.\n\n<video src="/media/clip.mp4" poster="../../assets/poster.png"></video>\n');
    expect(story.contentHtml).toContain('<video src="https://ex.com/media/clip.mp4" controls></video>');
    expect(warnings).toEqual([expect.stringMatching(/^an image was left out: "\.\.\/\.\.\/assets\/poster\.png"/)]);
  });

  it("keep a page bundle's pictures beside it, and a Chirpy media folder's paths", () => {
    const bundle = read('---\ntitle: Trip\ndate: 2024-07-08\n---\n\nWe went.\n\n![Sea](sea.jpg) ![Up](../shared/map.png)\n', 'content/posts/trip/index.md');
    expect(bundle.story.contentHtml).toContain('src="https://ex.com/blog/trip/sea.jpg"');
    expect(bundle.story.contentHtml).toContain('src="https://ex.com/blog/shared/map.png"');
    expect(bundle.warnings).toEqual([]);
    const chirpy = read('---\ntitle: Media\ndate: 2024-07-08\nmedia_subpath: /assets/img/post\n---\n\nA picture.\n\n![Sea](../../sea.jpg)\n', '_posts/2024-07-08-media.md');
    expect(chirpy.warnings).toEqual([]);
  });

  it('leave an article of nothing but such a picture with no body readers can load', () => {
    expect(() => read('---\ntitle: Only a picture\ndate: 2024-07-08\n---\n\n![Stars](../../assets/stars.png)\n')).toThrow(expect.objectContaining({ code: 'E_NO_BODY' }));
  });
});
