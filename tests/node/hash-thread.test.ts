import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { digestOfFile, HashThread, hashHere } from '../../src/node/hash-thread.js';

const work = mkdtempSync(path.join(tmpdir(), 'storyfeed-hash-thread-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const MiB = 1024 * 1024;

/** `size` bytes that differ from place to place (a chunk out of order changes the digest). */
function bytesOf(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('HashThread', () => {
  it('gives the SHA-256 of the bytes in the order given: moved whole buffers, views into larger ones, copies, empty chunks, several files at once', async () => {
    const thread = new HashThread();
    try {
      const chunk = fc.record({ size: fc.oneof(fc.constant(0), fc.nat(300), fc.integer({ min: 60_000, max: 3 * MiB })), seed: fc.nat(), owned: fc.boolean(), view: fc.boolean() });
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(chunk, { maxLength: 6 }), { minLength: 1, maxLength: 3 }), async (files) => {
          const runs = files.map(async (chunks, f) => {
            const hash = thread.begin();
            const given: Uint8Array[] = [];
            for (const { size, seed, owned, view } of chunks) {
              const bytes = bytesOf(size, seed + f);
              given.push(bytes.slice());
              // A view into a larger buffer must be copied, never moved with its neighbours.
              const handed = view ? new Uint8Array([7, ...bytes, 7]).subarray(1, size + 1) : bytes;
              await hash.update(handed, owned);
              if (!owned || view) expect(handed.byteLength).toBe(size);
            }
            const file = path.join(work, `never-read-${f}`);
            expect(await hash.digest(file)).toBe(sha256(Buffer.concat(given)));
          });
          await Promise.all(runs);
        }),
        { numRuns: 25 },
      );
    } finally {
      await thread.close();
    }
  });

  it('takes more bytes than it holds at once (32 MB), all of them, in order', async () => {
    const thread = new HashThread();
    try {
      const hash = thread.begin();
      const whole = createHash('sha256');
      for (let i = 0; i < 40; i++) {
        const bytes = bytesOf(2 * MiB, i);
        whole.update(bytes);
        await hash.update(bytes, true);
        // Moved to the hashing thread: this side no longer holds it.
        expect(bytes.byteLength).toBe(0);
      }
      expect(await hash.digest(path.join(work, 'none'))).toBe(whole.digest('hex'));
    } finally {
      await thread.close();
    }
  });

  it('reads the digest back from the written file once the thread has stopped', async () => {
    const bytes = bytesOf(3 * MiB + 17, 99);
    const file = path.join(work, 'written.bin');
    writeFileSync(file, bytes);
    const thread = new HashThread();
    const hash = thread.begin();
    await hash.update(bytes.slice(0, MiB), false);
    await thread.close();
    await hash.update(bytes.slice(MiB), false);
    expect(await hash.digest(file)).toBe(sha256(bytes));
    // A hash begun after the thread stopped falls back too.
    const late = thread.begin();
    await late.update(bytes.slice(), true);
    expect(await late.digest(file)).toBe(sha256(bytes));
  });

  it('hashes in this thread with hashHere, and digestOfFile reads a file in chunks', async () => {
    const bytes = bytesOf(5 * MiB + 3, 5);
    const here = hashHere();
    expect(here.keeps).toBe(false);
    await here.update(bytes.subarray(0, 10), true);
    await here.update(bytes.subarray(10), false);
    expect(await here.digest(path.join(work, 'none'))).toBe(sha256(bytes));
    const file = path.join(work, 'read.bin');
    writeFileSync(file, bytes);
    expect(await digestOfFile(file)).toBe(sha256(bytes));
  });
});
