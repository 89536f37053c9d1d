//! `split`, `transfer` and `split_transfer` touch the same storage whatever the note's depth and
//! however many notes its receivable has: counted here, storage operation by storage operation,
//! on a root note, on a note 999 levels deep (the deepest that may still split), and in a
//! receivable of 100,003 notes. Below the depth limit, splitting is refused.

use crate::mock::Receivables;
use crate::{mock::*, pallet::*};
use frame_support::assert_ok;
use sp_externalities::{Extension, ExtensionStore, Externalities, MultiRemovalResults};
use sp_storage::{ChildInfo, StateVersion, TrackedStorageKey};
use std::any::{Any, TypeId};

/// Delegates to the real externalities, counting storage reads and writes.
struct Counting<'a> {
	inner: &'a mut dyn Externalities,
	reads: u32,
	writes: u32,
}

impl ExtensionStore for Counting<'_> {
	fn extension_by_type_id(&mut self, type_id: TypeId) -> Option<&mut dyn Any> {
		self.inner.extension_by_type_id(type_id)
	}
	fn register_extension_with_type_id(
		&mut self,
		type_id: TypeId,
		extension: Box<dyn Extension>,
	) -> Result<(), sp_externalities::Error> {
		self.inner.register_extension_with_type_id(type_id, extension)
	}
	fn deregister_extension_by_type_id(
		&mut self,
		type_id: TypeId,
	) -> Result<(), sp_externalities::Error> {
		self.inner.deregister_extension_by_type_id(type_id)
	}
}

impl Externalities for Counting<'_> {
	fn set_offchain_storage(&mut self, key: &[u8], value: Option<&[u8]>) {
		self.inner.set_offchain_storage(key, value)
	}
	fn storage(&mut self, key: &[u8]) -> Option<Vec<u8>> {
		self.reads += 1;
		self.inner.storage(key)
	}
	fn storage_hash(&mut self, key: &[u8]) -> Option<Vec<u8>> {
		self.reads += 1;
		self.inner.storage_hash(key)
	}
	fn child_storage_hash(&mut self, child_info: &ChildInfo, key: &[u8]) -> Option<Vec<u8>> {
		self.reads += 1;
		self.inner.child_storage_hash(child_info, key)
	}
	fn child_storage(&mut self, child_info: &ChildInfo, key: &[u8]) -> Option<Vec<u8>> {
		self.reads += 1;
		self.inner.child_storage(child_info, key)
	}
	fn exists_storage(&mut self, key: &[u8]) -> bool {
		self.reads += 1;
		self.inner.exists_storage(key)
	}
	fn exists_child_storage(&mut self, child_info: &ChildInfo, key: &[u8]) -> bool {
		self.reads += 1;
		self.inner.exists_child_storage(child_info, key)
	}
	fn next_storage_key(&mut self, key: &[u8]) -> Option<Vec<u8>> {
		self.reads += 1;
		self.inner.next_storage_key(key)
	}
	fn next_child_storage_key(&mut self, child_info: &ChildInfo, key: &[u8]) -> Option<Vec<u8>> {
		self.reads += 1;
		self.inner.next_child_storage_key(child_info, key)
	}
	fn kill_child_storage(
		&mut self,
		child_info: &ChildInfo,
		maybe_limit: Option<u32>,
		maybe_cursor: Option<&[u8]>,
	) -> MultiRemovalResults {
		self.writes += 1;
		self.inner.kill_child_storage(child_info, maybe_limit, maybe_cursor)
	}
	fn clear_prefix(
		&mut self,
		prefix: &[u8],
		maybe_limit: Option<u32>,
		maybe_cursor: Option<&[u8]>,
	) -> MultiRemovalResults {
		self.writes += 1;
		self.inner.clear_prefix(prefix, maybe_limit, maybe_cursor)
	}
	fn clear_child_prefix(
		&mut self,
		child_info: &ChildInfo,
		prefix: &[u8],
		maybe_limit: Option<u32>,
		maybe_cursor: Option<&[u8]>,
	) -> MultiRemovalResults {
		self.writes += 1;
		self.inner.clear_child_prefix(child_info, prefix, maybe_limit, maybe_cursor)
	}
	fn place_storage(&mut self, key: Vec<u8>, value: Option<Vec<u8>>) {
		self.writes += 1;
		self.inner.place_storage(key, value)
	}
	fn place_child_storage(
		&mut self,
		child_info: &ChildInfo,
		key: Vec<u8>,
		value: Option<Vec<u8>>,
	) {
		self.writes += 1;
		self.inner.place_child_storage(child_info, key, value)
	}
	fn storage_root(&mut self, state_version: StateVersion) -> Vec<u8> {
		self.inner.storage_root(state_version)
	}
	fn child_storage_root(
		&mut self,
		child_info: &ChildInfo,
		state_version: StateVersion,
	) -> Vec<u8> {
		self.inner.child_storage_root(child_info, state_version)
	}
	fn storage_append(&mut self, key: Vec<u8>, value: Vec<u8>) {
		self.writes += 1;
		self.inner.storage_append(key, value)
	}
	fn storage_start_transaction(&mut self) {
		self.inner.storage_start_transaction()
	}
	fn storage_rollback_transaction(&mut self) -> Result<(), ()> {
		self.inner.storage_rollback_transaction()
	}
	fn storage_commit_transaction(&mut self) -> Result<(), ()> {
		self.inner.storage_commit_transaction()
	}
	fn wipe(&mut self) {
		self.inner.wipe()
	}
	fn commit(&mut self) {
		self.inner.commit()
	}
	fn read_write_count(&self) -> (u32, u32, u32, u32) {
		self.inner.read_write_count()
	}
	fn reset_read_write_count(&mut self) {
		self.inner.reset_read_write_count()
	}
	fn get_whitelist(&self) -> Vec<TrackedStorageKey> {
		self.inner.get_whitelist()
	}
	fn set_whitelist(&mut self, new: Vec<TrackedStorageKey>) {
		self.inner.set_whitelist(new)
	}
	fn get_read_and_written_keys(&self) -> Vec<(Vec<u8>, u32, u32, bool)> {
		self.inner.get_read_and_written_keys()
	}
}

/// (reads, writes) of running `f` in `ext`.
fn count(ext: &mut sp_io::TestExternalities, f: impl FnOnce()) -> (u32, u32) {
	let mut inner = ext.ext();
	let mut counting = Counting { inner: &mut inner, reads: 0, writes: 0 };
	sp_externalities::set_and_run_with_externalities(&mut counting, f);
	(counting.reads, counting.writes)
}

const FACE: Balance = 40_000_000;

/// A world where T1 holds an Active note `depth` levels below its root, in a receivable that
/// also holds a side branch of `wide` sixteen-way splits; returns it with the note.
fn world(depth: u32, wide: u32) -> (sp_io::TestExternalities, u64) {
	let mut ext = new_test_ext();
	let note = ext.execute_with(|| {
		assert_ok!(Receivables::set_parameters(RuntimeOrigin::root(), 365 * DAY, DAY, 1));
		let (_, root) = active_receivable(FACE);
		if depth == 0 && wide == 0 {
			return root;
		}
		let first = NextNoteId::<Test>::get();
		assert_ok!(Receivables::split(
			RuntimeOrigin::signed(T1),
			root,
			amounts(&[FACE / 2, FACE / 2])
		));
		// The side branch grows breadth first (16 parts a split), so it stays a few levels deep.
		let mut side = std::collections::VecDeque::from([first + 1]);
		for _ in 0..wide {
			let next_split = side.pop_front().expect("a note to split");
			let amount = Notes::<Test>::get(next_split).unwrap().amount;
			let mut parts = vec![amount / 16; 15];
			parts.push(amount - 15 * (amount / 16));
			let next = NextNoteId::<Test>::get();
			assert_ok!(Receivables::split(RuntimeOrigin::signed(T1), next_split, amounts(&parts)));
			side.extend(next..next + 16);
		}
		let mut note = first;
		for _ in 1..depth {
			let amount = Notes::<Test>::get(note).unwrap().amount;
			let next = NextNoteId::<Test>::get();
			assert_ok!(Receivables::split(
				RuntimeOrigin::signed(T1),
				note,
				amounts(&[1, amount - 1])
			));
			note = next + 1;
		}
		note
	});
	(ext, note)
}

/// (reads, writes) of split, transfer and split_transfer on such a note, each in a fresh world.
fn costs(depth: u32, wide: u32) -> [(u32, u32); 3] {
	let mut out = [(0, 0); 3];
	for (i, slot) in out.iter_mut().enumerate() {
		let (mut ext, note) = world(depth, wide);
		let (seen_depth, amount, notes) = ext.execute_with(|| {
			let n = Notes::<Test>::get(note).unwrap();
			(n.depth, n.amount, NotesByReceivable::<Test>::iter_prefix(n.receivable).count())
		});
		assert_eq!(seen_depth, depth, "the measured note sits at the intended depth");
		assert!(notes as u32 > 16 * wide, "the receivable holds the intended notes");
		*slot = count(&mut ext, || {
			let result = match i {
				0 => Receivables::split(
					RuntimeOrigin::signed(T1),
					note,
					amounts(&[1_000, amount - 1_000]),
				),
				1 => Receivables::transfer(RuntimeOrigin::signed(T1), note, T2),
				_ => Receivables::split_transfer(RuntimeOrigin::signed(T1), note, T2, 1_000),
			};
			assert_ok!(result);
		});
	}
	out
}

#[test]
fn cost_does_not_grow_with_depth_or_tree_size() {
	let root = costs(0, 0);
	let deep = costs(MAX_DEPTH - 1, 0);
	let wide = costs(1, 6_250); // 1 + 2 + 16·6,250 = 100,003 notes
	for (i, name) in ["split", "transfer", "split_transfer"].iter().enumerate() {
		println!(
			"{name}: root {:?}, depth 999 {:?}, 100,003 notes {:?} (reads, writes)",
			root[i], deep[i], wide[i]
		);
		assert_eq!(root[i], deep[i], "{name} on a note 999 deep costs what it costs on a root");
		assert_eq!(root[i], wide[i], "{name} among 100,003 notes costs what it costs among one");
		assert!(root[i].0 > 0 && root[i].1 > 0, "{name} was counted");
	}
}

#[test]
fn a_note_at_the_depth_limit_moves_whole_but_does_not_split() {
	let (mut ext, note) = world(MAX_DEPTH, 0);
	ext.execute_with(|| {
		let n = Notes::<Test>::get(note).unwrap();
		assert_eq!(n.depth, MAX_DEPTH);
		assert_eq!(Receivables::lineage(note).len() as u32, MAX_DEPTH + 1, "lineage is bounded");
		frame_support::assert_noop!(
			Receivables::split(RuntimeOrigin::signed(T1), note, amounts(&[1, n.amount - 1])),
			Error::<Test>::TooDeep
		);
		frame_support::assert_noop!(
			Receivables::split_transfer(RuntimeOrigin::signed(T1), note, T2, 1),
			Error::<Test>::TooDeep
		);
		// Paid on whole, it keeps its depth: the next holder may move it whole too.
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), note, T2));
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T2), note));
		assert_eq!(Notes::<Test>::get(note).unwrap().holder, T2);
		check_invariants();
	});
}
