//! One file per pallet's configuration.

mod assets;
mod aura;
mod balances;
pub mod council;
mod enterprises;
mod financing;
mod grandpa;
mod multisig;
pub mod paritydb_weights;
mod receivables;
mod session;
mod system;
mod timestamp;
mod transaction_payment;
mod tx_pause;

pub use council::{CouncilCollective, CouncilSupermajority};
pub use system::{RuntimeBlockLength, RuntimeBlockWeights};
pub use tx_pause::Unpausable;
