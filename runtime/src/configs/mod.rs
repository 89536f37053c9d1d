//! One file per pallet's configuration.

mod assets;
mod aura;
mod balances;
mod enterprises;
mod financing;
mod grandpa;
mod receivables;
mod sudo;
mod system;
mod timestamp;
mod transaction_payment;

pub use system::{RuntimeBlockLength, RuntimeBlockWeights};
