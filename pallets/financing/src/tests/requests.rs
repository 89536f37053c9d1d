use crate::{mock::*, pallet::*, FinancingKind, FinancingStatus};
use frame_support::{assert_noop, assert_ok};
use pallet_receivables::{NoteState, Notes};
use sp_runtime::Permill;

fn five_percent() -> Permill {
	Permill::from_parts(50_000)
}

#[test]
fn request_and_approve_executes_at_the_requested_rate() {
	build_and_execute(|| {
		let (_, note) = note_of_t1(OTHER_CORE, 720_000);
		assert_ok!(Financing::request(
			RuntimeOrigin::signed(T1),
			note,
			OTHER_BANK,
			FinancingKind::Pledge,
			five_percent()
		));
		System::assert_last_event(
			Event::<Test>::Requested {
				request: 0,
				note,
				holder: T1,
				financier: OTHER_BANK,
				kind: FinancingKind::Pledge,
				annual_rate: five_percent(),
			}
			.into(),
		);
		let t1 = cny(T1);
		assert_ok!(Financing::approve(RuntimeOrigin::signed(OTHER_BANK), 0));
		// 720,000 × 50,000 × 90 / 360,000,000 = 9,000 exactly.
		assert_eq!(cny(T1), t1 + 711_000);
		assert_eq!(Notes::<Test>::get(note).unwrap().state, NoteState::Pledged { financing: 0 });
		let f = Financings::<Test>::get(0).unwrap();
		assert_eq!(
			(f.program, f.status, f.annual_rate),
			(None, FinancingStatus::Open, five_percent())
		);
		System::assert_last_event(Event::<Test>::Approved { request: 0, financing: 0 }.into());
		assert!(Requests::<Test>::get(0).is_none());
	});
}

#[test]
fn request_errors() {
	build_and_execute(|| {
		let (_, note) = note_of_t1(CORE, 1_000);
		let req = |who, financier| {
			Financing::request(
				RuntimeOrigin::signed(who),
				note,
				financier,
				FinancingKind::Pledge,
				five_percent(),
			)
		};
		assert_noop!(req(T2, BANK), Error::<Test>::NotHolder);
		assert_noop!(req(T1, T2), Error::<Test>::NotFinancier);
		assert_noop!(req(T1, STRANGER), Error::<Test>::NotFinancier);
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), note, T2));
		assert_noop!(req(T1, BANK), Error::<Test>::NotePending);
	});
}

#[test]
fn approve_decline_withdraw_errors() {
	build_and_execute(|| {
		let (_, note) = note_of_t1(CORE, 1_000);
		assert_noop!(
			Financing::approve(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::UnknownRequest
		);
		assert_noop!(
			Financing::decline(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::UnknownRequest
		);
		assert_noop!(
			Financing::withdraw(RuntimeOrigin::signed(T1), 0),
			Error::<Test>::UnknownRequest
		);
		assert_ok!(Financing::request(
			RuntimeOrigin::signed(T1),
			note,
			BANK,
			FinancingKind::Factoring { recourse: true },
			five_percent()
		));
		assert_noop!(
			Financing::approve(RuntimeOrigin::signed(OTHER_BANK), 0),
			Error::<Test>::NotRequestFinancier
		);
		assert_noop!(
			Financing::decline(RuntimeOrigin::signed(T1), 0),
			Error::<Test>::NotRequestFinancier
		);
		assert_noop!(
			Financing::withdraw(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::NotRequestHolder
		);
		// The holder moved the note since: approval fails, nothing changes.
		pass(note, T1, T2);
		assert_noop!(Financing::approve(RuntimeOrigin::signed(BANK), 0), Error::<Test>::NotHolder);
		assert_ok!(Financing::decline(RuntimeOrigin::signed(BANK), 0));
		System::assert_last_event(Event::<Test>::Declined { request: 0 }.into());
		assert_ok!(Financing::request(
			RuntimeOrigin::signed(T2),
			note,
			BANK,
			FinancingKind::Pledge,
			five_percent()
		));
		assert_ok!(Financing::withdraw(RuntimeOrigin::signed(T2), 1));
		System::assert_last_event(Event::<Test>::Withdrawn { request: 1 }.into());
	});
}

// Issue 11, item 7 (requests): one waiting request per note and financier, at most
// MAX_REQUESTS waiting for one financier; each leaves with one call by either side.
#[test]
fn nobody_can_grow_a_financiers_requests_without_bound() {
	build_and_execute(|| {
		// T1 passes notes to T2, so two holders can ask OTHER_BANK.
		let mut notes = vec![];
		for i in 0..=MAX_REQUESTS {
			let note = note_of_t1(CORE, 1_000).1;
			if i % 2 == 1 {
				pass(note, T1, T2);
			}
			notes.push(note);
		}
		let req = |who, note| {
			Financing::request(
				RuntimeOrigin::signed(who),
				note,
				OTHER_BANK,
				FinancingKind::Pledge,
				five_percent(),
			)
		};
		assert_ok!(req(T1, notes[0]));
		assert_noop!(req(T1, notes[0]), Error::<Test>::DuplicateRequest);
		// Another financier may still be asked about the same note.
		assert_ok!(Financing::request(
			RuntimeOrigin::signed(T1),
			notes[0],
			BANK,
			FinancingKind::Pledge,
			five_percent()
		));
		// One holder at most MAX_REQUESTS_FROM (issue 25, item 7); two fill the bank.
		assert_ok!(req(T1, notes[2]));
		assert_noop!(req(T1, notes[4]), Error::<Test>::TooManyRequestsFrom);
		assert_ok!(req(T2, notes[1]));
		assert_ok!(req(T2, notes[3]));
		assert_eq!(RequestsWaiting::<Test>::get(OTHER_BANK), MAX_REQUESTS);
		assert_noop!(req(T1, notes[4]), Error::<Test>::TooManyRequests);
		// The financier declines one, the holder withdraws another: room for two.
		assert_ok!(Financing::decline(RuntimeOrigin::signed(OTHER_BANK), 0));
		assert_ok!(Financing::withdraw(RuntimeOrigin::signed(T1), 2));
		assert_eq!(RequestsWaiting::<Test>::get(OTHER_BANK), MAX_REQUESTS - 2);
		assert_ok!(req(T1, notes[4]));
		// A declined request may be made again.
		assert_ok!(req(T1, notes[0]));
	});
}

// Issue 25, item 7: a bank flooded by one holder declines everything that holder asked in one
// call; other holders' requests stay.
#[test]
fn decline_all_from_clears_one_holders_requests_in_one_call() {
	build_and_execute(|| {
		let a = note_of_t1(CORE, 1_000).1;
		let b = note_of_t1(CORE, 1_000).1;
		let c = note_of_t1(CORE, 1_000).1;
		pass(c, T1, T2);
		for (who, note) in [(T1, a), (T1, b), (T2, c)] {
			assert_ok!(Financing::request(
				RuntimeOrigin::signed(who),
				note,
				OTHER_BANK,
				FinancingKind::Pledge,
				five_percent()
			));
		}
		assert_noop!(
			Financing::decline_all_from(RuntimeOrigin::signed(OTHER_BANK), T3),
			Error::<Test>::NoRequestsFrom
		);
		assert_noop!(
			Financing::decline_all_from(RuntimeOrigin::signed(BANK), T1),
			Error::<Test>::NoRequestsFrom
		);
		assert_ok!(Financing::decline_all_from(RuntimeOrigin::signed(OTHER_BANK), T1));
		System::assert_last_event(
			Event::<Test>::DeclinedAllFrom { financier: OTHER_BANK, holder: T1, count: 2 }.into(),
		);
		assert_eq!(RequestsWaiting::<Test>::get(OTHER_BANK), 1, "T2's request stays");
		assert_eq!(RequestsFromCount::<Test>::get(OTHER_BANK, T1), 0);
		assert!(RequestOfNote::<Test>::get(a, OTHER_BANK).is_none());
		assert!(RequestOfNote::<Test>::get(c, OTHER_BANK).is_some());
	});
}

// Issue 25, item 7: after an upgrade from a chain without the per-holder index, the waiting
// requests are indexed from blocks' leftover weight.
#[test]
fn an_upgraded_chain_indexes_its_waiting_requests_by_holder() {
	use frame_support::{
		traits::{GetStorageVersion, Hooks, StorageVersion},
		weights::Weight,
	};
	build_and_execute(|| {
		let a = note_of_t1(CORE, 1_000).1;
		let b = note_of_t1(CORE, 1_000).1;
		for note in [a, b] {
			assert_ok!(Financing::request(
				RuntimeOrigin::signed(T1),
				note,
				OTHER_BANK,
				FinancingKind::Pledge,
				five_percent()
			));
		}
		// As before the index existed.
		let _ = RequestsFrom::<Test>::clear(u32::MAX, None);
		let _ = RequestsFromCount::<Test>::clear(u32::MAX, None);
		StorageVersion::new(1).put::<Financing>();
		Financing::on_runtime_upgrade();
		assert_eq!(Financing::on_chain_storage_version(), 2);
		assert_eq!(RequestsFromBackfill::<Test>::get(), Some((0, 2)));
		check_invariants();
		Financing::on_idle(2, Weight::MAX);
		assert!(RequestsFromBackfill::<Test>::get().is_none());
		assert_eq!(RequestsFromCount::<Test>::get(OTHER_BANK, T1), 2);
		check_invariants();
		assert_ok!(Financing::decline_all_from(RuntimeOrigin::signed(OTHER_BANK), T1));
		assert_eq!(RequestsWaiting::<Test>::get(OTHER_BANK), 0);
	});
}
