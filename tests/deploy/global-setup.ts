import type { TestProject } from 'vitest/node';
import { startStore } from './store.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The object store the deploy tests publish to. */
    deployStore: { endpoint: string; swiftUrl: string };
  }
}

/** Starts the object store once for every deploy test file; the returned function stops it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const store = await startStore();
  process.stderr.write(`object store (Swift + s3api) ready at ${store.endpoint} in ${Date.now() - started} ms\n`);
  project.provide('deployStore', { endpoint: store.endpoint, swiftUrl: store.swiftUrl });
  return () => store.stop();
}
