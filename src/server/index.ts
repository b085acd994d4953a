/**
 * `storyfeed/server`: a fetch-style handler (`Request → Response`) that serves built feeds with the
 * right content types, ETags, 304s, gzip and CORS. Web-standard APIs only, so it runs in Node, Deno,
 * Bun, Cloudflare Workers and framework route handlers; the Node `http` adapter (`toNodeListener`)
 * and the folder server live in `storyfeed/node`.
 */

export { contentTypeOf, createFeedHandler, safeFilePath } from './handler.js';
export type { FeedHandler, FeedHandlerOptions, FileLookup, ServedFile } from './handler.js';
