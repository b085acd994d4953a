/**
 * An HTTP proxy in front of the store that lets a fixed number of object uploads through and then
 * calls `onLimit` (the test kills the deploy there) and drops every later request. The kill point
 * is a count of requests, not a time, so the test is the same on a slow or a fast machine.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running proxy. */
export interface InterruptingProxy {
  /** Its address, used as the deploy's endpoint. */
  endpoint: string;
  /** Object PUTs that were forwarded. */
  forwarded: string[];
  /** Stops it. */
  close: () => Promise<void>;
}

/** Starts a proxy to `target` that forwards `uploads` object PUTs (not the deploy record) and then calls `onLimit`. */
export async function startInterruptingProxy(target: string, uploads: number, onLimit: () => void, recordName: string): Promise<InterruptingProxy> {
  const upstream = new URL(target);
  const forwarded: string[] = [];
  let stopped = false;
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const isUpload = req.method === 'PUT' && !decodeURIComponent(url.split('?')[0]!).endsWith(`/${recordName}`);
    if (stopped || (isUpload && forwarded.length >= uploads)) {
      if (!stopped) {
        stopped = true;
        onLimit();
      }
      req.socket.destroy();
      return;
    }
    if (isUpload) forwarded.push(decodeURIComponent(url.split('?')[0]!));
    // Headers go through unchanged: the request is signed for the Host header the client sent.
    const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
