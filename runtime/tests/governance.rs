//! Governance on the real runtime: no single key does the Operator's work or reaches Root; a
//! council supermajority does; the council's seats change only by the council; the emergency
//! brake stops calls but never the council.
//!
//! `local_testnet`'s council is Alice, Bob and Ferdie: two of three carry a motion.

use cascade_runtime::{
	configs::CouncilCollective, genesis_config_presets::demo, AccountId, Council, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeOrigin, System,
};
use codec::Encode;
use common::{check_invariants, ext_from_preset, GENESIS_TIME};
use frame_support::{
	assert_noop, assert_ok, dispatch::GetDispatchInfo, traits::UnfilteredDispatchable,
};
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::{BlakeTwo256, Dispatchable, Hash},
	DispatchError, DispatchResult,
};

mod common;

fn alice() -> AccountId {
	Sr25519Keyring::Alice.to_account_id()
}
fn bob() -> AccountId {
	Sr25519Keyring::Bob.to_account_id()
}
fn ferdie() -> AccountId {
	Sr25519Keyring::Ferdie.to_account_id()
}
fn eve() -> AccountId {
	Sr25519Keyring::Eve.to_account_id()
}
/// An account the demo world does not know.
fn newcomer() -> AccountId {
	AccountId::from([42u8; 32])
}

/// A council motion: `ayes[0]` proposes `call` with threshold `ayes.len()`, every one of `ayes`
/// (the proposer too: proposing is not voting) votes aye, the proposer closes it. Returns what the carried call's dispatch returned (the `Executed`
/// event), or the error of proposing, voting or closing.
fn motion(call: RuntimeCall, ayes: &[AccountId]) -> DispatchResult {
	let length = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash = BlakeTwo256::hash_of(&call);
	let threshold = ayes.len() as u32;
	System::reset_events();
	Council::propose(RuntimeOrigin::signed(ayes[0].clone()), threshold, Box::new(call), length)
		.map_err(|e| e.error)?;
	if threshold > 1 {
		let index = pallet_collective::ProposalCount::<Runtime, CouncilCollective>::get() - 1;
		for voter in ayes {
			Council::vote(RuntimeOrigin::signed(voter.clone()), hash, index, true)
				.map_err(|e| e.error)?;
		}
		Council::close(RuntimeOrigin::signed(ayes[0].clone()), hash, index, weight, length)
			.map_err(|e| e.error)?;
	}
	System::events()
		.into_iter()
		.find_map(|r| match r.event {
			RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => {
				Some(result)
			}
			_ => None,
		})
		.expect("a carried motion executes")
}

/// Every Operator and Root power, as a call. Adding a council member comes last: it changes how
/// many ayes carry the motions after it.
fn powers() -> Vec<(&'static str, RuntimeCall)> {
	let code = pallet_enterprises::credit_code::numbered(4242);
	vec![
		(
			"register an enterprise",
			RuntimeCall::Enterprises(pallet_enterprises::Call::register {
				who: newcomer(),
				name: b"Governed Co.".to_vec().try_into().unwrap(),
				credit_code: code,
				roles: cascade_primitives::Roles { core: true, supplier: false, financier: false },
			}),
		),
		(
			"suspend an enterprise",
			RuntimeCall::Enterprises(pallet_enterprises::Call::suspend { who: demo::core() }),
		),
		(
			"create a settlement asset",
			RuntimeCall::Enterprises(pallet_enterprises::Call::create_settlement_asset {
				asset: 7,
				min_balance: 1,
			}),
		),
		(
			"mint settlement money",
			RuntimeCall::Enterprises(pallet_enterprises::Call::mint_settlement {
				asset: cascade_runtime::CNY,
				beneficiary: alice(),
				amount: 1,
			}),
		),
		(
			"set parameters",
			RuntimeCall::Receivables(pallet_receivables::Call::set_parameters {
				max_tenor: 30 * cascade_runtime::MILLIS_PER_DAY,
				grace_period: cascade_runtime::MILLIS_PER_DAY,
				min_note_amount: 1,
			}),
		),
		(
			"remove a validator",
			RuntimeCall::Validators(pallet_validators::Call::remove_validator { who: alice() }),
		),
		(
			"pause a call",
			RuntimeCall::TxPause(pallet_tx_pause::Call::pause {
				full_name: call_name(b"Receivables", b"issue"),
			}),
		),
		(
			"authorize a runtime upgrade",
			RuntimeCall::CouncilRoot(pallet_council_root::Call::dispatch_as_root {
				call: Box::new(RuntimeCall::System(frame_system::Call::authorize_upgrade {
					code_hash: H256::repeat_byte(1),
				})),
			}),
		),
		(
			"add a council member",
			RuntimeCall::CouncilMembership(pallet_membership::Call::add_member {
				who: eve().into(),
			}),
		),
	]
}

fn call_name(pallet: &[u8], call: &[u8]) -> pallet_tx_pause::RuntimeCallNameOf<Runtime> {
	(pallet.to_vec().try_into().unwrap(), call.to_vec().try_into().unwrap())
}

/// The storage root, to show a refused call changed nothing.
fn state() -> Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}

#[test]
fn no_signed_account_does_the_operators_work() {
	ext_from_preset("local_testnet").execute_with(|| {
		for (what, call) in powers() {
			for who in [alice(), bob(), ferdie(), eve()] {
				let before = state();
				let result = call.clone().dispatch(RuntimeOrigin::signed(who));
				assert_eq!(
					result.map_err(|e| e.error),
					Err(DispatchError::BadOrigin),
					"a signed account could {what}"
				);
				assert_eq!(state(), before, "a refused {what} changed storage");
			}
		}
	});
}

#[test]
fn one_member_of_three_cannot_carry_a_motion() {
	ext_from_preset("local_testnet").execute_with(|| {
		for (what, call) in powers() {
			for member in [alice(), bob(), ferdie()] {
				// Threshold 1 executes at once, with the origin "1 of 3": not enough.
				assert_eq!(
					motion(call.clone(), &[member]),
					Err(DispatchError::BadOrigin),
					"one member could {what}"
				);
			}
		}
		assert!(frame_system::Pallet::<Runtime>::authorized_upgrade().is_none());
		assert!(!pallet_enterprises::Enterprises::<Runtime>::contains_key(newcomer()));
	});
}

#[test]
fn two_members_of_three_carry_every_power() {
	ext_from_preset("local_testnet").execute_with(|| {
		for (what, call) in powers() {
			assert_eq!(motion(call, &[alice(), bob()]), Ok(()), "two of three could not {what}");
		}
		assert!(pallet_enterprises::Enterprises::<Runtime>::contains_key(newcomer()));
		assert_eq!(
			frame_system::Pallet::<Runtime>::authorized_upgrade().map(|a| *a.code_hash()),
			Some(H256::repeat_byte(1))
		);
		assert!(pallet_collective::Members::<Runtime, CouncilCollective>::get().contains(&eve()));
		assert!(!pallet_validators::Validators::<Runtime>::get().contains(&alice()));
		check_invariants();
	});
}

#[test]
fn a_motion_needs_a_member_to_propose_and_to_vote() {
	ext_from_preset("local_testnet").execute_with(|| {
		let (_, call) = powers().remove(0);
		assert_noop!(
			Council::propose(RuntimeOrigin::signed(eve()), 1, Box::new(call.clone()), 1_000),
			pallet_collective::Error::<Runtime, CouncilCollective>::NotMember
		);
		// Bob's aye plus a stranger's cannot carry it.
		assert_eq!(
			motion(call, &[bob(), eve()]),
			Err(pallet_collective::Error::<Runtime, CouncilCollective>::NotMember.into())
		);
	});
}

#[test]
fn the_council_changes_only_through_its_membership_and_by_vote() {
	ext_from_preset("local_testnet").execute_with(|| {
		// Not even Root sets the council's members directly: only the membership pallet does.
		assert_noop!(
			Council::set_members(RuntimeOrigin::root(), vec![alice()], None, 3),
			DispatchError::BadOrigin
		);
		assert_noop!(
			pallet_membership::Pallet::<Runtime, CouncilCollective>::remove_member(
				RuntimeOrigin::signed(alice()),
				bob().into()
			),
			DispatchError::BadOrigin
		);
		let remove_bob = RuntimeCall::CouncilMembership(pallet_membership::Call::remove_member {
			who: bob().into(),
		});
		assert_eq!(motion(remove_bob.clone(), &[alice()]), Err(DispatchError::BadOrigin));
		assert_eq!(motion(remove_bob, &[alice(), ferdie()]), Ok(()));
		assert_eq!(pallet_collective::Members::<Runtime, CouncilCollective>::get(), {
			let mut m = vec![alice(), ferdie()];
			m.sort();
			m
		});
		// Bob is no longer a member: his vote does not count.
		let (_, call) = powers().remove(0);
		assert_eq!(
			motion(call, &[alice(), bob()]),
			Err(pallet_collective::Error::<Runtime, CouncilCollective>::NotMember.into())
		);
	});
}

#[test]
fn on_the_dev_chain_alice_alone_is_the_operator() {
	ext_from_preset("development").execute_with(|| {
		for (what, call) in powers() {
			if what == "remove a validator" {
				// The dev chain's single validator stays.
				assert_eq!(
					motion(call, &[alice()]),
					Err(pallet_validators::Error::<Runtime>::TooFewValidators.into())
				);
				continue;
			}
			assert_eq!(motion(call, &[alice()]), Ok(()), "Alice could not {what}");
		}
		// Bob is no council member on the dev chain.
		let (_, call) = powers().remove(0);
		assert_noop!(
			Council::propose(RuntimeOrigin::signed(bob()), 1, Box::new(call), 1_000),
			pallet_collective::Error::<Runtime, CouncilCollective>::NotMember
		);
	});
}

fn issue_call(invoice: &[u8]) -> RuntimeCall {
	RuntimeCall::Receivables(pallet_receivables::Call::issue {
		supplier: demo::suppliers()[0].clone(),
		asset: cascade_runtime::CNY,
		face: 1_000 * cascade_runtime::YUAN,
		maturity: GENESIS_TIME + 30 * cascade_runtime::MILLIS_PER_DAY,
		credit_line: 0,
		doc_hash: H256::repeat_byte(3),
		invoice_ref: invoice.to_vec().try_into().unwrap(),
	})
}

#[test]
fn a_paused_call_is_refused_until_the_council_resumes_it() {
	ext_from_preset("local_testnet").execute_with(|| {
		let pause = RuntimeCall::TxPause(pallet_tx_pause::Call::pause {
			full_name: call_name(b"Receivables", b"issue"),
		});
		assert_eq!(motion(pause, &[alice(), ferdie()]), Ok(()));

		let before = state();
		assert_eq!(
			issue_call(b"INV-1").dispatch(RuntimeOrigin::signed(demo::core())).map_err(|e| e.error),
			Err(frame_system::Error::<Runtime>::CallFiltered.into())
		);
		assert_eq!(state(), before);
		// Other calls go on: the brake is per call (this one runs, and fails on its own terms).
		assert_eq!(
			RuntimeCall::Receivables(pallet_receivables::Call::mark_overdue { receivable: 0 })
				.dispatch(RuntimeOrigin::signed(demo::core()))
				.map_err(|e| e.error),
			Err(pallet_receivables::Error::<Runtime>::UnknownReceivable.into())
		);

		// The council still votes while the brake is on, and resumes the call.
		let unpause = RuntimeCall::TxPause(pallet_tx_pause::Call::unpause {
			ident: call_name(b"Receivables", b"issue"),
		});
		assert_eq!(motion(unpause, &[bob(), ferdie()]), Ok(()));
		assert_ok!(issue_call(b"INV-1").dispatch(RuntimeOrigin::signed(demo::core())));
		check_invariants();
	});
}

#[test]
fn governance_cannot_be_paused() {
	ext_from_preset("local_testnet").execute_with(|| {
		for (pallet, call) in [
			(&b"Council"[..], &b"propose"[..]),
			(b"Council", b"vote"),
			(b"Council", b"close"),
			(b"CouncilMembership", b"add_member"),
			(b"CouncilRoot", b"dispatch_as_root"),
			(b"TxPause", b"unpause"),
			(b"Validators", b"add_validator"),
			(b"Multisig", b"as_multi"),
			(b"Timestamp", b"set"),
		] {
			let pause = RuntimeCall::TxPause(pallet_tx_pause::Call::pause {
				full_name: call_name(pallet, call),
			});
			assert_eq!(
				motion(pause, &[alice(), bob()]),
				Err(pallet_tx_pause::Error::<Runtime>::Unpausable.into()),
				"{} {} could be paused",
				String::from_utf8_lossy(pallet),
				String::from_utf8_lossy(call)
			);
		}
	});
}

#[test]
fn root_is_reached_only_through_council_root() {
	ext_from_preset("local_testnet").execute_with(|| {
		let authorize = RuntimeCall::System(frame_system::Call::authorize_upgrade {
			code_hash: H256::repeat_byte(2),
		});
		// A carried motion's own origin is not Root.
		assert_eq!(motion(authorize.clone(), &[alice(), bob()]), Err(DispatchError::BadOrigin));
		// Through CouncilRoot it is; and Root itself passes the brake's filter.
		let as_root = RuntimeCall::CouncilRoot(pallet_council_root::Call::dispatch_as_root {
			call: Box::new(authorize),
		});
		assert_ok!(as_root.clone().dispatch_bypass_filter(common::council_origin(2, 3)));
		assert_eq!(
			frame_system::Pallet::<Runtime>::authorized_upgrade().map(|a| *a.code_hash()),
			Some(H256::repeat_byte(2))
		);
		// One member's origin does not reach it.
		assert_eq!(
			as_root.dispatch_bypass_filter(common::council_origin(1, 3)).map_err(|e| e.error),
			Err(DispatchError::BadOrigin)
		);
	});
}

/// A motion to authorize a runtime upgrade (to Root through `CouncilRoot`), with its hash, length
/// and weight.
fn upgrade_motion(code: u8) -> (RuntimeCall, H256, u32, frame_support::weights::Weight) {
	let call = RuntimeCall::CouncilRoot(pallet_council_root::Call::dispatch_as_root {
		call: Box::new(RuntimeCall::System(frame_system::Call::authorize_upgrade {
			code_hash: H256::repeat_byte(code),
		})),
	});
	let hash = BlakeTwo256::hash_of(&call);
	let (length, weight) = (call.encoded_size() as u32, call.get_dispatch_info().call_weight);
	(call, hash, length, weight)
}

fn council_events() -> Vec<pallet_collective::Event<Runtime, CouncilCollective>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Council(e) => Some(e),
			_ => None,
		})
		.collect()
}

// Issue 25, item 4: abstentions count as nay whatever the prime does. With the SDK's
// `PrimeDefaultVote` the prime's aye carried the two silent members with it at close.
#[test]
fn silence_never_votes_even_with_a_prime() {
	ext_from_preset("local_testnet").execute_with(|| {
		assert_ok!(pallet_membership::Pallet::<Runtime, CouncilCollective>::set_prime(
			common::council_origin(2, 3),
			alice().into()
		));
		assert_eq!(pallet_collective::Prime::<Runtime, CouncilCollective>::get(), Some(alice()));
		let (call, hash, length, weight) = upgrade_motion(7);
		assert_ok!(Council::propose(RuntimeOrigin::signed(alice()), 2, Box::new(call), length));
		let index = pallet_collective::ProposalCount::<Runtime, CouncilCollective>::get() - 1;
		assert_ok!(Council::vote(RuntimeOrigin::signed(alice()), hash, index, true));
		// Bob and Ferdie stay silent for the motion's whole duration.
		System::set_block_number(
			System::block_number()
				+ cascade_runtime::configs::council::CouncilMotionDuration::get(),
		);
		System::reset_events();
		assert_ok!(Council::close(RuntimeOrigin::signed(bob()), hash, index, weight, length));
		let events = council_events();
		assert!(
			events
				.iter()
				.any(|e| matches!(e, pallet_collective::Event::Closed { yes: 1, no: 2, .. })),
			"the silent members count as nay: {events:?}"
		);
		assert!(events.contains(&pallet_collective::Event::Disapproved { proposal_hash: hash }));
		assert!(
			!events.iter().any(|e| matches!(e, pallet_collective::Event::Executed { .. })),
			"the motion was not executed"
		);
		assert!(frame_system::Pallet::<Runtime>::authorized_upgrade().is_none());
	});
}

// Issue 25, item 4: one member cannot jam the council. A member with MAX_OPEN_MOTIONS open
// motions is refused another; the others still propose; once one of its motions closes it may
// propose again.
#[test]
fn a_member_at_its_motion_limit_is_refused_and_the_others_still_propose() {
	use cascade_runtime::configs::council::MAX_OPEN_MOTIONS;
	ext_from_preset("local_testnet").execute_with(|| {
		let mut open = Vec::new();
		for code in 0..MAX_OPEN_MOTIONS as u8 {
			let (call, hash, length, weight) = upgrade_motion(code);
			let index = pallet_collective::ProposalCount::<Runtime, CouncilCollective>::get();
			assert_ok!(Council::propose(RuntimeOrigin::signed(bob()), 2, Box::new(call), length));
			open.push((hash, index, length, weight));
		}
		let (call, _, length, _) = upgrade_motion(100);
		assert_noop!(
			Council::propose(RuntimeOrigin::signed(bob()), 2, Box::new(call.clone()), length),
			pallet_council_root::Error::<Runtime>::TooManyOpenMotions
		);
		// Alice is not held back by Bob.
		assert_ok!(Council::propose(RuntimeOrigin::signed(alice()), 2, Box::new(call), length));
		// One of Bob's motions is voted down and closed: Bob may propose again.
		let (hash, index, length, weight) = open[0];
		for member in [alice(), ferdie()] {
			assert_ok!(Council::vote(RuntimeOrigin::signed(member), hash, index, false));
		}
		assert_ok!(Council::close(RuntimeOrigin::signed(bob()), hash, index, weight, length));
		let (call, _, length, _) = upgrade_motion(101);
		assert_ok!(Council::propose(RuntimeOrigin::signed(bob()), 2, Box::new(call), length));
		assert_eq!(
			pallet_council_root::OpenMotions::<Runtime>::get(bob()).len() as u32,
			MAX_OPEN_MOTIONS
		);
	});
}

// Issue 25, item 4: a member closes one motion and proposes the next in one transaction
// (pallet-utility), and a batch's calls pass the same call filter as calls sent alone.
#[test]
fn a_member_closes_and_proposes_in_one_batch_and_batches_are_filtered() {
	ext_from_preset("local_testnet").execute_with(|| {
		let (first, hash, length, weight) = upgrade_motion(1);
		assert_ok!(Council::propose(RuntimeOrigin::signed(alice()), 2, Box::new(first), length));
		let index = pallet_collective::ProposalCount::<Runtime, CouncilCollective>::get() - 1;
		for member in [alice(), bob()] {
			assert_ok!(Council::vote(RuntimeOrigin::signed(member), hash, index, true));
		}
		let (next, next_hash, next_length, _) = upgrade_motion(2);
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![
				RuntimeCall::Council(pallet_collective::Call::close {
					proposal_hash: hash,
					index,
					proposal_weight_bound: weight,
					length_bound: length,
				}),
				RuntimeCall::Council(pallet_collective::Call::propose {
					threshold: 2,
					proposal: Box::new(next),
					length_bound: next_length,
				}),
			],
		});
		assert_ok!(batch.dispatch(RuntimeOrigin::signed(alice())));
		assert_eq!(
			frame_system::Pallet::<Runtime>::authorized_upgrade().map(|a| *a.code_hash()),
			Some(H256::repeat_byte(1))
		);
		assert!(pallet_collective::ProposalOf::<Runtime, CouncilCollective>::contains_key(
			next_hash
		));

		// The council pauses `issue`: inside a batch it is refused just the same.
		assert_eq!(
			motion(
				RuntimeCall::TxPause(pallet_tx_pause::Call::pause {
					full_name: call_name(b"Receivables", b"issue"),
				}),
				&[alice(), bob()]
			),
			Ok(())
		);
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![issue_call(b"IN-A-BATCH")],
		});
		let refused = batch.dispatch(RuntimeOrigin::signed(demo::core())).unwrap_err().error;
		assert_eq!(refused, frame_system::Error::<Runtime>::CallFiltered.into());
	});
}
