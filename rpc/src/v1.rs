//! Blocks whose runtime has version 1 of ReceivablesApi: whole lists only (no pages), exposure
//! walked rather than counted, claims without their security, and no financings, programs,
//! requests or lines lists. Their answers are given in today's form, and bounded like today's.

use crate::{error, error_code, runtime_error, Listing, MAX_PAGE};
use cascade_runtime_api::{ClaimInfo, ExposureInfo, NoteInfo, PageRequest, ReceivablesApi};
use codec::Codec;
use jsonrpsee::{core::RpcResult, types::error::ErrorObjectOwned};
use sp_api::ApiRef;
use sp_runtime::traits::Block as BlockT;
use std::marker::PhantomData;

/// Pages exist from version 2 of the API on; an older block is read whole.
pub(crate) fn ensure_no_page(
	page: &Option<PageRequest>,
	at: impl std::fmt::Debug,
) -> Result<(), ErrorObjectOwned> {
	match page {
		Some(_) => Err(error(
			error_code::UNSUPPORTED_AT_BLOCK,
			format!("block {at:?} runs version 1 of ReceivablesApi, which has no pages: ask without one"),
		)),
		None => Ok(()),
	}
}

/// A whole list from a block of version 1 of the API, which answers no pages: as it is when it
/// fits one page, otherwise error 4130 — every answer is bounded, at old blocks too.
pub(crate) fn bounded<T>(items: Vec<T>, owner: &str, what: &str) -> RpcResult<Listing<T>> {
	if items.len() > MAX_PAGE as usize {
		return Err(error(
			error_code::TOO_LARGE,
			format!(
				"{owner} had more than {MAX_PAGE} {what} at this block, whose runtime (version 1 \
				 of ReceivablesApi) answers no pages: read them at a block of a later runtime"
			),
		));
	}
	Ok(Listing::All(items))
}

/// The version-1 reads of a block's runtime API.
pub(crate) struct Old<'a, 'b, Block: BlockT, Api, AccountId, AssetId, Balance> {
	pub api: &'a ApiRef<'b, Api>,
	pub at: Block::Hash,
	pub _types: PhantomData<(AccountId, AssetId, Balance)>,
}

#[allow(deprecated)]
impl<Block, Api, AccountId, AssetId, Balance> Old<'_, '_, Block, Api, AccountId, AssetId, Balance>
where
	Block: BlockT,
	Api: ReceivablesApi<Block, AccountId, AssetId, Balance>,
	AccountId: Codec + Clone,
	AssetId: Codec,
	Balance: Codec + Copy + sp_runtime::traits::Saturating,
{
	/// The notes `who` (`account`) held and was offered, whole.
	pub fn notes_of(
		&self,
		who: AccountId,
		account: &str,
	) -> RpcResult<Listing<NoteInfo<AccountId, Balance>>> {
		let notes = self.api.notes_of_before_version_2(self.at, who).map_err(runtime_error)?;
		bounded(notes, account, "notes")
	}

	/// Every note of `receivable`, whole.
	pub fn tree(&self, receivable: u64) -> RpcResult<Listing<NoteInfo<AccountId, Balance>>> {
		let tree = self.api.tree_before_version_2(self.at, receivable).map_err(runtime_error)?;
		let tree = tree
			.ok_or_else(|| error(error_code::NOT_FOUND, format!("no receivable {receivable}")))?;
		bounded(tree, &format!("receivable {receivable}"), "notes")
	}

	/// `core`'s exposure, in today's form (complete: version 1 walked every receivable).
	pub fn exposure(
		&self,
		core: AccountId,
	) -> RpcResult<ExposureInfo<AccountId, AssetId, Balance>> {
		let old =
			self.api.exposure_before_version_2(self.at, core.clone()).map_err(runtime_error)?;
		Ok(old.upgrade(core))
	}

	/// The claims `who` (`account`) owed or was owed, whole, without what secures them.
	pub fn claims_of(
		&self,
		who: AccountId,
		account: &str,
	) -> RpcResult<Listing<ClaimInfo<AccountId, Balance>>> {
		let claims = self.api.claims_of_before_version_2(self.at, who).map_err(runtime_error)?;
		bounded(claims.into_iter().map(|c| c.upgrade()).collect(), account, "claims")
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	// Issue 25, item 6: answers at version-1 blocks are bounded too.
	#[test]
	fn whole_lists_of_version_one_blocks_are_bounded() {
		let fits: Vec<u32> = (0..MAX_PAGE).collect();
		assert!(matches!(bounded(fits, "x", "notes"), Ok(Listing::All(v)) if v.len() == 1_000));
		let more: Vec<u32> = (0..=MAX_PAGE).collect();
		let refused = bounded(more, "receivable 7", "notes").err().expect("refused");
		assert_eq!(refused.code(), error_code::TOO_LARGE);
		assert!(refused.message().contains("receivable 7 had more than 1000 notes"));
	}
}
