// @cascade/api: what every JavaScript caller of Cascade shares — the portal, its browser tests,
// the end-to-end suite and the load scripts. Browser-safe; Node-only helpers are in ./testing.
export { rpc, MAX_PAGE, type ListMethod } from './rpc.js';
export { connect, rawCall, type ConnectOptions } from './connect.js';
export * from './types.js';
export * from './read.js';
export * from './tx.js';
export { propose, asOperator, councilMembers, motions, closeMotion, type Motion } from './governance.js';
export { checkChar } from './identity.js';
