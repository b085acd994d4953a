import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, realpath, rm } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import path from 'node:path';
import { StoryfeedError } from '../errors.js';
import { writeFileAtomic } from './write-files.js';
import { makeFolder } from './make-folder.js';

/**
 * One build at a time per output folder.
 *
 * Invariant (why it is race-free): the lock IS a socket address bound by the holder, and the kernel
 * grants an address to one listening socket at a time and frees it when the holder's process ends,
 * even on SIGKILL; so `bind` either wins alone or fails with EADDRINUSE, and no stale lock exists to
 * take over.
 *
 * - Linux: an abstract-namespace Unix socket named after the output folder (no file on disk).
 *   Abstract names are per network namespace: builds in two containers that share the folder but
 *   not the network do not see each other's lock (the fencing check below still stops the one
 *   whose info file was overwritten before its next rename).
 * - Windows: a named pipe, with the same semantics.
 * - Other systems (macOS, BSD): a socket file in the state folder. A socket file outlives a killed
 *   process, so a file nobody answers on is stale and removed before binding again; two builds that
 *   both find it stale in the same instant can both bind. The fencing check (the lock-info file must
 *   still hold our token before every rename) makes the loser stop with E_LOCKED, but not in every
 *   interleaving: on these systems the lock is best effort.
 *
 * Fencing: after binding, `PID TOKEN` is written to a lock-info file; {@link PublishLock.check}
 * verifies that the socket is still ours and the file still holds our token.
 */

/** A held publishing lock. */
export interface PublishLock {
  /** Random token of this holding, written to the lock-info file. */
  readonly token: string;
  /** Rejects with `E_LOCKED` unless this process still holds the lock (call before each rename into the output folder). */
  check(): Promise<void>;
  /** Gives the lock up (idempotent); `lastly` runs once the lock-info file is removed, while the lock is still held. */
  release(lastly?: () => Promise<void>): Promise<void>;
  /** Whether the lock is a socket file in the state folder (macOS, the BSDs), which stays there until the lock is given up. */
  readonly inStateFolder: boolean;
}

/** Where a lock lives: the kernel address and the lock-info file. */
export interface LockPlace {
  /** The socket address (abstract name, pipe name or socket file). */
  address: string;
  /** Whether the address is a socket file that a killed holder leaves behind. */
  leavesFile: boolean;
  /** `PID TOKEN` of the holder, for messages and fencing. */
  infoFile: string;
}

/** How many times a build retries after finding the lock just released (or a stale socket file). */
const ACQUIRE_ATTEMPTS = 20;
/** How long to wait for a live holder to say who it is; only the message depends on it. */
const ASK_TIMEOUT_MS = 3000;

/**
 * The lock of the output folder `outDir`, whose state folder is `stateDir`. The name comes from the
 * real path of the folder's parent plus its own name (not followed), so every build that writes the
 * same folder, by any relative path, meets at the same address.
 */
export async function lockPlace(outDir: string, stateDir: string, platform: NodeJS.Platform = process.platform): Promise<LockPlace> {
  const parent = await realpath(path.dirname(path.resolve(outDir)));
  const key = createHash('sha256')
    .update(path.join(parent, path.basename(outDir)))
    .digest('hex')
    .slice(0, 32);
  const infoFile = path.join(stateDir, 'lock');
  if (platform === 'linux') return { address: `\0storyfeed-publish-${key}`, leavesFile: false, infoFile };
  if (platform === 'win32') return { address: `\\\\.\\pipe\\storyfeed-publish-${key}`, leavesFile: false, infoFile };
  return { address: path.join(stateDir, 'lock.sock'), leavesFile: true, infoFile };
}

/**
 * Takes the publishing lock of `outDir`, or rejects with `E_LOCKED` naming the live holder.
 * `stateDir` (created if missing) receives the lock-info file. `platform` picks the mechanism
 * (default: this system's), so the socket-file fallback can be tested anywhere.
 */
export async function acquirePublishLock(outDir: string, stateDir: string, platform: NodeJS.Platform = process.platform): Promise<PublishLock> {
  await makeFolder(stateDir);
  const place = await lockPlace(outDir, stateDir, platform);
  const token = randomBytes(12).toString('hex');
  const mine = `${process.pid} ${token}\n`;
  for (let attempt = 0; attempt < ACQUIRE_ATTEMPTS; attempt++) {
    const server = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.end(mine);
    });
    server.on('error', () => undefined);
    if (await listen(server, place.address)) {
      server.unref();
      return held(server, place, token, mine, outDir);
    }
    const holder = await askHolder(place.address);
    if (holder === 'gone') {
      // The holder ended between our bind and our question: try again. A socket file nobody answers is stale.
      if (place.leavesFile) await rm(place.address, { force: true });
      continue;
    }
    throw lockedError(outDir, holder);
  }
  throw new StoryfeedError('E_LOCKED', `cannot take the lock of ${outDir}: other builds keep taking it`);
}

/** The text of `file`, or `''` when it cannot be read. */
function readNow(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

async function held(server: Server, place: LockPlace, token: string, mine: string, outDir: string): Promise<PublishLock> {
  let released = false;
  try {
    await writeFileAtomic(place.infoFile, mine);
  } catch (error) {
    await close(server);
    throw error;
  }
  return {
    token,
    inStateFolder: place.leavesFile,
    async check() {
      // Read at once: a publish checks before every rename, and an asynchronous read took four round
      // trips to the file system's threads each time.
      const info = readNow(place.infoFile);
      if (released || !server.listening || info !== mine) throw lockedError(outDir, parseHolder(info));
    },
    async release(lastly) {
      if (released) return;
      released = true;
      try {
        // Still holding the address, so no other build writes the info file now.
        if ((await readFile(place.infoFile, 'utf8').catch(() => '')) === mine) await rm(place.infoFile, { force: true });
        await lastly?.();
      } finally {
        await close(server);
      }
    },
  };
}

/** Binds `server` to `address`: `true` when bound, `false` when the address is taken. */
function listen(server: Server, address: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') resolve(false);
      else reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve(true);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ path: address, exclusive: true });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Who holds the lock at `address`: its `PID TOKEN` line, `'gone'` when nobody listens any more, `undefined` when it does not say. */
function askHolder(address: string): Promise<{ pid: number } | 'gone' | undefined> {
  return new Promise((resolve) => {
    let text = '';
    const socket = createConnection({ path: address });
    socket.setEncoding('utf8');
    socket.setTimeout(ASK_TIMEOUT_MS, () => {
      socket.destroy();
      resolve(parseHolder(text));
    });
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) socket.destroy();
    });
    socket.on('close', () => resolve(parseHolder(text)));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? 'gone' : undefined);
    });
  });
}

function parseHolder(text: string): { pid: number } | undefined {
  const pid = Number(text.trim().split(/\s+/)[0]);
  return Number.isInteger(pid) && pid > 0 ? { pid } : undefined;
}

function lockedError(outDir: string, holder: { pid: number } | undefined): StoryfeedError {
  const who = holder ? `another build (process ${holder.pid})` : 'another build';
  return new StoryfeedError('E_LOCKED', `${who} is writing to this output folder; wait for it to finish (${outDir}; the lock ends with that process, even if it is killed)`);
}
