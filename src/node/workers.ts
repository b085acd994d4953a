/**
 * Worker threads for the two CPU-bound stages of a build: normalizing seeds and rendering plus
 * verifying feeds. A worker runs the library bundle (`node.js` next to the running bundle) as its
 * main module; the check at the bottom of this file turns it into a task loop. Where there is no
 * such bundle (the sources run directly, or a re-bundled copy) there are no workers and every task
 * runs in the calling thread, with the same code and the same results.
 *
 * Tasks run in the calling thread too while no worker has started yet: starting a worker loads
 * every dependency again (about a second), and the build should not wait idle for it.
 */
import { existsSync } from 'node:fs';
import { TaskQueue } from '../task-queue.js';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { errorText, StoryfeedError, type Diagnostic, type ProblemCode } from '../errors.js';
import type { FeedDocument, FeedFormat, FeedOutputs, Story } from '../types.js';
import type { VerifyReport } from '../verify/index.js';
import { withStoredBodies, type StoredBodies } from './body-store.js';
import { writeTexts } from './feed-cache.js';
import { feedRecord } from './feed-record.js';
import { loadStory, type LoadStoriesOptions } from './load-stories.js';
import type { SeedFile } from './seed-files.js';

const PROTOCOL = 'storyfeed-worker/1';

/** Reads and normalizes one seed (as {@link loadStory} does, without a cache). */
export interface NormalizeTask {
  kind: 'normalize';
  file: SeedFile;
  options: Pick<LoadStoriesOptions, 'site' | 'cwd' | 'fallbackDate' | 'maxSeedBytes' | 'feedRecords' | 'languageFolders' | 'notionTwins' | 'translations'>;
  /** Return only the story's {@link feedRecord} (nothing will cache the full story). */
  feedRecord?: boolean;
  /**
   * The keys of the lists of `options` sent to the thread once for every task (see {@link SHARED_LISTS}), which the
   * task then comes without: a site's translations may be thousands of paths, and copying them with each of its
   * seeds cost quadratic time.
   */
  shared?: Partial<Record<SharedList, string>>;
}

/** The lists of a normalize task's options that every task of a build shares. */
type SharedList = 'translations' | 'notionTwins';
const SHARED_LIST_NAMES: readonly SharedList[] = ['translations', 'notionTwins'];

/**
 * Shared lists by key in a worker thread, as its pool sent them (frozen: see `StoryOptions.translations`); the
 * worker, and they with it, lasts one build. The calling thread keeps its tasks whole (see {@link WorkerPool}).
 */
const SHARED_LISTS = new Map<string, readonly string[]>();

/** The task's options with its shared lists back in place. */
function withSharedLists(task: NormalizeTask): NormalizeTask['options'] {
  if (!task.shared) return task.options;
  const options = { ...task.options };
  for (const name of SHARED_LIST_NAMES) {
    const key = task.shared[name];
    if (key === undefined) continue;
    const list = SHARED_LISTS.get(key);
    if (list === undefined) throw new StoryfeedError('E_INTERNAL', `a worker was given a task naming the list ${key} it was never sent`);
    options[name] = list;
  }
  return options;
}

/** A normalized seed and the warnings its normalization raised, in order. */
export interface NormalizeResult {
  story: Story;
  warnings: Diagnostic[];
}

/** Renders some formats of one document and verifies them against it. */
export interface FeedTask {
  kind: 'feed';
  document: FeedDocument;
  formats: FeedFormat[];
  /** With all three formats: write verified outputs to this file (see `feed-cache.ts`) instead of returning them. */
  store?: string;
  /** Where the items' bodies are, when the document comes without them (see `body-store.ts`). */
  bodies?: StoredBodies;
}

/** The outputs of a {@link FeedTask} and their verification. */
export interface FeedResult {
  /** The outputs (none when they were stored). */
  outputs: Partial<FeedOutputs>;
  report: VerifyReport;
  /** `true` when the outputs were written to the task's `store` file. */
  stored?: boolean;
}

type Task = NormalizeTask | FeedTask;
type ResultOf<T extends Task> = T extends NormalizeTask ? NormalizeResult : FeedResult;

/** Runs one task in this thread: what a worker does with it. */
export async function runTask<T extends Task>(task: T): Promise<ResultOf<T>> {
  if (task.kind === 'normalize') {
    const warnings: Diagnostic[] = [];
    const story = await loadStory(task.file, { ...withSharedLists(task), onWarning: (d) => warnings.push(d) });
    return { story: task.feedRecord ? feedRecord(story) : story, warnings } as ResultOf<T>;
  }
  const document = task.bodies ? withStoredBodies(task.document, task.bodies) : task.document;
  // Loaded on first use: a build whose feeds all come from the cache needs neither.
  const [{ renderFormats }, { verifyDocument }] = await Promise.all([import('../render/index.js'), import('../verify/index.js')]);
  const outputs = renderFormats(document, task.formats);
  const report = await verifyDocument(outputs, document);
  if (task.store !== undefined && report.ok && outputs.rss !== undefined && outputs.atom !== undefined && outputs.json !== undefined) {
    await writeTexts(task.store, outputs as FeedOutputs);
    return { outputs: {}, report, stored: true } as ResultOf<T>;
  }
  return { outputs, report } as ResultOf<T>;
}

interface Pending {
  /** The task as given: what this thread runs. */
  task: Task;
  /** The task as sent to a worker: a normalize task's lists replaced by their keys (see {@link NormalizeTask.shared}). */
  wire: Task;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  inFlight: Map<number, Pending>;
  /** The keys of the shared lists sent to this worker. */
  sent: Set<string>;
}

/**
 * How many tasks a worker holds at once, so it never idles between messages: seeds take
 * milliseconds, and a pause of this thread (a full garbage collection of a large build's heap takes
 * a second) must not starve the workers; feeds take longer, and one waiting is enough.
 */
const inFlightLimit = (task: Task): number => (task.kind === 'normalize' ? 32 : 2);

/**
 * A lazily started pool of worker threads. {@link WorkerPool.run} queues a task; idle workers take
 * them, and until the first worker is ready the calling thread takes them itself.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue = new TaskQueue<Pending>();
  /** The lists this pool's tasks share, by key (sent to each worker once), and the key of each. */
  private readonly shared = new Map<string, readonly string[]>();
  private readonly sharedKeys = new WeakMap<readonly string[], string>();
  private nextId = 0;
  private started = false;
  private helping = false;
  private closed = false;

  private constructor(
    private readonly entry: URL | undefined,
    /** The number of worker threads it starts. */
    readonly size: number,
  ) {}

  /** A pool of `size` workers (default: one per core), or one that runs everything in this thread when workers are not available. */
  static create(size = Math.min(availableParallelism(), 8)): WorkerPool {
    const entry = workerEntry();
    return new WorkerPool(entry, entry ? Math.max(0, size) : 0);
  }

  /** `true` when tasks can run in worker threads here. */
  get available(): boolean {
    return this.size > 0;
  }

  /** `true` once workers have been started (later tasks are cheap to hand over). */
  get running(): boolean {
    return this.started;
  }

  /** Queues a task; it runs in a worker, or in this thread when there is none (yet). */
  run<T extends Task>(task: T): Promise<ResultOf<T>> {
    if (!this.available || this.closed) return runTask(task);
    this.start();
    const wire = task.kind === 'normalize' ? this.withSharedKeys(task) : task;
    const promise = new Promise<ResultOf<T>>((resolve, reject) => {
      this.queue.push({ task, wire, resolve: resolve as (value: unknown) => void, reject });
    });
    this.pump();
    return promise;
  }

  /** A normalize task whose lists are replaced by their keys (each list kept in {@link shared} for the workers). */
  private withSharedKeys(task: NormalizeTask): NormalizeTask {
    let options: NormalizeTask['options'] | undefined;
    let keys: NonNullable<NormalizeTask['shared']> | undefined;
    for (const name of SHARED_LIST_NAMES) {
      const list = task.options[name];
      if (list === undefined) continue;
      let key = this.sharedKeys.get(list);
      if (key === undefined) {
        key = String(this.shared.size);
        this.sharedKeys.set(list, key);
        this.shared.set(key, list);
      }
      options ??= { ...task.options };
      delete options[name];
      (keys ??= {})[name] = key;
    }
    return options ? { ...task, options, shared: keys! } : task;
  }

  /** Stops the workers (call it when done: running workers keep the process alive). */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
    // Anything still queued runs here.
    for (const pending of this.queue.drain()) runTask(pending.task).then(pending.resolve, pending.reject);
  }

  /** Starts the workers ahead of the tasks (they take about a second to load). */
  warm(): void {
    if (this.available && !this.closed) this.start();
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    for (let i = 0; i < this.size; i++) this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(this.entry!, {
      workerData: { protocol: PROTOCOL },
      // A larger young generation: tasks allocate many short-lived objects (XML trees, strings).
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
    const slot: Slot = { worker, ready: false, inFlight: new Map(), sent: new Set() };
    this.slots.push(slot);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        slot.ready = true;
      } else {
        const pending = slot.inFlight.get(message.id);
        slot.inFlight.delete(message.id);
        if (pending) {
          if (message.type === 'done') pending.resolve(message.result);
          else pending.reject(reviveError(message.error));
        }
      }
      this.pump();
    });
    const lost = (): void => {
      // A worker that fails to start or dies hands its tasks back; without workers they run here.
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.slots.splice(index, 1);
      this.queue.putBack(slot.inFlight.values());
      slot.inFlight.clear();
      if (this.slots.length === 0) void this.drainHere();
      else this.pump();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
  }

  private pump(): void {
    for (const slot of this.slots) {
      while (slot.ready && this.queue.length > 0 && slot.inFlight.size < inFlightLimit(this.queue.first()!.task)) {
        const pending = this.queue.shift()!;
        const id = this.nextId++;
        slot.inFlight.set(id, pending);
        // Each shared list goes to a worker once, before the first task that names it.
        const shared = pending.wire.kind === 'normalize' ? pending.wire.shared : undefined;
        for (const key of Object.values(shared ?? {})) {
          if (slot.sent.has(key)) continue;
          slot.sent.add(key);
          slot.worker.postMessage({ share: key, list: this.shared.get(key) });
        }
        slot.worker.postMessage({ id, task: pending.wire });
      }
    }
    if (this.queue.length > 0) void this.help();
  }

  /**
   * While no worker is ready, this thread takes queued tasks itself, one at a time with messages
   * let in between. Once workers run it only hands tasks out: a task here would hold back the
   * messages that keep the workers busy.
   */
  private async help(): Promise<void> {
    if (this.helping) return;
    this.helping = true;
    try {
      while (this.queue.length > 0 && !this.slots.some((s) => s.ready)) {
        const pending = this.queue.shift()!;
        await runTask(pending.task).then(pending.resolve, pending.reject);
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.helping = false;
    }
  }

  private async drainHere(): Promise<void> {
    while (this.queue.length > 0) {
      const pending = this.queue.shift()!;
      await runTask(pending.task).then(pending.resolve, pending.reject);
    }
  }
}

type WorkerMessage = { type: 'ready' } | { type: 'done'; id: number; result: unknown } | { type: 'failed'; id: number; error: SerializedError };

interface SerializedError {
  storyfeed: boolean;
  code?: ProblemCode;
  detail: string;
  file?: string;
  line?: number;
  problems?: readonly string[];
}

function serializeError(error: unknown): SerializedError {
  if (error instanceof StoryfeedError) {
    const out: SerializedError = { storyfeed: true, code: error.code, detail: error.detail, problems: error.problems };
    if (error.file !== undefined) out.file = error.file;
    if (error.line !== undefined) out.line = error.line;
    return out;
  }
  return { storyfeed: false, detail: errorText(error) };
}

function reviveError(e: SerializedError): Error {
  if (!e.storyfeed || !e.code) return new Error(e.detail);
  return new StoryfeedError(e.code, e.detail, {
    ...(e.file !== undefined ? { file: e.file } : {}),
    ...(e.line !== undefined ? { line: e.line } : {}),
    ...(e.problems ? { problems: e.problems } : {}),
  });
}

/** The library bundle next to the running code (`node.js` in `dist/`), if there is one. */
function workerEntry(): URL | undefined {
  let here: string | undefined;
  try {
    here = import.meta.url;
  } catch {
    here = undefined;
  }
  // The CommonJS build has no import.meta; its file name gives the same folder.
  if (!here && typeof __filename === 'string') here = pathToFileURL(__filename).href;
  if (!here || !/\.c?js$/.test(fileURLToPath(here))) return undefined;
  const entry = new URL('./node.js', here);
  return existsSync(fileURLToPath(entry)) ? entry : undefined;
}

function serve(port: MessagePort): void {
  port.on('message', (message: { id: number; task: Task } | { share: string; list: string[] }) => {
    if ('share' in message) {
      SHARED_LISTS.set(message.share, Object.freeze(message.list));
      return;
    }
    runTask(message.task).then(
      (result) => port.postMessage({ type: 'done', id: message.id, result } satisfies WorkerMessage),
      (error: unknown) => port.postMessage({ type: 'failed', id: message.id, error: serializeError(error) } satisfies WorkerMessage),
    );
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}

if (!isMainThread && parentPort && (workerData as { protocol?: unknown } | null)?.protocol === PROTOCOL) serve(parentPort);
