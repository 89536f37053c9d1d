// Cascade's custom JSON-RPC methods, for `ApiPromise.create({ rpc })`.
// Filled in as the receivables RPC lands; empty definitions are harmless.
export const rpc = {};
export default rpc;
