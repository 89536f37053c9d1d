// The node lets browsers read its answers from the portal's origin and no other (--rpc-cors, set
// by the scripts from CASCADE_RPC_CORS): the answer carries Access-Control-Allow-Origin for that
// origin only, so a page elsewhere cannot read it. (Substrate's RPC server applies CORS to HTTP
// only: a WebSocket handshake from any origin is accepted — measured; README "The portal".)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HTTP_URL } from '@cascade/api/testing';
import { PORTAL_PORT } from './harness.js';

async function askAs(origin) {
  const res = await fetch(HTTP_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'system_chain', params: [] }),
  });
  return { status: res.status, allowed: res.headers.get('access-control-allow-origin') };
}

test("the node's CORS allows exactly the portal's origin", async () => {
  const portal = await askAs(`http://127.0.0.1:${PORTAL_PORT}`);
  assert.equal(portal.status, 200);
  assert.equal(portal.allowed, `http://127.0.0.1:${PORTAL_PORT}`);
  for (const origin of ['http://evil.example', `http://127.0.0.1:${PORTAL_PORT + 1}`, `http://localhost:${PORTAL_PORT}`]) {
    const other = await askAs(origin);
    assert.equal(other.allowed, null, `${origin} may not read the answer`);
  }
});
