import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CONTENT_TYPES as TYPES } from '../../src/dev/dev-server.js';

/** A folder served over HTTP on 127.0.0.1 at a free port, the way GitHub Pages serves it (index.html, 404.html). */
export interface StaticServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  /** Every path requested, in order. */
  requested: string[];
  close(): Promise<void>;
}

/** Serve `root` on 127.0.0.1, port 0 (any free port). */
export async function serveStatic(root: string): Promise<StaticServer> {
  const requested: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requested.push(pathname);
    const file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    const inside = file.startsWith(root + path.sep);
    const found = inside && (await stat(file).catch(() => undefined))?.isFile();
    const target = found ? file : path.join(root, '404.html');
    // GitHub Pages lets browsers keep a file for 10 minutes.
    response.writeHead(found ? 200 : 404, { 'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream', 'cache-control': 'max-age=600' });
    createReadStream(target).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requested,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
