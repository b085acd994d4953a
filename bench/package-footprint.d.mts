/** One installed package: name, version and bytes on disk. */
export interface InstalledPackage {
  name: string;
  version: string;
  bytes: number;
}
/** The packages in a node_modules folder (nested copies included) and its total size. */
export function installFootprint(nodeModules: string): { bytes: number; packages: InstalledPackage[] };
/** Whether an import specifier names a Node built-in. */
export function isNodeBuiltin(specifier: string): boolean;
/** The files an ES module reaches through relative imports and the bare specifiers they name. */
export function moduleGraph(entryFile: string): { files: string[]; bare: string[] };
/** Packs the repository and installs the tarball into a new empty project. */
export function packAndInstall(work?: string): { work: string; tarball: string; project: string; tarballBytes: number; unpackedBytes: number };
/** Median import times in ms of `feed` and each storyfeed entry point (`warm`: after the module loader has started). */
export function importTimes(project: string, runs?: number, warm?: boolean): { wall: Record<string, number>; cpu: Record<string, number> };
/** The minified browser bundle of buildFeeds + createFeedHandler: bytes and Node built-ins named. */
export function browserBundle(project: string): Promise<{ bytes: number; builtins: string[] }>;
