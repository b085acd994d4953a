// The markdown-it plugins ship no types of their own (DefinitelyTyped's describe markdown-it's CommonJS build).

declare module 'markdown-it-footnote' {
  import type MarkdownIt from 'markdown-it';
  /** Footnotes: `[^label]` references and `[^label]: text` definitions. */
  export default function footnote(md: MarkdownIt): void;
}

declare module 'markdown-it-container' {
  import type MarkdownIt from 'markdown-it';
  /** Fenced containers (`:::name … :::`): `name` names their tokens (`container_<name>_open`). */
  export default function container(md: MarkdownIt, name: string, options?: { validate?: (params: string, markup: string) => boolean; marker?: string }): void;
}

declare module 'markdown-it-mark' {
  import type MarkdownIt from 'markdown-it';
  /** Highlights: `==text==` as `<mark>`. */
  export default function mark(md: MarkdownIt): void;
}

declare module 'markdown-it-deflist' {
  import type MarkdownIt from 'markdown-it';
  /** Definition lists: a term's line, then `: definition` lines (as Pandoc, kramdown, PHP Markdown Extra and Hugo read them). */
  export default function deflist(md: MarkdownIt): void;
}
