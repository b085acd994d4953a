/**
 * The renderers of the root entry point, with all their exports, bundled into `dist/core-render.js`;
 * see `src/core.ts` for why. Not a public entry point.
 */

export * from './render/atom.js';
export * from './render/json.js';
export * from './render/rss.js';
export * from './render/index.js';
export * from './pipeline.js';
