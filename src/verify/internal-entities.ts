/**
 * Internal general entities a DOCTYPE declares with their text (`<!ENTITY nbsp "&#160;">`). XML 1.0
 * makes every processor, validating or not, expand them, so a feed that uses them is well-formed
 * (the W3C validator's expat reads them). A few bytes of declarations can stand for gigabytes (one
 * entity naming another ten times, nine levels deep), so what references add is bounded by a budget
 * linear in the document: past it the document is refused, named.
 */
import { isXmlChar } from './xml-fast.js';

/** Characters all references together may add beyond the document's own length (1 Mi: far beyond any feed's use). */
export const ENTITY_EXPANSION_ALLOWANCE = 1 << 20;
/** Entities naming entities naming entities: deeper than this is refused (a chain of declarations, not text). */
export const MAX_ENTITY_NESTING = 64;

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const CHARACTER_REFERENCE = /&#(?:([0-9]{1,7})|x([0-9A-Fa-f]{1,6}));/g;
/** A reference where the scan stands: a character reference, or a name up to `;`. */
const REFERENCE_AT = /&(?:#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6})|([^\s&;<>"'#][^\s&;<>"']*));/y;

/**
 * Makes each entity of `declared` (name → its literal as written, without quotes) readable from
 * `target`, saxes's entity table, as its replacement text fully expanded: character references
 * and the five predefined entities decoded, references to other declared entities expanded, an
 * entity already in `target` (an external one, read as nothing) taken as it is there. Each read
 * charges its length to one budget of `budget` characters. `fail` is called (and must throw) for a
 * reference to an undefined entity, an entity that refers to itself, markup in an entity's text,
 * nesting past {@link MAX_ENTITY_NESTING} and a spent budget.
 */
export function defineInternalEntities(target: Record<string, string>, declared: ReadonlyMap<string, string>, budget: number, fail: (message: string) => never): void {
  // A literal's character references are decoded where it is declared (XML 1.0 §4.5): what they
  // give is then read as the entity's text, so `&#38;amp;` is a reference to `amp`.
  const replacement = new Map<string, string>();
  const expanded = new Map<string, string>();
  let spent = 0;

  const replacementOf = (name: string): string => {
    let text = replacement.get(name);
    if (text === undefined) {
      text = declared.get(name)!.replace(CHARACTER_REFERENCE, (whole, decimal?: string, hex?: string) => {
        const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
        return isXmlChar(code) ? String.fromCodePoint(code) : fail(`the entity &${name}; holds ${whole}, a character XML 1.0 allows nowhere`);
      });
      replacement.set(name, text);
    }
    return text;
  };

  // Recursive only as deep as the chain of names being expanded (at most MAX_ENTITY_NESTING); each
  // entity is expanded once and its text shared after.
  const expansionOf = (name: string, chain: readonly string[]): string => {
    const done = expanded.get(name);
    if (done !== undefined) return done;
    if (chain.includes(name)) fail(`the entity &${name}; refers to itself (${[...chain, name].map((n) => `&${n};`).join(' → ')})`);
    if (chain.length >= MAX_ENTITY_NESTING) fail(`entities nest more than ${MAX_ENTITY_NESTING} deep at &${name};: storyfeed reads no further`);
    const inner = [...chain, name];
    const text = replacementOf(name);
    let out = '';
    for (let at = 0; at < text.length; ) {
      const amp = text.indexOf('&', at);
      const end = amp < 0 ? text.length : amp;
      const plain = text.slice(at, end);
      if (plain.includes('<')) fail(`the entity &${name}; holds markup, which storyfeed does not read inside an entity; write it in the document`);
      out += plain;
      if (amp < 0) break;
      REFERENCE_AT.lastIndex = amp;
      const m = REFERENCE_AT.exec(text);
      if (!m) fail(`the entity &${name}; holds a bare "&" that starts no entity or character reference (write &#38;#38;)`);
      const [whole, decimal, hex, reference] = m;
      if (reference === undefined) {
        const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
        if (!isXmlChar(code)) fail(`the entity &${name}; holds ${whole}, a character XML 1.0 allows nowhere`);
        out += String.fromCodePoint(code);
      } else if (declared.has(reference)) out += expansionOf(reference, inner);
      else if (Object.hasOwn(PREDEFINED, reference)) out += PREDEFINED[reference];
      else if (Object.hasOwn(target, reference)) out += target[reference];
      else fail(`undefined entity &${reference}; in the entity &${name};`);
      if (out.length > budget) fail(`the entity &${name}; expands to more than ${budget} characters: storyfeed reads no further`);
      at = amp + whole.length;
    }
    expanded.set(name, out);
    return out;
  };

  for (const name of declared.keys()) {
    Object.defineProperty(target, name, {
      configurable: true,
      enumerable: true,
      get: (): string => {
        const text = expansionOf(name, []);
        spent += text.length;
        if (spent > budget) fail(`entities the DOCTYPE declares expand to more than ${budget} characters in all: storyfeed reads no further`);
        return text;
      },
    });
  }
}
