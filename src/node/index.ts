/**
 * storyfeed's Node.js edge: reading seed folders and configuration, writing feeds atomically,
 * and the whole build in one call.
 */

export { buildSite, sourceDateEpoch } from './build.js';
export type { BuildSiteOptions, BuildSiteResult } from './build.js';
export { CONFIG_FILE_NAMES, loadConfigFile } from './config-file.js';
export type { LoadConfigOptions, LoadedConfig } from './config-file.js';
export { DEFAULT_MAX_SEED_BYTES, loadStories, loadStory, POOL_MIN_SEEDS } from './load-stories.js';
export type { LoadedStories, LoadStoriesOptions } from './load-stories.js';
export { findSeedFiles } from './seed-files.js';
export type { SeedFile } from './seed-files.js';
export { writeFileAtomic, writeFilesAtomic } from './write-files.js';
export { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, verifySources } from './verify-sources.js';
export type { CrossCheckResult, SourceProblem, SourceResult, VerifySourcesOptions, VerifySourcesResult } from './verify-sources.js';
export { createFolderHandler, folderLookup, serveFolder, toNodeListener } from './serve.js';
export type { ServeFolderOptions } from './serve.js';
