// @cascade/api/testing: for Node only — the dev chain's keys and node, node launchers for fault
// and network tests, many transactions at once, and the chain's own clearing watched.
export * from './dev.js';
export * from './nodes.js';
export { pipeline, partsOf, MAX_SPLIT } from './pipeline.js';
export { waitUntilSettled, clearedEvents } from './clearing.js';
/** A plain WebSocket client (the load scripts open many connections of their own). */
export { WebSocket } from 'ws';
