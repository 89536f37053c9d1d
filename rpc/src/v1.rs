//! Blocks whose runtime has version 1 of ReceivablesApi: whole lists only (no pages), exposure
//! walked rather than counted, claims without their security, and no financings, programs,
//! requests or lines lists. Their answers are given in today's form, and bounded like today's.

use crate::{error, error_code, runtime_error, Listing, MAX_PAGE};
use cascade_runtime_api::{ClaimInfo, ExposureInfo, NoteInfo, PageRequest, ReceivablesApi};
use codec::Codec;
use jsonrpsee::{core::RpcResult, types::error::ErrorObjectOwned};
use sp_api::ApiRef;
use sp_runtime::traits::Block as BlockT;

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

/// The notes `who` (`account`) held and was offered, whole.
#[allow(deprecated)]
pub(crate) fn notes_of<Block, Api, AccountId, AssetId, Balance>(
	api: &ApiRef<'_, Api>,
	at: Block::Hash,
	who: AccountId,
	account: &str,
) -> RpcResult<Listing<NoteInfo<AccountId, Balance>>>
where
	Block: BlockT,
	Api: ReceivablesApi<Block, AccountId, AssetId, Balance>,
	AccountId: Codec,
	AssetId: Codec,
	Balance: Codec,
{
	let notes = api.notes_of_before_version_2(at, who).map_err(runtime_error)?;
	bounded(notes, account, "notes")
}

/// Every note of `receivable`, whole.
#[allow(deprecated)]
pub(crate) fn tree<Block, Api, AccountId, AssetId, Balance>(
	api: &ApiRef<'_, Api>,
	at: Block::Hash,
	receivable: u64,
) -> RpcResult<Listing<NoteInfo<AccountId, Balance>>>
where
	Block: BlockT,
	Api: ReceivablesApi<Block, AccountId, AssetId, Balance>,
	AccountId: Codec,
	AssetId: Codec,
	Balance: Codec,
{
	let tree = api.tree_before_version_2(at, receivable).map_err(runtime_error)?;
	let tree =
		tree.ok_or_else(|| error(error_code::NOT_FOUND, format!("no receivable {receivable}")))?;
	bounded(tree, &format!("receivable {receivable}"), "notes")
}

/// `core`'s exposure, in today's form (complete: version 1 walked every receivable).
#[allow(deprecated)]
pub(crate) fn exposure<Block, Api, AccountId, AssetId, Balance>(
	api: &ApiRef<'_, Api>,
	at: Block::Hash,
	core: AccountId,
) -> RpcResult<ExposureInfo<AccountId, AssetId, Balance>>
where
	Block: BlockT,
	Api: ReceivablesApi<Block, AccountId, AssetId, Balance>,
	AccountId: Codec + Clone,
	AssetId: Codec,
	Balance: Codec + Copy + sp_runtime::traits::Saturating,
{
	let old = api.exposure_before_version_2(at, core.clone()).map_err(runtime_error)?;
	Ok(old.upgrade(core))
}

/// The claims `who` (`account`) owed or was owed, whole, without what secures them.
#[allow(deprecated)]
pub(crate) fn claims_of<Block, Api, AccountId, AssetId, Balance>(
	api: &ApiRef<'_, Api>,
	at: Block::Hash,
	who: AccountId,
	account: &str,
) -> RpcResult<Listing<ClaimInfo<AccountId, Balance>>>
where
	Block: BlockT,
	Api: ReceivablesApi<Block, AccountId, AssetId, Balance>,
	AccountId: Codec,
	AssetId: Codec,
	Balance: Codec,
{
	let claims = api.claims_of_before_version_2(at, who).map_err(runtime_error)?;
	bounded(claims.into_iter().map(|c| c.upgrade()).collect(), account, "claims")
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
