use crate::{AssetId, Assets, Balance, Enterprises, Financing, Runtime, Timestamp, YUAN};
use cascade_primitives::MILLIS_PER_DAY;
use frame_support::{parameter_types, traits::ConstU32, PalletId};

parameter_types! {
	/// Seeds each receivable's escrow account.
	pub const ReceivablesPalletId: PalletId = PalletId(*b"cscd/rcv");
	/// One year.
	pub const DefaultMaxTenor: u64 = 365 * MILLIS_PER_DAY;
	/// Three days.
	pub const DefaultGracePeriod: u64 = 3 * MILLIS_PER_DAY;
	/// 1.00 CNY.
	pub const DefaultMinNoteAmount: Balance = YUAN;
}

impl pallet_receivables::Config for Runtime {
	type OperatorOrigin = super::council::CouncilSupermajority;
	type AssetId = AssetId;
	type Balance = Balance;
	type Assets = Assets;
	type Enterprises = Enterprises;
	type Lines = Enterprises;
	// Financing closes financings at redemption and has pledgees paid first.
	type RedeemHook = Financing;
	type Claims = Financing;
	type Feeless = Enterprises;
	type Time = Timestamp;
	type PalletId = ReceivablesPalletId;
	type MaxSplit = ConstU32<16>;
	// Clearing pays at most this many notes a block out of the weight left over; a cap keeps a
	// block's events and proof size reasonable whatever the weights. With storage priced for
	// ParityDB the cap binds first: a note costs ~0.49 ms, so a block pays ~1,850 (in chunks of
	// MaxSettleNotes) with 0.9 s of its 2 s, leaving room for transactions (README "Maturity day").
	type MaxClearPerBlock = ConstU32<2_000>;
	// Due receivables take turns of at most 100 notes (one `settle`'s worth): with k due, each is
	// paid at least 1/k of what a block clears, so none holds up the others (README "Clearing").
	type ClearTurn = ConstU32<100>;
	// One `settle` visits at most this many notes (its weight is charged up front).
	type MaxSettleNotes = ConstU32<100>;
	// A note deepens by one each time its holder splits it or pays part of it on; a tier-1
	// supplier paying its own suppliers from one note a hundred times a quarter reaches depth 100.
	// A thousand levels is far beyond real payment chains, keeps every call's cost flat (the
	// benchmarks cover depths 0 … 999), and bounds a lineage read to 1,001 notes — one page.
	type MaxDepth = ConstU32<1_000>;
	// Offers waiting for one enterprise's 签收: far above a month's payments from its
	// customers, low enough that nobody can grow its storage without bound.
	type MaxPendingOffers = ConstU32<1024>;
	// Offers from any one sender waiting for one enterprise: a busy customer's month of
	// payments, a sixteenth of the total, so no one sender fills an account's offers, and
	// `reject_all_from` clears one sender's in one bounded call.
	type MaxOffersPerSender = ConstU32<64>;
	type MaxInvoiceRefLength = ConstU32<64>;
	type DefaultMaxTenor = DefaultMaxTenor;
	type DefaultGracePeriod = DefaultGracePeriod;
	type DefaultMinNoteAmount = DefaultMinNoteAmount;
	type WeightInfo = pallet_receivables::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::CascadeBenchmarkHelper;
}
