// The portal's static server (web/serve.mjs) refuses what is not inside dist/ and survives
// malformed requests (issue 25, item 10).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { servePortal } from '../serve.mjs';

/** GET `path` exactly as written (no client-side normalisation); resolves with the status. */
function get(port, path) {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => ok(res.statusCode));
    });
    req.on('error', fail);
    req.end();
  });
}

test('malformed URLs are refused and the server keeps serving', async () => {
  const server = await servePortal(0, '127.0.0.1');
  const { port } = server.address();
  try {
    assert.equal(await get(port, '/%'), 400);
    assert.equal(await get(port, '/%E0%A4%A'), 400);
    // Still alive: the next request is answered.
    assert.equal(await get(port, '/index.html'), 200);
  } finally {
    server.close();
  }
});

test('nothing outside dist/ is served, not even a sibling named dist*', async () => {
  const sibling = fileURLToPath(new URL('../dist-secret-test/', import.meta.url));
  await mkdir(sibling, { recursive: true });
  await writeFile(`${sibling}secret.txt`, 'not for the web');
  const server = await servePortal(0, '127.0.0.1');
  const { port } = server.address();
  try {
    assert.equal(await get(port, '/..%2Fdist-secret-test%2Fsecret.txt'), 403);
    assert.equal(await get(port, '/..%2Fpackage.json'), 403);
    assert.equal(await get(port, '/..%2Fserve.mjs'), 403);
    assert.equal(await get(port, '/index.html'), 200);
  } finally {
    server.close();
    await rm(sibling, { recursive: true, force: true });
  }
});
