import type { Enclosure, EpisodeInfo, Extensions, FeedDocument, FeedItem, PodcastChannel } from '../types.js';
import type { Placeholders } from './placeholders.js';
import { KNOWN_NAMESPACES } from '../namespaces.js';

/**
 * The namespaced elements storyfeed adds to RSS and Atom beyond what `feed` writes: iTunes and
 * `podcast:` namespace fields and a site's custom elements. They are built as small trees first
 * and then written either as `feed` extensions (RSS) or as markup (Atom), every value through a
 * placeholder so it is escaped exactly once.
 */

/** An XML element: qualified name, attributes, and text or child elements. */
export interface XmlNode {
  /** Qualified name, e.g. `itunes:category`. */
  name: string;
  /** Attribute values (unescaped). */
  attrs?: Record<string, string>;
  /** Text content (unescaped). */
  text?: string;
  /** Child elements. */
  children?: XmlNode[];
}

export { KNOWN_NAMESPACES } from '../namespaces.js';

/**
 * Channel-level podcast elements. Apple requires `itunes:image`, `itunes:category` and
 * `itunes:explicit` (with `title`, `description` and `language`, which every feed has).
 */
export function podcastChannelNodes(podcast: PodcastChannel, doc: Pick<FeedDocument, 'authors' | 'title'>): XmlNode[] {
  const nodes: XmlNode[] = [];
  const author = podcast.author ?? (doc.authors.map((a) => a.name).join(', ') || doc.title);
  nodes.push({ name: 'itunes:author', text: author });
  if (podcast.owner)
    nodes.push({
      name: 'itunes:owner',
      children: [
        { name: 'itunes:name', text: podcast.owner.name },
        { name: 'itunes:email', text: podcast.owner.email },
      ],
    });
  nodes.push({ name: 'itunes:image', attrs: { href: podcast.image } });
  for (const c of podcast.categories) {
    nodes.push({ name: 'itunes:category', attrs: { text: c.text }, ...(c.subcategory ? { children: [{ name: 'itunes:category', attrs: { text: c.subcategory } }] } : {}) });
  }
  nodes.push({ name: 'itunes:explicit', text: String(podcast.explicit) });
  nodes.push({ name: 'itunes:type', text: podcast.type ?? 'episodic' });
  if (podcast.guid) nodes.push({ name: 'podcast:guid', text: podcast.guid });
  if (podcast.locked !== undefined)
    nodes.push({ name: 'podcast:locked', text: podcast.locked ? 'yes' : 'no', ...(podcast.lockedOwner ? { attrs: { owner: podcast.lockedOwner } } : {}) });
  return nodes;
}

/**
 * Episode-level iTunes and `podcast:` elements. In a podcast, or for an item with episode fields,
 * the duration defaults to the first enclosure's; elsewhere an enclosure's duration is left to JSON
 * Feed (an `itunes:duration` would make validators expect a whole podcast channel).
 */
export function episodeNodes(episode: EpisodeInfo | undefined, enclosures: readonly Enclosure[] | undefined, podcast: boolean): XmlNode[] {
  const nodes: XmlNode[] = [];
  const duration = episode?.duration ?? (podcast || episode ? enclosures?.[0]?.duration : undefined);
  if (duration !== undefined) nodes.push({ name: 'itunes:duration', text: clockDuration(duration) });
  if (!episode) return nodes;
  if (episode.image) nodes.push({ name: 'itunes:image', attrs: { href: episode.image } });
  if (episode.explicit !== undefined) nodes.push({ name: 'itunes:explicit', text: String(episode.explicit) });
  if (episode.episode !== undefined) nodes.push({ name: 'itunes:episode', text: String(episode.episode) });
  if (episode.season !== undefined) nodes.push({ name: 'itunes:season', text: String(episode.season) });
  if (episode.episodeType) nodes.push({ name: 'itunes:episodeType', text: episode.episodeType });
  for (const t of episode.transcripts ?? []) nodes.push({ name: 'podcast:transcript', attrs: { url: t.url, type: t.type, ...(t.language ? { language: t.language } : {}) } });
  if (episode.chapters) nodes.push({ name: 'podcast:chapters', attrs: { url: episode.chapters.url, type: episode.chapters.type } });
  return nodes;
}

/** A site's or item's custom elements, in the order given (a list value repeats the element). */
export function customNodes(extensions: Extensions | undefined): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const [name, value] of Object.entries(extensions?.xml ?? {})) {
    for (const text of Array.isArray(value) ? value : [value]) nodes.push({ name, text });
  }
  return nodes;
}

/**
 * A duration as `H:MM:SS` (or `M:SS` under an hour): Apple accepts that and plain seconds, the
 * W3C feed validator only the clock form.
 */
export function clockDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Every namespace prefix the nodes use. */
export function prefixesOf(nodes: readonly XmlNode[], into = new Set<string>()): Set<string> {
  const stack = [...nodes];
  while (stack.length) {
    const node = stack.pop()!;
    const at = node.name.indexOf(':');
    if (at > 0) into.add(node.name.slice(0, at));
    if (node.children) for (const child of node.children) stack.push(child);
  }
  return into;
}

/** The `xmlns:` declarations for `prefixes`: the site's own namespaces, then the known ones. */
export function namespaceDeclarations(prefixes: Iterable<string>, site: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const prefix of prefixes) {
    const uri = site?.[prefix] ?? KNOWN_NAMESPACES[prefix];
    if (uri) out[`xmlns:${prefix}`] = uri;
  }
  return out;
}

/** Every element the item adds (episode fields, then custom elements); `podcast`: the feed is one. */
export function itemNodes(item: FeedItem, podcast: boolean): XmlNode[] {
  return [...episodeNodes(item.episode, item.enclosures, podcast), ...customNodes(item.extensions)];
}

/** A node in `feed`'s (xml-js compact) form; values are placeholders. */
export function toXmlJs(node: XmlNode, ph: Placeholders): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (node.attrs) out._attributes = Object.fromEntries(Object.entries(node.attrs).map(([k, v]) => [k, ph.attr(v)]));
  if (node.text !== undefined) out._text = ph.text(node.text);
  for (const [name, group] of groupByName(node.children ?? [])) out[name] = group.length === 1 ? toXmlJs(group[0]!, ph) : group.map((c) => toXmlJs(c, ph));
  return out;
}

/** Nodes grouped by name, in first-seen order, as `feed` extensions must be (one per name). */
export function groupByName(nodes: readonly XmlNode[]): [string, XmlNode[]][] {
  const groups = new Map<string, XmlNode[]>();
  for (const node of nodes) {
    const group = groups.get(node.name);
    if (group) group.push(node);
    else groups.set(node.name, [node]);
  }
  return [...groups.entries()];
}

/** A node as markup, indented like `feed`'s output; values are placeholders. */
export function toMarkup(node: XmlNode, ph: Placeholders, indent: string): string {
  const attrs = Object.entries(node.attrs ?? {})
    .map(([k, v]) => ` ${k}="${ph.attr(v)}"`)
    .join('');
  if (node.children?.length) {
    return `${indent}<${node.name}${attrs}>\n${node.children.map((c) => toMarkup(c, ph, `${indent}    `)).join('\n')}\n${indent}</${node.name}>`;
  }
  if (node.text === undefined || node.text === '') return `${indent}<${node.name}${attrs}/>`;
  return `${indent}<${node.name}${attrs}>${ph.text(node.text)}</${node.name}>`;
}
