//! Paged reads: a holder's notes and a receivable's tree, a bounded page at a time.

use crate::mock::Receivables;
use crate::{mock::*, pallet::*, NoteId};
use cascade_primitives::paging::{Page, PageError, PageRequest, MAX_PAGE};
use frame_support::assert_ok;
use std::collections::BTreeSet;

/// Split `note` (held by T1, `amount`) into 16 parts, each part again, `levels` deep: returns the
/// leaves, all held by T1.
fn fan_out(note: NoteId, amount: u128, levels: u32) -> Vec<NoteId> {
	let mut level = vec![(note, amount)];
	for _ in 0..levels {
		let mut next = Vec::new();
		for (id, amount) in level {
			let part = amount / 16;
			let mut parts = vec![part; 16];
			parts[0] += amount - part * 16;
			let first = NextNoteId::<Test>::get();
			assert_ok!(Receivables::split(RuntimeOrigin::signed(T1), id, amounts(&parts)));
			next.extend((0..16).map(|i| (first + i, parts[i as usize])));
		}
		level = next;
	}
	level.into_iter().map(|(id, _)| id).collect()
}

/// Every page of a list, `limit` at a time: the ids in order read, and how many pages.
fn read_all(
	limit: u32,
	mut page: impl FnMut(&PageRequest) -> Result<Page<crate::NoteInfoOf<Test>>, PageError>,
) -> (Vec<NoteId>, usize) {
	let mut request = PageRequest::first(limit);
	let mut ids = Vec::new();
	let mut pages = 0;
	loop {
		let p = page(&request).expect("a page");
		pages += 1;
		assert!(p.items.len() <= limit.min(MAX_PAGE) as usize, "a page never exceeds its limit");
		ids.extend(p.items.into_iter().map(|n| n.id));
		match p.next {
			Some(cursor) => request = PageRequest { cursor: Some(cursor), limit },
			None => return (ids, pages),
		}
	}
}

fn distinct(ids: &[NoteId]) -> BTreeSet<NoteId> {
	let set: BTreeSet<NoteId> = ids.iter().copied().collect();
	assert_eq!(set.len(), ids.len(), "no note is repeated");
	set
}

#[test]
fn a_tree_reads_page_by_page_to_the_end_with_nothing_missed_or_repeated() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, root) = active_receivable(2_560_000);
		fan_out(root, 2_560_000, 2); // 1 + 16 + 256 notes
		let all: BTreeSet<NoteId> = NotesByReceivable::<Test>::iter_key_prefix(r).collect();
		assert_eq!(all.len(), 273);
		for limit in [1, 7, 16, 272, 273, 1_000] {
			let (ids, pages) = read_all(limit, |req| Receivables::tree(r, req));
			assert_eq!(distinct(&ids), all, "limit {limit}");
			assert_eq!(
				pages,
				273usize.div_ceil(limit as usize),
				"limit {limit}: no empty last page"
			);
		}
	});
}

#[test]
fn notes_of_reads_held_notes_then_offers() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(1_600_000);
		let leaves = fan_out(root, 1_600_000, 1); // T1 holds 16 notes
											// Five of them offered to T2: T2 sees them as offers; T1 still holds them (pending).
		for id in &leaves[..5] {
			assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), *id, T2));
		}
		let (_, other_root) = issue_to_t1(300_000, "INV-2");
		let _ = other_root;
		// T2: 0 held, 5 offered. T1: 16 held, 1 offered (INV-2's root).
		let (t2, _) = read_all(2, |req| Receivables::notes_of(&T2, req));
		assert_eq!(distinct(&t2), leaves[..5].iter().copied().collect());
		for limit in [1, 3, 4, 16, 17, 100] {
			let (t1, pages) = read_all(limit, |req| Receivables::notes_of(&T1, req));
			let expected: BTreeSet<NoteId> = leaves.iter().copied().chain([other_root]).collect();
			assert_eq!(distinct(&t1), expected, "limit {limit}");
			assert_eq!(t1.last(), Some(&other_root), "offers come after held notes");
			assert_eq!(pages, 17usize.div_ceil(limit as usize), "limit {limit}");
		}
	});
}

#[test]
fn empty_lists_give_one_empty_page() {
	ExtBuilder::default().build_and_execute(|| {
		let page = Receivables::notes_of(&STRANGER, &PageRequest::first(10)).unwrap();
		assert!(page.items.is_empty() && page.next.is_none());
		let (r, _) = issue_to_t1(1_000, "INV-1");
		let page = Receivables::tree(r, &PageRequest::first(10)).unwrap();
		assert_eq!(page.items.len(), 1);
		assert!(page.next.is_none());
	});
}

#[test]
fn a_cursor_from_another_list_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, root) = active_receivable(1_600_000);
		fan_out(root, 1_600_000, 1);
		let (other, _) = issue_to_t1(1_000, "INV-2");
		let tree_cursor = Receivables::tree(r, &PageRequest::first(2)).unwrap().next.unwrap();
		let notes_cursor =
			Receivables::notes_of(&T1, &PageRequest::first(2)).unwrap().next.unwrap();
		let with = |c: &cascade_primitives::paging::Cursor| PageRequest {
			cursor: Some(c.clone()),
			limit: 2,
		};
		assert_eq!(
			Receivables::tree(other, &with(&tree_cursor)).err(),
			Some(PageError::ForeignCursor)
		);
		assert_eq!(
			Receivables::tree(r, &with(&notes_cursor)).err(),
			Some(PageError::ForeignCursor)
		);
		assert_eq!(
			Receivables::notes_of(&T2, &with(&notes_cursor)).err(),
			Some(PageError::ForeignCursor)
		);
		assert_eq!(
			Receivables::notes_of(&T1, &with(&tree_cursor)).err(),
			Some(PageError::ForeignCursor)
		);
		assert!(Receivables::tree(r, &with(&tree_cursor)).is_ok());
		assert_eq!(
			Receivables::tree(99, &PageRequest::first(2)).err(),
			Some(PageError::UnknownList)
		);
		assert_eq!(Receivables::tree(r, &PageRequest::first(0)).err(), Some(PageError::ZeroLimit));
		assert_eq!(
			Receivables::notes_of(&T1, &PageRequest::first(0)).err(),
			Some(PageError::ZeroLimit)
		);
	});
}

#[test]
fn a_limit_above_the_maximum_is_clamped() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, root) = active_receivable(4_096_000);
		fan_out(root, 4_096_000, 3); // 1 + 16 + 256 + 4,096 notes
		let page = Receivables::tree(r, &PageRequest::first(u32::MAX)).unwrap();
		assert_eq!(page.items.len(), MAX_PAGE as usize);
		assert!(page.next.is_some());
		let held = Receivables::notes_of(&T1, &PageRequest::first(5_000)).unwrap();
		assert_eq!(held.items.len(), MAX_PAGE as usize);
	});
}

#[test]
fn an_issuers_receivables_read_page_by_page_settled_ones_included() {
	ExtBuilder::default().build_and_execute(|| {
		let issued: Vec<_> = (0..7).map(|i| issue_to_t1(1_000, &format!("INV-{i}")).0).collect();
		// One of them cancelled: still in the issuer's register.
		assert_ok!(Receivables::cancel(RuntimeOrigin::signed(CORE), issued[3]));
		for limit in [1, 2, 3, 7, 100] {
			let mut request = PageRequest::first(limit);
			let mut seen = Vec::new();
			loop {
				let p = Receivables::receivables_of(&CORE, &request).unwrap();
				assert!(p.items.len() <= limit as usize);
				assert!(p.items.iter().all(|r| r.issuer == CORE));
				seen.extend(p.items.iter().map(|r| r.id));
				match p.next {
					Some(cursor) => request = PageRequest { cursor: Some(cursor), limit },
					None => break,
				}
			}
			seen.sort();
			assert_eq!(seen, issued, "limit {limit}: every receivable once");
		}
		let empty = Receivables::receivables_of(&STRANGER, &PageRequest::first(10)).unwrap();
		assert!(empty.items.is_empty() && empty.next.is_none());
		// A cursor of another list is refused.
		let notes = Receivables::notes_of(&T1, &PageRequest::first(1)).unwrap().next.unwrap();
		assert_eq!(
			Receivables::receivables_of(&CORE, &PageRequest { cursor: Some(notes), limit: 2 })
				.err(),
			Some(PageError::ForeignCursor)
		);
		assert_eq!(
			Receivables::receivables_of(&CORE, &PageRequest::first(0)).err(),
			Some(PageError::ZeroLimit)
		);
	});
}
