//! Paged reads: a list is read at most [`MAX_PAGE`] items at a time and continued from an opaque
//! [`Cursor`], so no read of the ledger grows with the ledger.
//!
//! A cursor names the list it belongs to (which kind of list, and whose), and the raw storage key
//! of the last item it returned; the next page starts right after that key. A cursor from another
//! list — another account's notes, another receivable's tree, a tree cursor given to notes — is
//! refused with [`PageError::ForeignCursor`]. Items come in storage order (by hashed key), which is
//! stable while the list does not change; an item added or removed between pages may be missed
//! or seen, as with any paged read of a changing list, but none is ever repeated.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{BoundedVec, StorageHasher};
use scale_info::TypeInfo;
use sp_runtime::traits::ConstU32;

/// The most items a page holds; a larger limit is clamped to it.
pub const MAX_PAGE: u32 = 1_000;
/// The longest cursor, in bytes (a list tag, a 16-byte scope, a raw storage key).
pub const MAX_CURSOR: u32 = 256;

/// Which list a cursor belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub enum ListKind {
	/// The notes an account holds (the first part of `notes_of`).
	NotesHeld,
	/// The notes offered to an account (the second part of `notes_of`).
	NotesOffered,
	/// Every note of a receivable.
	Tree,
	/// The claims an account owes or is owed.
	Claims,
	/// The financings of an account (as financier or as seller/borrower).
	Financings,
	/// A core's credit lines.
	Lines,
	/// A financier's programs.
	Programs,
	/// The requests waiting for a financier.
	Requests,
	/// The receivables a core issued.
	Receivables,
}

/// Where a list continues: opaque to clients, who pass back what they were given.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct Cursor(pub BoundedVec<u8, ConstU32<MAX_CURSOR>>);

#[derive(Encode, Decode)]
struct CursorBody {
	list: ListKind,
	scope: [u8; 16],
	last_key: Vec<u8>,
}

/// A request for one page: where to continue (none: from the start) and how many items at most.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct PageRequest {
	pub cursor: Option<Cursor>,
	pub limit: u32,
}

impl PageRequest {
	/// The first page, of `limit` items.
	pub fn first(limit: u32) -> Self {
		Self { cursor: None, limit }
	}
}

/// Why a page could not be read.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub enum PageError {
	/// The cursor belongs to another list (another kind, or another account or receivable).
	ForeignCursor,
	/// The cursor is not one this chain made.
	MalformedCursor,
	/// A page of zero items was asked for.
	ZeroLimit,
	/// The list's owner does not exist (an unknown receivable).
	UnknownList,
}

/// One page of a list, and where the list continues (`None`: this was the last page).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct Page<T> {
	pub items: Vec<T>,
	pub next: Option<Cursor>,
}

impl<T> Page<T> {
	/// The same page with each item mapped.
	pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
		Page { items: self.items.into_iter().map(f).collect(), next: self.next }
	}
}

/// One list's identity: its kind and a 16-byte hash of its owner's key.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct List {
	kind: ListKind,
	scope: [u8; 16],
}

impl List {
	/// The list `kind` of `owner` (an account, a receivable id).
	pub fn new(kind: ListKind, owner: &impl Encode) -> Self {
		Self { kind, scope: frame_support::Blake2_128::hash(&owner.encode()) }
	}

	/// The raw key to continue after, from `request`'s cursor: `None` to start at the beginning.
	/// A cursor of another list, or a malformed one, is refused.
	pub fn start(&self, request: &PageRequest) -> Result<Option<Vec<u8>>, PageError> {
		if request.limit == 0 {
			return Err(PageError::ZeroLimit);
		}
		let Some(cursor) = &request.cursor else { return Ok(None) };
		let body =
			CursorBody::decode(&mut &cursor.0[..]).map_err(|_| PageError::MalformedCursor)?;
		if body.list != self.kind || body.scope != self.scope {
			return Err(PageError::ForeignCursor);
		}
		Ok(Some(body.last_key))
	}

	/// A cursor continuing this list after the item stored at `last_key`.
	pub fn cursor_after(&self, last_key: Vec<u8>) -> Option<Cursor> {
		let body = CursorBody { list: self.kind, scope: self.scope, last_key };
		BoundedVec::try_from(body.encode()).ok().map(Cursor)
	}

	/// Whether `request`'s cursor belongs to this list (for lists read in parts, like notes_of).
	pub fn owns(&self, request: &PageRequest) -> bool {
		request
			.cursor
			.as_ref()
			.and_then(|c| CursorBody::decode(&mut &c.0[..]).ok())
			.is_some_and(|b| b.list == self.kind && b.scope == self.scope)
	}
}

/// The number of items a request may read: its limit, at most [`MAX_PAGE`].
pub fn clamp(limit: u32) -> usize {
	limit.min(MAX_PAGE) as usize
}

/// Read up to `limit` items from `iter`, which yields each item with its raw storage key.
/// Returns the items and, when the list goes on after them, the key of the last one read (one
/// item more is looked at to know; a page that ends the list gives `None`, so a client never
/// asks for an empty last page).
pub fn take_page<I, T>(mut iter: I, limit: usize) -> (Vec<T>, Option<Vec<u8>>)
where
	I: Iterator<Item = (Vec<u8>, T)>,
{
	let mut items = Vec::new();
	let mut last = None;
	while items.len() < limit {
		match iter.next() {
			Some((key, item)) => {
				items.push(item);
				last = Some(key);
			}
			None => return (items, None),
		}
	}
	let more = iter.next().is_some();
	(items, if more { last } else { None })
}

/// One page of a list kept as the second keys of a double map under one first key: `keys`
/// iterates them from the raw key given (`None`: from the first). Returns the keys and the
/// cursor to continue from.
pub fn page_of_keys<K>(
	list: List,
	request: &PageRequest,
	keys: impl FnOnce(Option<Vec<u8>>) -> frame_support::storage::KeyPrefixIterator<K>,
) -> Result<(Vec<K>, Option<Cursor>), PageError> {
	let start = list.start(request)?.filter(|key| !key.is_empty());
	let (items, last) = take_page(with_raw_keys(keys(start)), clamp(request.limit));
	Ok((items, last.and_then(|key| list.cursor_after(key))))
}

/// Each key of `iter` with the raw storage key it was read at.
pub fn with_raw_keys<K>(
	mut iter: frame_support::storage::KeyPrefixIterator<K>,
) -> impl Iterator<Item = (Vec<u8>, K)> {
	core::iter::from_fn(move || {
		let key = iter.next()?;
		Some((iter.last_raw_key().to_vec(), key))
	})
}

#[cfg(feature = "std")]
mod serde_impls {
	use super::*;
	use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};

	/// A cursor in JSON: `0x` and its bytes in hex.
	impl Serialize for Cursor {
		fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
			let mut out = String::with_capacity(2 + self.0.len() * 2);
			out.push_str("0x");
			for b in self.0.iter() {
				out.push_str(&format!("{b:02x}"));
			}
			s.serialize_str(&out)
		}
	}

	impl<'de> Deserialize<'de> for Cursor {
		fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
			let text = String::deserialize(d)?;
			let hex = text.strip_prefix("0x").unwrap_or(&text);
			if hex.len() % 2 != 0 {
				return Err(D::Error::custom("a cursor is hex with an even number of digits"));
			}
			let bytes = (0..hex.len())
				.step_by(2)
				.map(|i| u8::from_str_radix(&hex[i..i + 2], 16))
				.collect::<Result<Vec<u8>, _>>()
				.map_err(|_| D::Error::custom("a cursor is hex"))?;
			BoundedVec::try_from(bytes)
				.map(Cursor)
				.map_err(|_| D::Error::custom("a cursor is at most 256 bytes"))
		}
	}

	/// A page request in JSON: `{ "cursor": "0x…" | null, "limit": 1000 }` (limit defaults to
	/// the maximum).
	impl<'de> Deserialize<'de> for PageRequest {
		fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
			#[derive(Deserialize)]
			#[serde(deny_unknown_fields)]
			struct Raw {
				#[serde(default)]
				cursor: Option<Cursor>,
				#[serde(default)]
				limit: Option<u32>,
			}
			let raw = Raw::deserialize(d)?;
			Ok(PageRequest { cursor: raw.cursor, limit: raw.limit.unwrap_or(MAX_PAGE) })
		}
	}

	impl Serialize for PageRequest {
		fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
			use serde::ser::SerializeStruct;
			let mut st = s.serialize_struct("PageRequest", 2)?;
			st.serialize_field("cursor", &self.cursor)?;
			st.serialize_field("limit", &self.limit)?;
			st.end()
		}
	}

	impl<'de, T: Deserialize<'de>> Deserialize<'de> for Page<T> {
		fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
			#[derive(Deserialize)]
			#[serde(bound = "T: Deserialize<'de>")]
			struct Raw<T> {
				items: Vec<T>,
				next: Option<Cursor>,
			}
			let raw = Raw::<T>::deserialize(d)?;
			Ok(Page { items: raw.items, next: raw.next })
		}
	}

	impl<T: Serialize> Serialize for Page<T> {
		fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
			use serde::ser::SerializeStruct;
			let mut st = s.serialize_struct("Page", 2)?;
			st.serialize_field("items", &self.items)?;
			st.serialize_field("next", &self.next)?;
			st.end()
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_cursor_continues_only_its_own_list() {
		let mine = List::new(ListKind::Tree, &7u64);
		let other_receivable = List::new(ListKind::Tree, &8u64);
		let other_kind = List::new(ListKind::Claims, &7u64);
		let cursor = mine.cursor_after(vec![1, 2, 3]).unwrap();
		let request = PageRequest { cursor: Some(cursor), limit: 10 };
		assert_eq!(mine.start(&request), Ok(Some(vec![1, 2, 3])));
		assert_eq!(other_receivable.start(&request), Err(PageError::ForeignCursor));
		assert_eq!(other_kind.start(&request), Err(PageError::ForeignCursor));
		let garbage =
			PageRequest { cursor: Some(Cursor(BoundedVec::truncate_from(vec![0xff]))), limit: 10 };
		assert_eq!(mine.start(&garbage), Err(PageError::MalformedCursor));
		assert_eq!(mine.start(&PageRequest::first(0)), Err(PageError::ZeroLimit));
		assert_eq!(mine.start(&PageRequest::first(5)), Ok(None));
	}

	#[test]
	fn pages_end_where_the_list_ends() {
		let items = (0u8..5).map(|i| (vec![i], i));
		assert_eq!(take_page(items.clone(), 3), (vec![0, 1, 2], Some(vec![2])));
		assert_eq!(take_page(items.clone(), 5), (vec![0, 1, 2, 3, 4], None), "the list ends here");
		assert_eq!(take_page(items.clone(), 9), (vec![0, 1, 2, 3, 4], None));
		assert_eq!(take_page(items.skip(5), 3), (Vec::<u8>::new(), None), "an empty list");
		assert_eq!(clamp(5_000), MAX_PAGE as usize);
	}

	#[test]
	fn cursors_and_requests_in_json() {
		let list = List::new(ListKind::NotesHeld, &[1u8; 32]);
		let cursor = list.cursor_after(vec![9; 4]).unwrap();
		let json = serde_json::to_string(&cursor).unwrap();
		assert!(json.starts_with("\"0x"));
		let back: Cursor = serde_json::from_str(&json).unwrap();
		assert_eq!(back, cursor);
		let request: PageRequest = serde_json::from_str(r#"{"cursor":null}"#).unwrap();
		assert_eq!(request, PageRequest::first(MAX_PAGE));
		assert!(serde_json::from_str::<PageRequest>(r#"{"cursor":"0xzz"}"#).is_err());
		assert!(serde_json::from_str::<PageRequest>(r#"{"limit":3,"page":1}"#).is_err());
	}
}
