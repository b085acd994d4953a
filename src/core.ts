/**
 * The modules of the root entry point (`src/index.ts`) that do not render, with all their exports,
 * public or not; `src/core-render.ts` has the renderers (the only users of `feed`) and
 * `src/core-errors.ts` the error codes and StoryfeedError. The build bundles each list into one file
 * (`dist/core.js`, `dist/core-render.js`, `dist/core-errors.js`) that the entry points import these
 * modules from: so `import('storyfeed')` loads four files instead of a dozen shared chunks (each
 * costs the module loader about half a millisecond), `storyfeed/story` does not load `feed`,
 * `storyfeed/server` loads only the errors, and a class such as StoryfeedError exists once.
 * tsup.config.ts checks that the three lists together are exactly the modules `src/index.ts` reaches.
 * Not a public entry point.
 */

export * from './version.js';
export * from './story/slug.js';
export * from './xml-chars.js';
export * from './white-space.js';
export * from './email-address.js';
export * from './story-limits.js';
export * from './escape-html.js';
export * from './feed/document.js';
export * from './feed/sets.js';
export * from './feed/discovery.js';
export * from './render/placeholders.js';
export * from './render/xml-shell.js';
export * from './site/stylesheet.js';
export * from './site/index-page.js';
export * from './html/entity-data.js';
export * from './html/entities.js';
export * from './html/parser.js';
export * from './story/html-text.js';
export * from './story/sanitize.js';
export * from './story/html.js';
export * from './story/iso-639-1-data.js';
export * from './story/language-tag.js';
export * from './story/summary.js';
export * from './story/reading-time.js';
export * from './render/elements.js';
export * from './seed/author-string.js';
export * from './seed/dates.js';
export * from './seed/structure-limit.js';
export * from './seed/http-url.js';
export * from './story/item-id.js';
export * from './item/wordpress-post.js';
export * from './item/other-libraries.js';
export * from './item/rich-text.js';
export * from './story/check-options.js';
export * from './seed/ghost-visitor-html.js';
export * from './item/ghost-post.js';
export * from './item/fields.js';
export * from './item/index.js';
export * from './feed/podcast-categories.js';
export * from './feed/site.js';
export * from './feed/content.js';
export * from './feed/document-check.js';
export * from './seed/html-depth.js';
export * from './namespaces.js';
