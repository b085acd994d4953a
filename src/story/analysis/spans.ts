/**
 * Capitalised spans: the runs of capitalised words that may name something, joined across name particles
 * ("Anko van der Werff"), "of"/"for" after a head noun ("Bank of Japan", "Centers for Disease Control"),
 * "and" inside such names ("Food and Drug Administration") and name-internal possessives
 * ("Children's Hospital"); broken at punctuation, quotation boundaries and other possessives.
 */
import { ANY_PLACE, DEMONYM, FIRST_NAME, NAME_LIKE, ORGANIZATION } from './lexicon.js';
import type { Token } from './tokens.js';
import { flags, isCommonWord, isLowerWord, isNameWord, isOrgHead } from './wordclass.js';
import { NAME_CONNECTORS, ORG_FIRST_OF, PLACE_FIRST, PLACE_HEADS, TITLE_WORDS } from './words.js';

/** Whether a capitalised word is an ordinary noun that can head "X of Y" ("Ministry", "Confederation", "Alternative"). */
const headsOfPhrase = (t: Token): boolean =>
  ORG_FIRST_OF.has(t.fold) ||
  PLACE_FIRST.has(t.fold) ||
  TITLE_WORDS.has(t.fold) ||
  isOrgHead(t.fold) ||
  (isCommonWord(t.fold) && !(flags(t.fold) & (NAME_LIKE | ANY_PLACE | DEMONYM)));

/**
 * The last word of the capitalised run starting at each token of the block last asked about, worked
 * out once for the whole block when first asked for: walking the run at each possessive or "and"
 * inside it cost the run's length each time ("Zork's Zork's … Ministry": quadratic). One block is
 * kept (most blocks never ask, and cost nothing).
 */
let runEndsOf: { tokens: Token[]; last: Int32Array } | undefined;

/** The last word of the capitalised run starting at `k`, or `undefined` when `k` starts none. */
function lastOfRun(tokens: Token[], k: number): Token | undefined {
  if (!isNameWord(tokens[k])) return undefined;
  if (runEndsOf?.tokens !== tokens || runEndsOf.last.length !== tokens.length) {
    const last = new Int32Array(tokens.length);
    for (let i = tokens.length - 1; i >= 0; i--) last[i] = i + 1 < tokens.length && isNameWord(tokens[i + 1]) && isNameWord(tokens[i]) ? last[i + 1]! : i;
    runEndsOf = { tokens, last };
  }
  return tokens[runEndsOf.last[k]!];
}

/** Whether the capitalised run starting at `k` ends with an organisation head word ("Drug Administration"). */
const runEndsInOrgHead = (tokens: Token[], k: number): boolean => {
  const last = lastOfRun(tokens, k);
  return !!last && isOrgHead(last.fold);
};

/** Whether the capitalised run starting at `k` ends with an organisation or place head word. */
const runEndsInHead = (tokens: Token[], k: number): boolean => {
  const last = lastOfRun(tokens, k);
  return !!last && (isOrgHead(last.fold) || PLACE_HEADS.has(last.fold));
};

/** German articles that join a name only after "van"/"von" ("Ursula von der Leyen"); alone they start an object ("sagte Weber der Zeitung"). */
/** Compass points, which as owners stand for a country or a bloc ("the North's", "the West's"). */
export const COMPASS_POINTS = new Set(['north', 'south', 'east', 'west']);

/** Irregular English plurals for groups of people, which own a name's next word rather than end a name ("Women's Day"). */
const GROUP_PLURALS = new Set(['women', 'men', 'children', 'people', 'peoples', 'workers', 'veterans', 'farmers', 'mothers', 'fathers']);

const PARTICLE_ARTICLES = new Set(['der', 'den', 'dem', 'des']);
const ARTICLE_HOSTS = new Set(['van', 'von', 'vom', 'ter']);

/** Whether the connector at `k` is a German article standing without the particle that makes it part of a name. */
export const articleAlone = (tokens: Token[], k: number): boolean => PARTICLE_ARTICLES.has(tokens[k]?.lower ?? '') && !ARTICLE_HOSTS.has(tokens[k - 1]?.lower ?? '');

/** Finds maximal runs of capitalised words, with name particles, "of"/"for" and "and" inside names. */
export function rawSpans(tokens: Token[]): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const start = tokens[i];
    if (!isNameWord(start)) continue;
    let j = i;
    let sawOf = false;
    // Whether the run already joined words across a connector ("Voz de América").
    let joined = false;
    for (;;) {
      const cur = tokens[j];
      if (!cur) break;
      const n1 = tokens[j + 1];
      if (cur.poss) {
        // "Children's Hospital" is one name; "Russia's Foreign Ministry" is two.
        // "International Women's Day", "People's Party": a plural noun for people owns no name, it is part of one.
        // "the South's Joint Chiefs of Staff", "the West's response": a compass point with a possessive stands for a
        // country or a bloc that owns what follows, like a place's name.
        const commonOwner = !COMPASS_POINTS.has(cur.fold) && (isCommonWord(cur.fold) || GROUP_PLURALS.has(cur.fold) || (flags(cur.fold) === 0 && runEndsInHead(tokens, j + 1)));
        if (n1 && isNameWord(n1) && commonOwner && !(flags(cur.fold) & (NAME_LIKE | ANY_PLACE | ORGANIZATION))) {
          j++;
          continue;
        }
        break;
      }
      if (n1 && isNameWord(n1) && n1.quote === cur.quote) {
        // "dijo a la Voz de América Yolanda Ferrán": a name joined across a connector that ends in a place, then a
        // first name and another capitalised word, is a body or a place followed by a person.
        if (joined && flags(cur.fold) & ANY_PLACE && flags(n1.fold) & FIRST_NAME && isNameWord(tokens[j + 2])) break;
        j++;
        continue;
      }
      if (!isLowerWord(n1) && n1?.text !== '&') break;
      // "of" joins only after a word that heads "X of Y" names; a person "of" a body is two names.
      const head = headsOfPhrase(cur);
      let k = j + 1;
      let ok = false;
      for (let steps = 0; steps < 2; steps++) {
        const c = tokens[k];
        if (!c) break;
        const lower = c.lower;
        const allowed =
          ((lower === 'of' || lower === 'for') && head) ||
          (lower === 'the' && (tokens[k - 1]?.lower === 'of' || tokens[k - 1]?.lower === 'for')) ||
          ((lower === 'and' || c.text === '&') && (sawOf || (head && runEndsInOrgHead(tokens, k + 1)))) ||
          (lower !== 'of' && lower !== 'for' && lower !== 'and' && NAME_CONNECTORS.has(lower) && !articleAlone(tokens, k));
        if (!allowed || c.quote !== cur.quote) break;
        if ((lower === 'of' || lower === 'for') && head) sawOf = true;
        k++;
        if (isNameWord(tokens[k]) && tokens[k]?.quote === cur.quote) {
          ok = true;
          break;
        }
      }
      if (!ok) break;
      j = k;
      joined = true;
    }
    spans.push([i, j + 1]);
    i = j;
  }
  return spans;
}
