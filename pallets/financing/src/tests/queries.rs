//! The per-account lists — programs, financings, requests, claims — a page at a time from their
//! indexes: every page to the end with nothing missed or repeated, an empty list, cursors of
//! other lists refused, limits clamped; and the indexes built for a chain upgraded from a
//! runtime without them.

use crate::{mock::*, pallet::*, FinancingKind};
use cascade_primitives::paging::{Page, PageError, PageRequest, MAX_PAGE};
use frame_support::{
	assert_ok,
	traits::{GetStorageVersion, Hooks, StorageVersion},
	weights::Weight,
};

const FACTORING: FinancingKind = FinancingKind::Factoring { recourse: true };

/// What names an item of a list: its id (a claim's: its financing's).
trait Id {
	fn id(&self) -> u64;
}
impl Id for crate::ProgramInfoOf<Test> {
	fn id(&self) -> u64 {
		self.id
	}
}
impl Id for crate::FinancingInfoOf<Test> {
	fn id(&self) -> u64 {
		self.id
	}
}
impl Id for crate::RequestInfoOf<Test> {
	fn id(&self) -> u64 {
		self.id
	}
}
impl Id for crate::ClaimInfoOf<Test> {
	fn id(&self) -> u64 {
		self.financing
	}
}

/// Every id of a list read `limit` at a time, checking each page's size.
fn read_all<V: Id>(
	limit: u32,
	read: impl Fn(&PageRequest) -> Result<Page<V>, PageError>,
) -> Vec<u64> {
	let mut ids = Vec::new();
	let mut request = PageRequest::first(limit);
	loop {
		let page = read(&request).expect("a page");
		assert!(page.items.len() as u32 <= limit.min(MAX_PAGE), "a page holds at most its limit");
		if page.next.is_some() {
			assert_eq!(page.items.len() as u32, limit.min(MAX_PAGE), "only the last page is short");
		}
		ids.extend(page.items.iter().map(Id::id));
		match page.next {
			Some(cursor) => request = PageRequest { cursor: Some(cursor), limit },
			None => return ids,
		}
	}
}

fn sorted(mut ids: Vec<u64>) -> Vec<u64> {
	ids.sort_unstable();
	ids
}

fn open_programs(n: u32) {
	for _ in 0..n {
		assert_ok!(Financing::open_program(
			RuntimeOrigin::signed(BANK),
			CORE,
			CNY,
			rate(),
			1_000,
			MATURITY
		));
	}
}

#[test]
fn programs_come_in_pages_to_the_end() {
	build_and_execute(|| {
		open_programs(22); // with the genesis program: 23
		for limit in [1, 5, 22, 23, 24, 1_000] {
			let ids = read_all(limit, |p| Financing::programs_of(&BANK, p));
			assert_eq!(ids.len(), 23, "limit {limit}: every program");
			assert_eq!(sorted(ids), (0..23).collect::<Vec<_>>(), "none missed or repeated");
		}
		let page = Financing::programs_of(&OTHER_BANK, &PageRequest::first(10)).unwrap();
		assert_eq!(page, Page { items: vec![], next: None }, "an empty list is one empty page");
		assert_eq!(
			Financing::programs_of(&BANK, &PageRequest::first(0)),
			Err(PageError::ZeroLimit)
		);
	});
}

#[test]
fn a_limit_above_the_maximum_is_clamped() {
	build_and_execute(|| {
		open_programs(MAX_PAGE); // 1,001 with the genesis program
		let first = Financing::programs_of(&BANK, &PageRequest::first(u32::MAX)).unwrap();
		assert_eq!(first.items.len() as u32, MAX_PAGE);
		let rest = Financing::programs_of(&BANK, &PageRequest { cursor: first.next, limit: 5_000 })
			.unwrap();
		assert_eq!(rest.items.len(), 1);
		assert_eq!(rest.next, None);
	});
}

#[test]
fn cursors_of_other_lists_are_refused() {
	build_and_execute(|| {
		open_programs(3);
		let (_, note) = note_of_t1(CORE, 10_000);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, FACTORING));
		let bank_programs = Financing::programs_of(&BANK, &PageRequest::first(1)).unwrap().next;
		assert!(bank_programs.is_some());
		let foreign = PageRequest { cursor: bank_programs.clone(), limit: 1 };
		// Another financier's programs, and other kinds of list of the same account.
		assert_eq!(Financing::programs_of(&OTHER_BANK, &foreign), Err(PageError::ForeignCursor));
		assert_eq!(Financing::financings_of(&BANK, &foreign), Err(PageError::ForeignCursor));
		assert_eq!(Financing::requests_of(&BANK, &foreign), Err(PageError::ForeignCursor));
		assert_eq!(Financing::claims_of(&BANK, &foreign), Err(PageError::ForeignCursor));
		let junk = PageRequest {
			cursor: Some(cascade_primitives::paging::Cursor(vec![9, 9].try_into().unwrap())),
			limit: 1,
		};
		assert_eq!(Financing::programs_of(&BANK, &junk), Err(PageError::MalformedCursor));
	});
}

#[test]
fn financings_are_listed_for_financier_and_seller() {
	build_and_execute(|| {
		let mut made = Vec::new();
		for _ in 0..7 {
			let (_, note) = note_of_t1(CORE, 10_000);
			let id = NextFinancingId::<Test>::get();
			assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, FACTORING));
			made.push(id);
		}
		for who in [BANK, T1] {
			for limit in [1, 3, 7, 100] {
				let ids = read_all(limit, |p| Financing::financings_of(&who, p));
				assert_eq!(sorted(ids), made, "{who} at {limit} a page");
			}
		}
		assert!(read_all(10, |p| Financing::financings_of(&T2, p)).is_empty());
		let page = Financing::financings_of(&T1, &PageRequest::first(100)).unwrap();
		assert!(page.items.iter().all(|f| f.seller == T1 && made.contains(&f.id)));
	});
}

#[test]
fn requests_are_listed_while_they_wait() {
	build_and_execute(|| {
		// Two holders (one holder has at most MAX_REQUESTS_FROM waiting at one bank).
		let mut notes = Vec::new();
		for i in 0..3 {
			let (_, note) = note_of_t1(CORE, 10_000);
			let holder = if i == 2 { T2 } else { T1 };
			if holder == T2 {
				pass(note, T1, T2);
			}
			assert_ok!(Financing::request(
				RuntimeOrigin::signed(holder),
				note,
				BANK,
				FinancingKind::Pledge,
				rate()
			));
			notes.push(note);
		}
		assert_eq!(sorted(read_all(2, |p| Financing::requests_of(&BANK, p))), vec![0, 1, 2]);
		assert_eq!(sorted(read_all(2, |p| Financing::requests_of(&T1, p))), vec![0, 1]);
		assert_eq!(read_all(2, |p| Financing::requests_of(&T2, p)), vec![2]);
		assert_ok!(Financing::decline(RuntimeOrigin::signed(BANK), 1));
		assert_ok!(Financing::withdraw(RuntimeOrigin::signed(T2), 2));
		assert_eq!(read_all(2, |p| Financing::requests_of(&BANK, p)), vec![0]);
		assert_ok!(Financing::approve(RuntimeOrigin::signed(BANK), 0));
		assert!(read_all(2, |p| Financing::requests_of(&BANK, p)).is_empty());
		assert!(read_all(2, |p| Financing::requests_of(&T1, p)).is_empty());
		assert_eq!(read_all(2, |p| Financing::financings_of(&T1, p)), vec![0]);
	});
}

/// A recourse factoring of `face` whose seller cannot pay: a claim of T1 to BANK.
fn claim_of_t1() -> u64 {
	let (r, note) = note_of_t1(CORE, 1_000_000);
	let id = NextFinancingId::<Test>::get();
	assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, FACTORING));
	set_time(MATURITY + 3 * DAY);
	let _ = Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r);
	let all = cny(T1);
	assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
		CNY,
		&T1,
		&T2,
		all,
		frame_support::traits::tokens::Preservation::Expendable
	));
	assert_ok!(Financing::exercise_recourse(RuntimeOrigin::signed(BANK), id));
	assert!(Claims::<Test>::contains_key(id));
	id
}

#[test]
fn claims_are_listed_until_settled() {
	build_and_execute(|| {
		let claim = claim_of_t1();
		for who in [T1, BANK] {
			assert_eq!(read_all(1, |p| Financing::claims_of(&who, p)), vec![claim]);
		}
		assert!(read_all(1, |p| Financing::claims_of(&T2, p)).is_empty());
		// The recourse claim names the note that secures it (issue 25, item 1).
		let note = Financings::<Test>::get(claim).unwrap().note;
		let page = Financing::claims_of(&T1, &PageRequest::first(10)).unwrap();
		assert_eq!(page.items[0].security, Some(note));
		assert_eq!(Financing::security_of(claim), Some(note));
		// T1 gets the money back and settles.
		let all = cny(T2);
		assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
			CNY,
			&T2,
			&T1,
			all,
			frame_support::traits::tokens::Preservation::Expendable
		));
		assert_ok!(Financing::settle_claim(RuntimeOrigin::signed(T1), claim));
		assert!(read_all(1, |p| Financing::claims_of(&T1, p)).is_empty());
		assert!(read_all(1, |p| Financing::claims_of(&BANK, p)).is_empty());
		assert_eq!(Financing::security_of(claim), None);
	});
}

#[test]
fn an_upgraded_chain_indexes_what_it_has_from_leftover_weight() {
	new_test_ext().execute_with(|| {
		open_programs(4);
		let claim = claim_of_t1();
		set_time(START);
		let (_, note) = note_of_t1(OTHER_CORE, 10_000);
		assert_ok!(Financing::request(
			RuntimeOrigin::signed(T1),
			note,
			OTHER_BANK,
			FinancingKind::Pledge,
			rate()
		));
		let before = (
			sorted(read_all(100, |p| Financing::programs_of(&BANK, p))),
			sorted(read_all(100, |p| Financing::financings_of(&T1, p))),
			sorted(read_all(100, |p| Financing::requests_of(&OTHER_BANK, p))),
			sorted(read_all(100, |p| Financing::claims_of(&BANK, p))),
		);
		assert_eq!(before.3, vec![claim]);
		// As before the indexes existed.
		let _ = ProgramsOf::<Test>::clear(u32::MAX, None);
		let _ = FinancingsOf::<Test>::clear(u32::MAX, None);
		let _ = RequestsOf::<Test>::clear(u32::MAX, None);
		let _ = ClaimsOf::<Test>::clear(u32::MAX, None);
		// Nor the count of claims each debtor owes (it is counted as claims are indexed).
		let _ = ClaimsOwedBy::<Test>::clear(u32::MAX, None);
		StorageVersion::new(0).put::<Financing>();

		Financing::on_runtime_upgrade();
		assert_eq!(Financing::on_chain_storage_version(), 2);
		assert!(!Financing::indexes_complete());
		check_invariants();
		// A block with no room indexes nothing; one with room for one id indexes one.
		Financing::on_idle(2, Weight::zero());
		assert_eq!(IndexBackfill::<Test>::get().unwrap().financings.0, 0);
		Financing::on_idle(2, Financing::backfill_step(4, 5));
		assert_eq!(IndexBackfill::<Test>::get().unwrap().financings.0, 1);
		check_invariants();
		Financing::on_idle(3, Weight::MAX);
		assert!(Financing::indexes_complete());
		check_invariants();
		let after = (
			sorted(read_all(100, |p| Financing::programs_of(&BANK, p))),
			sorted(read_all(100, |p| Financing::financings_of(&T1, p))),
			sorted(read_all(100, |p| Financing::requests_of(&OTHER_BANK, p))),
			sorted(read_all(100, |p| Financing::claims_of(&BANK, p))),
		);
		assert_eq!(after, before);
		// Later upgrades do nothing.
		Financing::on_runtime_upgrade();
		assert!(Financing::indexes_complete());
		assert_eq!(Financing::on_chain_storage_version(), 2);
	});
}
