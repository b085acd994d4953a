import type { FeedDocument } from '../../src/types.js';

/** A feed with three items: several authors with and without email, tags, images, a non-URL id, an item in another language. */
export function sampleDocument(): FeedDocument {
  return {
    title: 'Danube Dispatch',
    description: 'Reporting from the lower Danube & the Black Sea coast.',
    siteUrl: 'https://news.example.com/',
    language: 'en',
    selfUrls: { rss: 'https://news.example.com/rss.xml', atom: 'https://news.example.com/atom.xml', json: 'https://news.example.com/feed.json' },
    updated: new Date('2024-03-03T08:00:00Z'),
    authors: [
      { name: 'Desk Editor', email: 'desk@example.com' },
      { name: 'Night Desk', url: 'https://news.example.com/night' },
    ],
    generator: { name: 'storyfeed', version: '0.1.0', url: 'https://www.npmjs.com/package/storyfeed' },
    hub: 'https://hub.example.com/',
    items: [
      {
        id: 'https://news.example.com/2024/alpha',
        url: 'https://news.example.com/2024/alpha',
        title: 'Alpha: ferries resume at Izmail',
        summary: 'Ferries crossed the river again on Sunday.',
        contentHtml: '<p>Ferries crossed the river again.</p>\n<p>Traders said <em>queues</em> were short &amp; calm.</p>',
        contentText: 'Ferries crossed the river again.\n\nTraders said queues were short & calm.',
        published: new Date('2024-03-01T10:00:00Z'),
        updated: new Date('2024-03-03T08:00:00Z'),
        authors: [{ name: 'Olena Marchenko' }],
        tags: ['Transport', 'Izmail'],
        image: { url: 'https://news.example.com/img/alpha.jpg', type: 'image/jpeg' },
      },
      {
        id: 'tag:news.example.com,2024:beta',
        url: 'https://news.example.com/2024/beta',
        title: 'Beta: budget talks stall',
        summary: 'Regional councils could not agree on grain-port levies.',
        contentHtml: '<p>Councils met for six hours.</p>\n<blockquote><p>We will meet again.</p></blockquote>',
        contentText: 'Councils met for six hours.\n\nWe will meet again.',
        published: new Date('2024-02-28T09:15:00Z'),
        updated: new Date('2024-02-29T12:30:00Z'),
        authors: [
          { name: 'Jane Roe', email: 'jane@example.com' },
          { name: 'Petro Kovalenko', url: 'https://news.example.com/people/petro' },
          { name: 'Ann Smith', email: 'ann@example.com', url: 'https://news.example.com/people/ann' },
        ],
        tags: ['Economy', 'Grain ports', 'Odesa Oblast'],
        image: { url: 'https://news.example.com/img/beta.png', type: 'image/png' },
        language: 'uk',
      },
      {
        id: 'https://news.example.com/2024/gamma',
        url: 'https://news.example.com/2024/gamma',
        title: 'Gamma: a quiet night in Reni',
        summary: 'No alerts were reported overnight.',
        contentHtml: '<p>No alerts overnight.</p>',
        contentText: 'No alerts overnight.',
        published: new Date('2024-02-27T21:45:00Z'),
        updated: new Date('2024-02-27T21:45:00Z'),
        authors: [{ name: 'Ivan Lysak', email: 'ivan@example.com' }],
        tags: ['Reni'],
      },
    ],
  };
}

/** Replaces the only occurrence of `find` (or the `nth`, 0-based, when several are expected); fails loudly when the surgery would be ambiguous. */
export function surgery(text: string, find: string, replace: string, nth?: number): string {
  const positions: number[] = [];
  for (let at = text.indexOf(find); at >= 0; at = text.indexOf(find, at + 1)) positions.push(at);
  if (nth === undefined && positions.length !== 1) throw new Error(`expected exactly one ${JSON.stringify(find)}, found ${positions.length}`);
  const at = positions[nth ?? 0];
  if (at === undefined) throw new Error(`no occurrence ${nth} of ${JSON.stringify(find)}`);
  return text.slice(0, at) + replace + text.slice(at + find.length);
}
