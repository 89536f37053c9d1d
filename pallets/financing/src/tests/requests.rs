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
		let mut notes = vec![];
		for _ in 0..=MAX_REQUESTS {
			notes.push(note_of_t1(CORE, 1_000).1);
		}
		let req = |note| {
			Financing::request(
				RuntimeOrigin::signed(T1),
				note,
				OTHER_BANK,
				FinancingKind::Pledge,
				five_percent(),
			)
		};
		assert_ok!(req(notes[0]));
		assert_noop!(req(notes[0]), Error::<Test>::DuplicateRequest);
		// Another financier may still be asked about the same note.
		assert_ok!(Financing::request(
			RuntimeOrigin::signed(T1),
			notes[0],
			BANK,
			FinancingKind::Pledge,
			five_percent()
		));
		for note in &notes[1..MAX_REQUESTS as usize] {
			assert_ok!(req(*note));
		}
		assert_eq!(RequestsWaiting::<Test>::get(OTHER_BANK), MAX_REQUESTS);
		assert_noop!(req(notes[MAX_REQUESTS as usize]), Error::<Test>::TooManyRequests);
		// The financier declines one, the holder withdraws another: room for two.
		assert_ok!(Financing::decline(RuntimeOrigin::signed(OTHER_BANK), 0));
		assert_ok!(Financing::withdraw(RuntimeOrigin::signed(T1), 2));
		assert_eq!(RequestsWaiting::<Test>::get(OTHER_BANK), MAX_REQUESTS - 2);
		assert_ok!(req(notes[MAX_REQUESTS as usize]));
		// A declined request may be made again.
		assert_ok!(req(notes[0]));
	});
}
