// Builds the feeds for the bundled seeds with the library API (no CLI) and prints the first item
// of each format. Run from the repository root after `npm run build`: node examples/library.mjs
import { buildFeeds } from 'storyfeed';
import { loadConfigFile, loadStories } from 'storyfeed/node';

const loaded = await loadConfigFile(undefined, process.cwd());
if (!loaded) throw new Error('run this from the repository root, next to storyfeed.config.json');
const { config } = loaded;

const { stories, errors } = await loadStories(config.seeds ?? 'seeds', { site: config });
if (errors.length) throw errors[0];

const { outputs, document } = buildFeeds(stories, config);
console.log(`${document.items.length} item(s) in "${document.title}", newest ${document.updated.toISOString()}\n`);

const firstElement = (xml, tag) => {
  const start = xml.indexOf(`<${tag}>`);
  const end = xml.indexOf(`</${tag}>`, start);
  return xml.slice(start, end + tag.length + 3);
};
const shorten = (text) => text.replace(/(<!\[CDATA\[|"content_(?:html|text)": ")([^\]"]{0,60})[^\]"]*/g, '$1$2…');

console.log('— RSS 2.0, first <item> —');
console.log(shorten(firstElement(outputs.rss, 'item')));
console.log('\n— Atom 1.0, first <entry> —');
console.log(shorten(firstElement(outputs.atom, 'entry')));
console.log('\n— JSON Feed 1.1, first item —');
console.log(shorten(JSON.stringify(JSON.parse(outputs.json).items[0], null, 2)));
