/**
 * Outlets and bodies an article cites: "according to X", "X reported", "X said in a statement", "told X",
 * "polled by X", "За даними X", datelines' agencies, and organisations quoted directly. People are never
 * sources, and neither are generic lowercase subjects ("the operator said").
 */
import { readsWords, type Block, type Doc } from './document.js';
import type { Cluster, Registry } from './entities.js';
import { clusterAt } from './entities.js';
import { wireDateline } from '../wire.js';
import { foldKey } from './lexicon.js';
import { position } from './mentions.js';
import { isDemonym, isOrgHead, isRoleNoun } from './wordclass.js';
import type { FoundQuote } from './quotes.js';
import { QUOTE_CHARS } from './tokens.js';
import type { Token } from './tokens.js';
import {
  ARTICLES,
  ATTRIBUTION_LEADS,
  FOREIGN_ARTICLES,
  GENERIC_BODY_NOUNS,
  BY_SOURCE_VERBS,
  DOCUMENT_NOUNS,
  ORG_DESCRIPTORS,
  PLACE_PREPOSITIONS,
  PRESS_WORDS,
  PRONOUNS,
  PUBLIC_BODY_HEADS,
  REPORT_VERBS,
  ROLE_NOUNS,
  STAFF_NOUNS,
  SOURCE_LEADS_CYRILLIC,
  SPEECH_VERBS,
  TITLE_WORDS,
  VERB_FILLERS,
} from './words.js';

interface Cited {
  name: string;
  key: string;
  pos: number;
  cluster: Cluster | null;
}

/** Forms of the Ukrainian participle "published" ("опубліковане", "опублікованому"), whose agent is the publisher. */
const CYRILLIC_PUBLISHED = /^(?:опубліков|оприлюднен)\p{L}*$/u;

/** Spanish and French nouns of a printed or online outlet ("en el diario X", "dans le quotidien X"). */
const PRINT_OUTLET_NOUNS = new Set(['diario', 'periódico', 'periodico', 'revista', 'semanario', 'journal', 'quotidien', 'hebdomadaire', 'magazine']);

/** Prepositions that mark the one told in Spanish and French ("dijo a Efe", "a déclaré à l'AFP"). */
const ROMANCE_DATIVE = new Set(['a', 'al', 'à', 'au']);

/** French and Spanish participles after which "par"/"por" names the outlet ("interrogé par", "citado por"). */
const ROMANCE_BY_VERBS = new Set([
  'interrogé',
  'interrogée',
  'interrogés',
  'cité',
  'citée',
  'cités',
  'citées',
  'publié',
  'publiée',
  'publiés',
  'publiées',
  'rapporté',
  'rapportée',
  'rapportés',
  'rapportées',
  'interrogées',
  'citado',
  'citada',
  'citados',
  'entrevistado',
  'entrevistada',
  'consultado',
  'consultada',
  'publicado',
  'publicada',
  'difundido',
  'difundida',
  'divulgado',
  'divulgada',
  'elaborado',
  'elaborada',
  'diffusé',
  'diffusée',
]);

/** Most words between a participle and its "por"/"par" ("difundido este sábado por Unicef"). */
const MAX_BY_GAP = 3;

/** Spanish and French verbs of asking, whose indirect object is asked, not told. */
const ROMANCE_REQUESTS = new Set(['demandé', 'demande', 'demandent', 'pidió', 'pide', 'piden', 'preguntó', 'pregunta', 'exigió', 'exige']);

/** Modal verbs and "to" before "be …ed by", which put the release in the future ("should be released by"). */
const FUTURE_MARKERS = new Set(['will', 'would', 'should', 'could', 'may', 'might', 'must', 'shall', 'to']);

/** Participles that put a document in the future ("is set to", "is due", "is expected to"). */
const SCHEDULED = new Set(['set', 'due', 'expected', 'scheduled', 'slated', 'planned', 'going']);

/** Nouns that say a name is an outlet ("by Forbes magazine"). */
const OUTLET_NOUNS = new Set(['magazine', 'newspaper', 'daily', 'broadcaster', 'agency', 'website', 'channel', 'network', 'radio', 'television', 'tv']);

const PUBLISHED_IN = new Set(['published', 'reported', 'writing', 'wrote', 'quoted', 'interviewed', 'appeared', 'appearing']);

const OBJECT_PREPOSITIONS = new Set([...PLACE_PREPOSITIONS, 'at', 'of', 'for', 'by', 'with', 'on', 'about', 'over', 'against']);

/** Report verbs that only a body or an outlet does ("reported", "published"), unlike "said". */
const PUBLISHING_VERBS = new Set([
  'reported',
  'reports',
  'published',
  'publishes',
  'released',
  'releases',
  'announced',
  'announces',
  'estimated',
  'estimates',
  'forecast',
  'forecasts',
  'tweeted',
  'posted',
  // Spanish, French and German: "X publica", "X rapporte", "X berichtete".
  'publica',
  'publicó',
  'publican',
  'publicaron',
  'informa',
  'informó',
  'reporta',
  'reportó',
  'publie',
  'publient',
  'rapporte',
  'rapportent',
  'berichtet',
  'berichtete',
  'meldet',
  'meldete',
  'veröffentlichte',
]);

/**
 * Spanish, French and German verbs by which a body states, reports or warns, finite or as the participle of a
 * compound tense ("la Policía advirtió", "la Policía había advertido", "le ministère a déclaré", "die Polizei teilte
 * mit"). Announcing an action ("la SNCF a annoncé une grève") cites nobody. Kept apart from the English report
 * verbs, which also mark roles and speakers elsewhere.
 */
const FOREIGN_REPORT_VERBS = new Set([
  'dijo',
  'afirmó',
  'declaró',
  'advirtió',
  'señaló',
  'denunció',
  'aseguró',
  'indicó',
  'explicó',
  'confirmó',
  'precisó',
  'reconoció',
  'negó',
  'agregó',
  'añadió',
  'estimó',
  'reveló',
  'comunicó',
  'alertó',
  'dicho',
  'afirmado',
  'declarado',
  'advertido',
  'señalado',
  'denunciado',
  'asegurado',
  'indicado',
  'confirmado',
  'informado',
  'reportado',
  'publicado',
  'comunicado',
  'alertado',
  'déclaré',
  'révélé',
  'indiqué',
  'affirmé',
  'précisé',
  'confirmé',
  'dénoncé',
  'averti',
  'estimé',
  'déclare',
  'indique',
  'affirme',
  'précise',
  'dénonce',
  'documentó',
  'contabilizó',
  'registró',
  'cifró',
  'calculó',
  'constató',
  'recensé',
  'comptabilisé',
  'documenté',
  'sagte',
  'erklärte',
  'zählte',
  'registrierte',
  'dokumentierte',
  'teilte',
  'warnte',
  'bestätigte',
  'betonte',
]);

/** Auxiliaries and adverbs between a Spanish, French or German subject and its verb ("había advertido", "a déclaré"). */
const FOREIGN_VERB_FILLERS = new Set([
  'ha',
  'han',
  'había',
  'habían',
  'habría',
  'también',
  'ya',
  'a',
  'ont',
  'avait',
  'avaient',
  'aussi',
  'déjà',
  'hat',
  'hatte',
  'haben',
  'hatten',
  'auch',
  'bereits',
]);

/** Prepositions that open a phrase set off by commas between a subject and its verb ("X, in a statement, said"). */
const INSERTED_PHRASE_LEADS = new Set(['in', 'on', 'at', 'through', 'via', 'en', 'mediante', 'dans', 'par', 'auf', 'через', 'у', 'в']);

/** Spanish, French and German prepositions and articles before a noun that make it no verb's subject ("la portavoz de la Policía dijo"). */
const FOREIGN_OBJECT_WORDS = new Set([
  'de',
  'del',
  'al',
  'en',
  'por',
  'con',
  'para',
  'sobre',
  'contra',
  'du',
  'des',
  'au',
  'aux',
  'par',
  'pour',
  'avec',
  'sur',
  'von',
  'vom',
  'mit',
  'für',
  'gegen',
  'über',
  'zum',
  'zur',
]);

/** Whether a token is written as an acronym ("NNPC", "U.S."). */
const isAcronymToken = (t: Token | undefined): boolean => !!t && (t.caps || t.dotted);

/** Whether a cluster can be a cited source: an organisation, or an unknown name with no person evidence. */
const citable = (c: Cluster): boolean => {
  // Only weak person evidence (a bare surname shared with famous people, like "Bloomberg") may be a source.
  if (c.kind === 'person') return c.cues.person < 1.5 && c.mentions.every((m) => m.role === null);
  if (c.kind === 'place') return c.cues.place < 3 && c.cues.person === 0;
  // "The newspaper Le Monde wrote": a body by its evidence may also look like a name before a verb of saying.
  return c.cues.person < 1.5 || (c.kind === 'organization' && c.cues.organization >= c.cues.person + 1.5);
};

class Collector {
  readonly cited: Cited[] = [];
  constructor(
    private readonly doc: Doc,
    private readonly registry: Registry,
  ) {}

  /** Cites an entity; `certain` for a place where only a source can stand (a wire dateline's agency). */
  addCluster(c: Cluster, pos: number, certain = false, led = false): void {
    // After "selon"/"according to", a name that opens with an article ("Le Figaro", "El País") is an outlet, whatever
    // role the next clause seemed to give it.
    const outletLike = led && c.kind === 'person' && c.cues.person < 1.5 && c.mentions.some((m) => OUTLET_ARTICLES.has(m.words[0] ?? ''));
    if (!certain && !citable(c) && !outletLike) return;
    c.cited = true;
    this.cited.push({ name: c.name, key: `#${c.id}`, pos, cluster: c });
  }

  addPhrase(block: Block, a: number, b: number, pos: number): void {
    const first = block.tokens[a];
    const last = block.tokens[b - 1];
    if (!first || !last) return;
    const name = block.text.slice(first.start, last.end);
    this.cited.push({ name, key: foldKey(name), pos, cluster: null });
  }

  /** The entity whose mention starts at token `k` (after articles), if any. */
  clusterStarting(blockIndex: number, k: number): { cluster: Cluster; end: number } | null {
    const block = this.doc.blocks[blockIndex];
    if (!block) return null;
    const c = clusterAt(this.registry, blockIndex, k);
    const m = this.registry.tokenMention[blockIndex]?.[k];
    // "in The Guardian": a name that keeps its article starts one token earlier.
    const article = m && m.first === k - 1 && ARTICLES.has(block.tokens[k - 1]?.lower ?? '');
    if (!c || !m || (m.first !== k && !article)) return null;
    return { cluster: c, end: m.last };
  }
}

/** Capitalised articles that open an outlet's name ("Le Monde", "El País", "The Guardian", "Die Zeit"). */
const OUTLET_ARTICLES = new Set(['le', 'la', 'les', 'el', 'los', 'las', 'the', 'der', 'die', 'das']);

/** French elided articles, written as tokens of their own before a vowel ("l'AFP"). */
const ELIDED_ARTICLES = new Set(["l'", 'l’']);

const skipArticles = (tokens: Token[], k: number): number => {
  while (tokens[k] && (ARTICLES.has(tokens[k]?.lower ?? '') || ((FOREIGN_ARTICLES.has(tokens[k]?.lower ?? '') || ELIDED_ARTICLES.has(tokens[k]?.lower ?? '')) && !tokens[k]?.cap)))
    k++;
  return k;
};

/** "Romanian border police", "the Lithuanian transport agency", "Київська міська адміністрація": a body described in lowercase. */
const describedBody = (tokens: Token[], a: number, b: number, cyrillic: boolean): boolean => {
  if (b - a < 2 || b - a > 5) return false;
  const first = tokens[a];
  const last = tokens[b - 1];
  if (!first || !last || !first.cap || last.cap || last.kind !== 'word') return false;
  if (!PUBLIC_BODY_HEADS.has(last.fold) && !PUBLIC_BODY_HEADS.has(last.fold.replace(/s$/, ''))) return false;
  if (!cyrillic && !isDemonym(first.fold)) return false;
  for (let k = a + 1; k < b; k++) {
    const t = tokens[k];
    if (t?.kind !== 'word' || t.cap) return false;
  }
  return true;
};

/** Whether a name only qualifies a person's role: "the NATO PA president". */
const qualifiesRole = (tokens: Token[], end: number): boolean => {
  const after = tokens[end];
  return !!after && after.kind === 'word' && !after.cap && (ROLE_NOUNS.has(after.fold) || TITLE_WORDS.has(after.fold));
};

/** Reads the cited name in a phrase starting at token `start` ("according to …", "За даними …"). */
function citedPhrase(col: Collector, doc: Doc, blockIndex: number, start: number, depth = 0): void {
  const block = doc.blocks[blockIndex];
  if (!block || depth > 2) return;
  const { tokens } = block;
  const cyrillic = doc.profile === 'cyrillic';
  let k = skipArticles(tokens, start);
  // "Як зазначає видання «…»": an outlet noun before the outlet's name.
  if (cyrillic && CYRILLIC_OUTLET_NOUNS.has(tokens[k]?.lower ?? '')) k++;
  if (tokens[k]?.text === '«' || tokens[k]?.text === '„' || tokens[k]?.text === '"' || tokens[k]?.text === '“') k++;
  const lead = tokens[k];
  if (!lead || PRONOUNS.has(lead.lower) || ['him', 'her', 'them', 'нього', 'неї', 'них'].includes(lead.lower)) return;
  const pos = position(block, k);
  // "According to Deputy Chief of Police of the Knoxville police department, …", "according to a spokesman for
  // X": a title or a member of staff speaks for the body named after "of"/"for"; that body is the source.
  if (lead.kind === 'word' && (TITLE_WORDS.has(lead.fold) || ROLE_NOUNS.has(lead.fold) || STAFF_NOUNS.has(lead.fold))) {
    for (let j = k + 1; j < tokens.length && j - k < 12; j++) {
      const t = tokens[j];
      if (!t || t.kind === 'punct') break;
      if (t.lower !== 'of' && t.lower !== 'for' && t.lower !== 'at') continue;
      const at = skipArticles(tokens, j + 1);
      const found = col.clusterStarting(blockIndex, at);
      if (found && found.cluster.kind === 'organization') {
        col.addCluster(found.cluster, pos);
        return;
      }
    }
  }
  // "Nach Angaben der Polizei", "laut Staatsanwaltschaft": a German public body named by its common noun.
  if (doc.profile === 'de' && lead.kind === 'word' && lead.cap && !lead.caps && GERMAN_PUBLIC_BODY.test(lead.fold) && !col.clusterStarting(blockIndex, k)) {
    col.addPhrase(block, k, k + 1, pos);
    return;
  }
  // "laut einem Bericht der New York Times": a report's noun, then its owner in the genitive.
  if (doc.profile === 'de' && DOCUMENT_NOUNS_DE.has(lead.fold) && ['der', 'des'].includes(tokens[k + 1]?.lower ?? '')) {
    citedPhrase(col, doc, blockIndex, k + 2, depth + 1);
    return;
  }
  // "laut der Nachrichtenagentur dpa", "nach Angaben des Senders „X“": a German outlet's noun, then its name.
  if (doc.profile === 'de' && isGermanOutletNoun(lead) && !col.clusterStarting(blockIndex, k) && namedAfter(col, block, blockIndex, k + 1, true)) return;
  // Skip descriptors ("the British agency The Telegraph") but not prepositions ("two brokers in London").
  let j = k;
  for (let steps = 0; steps < 5 && j < tokens.length; steps++) {
    const t = tokens[j];
    if (!t || t.kind === 'punct') break;
    const found = col.clusterStarting(blockIndex, j);
    if (found) {
      // "according to Catalan police": a name that only qualifies a body's head is the description's, and the
      // description is the source; the name itself stays what it was.
      const head = tokens[found.end];
      if (head && head.kind === 'word' && !head.cap && PUBLIC_BODY_HEADS.has(head.fold)) col.addPhrase(block, j, found.end + 1, pos);
      else if (!qualifiesRole(tokens, found.end)) col.addCluster(found.cluster, pos, false, true);
      return;
    }
    if (DOCUMENT_NOUNS.has(t.lower) && ['from', 'by', 'of', 'in'].includes(tokens[j + 1]?.lower ?? '')) {
      citedPhrase(col, doc, blockIndex, j + 2, depth + 1);
      return;
    }
    if (OBJECT_PREPOSITIONS.has(t.lower) || (t.cap && !isDemonym(t.fold) && !cyrillic)) break;
    j++;
  }
  // No name: a body described in lowercase.
  let end = k;
  while (end < tokens.length && end - k < 5 && tokens[end]?.kind === 'word') end++;
  for (let b = end; b > k + 1; b--) {
    if (describedBody(tokens, k, b, cyrillic)) {
      col.addPhrase(block, k, b, pos);
      return;
    }
  }
  // Cyrillic names are often inflected capitalised words without other cues ("За даними Укренерго"); in
  // German every noun is capitalised, so only a quoted name counts ("Nach Angaben der „Netzeitung“").
  if (cyrillic && lead.cap) {
    col.addPhrase(block, k, k + 1, pos);
    return;
  }
  // A quoted outlet name of up to four words ("gegenüber „heise online“").
  if (doc.profile === 'de' && k > 0 && QUOTE_CHARS.has(tokens[k - 1]?.text ?? '')) {
    let e = k;
    while (e < tokens.length && e - k < 4 && tokens[e]?.kind === 'word') e++;
    if (e > k && QUOTE_CHARS.has(tokens[e]?.text ?? '')) col.addPhrase(block, k, e, pos);
  }
}

/** The subject right before a report verb at `v`, if it is a body. */
function subjectBefore(col: Collector, doc: Doc, blockIndex: number, v: number, registry: Registry): void {
  const block = doc.blocks[blockIndex];
  if (!block) return;
  const { tokens } = block;
  let j = v - 1;
  const foreign = doc.profile === 'romance' || doc.profile === 'de';
  // "…, en la capital provincial, dijo Zamora": a name right after a Spanish or French verb of saying is its subject,
  // so nothing before the verb is.
  if (doc.profile === 'romance' && tokens[v + 1]?.cap && registry.tokenMention[blockIndex]?.[v + 1]) return;
  while (j >= 0 && (VERB_FILLERS.has(tokens[j]?.lower ?? '') || (foreign && FOREIGN_VERB_FILLERS.has(tokens[j]?.lower ?? '')))) j--;
  // "Authority (NDMA) said": the parenthesised acronym repeats the subject.
  if (tokens[j]?.text === ')') {
    let k = j - 1;
    while (k > 0 && k > j - 6 && tokens[k]?.text !== '(') k--;
    if (tokens[k]?.text === '(') j = k - 1;
  }
  // "A Maersk spokesperson said", "a Kremlin official said": the body speaks through its staff.
  const staff = tokens[j];
  if (staff && staff.kind === 'word' && !staff.cap && (ROLE_NOUNS.has(staff.fold) || staff.fold === 'official' || staff.fold === 'officials')) {
    const m = registry.tokenMention[blockIndex]?.[j - 1];
    const c = clusterAt(registry, blockIndex, j - 1);
    if (m && c && m.last === j && c.kind !== 'person' && c.kind !== 'place') col.addCluster(c, position(block, m.first));
    return;
  }
  if (tokens[j]?.text === ',') {
    // "X, which represents …, called": skip a relative clause back to its subject.
    let c = j - 1;
    while (c >= 0 && c > j - 20 && tokens[c]?.text !== ',' && tokens[c]?.kind !== 'punct') c--;
    const lead = tokens[c + 1]?.lower ?? '';
    if (tokens[c]?.text === ',' && (lead === 'which' || lead === 'who' || lead === 'that')) j = c - 1;
    // "NATO, in a statement, said", "la Policía, en un comunicado, informó": a prepositional phrase set off by commas.
    else if (tokens[c]?.text === ',' && INSERTED_PHRASE_LEADS.has(lead) && registry.tokenMention[blockIndex]?.[c - 1]) j = c - 1;
    // "Gavi, the Vaccine Alliance, said" names the subject again; "NATO, the alliance, said" describes it.
    else if (tokens[c]?.text === ',' && ARTICLES.has(lead)) j = registry.tokenMention[blockIndex]?.[j - 1] ? j - 1 : c - 1;
    // "An NNPC spokesman, Olufemi Soneye, said": the body speaks through the named member of staff.
    else if (tokens[c]?.text === ',' && tokens[c - 1]?.kind === 'word' && !tokens[c - 1]?.cap && ROLE_NOUNS.has(tokens[c - 1]?.fold ?? '')) {
      const m = registry.tokenMention[blockIndex]?.[c - 2];
      const owner = clusterAt(registry, blockIndex, c - 2);
      if (m && owner && m.last === c - 1 && owner.kind !== 'person' && owner.kind !== 'place') col.addCluster(owner, position(block, m.first));
      return;
    }
    // Otherwise the verb starts an inverted attribution ("…, said the ministry"), handled elsewhere.
    else return;
  }
  // "The Interfax news agency quoted …": lowercase words naming what the body is stand between it and the verb.
  if (tokens[j]?.kind === 'word' && !tokens[j]?.cap && ORG_DESCRIPTORS.has(tokens[j]?.lower ?? '')) {
    let d = j - 1;
    if (tokens[d]?.kind === 'word' && !tokens[d]?.cap && d > 0 && !ARTICLES.has(tokens[d]?.lower ?? '')) d--;
    const m = registry.tokenMention[blockIndex]?.[d];
    const c = clusterAt(registry, blockIndex, d);
    if (m && c && m.last === d + 1 && c.kind !== 'person' && c.kind !== 'place') {
      col.addCluster(c, position(block, m.first));
      return;
    }
  }
  // "Officials at the U.S. Embassy in Kyiv said", "Посольство США в Києві повідомило": the place a body sits in is
  // no subject; the body before it is.
  const placed = registry.tokenMention[blockIndex]?.[j];
  const site = clusterAt(registry, blockIndex, j);
  if (placed && site && site.kind === 'place' && placed.last === j + 1 && PLACE_PREPOSITIONS.has(tokens[placed.first - 1]?.lower ?? '')) {
    const body = clusterAt(registry, blockIndex, placed.first - 2);
    const bm = registry.tokenMention[blockIndex]?.[placed.first - 2];
    if (body && bm && bm.last === placed.first - 1 && body.kind === 'organization') j = placed.first - 2;
  }
  const t = tokens[j];
  if (t?.kind !== 'word') return;
  const m = registry.tokenMention[blockIndex]?.[j];
  const c = clusterAt(registry, blockIndex, j);
  if (m && c && m.last === j + 1) {
    let p = m.first - 1;
    if (ARTICLES.has(tokens[p]?.lower ?? '') || (foreign && FOREIGN_ARTICLES.has(tokens[p]?.lower ?? ''))) p--;
    const prev = tokens[p];
    if (prev && prev.kind === 'word' && !prev.cap && (OBJECT_PREPOSITIONS.has(prev.lower) || (foreign && FOREIGN_OBJECT_WORDS.has(prev.lower)))) {
      // "A spokesman for the Foreign Office said", "Officials at the WHO said": the body speaks through its staff.
      const staff = tokens[p - 1];
      if (
        (prev.lower === 'for' || prev.lower === 'at' || prev.lower === 'of') &&
        staff &&
        staff.kind === 'word' &&
        (!staff.cap || staff.initial) &&
        STAFF_NOUNS.has(staff.fold) &&
        c.kind !== 'person' &&
        c.kind !== 'place'
      )
        col.addCluster(c, position(block, m.first));
      return;
    }
    // "White House spokeswoman Dana Perino says", "State Department official James Jeffrey told": a person introduced
    // by a body's title speaks for that body, which is the source.
    const body = c.kind === 'person' ? bodyOfTitle(registry, blockIndex, tokens, m.first) : null;
    if (body) {
      col.addCluster(body.cluster, position(block, body.first));
      return;
    }
    // "Devouard said": one unknown word before a verb of saying is a person's surname far more often than a
    // body; only a verb of publishing ("X reported", "X published") makes it a source without other evidence.
    const lone = m.last - m.first === 1 && c.kind === null && !isAcronymToken(tokens[m.first]);
    // "The Kremlin said": English puts no article before a person's name, so a lone word after "the" is a body.
    const afterThe = tokens[m.first - 1]?.lower === 'the' && doc.profile === 'en';
    if (lone && !afterThe && !PUBLISHING_VERBS.has(tokens[v]?.lower ?? '')) return;
    col.addCluster(c, position(block, m.first));
    return;
  }
  if (t.cap) return;
  for (let a = j - 1; a >= Math.max(0, j - 4); a--) {
    if (describedBody(tokens, a, j + 1, doc.profile === 'cyrillic')) {
      const prev = tokens[a - 1];
      if (prev && prev.kind === 'word' && !prev.cap && OBJECT_PREPOSITIONS.has(prev.lower)) return;
      col.addPhrase(block, a, j + 1, position(block, a));
      return;
    }
  }
}

/** The body of the title that introduces the person right before a verb of saying at `v`, cited as the source. */
function titledSpeakerBody(col: Collector, block: Block, blockIndex: number, v: number, registry: Registry): void {
  const m = registry.tokenMention[blockIndex]?.[v - 1];
  const c = clusterAt(registry, blockIndex, v - 1);
  if (!m || !c || m.last !== v || c.kind !== 'person') return;
  const body = bodyOfTitle(registry, blockIndex, block.tokens, m.first);
  if (body) col.addCluster(body.cluster, position(block, body.first));
}

/** How many title words may stand between a body and the person it employs ("Deputy Press Secretary"). */
const MAX_TITLE_WORDS = 3;

/** The body named right before the title that introduces a person starting at token `first` ("White House spokeswoman …"). */
function bodyOfTitle(registry: Registry, blockIndex: number, tokens: Token[], first: number): { cluster: Cluster; first: number } | null {
  const titleWord = (t: Token | undefined): boolean =>
    !!t && t.kind === 'word' && (TITLE_WORDS.has(t.fold) || ROLE_NOUNS.has(t.fold) || STAFF_NOUNS.has(t.fold) || t.fold === 'press');
  // "Речник Пентагону Джон Кірбі": a Cyrillic title governs the body after it, in the genitive.
  const between = registry.tokenMention[blockIndex]?.[first - 1];
  const governed = clusterAt(registry, blockIndex, first - 1);
  if (between && governed && between.last === first && governed.kind === 'organization' && titleWord(tokens[between.first - 1])) return { cluster: governed, first: between.first };
  let k = first - 1;
  const stop = first - 1 - MAX_TITLE_WORDS;
  while (k > stop && titleWord(tokens[k])) k--;
  if (k === first - 1) return null;
  const m = registry.tokenMention[blockIndex]?.[k];
  const c = clusterAt(registry, blockIndex, k);
  if (!m || !c || m.last !== k + 1 || c.kind !== 'organization') return null;
  return { cluster: c, first: m.first };
}

/** Nouns for a formal statement ("in a statement", "en un comunicado", "dans un communiqué"). */
const STATEMENT_NOUNS = new Set(['statement', 'comunicado', 'communiqué', 'communique', 'declaración', 'declaracion', 'déclaration', 'declaration']);
/** Indefinite articles before such a noun. */
const INDEFINITE_BEFORE_STATEMENT = new Set(['a', 'un', 'une']);
/** Prepositions before them. */
const STATEMENT_LEADS = new Set(['in', 'en', 'dans']);
/** How far back in its sentence a statement's author is looked for. */
const STATEMENT_AUTHOR_REACH = 20;

/** The person nearest before a statement in its sentence ("Ana Ruiz, …, said in a statement"), if any. */
function statementAuthor(registry: Registry, block: Block, blockIndex: number, from: number): Cluster | null {
  for (let k = from - 1; k >= 0 && k >= from - STATEMENT_AUTHOR_REACH; k--) {
    const t = block.tokens[k];
    if (!t || (t.kind === 'punct' && (t.text === '.' || t.text === '!' || t.text === '?'))) break;
    const c = clusterAt(registry, blockIndex, k);
    if (c?.kind === 'person') return c;
  }
  return null;
}

/** Posts whose holder speaks for a body: its spokespeople and officials, in each language. */
const SPEAKS_FOR_BODY = new Set([
  ...STAFF_NOUNS,
  'vocero',
  'vocera',
  'portavoces',
  'voceros',
  'porte-paroles',
  'sprecherin',
  'прессекретар',
  'прес-секретар',
  'пресс-секретарь',
  'представник',
  'представниця',
  // Leaders, who speak for the body they lead.
  'leader',
  'líder',
  'lider',
  'lideresa',
  'dirigente',
  'head',
  'jefe',
  'jefa',
  'chef',
  'chairman',
  'chairwoman',
  'coordinator',
  'coordinador',
  'coordinadora',
  'coordinateur',
  'coordinatrice',
  'president',
  'presidente',
  'presidenta',
  'présidente',
  'голова',
  'лідер',
  'керівник',
  'керівниця',
]);

/** Nouns by which an article takes up a body it has named ("la organización", "the group", "el movimiento"). */
const GROUP_NOUNS = new Set([
  'organización',
  'organizacion',
  'organization',
  'organisation',
  'movimiento',
  'movement',
  'mouvement',
  'grupo',
  'group',
  'groupe',
  'agrupación',
  'agrupacion',
]);

/** How far an apposition naming a person's post may run ("Ana Ruiz, deputy director for Asia at the X Institute,"). */
const APPOSITION_REACH = 12;

/** Mentions of a person read for the body they hold a post at. */
const EMPLOYER_MENTIONS = 3;

/** Most words of a title read before a name ("Deputy Commissioner of Police"). */
const MAX_TITLE_RUN = 4;

/** The body's head noun in a capitalised title right before a name, when the title also has a post ("University President"). */
function titleHead(tokens: Token[], first: number): string | null {
  let head: string | null = null;
  let post = false;
  for (let k = first - 1; k >= 0 && k >= first - MAX_TITLE_RUN; k--) {
    const t = tokens[k];
    if (!t || t.kind !== 'word') break;
    if (t.lower === 'of' && !t.cap) continue;
    if (!t.cap || t.caps) break;
    if (TITLE_WORDS.has(t.fold) || ROLE_NOUNS.has(t.fold)) post = true;
    else if (isOrgHead(t.fold) || GENERIC_BODY_NOUNS.has(t.fold)) head ??= t.fold;
    else break;
  }
  return post ? head : null;
}

/** The one organisation the article names with `head` among its words, or null when none or several do. */
function namedBodyWithHead(registry: Registry, head: string): Cluster | null {
  let found: Cluster | null = null;
  for (const c of registry.clusters) {
    if (c.kind !== 'organization' || !c.mentions.some((m) => m.words.length >= 2 && m.words.includes(head))) continue;
    if (found && found !== c) return null;
    found = c;
  }
  return found;
}

/** Definite articles before a noun taking up a named body. */
const DEFINITE_ARTICLES = new Set(['the', 'la', 'el', 'le', "l'", 'l’']);

/** The body an article has named most often before `pos`, when one stands out; what "la organización" takes up. */
function salientBody(registry: Registry, pos: number): Cluster | null {
  let best: Cluster | null = null;
  let bestCount = 0;
  let tie = false;
  for (const c of registry.clusters) {
    if (c.kind !== 'organization' || c.firstPos >= pos) continue;
    const n = c.mentions.length;
    if (n > bestCount) {
      best = c;
      bestCount = n;
      tie = false;
    } else if (n === bestCount) tie = true;
  }
  return tie ? null : best;
}

/**
 * The body a person speaks for, as an apposition introduces them: "Ana Ruiz, spokeswoman for the Harbour Authority",
 * "la portavoz de la Fundación X, Ana Ruiz". Null when no spokesperson's or official's post comes before the body: a
 * director or a pastor quoted on their own account is no body's statement.
 */
function employerOf(doc: Doc, registry: Registry, person: Cluster, anyPost = false): Cluster | null {
  let read = 0;
  for (const m of person.mentions) {
    const block = doc.blocks[m.block];
    if (!block || block.kind !== 'paragraph') continue;
    if (++read > EMPLOYER_MENTIONS) break;
    const { tokens } = block;
    const bodyAt = (k: number): Cluster | null => {
      const c = clusterAt(registry, m.block, k);
      const at = registry.tokenMention[m.block]?.[k];
      return c && at && at.first === k && c.kind === 'organization' ? c : null;
    };
    // After the name: ", <post> … <body>".
    if (tokens[m.last]?.text === ',') {
      let post = false;
      for (let k = m.last + 1; k < tokens.length && k <= m.last + APPOSITION_REACH; k++) {
        const t = tokens[k];
        if (!t || t.kind !== 'word' || t.quote !== tokens[m.first]?.quote) break;
        if (!t.cap && isRoleNoun(t.fold)) {
          post = anyPost || SPEAKS_FOR_BODY.has(t.fold) || SPEAKS_FOR_BODY.has(t.lower);
          if (!post) break;
          continue;
        }
        const body = post ? bodyAt(k) : null;
        if (body) return body;
        if (clusterAt(registry, m.block, k)?.kind === 'person') break;
      }
    }
    // A title with a body's head noun right before the name ("University President Ana Ruiz", "Commissioner of Police
    // Tom Hale"): the one body the article names with that head.
    const head = titleHead(tokens, m.first);
    if (head) {
      const body = namedBodyWithHead(registry, head);
      if (body) return body;
    }
    // Before the name: "<post> of <body>, Name".
    if (tokens[m.first - 1]?.text === ',') {
      let body: Cluster | null = null;
      for (let k = m.first - 2; k >= 0 && k >= m.first - 1 - APPOSITION_REACH; k--) {
        const t = tokens[k];
        if (!t || t.kind !== 'word' || t.quote !== tokens[m.first]?.quote) break;
        const c = bodyAt(k) ?? (GROUP_NOUNS.has(t.lower) && DEFINITE_ARTICLES.has(tokens[k - 1]?.lower ?? '') ? salientBody(registry, m.pos) : null);
        if (c) body = c;
        if (!t.cap && (isRoleNoun(t.fold) || SPEAKS_FOR_BODY.has(t.lower))) {
          if (!body || !(anyPost || SPEAKS_FOR_BODY.has(t.fold) || SPEAKS_FOR_BODY.has(t.lower))) break;
          return body;
        }
      }
    }
  }
  return null;
}

/** Any person, number or gender of the Ukrainian and Russian verbs of reporting ("повідомило", "передають", "пишуть", "сообщило"). */
const CYRILLIC_REPORT_STEM = /^(?:повідомл?\p{L}*|пиш\p{L}+|писал\p{L}*|переда\p{L}+|інформу\p{L}+|зазнача\p{L}+|зазначил\p{L}*|сообща\p{L}+|сообщил\p{L}*|пишет|передал\p{L}*)$/u;

/** Ukrainian nouns for a body's office or statement, in the locative ("пресслужбі", "повідомленні", "заяві"). */
const CYRILLIC_OFFICE_NOUN = /^(?:пресслужб|прес-служб|повідомлен|заяв|коментар|відомств|офіс|телеграм-канал)\p{L}*$/u;

/** Lowercase nouns between a Ukrainian report verb and the outlet or body it names ("пише видання", "повідомила пресслужба"). */
const CYRILLIC_OUTLET_NOUNS = new Set(['видання', 'агентство', 'агенція', 'пресслужба', 'газета', 'телеканал', 'портал', 'сайт', 'служба', 'інформагенція', 'ресурс']);

/**
 * "Про це повідомляє Укрінформ", "Про це повідомила пресслужба СБУ", "— пише видання «Дзеркало тижня»": Ukrainian
 * puts the verb before the subject after "про це"/"це" or after a quotation; a body or outlet named right after it is the source.
 */
function cyrillicInvertedSource(col: Collector, block: Block, blockIndex: number, v: number): void {
  const { tokens } = block;
  const prev = tokens[v - 1];
  const inverted = prev?.lower === 'це' || (prev?.kind === 'punct' && [',', '—', '–', '»', '”'].includes(prev.text));
  if (!inverted) return;
  let k = v + 1;
  for (let steps = 0; steps < 2 && tokens[k]?.kind === 'word' && !tokens[k]?.cap && CYRILLIC_OUTLET_NOUNS.has(tokens[k]?.lower ?? ''); steps++) k++;
  if (tokens[k]?.text === '«' || tokens[k]?.text === '"' || tokens[k]?.text === '“') k++;
  const lead = tokens[k];
  if (lead?.kind !== 'word' || !lead.cap) return;
  const found = col.clusterStarting(blockIndex, k);
  if (found) {
    if (found.cluster.kind !== 'person' && found.cluster.kind !== 'place') col.addCluster(found.cluster, position(block, k));
  } else if (k > v + 1) col.addPhrase(block, k, k + 1, position(block, k));
}

/** Cites a German quoted name of one to four capitalised words that a verb of saying or reporting stands next to. */
function germanQuotedOutlet(col: Collector, block: Block, open: number): void {
  const { tokens } = block;
  let close = open + 1;
  while (close < tokens.length && close - open <= 5 && tokens[close]?.kind === 'word' && tokens[close]?.cap) close++;
  const mark = tokens[close]?.text;
  if (close === open + 1 || close - open > 5 || (mark !== '“' && mark !== '«')) return;
  const verb = (t: Token | undefined): boolean => !!t && t.kind === 'word' && !t.cap && (SPEECH_VERBS.has(t.lower) || REPORT_VERBS.has(t.lower));
  // "sagte der „X“", "sagte er dem „X“": the verb, a pronoun perhaps, and a dative article before the name.
  let k = open - 1;
  const dative = tokens[k]?.lower === 'dem' || tokens[k]?.lower === 'der';
  if (dative) k--;
  if (PRONOUNS.has(tokens[k]?.lower ?? '')) k--;
  if ((dative && verb(tokens[k])) || verb(tokens[close + 1])) col.addPhrase(block, open + 1, close, position(block, open + 1));
}

/**
 * Verbs that report only when the subject follows them ("…, rapporte le quotidien X", "…, a indiqué l'agence X",
 * "…, recoge el diario X"); before them, a subject may merely announce an action, so they are kept apart.
 */
const INVERTED_REPORT_VERBS = new Set([
  'rapporté',
  'indiqué',
  'écrit',
  'relate',
  'relaté',
  'souligne',
  'souligné',
  'détaille',
  'annonce',
  'annoncé',
  'escribe',
  'escribió',
  'recoge',
  'recogió',
  'detalla',
  'detalló',
  'asegura',
  'señala',
  'indica',
  'añade',
  'agrega',
  'schreibt',
  'schrieb',
  'meldet',
  'meldete',
  'berichtet',
  'berichtete',
]);

/** German nouns of public bodies that news cites by the noun alone, also as compound heads ("Polizei", "Bundespolizei", "Staatsanwaltschaft"). */
const GERMAN_PUBLIC_BODY =
  /^(?:\p{L}*polizei|\p{L}*feuerwehr|\p{L}*staatsanwaltschaft|\p{L}*ministerium(?:s)?|regierung|behorden?|rettungskrafte|rettungsdienst(?:e|es)?|armee|militar[s]?)$/u;

/** German nouns of an outlet, also as the head of a compound ("Nachrichtenagentur", "Tageszeitung", "Fernsehsender"). */
const GERMAN_OUTLET_HEADS = ['agentur', 'zeitung', 'zeitschrift', 'magazin', 'sender', 'blatt', 'portal', 'fernsehen', 'rundfunk', 'nachrichtenseite', 'onlineportal'];

/** Whether a capitalised German word is an outlet's common noun ("Nachrichtenagentur", "Zeitung"). */
const isGermanOutletNoun = (t: Token | undefined): boolean => !!t && t.kind === 'word' && t.cap && !t.caps && GERMAN_OUTLET_HEADS.some((h) => t.fold === h || t.fold.endsWith(h));

/** Lowercase nouns that describe an outlet or a body before its name, in any of the languages ("la agencia", "le quotidien"). */
const isDescriptorWord = (t: Token | undefined): boolean => !!t && t.kind === 'word' && !t.cap && (ORG_DESCRIPTORS.has(t.lower) || ORG_DESCRIPTORS.has(t.fold));

/**
 * The name an outlet's noun introduces, from token `k`: an entity, a quoted name, or (after the noun) one word
 * of any case, since agencies write their abbreviations in lowercase ("Nachrichtenagentur dpa").
 */
function namedAfter(col: Collector, block: Block, blockIndex: number, k: number, described: boolean): boolean {
  const { tokens } = block;
  let at = k;
  if (QUOTE_CHARS.has(tokens[at]?.text ?? '')) at++;
  const found = col.clusterStarting(blockIndex, at);
  if (found) {
    const c = found.cluster;
    if (qualifiesRole(tokens, found.end)) return false;
    if (c.kind === 'organization' || (described && c.kind !== 'person' && c.kind !== 'place' && citable(c))) {
      col.addCluster(c, position(block, at));
      return true;
    }
    return false;
  }
  if (!described) return false;
  // A quoted name of up to four words ("die Zeitung „Kommersant“").
  if (at > k) {
    let e = at;
    while (e < tokens.length && e - at < 4 && tokens[e]?.kind === 'word') e++;
    if (e > at && QUOTE_CHARS.has(tokens[e]?.text ?? '')) {
      col.addPhrase(block, at, e, position(block, at));
      return true;
    }
    return false;
  }
  // One word standing alone after the noun, then punctuation or a verb: "der Nachrichtenagentur dpa zufolge".
  const w = tokens[at];
  const next = tokens[at + 1];
  if (w?.kind !== 'word' || w.text.length < 2 || PRONOUNS.has(w.lower) || ARTICLES.has(w.lower) || FOREIGN_ARTICLES.has(w.lower)) return false;
  if (!w.cap && (w.text.length > 4 || /[aeiouäöü]{2}/u.test(w.lower) || !/^[a-zäöü]+$/u.test(w.lower))) return false;
  if (next && next.kind === 'word' && next.cap) return false;
  col.addPhrase(block, at, at + 1, position(block, at));
  return true;
}

/** "…, said the Foreign Ministry", "…, informó la agencia Reuters", "…, a rapporté l'AFP": a subject after its verb. */
function invertedSource(col: Collector, doc: Doc, blockIndex: number, v: number): void {
  const block = doc.blocks[blockIndex];
  if (!block) return;
  const { tokens } = block;
  const foreign = doc.profile === 'romance' || doc.profile === 'de';
  let p = v - 1;
  // "…, a rapporté", "…, ha informado", "…, hat … berichtet": an auxiliary between the comma and the verb.
  if (foreign && FOREIGN_VERB_FILLERS.has(tokens[p]?.lower ?? '') && !tokens[p]?.cap) p--;
  const prev = tokens[p];
  // "Das teilte das Bundesamt … mit", "Así lo publicó la agencia Efe", "C'est ce qu'a rapporté …": a sentence that
  // opens with what was said puts its subject after the verb.
  const opener = (t: Token | undefined): boolean => !!t && t.initial && V2_OPENERS.has(t.lower);
  const v2 = foreign && (opener(prev) || (CLITIC_OBJECTS.has(prev?.lower ?? '') && opener(tokens[p - 1])));
  if (!v2 && (prev?.kind !== 'punct' || ![',', '—', '–', '"', '”', '»', '“'].includes(prev.text))) return;
  let k = skipArticles(tokens, v + 1);
  if (foreign) {
    if (tokens[k]?.lower === "l'" || tokens[k]?.lower === 'l’') k++;
    if (doc.profile === 'de' && GERMAN_DATIVE_OR_NOMINATIVE.has(tokens[k]?.lower ?? '')) k++;
  }
  let described = false;
  for (let steps = 0; steps < 2 && (isDescriptorWord(tokens[k]) || (doc.profile === 'de' && isGermanOutletNoun(tokens[k]))); steps++) {
    k++;
    described = true;
  }
  if (!described) {
    const found = col.clusterStarting(blockIndex, k);
    if (found && found.cluster.kind === 'organization' && !qualifiesRole(tokens, found.end)) col.addCluster(found.cluster, position(block, k));
    // "…, a rapporté l'Agence France-Presse": a foreign outlet's own name, after a verb only a publisher uses.
    else if (found && foreign && found.cluster.kind === null && PUBLISHING_VERBS.has(tokens[v]?.lower ?? '') && citable(found.cluster))
      col.addCluster(found.cluster, position(block, k));
    return;
  }
  namedAfter(col, block, blockIndex, k, true);
}

/** Sentence openers that refer to what was reported, after which German, Spanish and French put the subject after its verb. */
const V2_OPENERS = new Set(['das', 'dies', 'dazu', 'demnach', 'así', 'asi', 'ainsi', 'esto', 'eso']);

/** Object clitics between such an opener and the verb ("Así lo publicó"). */
const CLITIC_OBJECTS = new Set(['lo', 'la', 'le', "l'", 'l’']);

/** German articles that may open a subject or an object ("die", "der", "das", "dem"). */
const GERMAN_DATIVE_OR_NOMINATIVE = new Set(['der', 'die', 'das', 'dem', 'den', 'des']);

/** German verbs of reporting at the end of a "wie" clause ("wie die „Zeit“ berichtete"). */
const GERMAN_REPORTING_VERBS = new Set(['berichtete', 'berichtet', 'berichteten', 'meldete', 'meldet', 'meldeten', 'schrieb', 'schreibt', 'mitteilte', 'mitteilt']);

/** "wie das Handelsblatt berichtete", "wie die Nachrichtenagentur Reuters meldete": the clause's subject. */
function germanReportingClause(col: Collector, block: Block, blockIndex: number, v: number): void {
  const { tokens } = block;
  let w = v - 1;
  // The subject may be followed by an auxiliary or an adverb ("wie die Zeitung am Montag berichtete").
  while (w > v - 8 && w > 0 && tokens[w]?.lower !== 'wie') {
    if (tokens[w]?.kind === 'punct' && !QUOTE_CHARS.has(tokens[w]?.text ?? '')) return;
    w--;
  }
  if (tokens[w]?.lower !== 'wie') return;
  const before = tokens[w - 1];
  if (before && before.kind !== 'punct') return;
  let k = w + 1;
  if (GERMAN_DATIVE_OR_NOMINATIVE.has(tokens[k]?.lower ?? '')) k++;
  let described = false;
  while (k < v - 1 && isGermanOutletNoun(tokens[k]) && !col.clusterStarting(blockIndex, k)) {
    k++;
    described = true;
  }
  if (k >= v) return;
  if (namedAfter(col, block, blockIndex, k, described)) return;
  // "wie das Handelsblatt berichtete": one capitalised noun after an article, and the verb right after it.
  const t = tokens[k];
  if (!described && k === v - 1 && t && t.kind === 'word' && t.cap && k > w + 1) col.addPhrase(block, k, k + 1, position(block, k));
}

/** "Dem „Spiegel“ zufolge", "einem Bericht der Süddeutschen Zeitung zufolge", "der Nachrichtenagentur dpa zufolge". */
function germanZufolge(col: Collector, block: Block, blockIndex: number, z: number): void {
  const { tokens } = block;
  let a = z - 1;
  if (QUOTE_CHARS.has(tokens[a]?.text ?? '')) a--;
  // Back over the name to the article that opens it.
  let start = a;
  while (
    start > z - 6 &&
    start > 0 &&
    tokens[start]?.kind === 'word' &&
    !GERMAN_DATIVE_OR_NOMINATIVE.has(tokens[start]?.lower ?? '') &&
    tokens[start]?.lower !== 'einem' &&
    tokens[start]?.lower !== 'einer'
  )
    start--;
  if (QUOTE_CHARS.has(tokens[start]?.text ?? '')) start--;
  if (!GERMAN_DATIVE_OR_NOMINATIVE.has(tokens[start]?.lower ?? '') && tokens[start]?.lower !== 'einem' && tokens[start]?.lower !== 'einer') return;
  let k = start + 1;
  // "einem Bericht der Zeit": a report's noun, then the owner's article.
  if (DOCUMENT_NOUNS_DE.has(tokens[k]?.fold ?? '') && GERMAN_DATIVE_OR_NOMINATIVE.has(tokens[k + 1]?.lower ?? '')) k += 2;
  let described = false;
  while (k < z - 1 && isGermanOutletNoun(tokens[k]) && !col.clusterStarting(blockIndex, k)) {
    k++;
    described = true;
  }
  if (k >= z) return;
  if (namedAfter(col, block, blockIndex, k, described)) return;
  // "Dem Spiegel zufolge": one capitalised noun right before the postposition.
  const t = tokens[k];
  if (k === z - 1 && t && t.kind === 'word' && t.cap && !described) col.addPhrase(block, k, k + 1, position(block, k));
}

/** German nouns of a report whose owner follows in the genitive ("einem Bericht der Zeitung"). */
const DOCUMENT_NOUNS_DE = new Set(['bericht', 'berichten', 'angaben', 'informationen', 'recherchen', 'meldung', 'umfrage', 'studie', 'schatzung', 'zahlen', 'daten']);

/** Lead phrases by their first word, so that each token costs one look-up ("according to" has its own rule). */
const leadsByFirst = (leads: readonly (readonly string[])[]): ReadonlyMap<string, readonly (readonly string[])[]> => {
  const out = new Map<string, (readonly string[])[]>();
  for (const lead of leads) {
    const first = lead[0];
    if (first === undefined || first === 'according') continue;
    const list = out.get(first);
    if (list) list.push(lead);
    else out.set(first, [lead]);
  }
  return out;
};
const ATTRIBUTION_LEADS_BY_FIRST = leadsByFirst(ATTRIBUTION_LEADS);
const CYRILLIC_LEADS_BY_FIRST = leadsByFirst(SOURCE_LEADS_CYRILLIC);
const NO_LEADS: readonly (readonly string[])[] = [];

/**
 * Phrases after which a name is the outlet someone spoke to ("en una entrevista con X", "en declaraciones a X",
 * "dans un entretien avec X", "im Interview mit X", "в інтерв'ю X"); English "interview with" has its own rule.
 */
const INTERVIEW_LEADS = leadsByFirst([
  ['entrevista', 'con'],
  ['entrevista', 'a'],
  ['declaraciones', 'a'],
  ['entretien', 'avec'],
  ['entrevue', 'avec'],
  ['interview', 'avec'],
  ['interview', 'mit'],
  ['interview', 'der'],
  ['interview', 'des'],
  ["інтерв'ю"],
  ['інтерв’ю'],
  ['інтервʼю'],
  ['интервью'],
]);

/** Ukrainian and Russian nouns of a broadcaster or an outlet in the locative or dative ("на каналі NBC", "телеканалу CNN", "виданню Politico"). */
const CYRILLIC_OUTLET_CASE = /^(?:телеканал|канал|радіостанці|радіо|видання|виданню|газет|агентств|агенці|телерадіокомпані)(?:і|у|ові|ї|ю)?$/u;

/** How far back a verb of saying may stand from a Cyrillic outlet noun in the same sentence. */
const OUTLET_VERB_REACH = 16;

/** "сказав Файнер в ефірі програми … на каналі NBC": an outlet named after a verb of saying in the same sentence is the source. */
function cyrillicOutletAfterSpeech(col: Collector, block: Block, blockIndex: number, i: number): void {
  const { tokens } = block;
  let k = i + 1;
  if (QUOTE_CHARS.has(tokens[k]?.text ?? '') || tokens[k]?.text === '«') k++;
  const lead = tokens[k];
  if (lead?.kind !== 'word' || !lead.cap) return;
  let spoke = false;
  for (let v = i - 1; v >= 0 && v >= i - OUTLET_VERB_REACH; v--) {
    const t = tokens[v];
    if (!t || (t.kind === 'punct' && (t.text === '.' || t.text === '!' || t.text === '?'))) break;
    if (t.kind === 'word' && !t.cap && (SPEECH_VERBS.has(t.lower) || REPORT_VERBS.has(t.lower) || CYRILLIC_REPORT_STEM.test(t.lower))) {
      spoke = true;
      break;
    }
  }
  if (!spoke) return;
  const found = col.clusterStarting(blockIndex, k);
  if (found) {
    if (found.cluster.kind !== 'person' && found.cluster.kind !== 'place') col.addCluster(found.cluster, position(block, k));
  } else if (lead.caps) col.addPhrase(block, k, k + 1, position(block, k));
}

/** A cited source: an entity, or a described body ("Romanian border police"). */
export interface CitedSource {
  /** The phrase as written (used when there is no entity). */
  name: string;
  /** The entity cited. */
  cluster: Cluster | null;
}

/** Finds cited sources in reading order, deduplicated, and marks cited entities. */
export function findSources(doc: Doc, registry: Registry, quotes: FoundQuote[]): CitedSource[] {
  const col = new Collector(doc, registry);
  if (!readsWords(doc.profile)) return [];
  const cyrillic = doc.profile === 'cyrillic';
  const foreignProfile = doc.profile === 'romance' || doc.profile === 'de';
  let datelineSeen = false;
  doc.blocks.forEach((block, blockIndex) => {
    if (block.kind !== 'paragraph') return;
    const { tokens } = block;
    // Dateline agency: "KYIV (Reuters) —", "LONDON, Nov 3 (Reuters) -", "(AP) —".
    if (!datelineSeen) {
      datelineSeen = true;
      const d = wireDateline(block.text);
      if (d) {
        const at = block.text.lastIndexOf(d.agency, d.rest);
        let k = 0;
        while (k < tokens.length && (tokens[k]?.start ?? 0) < at) k++;
        let e = k;
        while (e < tokens.length && (tokens[e]?.end ?? 0) <= at + d.agency.length) e++;
        const found = col.clusterStarting(blockIndex, k);
        if (found) col.addCluster(found.cluster, position(block, k), true);
        else if (e > k) col.addPhrase(block, k, e, position(block, k));
      }
    }
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      // "sagte der „Süddeutschen Zeitung“", "Die Zeitung „Kommersant“ meldete": German quotes an outlet's name;
      // quoted next to a verb of saying or reporting, it is the source.
      if (doc.profile === 'de' && (t?.text === '„' || t?.text === '»')) germanQuotedOutlet(col, block, i);
      if (t?.kind !== 'word') continue;
      const lower = t.lower;
      if (lower === 'according' && tokens[i + 1]?.lower === 'to') {
        citedPhrase(col, doc, blockIndex, i + 2);
        continue;
      }
      if (cyrillic) {
        let led = false;
        for (const lead of CYRILLIC_LEADS_BY_FIRST.get(lower) ?? NO_LEADS) {
          if (tokens[i + 1]?.lower === lead[1]) {
            citedPhrase(col, doc, blockIndex, i + 2);
            led = true;
          }
        }
        // "Як зазначає X", "як пишуть X": "як" and any report verb lead a source, as the listed pairs do.
        const verb = tokens[i + 1]?.lower ?? '';
        if (!led && (lower === 'як' || lower === 'как') && (REPORT_VERBS.has(verb) || SPEECH_VERBS.has(verb) || CYRILLIC_REPORT_STEM.test(verb)))
          citedPhrase(col, doc, blockIndex, i + 2);
      }
      if (lower === 'citing') citedPhrase(col, doc, blockIndex, i + 1);
      // "Ana Ruiz, president of the Harbour Trust, said in a statement": a statement is its author's body's.
      if (STATEMENT_NOUNS.has(lower) && INDEFINITE_BEFORE_STATEMENT.has(tokens[i - 1]?.lower ?? '') && STATEMENT_LEADS.has(tokens[i - 2]?.lower ?? '')) {
        const author = statementAuthor(registry, block, blockIndex, i - 2);
        const body = author ? employerOf(doc, registry, author, true) : null;
        if (body) col.addCluster(body, position(block, i));
      }
      // "Data from the Office for National Statistics", "a statement by the ministry": the document's origin.
      // "a press release from X" is a document; "his release from prison", "Ana's release" are a person's freedom.
      const document = DOCUMENT_NOUNS.has(lower) || (lower === 'release' && PRESS_WORDS.has(tokens[i - 1]?.lower ?? ''));
      if (doc.profile === 'en' && document && (tokens[i + 1]?.lower === 'from' || tokens[i + 1]?.lower === 'by')) citedPhrase(col, doc, blockIndex, i + 2);
      // "повідомили в пресслужбі Укренерго", "йдеться в повідомленні Міністерства оборони", "зазначили в Генштабі":
      // the body in whose office or statement something was said.
      if (cyrillic && (lower === 'в' || lower === 'у') && i > 0) {
        const verb = tokens[i - 1]?.lower ?? '';
        if (REPORT_VERBS.has(verb) || SPEECH_VERBS.has(verb) || CYRILLIC_REPORT_STEM.test(verb) || verb === 'йдеться' || /^зазнач\p{L}+$/u.test(verb)) {
          const office = tokens[i + 1];
          if (office && office.kind === 'word' && !office.cap && CYRILLIC_OFFICE_NOUN.test(office.lower)) citedPhrase(col, doc, blockIndex, i + 2);
          else if (office?.cap) {
            const found = col.clusterStarting(blockIndex, i + 1);
            if (found && found.cluster.kind !== 'person' && found.cluster.kind !== 'place') col.addCluster(found.cluster, position(block, i + 1));
          }
        }
      }
      // "дослідження, опубліковане лондонським Центром …": a Ukrainian participle of publishing and its agent.
      if (cyrillic && CYRILLIC_PUBLISHED.test(lower)) citedPhrase(col, doc, blockIndex, i + 1);
      // "En el diario digital X el corresponsal explica", "dans le quotidien X": the outlet a report appeared in.
      if (doc.profile === 'romance' && (lower === 'en' || lower === 'dans') && i + 2 < tokens.length) {
        let k = skipArticles(tokens, i + 1);
        if (PRINT_OUTLET_NOUNS.has(tokens[k]?.lower ?? '')) {
          k++;
          if (tokens[k]?.kind === 'word' && !tokens[k]?.cap) k++;
          const found = col.clusterStarting(blockIndex, skipArticles(tokens, k)) ?? col.clusterStarting(blockIndex, k);
          if (found && found.cluster.kind !== 'person' && found.cluster.kind !== 'place') col.addCluster(found.cluster, position(block, k));
        }
      }
      // German "sagte er gegenüber X" is "he told X".
      if (lower === 'gegenüber' && doc.profile === 'de') citedPhrase(col, doc, blockIndex, i + 1);
      // "the USGS statistics", "Rasmussen polls": the body whose figures the story reports.
      // "The X report is set to be released Tuesday", "the X survey will come out": a document still to come cites nothing.
      const toCome =
        FUTURE_MARKERS.has(tokens[i + 1]?.lower ?? '') || ((tokens[i + 1]?.lower === 'is' || tokens[i + 1]?.lower === 'are') && SCHEDULED.has(tokens[i + 2]?.lower ?? ''));
      if ((DOCUMENT_NOUNS.has(lower) || (OUTLET_NOUNS.has(lower) && tokens[i - 2]?.lower === 'by')) && i > 0 && !toCome) {
        const m = registry.tokenMention[blockIndex]?.[i - 1];
        const c = clusterAt(registry, blockIndex, i - 1);
        // A bare surname-like name before "polls" or "magazine" is a body named after a person.
        const bodyLike = !!c && (c.kind !== 'person' || c.mentions.every((x) => x.words.length === 1 && x.role === null));
        if (m && c && m.last === i && c.kind !== 'place' && bodyLike) col.addCluster(c, position(block, m.first), true);
      }
      // "según X", "selon X", "laut X", "за словами X": only bodies become sources (people are never sources).
      for (const lead of ATTRIBUTION_LEADS_BY_FIRST.get(lower) ?? NO_LEADS) {
        if (lead.every((w, n) => tokens[i + n]?.lower === w)) citedPhrase(col, doc, blockIndex, i + lead.length);
      }
      // "figures released by the ministry"; "reports should be released by X" (to come) cite nothing yet.
      if (BY_SOURCE_VERBS.has(lower) && tokens[i + 1]?.lower === 'by' && !(tokens[i - 1]?.lower === 'be' && FUTURE_MARKERS.has(tokens[i - 2]?.lower ?? '')))
        citedPhrase(col, doc, blockIndex, i + 2);
      // An exclusive interview ("в ексклюзивному інтервʼю", "en entrevista exclusiva") is the publisher's own, which is no source.
      const exclusive = /^(?:ексклюзивн|эксклюзивн|exclusiv)/u.test(tokens[i - 1]?.lower ?? '') || /^exclusiv/u.test(tokens[i + 1]?.lower ?? '');
      if (doc.profile !== 'en' && !exclusive) {
        for (const lead of INTERVIEW_LEADS.get(lower) ?? NO_LEADS) {
          if (lead.every((w, n) => tokens[i + n]?.lower === w)) citedPhrase(col, doc, blockIndex, i + lead.length);
        }
      }
      if (cyrillic && !t.cap && CYRILLIC_OUTLET_CASE.test(lower)) cyrillicOutletAfterSpeech(col, block, blockIndex, i);
      // "interrogé par France Info", "citado por El País": the same in French and Spanish.
      // "un informe difundido este sábado por Unicef": a time phrase may stand between the participle and "por".
      if (doc.profile === 'romance' && ROMANCE_BY_VERBS.has(lower)) {
        let k = i + 1;
        while (k <= i + MAX_BY_GAP && tokens[k]?.kind === 'word' && !tokens[k]?.cap && tokens[k]?.lower !== 'par' && tokens[k]?.lower !== 'por') k++;
        if (tokens[k]?.lower === 'par' || tokens[k]?.lower === 'por') citedPhrase(col, doc, blockIndex, k + 1);
      }
      if (lower === 'interview' && tokens[i + 1]?.lower === 'with') citedPhrase(col, doc, blockIndex, i + 2);
      // "a poll published in Le Parisien", "writing in The Lancet".
      if (PUBLISHED_IN.has(lower) && tokens[i + 1]?.lower === 'in') {
        const k = skipArticles(tokens, i + 2);
        const found = col.clusterStarting(blockIndex, k);
        if (found && !qualifiesRole(tokens, found.end)) col.addCluster(found.cluster, position(block, k));
      }
      // "explicó a Efe", "a déclaré à l'AFP": a verb of saying and the outlet told, in Spanish and French.
      // Asking someone ("demandé à la police", "pidió a la policía") cites nobody.
      if (doc.profile === 'romance' && SPEECH_VERBS.has(lower) && !ROMANCE_REQUESTS.has(lower) && ROMANCE_DATIVE.has(tokens[i + 1]?.lower ?? '')) {
        let k = skipArticles(tokens, i + 2);
        if (tokens[k]?.lower === "l'" || tokens[k]?.lower === 'l’') k++;
        while (tokens[k] && tokens[k]?.kind === 'word' && !tokens[k]?.cap && ORG_DESCRIPTORS.has(tokens[k]?.lower ?? '')) k++;
        const found = col.clusterStarting(blockIndex, k);
        if (found && found.cluster.kind !== 'place' && !qualifiesRole(tokens, found.end)) col.addCluster(found.cluster, position(block, k));
      }
      if (lower === 'told') {
        // "told the broadcaster ORF", "told the Helsingin Sanomat newspaper"; "told reporters" names nobody.
        let k = skipArticles(tokens, i + 1);
        while (tokens[k] && tokens[k]?.kind === 'word' && !tokens[k]?.cap && ORG_DESCRIPTORS.has(tokens[k]?.fold ?? '')) k++;
        const found = col.clusterStarting(blockIndex, k);
        if (found && !qualifiesRole(tokens, found.end)) col.addCluster(found.cluster, position(block, k));
      }
      // ""…," said a source to Reuters": the outlet a statement was made to.
      if (lower === 'said' || lower === 'says' || lower === 'speaking' || lower === 'spoke' || lower === 'spoken') {
        for (let k = i + 1; k < i + 6 && k < tokens.length; k++) {
          const w = tokens[k];
          if (!w || (w.kind === 'punct' && w.text !== '-')) break;
          if (w.lower !== 'to') continue;
          // "spoke to the state broadcaster CCTV": lowercase descriptors may stand before the outlet's name.
          let n = skipArticles(tokens, k + 1);
          while (n < k + 5 && tokens[n]?.kind === 'word' && !tokens[n]?.cap) n++;
          const found = col.clusterStarting(blockIndex, n);
          if (found && found.cluster.kind !== 'person' && found.cluster.kind !== 'place') col.addCluster(found.cluster, position(block, n));
          else if (found && found.cluster.kind === 'place' && n === skipArticles(tokens, k + 1) && (tokens[found.end]?.kind ?? 'punct') === 'punct')
            col.addCluster(found.cluster, position(block, n), true);
          break;
        }
      }
      const reportVerb = REPORT_VERBS.has(lower) || (foreignProfile && !t.cap && FOREIGN_REPORT_VERBS.has(lower)) || (cyrillic && !t.cap && CYRILLIC_REPORT_STEM.test(lower));
      // "Речник Пентагону Джон Кірбі сказав": a titled person's verb of saying cites the body of the title.
      if (!reportVerb && i > 0 && !t.cap && SPEECH_VERBS.has(lower)) titledSpeakerBody(col, block, blockIndex, i, registry);
      if (reportVerb && i > 0) {
        if (cyrillic) cyrillicInvertedSource(col, block, blockIndex, i);
        subjectBefore(col, doc, blockIndex, i, registry);
      }
      if ((reportVerb || (foreignProfile && !t.cap && INVERTED_REPORT_VERBS.has(lower))) && i > 0) invertedSource(col, doc, blockIndex, i);
      // "wie das „Handelsblatt“ berichtete": the subject of a German reporting clause.
      if (doc.profile === 'de' && !t.cap && GERMAN_REPORTING_VERBS.has(lower)) germanReportingClause(col, block, blockIndex, i);
      // "Dem „Spiegel“ zufolge", "einem Bericht der „Zeit“ zufolge": the name before the postposition.
      if (doc.profile === 'de' && lower === 'zufolge') germanZufolge(col, block, blockIndex, i);
    }
  });
  for (const q of quotes) {
    if (q.cluster && q.cluster.kind !== 'person' && q.cluster.kind !== 'place') col.addCluster(q.cluster, q.pos);
    if (q.affiliation) col.addCluster(q.affiliation, q.pos);
    // "“…,” said Ana Ruiz, spokeswoman for the Harbour Authority": the body whose official a quotation is of.
    if (q.cluster?.kind === 'person') {
      const employer = employerOf(doc, registry, q.cluster);
      if (employer) col.addCluster(employer, q.pos);
    }
  }
  const ordered = col.cited.sort((a, b) => a.pos - b.pos);
  const seen = new Set<string>();
  const out: CitedSource[] = [];
  for (const c of ordered) {
    if (seen.has(c.key)) continue;
    seen.add(c.key);
    out.push({ name: c.name, cluster: c.cluster });
  }
  return out;
}

/** Final source names (entity names may change after sources are found), deduplicated. */
export function sourceNames(sources: CitedSource[]): string[] {
  const names = new Set<string>();
  const out: string[] = [];
  for (const s of sources) {
    const name = s.cluster ? s.cluster.name : s.name;
    const key = foldKey(name);
    if (!name || names.has(key)) continue;
    names.add(key);
    out.push(name);
  }
  return out;
}
