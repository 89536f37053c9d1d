use super::RuntimeBlockWeights;
use crate::{AccountId, BlockNumber, Council, Runtime, RuntimeCall, RuntimeOrigin, DAYS};
use frame_support::{
	parameter_types,
	traits::{ConstU32, NeverEnsureOrigin},
	weights::Weight,
};

/// The council's collective (`Council`) and its seats (`CouncilMembership`) share this instance.
pub type CouncilCollective = pallet_collective::Instance1;

/// A council motion carried by at least two thirds of the members: the consortium's Operator.
/// On the dev chain's council of one, Alice's motion with threshold 1 is carried at once.
pub type CouncilSupermajority =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>;

/// Members of a consortium council: banks, core enterprises, the operator; 32 seats at most.
pub const MAX_COUNCIL_MEMBERS: u32 = 32;

/// The most motions one member may have open at once: with 100 motions in all, no one member
/// fills the council's list.
pub const MAX_OPEN_MOTIONS: u32 = 10;

parameter_types! {
	/// A motion not carried within three days lapses (anyone may close it then).
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	/// A motion may dispatch up to half a block: a runtime upgrade is authorized by hash, so no
	/// governance call is heavier than that.
	pub MaxCouncilProposalWeight: Weight =
		RuntimeBlockWeights::get().max_block.saturating_div(2);
}

/// Silence never votes: when a motion is closed after `MotionDuration`, the members who did not
/// vote count as "nay", whatever the prime voted (the SDK's `PrimeDefaultVote` would count them
/// as the prime's vote, so a prime alone could carry a motion to Root while the others are away).
pub struct AbstentionsAreNays;
impl pallet_collective::DefaultVote for AbstentionsAreNays {
	fn default_vote(
		_prime_vote: Option<bool>,
		_yes_votes: pallet_collective::MemberCount,
		_no_votes: pallet_collective::MemberCount,
		_len: pallet_collective::MemberCount,
	) -> bool {
		false
	}
}

/// The collective's motions, as `pallet_council_root` counts them per member.
pub struct CouncilMotions;
impl pallet_council_root::Motions<crate::Hash> for CouncilMotions {
	fn is_open(hash: &crate::Hash) -> bool {
		pallet_collective::ProposalOf::<Runtime, CouncilCollective>::contains_key(hash)
	}
	fn newest() -> Option<crate::Hash> {
		pallet_collective::Proposals::<Runtime, CouncilCollective>::get().last().copied()
	}
}

/// The Council: members propose, vote and close motions; a carried motion dispatches its call
/// with the council's origin. Members who do not vote count as "nay" (no prime decides for
/// them), and each member has at most `MAX_OPEN_MOTIONS` motions open at once. Seats change
/// only through `CouncilMembership`, never by `set_members`.
impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = crate::RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = ConstU32<100>;
	type MaxMembers = ConstU32<MAX_COUNCIL_MEMBERS>;
	type DefaultVote = AbstentionsAreNays;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	type SetMembersOrigin = NeverEnsureOrigin<()>;
	type MaxProposalWeight = MaxCouncilProposalWeight;
	type DisapproveOrigin = CouncilSupermajority;
	type KillOrigin = CouncilSupermajority;
	type Consideration = pallet_council_root::MotionTicket<Runtime>;
}

/// The council's seats: added, removed, swapped, reset and given a prime only by a council
/// supermajority.
impl pallet_membership::Config<CouncilCollective> for Runtime {
	type RuntimeEvent = crate::RuntimeEvent;
	type AddOrigin = CouncilSupermajority;
	type RemoveOrigin = CouncilSupermajority;
	type SwapOrigin = CouncilSupermajority;
	type ResetOrigin = CouncilSupermajority;
	type PrimeOrigin = CouncilSupermajority;
	type MembershipInitialized = Council;
	type MembershipChanged = Council;
	type MaxMembers = ConstU32<MAX_COUNCIL_MEMBERS>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

/// The council's one way to Root (see `pallet_council_root`).
impl pallet_council_root::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RootOrigin = CouncilSupermajority;
	type WeightInfo = pallet_council_root::weights::SubstrateWeight<Runtime>;
	type Motions = CouncilMotions;
	type MaxOpenMotions = ConstU32<MAX_OPEN_MOTIONS>;
}
