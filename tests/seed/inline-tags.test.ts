import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { withoutInlineTags } from '../../src/seed/inline-tags.js';
import { readMarkdownSeed } from '../../src/seed/markdown.js';
import { costGrowth } from '../support/linear.js';

describe('template tags within a line of text', () => {
  it('takes out shortcodes and keeps what a pair holds, one space between the words around them', () => {
    expect(withoutInlineTags('The board voted {{< param "votes" >}} to one.')).toEqual({
      line: 'The board voted to one.',
      count: 1,
      first: '{{< param "votes" >}}',
    });
    expect(withoutInlineTags('A {{% mark %}}marked{{% /mark %}} word and {{< sup >}}2{{< /sup >}}.')).toEqual({
      line: 'A marked word and 2.',
      count: 2,
      first: '{{% mark %}}',
    });
    // No space is left at either end of the line (two at its end would break the line).
    expect(withoutInlineTags('{{< icon "ship" />}}   Ferries sail again  {{< badge >}}').line).toBe('Ferries sail again');
  });

  it("takes out Liquid's tags and its output of page and site variables, but no other double braces", () => {
    expect(withoutInlineTags('Met on {{ page.date | date: "%B %d" }} in {% include town.html %} hall.')).toEqual({
      line: 'Met on in hall.',
      count: 2,
      first: '{{ page.date | date: "%B %d" }}',
    });
    // Closing and branch tags are not counted: they show nothing either way.
    expect(withoutInlineTags('{% if page.map %}See the map.{% else %}No map.{% endif %}')).toEqual({ line: 'See the map.No map.', count: 1, first: '{% if page.map %}' });
    for (const text of ['The {{cite web}} template.', 'Go templates: {{ .Title }} and {{ pages }}.', 'A { brace } and {{ unclosed', 'Unclosed {{< tag', 'Unclosed {% tag'])
      expect(withoutInlineTags(text)).toEqual({ line: text, count: 0 });
  });

  it("takes out Zola's shortcode calls, and leaves double braces that call nothing as written", () => {
    expect(withoutInlineTags('And here\'s an emphasized {{ emphasize(text="important word") }} in the markdown.')).toEqual({
      line: "And here's an emphasized in the markdown.",
      count: 1,
      first: '{{ emphasize(text="important word") }}',
    });
    expect(withoutInlineTags('{{ youtube(id="dQw4w9WgXcQ") }}').line).toBe('');
    expect(withoutInlineTags('{{- basic() -}} then {{ pirate(name="Bob_Sponge", n=[1, 2]) }}.')).toMatchObject({ line: 'then.', count: 2 });
    for (const text of ['A {{cite}} and {{ price }} stay.', 'Math: {{ f(x) + 1 }} is not a call.', '{{ (a) }}', 'An {{ open( call never closed.'])
      expect(withoutInlineTags(text)).toEqual({ line: text, count: 0 });
  });

  it("keeps the text of Hexo's links to a post or an asset: its title, else the post's name", () => {
    expect(withoutInlineTags('You know {% post_link how-to-scribble \'how to draw like a pencil\' %} and {% post_link paint-software "circles and rectangles" %}.')).toEqual({
      line: 'You know how to draw like a pencil and circles and rectangles.',
      count: 2,
      first: "{% post_link how-to-scribble 'how to draw like a pencil' %}",
    });
    expect(withoutInlineTags('- {% post_link Adreno-Profiler %}之前分享过了').line).toBe('- Adreno-Profiler之前分享过了');
    expect(withoutInlineTags('+ {% post_link C-MVC-Dapper用法 [Day16] C# MVC Dapper false %}').line).toBe('+ [Day16] C# MVC Dapper');
    expect(withoutInlineTags('See {% asset_link report.pdf the report %}.').line).toBe('See the report.');
    // One that names nothing is left out as other tags are.
    expect(withoutInlineTags('See {% post_link %} here.').line).toBe('See here.');
  });

  it('leaves inline code and escaped shortcodes as written', () => {
    const text = 'Write `{{< param "x" >}}` or ``{% include a.html %}``, and {{</* figure */>}} shows one.';
    expect(withoutInlineTags(text)).toEqual({ line: text, count: 0 });
  });

  it('takes out a Liquid comment or capture with what it holds, and says when one stays open', () => {
    expect(withoutInlineTags('Before {% comment %}a note{% endcomment %} after.')).toEqual({ line: 'Before after.', count: 0 });
    expect(withoutInlineTags('Keep {% capture x %}hidden {{ page.title }}{% endcapture %}this.')).toEqual({ line: 'Keep this.', count: 0 });
    // Open at the line's end, it hides the lines after it only when its end tag comes later (as the caller says); else it is a tag like another.
    expect(withoutInlineTags('Start {% comment %} a note that goes on', { hides: () => true })).toEqual({ line: 'Start', count: 0, open: 'comment' });
    expect(withoutInlineTags('Start {% comment %} a note that goes on')).toEqual({ line: 'Start a note that goes on', count: 1, first: '{% comment %}' });
    // Hugo's comment shortcode hides what it holds too.
    expect(withoutInlineTags('Text {{% comment %}}TODO fix{{% /comment %}} more.')).toEqual({ line: 'Text more.', count: 0 });
  });

  it("takes out Liquid's inline comments and Nunjucks comments, uncounted, on a line of text or alone", () => {
    expect(withoutInlineTags('The harvest was large. {% # TODO check with the co-op %}')).toEqual({ line: 'The harvest was large.', count: 0 });
    expect(withoutInlineTags('Large {%- # note -%} harvest.')).toEqual({ line: 'Large harvest.', count: 0 });
    expect(withoutInlineTags('{# editors only: embargoed #} The harvest {# again #}was large.')).toEqual({ line: 'The harvest was large.', count: 0 });
    // Not closed on the line, or in code: text.
    expect(withoutInlineTags('Use {# to open a comment.').line).toBe('Use {# to open a comment.');
    expect(withoutInlineTags('Write `{# note #}` in Nunjucks.').line).toBe('Write `{# note #}` in Nunjucks.');
    const read = readMarkdownSeed('---\ntitle: Harvest\n---\n{# editors only: do not publish the embargoed numbers #}\nThe harvest was large. {% # TODO %}\n');
    expect(JSON.stringify(read.sections)).not.toMatch(/embargoed|TODO/);
    // Over several lines, from a line of text or its own, with text after its end kept.
    const across = readMarkdownSeed(
      '---\ntitle: Harvest\n---\nThe harvest was large. {# Editor:\ndo not publish the embargoed numbers\n(4.2 million). #} Prices fell.\n\n{#\nanother note\n#}\nMore text.\n',
    );
    expect(across.sections.flatMap((s) => s.blocks)).toEqual([
      { kind: 'paragraph', text: 'The harvest was large. Prices fell.' },
      { kind: 'paragraph', text: 'More text.' },
    ]);
    // One that never ends is text, as written.
    expect(JSON.stringify(readMarkdownSeed('---\ntitle: T\n---\nUse {# to open a comment.\n').sections)).toContain('Use {# to open a comment.');
  });

  it('keeps the words of any line made of words and tags, one space apart', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
    const tag = fc.constantFrom('{{< a >}}', '{{% b x="1" %}}', '{{< /a >}}', '{% include c.html %}', '{% endif %}', '{{ page.title }}', '{{- site.time | date: "%Y" -}}');
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            word.map((text) => ({ text, isTag: false })),
            tag.map((text) => ({ text, isTag: true })),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        (parts) => {
          const line = parts.map((p) => p.text).join(' ');
          const words = parts.filter((p) => !p.isTag).map((p) => p.text);
          const done = withoutInlineTags(line);
          expect(done.line.trim()).toBe(words.join(' '));
          expect(done.count).toBe(parts.filter((p) => p.isTag && !/^\{(?:\{< \/|% end)/.test(p.text)).length);
        },
      ),
    );
  });

  it('reads a line in time linear in its length, whatever its braces', async () => {
    const shapes = [
      (n: number) => '{%'.repeat(n),
      (n: number) => `${'{{<'.repeat(n)}>}}`,
      (n: number) => `${'{%{'.repeat(n)}%}`,
      (n: number) => '{{ page.x '.repeat(n),
      (n: number) => `${'`{{< a >}}` '.repeat(n)}\``,
      (n: number) => `${'{% comment %}'.repeat(n)}x`,
      // Many tags taken out of one line, each with the spaces and marks around it.
      (n: number) => '{{< a >}} word {{ page.x }}, '.repeat(n),
      // A long run of spaces before the words and the tag: the spaces left before the tag's end are trimmed once.
      (n: number) => `a${' '.repeat(n)}a {% x %}.`,
      (n: number) => `a${' '.repeat(n)}a {{< x >}}`,
      // Comments: never closed (each looked up once), closed, and opened while one hides the rest of the line.
      (n: number) => '{# '.repeat(n),
      (n: number) => '{# a #} b '.repeat(n),
      (n: number) => `${'{% # a %} '.repeat(n)}{#`,
      // Zola's calls: many opened before one far `}}`, with spaces before it, and many closed.
      (n: number) => `${'{{ a( '.repeat(n)}${' '.repeat(n)})}}`,
      (n: number) => '{{ a(x=1) }} word '.repeat(n),
    ];
    for (const shape of shapes) {
      // Each line made once per size: the pass is timed, not the making of its input (a pass that reads a few
      // characters of a line, as for `{{ a( `, takes microseconds, where making and collecting the line took the
      // rest, and its reading swung from ×2 to ×13).
      const lines = new Map<number, string>();
      const line = (n: number): string => lines.get(n) ?? lines.set(n, shape(n)).get(n)!;
      // Tenfold the size: linear stays near ×1, quadratic near ×10.
      const growth = await costGrowth((n) => withoutInlineTags(line(n)), 2000, 20000, 4);
      expect(growth).toBeLessThan(4);
    }
  });
});

describe('template tags within a Markdown seed’s text', () => {
  it('are left out of the body and the lede, with one warning naming the first and its line', () => {
    const warnings: Diagnostic[] = [];
    const seed = readMarkdownSeed(
      [
        '---',
        'title: Harbour vote',
        '---',
        '',
        'The council voted {{< param "votes" >}} to one on {{ page.date | date: "%B %d" }}.',
        '',
        'Read the {% include report-link.html %} report, `{{ page.title }}` in code stays.',
      ].join('\n'),
      { file: 'vote.md', onWarning: (d) => warnings.push(d) },
    );
    expect(seed.sections[0]!.blocks).toEqual([
      { kind: 'paragraph', text: 'The council voted to one on.' },
      { kind: 'paragraph', text: 'Read the report, {{ page.title }} in code stays.' },
    ]);
    expect(seed.html).not.toMatch(/\{\{&lt;|\{%/);
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'W_TEMPLATE_TAG',
        file: 'vote.md',
        line: 5,
        message: expect.stringContaining('left out 3 template tags within the text storyfeed does not render (first: {{< param "votes" >}} on line 5)'),
      }),
    ]);
  });

  it("leaves out Zola's shortcode calls, alone on a line or within one, with the warning", () => {
    const warnings: Diagnostic[] = [];
    const seed = readMarkdownSeed(
      '+++\ntitle = "Shortcodes demo"\n+++\n\nIt can also use shortcodes:\n\n{{ note(text="This shortcode is in markdown content!", type="info") }}\n\nAn emphasized {{ emphasize(text="important word") }} word.\n',
      { file: 'content/demo.md', onWarning: (d) => warnings.push(d) },
    );
    expect(seed.sections[0]!.blocks).toEqual([
      { kind: 'paragraph', text: 'It can also use shortcodes:' },
      { kind: 'paragraph', text: 'An emphasized word.' },
    ]);
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'W_TEMPLATE_TAG',
        line: 7,
        message: expect.stringContaining(
          'left out 2 template tags within the text storyfeed does not render (first: {{ note(text="This shortcode is in markdown content!", type=… on line 7)',
        ),
      }),
    ]);
  });

  it('leaves out a Liquid comment opened within a line up to its end tag, keeping the text after it', () => {
    const seed = readMarkdownSeed('Ferry\n\nThe timetable {% comment %} draft:\nnot yet agreed.\n{% endcomment %} changes tonight.\n', { onWarning: () => undefined });
    expect(seed.sections[0]!.blocks).toEqual([{ kind: 'paragraph', text: 'The timetable changes tonight.' }]);
  });

  it('keeps a paragraph whole when a line of it held nothing but tags, and a body of nothing but tags as written', () => {
    const read = (text: string) => readMarkdownSeed(text, { onWarning: () => undefined }).sections.flatMap((s) => s.blocks);
    expect(read('Ferry\n\nFirst line\n{{ page.date }}\nsecond line.\n')).toEqual([{ kind: 'paragraph', text: 'First line second line.' }]);
    expect(read('Ferry\n\nFirst line\n{% comment %}x{% endcomment %}\nsecond line.\n')).toEqual([{ kind: 'paragraph', text: 'First line second line.' }]);
    expect(read('Ferry\n\n{{ page.excerpt }}\n')).toEqual([{ kind: 'paragraph', text: '{{ page.excerpt }}' }]);
  });

  it('hides what a comment holds only up to its end tag: without one, only the tag goes', () => {
    const warnings: Diagnostic[] = [];
    const seed = readMarkdownSeed('Ferry\n\nUse the {% comment %} tag to hide notes.\n\nSecond paragraph.\n\n{% capture x %}\n\nThird.\n', {
      onWarning: (d) => warnings.push(d),
    });
    expect(seed.sections.flatMap((s) => s.blocks)).toEqual([
      { kind: 'paragraph', text: 'Use the tag to hide notes.' },
      { kind: 'paragraph', text: 'Second paragraph.' },
      { kind: 'paragraph', text: 'Third.' },
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['W_TEMPLATE_TAG', 'W_TEMPLATE_TAG']);
    // Hugo's comment shortcode, over lines: what it holds goes, the text after it stays.
    expect(readMarkdownSeed('Ferry\n\n{{% comment %}}\nTODO check\n{{% /comment %}}\n\nSecond paragraph.\n', { onWarning: () => undefined }).sections[0]!.blocks).toEqual([
      { kind: 'paragraph', text: 'Second paragraph.' },
    ]);
  });

  it('reads no tag whose end lies in inline code, and takes out real tags beside escaped ones', () => {
    const read = (text: string) => readMarkdownSeed(`Ferry\n\n${text}\n`, { onWarning: () => undefined }).sections[0]!.blocks;
    expect(read('Jinja tags start with {% and end with `%}`.')).toEqual([{ kind: 'paragraph', text: 'Jinja tags start with {% and end with %}.' }]);
    expect(read('Write {{</* param "votes" */>}} to show {{< param "votes" >}} votes.')).toEqual([{ kind: 'paragraph', text: 'Write {{< param "votes" >}} to show votes.' }]);
  });

  it("keeps what Liquid's raw tags hold, its output tags too", () => {
    const warnings: Diagnostic[] = [];
    const seed = readMarkdownSeed('Docs\n\nWrite {% raw %}{{ page.title }}{% endraw %} in a layout.\n', { onWarning: (d) => warnings.push(d) });
    expect(seed.sections[0]!.blocks).toEqual([{ kind: 'paragraph', text: 'Write {{ page.title }} in a layout.' }]);
    expect(warnings).toEqual([]);
  });
});
