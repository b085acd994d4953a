#!/usr/bin/env node
// Generates src/html/entity-data.ts: HTML's named character references (the WHATWG list), read
// from the `entities` package's public decoding trie at build time, so the root entry point can
// decode them without loading that package (its trie is built when the module loads).
// Usage: node scripts/generate-html-entities.mjs          (writes the module)
//        node scripts/generate-html-entities.mjs --check  (exits 1 when the committed module is out of date)
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BinTrieFlags, determineBranch, htmlDecodeTree } from 'entities/lib/decode.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'src/html/entity-data.ts');
const entitiesVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/entities/package.json'), 'utf8')).version;

const NAME_CHARS = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz;'];

/** Every name in the trie (with its `;` when it has one) and its value. */
function walk() {
  const found = new Map();
  const pending = [{ node: 0, name: '' }];
  while (pending.length) {
    const { node, name } = pending.pop();
    const current = htmlDecodeTree[node];
    const valueLength = (current & BinTrieFlags.VALUE_LENGTH) >> 14;
    if (valueLength !== 0 && name) {
      const units =
        valueLength === 1 ? [current & ~BinTrieFlags.VALUE_LENGTH] : valueLength === 2 ? [htmlDecodeTree[node + 1]] : [htmlDecodeTree[node + 1], htmlDecodeTree[node + 2]];
      found.set(name, String.fromCodePoint(...units));
    }
    // A value of one code unit shares the node's word with the branch bits: such a node is a leaf.
    if (valueLength === 1 || name.endsWith(';')) continue;
    for (const char of NAME_CHARS) {
      const next = determineBranch(htmlDecodeTree, current, node + Math.max(1, valueLength), char.charCodeAt(0));
      if (next >= 0) pending.push({ node: next, name: name + char });
    }
  }
  return found;
}

/**
 * Characters that begin an entry of the name list, one per (shared prefix length, kind) pair, kind
 * being 0 (a one-code-point value), 1 (the same, and the name also works without its semicolon) or
 * 2 (a two-code-point value). None is a name character or needs escaping in a string literal.
 */
const ENTRY_MARKS = " !#$%&'()*+,-./:;<=>?@[]^_`{|}~";
/** Longest prefix an entry shares with the previous name (longer shared prefixes are written out). */
const MAX_SHARED = Math.floor(ENTRY_MARKS.length / 3) - 1;

/** Characters that stand for a frequent piece of a name in the list: U+00C0 onwards (none is a mark or a name character). */
const WORD_BASE = 0xc0;
const MAX_WORDS = 128;

/** Replaces the most frequent pieces of names ("rrow", "Equal", …) with one character each, while that makes the list shorter. */
function withWords(list) {
  const words = [];
  let text = list;
  while (words.length < MAX_WORDS) {
    const counts = new Map();
    for (const run of text.match(/[0-9A-Za-z]{3,}/g) ?? []) {
      for (let length = 3; length <= Math.min(12, run.length); length++) {
        for (let i = 0; i + length <= run.length; i++) counts.set(run.slice(i, i + length), (counts.get(run.slice(i, i + length)) ?? 0) + 1);
      }
    }
    let best;
    let bestGain = 0;
    for (const [word, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      // Each use saves the word's length less the two UTF-8 bytes of its character; the word list costs its length plus a separator.
      const gain = count * (word.length - 2) - word.length - 1;
      if (gain > bestGain) [best, bestGain] = [word, gain];
    }
    if (!best) break;
    text = text.split(best).join(String.fromCharCode(WORD_BASE + words.length));
    words.push(best);
  }
  return { text, words };
}

/** The module text: the names, sorted and front-coded (an entry mark, then the rest of the name), and their values in the same order. */
export function entityModule() {
  const found = walk();
  const names = [...found.keys()]
    .filter((n) => n.endsWith(';'))
    .map((n) => n.slice(0, -1))
    .sort();
  const legacyOnly = [...found.keys()].filter((n) => !n.endsWith(';') && !found.has(`${n};`));
  if (legacyOnly.length) throw new Error(`entities: names without a semicolon form: ${legacyOnly.join(', ')}`);
  let previous = '';
  let list = '';
  let values = '';
  for (const name of names) {
    const value = found.get(`${name};`);
    const codePoints = [...value].length;
    const legacy = found.get(name);
    if (legacy !== undefined && legacy !== value) throw new Error(`entities: ${name} differs with and without its semicolon`);
    if (codePoints > 2 || (codePoints === 2 && legacy !== undefined)) throw new Error(`entities: ${name} has a value the list cannot hold`);
    let shared = 0;
    while (shared < MAX_SHARED && shared < previous.length && shared < name.length - 1 && previous[shared] === name[shared]) shared++;
    list += ENTRY_MARKS[shared * 3 + (codePoints === 2 ? 2 : legacy !== undefined ? 1 : 0)] + name.slice(shared);
    values += value;
    previous = name;
  }
  const coded = withWords(list);
  return [
    '// Generated by scripts/generate-html-entities.mjs; do not edit by hand (run `npm run generate:entities`).',
    `// HTML's named character references (WHATWG HTML, read from entities@${entitiesVersion}, BSD-2-Clause; see THIRD-PARTY.md).`,
    '',
    '/**',
    ' * Marks that begin each entry of {@link ENTITY_NAMES}, by index: the entry shares `index / 3`',
    ' * (rounded down) leading characters with the previous name; `index % 3` is 0 for a value of one',
    ' * code point, 1 for the same where the name also works without its semicolon, 2 for two code points.',
    ' */',
    `export const ENTITY_MARKS = ${JSON.stringify(ENTRY_MARKS)};`,
    '',
    `/** The ${names.length} names (without their semicolons), sorted and front-coded; U+00C0 + n stands for \`ENTITY_WORDS\`'s nth word. */`,
    `export const ENTITY_NAMES = ${JSON.stringify(coded.text)};`,
    '',
    '/** Frequent pieces of names, separated by spaces. */',
    `export const ENTITY_WORDS = ${JSON.stringify(coded.words.join(' '))};`,
    '',
    '/** Their values, in the same order. */',
    `export const ENTITY_VALUES = ${JSON.stringify(values)};`,
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = entityModule();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {}
    if (current !== text) {
      console.error('src/html/entity-data.ts is out of date: run npm run generate:entities');
      process.exit(1);
    }
  } else {
    const temp = `${target}.tmp`;
    writeFileSync(temp, text);
    const fd = openSync(temp, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, target);
  }
}
