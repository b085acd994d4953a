/**
 * Orders entities by how central they are to the story: how often they are mentioned, whether the headline
 * or a subheading names them, how early they appear, and how often they are quoted.
 */
import type { Entities } from '../../types.js';
import type { RankedEntity } from './contract.js';
import { HEADLINE_ONLY } from './entities.js';
import type { Cluster } from './entities.js';
import { POSITION_STRIDE } from './mentions.js';
import type { FoundQuote } from './quotes.js';

/** Relevance weights; a headline mention is worth about three body mentions. */
const TITLE_WEIGHT = 3;
const HEADING_WEIGHT = 1;
const SPEAKER_WEIGHT = 1.5;
const EARLY_WEIGHT = 2;

/** Entities of known kind, deduplicated by name, in order of first mention. */
export function reportable(clusters: Cluster[]): Cluster[] {
  const seen = new Set<string>();
  const out: Cluster[] = [];
  for (const c of [...clusters].sort((a, b) => a.firstPos - b.firstPos)) {
    if (!c.kind || !c.name) continue;
    const key = `${c.kind}:${c.name.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

/** Lists entity names by kind, in order of first mention. */
export function listEntities(clusters: Cluster[]): Entities {
  const entities: Entities = { people: [], organizations: [], places: [] };
  for (const c of clusters) {
    if (c.kind === 'person') entities.people.push(c.name);
    else if (c.kind === 'organization') entities.organizations.push(c.name);
    else if (c.kind === 'place') entities.places.push(c.name);
  }
  return entities;
}

/** Scores and sorts entities, most relevant first. */
export function rankEntities(clusters: Cluster[], quotes: FoundQuote[], blockCount: number): RankedEntity[] {
  const spoken = new Map<Cluster, number>();
  for (const q of quotes) if (q.cluster) spoken.set(q.cluster, (spoken.get(q.cluster) ?? 0) + 1);
  const span = Math.max(1, blockCount);
  const ranked = clusters
    .filter((c): c is Cluster & { kind: RankedEntity['kind'] } => c.kind !== null)
    .map((c, order) => {
      const bodyMentions = c.mentions.length;
      const firstBlock = c.firstPos >= HEADLINE_ONLY ? span : Math.floor(c.firstPos / POSITION_STRIDE);
      const early = 1 - Math.min(1, firstBlock / span);
      const score = bodyMentions + (c.inTitle ? TITLE_WEIGHT : 0) + (c.inHeading ? HEADING_WEIGHT : 0) + SPEAKER_WEIGHT * (spoken.get(c) ?? 0) + EARLY_WEIGHT * early;
      return { entity: { name: c.name, kind: c.kind, mentions: bodyMentions, score: Math.round(score * 100) / 100 }, order };
    });
  ranked.sort((a, b) => b.entity.score - a.entity.score || a.order - b.order);
  return ranked.map((r) => r.entity);
}
