import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { readMarkdownSeed, withoutTemplateTagLines } from '../../src/seed/markdown.js';
import { costGrowth } from '../support/linear.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('readMarkdownSeed', () => {
  it('reads front matter, sections, lists and block quotes', () => {
    const seed = readMarkdownSeed(fixture('articles/front-matter.md'), { file: 'front-matter.md' });
    expect(seed.title).toBe('Grain corridor traffic rises for a third month');
    expect(seed.meta.date?.toISOString()).toBe('2024-10-21T05:30:00.000Z');
    expect(seed.meta.updated?.toISOString()).toBe('2024-10-22T09:00:00.000Z');
    expect(seed.meta.authors).toEqual([{ name: 'Olena Marchenko', email: 'o.marchenko@example.org', url: 'https://example.org/authors/olena-marchenko' }]);
    expect(seed.meta.tags).toEqual(['economy', 'shipping', 'Black Sea']);
    expect(seed.sections.map((s) => s.heading)).toEqual([null, 'Why insurers matter']);
    expect(seed.sections[1]!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'quote', 'paragraph', 'list', 'paragraph']);
    expect(seed.sections[0]!.blocks[0]).toEqual({
      kind: 'paragraph',
      text: 'Ships leaving the ports of the Odesa region carried 6.2 million tonnes of cargo in September, the third monthly rise in a row, the Ukrainian Sea Ports Authority said on Monday.',
    });
    expect(seed.html).toContain('<strong>Odesa region</strong>');
    expect(seed.html).toContain('<h2>Why insurers matter</h2>');
  });

  it("takes the text before a <!--more--> line as the excerpt (Hugo's and Jekyll's summary divider)", () => {
    const text = '---\ntitle: Night ferry\n---\nThe ferry *resumes* tonight.\n\n- Two crossings\n- One boat\n\n<!--more-->\n\nThe rest of the story.\n';
    const seed = readMarkdownSeed(text, { file: 'ferry.md' });
    expect(seed.excerpt).toBe('The ferry resumes tonight. Two crossings One boat');
    expect(seed.sections[0]!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'paragraph']);
    expect(readMarkdownSeed(text.replace('<!--more-->', '<!-- More -->'), {}).excerpt).toBe('The ferry resumes tonight. Two crossings One boat');
    // Not a divider: no line of its own, inside code, or before any text.
    expect(readMarkdownSeed('Night ferry\n\nThe ferry <!--more--> resumes.\n\nMore.\n', {}).excerpt).toBeUndefined();
    expect(readMarkdownSeed('Night ferry\n\n```\n<!--more-->\n```\n\nMore.\n', {}).excerpt).toBeUndefined();
    expect(readMarkdownSeed('# Night ferry\n\n<!--more-->\n\nThe ferry resumes.\n', {}).excerpt).toBeUndefined();
  });

  it("takes the text before Docusaurus's truncate marker as the excerpt and never publishes the marker (regression: {/* truncate */} in a .md file reached readers as text)", () => {
    const seed = (file: string, marker: string) =>
      readMarkdownSeed(`---\ntitle: Night ferry\n---\nThe ferry *resumes* tonight.\n\nTwo crossings a day.\n\n${marker}\n\nThe rest of the story.\n`, { file });
    for (const file of ['ferry.md', 'ferry.mdx']) {
      for (const marker of ['<!-- truncate -->', '<!--truncate-->', '{/* truncate */}', '{/*truncate*/}']) {
        const read = seed(file, marker);
        expect(read.excerpt, `${file} ${marker}`).toBe('The ferry resumes tonight. Two crossings a day.');
        expect(read.html, `${file} ${marker}`).not.toContain('{/*');
        expect(
          read.sections[0]!.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.kind)),
          `${file} ${marker}`,
        ).toEqual(['The ferry resumes tonight.', 'Two crossings a day.', 'The rest of the story.']);
      }
    }
    // Not a divider, and left as written: in code, in a quote, within a line of text.
    for (const file of ['ferry.md', 'ferry.mdx']) {
      for (const body of ['```\n{/* truncate */}\n```', '`{/* truncate */}` ends the summary']) {
        const read = readMarkdownSeed(`---\ntitle: T\n---\nIntro.\n\n${body}\n\nMore.\n`, { file });
        expect(read.excerpt, `${file} ${body}`).toBeUndefined();
        expect(read.html, `${file} ${body}`).toContain('<code>{/* truncate */}');
      }
    }
    const quoted = readMarkdownSeed('---\ntitle: T\n---\nIntro.\n\n> {/* truncate */}\n\nMore.\n', { file: 'a.md' });
    expect(quoted.excerpt).toBeUndefined();
    expect(quoted.html).toContain('<p>{/* truncate */}</p>');
    const inText = readMarkdownSeed('---\ntitle: T\n---\nIntro.\n{/* truncate */}\n\nMore.\n', { file: 'a.md' });
    expect(inText.excerpt).toBeUndefined();
    expect(inText.html).toContain('{/* truncate */}');
  });

  it("leaves out lines of a generator's template tags, with one warning naming the first, and keeps what is between them", () => {
    const text = [
      '---',
      'title: Night ferry',
      '---',
      'The ferry resumes tonight.',
      '',
      '{{< gallery dir="/img/boat" caption="The boat" >}}',
      '',
      '{{% notice info %}}',
      'Tickets are sold on board.',
      '{{% /notice %}}',
      '',
      '  {% include map.html %} {% include credits.html %}',
      '',
      'A shortcode {{< ref "other.md" >}} inside a sentence goes; `{{< ref "code.md" >}}` in code stays.',
      '',
      '```',
      '{{< figure src="kept-in-code" >}}',
      '```',
      '',
      '    {% include x.html %} indented code',
    ].join('\n');
    const warnings: Diagnostic[] = [];
    const seed = readMarkdownSeed(text, { file: 'ferry.md', onWarning: (d) => warnings.push(d) });
    const blocks = seed.sections.flatMap((s) => s.blocks.map((b) => ('text' in b ? b.text : '')));
    expect(blocks).toEqual([
      'The ferry resumes tonight.',
      'Tickets are sold on board.',
      'A shortcode inside a sentence goes; {{< ref "code.md" >}} in code stays.',
      '{{< figure src="kept-in-code" >}}',
      '{% include x.html %} indented code',
    ]);
    expect(seed.html).not.toContain('/img/boat');
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'W_TEMPLATE_TAG',
        file: 'ferry.md',
        line: 6,
        message: expect.stringContaining('left out 4 lines of template tags storyfeed does not render (first: {{< gallery dir="/img/boat" caption="The boat" >}} on line 6)'),
      }),
      expect.objectContaining({
        code: 'W_TEMPLATE_TAG',
        file: 'ferry.md',
        line: 14,
        message: expect.stringContaining('left out a template tag within the text storyfeed does not render (first: {{< ref "other.md" >}} on line 14)'),
      }),
    ]);
    expect(withoutTemplateTagLines('No tags here.\n{ not a tag }\n{{cite web}}\n')).toEqual({
      body: 'No tags here.\n{ not a tag }\n{{cite web}}\n',
      count: 0,
      inline: { count: 0 },
    });
    expect(withoutTemplateTagLines('{{< unclosed\n').count).toBe(0);
  });

  it('reads a highlight tag as a code block, leaves out a Liquid comment, and keeps a body of nothing but tags', () => {
    const text = [
      'Night ferry',
      '',
      'The timetable changes.',
      '',
      '{% highlight js %}',
      'const ferry = "night";',
      '{% endhighlight %}',
      '',
      '{{< highlight go >}}',
      'ferry := 2',
      '{{< /highlight >}}',
      '',
      '{% comment %}',
      'Secret draft note.',
      '{% endcomment %}',
      '',
      'Last line.',
    ].join('\n');
    const seed = readMarkdownSeed(text, { file: 'f.md', onWarning: () => undefined });
    expect(seed.sections[0]!.blocks).toEqual([
      { kind: 'paragraph', text: 'The timetable changes.' },
      { kind: 'code', text: 'const ferry = "night";' },
      { kind: 'code', text: 'ferry := 2' },
      { kind: 'paragraph', text: 'Last line.' },
    ]);
    expect(seed.html).not.toContain('Secret');
    const warnings: Diagnostic[] = [];
    const video = readMarkdownSeed('---\ntitle: My video\n---\n\n{{< peertube abc123 >}}\n', { file: 'v.md', onWarning: (d) => warnings.push(d) });
    expect(video.sections[0]!.blocks).toEqual([{ kind: 'paragraph', text: '{{< peertube abc123 >}}' }]);
    expect(warnings[0]?.message).toContain('kept a line of template tags storyfeed does not render, as written: they are the whole body');
  });

  it('drops a tag line with text directly above and below, so a paragraph or a list item stays whole', () => {
    const text = [
      '---',
      'title: Night ferry',
      '---',
      'First half of a sentence',
      '{{< br >}}',
      'second half.',
      '',
      '- The first stop',
      '  is the old pier,',
      '  {% include map.html %}',
      '  then the island.',
      '{{% divider %}}',
      '- The second stop',
      '',
      '{{< gallery dir="/img/pier" >}}',
      '',
      'Last line.',
    ].join('\n');
    const warnings: Diagnostic[] = [];
    const seed = readMarkdownSeed(text, { file: 'ferry.md', onWarning: (d) => warnings.push(d) });
    expect(seed.sections[0]!.blocks).toEqual([
      { kind: 'paragraph', text: 'First half of a sentence second half.' },
      { kind: 'list', ordered: false, items: ['The first stop is the old pier, then the island.', 'The second stop'] },
      { kind: 'paragraph', text: 'Last line.' },
    ]);
    expect(seed.html).toContain('<p>First half of a sentence\nsecond half.</p>');
    // A tight list: no paragraph inside an item, the first item one text.
    expect(seed.html).toContain('<ul>\n<li>The first stop\nis the old pier,\nthen the island.</li>\n<li>The second stop</li>\n</ul>');
    // The count and the line are the seed's, though the body read has fewer lines.
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'W_TEMPLATE_TAG',
        file: 'ferry.md',
        line: 5,
        message: expect.stringContaining('left out 4 lines of template tags storyfeed does not render (first: {{< br >}} on line 5)'),
      }),
    ]);
  });

  it('drops a run of tag lines or a Liquid comment inside a paragraph, blanks one between blank lines, and keeps highlight fences', () => {
    expect(withoutTemplateTagLines('Text above\n{{< br >}}\n  {{< br >}}\ntext below.\n\n{% include a.html %}\n\nEnd.')).toEqual({
      body: 'Text above\ntext below.\n\n\n\nEnd.',
      count: 3,
      first: { line: 1, text: '{{< br >}}' },
      inline: { count: 0 },
    });
    expect(withoutTemplateTagLines('One line\n{% comment %}\nDraft note.\n\n{% endcomment %}\nand the next.\n')).toEqual({
      body: 'One line\nand the next.\n',
      count: 1,
      first: { line: 1, text: '{% comment %}' },
      inline: { count: 0 },
    });
    // At either end, or beside a blank line, the line is blanked as before.
    expect(withoutTemplateTagLines('{{< a >}}\nText.\n{{< b >}}\n\nMore.\n{{< c >}}').body).toBe('\nText.\n\n\nMore.\n');
    expect(withoutTemplateTagLines('Text\n{% highlight js %}\nx = 1\n{% endhighlight %}\nMore.').body).toBe('Text\n```\nx = 1\n```\nMore.');
    // Dropped before a `---` line, it would make the text above a heading.
    expect(withoutTemplateTagLines('Text\n{{< br >}}\n---\nMore.').body).toBe('Text\n\n---\nMore.');
    const seed = readMarkdownSeed('Night ferry\n\nThe timetable\n{% comment %}\nSecret draft note.\n{% endcomment %}\nchanges tonight.\n', { onWarning: () => undefined });
    expect(seed.sections[0]!.blocks).toEqual([{ kind: 'paragraph', text: 'The timetable changes tonight.' }]);
  });

  it("writes Hexo's and Octopress's code blocks as fences: their code stays code", () => {
    expect(withoutTemplateTagLines('Text\n\n{% codeblock lang:bash %}\n>conda install python=3.5\n>pip install h5py\n{% endcodeblock %}\n\nMore.').body).toBe(
      'Text\n\n```\n>conda install python=3.5\n>pip install h5py\n```\n\nMore.',
    );
    expect(withoutTemplateTagLines('{% code %}\nx = 1\n{% endcode %}').body).toBe('```\nx = 1\n```');
    const seed = readMarkdownSeed('---\ntitle: Windows 10 fast.ai setup\n---\nThe steps:\n\n{% codeblock lang:bash %}\n>conda install python=3.5\n{% endcodeblock %}\n', {
      onWarning: () => undefined,
    });
    expect(seed.sections[0]!.blocks).toEqual([
      { kind: 'paragraph', text: 'The steps:' },
      { kind: 'code', text: '>conda install python=3.5' },
    ]);
  });

  it('reads a tag whose name only begins with a code block tag as any other tag, its lines after it as Markdown', () => {
    for (const tag of ['{% code_snippet examples/hello.js %}', '{% code-example hello %}', '{% highlighter %}', '{{< code-sample >}}']) {
      const warnings: Diagnostic[] = [];
      const seed = readMarkdownSeed(`Intro\n\nFirst.\n\n${tag}\n\nThe rest **bold**.`, { onWarning: (d) => warnings.push(d) });
      expect(seed.sections[0]!.blocks).toEqual([
        { kind: 'paragraph', text: 'First.' },
        { kind: 'paragraph', text: 'The rest bold.' },
      ]);
      expect(warnings.map((d) => d.code)).toEqual(['W_TEMPLATE_TAG']);
    }
    // Its end tag is a tag of its own name: `{% endcode_snippet %}` ends no block.
    expect(withoutTemplateTagLines('{% code %}\nx = 1\n{% endcode_snippet %}\ny = 2\n{% endcode %}').body).toBe('```\nx = 1\n{% endcode_snippet %}\ny = 2\n```');
  });

  it('leaves out a code block tag without its end tag alone, the lines after it staying text', () => {
    const pairs: [string, string][] = [
      ['{% codeblock lang:js %}', '{% endcodeblock %}'],
      ['{% highlight js %}', '{% endhighlight %}'],
      ['{{< highlight go >}}', '{{< /highlight >}}'],
    ];
    for (const [open, end] of pairs) {
      const warnings: Diagnostic[] = [];
      const seed = readMarkdownSeed(`Intro\n\nFirst.\n\n${open}\n\nThe rest **bold**.\n`, { onWarning: (d) => warnings.push(d) });
      expect(seed.sections[0]!.blocks).toEqual([
        { kind: 'paragraph', text: 'First.' },
        { kind: 'paragraph', text: 'The rest bold.' },
      ]);
      expect(warnings).toEqual([expect.objectContaining({ code: 'W_TEMPLATE_TAG', message: expect.stringContaining(`(first: ${open} on line 5)`) })]);
      // Another block's end tag (or one before it) does not end it.
      const other = open.startsWith('{{') ? '{% endhighlight %}' : '{{< /highlight >}}';
      expect(withoutTemplateTagLines(`${end}\n\n${open}\nx = 1\n${other}\n\nText.`).body).toBe(`\n\n\nx = 1\n\n\nText.`);
    }
  });

  it('keeps a fence within a code block tag as code: the fence written is longer than any run of backticks in it', () => {
    for (const [open, end] of [
      ['{% codeblock lang:md %}', '{% endcodeblock %}'],
      ['{% highlight markdown %}', '{% endhighlight %}'],
    ] as const) {
      const code = 'Write code as:\n```js\nx = 1\n```\nor as:\n````\ny = 2\n````\n~~~\nz\n~~~';
      const seed = readMarkdownSeed(`Intro\n\nFirst.\n\n${open}\n${code}\n${end}\n\nThe rest **bold**.\n`, { onWarning: () => undefined });
      expect(seed.sections[0]!.blocks).toEqual([
        { kind: 'paragraph', text: 'First.' },
        { kind: 'code', text: code },
        { kind: 'paragraph', text: 'The rest bold.' },
      ]);
    }
    expect(withoutTemplateTagLines('{% code %}\nx = 1\n{% endcode %}').body).toBe('```\nx = 1\n```');
  });

  it("reads a code block whose code Liquid's raw tags hold, the raw tags on the lines of the block's own tags", () => {
    const blocks = (text: string) => readMarkdownSeed(`Intro\n\nFirst.\n\n${text}\n\n{% include note.html %}\n\nThe rest.\n`, { onWarning: () => undefined });
    for (const text of [
      '{% highlight liquid %}\n{% raw %}\n{{ page.title }}\n{% endraw %}{% endhighlight %}',
      '{% highlight liquid %}{% raw %}\n{{ page.title }}\n{% endraw %}{% endhighlight %}',
      '{% highlight liquid %}{% raw %}\n{{ page.title }}\n{% endraw %}\n{% endhighlight %}',
      '{% highlight liquid %}{% raw %}\n{{ page.title }}{% endraw %}{% endhighlight %}',
    ]) {
      const seed = blocks(text);
      // The raw block ends with the code block: the include after it is a tag, left out, not text.
      expect(seed.sections[0]!.blocks).toEqual([
        { kind: 'paragraph', text: 'First.' },
        { kind: 'code', text: '{{ page.title }}' },
        { kind: 'paragraph', text: 'The rest.' },
      ]);
    }
    // HTML in such a block is code, never the post's own HTML.
    expect(blocks('{% highlight html %}{% raw %}\n<b>{{ x }}</b>\n{% endraw %}{% endhighlight %}').html).toContain('<pre><code>&lt;b&gt;{{ x }}&lt;/b&gt;\n</code></pre>'); // An end tag the raw tags hold is code, as a post about Liquid shows a block: the block ends at its own end tag.
    for (const text of [
      '{% highlight liquid %}\n{% raw %}\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n{% endraw %}\n{% endhighlight %}',
      '{% highlight liquid %}{% raw %}\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n{% endraw %}{% endhighlight %}',
      '{% codeblock %}\n{% raw %}{% codeblock %}\nputs 1\n{% endcodeblock %}{% endraw %}\n{% endcodeblock %}',
    ]) {
      const code = blocks(text).sections[0]!.blocks[1];
      expect(code, text).toEqual({ kind: 'code', text: expect.stringMatching(/^\{% (?:highlight ruby|codeblock) %\}\nputs 1\n\{% end(?:highlight|codeblock) %\}$/) });
    }
    // With every end tag in raw tags, the first ends the block, as before.
    expect(blocks('{% highlight liquid %}\n{% raw %}\nputs 1\n{% endhighlight %}').sections[0]!.blocks[1]).toEqual({ kind: 'code', text: 'puts 1' });
  });

  it('reads a code block whose end tag closes its last line of code', () => {
    for (const [open, end] of [
      ['{% highlight js %}', '{% endhighlight %}'],
      ['{% codeblock lang:js %}', '{%- endcodeblock -%}'],
      ['{{< highlight go >}}', '{{< /highlight >}}'],
    ] as const) {
      const seed = readMarkdownSeed(`Intro\n\nFirst.\n\n${open}\nstart\n\`end\`${end}  \n\nThe rest.\n`, { onWarning: () => undefined });
      expect(seed.sections[0]!.blocks).toEqual([
        { kind: 'paragraph', text: 'First.' },
        { kind: 'code', text: 'start\n`end`' },
        { kind: 'paragraph', text: 'The rest.' },
      ]);
    }
    // An end tag with text after it on its line ends no block.
    expect(withoutTemplateTagLines('{% highlight js %}\nx {% endhighlight %} y\n{% endhighlight %}').body).toBe('```\nx {% endhighlight %} y\n```');
  });

  it('reads code block tags in time linear in the text', async () => {
    // Openers without an end tag (some with raw tags), then a block of openers and backticks closed once, its end
    // tag after code and raw tags, then a line of many tags.
    const lines = (n: number): string =>
      `${'{% codeblock %}\n{% code %}{% raw %}{% endraw %}\n'.repeat(n)}${'{% highlight %}{% raw %}\n```{% endraw %}\n'.repeat(n)}x{% endraw %}{% endhighlight %}\n${'{% x %}'.repeat(n)}\n`;
    const growth = await costGrowth((n) => withoutTemplateTagLines(lines(n)), 2000, 20000, 4);
    expect(growth).toBeLessThan(4);
    // End tags in raw tags, each line's raw tags around one and after it: looked at once each.
    const raw = (n: number): string =>
      `{% highlight %}\n${`{% raw %}{% endhighlight %}${'{% endraw %} '.repeat(50)}\n`.repeat(n)}${'{% raw %}'.repeat(n)}{% endhighlight %}${'{% endraw %}'.repeat(n)}\n{% endhighlight %}\n`;
    expect(await costGrowth((n) => withoutTemplateTagLines(raw(n)), 200, 2000, 4)).toBeLessThan(4);
  });

  it('finds template tag lines in time linear in the text', async () => {
    const lines = (n: number): string => '{{< a >}} {{< b\n'.repeat(n) + '{%'.repeat(n) + '\n{{< open\n'.repeat(n) + '{% raw %}{{</* x\n'.repeat(n);
    // Tenfold the size: linear stays near ×1 (measured 0.8-1.7), quadratic near ×10.
    const growth = await costGrowth((n) => withoutTemplateTagLines(lines(n)), 2000, 20000, 4);
    expect(growth).toBeLessThan(4);
    // End tags in raw tags, each line's raw tags around one and after it: looked at once each.
    const raw = (n: number): string =>
      `{% highlight %}\n${`{% raw %}{% endhighlight %}${'{% endraw %} '.repeat(50)}\n`.repeat(n)}${'{% raw %}'.repeat(n)}{% endhighlight %}${'{% endraw %}'.repeat(n)}\n{% endhighlight %}\n`;
    expect(await costGrowth((n) => withoutTemplateTagLines(raw(n)), 200, 2000, 4)).toBeLessThan(4);
  });

  it('takes the title from a leading # heading and removes it from the body', () => {
    const seed = readMarkdownSeed('# The headline\n\nBody *text*.\n\n## Part two\n\nMore.\n');
    expect(seed.title).toBe('The headline');
    expect(seed.html).not.toContain('<h1>');
    expect(seed.sections).toEqual([
      { heading: null, blocks: [{ kind: 'paragraph', text: 'Body text.' }] },
      { heading: 'Part two', blocks: [{ kind: 'paragraph', text: 'More.' }] },
    ]);
  });

  it('uses the first line as the headline when there is no title anywhere', () => {
    const seed = readMarkdownSeed('Plain headline\n\nFirst paragraph.\n');
    expect(seed.title).toBe('Plain headline');
    expect(seed.sections[0]!.blocks).toEqual([{ kind: 'paragraph', text: 'First paragraph.' }]);
  });

  it('keeps raw HTML for the sanitizer but never turns script text into body text', () => {
    const seed = readMarkdownSeed(fixture('articles/hostile.md'));
    expect(seed.title).toBe('Q&A: <b>bold</b> claims & the ]]> problem');
    const text = JSON.stringify(seed.sections);
    expect(text).not.toContain("alert('x')");
    expect(text).not.toContain('onerror');
    expect(seed.html).toContain('<script>');
    expect(text).toContain('Entities: & <tag> 😀');
  });

  it('never turns the fallback of video and audio into body text, in a paragraph, an HTML block, a list or a quote', () => {
    const video = '<video controls src="https://example.org/clip.mp4">Your browser does not support the video tag. <a href="https://example.org/clip.mp4">Download</a></video>';
    const audio =
      '<audio controls>\n  <source src="a.mp3" type="audio/mpeg">\n  <track kind="captions" src="a.vtt">\n  <p>Your browser does not support the audio element.</p>\n</audio>';
    const seed = readMarkdownSeed(
      `---\ntitle: T\n---\n${video}\n\n${audio}\n\nThe ferry ${video} left at noon.\n\n- An item ${video.toUpperCase()}\n\n> A quote\n>\n> ${audio.replace(/\n/g, '\n> ')}\n`,
    );
    expect(seed.sections).toEqual([
      {
        heading: null,
        blocks: [
          { kind: 'paragraph', text: 'The ferry left at noon.' },
          { kind: 'list', ordered: false, items: ['An item'] },
          { kind: 'quote', text: 'A quote' },
        ],
      },
    ]);
    // The HTML keeps it in the element, for the sanitizer.
    expect(seed.html).toContain(video);
  });

  it('reads what follows a video or audio element without its end tag in a paragraph or an HTML block as text', () => {
    const seed = readMarkdownSeed('---\ntitle: T\n---\nWatch <video src="v.mp4"> the ferry leave.\n\n<audio src="a.mp3">\n<p>It was late.</p>\n\nThe end.\n');
    expect(seed.sections[0]!.blocks).toEqual([
      { kind: 'paragraph', text: 'Watch the ferry leave.' },
      { kind: 'paragraph', text: 'It was late.' },
      { kind: 'paragraph', text: 'The end.' },
    ]);
  });

  it('never reads the fallback of a video or sound that blank lines split into blocks as text (it was read as paragraphs)', () => {
    const seed = readMarkdownSeed(
      '---\ntitle: T\n---\nHere is our launch.\n\n<video controls width="640">\n  <source src="/media/launch.mp4" type="video/mp4">\n\n  Your browser does not support the video tag.\n\n- Nor lists\n\n</video>\n<p>Filmed in May.</p>\n\n<audio src="a.mp3">\n\nNo audio here.\n\n</audio>\n\nMore text after.\n',
    );
    expect(seed.sections[0]!.blocks).toEqual([
      { kind: 'paragraph', text: 'Here is our launch.' },
      { kind: 'paragraph', text: 'Filmed in May.' },
      { kind: 'paragraph', text: 'More text after.' },
    ]);
    // The HTML keeps the fallback in the element, for the sanitizer.
    expect(seed.html).toContain('<p>Your browser does not support the video tag.</p>');
  });

  it('reads blocks after a video or sound left open in a block as text when no later block ends one', () => {
    const seed = readMarkdownSeed('---\ntitle: T\n---\n<video src="v.mp4">\n\nThe ferry left.\n\n<div>No end tag</div>\n\nThe end.\n');
    expect(seed.sections[0]!.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.kind))).toEqual(['The ferry left.', 'No end tag', 'The end.']);
  });

  it('pairs blocks that open and end videos in one linear pass, however many there are', async () => {
    const shapes = [
      (n: number) => `${'<video src="v.mp4">\n\nfallback\n\n</video>\n\ntext\n\n'.repeat(n)}`,
      (n: number) => `${'<video src="v.mp4">\n\nfallback\n\n'.repeat(n)}</video>\n\nend\n`,
      (n: number) => `<video>\n\n${'</video>\n\ntext\n\n'.repeat(n)}`,
    ];
    for (const shape of shapes) expect(await costGrowth((n) => readMarkdownSeed(`---\ntitle: T\n---\n${shape(n)}\n`), 500, 5_000, 4)).toBeLessThanOrEqual(4);
  });

  it("reads a paragraph of nothing but hashtags as the story's tags, not as text (a Bear note's tag line was its summary)", () => {
    const bear = readMarkdownSeed('# Pastries of Lisbon\n#travel #food/pastries\n\nWe ate pastel de nata every morning.\n');
    expect(bear.meta.tags).toEqual(['travel', 'food/pastries']);
    expect(bear.sections[0]!.blocks).toEqual([{ kind: 'paragraph', text: 'We ate pastel de nata every morning.' }]);
    expect(bear.html).not.toContain('#travel');
    const post = readMarkdownSeed('---\ntitle: Day 1\ntags: [code]\n---\nI learned closures today.\n\n#100DaysOfCode #javascript #code\n');
    expect(post.meta.tags).toEqual(['code', '100DaysOfCode', 'javascript']);
    // Numbers are no tags, hashtags among words are text, and a note of only tags keeps them as its text.
    expect(readMarkdownSeed('# Race\n\nWe won #1 and #2.\n\n#1 #2\n').meta.tags).toBeUndefined();
    expect(readMarkdownSeed('# Race\n\nWe won #1 and #2.\n\n#1 #2\n').sections[0]!.blocks).toHaveLength(2);
    expect(readMarkdownSeed('# Only tags\n\n#todo\n').sections[0]!.blocks).toEqual([{ kind: 'paragraph', text: '#todo' }]);
  });

  it('ends the fallback of an inline video at its own end tag, the innermost of its name', () => {
    const seed = readMarkdownSeed('---\ntitle: T\n---\nA <video src="v.mp4">b <audio>c</video> d <video>e</video> f </audio> g\n');
    expect(seed.sections[0]!.blocks).toEqual([{ kind: 'paragraph', text: 'A d f g' }]);
  });

  it('finds the fallback of inline video and audio in time linear in the paragraph', async () => {
    const shapes = [
      (n: number) => `A ${'<audio>b '.repeat(n)}${'</video> c '.repeat(n)}`,
      (n: number) => `A ${'<video>b <audio>c '.repeat(n)}${'</video> d '.repeat(n)}`,
      (n: number) => `A ${'<video src="v.mp4">b</video> c '.repeat(n)}`,
    ];
    for (const shape of shapes) expect(await costGrowth((n) => readMarkdownSeed(`---\ntitle: T\n---\n${shape(n)}\n`), 1_000, 10_000, 4)).toBeLessThanOrEqual(4);
  });

  it('reads a table as text (one paragraph per row) and keeps words apart at <br> (regression: a table-only body was E_NO_BODY, "a<br>b" read "ab")', () => {
    const seed = readMarkdownSeed('---\ntitle: T\n---\n| Name | Votes |\n|---|---|\n| Ann | 12 |\n\nLine<br>break and <details><summary>More</summary>text</details>\n');
    expect(seed.sections[0]!.blocks).toEqual([
      { kind: 'paragraph', text: 'Name | Votes' },
      { kind: 'paragraph', text: 'Ann | 12' },
      { kind: 'paragraph', text: 'Line break and More text' },
    ]);
  });
});

describe('template tags over several lines, escaped and raw', () => {
  it('reads a tag written over several lines as one: shown when Hugo draws it, else left out and counted', () => {
    const warnings: Diagnostic[] = [];
    const seed = readMarkdownSeed(
      [
        'Quay',
        '',
        'The quay reopened.',
        '',
        '{{< figure',
        '    src="/q.jpg"',
        '    alt="The quay" >}}',
        '',
        '{{< gallery',
        '  dir="/img/quay" >}}',
        '',
        '{{< open tag with a blank line',
        '',
        '>}}',
      ].join('\n'),
      { onWarning: (d) => warnings.push(d) },
    );
    expect(seed.html).toContain('<figure><img src="/q.jpg" alt="The quay"></figure>');
    expect(seed.html).not.toContain('gallery');
    // A tag that a blank line splits is no tag: its text stays for the author to see.
    expect(seed.html).toContain('{{&lt; open tag with a blank line');
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [9, 'left out 2 lines of template tags storyfeed does not render (first: {{< gallery   dir="/img/quay" >}} on line 9)'],
    ]);
  });

  it("writes Hugo's escaped shortcodes as the shortcode they show, in text and in code", () => {
    const seed = readMarkdownSeed('Docs\n\nWrite {{</* figure src="a.png" */>}} for a figure.\n\n```\n{{%/* notice */%}}\n```\n');
    expect(seed.html).toBe('<p>Write {{&lt; figure src=&quot;a.png&quot; &gt;}} for a figure.</p>\n<pre><code>{{% notice %}}\n</code></pre>\n');
  });

  it('leaves tags in raw HTML whose text is not markup (<pre>, a comment) as written, and leaves them out of a <div> as out of prose', () => {
    const warnings: Diagnostic[] = [];
    const body = '<pre>\n{% include note.html %}\n{{ page.title }}\n</pre>\n\n<!--\n{% include draft.html %}\n-->\n\nText.\n\n<div class="note">\n{% include note.html %}\n</div>';
    const done = withoutTemplateTagLines(body);
    expect(done.body).toBe(body.replace('<div class="note">\n{% include note.html %}\n', '<div class="note">\n'));
    expect(done.count).toBe(1);
    const seed = readMarkdownSeed(`---\ntitle: T\n---\n${body}`, { onWarning: (d) => warnings.push(d) });
    expect(seed.html).toContain('<pre>\n{% include note.html %}\n{{ page.title }}\n</pre>');
    expect(warnings.map((w) => w.line)).toEqual([16]);
  });

  it('leaves tags in code as written where markdown-it reads code: a fence four spaces into a list item, in a quote, of tildes, unclosed', () => {
    const code = [
      '1. Add:\n\n    ```liquid\n    {{ site.title }}\n    {% include note.html %}\n    ```\n\n2. Build.',
      '- Step\n\n      ~~~\n      {% include note.html %}\n      ~~~',
      '> ```\n> {% include note.html %}\n> ```',
      '- > ```\n  > {{< figure src="a.png" >}}\n  > ```',
      '```\n{% include note.html %}\n\n{{ page.title }}',
      '- Step\n\n\t```\n\t{% include note.html %}\n\t```',
    ];
    for (const body of code) expect(withoutTemplateTagLines(body), body).toEqual({ body, count: 0, inline: { count: 0 } });
    // After the code, or left of the item's text (which ends it), tags are read again.
    expect(withoutTemplateTagLines('- Step\n\n    ```\n    x\n{% include note.html %}\n\nText').count).toBe(1);
    const seed = readMarkdownSeed(`---\ntitle: T\n---\n${code[0]}`, {});
    expect(seed.html).toContain('<pre><code class="language-liquid">{{ site.title }}\n{% include note.html %}\n</code></pre>');
  });

  it("keeps what Liquid's raw tags hold as written, without the raw tags and without a warning", () => {
    const warnings: Diagnostic[] = [];
    const seed = readMarkdownSeed(
      'Docs\n\nUse {% raw %}{{ page.title }}{% endraw %} for the title.\n\n{% raw %}\n{% include note.html %} and [a]({{ site.baseurl }}/a/)\n{% endraw %}\n\n```\n{% raw %}\n{{ site.url }}\n{% endraw %}\n```\n',
      { onWarning: (d) => warnings.push(d), siteUrl: 'https://quay.example/' },
    );
    expect(seed.html).toBe('<p>Use {{ page.title }} for the title.</p>\n<p>{% include note.html %} and [a]({{ site.baseurl }}/a/)</p>\n<pre><code>{{ site.url }}\n</code></pre>\n');
    expect(warnings).toEqual([]);
  });
});

describe("a Jekyll post's own excerpt_separator", () => {
  const read = (separator: string, body: string) => readMarkdownSeed(`---\ntitle: T\ndate: 2024-01-02\nexcerpt_separator: ${separator}\n---\n${body}`, { file: 'p.md' });

  it('ends the summary where its line stands, and a text one is not published', () => {
    const text = read('"~~more~~"', 'First para.\n\nSecond para.\n\n~~more~~\n\nThird para.\n');
    expect(text.excerpt).toBe('First para. Second para.');
    expect(text.html).not.toMatch(/more|<s>/);
    expect(text.html).toContain('Third para.');
    const html = read('<!--end-->', 'First para.\n\nSecond para.\n\n<!--end-->\n\nThird para.\n');
    expect(html.excerpt).toBe('First para. Second para.');
  });

  it('is no divider within a paragraph, in code, or when blank', () => {
    expect(read('"~~more~~"', 'First ~~more~~ para.\n\n```\n~~more~~\n```\n\nLast.\n').excerpt).toBeUndefined();
    expect(read('""', 'First para.\n\nSecond para.\n').excerpt).toBeUndefined();
  });
});

describe("Docusaurus's {/* truncate */} inside a list in MDX", () => {
  // Regression: it was written back at the margin, which ended the list (1. step / 2. step two became two lists).
  it('leaves the list whole, and cuts no summary inside it', () => {
    const read = readMarkdownSeed('---\ntitle: T\n---\n1. step\n   {/* truncate */}\n2. step two\n\n- item one\n  {/* truncate */}\n  still item\n', { file: 'a.mdx' });
    expect(read.html?.match(/<ol/g)).toHaveLength(1);
    expect(read.html).toMatch(/<li>[\s\S]*still item[\s\S]*<\/li>\s*<\/ul>/);
    expect(read.excerpt).toBeUndefined();
  });
});

describe('a Markdown table with aligned columns', () => {
  it('is published as before, without the warning for removed styles', async () => {
    const { parseSeed } = await import('../../src/story/normalize.js');
    const warnings: string[] = [];
    const story = parseSeed('---\ntitle: Table\ndate: 2024-01-01\n---\n\nSome text here.\n\n| Name | Count |\n|:-----|------:|\n| apples | 3 |\n', {
      file: 't.md',
      site: { siteUrl: 'https://x.example' },
      onWarning: (d) => warnings.push(d.code),
    });
    expect(story.contentHtml).toContain('<th>Name</th>');
    expect(story.contentHtml).toContain('<td>3</td>');
    expect(warnings).not.toContain('W_UNSAFE_HTML');
    // A style written in the seed's own HTML that loads something is still removed and warned about.
    const styled: string[] = [];
    parseSeed('---\ntitle: T\ndate: 2024-01-01\n---\n\n<p style="background: url(https://t.example/p.gif)">Red.</p>\n', {
      file: 's.md',
      site: { siteUrl: 'https://x.example' },
      onWarning: (d) => styled.push(d.code),
    });
    expect(styled).toContain('W_UNSAFE_HTML');
  });
});

describe('definition lists (Pandoc, kramdown, PHP Markdown Extra; Hugo reads them by default)', () => {
  const read = (body: string) => readMarkdownSeed(`---\ntitle: Glossary\n---\nThe terms we use.\n\n${body}\nAfter the list.\n`, { file: 'glossary.md' });

  it('are a list of terms and their definitions, each term a paragraph of the text, `Term: definitions`', () => {
    const seed = read('Apple\n:   A fruit that grows on *trees*.\n\nOrange\n: A citrus fruit.\n: Also a colour\n\n');
    expect(seed.html).toContain('<dl>\n<dt>Apple</dt>\n<dd>A fruit that grows on <em>trees</em>.</dd>\n<dt>Orange</dt>\n<dd>A citrus fruit.</dd>\n<dd>Also a colour</dd>\n</dl>');
    expect(seed.sections[0]!.blocks).toEqual([
      { kind: 'paragraph', text: 'The terms we use.' },
      { kind: 'paragraph', text: 'Apple: A fruit that grows on trees.' },
      { kind: 'paragraph', text: 'Orange: A citrus fruit. Also a colour' },
      { kind: 'paragraph', text: 'After the list.' },
    ]);
  });

  it('read a loose definition (a blank line before it, paragraphs in it)', () => {
    const seed = read('Term\n\n:   First paragraph.\n\n    Second paragraph.\n\n');
    expect(seed.html).toContain('<dt>Term</dt>\n<dd>\n<p>First paragraph.</p>\n<p>Second paragraph.</p>\n</dd>');
    expect(seed.sections[0]!.blocks.map((b) => ('text' in b ? b.text : ''))).toEqual(['The terms we use.', 'Term: First paragraph. Second paragraph.', 'After the list.']);
  });

  it('are marked by `:` only: a `~` line (Pandoc alone reads one so) stays text, as a letter or a quote ends with one', () => {
    const seed = read('Cheers,\n~ Alex\n\n"Simplicity is prerequisite for reliability."\n~ Edsger Dijkstra\n\nTerm\n: the definition\n~ and its last line\n\n');
    expect(seed.html).toContain('<p>Cheers,\n~ Alex</p>');
    expect(seed.html).toContain('<p>&quot;Simplicity is prerequisite for reliability.&quot;\n~ Edsger Dijkstra</p>');
    // A list ends before such a line, also where it would be a definition's last line or a next term's.
    expect(seed.html).toContain('<dt>Term</dt>\n<dd>the definition</dd>\n</dl>\n<p>~ and its last line</p>');
    const after = read('Apple\n: A fruit.\n\nSee you soon.\n~ Anna\n\n');
    expect(after.html).toContain('<dd>A fruit.</dd>\n</dl>\n<p>See you soon.\n~ Anna</p>');
    expect(seed.sections[0]!.blocks.map((b) => ('text' in b ? b.text : ''))).toContain('Cheers, ~ Alex');
  });

  it('join a term ending in punctuation of its own to its definition without another colon, also in a quote or a list', () => {
    const seed = read('Note:\n: read this first.\n\nCheers,\n: the closing.\n\n> Quoted term\n> : its definition\n\n- Listed term\n\n  : its definition\n\n');
    const texts = seed.sections[0]!.blocks.map((b) => ('text' in b ? b.text : 'items' in b ? b.items.join(' / ') : ''));
    expect(texts).toContain('Note: read this first.');
    expect(texts).toContain('Cheers, the closing.');
    expect(texts).toContain('Quoted term: its definition');
    expect(texts).toContain('Listed term: its definition');
  });

  it('leave a colon that opens no definition as text', () => {
    const seed = read('Ratio 3\n:2 is a ratio, not a definition.\n\n');
    expect(seed.html).not.toContain('<dl>');
    expect(seed.html).toContain('<p>Ratio 3\n:2 is a ratio, not a definition.</p>');
  });

  it('cost time in proportion to their length', async () => {
    const many = (n: number): string => `---\ntitle: G\n---\nIntro.\n\nTerm\n${': a definition\n'.repeat(Math.ceil(n / 15))}`;
    expect(await costGrowth((n) => readMarkdownSeed(many(n), { file: 'g.md' }), 10_000, 100_000, 4)).toBeLessThan(4);
    const pairs = (n: number): string => `---\ntitle: G\n---\nIntro.\n\n${'Term\n: definition\n\n'.repeat(Math.ceil(n / 19))}`;
    expect(await costGrowth((n) => readMarkdownSeed(pairs(n), { file: 'g.md' }), 10_000, 100_000, 4)).toBeLessThan(4);
    // Lists each followed by a term and a `~` line: each list ends before it (the plugin alone would run to the end each time).
    const tildes = (n: number): string => `---\ntitle: G\n---\nIntro.\n\n${'T\n: d\n\nX\n~ Y\n\n'.repeat(Math.ceil(n / 16))}`;
    expect(await costGrowth((n) => readMarkdownSeed(tildes(n), { file: 'g.md' }), 10_000, 100_000, 4)).toBeLessThan(4);
  });
});

describe("HTML its author hid in a Markdown seed (regression: its text was the story's text and summary)", () => {
  it('is no text of the story, inline or as a block, with what it holds; the text around it stays', () => {
    const seed = readMarkdownSeed(
      '---\ntitle: T\ndate: 2024-01-01\n---\nShown <span hidden>secret <b>bold</b> <span>inner</span> words</span> text<br hidden> here.\n\n<div style="display:none">\nseo words\n</div>\n\nMore <span style="visibility: hidden">x</span>.\n',
    );
    expect(seed.sections).toEqual([
      {
        heading: null,
        blocks: [
          { kind: 'paragraph', text: 'Shown text here.' },
          { kind: 'paragraph', text: 'More .' },
        ],
      },
    ]);
  });

  it('stays linear on thousands of hidden inline elements, nested or not', async () => {
    const text = (n: number): string => `---\ntitle: T\n---\n${'a <span hidden>b <span>c</span></span> '.repeat(n)}\n`;
    expect(await costGrowth((n) => readMarkdownSeed(text(n)), 200, 2_000, 4)).toBeLessThan(4);
  });
});
