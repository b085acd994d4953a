/**
 * A real S3-compatible object store on loopback for the deploy tests: OpenStack Swift (Debian
 * packages `swift-proxy`, `swift-object`, `swift-container`, `swift-account`) with the `s3api`
 * middleware and tempauth, one device in a temporary folder, and memcached (tempauth keeps its
 * tokens there). Every port is picked by the OS at start, so parallel runs and other services
 * never collide; a start that loses a port race is retried with new ports.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The tempauth account the tests use: S3 access key `test:tester`, secret `testing`. */
export const STORE_CREDENTIALS = { accessKeyId: 'test:tester', secretAccessKey: 'testing' } as const;

/** A running store. */
export interface RunningStore {
  /** S3 endpoint (path-style), e.g. `http://127.0.0.1:41234`. */
  endpoint: string;
  /** Swift API base (`…/v1/AUTH_test`); a container with a public read ACL is readable at `<swiftUrl>/<bucket>/<key>`. */
  swiftUrl: string;
  /** Stops every process and removes the store's folder. */
  stop: () => Promise<void>;
}

const SERVERS = ['object', 'container', 'account'] as const;
const BINARIES = ['swift-ring-builder', 'swift-proxy-server', 'swift-object-server', 'swift-container-server', 'swift-account-server', 'memcached'];
const START_ATTEMPTS = 3;
const READY_LIMIT_MS = 60_000;

/** Names the Debian packages that are missing, or returns an empty list. */
export function missingStorePackages(): string[] {
  const dirs = (process.env.PATH ?? '/usr/bin:/bin').split(':').concat('/usr/bin', '/usr/sbin');
  return BINARIES.filter((b) => !dirs.some((d) => existsSync(path.join(d, b))));
}

/** Starts Swift + s3api + memcached on free loopback ports and resolves once S3 requests succeed. */
export async function startStore(): Promise<RunningStore> {
  const missing = missingStorePackages();
  if (missing.length) {
    throw new Error(
      `the deploy tests need OpenStack Swift and memcached (missing: ${missing.join(', ')}); install the Debian packages swift-proxy swift-object swift-container swift-account memcached (.ci/run does)`,
    );
  }
  let lastError: unknown;
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    try {
      return await startOnce();
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnce(): Promise<RunningStore> {
  const [objectPort, containerPort, accountPort, proxyPort, memcachePort] = await freePorts(5);
  const ports = { object: objectPort!, container: containerPort!, account: accountPort! };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'storyfeed-swift-'));
  const etc = path.join(dir, 'etc');
  const devices = path.join(dir, 'node');
  mkdirSync(etc);
  mkdirSync(path.join(devices, 'd1'), { recursive: true });
  const user = os.userInfo().username;

  for (const kind of SERVERS) {
    ringBuilder(etc, [`${kind}.builder`, 'create', '8', '1', '1']);
    ringBuilder(etc, [`${kind}.builder`, 'add', `r1z1-127.0.0.1:${ports[kind]}/d1`, '1']);
    ringBuilder(etc, [`${kind}.builder`, 'rebalance']);
  }
  writeFileSync(
    path.join(etc, 'swift.conf'),
    '[swift-hash]\nswift_hash_path_suffix = storyfeed-tests\nswift_hash_path_prefix = storyfeed\n\n[storage-policy:0]\nname = gold\ndefault = yes\n',
  );
  // No syslog socket in containers: log to stderr of each server (captured, shown on failure).
  const common = (port: number): string =>
    `[DEFAULT]\ndevices = ${devices}\nmount_check = false\nbind_ip = 127.0.0.1\nbind_port = ${port}\nworkers = 1\nswift_dir = ${etc}\nuser = ${user}\nlog_level = WARNING\nlog_address = ${path.join(dir, 'no-syslog')}\n`;
  for (const kind of SERVERS) {
    writeFileSync(path.join(etc, `${kind}-server.conf`), `${common(ports[kind])}\n[pipeline:main]\npipeline = ${kind}-server\n\n[app:${kind}-server]\nuse = egg:swift#${kind}\n`);
  }
  writeFileSync(
    path.join(etc, 'proxy-server.conf'),
    `${common(proxyPort!)}\n[pipeline:main]\npipeline = catch_errors proxy-logging cache s3api tempauth proxy-logging proxy-server\n\n` +
      '[app:proxy-server]\nuse = egg:swift#proxy\naccount_autocreate = true\n\n' +
      '[filter:catch_errors]\nuse = egg:swift#catch_errors\n\n[filter:proxy-logging]\nuse = egg:swift#proxy_logging\n\n' +
      `[filter:cache]\nuse = egg:swift#memcache\nmemcache_servers = 127.0.0.1:${memcachePort}\n\n` +
      '[filter:s3api]\nuse = egg:swift#s3api\n\n' +
      '[filter:tempauth]\nuse = egg:swift#tempauth\nuser_test_tester = testing .admin\n',
  );

  const children: ChildProcess[] = [];
  const logs: string[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(children.map((child) => stopChild(child)));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const memcachedArgs = ['-l', '127.0.0.1', '-p', String(memcachePort), '-U', '0'];
    if (process.getuid?.() === 0) memcachedArgs.push('-u', 'root');
    children.push(launch('memcached', memcachedArgs, logs));
    for (const kind of SERVERS) children.push(launch(`swift-${kind}-server`, [path.join(etc, `${kind}-server.conf`)], logs));
    children.push(launch('swift-proxy-server', [path.join(etc, 'proxy-server.conf')], logs));
    const swiftUrl = await waitUntilReady(proxyPort!, children);
    return { endpoint: `http://127.0.0.1:${proxyPort}`, swiftUrl, stop };
  } catch (error) {
    await stop();
    throw new Error(`the object store did not start: ${(error as Error).message}\n${logs.join('').slice(-4000)}`);
  }
}

function ringBuilder(cwd: string, args: string[]): void {
  const result = spawnSync('swift-ring-builder', args, { cwd, encoding: 'utf8' });
  // `rebalance` exits 1 when it only warns (one device, one replica); a missing ring file is the real failure.
  if (result.error || (result.status !== 0 && args[1] !== 'rebalance')) {
    throw new Error(`swift-ring-builder ${args.join(' ')} failed: ${result.error?.message ?? result.stderr}`);
  }
}

function launch(command: string, args: string[], logs: string[]): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const keep = (chunk: Buffer): void => {
    logs.push(`[${command}] ${chunk.toString('utf8')}`);
    if (logs.length > 200) logs.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('error', (error) => logs.push(`[${command}] ${error.message}\n`));
  return child;
}

/** Ends a server and its workers (its own process group), waiting for it to exit. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      resolve();
    }
    // A server that ignores SIGTERM is killed for good once the others are down.
    setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000).unref();
  });
}

/** Polls tempauth until the whole chain (proxy, memcached, account server) answers. */
async function waitUntilReady(proxyPort: number, children: ChildProcess[]): Promise<string> {
  const base = `http://127.0.0.1:${proxyPort}`;
  const deadline = Date.now() + READY_LIMIT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const dead = children.find((c) => c.exitCode !== null);
    if (dead) throw new Error(`${dead.spawnfile} exited with ${dead.exitCode} (a port may have been taken)`);
    try {
      const auth = await fetch(`${base}/auth/v1.0`, { headers: { 'x-auth-user': 'test:tester', 'x-auth-key': 'testing' }, signal: AbortSignal.timeout(2_000) });
      const token = auth.headers.get('x-auth-token');
      const storage = auth.headers.get('x-storage-url');
      await auth.body?.cancel();
      if (auth.ok && token && storage) {
        const account = await fetch(storage, { method: 'HEAD', headers: { 'x-auth-token': token }, signal: AbortSignal.timeout(2_000) });
        if (account.ok) return storage.replace(/^https?:\/\/[^/]+/, base);
        last = `account HEAD answered ${account.status}`;
      } else {
        last = `auth answered ${auth.status}`;
      }
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`not ready within ${READY_LIMIT_MS / 1000} s (${last})`);
}

/** Asks the OS for `count` distinct free loopback ports (bind port 0, read it, close). */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** Grants public read of a container through the Swift API (`X-Container-Read: .r:*`), for feed readers. */
export async function makeContainerPublic(store: RunningStore, bucket: string): Promise<void> {
  const base = store.endpoint;
  const auth = await fetch(`${base}/auth/v1.0`, { headers: { 'x-auth-user': 'test:tester', 'x-auth-key': 'testing' } });
  const token = auth.headers.get('x-auth-token') ?? '';
  await auth.body?.cancel();
  const response = await fetch(`${store.swiftUrl}/${bucket}`, { method: 'POST', headers: { 'x-auth-token': token, 'x-container-read': '.r:*,.rlistings' } });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`setting the read ACL of ${bucket} failed: ${response.status}`);
}
