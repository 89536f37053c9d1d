//! A core's credit lines, a page at a time.

use crate::{mock::*, CreditLines};
use cascade_primitives::paging::{Page, PageError, PageRequest};
use frame_support::assert_ok;

fn grant(core: AccountId) {
	assert_ok!(Enterprises::grant_credit_line(
		RuntimeOrigin::signed(BANK),
		core,
		CNY,
		1_000,
		START + DAY
	));
}

#[test]
fn lines_come_in_pages_to_the_end() {
	ExtBuilder::default().build_and_execute(|| {
		for _ in 1..MAX_LINES {
			grant(CORE);
		}
		grant(OTHER_CORE);
		for limit in [1, 2, 3, 4, 5] {
			let mut ids = Vec::new();
			let mut request = PageRequest::first(limit);
			loop {
				let page = Enterprises::lines_of(&CORE, &request).unwrap();
				assert!(page.items.len() as u32 <= limit);
				assert!(page
					.items
					.iter()
					.all(|l| CreditLines::<Test>::get(l.id).is_some_and(|s| s.core == CORE)));
				ids.extend(page.items.iter().map(|l| l.id));
				match page.next {
					Some(cursor) => request = PageRequest { cursor: Some(cursor), limit },
					None => break,
				}
			}
			ids.sort_unstable();
			assert_eq!(ids, (0..MAX_LINES as u64).collect::<Vec<_>>(), "limit {limit}");
		}
		let other = Enterprises::lines_of(&OTHER_CORE, &PageRequest::first(10)).unwrap();
		assert_eq!(other.items.iter().map(|l| l.id).collect::<Vec<_>>(), vec![MAX_LINES as u64]);
		assert_eq!(
			Enterprises::lines_of(&SUPPLIER, &PageRequest::first(10)).unwrap(),
			Page { items: vec![], next: None }
		);
		let cursor = Enterprises::lines_of(&CORE, &PageRequest::first(1)).unwrap().next;
		assert_eq!(
			Enterprises::lines_of(&OTHER_CORE, &PageRequest { cursor, limit: 1 }),
			Err(PageError::ForeignCursor)
		);
		assert_eq!(Enterprises::lines_of(&CORE, &PageRequest::first(0)), Err(PageError::ZeroLimit));
	});
}
