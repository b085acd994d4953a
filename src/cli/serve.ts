import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { StoryfeedError } from '../errors.js';
import { loadConfigFile } from '../node/config-file.js';
import { displayPath } from '../node/seed-files.js';
import { serveFolder } from '../node/serve.js';
import { EXIT, type CliIo, type ServeFlags } from './main.js';
import { oneLine } from './terminal.js';

/** `storyfeed serve [DIR]`: serves the output folder until stopped. */
export async function runServe(dir: string | undefined, flags: ServeFlags, io: CliIo): Promise<number> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new StoryfeedError('E_USAGE', `--port must be a number from 0 to 65535, found "${flags.port}"`);
  let root: string;
  if (dir) root = path.resolve(io.cwd, dir);
  else {
    const loaded = await loadConfigFile(flags.config, io.cwd).catch(() => undefined);
    root = loaded ? path.resolve(loaded.dir, loaded.config.out ?? 'public') : path.resolve(io.cwd, 'public');
  }
  // Serving a folder that is not there would only answer 404 to everything.
  const kind = await stat(root).then(
    (s) => (s.isDirectory() ? 'folder' : 'file'),
    () => 'missing',
  );
  if (kind !== 'folder') {
    const hint = dir ? '' : ' (build the feeds first with `storyfeed build`)';
    throw new StoryfeedError('E_IO', `${oneLine(displayPath(root, io.cwd))} ${kind === 'missing' ? 'does not exist' : 'is not a folder'}${hint}`, {
      file: displayPath(root, io.cwd),
    });
  }
  const log = flags.quiet ? undefined : (line: string): void => io.out(`${oneLine(line)}\n`);
  const server = await serveFolder({ root, port, host: flags.host, ...(log ? { log } : {}) }).catch((cause: NodeJS.ErrnoException) => {
    // A host name that does not resolve, or an address another machine has: the --host is wrong, not the port.
    if (cause.code === 'ENOTFOUND' || cause.code === 'EAI_AGAIN' || cause.code === 'EADDRNOTAVAIL') {
      throw new StoryfeedError(
        'E_USAGE',
        `--host ${oneLine(flags.host)} is not an address of this machine (${cause.code}): give one of its own, such as 127.0.0.1 (the default) or 0.0.0.0 for all of them`,
        { cause },
      );
    }
    const why =
      cause.code === 'EADDRINUSE' ? 'the port is in use' : cause.code === 'EACCES' ? 'permission denied (ports below 1024 need privileges)' : (cause.code ?? cause.message);
    throw new StoryfeedError('E_PORT', `cannot listen on ${oneLine(flags.host)}:${port}: ${why}`, { cause });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  io.out(`Serving ${oneLine(displayPath(root, io.cwd))} at http://${host}:${address.port}/ (Ctrl-C to stop)\n`);
  await (io.untilStopped ?? untilSignal)();
  await new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return EXIT.ok;
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
