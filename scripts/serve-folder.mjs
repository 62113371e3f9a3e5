// A built site served from its folder on 127.0.0.1, as GitHub Pages would serve it (index.html for a
// folder, 404.html for anything else), for the scripts that look at it in Chromium.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

/** Resolves to { origin: "http://127.0.0.1:PORT", close() }. */
export async function serveFolder(site) {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = path.join(site, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    const body = file.startsWith(site + path.sep) ? await readFile(file).catch(() => undefined) : undefined;
    response.writeHead(body ? 200 : 404, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    response.end(body ?? (await readFile(path.join(site, '404.html')).catch(() => '')));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
