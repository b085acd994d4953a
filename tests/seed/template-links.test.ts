import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { readMarkdownSeed } from '../../src/seed/markdown.js';
import { withTemplateLinks } from '../../src/seed/template-links.js';
import { parseSeed } from '../../src/story/normalize.js';
import { costGrowth } from '../support/linear.js';

const SITE = 'https://harbour.example/blog/';

describe('withTemplateLinks', () => {
  it("fills Jekyll's site address, base path and relative_url into link, image and definition addresses", () => {
    const body = [
      'See [the plan]({{ site.baseurl }}/plans/) and [the map]({{ "/maps/quay.pdf" | relative_url }}).',
      '![A crane]({{site.url}}{{site.baseurl}}/img/crane.jpg "Crane") and [home]({{ site.baseurl }}).',
      "[Abs]({{ 'tides/' | absolute_url }}) and [spaced](<{{ site.baseurl }}/a b/>).",
      '',
      '[quay]: {{ site.baseurl }}/quay/ "Quay"',
    ].join('\n');
    const out = withTemplateLinks(body, SITE);
    expect(out.leftOut).toBe(0);
    expect(out.body.split('\n')).toEqual([
      'See [the plan](https://harbour.example/blog/plans/) and [the map](https://harbour.example/blog/maps/quay.pdf).',
      '![A crane](https://harbour.example/blog/img/crane.jpg "Crane") and [home](https://harbour.example/blog/).',
      '[Abs](https://harbour.example/blog/tides/) and [spaced](<https://harbour.example/blog/a b/>).',
      '',
      '[quay]: https://harbour.example/blog/quay/ "Quay"',
    ]);
    // `site.url` alone is the host, as Jekyll's `url` is; without the site's address, the site's root.
    expect(withTemplateLinks('[host]({{ site.url }}/about/) [top]({{ site.url }})', SITE).body).toBe('[host](https://harbour.example/about/) [top](https://harbour.example/)');
    expect(withTemplateLinks('[a]({{ site.baseurl }}/x/) [b]({{ site.baseurl }})').body).toBe('[a](/x/) [b](/)');
    // Raw HTML: filled, or taken out when only the generator can fill it; in inline code, as written.
    expect(
      withTemplateLinks(
        '<a href="{{ site.baseurl }}/x/">x</a> <a class="k" href=\'{% post_url y %}\'>y</a> <img src="{{< ref z >}}" alt="z"> `<a href="{{ site.baseurl }}">`',
        SITE,
      ),
    ).toEqual({
      body: '<a href="https://harbour.example/blog/x/">x</a> <a class="k">y</a> <img alt="z"> `<a href="{{ site.baseurl }}">`',
      leftOut: 2,
      first: { line: 0, text: '{% post_url y %}' },
    });
  });

  it('leaves out a link only the generator can fill, keeping its text, and an image whole', () => {
    const out = withTemplateLinks(
      'Last [year]({% post_url 2023-03-01-quay %}), the [map]({{< ref "map (1).md" >}}) and ![pier]({% link img/pier.jpg %}) stay [here](https://a.example/).\n[old]: {{< relref "old" >}}',
      SITE,
    );
    expect(out.body).toBe('Last year, the map and  stay [here](https://a.example/).\n');
    expect(out.leftOut).toBe(4);
    expect(out.first).toEqual({ line: 0, text: '{% post_url 2023-03-01-quay %}' });
    // A link whose text begins on an earlier line keeps its opening bracket as text, never a broken link.
    expect(withTemplateLinks('[two\nlines]({% post_url a %}) end').body).toBe('[two\nlines] end');
  });

  it('leaves code as written: fenced, indented and inline', () => {
    const body =
      '```\n[a]({{ site.baseurl }}/a)\n```\n\n    [b]({{ site.baseurl }}/b)\n\nUse `[c]({{ site.baseurl }}/c)` or ``[d]({% post_url d %})`` but [e]({{ site.baseurl }}/e).';
    expect(withTemplateLinks(body, SITE).body).toBe(body.replace('[e]({{ site.baseurl }}/e)', '[e](https://harbour.example/blog/e)'));
    expect(withTemplateLinks('No tags [here](https://a.example/) at all.', SITE)).toEqual({ body: 'No tags [here](https://a.example/) at all.', leftOut: 0 });
    // Four spaces into a list item is the item: filled there.
    expect(withTemplateLinks('- Step\n\n    See [the plan]({{ site.baseurl }}/plan/).', SITE).body).toBe('- Step\n\n    See [the plan](https://harbour.example/blog/plan/).');
    // A fence four spaces into a list item is code, as markdown-it reads it.
    const listed = '1. Link it:\n\n    ```markdown\n    [a]({{ site.baseurl }}/a)\n    ```\n\n2. Done.';
    expect(withTemplateLinks(listed, SITE).body).toBe(listed);
    // A fence in a quote is code too.
    const quoted = '> ```\n> [a]({{ site.baseurl }}/a)\n> ```';
    expect(withTemplateLinks(quoted, SITE).body).toBe(quoted);
    // Raw HTML's addresses are the site's, as Jekyll fills them: a <div>'s, and a <pre>'s, whose links are live
    // (regression: left as written, `<pre><a href="{{ site.baseurl }}/a">` reached readers as https://…/%7B%7B%20site.baseurl…).
    expect(withTemplateLinks('<div>\n<a href="{{ site.baseurl }}/a">a</a>\n</div>', SITE).body).toBe('<div>\n<a href="https://harbour.example/blog/a">a</a>\n</div>');
    expect(withTemplateLinks('<pre>\n<a href="{{ site.baseurl }}/a">a</a>\n</pre>', SITE).body).toBe('<pre>\n<a href="https://harbour.example/blog/a">a</a>\n</pre>');
  });

  it('reads a Markdown seed with links filled and names the first one left out with its line', () => {
    const warnings: Diagnostic[] = [];
    const seed = readMarkdownSeed('---\ntitle: Quay works\n---\nThe council [announced]({{ site.baseurl }}/news/) it.\n\nSee [last year]({% post_url 2023-03-01-quay %}).\n', {
      file: 'quay.md',
      siteUrl: SITE,
      onWarning: (d) => warnings.push(d),
    });
    expect(seed.html).toContain('<a href="https://harbour.example/blog/news/">announced</a>');
    expect(seed.html).toContain('<p>See last year.</p>');
    expect(seed.html).not.toContain('{%');
    expect(warnings.map((w) => [w.code, w.line])).toEqual([['W_TEMPLATE_TAG', 6]]);
    expect(warnings[0]!.message).toContain('{% post_url 2023-03-01-quay %}');
  });

  it("takes the site's address from the story options when a seed is parsed into a story", () => {
    const story = parseSeed('Quay works\n\nThe council [announced]({{ site.baseurl }}/news/quay/) the works on the quay today.\n', {
      site: { siteUrl: SITE },
      format: 'markdown',
      analysis: false,
    });
    expect(story.contentHtml).toContain('href="https://harbour.example/blog/news/quay/"');
  });

  it('reads in time linear in the text, whatever the brackets and backticks', async () => {
    const text = (n: number): string =>
      [
        `${'](x'.repeat(n)}{{`,
        '[a]({{ site.baseurl }}/b) '.repeat(n),
        '`{{'.repeat(n),
        '[{% a %}]('.repeat(n),
        `${Array.from({ length: n }, (_, i) => '`'.repeat((i % 60) + 1)).join('a')}{{`,
        `{{ ${']'.repeat(n)}({% x %})`,
      ].join('\n');
    const growth = await costGrowth((n) => withTemplateLinks(text(n), SITE), 2000, 20000, 4);
    expect(growth).toBeLessThan(4);
  });
});

describe("Pelican's and Zola's links to their own content", () => {
  it("fill Pelican's {static} and {filename} paths from the content root to a static file with the site's address", () => {
    const out = withTemplateLinks('![Alt Text]({filename}/images/han.jpg) and [Our Menu]({static}/pdfs/menu.pdf "Menu").\n\n[old]: |static|/img/a.png', SITE);
    expect(out).toEqual({
      body: '![Alt Text](https://harbour.example/blog/images/han.jpg) and [Our Menu](https://harbour.example/blog/pdfs/menu.pdf "Menu").\n\n[old]: https://harbour.example/blog/img/a.png',
      leftOut: 0,
    });
    expect(withTemplateLinks('<img src="{static}/images/x.png" alt="x">', SITE).body).toBe('<img src="https://harbour.example/blog/images/x.png" alt="x">');
  });

  it("leave out links to Pelican's articles, tags and paths relative to the article, and Zola's @/ links, keeping their text", () => {
    const body = [
      '[a link relative to the content root]({filename}/category/article1.md) and [there]({filename}../article2.rst).',
      '![Icon]({attach}icons/icon.png) [tagged]({tag}pelican) [home]({index}) [legacy](|filename|an_article.rst).',
      "*This post assumes you've read the [previous one in the series](@/pbp-osdev/hello-world.md).* See [part](<@/blog/x.md#part>).",
      '',
      '[series]: @/blog/_index.md',
    ].join('\n');
    const out = withTemplateLinks(body, SITE);
    expect(out.body.split('\n')).toEqual([
      'a link relative to the content root and there.',
      ' tagged home legacy.',
      "*This post assumes you've read the previous one in the series.* See part.",
      '',
      '',
    ]);
    expect(out.leftOut).toBe(9);
    expect(out.first).toEqual({ line: 0, text: '{filename}/category/article1.md' });
  });

  it('reach readers as text, with the warning, and leave other addresses and code as written', () => {
    const warnings: Diagnostic[] = [];
    const seed = readMarkdownSeed('Title: Z\nDate: 2012-12-01\n\nSee [the second article]({filename}/article2.md) and [mail](mailto:a@b.example).\n\n`[x](@/a.md)`\n', {
      file: 'content/z.md',
      siteUrl: SITE,
      onWarning: (d) => warnings.push(d),
    });
    expect(seed.sections[0]!.blocks).toEqual([
      { kind: 'paragraph', text: 'See the second article and mail.' },
      { kind: 'paragraph', text: '[x](@/a.md)' },
    ]);
    expect(warnings.map((d) => `${d.code} ${d.line} ${d.message}`)).toEqual([
      'W_TEMPLATE_TAG 4 left out a link whose address only the site generator can fill, keeping the text (first: {filename}/article2.md on line 4)',
    ]);
    expect(withTemplateLinks('An email@/a and [x](https://x.example/@/y) and {static} as text.', SITE)).toEqual({
      body: 'An email@/a and [x](https://x.example/@/y) and {static} as text.',
      leftOut: 0,
    });
  });
});
