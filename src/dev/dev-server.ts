import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { SiteFiles } from '../outputs.js';
import { fileOfRoute, ROUTES } from '../routes.js';

/** The live-reload endpoint; the injected client script listens here. */
export const EVENTS_PATH = '/__live-reload';

/** What the server serves and tells browsers. */
export interface DevServer {
  /** The URL it listens on, e.g. http://127.0.0.1:8080/repo/webinar/. */
  url: string;
  /** Tell every open page to reload (or to swap stylesheets only). */
  notifyReload(cssOnly: boolean): void;
  /** Show these problems in an overlay on every open page (and on pages loaded until they are fixed); none clears it. */
  notifyProblems(text: string | undefined): void;
  close(): Promise<void>;
}

/** Where the server's files come from: the last good output, by output path. */
export type OutputSource = () => SiteFiles;

/** Content types by file extension, for what the site writes. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serve the output from memory under the base path, with a small script injected into HTML
 * responses only (the built files never contain it), listening on Server-Sent Events.
 */
export async function startDevServer(options: { host: string; port: number; basePath: string; outputs: OutputSource }): Promise<DevServer> {
  const clients = new Set<ServerResponse>();
  let problems: string | undefined;

  const server = createServer((request, response) => {
    if (request.url === CLIENT_PATH) {
      response.writeHead(200, { 'content-type': CONTENT_TYPES['.js']!, 'cache-control': 'no-store' }).end(CLIENT);
      return;
    }
    if (request.url?.startsWith(EVENTS_PATH)) return openEvents(request, response);
    serveFile(request, response);
  });

  function openEvents(request: IncomingMessage, response: ServerResponse) {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(`retry: 500\n\n`);
    if (problems) response.write(event('problems', problems));
    clients.add(response);
    request.on('close', () => clients.delete(response));
  }

  function serveFile(request: IncomingMessage, response: ServerResponse) {
    const pathname = decodedPath(request.url ?? '/');
    if (pathname === undefined) {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request: the address has a broken percent-escape');
      return;
    }
    const outputs = options.outputs();
    const relative = resolveOutputPath(pathname, options.basePath, outputs);
    const body = relative === undefined ? outputs.read(ROUTES.notFound) : outputs.read(relative);
    const status = relative === undefined ? 404 : 200;
    const type = CONTENT_TYPES[path.extname(relative ?? '404.html')] ?? 'application/octet-stream';
    if (body === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const served = type.startsWith('text/html') ? injectClient(String(body)) : body;
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(served);
  }

  function broadcast(message: string) {
    for (const client of clients) client.write(message);
  }

  const port = await listen(server, options.host, options.port);
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}${options.basePath}webinar/`,
    notifyReload(cssOnly) {
      broadcast(event(cssOnly ? 'css' : 'reload', ''));
    },
    notifyProblems(text) {
      // Only a change is news: a save that leaves the same problems (or none) would otherwise wake every page.
      if ((text ?? '') === (problems ?? '')) return;
      problems = text;
      broadcast(event('problems', text ?? ''));
    },
    close() {
      for (const client of clients) client.end();
      clients.clear();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** "/repo/webinar/" → "webinar/index.html"; undefined when nothing is there. */
export function resolveOutputPath(pathname: string, basePath: string, outputs: Pick<SiteFiles, 'has'>): string | undefined {
  if (!pathname.startsWith(basePath)) return undefined;
  const inside = pathname.slice(basePath.length);
  // As GitHub Pages serves them: the file, the folder's index, or the folder without its slash.
  for (const candidate of [inside, fileOfRoute(inside), fileOfRoute(`${inside}/`)]) {
    const normalised = candidate.replace(/^\/+/, '');
    if (normalised === '' || normalised.includes('..')) continue;
    if (outputs.has(normalised)) return normalised;
  }
  return inside === '' && outputs.has(fileOfRoute(ROUTES.home)) ? fileOfRoute(ROUTES.home) : undefined;
}

/** Listen on `port`, or the next free one when it is taken. */
async function listen(server: Server, host: string, port: number): Promise<number> {
  for (let candidate = port; candidate < port + 50; candidate++) {
    const result = await new Promise<number | undefined>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        if (error.code === 'EADDRINUSE') resolve(undefined);
        else reject(error);
      };
      const onListening = () => {
        server.off('error', onError);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : candidate);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(candidate, host);
    });
    if (result !== undefined) return result;
    if (port === 0) break;
  }
  throw new Error(`no free port from ${port} to ${port + 49} on ${host}`);
}

/** The request's path, percent-escapes decoded; undefined when one is broken (a visitor's typo must not end the server). */
function decodedPath(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
}

function event(name: string, data: string): string {
  return `event: ${name}\n${data.split('\n').map((line) => `data: ${line}`).join('\n')}\n\n`;
}

/** The client script's own URL: an external file, so the pages' Content Security Policy allows it. */
const CLIENT_PATH = '/__live-reload.js';

/** The client: reload on "reload", swap stylesheets on "css", show an overlay on "problems". */
const CLIENT = `(() => {
  const source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  source.addEventListener('reload', () => location.reload());
  source.addEventListener('css', () => {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href); url.searchParams.set('t', Date.now()); link.href = url.href;
    }
  });
  source.addEventListener('problems', (e) => {
    let box = document.getElementById('__dev-problems');
    if (!e.data) { if (box) { box.remove(); location.reload(); } return; }
    if (!box) {
      box = document.createElement('pre'); box.id = '__dev-problems'; box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;margin:0;padding:1rem;background:#2b0b0b;color:#ffdede;font:14px/1.4 monospace;z-index:2147483647;white-space:pre-wrap';
      document.body.append(box);
    }
    box.textContent = 'The last save has problems; the page shows the last good build.\\n\\n' + e.data;
  });
})();`;

const CLIENT_TAG = `<script src="${CLIENT_PATH}"></script>`;

/** Insert the client before </body>, or at the end. */
export function injectClient(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + CLIENT_TAG : html.slice(0, at) + CLIENT_TAG + html.slice(at);
}
