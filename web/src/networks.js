// Which chains this page signs for (issue 25, item 5). A page that connects to whatever node a
// link names (`?node=…`) would sign, for whoever opens the link, on a chain nobody checked: the
// portal refuses a node whose chain it was not built for, and says so.
//
// - A consortium network is named by its genesis hash, listed when the portal is built:
//   `VITE_CASCADE_GENESIS=0xabc…,0xdef… npm run build` (web/dist then serves only those).
// - A development chain (`cascade-node --dev`) is allowed on a node of this machine only
//   (localhost, 127.0.0.1, ::1): a dev chain elsewhere is somebody else's.
// Plain JavaScript, so the page and the tests (node --test) share it as it is.

/** The genesis hashes this build was made for (lower case). */
export const BUILT_FOR = (import.meta.env?.VITE_CASCADE_GENESIS ?? '')
  .split(',')
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Whether the page may use the node at `url`, whose chain has genesis hash `genesis` and is a
 * development chain or not.
 * @param {{ url: string, genesis: string, development: boolean, allowed: string[] }} chain
 * @returns {{ ok: true } | { ok: false, reason: 'devRemote' | 'unknownGenesis' }}
 */
export function networkVerdict({ url, genesis, development, allowed }) {
  if (allowed.includes(genesis.toLowerCase())) return { ok: true };
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    return { ok: false, reason: 'unknownGenesis' };
  }
  if (development) return LOCAL_HOSTS.has(host) ? { ok: true } : { ok: false, reason: 'devRemote' };
  return { ok: false, reason: 'unknownGenesis' };
}
