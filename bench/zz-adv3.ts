import { analyzeArticleOrThrow } from '../src/story/analysis/index.js';
const text = '«Dijo “que ‘no’ y «sí» ” luego» '.repeat(500_000 / 32);
analyzeArticleOrThrow({ title: 'T', headings: [], paragraphs: [text], language: 'es' }, { entities: true });
