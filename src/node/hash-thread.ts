/**
 * SHA-256 digests of large files computed on a thread of their own while the files are written.
 *
 * Publishing hashes every file it writes (the ownership record names each by its digest). A feed of
 * 10,000 items is 40-75 MB a format, and hashing the three took a tenth of a second of the main
 * thread, the one that also gathers the bytes to write: on a thread of its own the hashing runs beside
 * the writing. Chunks are handed over (transferred, not copied) once written; at most
 * {@link MAX_PENDING_BYTES} wait for the hashing thread at once, so memory stays bounded whatever the
 * file's size. When the thread cannot start or stops, the digest is read back from the written file.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** The hashing thread's program: one SHA-256 per file, updated chunk by chunk, acknowledged as it goes. */
const HASHING_THREAD = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const running = new Map();
parentPort.on('message', (m) => {
  if (m.bytes !== undefined) {
    let hash = running.get(m.id);
    if (hash === undefined) running.set(m.id, (hash = createHash('sha256')));
    hash.update(m.bytes);
    parentPort.postMessage({ id: m.id, hashed: m.bytes.byteLength });
  } else {
    const hash = running.get(m.id) ?? createHash('sha256');
    running.delete(m.id);
    parentPort.postMessage({ id: m.id, digest: hash.digest('hex') });
  }
});
`;

/** Bytes handed to the hashing thread and not yet hashed, at most: the writer waits beyond this. */
const MAX_PENDING_BYTES = 32 * 1024 * 1024;

/** The digest of a file being written, fed its bytes in order. */
export interface FileHash {
  /** `true` when bytes given up (`owned`) are kept by the hash: the caller must not use them again. */
  readonly keeps: boolean;
  /**
   * Adds the next bytes. `owned`: the caller gives the bytes up (they are moved to the hashing thread, and
   * must not be used again); otherwise they are copied. Resolves when more bytes may be given.
   */
  update(bytes: Uint8Array, owned: boolean): Promise<void>;
  /** The hex SHA-256 of all the bytes given; `file` (holding exactly those bytes) is read if the thread failed. */
  digest(file: string): Promise<string>;
}

/** Hashes in the calling thread: for small files, where starting a thread costs more than it saves. */
export function hashHere(): FileHash {
  const hash = createHash('sha256');
  return {
    keeps: false,
    async update(bytes) {
      hash.update(bytes);
    },
    async digest() {
      return hash.digest('hex');
    },
  };
}

/** The hex SHA-256 of a file's bytes, read in chunks. */
export async function digestOfFile(file: string): Promise<string> {
  const hash: Hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

interface Waiting {
  resolve: (digest: string) => void;
  reject: (error: unknown) => void;
}

/**
 * A thread that hashes files for one publish: started on first use, stopped by {@link HashThread.close}.
 * While it hashes, it keeps the process alive; idle, it does not.
 */
export class HashThread {
  private worker: Worker | undefined;
  private failed = false;
  private nextId = 0;
  private pendingBytes = 0;
  private readonly digests = new Map<number, Waiting>();
  /** Writers waiting for the pending bytes to drop under {@link MAX_PENDING_BYTES}. */
  private readonly waitingToGive: (() => void)[] = [];

  /** A digest computed on the thread; falls back to reading the file back when the thread fails. */
  begin(): FileHash {
    const id = this.nextId++;
    let failedHere = false;
    return {
      keeps: true,
      update: async (bytes, owned) => {
        if (failedHere) return;
        const worker = this.started();
        if (!worker) {
          failedHere = true;
          return;
        }
        const copy = owned ? bytes : new Uint8Array(bytes);
        this.pendingBytes += copy.byteLength;
        this.busy();
        try {
          // A whole buffer is moved; a view into a larger one is copied (moving would take its neighbours too).
          const whole = copy.byteOffset === 0 && copy.byteLength === copy.buffer.byteLength && copy.buffer instanceof ArrayBuffer;
          worker.postMessage({ id, bytes: copy }, whole ? [copy.buffer as ArrayBuffer] : []);
        } catch {
          failedHere = true;
          return;
        }
        while (this.pendingBytes > MAX_PENDING_BYTES && !this.failed) await new Promise<void>((resolve) => this.waitingToGive.push(resolve));
      },
      digest: async (file) => {
        const worker = failedHere || this.failed ? undefined : this.worker;
        if (worker) {
          const digest = await new Promise<string>((resolve, reject) => {
            this.digests.set(id, { resolve, reject });
            this.busy();
            worker.postMessage({ id });
          }).catch(() => undefined);
          if (digest !== undefined) return digest;
        }
        return digestOfFile(file);
      },
    };
  }

  /** Stops the thread (digests still awaited fall back to reading their files). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.stop(new Error('the hashing thread was closed'));
    if (worker) await worker.terminate();
  }

  private started(): Worker | undefined {
    if (this.worker || this.failed) return this.worker;
    try {
      const worker = new Worker(HASHING_THREAD, { eval: true });
      worker.unref();
      worker.on('message', (m: { id: number; hashed?: number; digest?: string }) => {
        if (m.hashed !== undefined) {
          this.pendingBytes -= m.hashed;
          if (this.pendingBytes <= MAX_PENDING_BYTES) for (const resolve of this.waitingToGive.splice(0)) resolve();
        } else if (m.digest !== undefined) {
          const waiting = this.digests.get(m.id);
          this.digests.delete(m.id);
          waiting?.resolve(m.digest);
        }
        this.idleCheck();
      });
      worker.on('error', (error) => this.stop(error));
      worker.on('exit', () => this.stop(new Error('the hashing thread stopped')));
      this.worker = worker;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }

  /** Keeps the process alive while the thread has work the caller waits for. */
  private busy(): void {
    this.worker?.ref();
  }

  private idleCheck(): void {
    if (this.pendingBytes === 0 && this.digests.size === 0) this.worker?.unref();
  }

  private stop(error: unknown): void {
    this.failed = true;
    this.pendingBytes = 0;
    for (const resolve of this.waitingToGive.splice(0)) resolve();
    for (const waiting of this.digests.values()) waiting.reject(error);
    this.digests.clear();
  }
}
