import { analyzeArticleOrThrow } from '../src/story/analysis/index.js';
const gens: Record<string, (n: number) => string> = {
  nested: (n) => '«Dijo “que ‘no’ y «sí» ” luego» '.repeat(n / 32),
  longcap: (n) => 'Aa '.repeat(n / 3),
};
const which = process.argv[2]!;
for (const n of [125_000, 250_000, 500_000, 1_000_000]) {
  const text = gens[which]!(n);
  const s = performance.now();
  analyzeArticleOrThrow({ title: 'T', headings: [], paragraphs: [text], language: which === 'nested' ? 'es' : 'en' }, { entities: true });
  console.log(which, n, (performance.now() - s).toFixed(0), 'ms');
}
