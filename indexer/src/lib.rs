//! `cascade-indexer`: Cascade's history in a database.
//!
//! The chain answers what is true now; the people around it ask what happened. The indexer
//! follows the node's finalized blocks into SQLite (a file: the default) or PostgreSQL (a
//! `postgres://` URL; the same schema and the same tests), decoding each block's events with
//! that block's own runtime metadata, so it keeps going across runtime upgrades voted by the
//! council. The chain stays the source of truth: what the indexer writes of a note, a receivable,
//! an enterprise or a financing is what the node showed at the block that changed it.
//!
//! # Modules
//! - [`db`]: the connection and the versioned schema (`migrations/`).
//! - [`decode`]: events as JSON, with the metadata of their block.
//! - [`index`]: one block into the database, in one transaction.
//! - [`follow`]: finalized blocks in order, resuming where the database stops.
//! - [`api`]: the read-only HTTP JSON service.
//! - [`statement`]: an account's movements and positions between two times.
//! - [`check`]: the database reconciled with the chain, every difference named.

pub mod api;
pub mod check;
pub mod db;
pub mod decode;
pub mod follow;
pub mod index;
pub mod ladder;
pub mod statement;
