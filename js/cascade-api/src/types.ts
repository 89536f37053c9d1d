// What Cascade's RPC answers, as JSON: generated from the committed metadata's type registry
// (scripts/generate-types.mjs → generated/types.ts; scripts/build/metadata.sh refreshes both).
// Accounts are SS58 strings; balances and asset ids decimal strings; ids, counts, rates (parts
// per million a year) and times (ms since the epoch) numbers.
export * from './generated/types.js';
