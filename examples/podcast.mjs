// Builds a three-episode podcast feed from plain items, checks it, and prints the RSS.
// Run after `npm run build`: node examples/podcast.mjs
import { buildFeeds } from 'storyfeed';
import { verifyExtensions } from 'storyfeed/verify';

/** The show: every channel tag Apple Podcasts requires (title, description, language, artwork, category, explicit) and the recommended ones. */
const show = {
  siteUrl: 'https://podcast.example.com',
  title: 'Harbour Lights',
  description: 'Stories from the ports of the Black Sea, one crossing at a time.',
  language: 'en',
  authors: [{ name: 'Olena Marchenko', email: 'olena@podcast.example.com' }],
  copyright: '© 2024 Harbour Lights',
  podcast: {
    image: 'https://podcast.example.com/artwork-3000.jpg',
    categories: [
      { text: 'News', subcategory: 'Daily News' },
      { text: 'Society & Culture', subcategory: 'Documentary' },
    ],
    explicit: false,
    author: 'Olena Marchenko',
    owner: { name: 'Olena Marchenko', email: 'olena@podcast.example.com' },
    type: 'serial',
    guid: 'b3b5a0f6-6f8a-5c4e-9d0e-2c7f3d1e8a41',
    locked: true,
    lockedOwner: 'olena@podcast.example.com',
  },
};

const episode = (n, title, date, seconds, bytes, extra = {}) => ({
  url: `/episodes/${n}`,
  title,
  published: date,
  summary: `Episode ${n} of Harbour Lights: ${title.toLowerCase()}.`,
  contentHtml: `<p>Episode ${n}: ${title}.</p><p>Show notes and links at <a href="https://podcast.example.com/episodes/${n}">the episode page</a>.</p>`,
  enclosures: [{ url: `https://cdn.podcast.example.com/hl-${n}.mp3`, type: 'audio/mpeg', length: bytes, duration: seconds }],
  episode: {
    episode: n,
    season: 1,
    episodeType: 'full',
    explicit: false,
    image: `https://podcast.example.com/episodes/${n}/art-3000.jpg`,
    transcripts: [{ url: `https://podcast.example.com/episodes/${n}/transcript.vtt`, type: 'text/vtt', language: 'en' }],
    chapters: { url: `https://podcast.example.com/episodes/${n}/chapters.json`, type: 'application/json+chapters' },
    ...extra,
  },
});

const items = [
  episode(1, 'The night ferry', '2024-03-04T05:00:00Z', 1712, 27_392_000),
  episode(2, 'Grain in the hold', '2024-03-11T05:00:00Z', 1985, 31_760_000),
  episode(3, 'Harbour pilots', new Date('2024-03-18T05:00:00Z'), 2240, 35_840_000, { episodeType: 'full' }),
];

const { outputs, document } = buildFeeds(items, show);
const problems = verifyExtensions(outputs, document);
if (problems.length) {
  for (const p of problems) console.error(`${p.format} ${p.itemId ?? 'feed'} ${p.field}: expected ${p.expected}, found ${p.actual}`);
  process.exit(1);
}
console.log(outputs.rss);
console.log(`${document.items.length} episodes; enclosures, iTunes and podcast: fields read back from RSS, Atom and JSON Feed: no problems`);
