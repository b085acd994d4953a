import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { readMarkdownSeed, withoutTemplateTagLines } from '../../src/seed/markdown.js';
import { renderShortcode } from '../../src/seed/shortcodes.js';
import { costGrowth } from '../support/linear.js';

describe('renderShortcode', () => {
  it("writes Hugo's figure with its image, link, alt text and caption, every value escaped", () => {
    expect(renderShortcode('{{< figure src="/img/quay.jpg" alt="The quay" caption="Dawn & mist" attr="Ana Brel" attrlink="https://photos.example/ana" >}}')).toBe(
      '<figure><img src="/img/quay.jpg" alt="The quay"><figcaption>Dawn &amp; mist <a href="https://photos.example/ana">Ana Brel</a></figcaption></figure>',
    );
    expect(renderShortcode('  {{< figure src=quay.jpg link="https://quay.example/" title="Map" width=640 height="x" />}}')).toBe(
      '<figure><a href="https://quay.example/"><img src="quay.jpg" width="640"></a><figcaption><strong>Map</strong></figcaption></figure>',
    );
    // The caption is the alt text when none is given; markup in a value is text.
    expect(renderShortcode('{{% figure src="a.png" caption="<script>x</script> \\"quoted\\"" %}}')).toBe(
      '<figure><img src="a.png" alt="&lt;script&gt;x&lt;/script&gt; &quot;quoted&quot;"><figcaption>&lt;script&gt;x&lt;/script&gt; &quot;quoted&quot;</figcaption></figure>',
    );
    expect(renderShortcode('{{< figure alt="no source" >}}')).toBeUndefined();
  });

  it('writes an embed as a link to what it shows, by position or by name', () => {
    expect(renderShortcode('{{< youtube 0RKpf3rK57I >}}')).toBe('<p><a href="https://www.youtube.com/watch?v=0RKpf3rK57I">https://www.youtube.com/watch?v=0RKpf3rK57I</a></p>');
    expect(renderShortcode('{{< youtube id="0RKpf3rK57I" title="Quay tour" start=30 >}}')).toBe('<p><a href="https://www.youtube.com/watch?v=0RKpf3rK57I">Quay tour</a></p>');
    expect(renderShortcode('{{< vimeo 146022717 >}}')).toContain('href="https://vimeo.com/146022717"');
    expect(renderShortcode('{{< x user="quaycity" id="1453110110599868418" >}}')).toContain('href="https://x.com/quaycity/status/1453110110599868418"');
    expect(renderShortcode('{{< tweet user="quaycity" id="14531" >}}')).toContain('href="https://x.com/quaycity/status/14531"');
    expect(renderShortcode('{{< instagram BWNjjyYFxVx >}}')).toContain('href="https://www.instagram.com/p/BWNjjyYFxVx/"');
    expect(renderShortcode('{{< gist quaydev 7896402 >}}')).toContain('href="https://gist.github.com/quaydev/7896402"');
    // Ids go into the address encoded.
    expect(renderShortcode('{{< youtube "a b&c" >}}')).toContain('href="https://www.youtube.com/watch?v=a%20b%26c"');
  });

  it('gives nothing for other shortcodes, closing tags, two tags, or an argument left open', () => {
    for (const line of [
      '{{< notice warning >}}',
      '{{< constructor >}}',
      '{{< __proto__ x >}}',
      '{{< /notice >}}',
      '{{< youtube >}}',
      '{{< x id="1" >}}',
      '{{< youtube a >}} {{< youtube b >}}',
      '{{< figure src="a.png >}}',
      '{% include figure.html %}',
      'text {{< youtube a >}}',
    ])
      expect(renderShortcode(line), line).toBeUndefined();
  });

  it('shows them in a Markdown seed as blocks of their own, not counted as left out', () => {
    const warnings: Diagnostic[] = [];
    const seed = readMarkdownSeed('Quay\n\nThe quay reopened.\n{{< figure src="/q.jpg" alt="Quay" >}}\nCrowds came.\n\n{{< youtube 0RKpf3rK57I >}}\n{{< notice >}}\n', {
      onWarning: (d) => warnings.push(d),
    });
    expect(seed.html).toBe(
      '<p>The quay reopened.</p>\n<figure><img src="/q.jpg" alt="Quay"></figure>\n<p>Crowds came.</p>\n<p><a href="https://www.youtube.com/watch?v=0RKpf3rK57I">https://www.youtube.com/watch?v=0RKpf3rK57I</a></p>\n',
    );
    expect(warnings.map((w) => w.message)).toEqual(['left out a line of template tags storyfeed does not render (first: {{< notice >}} on line 8)']);
    // In a list item, indented as it was, and the list stays tight.
    expect(withoutTemplateTagLines('- One\n  {{< figure src="a.png" >}}\n- Two').body).toBe('- One\n  <figure><img src="a.png"></figure>\n- Two');
    // Four spaces into a list item is the item, not code; a caption is Markdown, as Hugo reads it.
    const listed = readMarkdownSeed('Steps\n\n* Open the box\n\n    {{< figure src="box.png" caption="The *open* box" >}}\n\n* Close it\n');
    expect(listed.html).toContain('<figure><img src="box.png" alt="The *open* box"><figcaption>The <em>open</em> box</figcaption></figure>');
    // A body of one embed is that link.
    expect(readMarkdownSeed('Tour\n\n{{< vimeo 146022717 >}}\n').html).toContain('https://vimeo.com/146022717');
  });

  it('reads a shortcode in time linear in its length', async () => {
    const growth = await costGrowth(
      (n) => {
        renderShortcode(`{{< figure src="${'a'.repeat(n)}" caption="${'\\"'.repeat(n)}" ${'k=v '.repeat(n)}>}}`);
        renderShortcode(`{{< youtube ${'x '.repeat(n)}"${'y'.repeat(n)} >}}`);
      },
      2000,
      20000,
      4,
    );
    expect(growth).toBeLessThan(4);
  });
});

describe('Liquid embed tags (DEV, Hexo, Octopress) on a line of their own', () => {
  it('are links to what they embed', () => {
    const link = (url: string): string => `<p><a href="${url}">${url}</a></p>`;
    expect(renderShortcode('{% embed https://github.com/folke/lazy.nvim %}')).toBe(link('https://github.com/folke/lazy.nvim'));
    expect(renderShortcode('{% youtube 7oVyu5jouxU %}')).toBe(link('https://www.youtube.com/watch?v=7oVyu5jouxU'));
    expect(renderShortcode('{% youtube "https://youtu.be/7oVyu5jouxU" %}')).toBe(link('https://youtu.be/7oVyu5jouxU'));
    expect(renderShortcode('{% vimeo 193110695 %}')).toBe(link('https://vimeo.com/193110695'));
    expect(renderShortcode('{% twitter 2058293935114801558 %}')).toBe(link('https://x.com/i/status/2058293935114801558'));
    expect(renderShortcode('{% github forem/forem %}')).toBe(link('https://github.com/forem/forem'));
    expect(renderShortcode('{% gist 1234567 %}')).toBe(link('https://gist.github.com/1234567'));
  });

  it('are none without an address or id they can name, and any other tag is none', () => {
    for (const line of [
      '{% embed %}',
      '{% twitter @jekyllrb %}',
      '{% github ../x y %}',
      '{% include youtube.html id="x" %}',
      '{% link _posts/a.md %}',
      '{% embed javascript:alert(1) %}',
    ])
      expect(renderShortcode(line)).toBeUndefined();
  });

  it('reach readers of a DEV post as links, not left out', () => {
    const warnings: string[] = [];
    const seed = readMarkdownSeed('---\ntitle: Demo\n---\nIntro.\n\n{% embed https://dev.to/adriens/built-a-duckdb-community-extension-for-brew-4k6f %}\n\nMore.\n', {
      onWarning: (d) => warnings.push(d.message),
    });
    expect(seed.html).toContain('<a href="https://dev.to/adriens/built-a-duckdb-community-extension-for-brew-4k6f">');
    expect(warnings).toEqual([]);
  });
});
