// Moves code written for the `feed` package (or `@astrojs/rss`) to storyfeed: the same item objects,
// with their own field names, give verified RSS, Atom and JSON Feed.
// Run after `npm run build`: node examples/from-feed-package.mjs
import { buildFeeds } from 'storyfeed';
import { verifyDocument } from 'storyfeed/verify';

const site = { siteUrl: 'https://harbour.example.com', title: 'Harbour Notes', description: 'Notes from the harbour office.', language: 'en' };

/** Items as they were handed to `feed.addItem()`. */
const feedItems = [
  {
    title: 'Night ferry resumes',
    link: 'https://harbour.example.com/2024/night-ferry',
    date: new Date('2024-03-02T08:00:00Z'),
    published: new Date('2024-03-01T18:30:00Z'),
    description: 'The night ferry sails again from Monday.',
    content: '<p>The night ferry sails again from Monday, the harbour office said.</p>',
    author: [{ name: 'Ada Quay', email: 'ada@harbour.example.com', link: 'https://harbour.example.com/ada' }],
    category: [{ name: 'Transport' }],
    audio: { url: 'https://harbour.example.com/audio/ferry.mp3', length: 48213 },
  },
];

/** An item as it was handed to `rss({ items })` of @astrojs/rss (mixed in: every shape is read). */
const astroItems = [
  {
    title: 'Dredging starts at the north quay',
    link: '/2024/dredging',
    pubDate: new Date('2024-02-20T07:00:00Z'),
    description: 'Ships use the south quay until April.',
    categories: ['Port works'],
  },
];

const { document, outputs, warnings } = buildFeeds([...feedItems, ...astroItems], site);
const report = await verifyDocument(outputs, document);
console.log(`${document.items.length} items, ${warnings.length} warnings, verified: ${report.ok}`);
for (const item of document.items)
  console.log(`${item.published.toISOString().slice(0, 10)} ${item.url} [${item.tags.join(', ')}]${item.enclosures ? ` ${item.enclosures[0].type}` : ''}`);
