/**
 * storyfeed's Node.js edge: reading seed folders and configuration, writing feeds atomically,
 * and the whole build in one call.
 */

export { buildSite, sourceDateEpoch } from './build.js';
export type { BuildSiteOptions, BuildSiteResult } from './build.js';
export type { FeedRecord } from './feed-record.js';
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
export {
  DEFAULT_CACHE_CONTROL,
  DEFAULT_DEPLOY_ATTEMPTS,
  DEFAULT_DEPLOY_CONCURRENCY,
  DEFAULT_DEPLOY_TIMEOUT_MS,
  deploy,
  deployableFiles,
  META_SHA256,
  REMOTE_MANIFEST_NAME,
  UPLOAD_STAGES,
  uploadStage,
} from './deploy/index.js';
export type { DeployableFile, DeployedObject, DeployOptions, DeployProgress, DeploySummary, S3Credentials, UploadStage } from './deploy/index.js';
export type { ObjectStore, PutHeaders, RemoteHead, RemoteObject } from './deploy/object-store.js';
export { normalizePrefix, validateDeployConfig } from '../config/deploy-config.js';
export type { AddProblem, DeployCacheControl, DeployConfig } from '../config/deploy-config.js';
export { pingHub } from './websub.js';
export type { PingOptions, PingResult } from './websub.js';
