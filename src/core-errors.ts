/**
 * The error codes and StoryfeedError of the root entry point, bundled into `dist/core-errors.js`; see
 * `src/core.ts` for why. Its own file so that `storyfeed/server` can throw a StoryfeedError without
 * loading the rest of the core. Not a public entry point.
 */

export * from './errors.js';
