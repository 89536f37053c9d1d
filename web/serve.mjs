// Serve the built portal (web/dist) as plain static files: `node web/serve.mjs [port] [host]`.
// Any web server can host dist/; this one needs nothing but Node, for scripts/dev.sh and the tests.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('./dist/', import.meta.url)));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** A server for dist/ on `port` (0: any free port); resolves with the server once it listens. */
export function servePortal(port = 8080, host = '127.0.0.1') {
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      // A malformed escape (`GET /%`): a bad request, never a crash.
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    // Inside dist/ only: not dist/ itself's parent, nor a sibling whose name starts with `dist`.
    if (!file.startsWith(root + sep)) { res.writeHead(403).end(); return; }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8080);
  const host = process.argv[3] ?? '127.0.0.1';
  const server = await servePortal(port, host);
  console.log(`portal: http://${host === '0.0.0.0' ? 'localhost' : host}:${server.address().port}/`);
}
