import { discoveryLinks } from '../feed/discovery.js';
import type { FeedSetEntry } from '../feed/sets.js';
import { describeValue, StoryfeedError } from '../errors.js';
import { escapeHtml } from '../escape-html.js';
import type { FeedFormat } from '../types.js';

const FORMAT_LABELS: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

/**
 * An `index.html` for the output folder: discovery `<link rel="alternate">` tags for the main
 * feeds, every feed of the set with its three formats, and the stories of the main feed.
 * Links are relative, so the page works wherever the folder is served.
 */
export function renderIndexPage(entries: readonly FeedSetEntry[], files: (entry: FeedSetEntry) => Record<FeedFormat, string>): string {
  if (
    !Array.isArray(entries as unknown) ||
    !entries.every((e) => typeof e === 'object' && e !== null && typeof e.kind === 'string' && typeof e.document === 'object' && e.document !== null)
  )
    throw new StoryfeedError('E_ITEM', `renderIndexPage: entries must be a feed set (from buildFeedSet), found ${describeValue(entries)}`);
  if (typeof files !== 'function') throw new StoryfeedError('E_ITEM', `renderIndexPage: files must be a function giving each entry's file names, found ${describeValue(files)}`);
  const main = entries.find((e) => e.kind === 'main') ?? entries[0];
  if (!main) return '';
  const doc = main.document;
  const feedList = (kind: FeedSetEntry['kind'], heading: string): string => {
    const list = entries.filter((e) => e.kind === kind);
    if (!list.length) return '';
    const items = list.map((e) => {
      const f = files(e);
      const links = (Object.keys(FORMAT_LABELS) as FeedFormat[]).map((fmt) => `<a href="${escapeHtml(f[fmt])}">${FORMAT_LABELS[fmt]}</a>`).join(' · ');
      return `      <li>${escapeHtml(e.name || doc.title)} <span class="n">(${e.document.items.length})</span> — ${links}</li>`;
    });
    return `    <h2>${heading}</h2>\n    <ul>\n${items.join('\n')}\n    </ul>`;
  };
  // One template per story (an archive of 10,000 lists them all): no array joined per story, one date text.
  const stories = doc.items.map((item) => {
    const published = item.published.toISOString();
    return `      <li>\n        <a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a>\n        <time datetime="${published}">${published.slice(0, 10)}</time>\n        <p>${escapeHtml(item.summary)}</p>\n      </li>`;
  });
  return `<!doctype html>
<html lang="${escapeHtml(doc.language)}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(doc.title)} — feeds</title>
    <meta name="generator" content="${escapeHtml(`${doc.generator.name} ${doc.generator.version}`)}">
${discoveryLinks([doc])
  .split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}
    <style>
      body { font: 17px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; color-scheme: light dark; }
      time, .n { opacity: .7; font-size: .85rem; } li { margin: .5rem 0; } li p { margin: .2rem 0 0; }
    </style>
  </head>
  <body>
    <h1>${escapeHtml(doc.title)}</h1>
    <p>${escapeHtml(doc.description)}</p>
    <p>Subscribe in any feed reader by pasting one of these addresses.</p>
${[feedList('main', 'Feeds'), feedList('tag', 'By tag'), feedList('author', 'By author')].filter(Boolean).join('\n')}
    <h2>Stories</h2>
    <ol>
${stories.join('\n')}
    </ol>
  </body>
</html>
`;
}
